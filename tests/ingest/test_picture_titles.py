"""Titles printed as pictures of text (pdf_picture_text): decree 2.09.197's annex prints the
model's title as images (2x2 images whose soft masks carry the letters), the Ministry of
Justice's performance project a shaded caption box as one image; no text layer lies over them,
so the title was lost. Only those regions are OCR'd (real tesseract), and only what tesseract
reads surely as words of the word lists is kept: a logo, a photo, a hole without a picture give
nothing."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from tests.ingest._realpages import FILES
from transform._exec import TESSERACT
from transform.ingest import pdf_picture_text as pic
from transform.ingest.pdf_text import page_lines

needs_tesseract = pytest.mark.skipif(not TESSERACT.available(), reason="tesseract is not installed")


def _lines(name: str, page_no: int):
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[page_no - 1]
    return pdf, page, page_lines(page, page.get_textpage(), page_no)


@needs_tesseract
def test_picture_title_read_in_its_place() -> None:
    pdf, page, lines = _lines("adala-ar-decree-2-09-197.pdf", 4)
    out = pic.picture_lines(page, lines, 4)
    new = [ln for ln in out if ln not in lines]
    words = " ".join(ln.text for ln in new).split()
    expected = "نموذج التقرير السنوي الذي يجب على لجنة السلامة وحفظ الصحة".split()
    assert words[: len(expected)] == expected
    assert words[-2:] == ["المهنية", "بالمقاولة"]
    texts = [ln.text for ln in out]
    first = out.index(new[0])
    assert texts[first - 1] == "ملحق"  # after the line above it, before the form's first field
    assert texts.index(next(t for t in texts if t.startswith("السنة"))) > first + len(new) - 1
    assert all(ln.rtl and ln.page == 4 for ln in new)
    pdf.close()


@needs_tesseract
def test_shaded_caption_box() -> None:
    pdf, page, lines = _lines("ma-pdp-justice-2024.pdf", 6)
    out = pic.picture_lines(page, lines, 6)
    new = [ln.text for ln in out if ln not in lines]
    assert new == ["محددات نفقات الاستثمار أو نفقات المعدات والنفقات المختلفة"]
    at = [ln.text for ln in out].index(new[0])
    assert out[at - 1].text.startswith("برنامج 300")
    pdf.close()


@needs_tesseract
def test_pictures_that_are_no_text_add_nothing() -> None:
    # a hole with a line-high picture that is a signature or a stamp, not words: tesseract's
    # reading fails the checks and the page keeps its lines
    pdf, page, lines = _lines("adala-fr-law-19-12.pdf", 2)
    assert pic.has_hole(lines) and pic._images(page, page.get_height())
    assert pic.picture_lines(page, lines, 2) == lines
    pdf.close()


def test_no_hole_no_walk() -> None:
    pdf, page, lines = _lines("ma-pdp-justice-2024.pdf", 6)
    # the prose: evenly spaced lines (from its second paragraph: the shaded caption box lies right
    # over the first, where a title printed as a picture over a page's first line is looked for)
    body = [ln for ln in lines if 300 < ln.top < 700]
    assert not pic.has_hole(body)
    assert pic.picture_lines(page, body, 6) is body
    pdf.close()


def test_known_share_measures_words() -> None:
    assert pic._known_share("محددات نفقات الاستثمار أو نفقات المعدات") >= 0.8
    assert pic._known_share("xqzv blorpt zzgh ٠٠٠") == 0.0  # garbage a logo gives
    assert pic._known_share("... :: --") == 0.0
