"""Letters lost in a stacked ligature (ocr/dropped.py, issue 17): put back from the page's first reading, or
restored by a reading of the line at twice the size, only where the change adds letters and makes a word."""

from __future__ import annotations

import pytest

from transform.ingest.base import TextLine
from transform.ocr import tesseract as tess
from transform.ocr.dropped import keep_first_letters, lost_in, restore_dropped, restores
from transform.ocr.render import PageImage
from transform.ocr.tesseract import OcrResult


def _line(text: str) -> TextLine:
    return TextLine(text=text, x0=100.0, top=100.0, x1=400.0, bottom=115.0, size=12.0, bold=False, page=1)


def _listed(words: list[str]) -> list[tuple[str, float, float, float, float]]:
    """Words of a right-to-left line as tesseract lists them (right to left), 40 pt each."""
    return [(w, 360.0 - 45.0 * n, 100.0, 400.0 - 45.0 * n, 115.0) for n, w in enumerate(words)]


def test_a_restored_word_holds_every_letter_read_and_a_stacked_one_more() -> None:
    assert restores("الاجتاعية", "الاجتماعية")  # تم: the mim under the ta
    assert restores("حسما", "حسبما")  # بم
    assert restores("تظم", "تنظيم")  # two teeth lost
    assert not restores("الاجتماعية", "الاجتماعية")  # nothing added
    assert not restores("مستغل", "مستغلة")  # an ending is no stacked letter
    assert not restores("متمتعا", "متمتعها")  # nor a pronoun's ha
    assert not restores("الحماية", "الحمايات")  # an alef, a ta marbuta: never stacked


def test_a_first_reading_is_put_back_only_where_the_second_lost_letters() -> None:
    assert lost_in("بمثابة", "مثانة")  # the ba lost, its tooth read as nun: the skeleton holds it
    assert lost_in("ومعالجتها", "ومعالجها")
    assert lost_in("والحماية", "وامانة")
    assert lost_in("الشراكة", "الشركة")  # any letter the page reading saw (the list of posts prints الشراكة)
    assert not lost_in("مستغلة", "مستغل")  # an ending is no lost letter
    assert not lost_in("المتنتدب", "المنتدب")  # the page reading no word: the re-reading stays
    assert not lost_in("رقم", "à،")  # the re-reading read a stray right: it stays
    assert not lost_in("الثمن", "الثمن")


def test_a_line_read_again_whole_gets_its_lost_letters_back() -> None:
    ln = _line("بناء على الظهير الشريف رقم 1.58.008 مثانة النظام الأساسي")
    first = "بناء على الظهير الشريف à، 1.58.008 بمثابة النظام الأساسي"
    other = _line("في شأن تنظم وزارة الصحة")
    result = OcrResult([ln, other], 90.0, 12, rtl_words={id(ln): (first, []), id(other): (other.text, [])})
    assert keep_first_letters(result) == 1
    # the stray's re-reading stays (رقم), the word it lost a letter of is the page's (بمثابة)
    assert ln.text == "بناء على الظهير الشريف رقم 1.58.008 بمثابة النظام الأساسي"
    assert other.text == "في شأن تنظم وزارة الصحة"  # never read again: nothing to compare with


def test_a_suspect_word_is_restored_by_the_enlarged_reading_at_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    words = ["الحماية", "الاجتاعية", "وعلى", "حسما"]  # listed right to left
    ln = _line("حسما وعلى الاجتاعية الحماية")
    listed = _listed(words)
    result = OcrResult([ln], 85.0, 4, rtl_words={id(ln): (ln.text, listed)}, word_confs={id(ln): [90.0, 80.0, 90.0, 93.0]})
    again = ["الحماية", "الاجتماعية", "وعل", "حسبما"]
    seen: list[int] = []

    def fake_rows(pimg: PageImage, boxes: list, langs: str, timeout: float, psm: int = 13) -> list[OcrResult]:
        seen.append(psm)
        sub_line = _line("")
        return [OcrResult([sub_line], 40.0, 4, rtl_words={id(sub_line): ("", _listed(again))})]

    monkeypatch.setattr(tess, "read_rows", fake_rows)
    monkeypatch.setattr(tess, "line_text", lambda ws, xs, is_ar: " ".join(reversed(ws)))
    page = PageImage(Image.new("L", (900, 600), 255), 72.0, 1, 900.0, 600.0)
    assert restore_dropped(page, result, 30.0) == 2
    assert seen == [7]  # one call, each line read as one line
    # الاجتاعية and حسما restored; وعلى, a word, is never changed (وعل read again lost a letter)
    assert ln.text == "حسبما وعلى الاجتماعية الحماية"
    assert result.rtl_words[id(ln)][0] == ln.text


def test_a_page_without_suspect_words_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    ln = _line("وعلى الظهير الشريف")
    result = OcrResult([ln], 90.0, 3, rtl_words={id(ln): (ln.text, _listed(["الشريف", "الظهير", "وعلى"]))})

    def no_call(*_a: object, **_k: object) -> list[OcrResult]:
        raise AssertionError("tesseract called on a page with nothing to restore")

    monkeypatch.setattr(tess, "read_rows", no_call)
    assert restore_dropped(PageImage(Image.new("L", (900, 600), 255), 72.0, 1, 900.0, 600.0), result, 30.0) == 0


def test_the_health_decisions_line_keeps_what_each_reading_read_right() -> None:
    # Santé p. 1 as read on main (frozen): the page reading (Latin junk at the end, ومعالجتها right) and the
    # line's re-reading in Arabic that strays.py took whole (the junk read as Arabic, a stacked ت lost)
    first = "وعلى الظهير الشريف رقم 1.58.295 بشأن ضمان الوقاية من الأمراض العقلية ومعالجتها وحاية المرضى المصابين Le"
    again = "وعلى الظهير الشريف رقم 1.58.295 بشأن ضمان الوقاية من الأمراض العقلية ومعالجها وحباية المرضى المصابين يهاء."
    ln = _line(again)
    assert keep_first_letters(OcrResult([ln], 80.0, 16, rtl_words={id(ln): (first, [])})) == 1
    # وحاية is no word: the re-reading's وحباية stays (in doubt as the line is); its Arabic end stays too
    assert ln.text == again.replace("ومعالجها", "ومعالجتها")
