"""A box's title printed as a picture is a heading, and what it holds nests under it (pdf_display_titles.picture_titles,
pdf_nesting.nest_unnumbered).

The Ministry of Justice's performance project, p. 106 (corpus p. 6): under ``برنامج 300 : المواكبة والقيادة`` a shaded
band drawn as a picture carries ``محددات نفقات الاستثمار أو نفقات المعدات والنفقات المختلفة``; the projects ``مشروع 1 :``,
``مشروع 2 :`` come under it (truth: the programme 3, the band 4, the projects 5). The band's text is read by OCR
(pdf_picture_text), so no weight tells it is a title: a short line read from a picture, with text under it, is one."""

from __future__ import annotations

import pytest

from tests.ingest._realpages import copy_pages, doc_blocks, level_differences, outline
from transform._exec import TESSERACT
from transform.evaluation.corpus import read_document

needs_tesseract = pytest.mark.skipif(not TESSERACT.available(), reason="tesseract is not installed")

BOX = [
    (1, "برنامج 300"),
    (2, "محددات نفقات الاستثمار"),
    (3, "مشروع 1"),
    (3, "مشروع 2"),
]


@needs_tesseract
def test_box_title_from_a_picture_holds_its_projects(tmp_path) -> None:
    heads = outline(doc_blocks(read_document(copy_pages("ma-pdp-justice-2024.pdf", [5], tmp_path), ocr="auto")))
    assert level_differences(BOX, heads) == [], heads


def test_text_layer_lines_are_not_from_a_picture() -> None:
    from transform.ingest.pdf_picture_text import from_picture
    from transform.ingest.pdf_text import PdfLine

    assert not from_picture(PdfLine(text="محددات نفقات الاستثمار", x0=0, top=0, x1=1, bottom=1))
