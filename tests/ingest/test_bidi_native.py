"""The compiled loops of the Arabic line reading (``transform/ingest/_bidi.c``) give exactly what
the Python loops give: every function on every Arabic line of real corpus pages (and on the same
lines drawn mirrored, which takes the letter-order and reversed-word branches), and every line
``page_lines`` makes of those pages, native and Python, field by field."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from transform.ingest import bidi_chars, pdf_bidi, pdf_kashida, pdf_letter_order, pdf_respace, pdf_text, pdf_visual_order
from transform.ingest.ligatures import LigatureProbe

ROOT = Path(__file__).resolve().parents[2]
FILES = ROOT / "tests" / "realdocs" / "files"
# the Arabic text-layer documents of the corpus, the bilingual decree, and our own samples
CORPUS = [
    "cese-ar-avis-biodiversite-2025", "adala-ar-decree-2-09-197", "adala-ar-decree-2-13-531", "adala-ar-decree-2-14-343",
    "adala-ar-decree-2-19-720", "adala-ar-decree-2-26-530", "adala-ar-decree-2-77-756", "adala-ar-law-19-12",
    "adala-ar-order-1033-21", "adala-ar-joint-order-1096-26", "bo-ar-7259-2023-lf2024", "bo-ar-7259-2023-lf2024-tables",
    "eg-ar-law-8-2022", "boe-sa-ar-regions-law-1412", "adala-arfr-decree-2-22-630",
]
PDFS = [FILES / f"{name}.pdf" for name in CORPUS] + sorted((ROOT / "samples").glob("*.pdf"))
PAGES = 3  # first pages of each file
MODULES = (pdf_bidi, pdf_kashida, pdf_letter_order, pdf_respace, pdf_visual_order)

native = pytest.mark.skipif(bidi_chars.NATIVE is None, reason="the optional extension _bidi is not built (no C compiler)")


def _present(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path.name} is missing")
    return path


def _arabic_lines(path: Path) -> list[tuple[str, Any, str]]:
    """(line text, box function, page text) of every line of the first pages holding an Arabic letter;
    the boxes are read once, so that the file can be closed."""
    out: list[tuple[str, Any, str]] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(min(len(pdf), PAGES)):
            page = pdf[i]
            tp = page.get_textpage()
            calls = pdf_text.TextPageCalls(tp)
            text, _ = pdf_text.page_text(tp)
            pieces, _ = pdf_text.read_pieces(calls, text, page.get_height())
            for piece in pieces:
                line, start = piece[0], piece[1]
                if bidi_chars.ARABIC_LETTER.search(line):
                    boxes = [calls.char_box(start + k) for k in range(len(line))]
                    out.append((line, boxes.__getitem__, text))
            tp.close()
            page.close()
    finally:
        pdf.close()
    return out


def _mirrored(line: str, box: Any) -> tuple[str, Any]:
    """The line's boxes mirrored around x = 0: every letter drawn where its twin is, right to left."""
    return line, lambda k: (-box(k)[1], -box(k)[0])


def _long_run_gap_py(line: str, box: Any, limit: float) -> bool | None:
    """pdf_respace.glue_suspect's test in Python: None without a long run, else a gap wider than limit?"""
    runs = list(pdf_respace.GLUE_RUN.finditer(line))
    if not runs:
        return None
    return any(gap > limit for m in runs for _i, gap in pdf_respace._letter_gaps_py(line, box, m.start(), m.end()))


def _compare(line: str, box: Any) -> Counter[str]:
    """Every native loop against its Python twin on one line; the branches taken, counted."""
    seen: Counter[str] = Counter()
    nat = bidi_chars.NATIVE
    assert nat is not None
    assert nat.needs_repair(line) == bool(pdf_bidi.NEEDS_REPAIR.search(line))
    seen["repair"] += nat.needs_repair(line)
    for limit in (0.5, 1.0, 1.5, 3.0):
        assert nat.long_run_gap(line, box, limit) == _long_run_gap_py(line, box, limit)
        seen["wide"] += bool(nat.long_run_gap(line, box, limit))
    assert nat.tokens(line, box) == pdf_visual_order._tokens_py(line, box)
    assert nat.reversed_words(line, box) == pdf_bidi._reversed_words_py(line, box)
    seen["reversed"] += pdf_bidi._reversed_words_py(line, box)
    assert nat.letter_gaps(line, box, 0, len(line)) == pdf_respace._letter_gaps_py(line, box, 0, len(line))
    seen["gaps"] += bool(pdf_respace._letter_gaps_py(line, box, 0, len(line)))
    for m in pdf_letter_order.STRETCH.finditer(line):
        units = nat.units(line, box, m.start(), m.end())
        want = pdf_letter_order._units_py(line, box, m.start(), m.end())
        assert units == want
        assert nat.disordered(units) == pdf_letter_order._disordered_py(units)
        seen["disordered"] += pdf_letter_order._disordered_py(units)
        ordered = sorted(units, key=lambda u: -(u[1] + u[2]))
        assert nat.spans(ordered, pdf_letter_order.MAX_SPAN) == pdf_letter_order._spans_py(ordered)
        assert nat.spans(units, pdf_letter_order.MAX_SPAN) == pdf_letter_order._spans_py(units)
        seen["spans"] += bool(pdf_letter_order._spans_py(ordered))
    return seen


@native
@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_native_loops_equal_the_python_loops_on_real_lines(path: Path) -> None:
    lines = _arabic_lines(_present(path))
    if not lines:
        pytest.skip("no Arabic line on the first pages")  # the French samples
    seen: Counter[str] = Counter()
    for line, box, _ in lines:
        seen += _compare(line, box)
        seen += _compare(*_mirrored(line, box))
    assert seen["disordered"] > 0  # the mirrored lines at least: the sorted branch was compared
    assert seen["repair"] > 0 or path.stem.startswith("adala-ar-") or path.stem.startswith("boe-sa")
    for _, _, page_text in {id(t): (None, None, t) for _, _, t in lines}.values():
        for enough in (1, 3, 1000):
            want = sum(1 for _ in pdf_kashida._LONE.finditer(page_text))
            assert bidi_chars.NATIVE.lone_letters(page_text, enough) == min(want, enough)  # type: ignore[union-attr]


class _Counting:
    """The native module, counting the calls made through it."""

    def __init__(self, module: Any, calls: Counter[str]) -> None:
        self._module, self._calls = module, calls

    def __getattr__(self, name: str) -> Any:
        self._calls[name] += 1
        return getattr(self._module, name)


def _page_lines(path: Path) -> list[tuple[Any, ...]]:
    pdf = pdfium.PdfDocument(str(path))
    out: list[tuple[Any, ...]] = []
    probe = LigatureProbe()
    try:
        for i in range(min(len(pdf), PAGES)):
            page = pdf[i]
            tp = page.get_textpage()
            for ln in pdf_text.page_lines(page, tp, i + 1, probe):
                out.append((ln.text, ln.rtl, ln.x0, ln.top, ln.x1, ln.bottom, ln.size, ln.bold, ln.baseline, ln.start, ln.count,
                            ln.gaps, ln.segments, ln.call, [p.text for p in ln.parts]))
            tp.close()
            page.close()
    finally:
        pdf.close()
    return out


@native
@pytest.mark.slow  # 12 s at load 25 (two readings of 57 pages)
def test_page_lines_are_the_same_with_and_without_the_native_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[str] = Counter()
    paths = [p for p in PDFS if p.exists()]
    assert len(paths) >= 10, "the corpus files are missing"
    for mod in MODULES:
        monkeypatch.setattr(mod, "_NATIVE", _Counting(bidi_chars.NATIVE, calls))
    fast = {p.stem: _page_lines(p) for p in paths}
    for mod in MODULES:
        monkeypatch.setattr(mod, "_NATIVE", None)
    slow = {p.stem: _page_lines(p) for p in paths}
    assert sum(len(v) for v in fast.values()) > 500
    for name in fast:
        assert fast[name] == slow[name], name
    # every loop ran natively on these pages (a wiring that fell back to Python would pass the equality alone)
    assert {"tokens", "reversed_words", "units", "disordered", "spans", "lone_letters", "needs_repair", "long_run_gap"} <= set(calls), calls


@native
def test_native_loops_by_hand() -> None:
    nat = bidi_chars.NATIVE
    assert nat is not None
    # a word drawn left to right (first letter leftmost) is given reversed; a number keeps its order
    text = "كتاب 2024"
    xs = [(0.0, 5.0), (5.0, 10.0), (10.0, 15.0), (15.0, 20.0), (20.0, 22.0), (30.0, 35.0), (35.0, 40.0), (40.0, 45.0), (45.0, 50.0)]
    box = xs.__getitem__
    assert nat.tokens(text, box) == [("باتك", 0.0, 20.0, "R"), (" ", 20.0, 22.0, "N"), ("2024", 30.0, 50.0, "L")]
    assert nat.tokens(text, box) == pdf_visual_order._tokens_py(text, box)
    assert nat.reversed_words(text, box) is True
    # three letters cut from one width in equal touching parts (an /ActualText span): one span
    units = [["ا", 30.0, 33.0, False], ["ب", 27.0, 30.0, False], ["ت", 24.0, 27.0, False], ["ث", 10.0, 20.0, False]]
    assert nat.spans(units, 6) == [(0, 2)] == pdf_letter_order._spans_py(units)
    assert nat.disordered(units) is False
    assert nat.disordered(units[::-1]) is True
    # a vowel mark travels with its letter; a written space is a unit, pdfium's own (no width) is not
    text = "بَت س"
    xs = [(20.0, 25.0), (0.0, 99.0), (15.0, 20.0), (14.0, 14.0), (5.0, 10.0)]
    assert nat.units(text, xs.__getitem__, 0, 5) == [["بَ", 20.0, 25.0, False], ["ت", 15.0, 20.0, False], ["س", 5.0, 10.0, False]]
    xs[3] = (11.0, 14.0)
    assert nat.units(text, xs.__getitem__, 0, 5) == pdf_letter_order._units_py(text, xs.__getitem__, 0, 5)
    # a word space drawn as a gap between two letters
    text = "بت"
    assert nat.letter_gaps(text, [(20.0, 25.0), (10.0, 18.0)].__getitem__, 0, 2) == [(1, 2.0)]
    assert nat.lone_letters("ب ت ج و د", 10) == 4
    # the line-level tests of pdf_bidi.NEEDS_REPAIR, one branch each
    for text, want in (("مرسوم رقم 2.22.630", False), ("مرسوم (2022)", True), ("سنة 2026.", True), ("،15 مارس", True),
                       ("Office INDH", True), ("INDH 12", True), ("12 INDH", True), ("111.14 درهم", False), ("", False)):
        assert nat.needs_repair(text) is want, text
        assert bool(pdf_bidi.NEEDS_REPAIR.search(text)) is want, text
    with pytest.raises(ValueError):
        nat.tokens("ab", lambda k: (1.0,))


# characters of every class the loops tell apart (Arabic letters, marks, kashida, Arabic-Indic and Western
# digits, Latin, punctuation, brackets, bullets, spaces, a control character LibreOffice writes for kashida)
ALPHABET = ("ابتلمهويىةءأإآ" "\u064b\u064e\u0650\u0651\u0670\u0640" "٠١٢0123" "aBzé" ".,:!\u060c\u061b\u061f"
            "()[]«»-/" "\u2022\uf0b7" "  \u00a0\t" "\x03")


@native
def test_native_loops_equal_the_python_loops_on_random_lines() -> None:
    rng = random.Random(17)
    seen: Counter[str] = Counter()
    for _ in range(3000):
        n = rng.randint(1, 40)
        chars = ALPHABET if rng.random() < 0.7 else "ابتلمهويىة\u0640 "  # or long runs of letters (the word-space probe)
        line = "".join(rng.choice(chars) for _ in range(n))
        boxes = []
        x = 500.0
        for _k in range(n):  # mostly right to left and touching, sometimes a gap, a jump back, equal widths
            w = rng.choice([3.0, 3.0, 4.5, 0.0, 6.25])
            x -= w + rng.choice([0.0, 0.0, 0.0, 0.005, 1.5, 4.0, -30.0])
            boxes.append((x, x + w))
        seen += _compare(line, boxes.__getitem__)
        seen += _compare(*_mirrored(line, boxes.__getitem__))
        assert bidi_chars.NATIVE.lone_letters(line, 1000) == sum(1 for _ in pdf_kashida._LONE.finditer(line))  # type: ignore[union-attr]
    assert min(seen[k] for k in ("repair", "wide", "reversed", "gaps", "disordered", "spans")) > 20, seen
