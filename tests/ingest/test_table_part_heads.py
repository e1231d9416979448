"""Each part of a table cut over pages gives assistive technology its column headers (issue 17).

A statement printed again under its title block on each page (Cabestany's CFU, D1 over pp. 29-33) is one
table part per page, each under its own headings; the part on a following page prints the header row again.
The truth leaves that row out (a continuation page's header row printed again is not written), but a part
without header rows is, for a screen reader, a grid of amounts: no column header is announced when moving
across its cells. The reading keeps the row as the part's header row, marked as printed again
(``Table.repeats_head``): the HTML puts it in ``<thead>`` with ``<th scope="col">``, braille labels each cell
with it, and the scorer's word stream leaves it out (no word counted twice). A table a page break cuts with
only page furniture between its parts is one table (``pdf_table_join``): one ``<thead>`` for all its rows.
"""

from __future__ import annotations

from lxml import html as lhtml

from transform.braille.linearize import linearize
from transform.evaluation.stream import build_stream
from transform.ingest.pdf_table_join import join_continued_tables
from transform.ingest.pdf_title_repeats import mark_repeated_heads
from transform.model import Cell, Document, DocumentMeta, Heading, Section, Sentence, Table
from transform.model.text import Direction
from transform.publish.html import PageInput, build_page
from transform.structure import build_structure

HEAD = ("Chapitre / Article", "Intitulé", "Réalisations")
TITLE = "Dépenses de fonctionnement - Vue détaillée D1"


def _cells(*texts: str, header: bool = False) -> list[Cell]:
    return [Cell(sentences=[Sentence(id="", text=t)], header=header) for t in texts]


def _part(page: int, *rows: tuple[str, str, str], head: bool = True) -> Table:
    return Table(page=page, rows=([_cells(*HEAD, header=True)] if head else []) + [_cells(*r) for r in rows])


def _doc(blocks: list[object]) -> Document:
    meta = DocumentMeta(title=TITLE, source_name="cfu.pdf", source_format="pdf", lang="fr", direction=Direction.LTR, page_count=2)
    return build_structure(Document(meta=meta, sections=[Section(blocks=blocks)]))


def _statement() -> list[object]:
    """Two pages of one statement, each under the same title block (``mark_repeated_heads`` run on them)."""
    blocks: list[object] = []
    for page, rows in ((29, [("011", "Charges à caractère général", "1 000,00")]), (30, [("012", "Charges de personnel", "2 500,00")])):
        blocks += [Heading(sentences=[Sentence(id="", text=TITLE)], page=page, level=2), _part(page, *rows)]
    mark_repeated_heads(blocks)
    return blocks


def _html_tables(doc: Document) -> list[lhtml.HtmlElement]:
    return lhtml.fromstring(build_page(doc, PageInput(stem="cfu"))).xpath("//table")


def test_later_part_keeps_its_header_row_marked_as_repeated() -> None:
    first, second = [b for b in _statement() if isinstance(b, Table)]
    assert (first.repeats_head, second.repeats_head) == (0, 1)
    assert [c.sentences[0].text for c in second.rows[0]] == list(HEAD) and all(c.header for c in second.rows[0])
    assert second.rows[1][0].sentences[0].text == "012"
    assert "repeats_head" in second.model_dump() and "repeats_head" not in first.model_dump()  # other tables serialise as before


def test_html_gives_each_part_its_column_headers() -> None:
    tables = _html_tables(_doc(_statement()))
    assert len(tables) == 2
    for t in tables:
        assert [th.text_content() for th in t.xpath("thead/tr/th")] == list(HEAD)
        assert [th.get("scope") for th in t.xpath("thead/tr/th")] == ["col", "col", "col"]
    assert [td.text_content() for td in tables[1].xpath("tbody/tr/td")] == ["012", "Charges de personnel", "2 500,00"]


def test_braille_labels_the_later_parts_cells() -> None:
    cells = [" ".join(s.text for s in u.segments) for u in linearize(_doc(_statement())) if u.kind == "cell"]
    assert cells[3:] == ["Chapitre / Article: 012", "Intitulé: Charges de personnel", "Réalisations: 2 500,00"]


def test_scorer_reads_the_repeated_header_row_once() -> None:
    first, second = _part(29, ("011", "Charges à caractère général", "1 000,00")), _part(30, ("012", "Charges de personnel", "2 500,00"))
    second.repeats_head = 1  # as the reader leaves it
    stream = build_stream(_doc([first, second]))
    assert stream.keys.count("Intitulé") == 1  # the first part's header row only
    tables = [b for b in stream.blocks if b.kind == "table"]
    assert [b.n_rows for b in tables] == [2, 1] and tables[1].cells[0] == ("012", False)


def test_table_cut_by_a_page_break_is_one_table_with_one_head() -> None:
    blocks = join_continued_tables([_part(29, ("011", "Charges", "1 000,00")), _part(30, ("012", "Personnel", "2 500,00"))])
    (table,) = _html_tables(_doc(blocks))
    assert [th.get("scope") for th in table.xpath("thead/tr/th")] == ["col", "col", "col"]
    assert [tr.xpath("td")[0].text_content() for tr in table.xpath("tbody/tr")] == ["011", "012"]  # no header row in the body
