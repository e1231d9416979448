"""A bracketed feminine mark ``(ة)`` read as a digit or a capital, read again alone with ara (ta_marks.py): decree
2.17.355's model contract read ``للسيد (3):`` and ``يستفيد السيد (5) 204``; a note call's ``(1)`` stays a number."""

from __future__ import annotations

from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr.render import PageImage
from transform.ocr.ta_marks import _ta, _token, reread_ta_marks
from transform.ocr.tesseract import OcrResult


def test_only_a_bracketed_character_is_a_candidate() -> None:
    toks = "تحدد مدة العمل للسيد (3): في ساعة".split()
    assert _token("(3):", toks) == "(3):"
    assert _token(")5(", "يستفيد السيد (5) 204".split()) == "(5)"  # the listing writes it mirrored
    assert _token("/G)", "مطلق /G) أرمل".split()) == "/G)"
    assert _token("(15)", "عشر (15) يوما".split()) is None  # two digits: a number
    assert _token("19.12", "رقم 19.12 بتحديد".split()) is None
    assert _token("(1)", "بصفته (1) (1)".split()) is None  # written twice: which one is unknown


def test_only_a_lone_ta_over_the_box_is_taken() -> None:
    assert _ta([("(ة):", 41.4, 13.0, 60.0)], 20.0, 52.0)
    assert _ta([("٠", 29.0, 79.0, 93.0), ("(ة)", 29.0, 27.0, 66.0)], 23.0, 56.0)  # the dotted line's start beside it
    assert not _ta([("0)", 87.8, 12.0, 46.0)], 20.0, 40.0)  # a note call's digit
    assert not _ta([("(ة)", 50.0, 0.0, 10.0)], 20.0, 40.0)  # read beside the box, not over it
    assert not _ta([("بل", 50.0, 10.0, 40.0), ("(ة)", 50.0, 25.0, 45.0)], 20.0, 40.0)  # another word over it


def _line(text: str, words: list[tuple[str, float, float, float, float]]):
    ln = TextLine(text=text, x0=min(w[1] for w in words), top=min(w[2] for w in words), x1=max(w[3] for w in words),
                  bottom=max(w[4] for w in words), page=4)
    return ln, {id(ln): (text, words)}


def test_the_contracts_bracketed_ta_read_again_becomes_ta(monkeypatch) -> None:
    # p. 4's lines as the page reading gave them (tesseract's listing, boxes in points), each mark's two crops
    # read with ara as the corpus run read them (frozen: tesseract's reading of such small crops moves with a pixel)
    a, listed_a = _line("تحدد مدة العمل الأسبوعية للسيد (3): في ساعة؟",
                        [("تحدد", 464.5, 372.4, 487.6, 379.3), ("مدة", 445.0, 370.7, 460.8, 379.0),
                         ("العمل", 416.2, 369.5, 440.9, 381.3), ("الأسبوعية", 370.7, 368.1, 411.8, 382.2),
                         ("للسيد", 341.3, 369.5, 367.2, 380.7), ("(3):", 323.712, 368.928, 337.248, 381.312),
                         ("في", 262.9, 364.0, 271.0, 384.8), ("ساعة؟", 179.1, 364.0, 209.7, 382.2)])
    b, listed_b = _line("يستفيد السيد (5) 204",
                        [("يستفيد", 457.9, 526.2, 489.9, 535.4), ("السيد", 428.5, 524.2, 453.6, 538.8),
                         (")5(", 413.568, 523.008, 424.8, 535.68), ("204", 313.9, 521.3, 330.0, 537.1)])
    c, listed_c = _line("يتم تشغيل السيد(ة) + بصفته (1) (تحديد",
                        [("يتم", 468.3, 495.1, 483.3, 504.6), ("تشغيل", 432.3, 493.3, 464.3, 503.1),
                         ("السيد(ة)", 387.6, 492.5, 427.7, 503.1), ("+", 365.8, 489.6, 368.9, 501.1),
                         ("بصفته", 287.7, 495.1, 318.8, 503.7), (")1(", 273.312, 492.768, 283.104, 503.424),
                         ("(تحديد", 186.0, 492.8, 219.5, 503.7)])
    frozen = [[("(ة):", 41.4, 13.0, 60.0)], [("(ة):", 66.0, 26.0, 73.0)],  # (3): its two crops
              [("0)", 5.2, 14.0, 53.0)], [("٠\u200f", 29.0, 79.0, 93.0), ("(ة)", 29.0, 27.0, 66.0)],  # (5)
              [("0)", 87.8, 12.0, 46.0)], [("00", 68.8, 23.0, 80.0)]]  # the note call (1): a digit
    monkeypatch.setattr("transform.ocr.ta_marks._read", lambda _image, crops, _timeout: frozen[:len(crops)])
    image = PageImage(Image.new("L", (2068, 2924), 255), 250, 4, 595.32, 841.92)
    result = OcrResult([a, b, c], 87.0, 19, {}, rtl_words={**listed_a, **listed_b, **listed_c})
    assert reread_ta_marks(image, [a, b, c], result, 60.0) == 2
    assert a.text == "تحدد مدة العمل الأسبوعية للسيد (ة): في ساعة؟" and a.doubt
    assert b.text == "يستفيد السيد (ة) 204" and b.doubt
    assert c.text == "يتم تشغيل السيد(ة) + بصفته (1) (تحديد" and not c.doubt  # a note call stays a number
