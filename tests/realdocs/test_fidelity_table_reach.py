"""A table read as one over several pages is recorded on the page where it starts: the scorer finds the words
of a later truth page inside it (Montpellier's grants: one table over pp. 6-8 read whole, truth p. 8 scored
0.6 of its words until 2026-12-06 because only blocks of pp. 7-9 were looked at). Only tables reach back: the
same words in a paragraph recorded two pages before stay out of the page's window.
"""

from __future__ import annotations

from pathlib import Path

from transform.evaluation import load_truth_dir, score_document
from transform.model import Cell, Document, DocumentMeta, Heading, Paragraph, Section, Sentence, Table

TRUTH = Path(__file__).resolve().parent / "truth"


def _sentences(text: str) -> list[Sentence]:
    return [Sentence(id="s", text=text)] if text else []


def _score(table_page: int, as_paragraph: bool):  # noqa: ANN202 - a DocScore's totals
    tp = next(p for p in load_truth_dir(TRUTH / "montpellier-subventions-2014") if p.page == 8)
    blocks = []
    for b in tp.blocks:
        if b.kind == "heading":
            blocks.append(Heading(page=tp.page, level=b.level, sentences=_sentences(b.text)))
        elif b.kind != "table":
            blocks.append(Paragraph(page=tp.page, sentences=_sentences(b.text)))
        else:  # its first rows in a block recorded on table_page (a table begun there), the rest on p. 8
            rows = [[Cell(sentences=_sentences(c.text), header=c.header, colspan=c.colspan) for c in row] for row in b.rows]
            cut = len(rows) * 2 // 5
            if as_paragraph:
                text = " ".join(c.text for row in b.rows[:cut] for c in row)
                blocks.append(Paragraph(page=table_page, sentences=_sentences(text)))
            else:
                blocks.append(Table(page=table_page, rows=rows[:cut]))
            blocks.append(Table(page=tp.page, rows=rows[cut:]))
    doc = Document(meta=DocumentMeta(lang="fr"), sections=[Section(blocks=blocks)])
    return score_document(doc, [tp], tp.doc).totals


def test_a_table_begun_two_pages_before_is_found() -> None:
    assert any(b.kind == "table" for p in load_truth_dir(TRUTH / "montpellier-subventions-2014") if p.page == 8 for b in p.blocks)
    assert _score(8, as_paragraph=False).word_accuracy_text == 1.0
    assert _score(6, as_paragraph=False).word_accuracy_text == 1.0  # before: the rows begun on p. 6 were missed


def test_a_paragraph_two_pages_before_is_not_looked_at() -> None:
    assert _score(7, as_paragraph=True).word_accuracy_text == 1.0  # the page before: looked at, as always
    assert _score(6, as_paragraph=True).word_accuracy_text < 0.9
