"""Arabic lines read as Latin junk on scans, read again on their printed rows and taken when the
word list vouches for the re-reading (transform/ocr/stray_lines.py).

The lines below are the page readings of two real scans (text, box in points, confidence and the
Latin words tesseract read under 50 % and under 75 %, as ``ocr_image`` gave them); the page
images are prepared as ``pages.ocr_page`` prepares them, and the re-reading is tesseract's, live.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from ocr_testkit import CORPUS_FILES

from transform.ingest.base import TextLine
from transform.ocr.render import PageImage

_LAT = re.compile(r"[A-Za-zÀ-ÿ]")


def _page(name: str, page: int) -> PageImage:
    """The page image ``ocr_page`` hands tesseract: rendered, blue stamps read apart and taken out,
    preprocessed, dot leaders taken out."""
    from transform.ocr.decide import SCAN_COVER
    from transform.ocr.leaders import without_leaders
    from transform.ocr.render import (
        ENLARGE_BELOW,
        image_cover,
        preprocess,
        render_page,
        render_scan,
        scan_resolution,
        with_stamps,
    )
    from transform.ocr.stamps import read_all
    from transform.ocr.tesseract import installed_langs

    path = CORPUS_FILES / f"{name}.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(path)
    res = scan_resolution(pdf[page - 1])
    assert res is not None and image_cover(pdf[page - 1]) >= SCAN_COVER
    pimg = render_scan(pdf, page - 1, res[1]) if res[0] < ENLARGE_BELOW else render_page(pdf, page - 1)
    pimg = with_stamps(pdf, page - 1, pimg)
    if pimg.stamps:
        read_all(pimg.stamps, pimg.dpi, 60, installed_langs())
    return without_leaders(preprocess(pimg, scanned=True))[0]


def _reread(pimg: PageImage, lines: list[tuple[str, tuple[float, float, float, float], float, list[str], list[str]]]) -> list[str]:
    """``reread_stray_script`` on a page reading made of ``lines`` (text, box, confidence, words
    under 50 %, words under 75 %); the lines' texts after it."""
    from transform.ocr.strays import reread_stray_script
    from transform.ocr.tesseract import OcrResult

    result = OcrResult([], 80.0, 0)
    for text, box, conf, weak, unsure in lines:
        ln = TextLine(text, *box)
        result.lines.append(ln)
        result.line_conf[id(ln)] = conf
        if weak:
            result.weak_latin[id(ln)] = weak
        if unsure:
            result.unsure_latin[id(ln)] = unsure
    reread_stray_script(pimg, result, "ara+fra", 60, None)
    return [ln.text for ln in result.lines]


def test_an_underlined_italic_heading_read_as_latin_junk_takes_its_sound_arabic_re_reading() -> None:
    # Sfax's notice p. 5 (a 112 ppi scan read at 250 dpi): ``الوثائق المطلوبة للترشح :`` read
    # ``المطلوناه ، الوثائة ut si`` at 65 % (``si`` under 50 %, ``ut`` under 75 %); ``ara`` alone, in
    # the page's one re-reading call, read ``الوشائق المطلوبة للترشح.`` at 63 %: refused before, as
    # ``si`` needed a re-reading as confident as the line
    from transform.ocr.stray_lines import sound
    from transform.ocr.strays import STRAY_MARGIN, _better, _in_place, _strays

    old, new = "المطلوناه ، الوثائة ut si", "الوشائق المطلوبة للترشح."
    assert not _better(old, 64.63, new, 63.38, False, ["si"], [])
    assert _in_place(old, 64.63, new, 63.38, ["si"], []) is None
    suspects = _strays(old, ["si"]) + ["ut"]
    assert sound(old, 64.63, new, 63.38, suspects, STRAY_MARGIN)
    # not much less sure, and no Latin left in it
    assert not sound(old, 64.63, new, 45.0, suspects, STRAY_MARGIN)
    assert not sound(old, 64.63, new + " ut", 63.38, suspects, STRAY_MARGIN)
    # a re-reading that misreads a word the line had right is not taken whole
    assert not sound("المطلوبة ، الوثائة ut si", 64.63, "المطلوية الوثائق للترشح", 63.38, suspects, STRAY_MARGIN)
    # a Latin word read sure (no suspect) keeps the line as read
    assert not sound(old.replace("ut", "Sfax"), 64.63, new, 63.38, suspects, STRAY_MARGIN)


def test_a_title_whose_box_holds_a_stamp_is_read_again_on_its_printed_rows() -> None:
    # the health decision's p. 1 (200 ppi, blue stamps written above the title's dotted blanks): the
    # title's box reaches up to the stamps; read on that crop, ``ara`` gave ``قار زر الصحة والملة ...``
    # at 39 % and the Latin junk stayed
    pimg = _page("ma-sante-ar-decision-2023", 1)
    got = _reread(pimg, [
        ("قرار لوزير الصحة QU الاجتياعية رق nn صادر a mn الترش لشغل", (57.6, 130.176, 544.896, 159.264), 52.68,
         ["nn", "mn", "a"], ["QU"]),
        ("وزارة الصحة والحماية الإجتماعية", (389.088, 72.288, 555.552, 87.264), 91.56, [], []),
    ])[0]
    assert not _LAT.search(got), got
    for word in ("قرار", "لوزير", "الصحة", "الاجتماعية", "صادر", "باب", "لشغل"):
        assert word in got.split(), got


def test_a_french_line_beside_arabic_is_kept() -> None:
    # the same page's letterhead: French beside the Arabic block, ``Ministère`` read at 46 %; even
    # with every word taken for a suspect, what ``ara`` reads there is no Arabic the list knows
    pimg = _page("ma-sante-ar-decision-2023", 1)
    line = ("Ministère de la Santé", (38.88, 61.056, 173.376, 72.288), 78.53)
    assert _reread(pimg, [(*line, ["Ministère"], [])])[0] == "Ministère de la Santé"
    from transform.ocr.stray_lines import sound
    from transform.ocr.tesseract import _pad, read_rows

    k = pimg.dpi / 72
    cut = (int(line[1][0] * k), int(line[1][1] * k), int(line[1][2] * k) + 1, int(line[1][3] * k) + 1)
    again = read_rows(pimg, [_pad(pimg, *cut)], "ara", 60)[0]
    text = " ".join(x.text for x in again.lines)
    assert not sound(line[0], line[2], text, again.confidence, ["Ministère", "de", "la", "Santé"], 100.0), text
