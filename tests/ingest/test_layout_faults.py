"""Faults the layout audit found on pages without truth (issue 17; ``bench/layout_audit.py``).

* A numbered part's title printed in the title block over every page of its part (Cabestany's
  ``III – ÉTATS FINANCIERS III`` on pp. 37-71, over 40 % of the document's pages) was taken for a
  running header and left out on every page; the truth keeps the title block as headings (pp. 7, 13).
* A table's unit (``Unité : DA``), printed in the top margin at the same height on two pages in a row
  where the table starts the page, was taken for a column label of a few pages (``Pages``) and left out
  there (the Algerian budget's pp. 3-8), though the document prints it in the body over its other
  tables and the truth keeps it as a paragraph (pp. 2, 17, 20, 21).

The audit's checks are tested here on tiny records: a flagged case flagged, a sound case not.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from transform.ingest.base import TextLine
from transform.ingest.pdf_furniture import part_title, split_running_lines

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bench_layout_audit", ROOT / "bench" / "layout_audit.py")
assert _spec is not None and _spec.loader is not None
audit = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = audit  # its dataclasses look their module up while they are made
_spec.loader.exec_module(audit)

HEIGHT = 595.0
HEADER = "32000 - COMMUNE - Exercice 2024"
PART = "III – ÉTATS FINANCIERS III"


def _line(text: str, top: float, page: int, x0: float = 280.0) -> TextLine:
    return TextLine(text, x0, top, x0 + 6.0 * len(text), top + 10.0, 10.0, True, page)


def test_a_parts_title_over_all_its_pages_stays() -> None:
    titles = ["Bilan (en euros) A", "Compte de résultat (en euros) B", "Balance des comptes D"]
    pages = [[_line(HEADER, 14.2, p, 41.7), _line(PART, 40.1, p), _line(titles[(p - 1) // 4], 58.8, p)] for p in range(1, 13)]
    out, furniture = split_running_lines(pages, [HEIGHT] * 12)
    assert {f.text for f in furniture} == {HEADER}  # the running header still goes, on every page
    assert all([ln.text for ln in lines][:1] == [PART] for lines in out)


def test_part_title_form() -> None:
    assert part_title(PART) and part_title("II - EXÉCUTION BUDGÉTAIRE II") and part_title("IV. TAXES ECOLOGIQUES")
    assert not part_title("BULLETIN OFFICIEL") and not part_title("I - Introduction générale")
    assert not part_title("VI – 12") and not part_title("Vu le décret")


def _unit_pages(label: str, body: tuple[int, ...]) -> list[list[TextLine]]:
    """Eight pages: the label starts pages 2 and 3 (a table under it), in the top margin at the same height (too few
    pages for a running line's share); the pages ``body`` (1-based) print it in their body, lower."""
    text = [_line(f"Texte du corps de la page {p}, assez long pour être un paragraphe.", 300.0, p, 60.0) for p in range(1, 9)]
    pages = [[t] for t in text]
    pages[1].insert(0, _line(label, 85.0, 2, 492.5))
    pages[2].insert(0, _line(label, 85.0, 3, 492.5))
    for p in body:
        pages[p - 1].append(_line(label, 133.0, p, 492.5))
    return pages


def test_a_tables_unit_printed_in_the_body_elsewhere_stays() -> None:
    out, furniture = split_running_lines(_unit_pages("Unité : DA", (1, 5, 6)), [842.0] * 8)
    assert furniture == []
    assert [ln.text for ln in out[1]][:1] == ["Unité : DA"] and [ln.text for ln in out[2]][:1] == ["Unité : DA"]


def test_a_column_label_of_two_pages_still_goes() -> None:
    """``Pages`` over a contents list: printed in the body where the list starts (or nowhere), then atop its pages."""
    for body in ((), (1,)):
        out, furniture = split_running_lines(_unit_pages("Pages", body), [842.0] * 8)
        assert [(f.page, f.text) for f in furniture] == [(2, "Pages"), (3, "Pages")]


# ---------------------------------------------------------------- the audit's checks on tiny records


def _page(doc: str, page: int, blocks: list, furniture: list | None = None, kept: list | None = None, lines: int = 20) -> object:
    return audit.Page(doc, page, 842.0, lines=lines, blocks=blocks, furniture=furniture or [], margin_kept=kept or [])


def _para(text: str, x0: float, top: float, last: str | None = None) -> object:
    return audit.Block("paragraph", text, x0, top, x0 + 240.0, top + 40.0, last=last if last is not None else text)


def test_audit_flags_a_table_read_in_the_other_columns_paragraph() -> None:
    table = audit.Block("table", "", 40.0, 600.0, 280.0, 780.0, rows=6, cols=3)
    apart = _page("d", 9, [_para("Le conseil a décidé", 310.0, 60.0, "ce que le conseil"), table, _para("a décidé hier.", 310.0, 110.0)])
    placed = _page("d", 10, [_para("Le tableau suivant :", 40.0, 560.0), table, _para("Suite du texte.", 310.0, 60.0)])
    flags = audit.check_pages([apart, placed])
    assert [(p, c) for _, p, c, _ in flags] == [(9, "table-apart"), (9, "cut-sentence")]


def test_audit_flags_furniture_that_is_a_title() -> None:
    head = audit.Line("header", HEADER, 14.0, 24.0, 30.0)
    part = audit.Line("header", PART, 40.0, 50.0, 2.0)  # the title block's row, right over the statement's title
    pages = [_page("c", p, [], [head, part], [audit.Line("kept", "Bilan (en euros) A", 52.0, 62.0)]) for p in (1, 2, 3)]
    flags = audit.check_pages(pages)
    assert [(p, c) for _, p, c, _ in flags] == [(1, "furniture-touching")]  # once per line, its other pages named
    assert PART in flags[0][3] and flags[0][3].endswith("also on p. 2,3")


def test_audit_flags_a_line_left_out_on_some_pages_and_kept_on_others() -> None:
    unit = audit.Line("header", "Unité : DA", 85.0, 95.0, 12.0)
    pages = [_page("j", 2, [], [unit]), _page("j", 3, [], [unit]), _page("j", 5, [], [], [audit.Line("kept", "Unité : DA", 90.0, 100.0)])]
    flags = audit.check_pages(pages)
    assert [(p, c) for _, p, c, _ in flags] == [(5, "furniture-mixed")]
