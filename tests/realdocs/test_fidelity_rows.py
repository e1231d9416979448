"""A table row comes back only with its cells in their reading order.

An Arabic table read left to right keeps every cell and every row, and a two-column table
(label | amount) keeps its numbers in order: until 2026-12-06 the rows figure compared a row's
cells as a set, so such a reading scored every row right. The output here is built from real
truth pages of the corpus (the ESEC opinion's list of members, p. 57; the Justice ministry's
staff table by region, p. 3), once faithfully and once with each row's cells reversed.
"""

from __future__ import annotations

from pathlib import Path

from transform.evaluation import load_truth_dir, score_document
from transform.evaluation.truth import TruthBlock, TruthPage
from transform.model import Cell, Document, DocumentMeta, Heading, Paragraph, Section, Sentence, Table

TRUTH = Path(__file__).resolve().parent / "truth"


def _page(doc: str, page: int) -> TruthPage:
    return next(p for p in load_truth_dir(TRUTH / doc) if p.page == page)


def _sentences(text: str) -> list[Sentence]:
    return [Sentence(id="s", text=text)] if text else []


def _block(b: TruthBlock, page: int, reverse_rows: bool) -> Heading | Paragraph | Table:
    if b.kind == "heading":
        return Heading(page=page, level=b.level, sentences=_sentences(b.text))
    if b.kind != "table":
        return Paragraph(page=page, sentences=_sentences(b.text))
    rows = [[Cell(sentences=_sentences(c.text), header=c.header, colspan=c.colspan) for c in row] for row in b.rows]
    return Table(page=page, rows=[row[::-1] for row in rows] if reverse_rows else rows)


def _score(tp: TruthPage, reverse_rows: bool):  # noqa: ANN202 - a DocScore's totals
    blocks = [_block(b, tp.page, reverse_rows) for b in tp.blocks]
    doc = Document(meta=DocumentMeta(lang="ar"), sections=[Section(blocks=blocks)])
    return score_document(doc, [tp], tp.doc).totals


def test_names_table_read_left_to_right_loses_its_rows() -> None:
    tp = _page("cese-ar-avis-biodiversite-2025", 57)  # two tables of two name cells, no number
    faithful = _score(tp, reverse_rows=False)
    assert faithful.table_rows.recall == 1.0 and faithful.table_rows.tp == 14
    reversed_ = _score(tp, reverse_rows=True)
    assert reversed_.tables.recall == 1.0  # the same cells: the tables are found
    assert reversed_.table_rows.tp == 0 and reversed_.table_rows.recall == 0.0  # no row in its reading order
    assert reversed_.numbers_ok == reversed_.numbers_total  # no number to tell (the annex's "1" is outside the tables)


def test_budget_rows_read_left_to_right_lose_their_rows() -> None:
    tp = _page("ma-pdp-justice-2024", 3)  # region | men | women | total | %, two header rows, a total row
    faithful = _score(tp, reverse_rows=False)
    assert faithful.table_rows.recall == 1.0 and faithful.table_rows.tp >= 12
    reversed_ = _score(tp, reverse_rows=True)
    assert reversed_.tables.recall == 1.0
    assert reversed_.table_rows.recall < 0.2
    assert reversed_.numbers_ok < reversed_.numbers_total  # the numbers of a row out of order fail too


def test_a_cell_a_few_letters_off_keeps_its_row() -> None:
    tp = _page("cese-ar-avis-biodiversite-2025", 57)
    blocks = [_block(b, tp.page, reverse_rows=False) for b in tp.blocks]
    table = next(b for b in blocks if isinstance(b, Table))
    first = table.rows[0][0]
    first.sentences = _sentences(first.sentences[0].text.replace("أحمد", "احمد"))  # one letter: a reading error, not a row error
    doc = Document(meta=DocumentMeta(lang="ar"), sections=[Section(blocks=blocks)])
    t = score_document(doc, [tp], tp.doc).totals
    assert t.table_rows.recall == 1.0 and t.word_accuracy_text < 1.0
