"""Latin junk in Arabic lines read again (strays.py) and emblem or Tifinagh glyphs dropped as
noise (noise.py), on the readings and pages of the corpus's Arabic scans.

The readings below are tesseract's, copied from the corpus pages named: the Sfax notice's
``jui 17 2022`` (the exam date ``17 نوفمبر 2022``, its month read with the French model),
re-read ``7 نوفمبر 2022`` by ``ara`` on the line's crop; its ``a aid 5 LUS 1982`` (``1982 كما
تم إتمامه``) re-read ``82 كماتم إتماسه``; the Ministry decision's ``الانتقال GUN والتنمية``
re-read whole at 85.9 % against 90.3 %; its Tifinagh letterhead read ``+0O8Hol+ 5+``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.ingest.base import TextLine
from transform.model.walk import block_text, iter_blocks
from transform.ocr.noise import glyph_junk, noise
from transform.ocr.strays import _better, keeps_the_rest, replace_strays, splice_numbers

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
MTEDD_LETTER = ("وعلى رسالة السيد رئيس الحكومة عدد 670 بتاريخ 16 ماي 2022 بشأن الترخيص لوزارة الانتقال "
                "GUN والتنمية المستدامة")
MTEDD_AGAIN = ("وعلى رسالة السيد رئيس الحكومة عدد 670 بتاريخ 16 ماي 2022 بشأن الترخيص لوزارة الانتقال "
               "الطاقي والتنمية المستدامة")


def test_digits_a_re_reading_lost_come_from_the_page_reading() -> None:
    assert splice_numbers("jui 17 2022", "7 نوفمبر 2022") == "17 نوفمبر 2022"
    assert splice_numbers("a aid 5 LUS 1982", "82 كماتم إتماسه") == "1982 كماتم إتماسه"
    assert splice_numbers(MTEDD_LETTER, MTEDD_AGAIN) == MTEDD_AGAIN  # nothing lost, nothing changed
    # a number that ends none of the page reading's, or stands out of their order: made up, refused
    assert splice_numbers("jui 17 2022", "8 نوفمبر 2022") is None
    assert splice_numbers("عدد 670 بتاريخ 16", "بتاريخ 16 عدد 70") is None
    # the health decision p. 1: the page reading misordered the line's numbers, the re-reading has the same ones
    assert splice_numbers("es قرار 1299-13 بعض 2013) أبريل (16 1434 الآخرة 5 الصادر",
                          "وعلى قرار رم 1299-13 الصادر في 5 جادى الآخرة 1434 (16 أبريل 2013)") == \
        "وعلى قرار رم 1299-13 الصادر في 5 جادى الآخرة 1434 (16 أبريل 2013)"
    # decree 2.17.355 p. 4: a box ☐ read "D", re-read "6": no number is printed there
    assert splice_numbers("D حراسة البيت.", "6 حراسة البيت.") is None


def test_an_unsure_capitalised_stray_is_replaced_when_the_rest_of_the_line_is_kept() -> None:
    # the Ministry's line: the re-reading only puts الطاقي for GUN, 4.4 points less sure
    assert keeps_the_rest(MTEDD_LETTER, MTEDD_AGAIN, ["GUN"])
    assert _better(MTEDD_LETTER, 90.3, MTEDD_AGAIN, 85.9, False, ["GUN"])
    # the same confidence, but the re-reading changed another word too (670 -> 67): not taken
    changed = MTEDD_AGAIN.replace("670", "67")
    assert not keeps_the_rest(MTEDD_LETTER, changed, ["GUN"])
    assert not _better(MTEDD_LETTER, 90.3, changed, 85.9, False, ["GUN"])
    # far less sure: not taken either
    assert not _better(MTEDD_LETTER, 90.3, MTEDD_AGAIN, 70.0, False, ["GUN"])
    # Sfax's exam date, a short line: its re-reading with the digits put back
    assert _better("jui 17 2022", 69.7, "17 نوفمبر 2022", 67.0, True, ["jui"])
    # a short line of French read sure keeps its rule: a clearly higher confidence
    assert not _better("La Ministre", 80.0, "الوزيرة", 79.0, True, None)
    assert not keeps_the_rest("jui", "نوفمبر", ["jui"])  # nothing else on the line vouches for it


def test_latin_words_read_unsure_are_replaced_only_by_a_reading_that_keeps_the_rest() -> None:
    # the Ministry decision p. 1: Mie (59 %) for عقد; a reading of the same words but Mie, 3 points less sure
    old, new = "بتشغيل خبيرين بموجب Mie", "بتشغيل خبيرين بموجب عقد"
    assert _better(old, 80.0, new, 77.0, False, None, ["Mie"])
    assert not _better(old, 80.0, new, 77.0, False, None, None)  # read sure (75 %+): a name, an acronym
    assert not _better(old, 80.0, new, 70.0, False, None, ["Mie"])  # much less sure
    assert not _better(old, 80.0, "بتشغيل خبيرين بموجد عقد", 79.0, False, None, ["Mie"])  # another word changed


def _line(text: str, conf: float) -> TextLine:
    ln = TextLine(text=text, x0=50, top=40, x1=500, bottom=52, size=11, bold=False, page=1)
    ln.confidence = conf
    return ln


def test_emblem_and_tifinagh_glyphs_are_noise_words_numbers_and_codes_are_not() -> None:
    assert glyph_junk("+0O8Hol+ 5+") and glyph_junk("8C8++£")
    assert noise(_line("+0O8Hol+ 5+", 0.532))  # the word-list score calls it sound: no word, one number
    assert not noise(_line("+0O8Hol+ 5+", 0.70))  # read sure: kept (and flagged by its confidence)
    for kept in ["5", "(5)", "F1", "G/2432", "n° 3", "www.mem.gov.ma", "10-3-23", "100€", "المادة 2", "Royaume du Maroc"]:
        assert not glyph_junk(kept), kept
    for kept in ["G/2432 و 13451", "10-3-23", "المادة 2", "Royaume du Maroc"]:  # unsure, but words or numbers
        assert not noise(_line(kept, 0.55)), kept


def _read(doc: str, page: int, tmp_path: Path) -> str:
    d = read_corpus_page(f"{doc}.pdf", page)
    return "\n".join(block_text(b) for _, b in iter_blocks(d))


@pytest.mark.slow
def test_sfax_exam_date_month_read_in_arabic(tmp_path: Path) -> None:
    text = _read("tn-sfax-ar-balagh-2022", 1, tmp_path)
    assert "17 نوفمبر 2022" in text and "jui" not in text
    assert "02 سبتمبر 1982" in text and "LUS" not in text and "1982 كما" in text


@pytest.mark.slow
def test_ministry_letterhead_glyphs_dropped_and_gun_read_in_arabic(tmp_path: Path) -> None:
    text = _read("ma-mtedd-ar-decision-2023", 1, tmp_path)
    assert "0O8Hol" not in text and "GUN" not in text
    assert "عدد 670 بتاريخ 16 ماي 2022 بشأن الترخيص لوزارة الانتقال الطاقي والتنمية المستدامة" in text


@pytest.mark.slow
def test_footnote_numbers_of_a_220_dpi_scan_keep_their_first_digit(tmp_path: Path) -> None:
    # decree 2.17.355's model contract, p. 5: its notes 10 and 11 came out "0" and "1" (numbers.NUMBERS_DPI)
    text = _read("adala-ar-decree-2-17-355", 5, tmp_path)
    assert "10 يتعين المصادقة على التوقيع" in text and "11 يتعين المصادقة على التوقيع" in text


def test_a_stray_is_replaced_in_place_and_every_other_word_stays_as_first_read() -> None:
    # the Ministry decision p. 1: Vis (73 %) for وألا; the re-reading also glued صدرفي and changed a comma
    old = "أن يكون متمتعا بالحقوق المدنية، Vis يكون قد صدر في حقه مقرر بالإدانة"
    new = "أن يكون متمتعا بالحقوق المدنية. وألا يكون قد صدرفي حقه مقرر بالإدانة"
    assert replace_strays(old, new, ["Vis"]) == "أن يكون متمتعا بالحقوق المدنية، وألا يكون قد صدر في حقه مقرر بالإدانة"
    # decree 2.17.355 p. 4: Les and the next word read as other words: not a stray alone, nothing replaced
    assert replace_strays("Les الإشارة إلى أي عمل", "٠يمكن الإ إل أي عمل", ["Les"]) is None
    # a stray read as a number, or as Latin again: nothing replaced
    assert replace_strays("المادة Vis من القانون", "المادة 19 من القانون", ["Vis"]) is None
    assert replace_strays("المادة Vis من القانون", "المادة Ms من القانون", ["Vis"]) is None
