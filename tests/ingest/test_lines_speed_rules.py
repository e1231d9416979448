"""The underline marks' faster paths give exactly what the reference paths give, on real pages.

``_chars.thin_rules`` walks a page's objects in one native call: the same rules (floats compared exactly) as
``pdf_underlines._thin_rules_py`` through ctypes. ``pdf_underlines._titles`` is ``_could_be_title`` written out in
one loop: the same candidate lines. And ``mark_underlines`` marks the same lines whether the native walk runs first
(a page without rules stops before its lines are looked at) or the Python order is kept."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf as pdf_mod
from transform.ingest import pdf_underlines as U
from transform.ingest.pdf import PdfIngester

ROOT = Path(__file__).resolve().parents[2]
FILES = ROOT / "tests" / "realdocs" / "files"
# (document, pages): underlined titles (Montpellier's tariffs, Preuilly's minutes, an Arabic report), a page of
# many path objects (the Seine guide's page 10), two-column pages without rules (the loi-cadre), a table page
PAGES = [
    ("montpellier-tarifs-2014", [2, 3, 5]),
    ("preuilly-pv-2020-07", [1, 4, 9]),
    ("cese-ar-avis-biodiversite-2025", [54, 55]),
    ("seine-normandie-guide-erc-2024", [10, 26, 33]),
    ("bo-fr-loi-cadre-50-21", [1, 2]),
    ("jora-fr-lf2025-etats", [6]),
]
native = pytest.mark.skipif(U._RULES is None, reason="the optional extension _chars is not built (no C compiler)")


def _old_titles(lines: list, tables: list) -> list:
    """The candidate lines as mark_underlines chose them before (one _could_be_title call per line)."""
    sizes = Counter(round(ln.size) for ln in lines if ln.size)
    body = float(sizes.most_common(1)[0][0]) if sizes else 10.0
    steps = Counter(round(b.baseline - a.baseline) for a, b in zip(lines, lines[1:], strict=False) if 0 < b.baseline - a.baseline <= 3 * body)
    step = float(steps.most_common(1)[0][0]) if steps else 1.2 * body
    full = max(ln.x1 - ln.x0 for ln in lines)
    last = len(lines) - 1
    return [ln for k, ln in enumerate(lines)
            if U._could_be_title(ln, lines[k - 1] if k else None, lines[k + 1] if k < last else None, body, step, full)
            and not any(t.took(ln) for t in tables)]


def _pages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, object, list, float, list, object]]:
    """(document, page number, page, lines, height, tables, h_rules) as PdfIngester._read_page hands them to
    mark_underlines (its call is caught; the lines are copied before it marks them)."""
    seen: list = []
    real = pdf_mod.mark_underlines

    def catch(page: object, lines: list, height: float, tables: list = (), h_rules: object = None) -> int:  # type: ignore[assignment]
        seen.append((page, copy.deepcopy(lines), height, tables, h_rules))
        return real(page, lines, height, tables, h_rules)

    monkeypatch.setattr(pdf_mod, "mark_underlines", catch)
    out = []
    ing = PdfIngester()
    for name, numbers in PAGES:
        pdf = pdfium.PdfDocument(str(FILES / f"{name}.pdf"))
        for no in numbers:
            seen.clear()
            page = pdf[no - 1]  # kept open for the comparisons below (the ingester closes its own handle)
            ing._read_page(pdf, no - 1, name)
            _, lines, height, tables, h_rules = seen[0]
            out.append((name, no, page, lines, height, tables, h_rules))
    return out


@native
def test_native_thin_rules_equal_the_python_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    total = 0
    for name, no, page, _lines, height, _tables, _h in _pages(monkeypatch):
        got, want = U._thin_rules(page, height), U._thin_rules_py(page, height)
        assert got == want, (name, no)
        total += len(got)
    assert total >= 40  # rules were there to find (the tariffs' pages alone hold dozens)


@native
def test_titles_and_marks_are_those_of_the_reference_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    marked: list[str] = []
    for name, no, page, lines, height, tables, h_rules in _pages(monkeypatch):
        if len(lines) >= 2:
            assert U._titles(lines, tables) == _old_titles(lines, tables), (name, no)
        fast, slow = copy.deepcopy(lines), copy.deepcopy(lines)
        n_fast = U.mark_underlines(page, fast, height, tables, h_rules)
        monkeypatch.setattr(U, "_RULES", None)  # the Python walk, after the candidate lines (the old order)
        n_slow = U.mark_underlines(page, slow, height, tables, h_rules)
        monkeypatch.undo()
        assert n_fast == n_slow and [ln.underline for ln in fast] == [ln.underline for ln in slow], (name, no)
        marked += [ln.text for ln in fast if ln.underline]
    assert "➢ Modalités de détermination des tarifs" in marked and "Séance du 23 Juillet 2020" in marked
    assert len(marked) >= 15
