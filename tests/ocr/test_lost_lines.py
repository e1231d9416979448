"""Lines the noise filter dropped that hold text, read again on their ink band (lost_lines.py): a form's box
title on a grey ground comes back whole; a rule, pale ink or a re-reading that is no words stays dropped."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr import lost_lines
from transform.ocr.lost_lines import ink_band, known_share, rescue
from transform.ocr.page_passes import PageRun, Tally, kept_lines
from transform.ocr.render import PageImage
from transform.ocr.tesseract import OcrResult

from ._pagebits import corpus_page


def _ln(text: str, x0: float, top: float, x1: float, bottom: float, conf: float = 0.4) -> TextLine:
    ln = TextLine(text=text, x0=x0, top=top, x1=x1, bottom=bottom, page=1)
    ln.confidence = conf
    return ln


def _letters(a: np.ndarray, top: int, h: int, x0: int, n: int, shade: int = 20) -> None:
    """``n`` letter-shaped blocks of ink ``h`` pixels high from ``x0``, a glyph's width apart."""
    for i in range(n):
        a[top:top + h, x0 + i * 50:x0 + i * 50 + 30] = shade


def test_a_band_of_letters_is_found_a_rule_or_pale_ink_is_not() -> None:
    a = np.full((200, 600), 255, np.uint8)
    _letters(a, 50, 40, 100, 6)
    a[30:33, 20:580] = 200  # the box's light dashed rule above the title: no glyph core
    assert ink_band(a, (0, 20, 600, 120), 40.0) == (100, 50, 380, 90)
    rule = np.full((200, 600), 255, np.uint8)
    rule[50:90, 20:580] = 0  # one long dark piece: a bar, no line of letters
    assert ink_band(rule, (0, 20, 600, 120), 40.0) is None
    pale = np.full((200, 600), 255, np.uint8)
    _letters(pale, 50, 40, 100, 6, shade=160)  # a faint stamp's grey: no glyph core
    assert ink_band(pale, (0, 20, 600, 120), 40.0) is None
    few = np.full((200, 600), 255, np.uint8)
    _letters(few, 50, 40, 100, 2)  # two specks
    assert ink_band(few, (0, 20, 600, 120), 40.0) is None


def test_word_lists_hold_the_words_as_they_are() -> None:
    # read again on the corpus: a bilingual form's line and a letterhead, junk the clitic-stripping look-up calls words
    assert known_share("فالا المسا عل لوول لبق pt nt re")[1] < lost_lines.KNOWN
    assert known_share("ie ال")[0] < lost_lines.MIN_KNOWN
    assert known_share("رأي الرئيس المباشر حول كفاءة المترشح(ة)") == (6, 1.0)


def _page_with_letters() -> PageImage:
    a = np.full((400, 800), 255, np.uint8)
    _letters(a, 100, 40, 100, 8)
    return PageImage(Image.fromarray(a), 72.0, 1, 800, 400)


def _frozen(monkeypatch: pytest.MonkeyPatch, text: str, conf: float) -> list[str]:
    """``read_rows`` answering ``text`` read at ``conf`` (0-100); the models it was asked for."""
    asked: list[str] = []

    def read_rows(pimg: PageImage, boxes: list, langs: str, timeout: float) -> list[OcrResult]:
        asked.append(langs)
        out = []
        for box in boxes:
            ln = TextLine(text=text, x0=box[0], top=box[1], x1=box[2], bottom=box[3], page=1)
            out.append(OcrResult([ln], conf, len(text.split()), line_conf={id(ln): conf}))
        return out

    monkeypatch.setattr("transform.ocr.tesseract.read_rows", read_rows)
    return asked


def test_a_dropped_line_read_as_words_is_kept_in_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _frozen(monkeypatch, "تاريخ الترسيم", 70.0)
    image = _page_with_letters()
    noise = _ln("أاية لونم", 90, 95, 520, 145)  # read unsure as no words: the noise filter drops it
    first, last = _ln("المنصب المعني", 90, 20, 520, 60, 0.9), _ln("الدرجة", 90, 200, 520, 240, 0.9)
    result = OcrResult([first, noise, last], 80.0, 4, line_conf={id(first): 90.0, id(noise): 40.0, id(last): 90.0})
    run = PageRun(timeout=30.0, codes="ara+fra", script=None, vote=None, renumber=False)
    tally = Tally()
    lines = kept_lines(result, image, tally, image, run)
    assert [ln.text for ln in lines] == ["المنصب المعني", "تاريخ الترسيم", "الدرجة"]
    assert asked == ["ara"]  # an Arabic line read again with the Arabic model only
    assert (tally.noise, tally.rescued) == (0, 1)


@pytest.mark.parametrize(("text", "conf"), [
    ("MEN DELA TAN لتك 000 GAS AA CN JE Hs", 30.1),  # a letterhead read again: words of the list, read unsure
    ("+0O8Hol+ 5+ التعيين الحالي", 80.0),  # a Tifinagh line's crosses
    ("المنصب المعني", 80.0),  # no more words than the page's reading had
])
def test_a_rereading_that_is_no_words_leaves_the_line_dropped(monkeypatch: pytest.MonkeyPatch, text: str,
                                                              conf: float) -> None:
    _frozen(monkeypatch, text, conf)
    dropped = _ln("المنصب المعني ااا", 90, 95, 520, 145)
    kept = [_ln("x", 0, 0, 10, 40, 0.9)]
    assert rescue(_page_with_letters(), OcrResult([], 80.0, 0), [dropped], kept, "ara+fra", 30.0) == []


def test_box_title_on_a_grey_ground_is_read_again_whole() -> None:
    # Santé decision p. 2: the shaded title of a frame, read by the page at 40 % as
    # ``ري اليس البلشر حول كفا لمرشو(ة)`` and dropped as noise; its dark glyphs read alone are the title
    image = corpus_page("ma-sante-ar-decision-2023.pdf", 1)
    dropped = _ln("ري اليس البلشر حول كفا لمرشو(ة)", 216.0, 409.536, 390.816, 431.712)
    kept = [_ln("المديرية", 498.24, 149.472, 526.752, 164.16, 0.9), _ln("الدرجة", 500.0, 250.0, 527.0, 264.0, 0.9),
            _ln("الوظيفة الحالية", 470.0, 352.0, 527.0, 368.0, 0.9)]
    found = rescue(image, OcrResult([], 80.0, 0), [dropped], kept, "ara+fra", 30.0)
    assert [ln.text for _n, ln in found] == ["رأي الرئيس المباشر حول كفاءة المترشح(ة)"]
