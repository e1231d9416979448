"""Marks inside Arabic OCR'd lines read as digits (stray_marks.py, bullets.py; issue 17).

A form's fill-in field ``ملف رقم: ......../........`` lost its dots to leaders.py and its slash was read as a
digit (decree 2.19.720's model letters: ``ملف رقم: 4``, a line ``1``); a round bullet read ``٠«`` reached the
text as ``0`` (the joint order p. 4, decree 2.19.720 p. 8). The slash is told by its ink: every digit of
every face drawn here stays a digit. The frozen boxes are the corpus's (250 ppi pixels)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from transform.ingest.base import TextLine
from transform.ocr.bullets import is_bullet
from transform.ocr.confidence import OCR_LOW
from transform.ocr.render import PageImage
from transform.ocr.stray_marks import is_slash, slash_digits
from transform.ocr.tesseract import OcrResult

FACES = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"]


def _glyph(ch: str, size: int, face: str | None = None) -> np.ndarray:
    font = ImageFont.truetype(face, size) if face else ImageFont.load_default(size=size)
    im = Image.new("L", (2 * size, 2 * size), 255)
    ImageDraw.Draw(im).text((size // 2, size // 4), ch, font=font, fill=0)
    return np.asarray(im)


def test_a_bullet_read_with_a_guillemet_is_a_bullet() -> None:
    # the joint order p. 4: ``٠« فيما يخص الدقيق الخاص`` (the filled bullet of the list above it read right)
    boxes = [(1740, 2423, 1757, 2441), (1635, 2405, 1696, 2449), (1518, 2411, 1620, 2450)]
    heights = [18, 44, 39]
    assert is_bullet(["٠«", "فيما", "يخص"], boxes, heights)
    assert is_bullet(["«٠", "فيما", "يخص"], boxes, heights)
    # decree 2.19.720 p. 8: ``٠« الاسم الشخصي والعائلي``
    assert is_bullet(["٠«", "الاسم", "الشخصي"], [(1662, 1313, 1675, 1327), (1570, 1304, 1636, 1342), (1445, 1303, 1559, 1344)],
                     [14, 38, 41])
    # a number with a quote, a letter with a quote, two quotes, or a quote against the next word: no bullet
    assert not is_bullet(["1«", "فيما", "يخص"], boxes, heights)
    assert not is_bullet(["و«", "فيما", "يخص"], boxes, heights)
    assert not is_bullet(["««", "فيما", "يخص"], boxes, heights)
    assert not is_bullet(["I»", "فيما", "يخص"], boxes, heights)  # a part's Roman number read with a guillemet
    assert not is_bullet(["٠«", "فيما", "يخص"], [(1740, 2423, 1757, 2441), (1680, 2405, 1738, 2449), (1518, 2411, 1620, 2450)],
                         heights)


def test_the_slash_is_told_from_every_digit_by_its_ink() -> None:
    faces = [None, *[f for f in FACES if Path(f).exists()]]
    for face in faces:
        for size in (14, 20, 28, 40):
            assert is_slash(_glyph("/", size, face)), (face, size)
            for ch in "0123456789":
                assert not is_slash(_glyph(ch, size, face)), (face, size, ch)
    assert not is_slash(_glyph("\\", 28))  # leaning the other way
    assert not is_slash(np.full((20, 10), 255, np.uint8))  # no ink
    assert not is_slash(_glyph("/", 6))  # too small to judge


def _form_page() -> tuple[PageImage, list[TextLine], OcrResult]:
    """Decree 2.19.720's letterhead field at 250 ppi: ``ملف رقم: 4`` on p. 6, the slash read ``4`` (2.9 x 7.5
    points), and a line ``1`` (p. 7's slash read alone); a real ``4`` drawn beside a heading's word."""
    k = 250 / 72
    im = Image.new("L", (2100, 1900), 255)
    draw = ImageDraw.Draw(im)
    # the slash of p. 6: from (433.2, 203.5) down to (431.2, 210.0) points, three pixels thick
    draw.line([(433.2 * k, 203.5 * k), (431.3 * k, 210.0 * k)], fill=0, width=3)
    draw.line([(445.0 * k, 299.5 * k), (443.3 * k, 305.0 * k)], fill=0, width=3)  # the lone line's slash
    draw.text((430.5 * k, 398.0 * k), "4", font=ImageFont.load_default(size=26), fill=0)  # a real digit
    page = PageImage(im, 250.0, 6, 2100 / k, 1900 / k)

    def line(words: list[tuple[str, float, float, float, float]], text: str) -> TextLine:
        return TextLine(text=text, x0=min(w[1] for w in words), top=min(w[2] for w in words),
                        x1=max(w[3] for w in words), bottom=max(w[4] for w in words), page=6)

    field = [("ملف", 490.0, 201.0, 507.0, 212.0), ("رقم:", 462.0, 201.0, 487.0, 212.0), ("4", 430.8, 203.0, 433.7, 210.5)]
    heading = [("المادة", 490.0, 396.0, 520.0, 408.0), ("4", 430.0, 397.0, 437.0, 407.0)]
    lines = [line(field, "ملف رقم: 4"), TextLine(text="1", x0=442.9, top=299.0, x1=445.5, bottom=305.1, page=6),
             line(heading, "المادة 4"), TextLine(text="تنبيه بأجل بخصوص مخالفة أحكام القانون", x0=200, top=500, x1=500,
                                                  bottom=512, page=6)]
    rtl = {id(lines[0]): (lines[0].text, field), id(lines[2]): (lines[2].text, heading)}
    return page, lines, OcrResult(lines, 80.0, 12, {}, rtl_words=rtl)


def test_a_forms_slash_read_as_a_digit_is_written_as_a_slash_and_a_real_digit_stays() -> None:
    page, lines, result = _form_page()
    assert slash_digits(page, lines, result) == 2
    assert [ln.text for ln in lines] == ["ملف رقم: /", "المادة 4", "تنبيه بأجل بخصوص مخالفة أحكام القانون"]
    assert lines[0].doubt == OCR_LOW and lines[1].doubt is None
    assert result.rtl_words[id(lines[0])][1][2][0] == "/"


def test_nothing_is_changed_on_a_page_that_is_not_arabic() -> None:
    page, lines, result = _form_page()
    for ln in lines[2:]:
        ln.text = "Article premier de la loi sur le travail"
    assert slash_digits(page, lines, result) == 0
    assert lines[0].text == "ملف رقم: 4" and lines[1].text == "1"


def _contract_page(number: str, conf: float) -> tuple[PageImage, list[TextLine], OcrResult]:
    """Decree 2.17.355's contract p. 4 (250 ppi): ``يستفيد السيد (ة) 204``, the ``من`` read ``204`` at 51 %."""
    k = 250 / 72
    page = PageImage(Image.new("L", (2100, 1900), 255), 250.0, 4, 2100 / k, 1900 / k)
    listing = [("يستفيد", 330.0, 300.0, 362.0, 312.0), ("السيد", 300.0, 300.0, 326.0, 312.0),
               ("(ة)", 286.0, 300.0, 296.0, 312.0), (number, 268.0, 299.0, 282.0, 313.0)]
    ln = TextLine(text=f"يستفيد السيد (ة) {number}", x0=268.0, top=299.0, x1=362.0, bottom=313.0, page=4)
    rest = TextLine(text="تحدد هذه المدة في خمسة عشر يوما كحد أقصى", x0=100, top=400, x1=500, bottom=412, page=4)
    result = OcrResult([ln, rest], 80.0, 12, {}, rtl_words={id(ln): (ln.text, listing)},
                       word_confs={id(ln): [90.0, 92.0, 84.0, conf]})
    return page, [ln, rest], result


def _reads(*words: tuple[str, float, float, float]):  # type: ignore[no-untyped-def]
    """A stand-in for the crops' tesseract call: every crop read as ``words`` (text, confidence, left, right)."""
    return lambda _image, crops, _timeout: [list(words) for _c in crops]


def test_an_arabic_word_read_as_an_unsure_number_is_read_again_from_its_crop(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import transform.ocr.digit_words as sw

    page, lines, result = _contract_page("204", 51.0)
    # the crop (the number's box padded by 0.3 of its height: 14 x 14 points grown to 22.4 x 22.4, 78 pixels)
    # read ``من:`` at 91 % over the number's span (pixels 14 to 63 of the crop)
    monkeypatch.setattr(sw, "_read", _reads(("من:", 91.0, 12.0, 66.0)))
    assert sw.reread_strays(page, lines, result, 5.0) == 1
    assert lines[0].text == "يستفيد السيد (ة) من:" and lines[0].doubt == OCR_LOW
    assert lines[1].doubt is None


def test_a_real_number_a_single_digit_and_unsure_readings_stay(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import transform.ocr.digit_words as sw

    calls: list[int] = []

    def read(_image, crops, _timeout, words=(("من:", 91.0, 12.0, 66.0),)):  # type: ignore[no-untyped-def]
        calls.append(len(crops))
        return [list(words) for _c in crops]

    monkeypatch.setattr(sw, "_read", read)
    for number, conf in [("204", 88.0), ("5", 40.0)]:  # read sure, or a single digit (a note call): not read again
        page, lines, result = _contract_page(number, conf)
        assert sw.reread_strays(page, lines, result, 5.0) == 0 and lines[0].text.endswith(number)
    assert calls == []
    for words in [(("2022", 77.0, 12.0, 66.0),),  # the crop reads digits: a number
                  (("من:", 70.0, 12.0, 66.0),),  # an Arabic word read unsure
                  (("ظضغث", 92.0, 12.0, 66.0),),  # a word the list does not know
                  (("من", 91.0, 12.0, 40.0), ("5", 80.0, 40.0, 66.0)),  # another word over the number's box
                  (("من", 91.0, 50.0, 78.0),)]:  # over less than half of it
        monkeypatch.setattr(sw, "_read", _reads(*words))
        page, lines, result = _contract_page("204", 51.0)
        assert sw.reread_strays(page, lines, result, 5.0) == 0 and lines[0].text.endswith("204"), words


def _listed_line(row: list[tuple[str, float]], n: int = 0) -> tuple[TextLine, list, list[float]]:  # type: ignore[type-arg]
    """A line of (word, confidence) pairs in reading order, listed right to left, 30 points a word."""
    listing = [(w, 400.0 - 30 * i, 20.0 * n, 425.0 - 30 * i, 20.0 * n + 10) for i, (w, _c) in enumerate(row)]
    ln = TextLine(text=" ".join(w for w, _c in row), x0=min(b[1] for b in listing), top=20.0 * n,
                  x1=max(b[3] for b in listing), bottom=20.0 * n + 10, page=1)
    return ln, listing, [c for _w, c in row]


def test_two_short_latin_words_read_unsure_side_by_side_are_junk_together() -> None:
    from transform.ocr.junk_latin import drop_marked, mark_junk_latin

    rows = [[("إن", 92.0), ("وزير", 91.0), ("الصحة", 93.0), ("والحماية", 90.0), ("Yi", 46.0), ("ske", 45.0)],  # Santé p. 1
            [("المعاينة)", 85.0), ("ms", 33.0), ("as", 13.0), ("باسهه", 70.0), ("وعدده", 88.0)],  # decree 2.19.720 p. 8
            [("سيرة", 90.0), ("ذاتية", 91.0), ("de", 40.0), ("la", 45.0), ("loi", 30.0)],  # three Latin words: a term
            [("بوابة", 90.0), ("Le", 45.0), ("Maroc", 40.0), ("الوطنية", 91.0)],  # a word longer than three letters
            [("وعلى", 90.0), ("sa", 45.0), ("de", 62.0), ("الموقع", 91.0)],  # one of the two read surer
            [("الموقع", 90.0), ("la", 30.0), ("ms", 30.0), ("(CV)", 94.0), ("للمترشح", 91.0)]]  # beside a bracket
    rows += [[("وعلى", 90.0), ("المرسوم", 91.0), ("التطبيقي", 93.0), ("الصادر", 90.0), ("بتحديد", 95.0), ("الشروط", 92.0)]] * 4
    lines, rtl, confs = [], {}, {}
    for n, row in enumerate(rows):
        ln, listing, cs = _listed_line(row, n)
        lines.append(ln)
        rtl[id(ln)], confs[id(ln)] = (ln.text, listing), cs
    result = OcrResult(lines, 80.0, 30, {}, rtl_words=rtl, word_confs=confs)
    mark_junk_latin(lines, result)
    drop_marked([lines])
    assert [ln.text for ln in lines[:6]] == ["إن وزير الصحة والحماية", "المعاينة) باسهه وعدده", "سيرة ذاتية de la loi",
                                         "بوابة Le Maroc الوطنية", "وعلى sa de الموقع", "الموقع la ms (CV) للمترشح"]
    assert lines[0].doubt == OCR_LOW and lines[1].doubt == OCR_LOW and lines[2].doubt is None
    assert lines[0].x0 == 400.0 - 30 * 3  # the box drawn in to the last Arabic word: the pair was at the line's end
