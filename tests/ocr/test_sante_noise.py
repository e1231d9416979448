"""Noise on the scanned ministry decision ma-sante-ar-decision-2023 (fourteenth session, transform/ocr/noise.py,
letterhead.py, transform/ingest/pdf_heading_forms.py): a title's underline read as 36 letters, the Tifinagh letterhead
lines read among Arabic and Latin letters, the emblem's ribbon read as short words, and the French letterhead block
read as a heading. Each test fails on main at 589fa0c (the slow one reads page 4 with tesseract: 20-60 s under load)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.ingest.base import TextLine
from transform.model import Heading
from transform.ocr.noise import noise
from transform.ocr.render import preprocess, render_page

SANTE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "ma-sante-ar-decision-2023.pdf"
needs_corpus = pytest.mark.skipif(not SANTE.exists(), reason="real-document corpus not present")


def _line(text: str, conf: float, top: float = 40, bottom: float = 52, x0: float = 50, x1: float = 500) -> TextLine:
    ln = TextLine(text=text, x0=x0, top=top, x1=x1, bottom=bottom, size=11, bold=False, page=1)
    ln.confidence = conf
    return ln


@needs_corpus
def test_a_title_underline_read_as_letters_is_a_rule_and_the_title_is_not() -> None:
    """Page 3: tesseract read the rule under the form's title as ``ا ص تيبي يس ب بصي ...`` at 33 % (box 84.7-88.1 pt);
    the title over it, underlined, holds its ink in its letters and stays even read as unsure."""
    pdf = pdfium.PdfDocument(str(SANTE))
    try:
        pimg = preprocess(render_page(pdf, 2), scanned=True)
    finally:
        pdf.close()
    rule = _line("ا ص تيبي يس ب بصي يي ل سي يي لي ب ب يبي لبي ببسي ا لا سي يي م ل ل م د سم لومي - ست سه 1", 0.333,
                 top=84.7, bottom=88.1, x0=52.1, x1=550.9)
    assert noise(rule, pimg)
    assert not noise(rule)  # the words alone do not tell it: the word lists call them Arabic
    title = _line("ملحق: نموذج طلب الترشم لشغل منصب رئيس مصلحة بالإدارة المركزية لوزارة الصحة QU الاجتماعية.", 0.55,
                  top=60.8, bottom=88.1, x0=61.1, x1=543.7)
    assert not noise(title, pimg)
    body = _line("المنصب المعني", 0.5, top=112.9, bottom=131.3, x0=467.4, x1=525.9)  # a label in its shaded cell
    assert not noise(body, pimg)


def test_tifinagh_and_emblem_lines_are_noise_words_are_not() -> None:
    """Pages 1 and 4 as tesseract read them: the Tifinagh lines among Arabic and Latin letters, the crown and ribbon of
    the emblem; the title line with its stray ``QU`` and short real lines stay."""
    assert noise(_line("اق اماه HoLolloO+ | 2/8302 A 8HOoX", 0.377))  # two tokens no script writes
    assert noise(_line("©1102 | +1071", 0.637))  # glyph junk only, a little surer
    assert noise(_line("<١", 0.727))  # two signs, one of them no word's
    assert noise(_line("لتو وك لح", 0.274))  # a guess in short pieces
    for kept, conf in [("قرار لوزير الصحة QU الاجتياعية رق 4104 nn صادر 15 2023", 0.527), ("المادة 2", 0.3),
                       ("G/2432 و 13451", 0.55), ("Site: www.sante.gov.ma", 0.6), ("+212", 0.9), ("5", 0.75)]:
        assert not noise(_line(kept, conf)), kept


@needs_corpus
@pytest.mark.slow
def test_the_list_page_letterhead_is_paragraphs_without_tifinagh_or_emblem(tmp_path: Path) -> None:
    """Page 4 (the annexed list) read alone: the French letterhead block (bold) is no heading, and neither Tifinagh
    line reaches the text."""
    from tests.ingest._realpages import block_text, doc_blocks

    doc = read_corpus_page(SANTE, 4)
    blocks = doc_blocks(doc)
    texts = [block_text(b) for b in blocks]
    heads = [t for b, t in zip(blocks, texts, strict=True) if isinstance(b, Heading)]
    assert not [t for t in heads if "Maroc" in t.title() or "Ministère" in t]  # main: "Ministère ..." a level-2 heading
    assert "ROYAUME DU MAROC" in texts and any(t.startswith("Ministère de la Santé") for t in texts)
    head = " ".join(texts[:6])
    assert "HoLollo" not in head and "1102" not in head  # main: both Tifinagh lines in the letterhead's paragraphs
