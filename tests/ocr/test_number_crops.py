"""A number the line's re-readings read otherwise, cut out alone and read as digits by two models
(``number_crops.settle_alone``, called at the end of ``numbers.recheck_numbers``).

The Casablanca judgment's p. 2 prints ``2019/09/06`` at a line's start: the page read ``6`` and its
re-readings ``06``, ``20190506``, ``006``, ``2019/09/06``, too far apart for a vote. Cut alone from the
rendered page, ``fra`` and ``eng`` read ``2019/09/06``; one re-reading of the line read it too: it is written.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from ocr_testkit import CORPUS_FILES

from tests.ocr._pagebits import read_corpus_page
from transform.ingest.base import TextLine
from transform.model.walk import iter_blocks
from transform.ocr import confidence, crop_reads
from transform.ocr.number_crops import agreed, contenders, settle_alone, token_boxes
from transform.ocr.render import render_page
from transform.ocr.tesseract import OcrResult

JUDGMENT = CORPUS_FILES / "ma-tc-casa-jugement-2271-2020.pdf"
Box = tuple[str, float, float, float, float]


@cache
def _page(n: int):  # type: ignore[no-untyped-def]
    if not JUDGMENT.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(JUDGMENT))
    try:
        return render_page(pdf, n - 1)  # as the reader renders it (250 dpi)
    finally:
        pdf.close()


def _line(text: str, box: tuple[float, float, float, float], words: list[Box]) -> tuple[TextLine, OcrResult]:
    ln = TextLine(text, *box)
    return ln, OcrResult([ln], 87.0, len(text.split()), rtl_words={id(ln): (text, words)})


# what the page's reading gave on the judgment (line boxes and tesseract's word boxes, points)
P2_DATE = ("6 أي قبل توصله بالإنذار", (72, 710, 525, 729), [("6", 510.9, 714.2, 524.7, 723.5), ("أي", 459.1, 709.9, 486.1, 726.0)])
P1_YEAR = ("إلى متم يوليوز 62019 ما حدا", (71, 658, 525, 677),
           [("يوليوز", 253.2, 660.4, 278.2, 674.8), ("62019", 220.3, 662.7, 248.0, 671.9), ("ما", 205.9, 661.2, 214.3, 670.5)])
P4_DATE = ("31 كما أن هناك إنذار", (72, 207, 523, 226), [("31", 470.6, 211.4, 523.0, 219.7), ("كما", 447.3, 208.8, 465.4, 218.9)])


def test_a_date_read_short_at_a_lines_start_is_read_whole_alone() -> None:
    ln, result = _line(*P2_DATE)
    count, clean = settle_alone(_page(2), result, [(ln, ["006", "06", "2019/09/06", "20190506"])], 30)
    assert ln.text == "2019/09/06 أي قبل توصله بالإنذار" and count == 1
    assert ln.doubt is None and clean == {id(ln)}  # the page's 6 is the date's last digit: digits lost, none changed


def test_a_dates_slash_a_reading_lost_is_read_alone() -> None:
    # p. 4: the notice's date ``2019/07/31`` read ``31``; the one re-reading at its place lost a slash
    ln, result = _line(*P4_DATE)
    assert settle_alone(_page(4), result, [(ln, ["2019/0731", None])], 30)[0] == 1
    assert ln.text.startswith("2019/07/31 كما") and ln.doubt is None


def test_a_comma_after_a_year_is_left_out_and_a_digit_changed_stays_in_doubt() -> None:
    # p. 1: ``يوليوز 2019،``: the Arabic comma was read as a digit before the year (``62019``); cut alone
    # without the comma the year reads ``2019``, as a re-reading had it. The page read a digit the new token
    # lacks: the year is written and the line stays ``digits_disagree``.
    ln, result = _line(*P1_YEAR)
    assert settle_alone(_page(1), result, [(ln, ["2019", "22019"])], 30)[0] == 1
    assert "يوليوز 2019 ما" in ln.text and ln.doubt == confidence.DIGITS


def _fake_reads(monkeypatch: pytest.MonkeyPatch, by_model: dict[str, str]) -> None:
    def read_crops(images, *, lang, psm, allowed, timeout, stem="c"):  # type: ignore[no-untyped-def]
        return [[(by_model[lang], 90.0)] if by_model[lang] else [] for _ in images]

    monkeypatch.setattr(crop_reads, "read_crops", read_crops)


@pytest.mark.parametrize(("fra", "eng", "readings", "text", "doubt"), [
    # a digit changed in one model's reading: the crop's readings disagree, nothing is written or told
    ("2019/09/06", "2019/09/08", ["2019/09/06"], "6 أي قبل توصله بالإنذار", None),
    ("2019/09/06", "", ["2019/09/06"], "6 أي قبل توصله بالإنذار", None),
    # both models agree on a number no re-reading of the line saw: not written, the line in doubt
    ("2019/09/08", "2019/09/08", ["2019/09/06"], "6 أي قبل توصله بالإنذار", confidence.DIGITS),
    # both models and a re-reading agree, but the page's digit is not in it (a changed digit): written, in doubt
    ("2019/09/08", "2019/09/08", ["2019/09/08"], "2019/09/08 أي قبل توصله بالإنذار", confidence.DIGITS),
    # both agree with the page: nothing to do
    ("6", "6", ["06"], "6 أي قبل توصله بالإنذار", None),
])
def test_the_measure_on_bad_readings(monkeypatch: pytest.MonkeyPatch, fra: str, eng: str, readings: list[str],
                                     text: str, doubt: str | None) -> None:
    _fake_reads(monkeypatch, {"fra": fra, "eng": eng})
    ln, result = _line(*P2_DATE)
    settle_alone(_page(2), result, [(ln, readings)], 30)
    assert (ln.text, ln.doubt) == (text, doubt)


def test_readings_agree_when_only_a_separator_is_lost() -> None:
    assert agreed(["2019/09/06", "2019/0906"]) == "2019/09/06"  # a slash the binarised page broke
    assert agreed(["65.99", "65.99"]) == "65.99"
    for bad in (["2019/09/06", "2019/09/08"], ["2019/0906", "20190906"], ["2019", "62019"], ["65.99", "6599"], ["", ""]):
        assert agreed(bad) is None, bad


def test_tokens_and_their_boxes() -> None:
    assert contenders("بتاريخ 6 أي 2020", ["بتاريخ 06 أي 2020", None, "بتاريخ 2019/09/06 أي 2020"]) == {0: {"06", "2019/09/06"}}
    assert contenders("رقم 12 و 15", ["رقم 12 و 15"]) == {}
    # right to left: the first token of the text is the rightmost word
    listed: list[Box] = [("15", 100, 0, 110, 10), ("و", 120, 0, 125, 10), ("12", 200, 0, 210, 10)]
    assert token_boxes("رقم 12 و 15", listed) == [(200, 0, 210, 10), (100, 0, 110, 10)]
    assert token_boxes("رقم 12 و 15 و 3", listed) is None  # counts differ: no box is trusted


@pytest.mark.slow
def test_the_judgments_second_page_reads_the_deposits_date(tmp_path: Path) -> None:
    """Casa p. 2 through the reader: ``2019/09/06`` (read ``6`` on main) in its paragraph, not in doubt."""
    if not JUDGMENT.exists():
        pytest.skip("real-document corpus not present")
    doc = read_corpus_page(JUDGMENT, 2)
    blocks = [b for _, b in iter_blocks(doc) if "قبل توصله" in " ".join(s.text for s in getattr(b, "sentences", []))]
    assert blocks, "the paragraph is missing"
    text = " ".join(s.text for s in blocks[0].sentences)
    assert "2019/09/06" in text, text


def test_the_crop_grows_over_a_numbers_signs_but_not_into_another_number() -> None:
    from transform.ocr.number_crops import number_crop

    grey = np.full((60, 400), 255, np.uint8)
    for x in (300, 314, 330, 344):  # four digits 20 px high, 4-6 px apart: two numbers of two digits
        grey[20:40, x:x + 10] = 0
    grey[36:40, 326:328] = 0  # a point on the baseline between them
    line, seed = (0.0, 10.0, 400.0, 50.0), (300.0, 20.0, 324.0, 40.0)
    alone = number_crop(grey, line, seed, 72.0)
    kept = number_crop(grey, line, seed, 72.0, [(330.0, 20.0, 354.0, 40.0)])
    assert alone is not None and kept is not None
    pad = 2 * (28 // 2 + 4)
    assert round((alone.width - pad) * 20 / 28) == 54  # 300-354: the point and the next digits joined
    assert round((kept.width - pad) * 20 / 28) == 24  # the other number's word is not taken in


# decree 2.19.720 p. 8 (a blurred model letter): the law's number ``65.99`` read ``65.95`` by the page and ``6595`` by
# both line re-readings; cut alone, ``65.99`` by both models; the page prints ``65.99`` three lines down
D720_SUBJECT = ("لأحكام القانون رفم 65.95 المتعلق بمدونة الشغل", (72, 300, 500, 318),
                [("الشغل", 100, 301, 130, 317), ("بمدونة", 140, 301, 180, 317), ("المتعلق", 190, 301, 230, 317),
                 ("65.95", 240, 302, 270, 316), ("رفم", 280, 301, 300, 317), ("القانون", 310, 301, 350, 317),
                 ("لأحكام", 360, 301, 400, 317)])


def _law_page(monkeypatch: pytest.MonkeyPatch, crop: str, elsewhere: str) -> tuple[TextLine, int]:
    from PIL import Image

    from transform.ocr import number_crops
    from transform.ocr.render import PageImage

    _fake_reads(monkeypatch, {"fra": crop, "eng": crop})
    monkeypatch.setattr(number_crops, "number_crop", lambda *a, **k: Image.new("L", (60, 40), 255))
    ln, result = _line(*D720_SUBJECT)
    result.lines.append(TextLine(elsewhere, 72, 400, 500, 418))
    page = PageImage(Image.new("L", (100, 100), 255), 250, 8, 595, 842)
    return ln, settle_alone(page, result, [(ln, ["6595", "6595"])], 30)[0]


def test_a_number_the_crops_read_and_the_page_prints_elsewhere_is_written_in_doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    ln, count = _law_page(monkeypatch, "65.99", "بمقتضى المادة 532 من القانون رقم 65.99 المشار إليه")
    assert ln.text == "لأحكام القانون رفم 65.99 المتعلق بمدونة الشغل" and count == 1
    assert ln.doubt == confidence.DIGITS


@pytest.mark.parametrize(("crop", "elsewhere"), [
    ("65.99", "بمقتضى المادة 532 من القانون رقم 65.98 المشار إليه"),  # the page prints no such number
    ("66.99", "بمقتضى المادة 532 من القانون رقم 66.99 المشار إليه"),  # two digits apart
    ("65,99", "بمقتضى المادة 532 من القانون رقم 65,99 المشار إليه"),  # a sign changed, not a digit
])
def test_a_number_the_crops_alone_read_stays_as_read(monkeypatch: pytest.MonkeyPatch, crop: str, elsewhere: str) -> None:
    ln, count = _law_page(monkeypatch, crop, elsewhere)
    assert "رفم 65.95 المتعلق" in ln.text and count == 0 and ln.doubt == confidence.DIGITS
