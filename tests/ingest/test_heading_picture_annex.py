"""An annex's title printed as a picture on a text-layer page is a heading (pdf_picture_text, pdf_labels).

Decree 2.19.770's annex opens its page 4 with its title drawn as an image (``ملحق المرسوم رقم 2.19.770 ...``):
the picture's text is read by OCR, so no weight tells it is a title; it opens with an annex's label and the text it
is annexed to (the decree, with its article: ``ملحق المرسوم``), so it is the annex's heading, over the table."""

from __future__ import annotations

import pytest

from tests.ingest._realpages import copy_pages, doc_blocks, outline
from transform._exec import TESSERACT
from transform.evaluation.corpus import read_document
from transform.ingest.pdf_labels import _ocr_annex_head
from transform.model import Table

needs_tesseract = pytest.mark.skipif(not TESSERACT.available(), reason="tesseract is not installed")


@needs_tesseract
def test_annex_title_read_from_a_picture_is_a_heading(tmp_path) -> None:
    blocks = doc_blocks(read_document(copy_pages("adala-ar-decree-2-19-770.pdf", [3], tmp_path), ocr="auto"))
    heads = outline(blocks)
    assert [t.split()[:4] for _, t in heads] == [["ملحق", "المرسوم", "رقم", "2.19.770"]]
    assert heads[0][1].endswith("أو لذوي حقوقهم")  # both lines of the picture, one heading
    assert isinstance(blocks[1], Table)  # the table comes under it


class _Line:
    def __init__(self, text: str, confidence: float | None) -> None:
        self.text, self.confidence, self.baseline = text, confidence, 10.0


class _G:
    def __init__(self, text: str, confidence: float | None) -> None:
        self.kind, self.legal, self.note = "paragraph", None, False
        self.lines = [_Line(text, confidence)]
        self.text = text


def test_only_lines_read_by_ocr_are_taken_without_weight() -> None:
    title = "ملحق المرسوم رقم 2.19.770 الصادر في 9 صفر 1441 برفع مبالغ الإيرادات"
    assert _ocr_annex_head(_G(title, 0.9))  # read from a picture: OCR's confidence
    assert not _ocr_annex_head(_G(title, None))  # a text layer's plain line: its weight says it is no title
    assert not _ocr_annex_head(_G("ملحق الجدول رقم 2 يبين المبالغ", 0.9))  # not annexed to a text
    assert not _ocr_annex_head(_G(title + ".", 0.9))  # a sentence
