"""An annex's Roman number read as ones: written in capitals where the ink shows serifed verticals, and left in
doubt, never published as sure (roman_refs.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr.confidence import DIGITS, OCR_LOW
from transform.ocr.page_passes import finish
from transform.ocr.render import PageImage, preprocess, render_page
from transform.ocr.roman_refs import capital_i_glyphs, flag_roman_refs, roman_as_ones


def _line(text: str, doubt: str | None = None) -> TextLine:
    return TextLine(text, 50.0, 100.0, 540.0, 112.0, doubt=doubt)


def test_annex_iii_read_as_ones_is_in_doubt() -> None:
    # the joint order 1096.26's sentence as the page reads it: الملحق رقم III read 111
    read = _line("ويمكن رفض القمح اللين الذي لا يستجيب للأسقف المحددة في الملحق رقم 111 بهذا القرار المشترك.")
    heading = _line("الملحق رقم 11 بالقرار المشترك لوزير الداخلية")
    french = _line("conformément au modèle figurant à l'Annexe 111 du présent arrêté")
    clitic = _line("المحددة بالملحق 11 المرفق بهذا القرار")
    assert flag_roman_refs([read, heading, french, clitic]) == 4
    assert [ln.doubt for ln in (read, heading, french, clitic)] == [DIGITS] * 4
    assert "111" in read.text  # nothing is rewritten: the reviewer checks it against the source


def test_right_readings_are_left_alone() -> None:
    lines = [
        _line("وفق الملحق رقم II بهذا القرار المشترك"),  # read right
        _line("المحدد في الملحق رقم 1 بهذا المرسوم"),  # printed 1 as often as I: no cue, as read
        _line("الملحق رقم 4 بالقرار المشترك"),
        _line("Annexe 2 : modèle de procès-verbal"),
        _line("الفصل 111 من القانون الجنائي"),  # a real 111, no annex word before it
        _line("بتاريخ 11 ماي 2020 تحت رقم 111"),
    ]
    assert flag_roman_refs(lines) == 0
    assert [ln.doubt for ln in lines] == [None] * len(lines)


def test_stronger_doubt_kept_and_words_only() -> None:
    low = _line("الملحق رقم 111", doubt=OCR_LOW)
    flag_roman_refs([low])
    assert low.doubt == DIGITS
    assert roman_as_ones("annexe n° 11 ,".split())
    assert not roman_as_ones("الملحق رقم 1111".split())
    assert not roman_as_ones("الملحق رقم".split())


def _drawn(glyph: str, count: int) -> np.ndarray:
    """A 72 dpi page strip (1 px a point) with ``count`` glyphs 20 px high at x 100..: ``I`` a stem with a head and a
    foot reaching past it on both sides, ``1`` a stem with a flag to the left and a foot (Times's digit)."""
    a = np.full((60, 300), 255, np.uint8)
    for n in range(count):
        x = 100 + 14 * n
        a[20:40, x:x + 4] = 0  # the stem
        a[36:40, x - 3:x + 7] = 0  # the foot
        if glyph == "I":
            a[20:24, x - 3:x + 7] = 0  # the head, both sides
        else:
            a[20:24, x - 4:x] = 0  # the flag, to the left only
    return a


def test_serifed_verticals_are_capitals_a_flagged_one_a_digit() -> None:
    box = (96.0, 19.0, 100.0 + 14 * 2 + 8, 41.0)
    assert capital_i_glyphs(_drawn("I", 3), box, 72.0, 3)
    assert not capital_i_glyphs(_drawn("1", 3), box, 72.0, 3)
    assert not capital_i_glyphs(_drawn("I", 3), box, 72.0, 2)  # two ones read over three stems: not told


def test_the_page_passes_write_the_capitals_and_flag_them(monkeypatch) -> None:
    """``finish`` (the passes after tesseract, in order) writes ``III`` where the ink shows it, in doubt; a lone ``1``
    printed as a digit stays."""
    import transform.ocr.page_passes as pp

    for name, mod in (("raised_calls", "raised_calls"), ("latin_codes", "latin_codes"), ("coded_cells", "latin_codes"),
                      ("find_tables", "tables"), ("lost_digits", "lost_digits"), ("article_hyphens", "code_articles"),
                      ("drop_end_specks", "end_specks"), ("amount_lines", "latin_numbers")):
        monkeypatch.setattr(f"transform.ocr.{mod}.{name}", lambda *a, **k: [])
    monkeypatch.setattr(pp, "mark_bold", lambda image, lines: 0)
    monkeypatch.setattr(pp, "in_rows", lambda lines: lines)
    roman = TextLine("الملحق رقم 111 بالقرار المشترك", 90.0, 19.0, 290.0, 41.0)
    digit = TextLine("الملحق رقم 1 بهذا المرسوم", 90.0, 19.0, 290.0, 41.0)
    box = (96.0, 19.0, 136.0, 41.0)
    image = PageImage(Image.fromarray(_drawn("I", 3)), 72.0, 1, 300.0, 60.0)
    result = type("R", (), {"word_boxes": {}, "word_confs": {}, "rtl_words": {id(roman): (roman.text, [("111", *box)])}})()
    run = pp.PageRun(timeout=5.0, codes="ara", script=None, vote=None, renumber=False)
    lines, _tables = finish(image, image, [roman], result, run, pp.Tally())
    assert lines[0].text == "الملحق رقم III بالقرار المشترك" and lines[0].doubt == DIGITS
    # BO 7448 p. 23's French heading: ``Annexe II`` read ``Annexe IT`` (two serifed verticals in the ink)
    french = TextLine("Annexe IT à l'arrêté du ministre", 60.0, 19.0, 290.0, 41.0)
    two = PageImage(Image.fromarray(_drawn("I", 2)), 72.0, 1, 300.0, 60.0)
    result = type("R", (), {"word_confs": {}, "word_boxes": {id(french): [("Annexe", 40.0, 19.0, 90.0, 41.0), ("IT", 96.0, 19.0, 122.0, 41.0)]},
                            "rtl_words": {}})()
    lines, _tables = finish(two, two, [french], result, run, pp.Tally())
    assert lines[0].text == "Annexe II à l'arrêté du ministre" and lines[0].doubt == DIGITS
    one = PageImage(Image.fromarray(_drawn("1", 1)), 72.0, 1, 300.0, 60.0)
    result = type("R", (), {"word_boxes": {}, "word_confs": {}, "rtl_words": {id(digit): (digit.text, [("1", 96.0, 19.0, 108.0, 41.0)])}})()
    lines, _tables = finish(one, one, [digit], result, run, pp.Tally())
    assert lines[0].text == "الملحق رقم 1 بهذا المرسوم" and lines[0].doubt is None


@pytest.mark.slow
def test_the_joint_orders_iii_and_decree_720s_1_as_the_page_prints_them() -> None:
    """The word boxes are the reader's (frozen); the pages rendered and prepared as the reader prepares them."""
    files = Path(__file__).resolve().parents[1] / "realdocs" / "files"
    cases = [("adala-ar-joint-order-1096-26.pdf", 9, (253.15, 76.61, 273.31, 88.7), 3, True),  # الملحق رقم III
             ("adala-ar-joint-order-1096-26.pdf", 3, (97.92, 199.3, 99.94, 209.95), 1, True),  # الملحق رقم I, in a sentence
             ("adala-ar-decree-2-19-720.pdf", 5, (260.06, 75.46, 266.69, 87.84), 1, False)]  # الملحق رقم 1, a digit
    for name, page, box, count, capital in cases:
        if not (files / name).exists():
            pytest.skip("real-document corpus not present")
        pdf = pdfium.PdfDocument(str(files / name))
        try:
            image = preprocess(render_page(pdf, page - 1), scanned=False)
        finally:
            pdf.close()
        assert capital_i_glyphs(np.asarray(image.image.convert("L")), box, image.dpi, count) is capital, (name, page)
