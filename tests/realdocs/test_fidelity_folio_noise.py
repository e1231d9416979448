"""A page number printed with dashes (``-5-``) counts as left in the body where a folio leaks (at the
page's top or bottom, or mid-page still wearing its dashes), not where an OCR speck reads as its bare
digits between the page's own paragraphs.

Decree 2.19.720 p. 6 is a scanned model letter whose dotted fill-in lines the OCR reads as ``'. 5``
between two paragraphs; decree 2.17.355 p. 3's read as ``2 | : 5 5 0 2 5 6``; until 2026-12-06 both
counted as the folios ``-5-`` and ``-2-`` left in the body, although neither folio was read. The pages
here are built from the corpus truth (real pages), faithfully and with the folio or the noise added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation import load_truth_dir, score_document
from transform.evaluation.truth import TruthBlock, TruthPage
from transform.model import Block, Document, DocumentMeta, Heading, ListBlock, ListItem, Paragraph, Section, Sentence

TRUTH = Path(__file__).resolve().parent / "truth"


def _page(doc: str, page: int) -> TruthPage:
    return next(p for p in load_truth_dir(TRUTH / doc) if p.page == page)


def _para(text: str, page: int) -> Paragraph:
    return Paragraph(page=page, sentences=[Sentence(id="s", text=text)])


def _block(b: TruthBlock, page: int) -> Block:
    if b.kind == "heading":
        return Heading(page=page, level=b.level, sentences=[Sentence(id="h", text=b.text)])
    if b.kind == "item":
        return ListBlock(page=page, items=[ListItem(sentences=[Sentence(id="i", text=b.text)])])
    return _para(b.text, page)


def _leaked(tp: TruthPage, insert: dict[int, str] | None = None, glue_last: str = "") -> int:
    """Furniture lines counted on the page read as its truth, with paragraphs ``insert``ed before the
    given block indexes (``-1``: after the last) and ``glue_last`` appended to the last block's text."""
    blocks = [_block(b, tp.page) for b in tp.blocks]
    if glue_last:
        last = tp.blocks[-1]
        blocks[-1] = _block(TruthBlock(last.kind, f"{last.text} {glue_last}", last.level), tp.page)
    for k, text in sorted((insert or {}).items(), reverse=True):
        blocks.insert(len(blocks) if k < 0 else k, _para(text, tp.page))
    doc = Document(meta=DocumentMeta(lang="ar"), sections=[Section(blocks=blocks)])
    return score_document(doc, [tp], tp.doc).totals.furniture_leaked


def _mid(tp: TruthPage, starts: str) -> int:
    """The index of the block after the one starting with ``starts`` (a place between two paragraphs)."""
    return next(k for k, b in enumerate(tp.blocks) if b.text.startswith(starts)) + 1


def test_dotted_lines_read_as_digits_mid_page_are_not_the_folio() -> None:
    tp = _page("adala-ar-decree-2-19-720", 6)
    assert "-5-" in tp.furniture
    assert _leaked(tp) == 0
    k = _mid(tp, "تمت معاينة")
    assert _leaked(tp, {k: "'. 5"}) == 0  # the reading's own noise there (main's scorer counted it)
    assert _leaked(tp, {k: "5 : 5 5 0 2"}) == 0


def test_dotted_lines_of_the_contract_model_are_not_its_folio() -> None:
    tp = _page("adala-ar-decree-2-17-355", 3)
    assert "-2-" in tp.furniture
    assert _leaked(tp, {_mid(tp, "العنوان"): "2 | : 5 5 0 2 5 6"}) == 0


@pytest.mark.parametrize(
    ("insert", "glue"),
    [
        ({-1: "5"}, ""),  # bare digits after the page's last paragraph
        ({0: "5"}, ""),  # before its first
        ({}, "5"),  # glued to its last words
        ({-1: "-5-"}, ""),
        ("mid", ""),  # mid-page, still printed with its dashes (a folio read between two columns)
    ],
    ids=["after-last", "before-first", "glued-last", "dashes-at-end", "dashes-mid-page"],
)
def test_the_folio_left_in_the_body_still_counts(insert: dict[int, str] | str, glue: str) -> None:
    tp = _page("adala-ar-decree-2-19-720", 6)
    where = {_mid(tp, "تمت معاينة"): "-5-"} if insert == "mid" else insert
    assert _leaked(tp, where, glue) == 1  # type: ignore[arg-type]
