"""A form's field label read as Latin in brackets, beside its dotted blank (transform/ocr/strays.py,
stray_lines.word_span): ``(المدينة) في ......`` of a scanned model letter came back ``(al) في``,
``(ais) 1 ف سات`` and ``ll) في annee``.

The lines and their words are the page readings of decree 2.19.720's annexes (250 dpi, boxes in
points, confidences as tesseract gave them); the re-readings are given by a stand-in for
``read_rows`` that answers what ``ara`` read on those crops, so no tesseract runs here.
"""

from __future__ import annotations

from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr.render import PageImage
from transform.ocr.tesseract import OcrResult

K = 72 / 250  # the page readings' pixels (250 dpi) to points
_BODY = "نحن العون المكلف بتفتيش الشغل بناء على الاختصاصات الموكولة إلينا في مجال مراقبة تطبيق الأحكام التشريعية"


def _line(text: str, box: tuple[int, int, int, int]) -> TextLine:
    return TextLine(text=text, x0=box[0] * K, top=box[1] * K, x1=box[2] * K, bottom=box[3] * K, page=5)


def _page_of(lines: list[TextLine], conf: dict[int, float]) -> tuple[PageImage, OcrResult]:
    body = _line(_BODY, (300, 1300, 1600, 1340))  # the page is Arabic: its Latin words are strays
    result = OcrResult([*lines, body], 85.0, 20)
    result.line_conf = {id(ln): conf[k] for k, ln in enumerate(lines)} | {id(body): 90.0}
    pimg = PageImage(Image.new("L", (2068, 2924), 255), 250.0, 5, 2068 * K, 2924 * K)
    return pimg, result


def _reading(text: str, conf: float, box: tuple[int, int, int, int], flat: list[str] | None = None) -> OcrResult:
    ln = _line(text, box)
    sub = OcrResult([ln], conf, len(text.split()))
    sub.line_conf[id(ln)] = conf
    if flat:
        sub.flat[id(ln)] = (text, flat)
    return sub


def _reread(monkeypatch, pimg: PageImage, result: OcrResult, answers: list[OcrResult]) -> list[tuple[int, int, int, int]]:
    """``reread_stray_script`` with ``read_rows`` answering ``answers`` (one per crop); the crops asked for."""
    import transform.ocr.tesseract as tess
    from transform.ocr.strays import reread_stray_script

    asked: list[tuple[int, int, int, int]] = []

    def read_rows(_pimg, boxes, _langs, _timeout):
        asked.extend(boxes)
        return answers[: len(boxes)]

    monkeypatch.setattr(tess, "read_rows", read_rows)
    reread_stray_script(pimg, result, "ara+fra", 60)
    return asked


def test_a_bracketed_latin_stray_is_replaced_by_the_words_read_in_its_place() -> None:
    from transform.ocr.strays import _strays, replace_strays

    # tesseract lists a weak word with its brackets: it is the stray ``ll`` of the line all the same
    assert _strays("ll) في annee", ["ll)", "annee"]) == ["ll", "annee"]
    assert replace_strays("(al) في", "(المدبنة) في", ["al"]) == "(المدبنة) في"
    assert replace_strays("العنوان (ais) ف", "العنوان (المدينة) ف", _strays("العنوان (ais) ف", ["(ais)"])) \
        == "العنوان (المدينة) ف"


def test_a_short_label_read_latin_in_brackets_takes_its_arabic_re_reading(monkeypatch) -> None:
    # p5: ``(al) في`` read at 73 %, its ``al`` read sure; ``ara`` reads ``(المدبنة) في`` at 69 %
    label = _line("(al) في", (660, 480, 785, 510))
    pimg, result = _page_of([label], {0: 73.3})
    _reread(monkeypatch, pimg, result, [_reading("(المدبنة) في", 68.6, (660, 480, 785, 510))])
    assert label.text == "(المدبنة) في"


def test_a_blank_re_read_as_a_letter_is_taken_out_with_the_rule_words(monkeypatch) -> None:
    from transform.ocr.flat_words import without_flat

    # p8: ``ll) في annee``, ``annee`` the blank's dots (a flat box); re-read ``(المدينة) في ا``, the
    # ``ا`` those dots again
    label = _line("ll) في annee", (390, 455, 685, 490))
    pimg, result = _page_of([label], {0: 56.0})
    result.weak_latin[id(label)] = ["ll)", "annee"]
    result.flat[id(label)] = (label.text, ["annee"])
    _reread(monkeypatch, pimg, result, [_reading("(المدينة) في ا", 41.1, (390, 455, 685, 490), ["ا"])])
    assert without_flat(label.text, *result.flat[id(label)]) == "(المدينة) في"


def test_a_label_under_a_scans_edge_is_re_read_on_its_words_rows(monkeypatch) -> None:
    # p6: a speck of the scan's edge (``1``, 4 px high) and the blank's dots (``سات``) read into the
    # label's line: its box four times the label's height; re-read on the label's words only
    words = [("1", 1067, 436, 1082, 440), ("(ais)", 794, 460, 874, 488), ("ف", 768, 462, 786, 495),
             ("سات", 553, 479, 680, 485)]
    label = _line("(ais) 1 ف سات", (553, 436, 1082, 495))
    pimg, result = _page_of([label], {0: 61.1})
    result.weak_latin[id(label)] = ["(ais)"]
    result.flat[id(label)] = (label.text, ["1", "سات"])
    result.rtl_words[id(label)] = (label.text, [(w, x0 * K, t * K, x1 * K, b * K) for w, x0, t, x1, b in words])
    asked = _reread(monkeypatch, pimg, result, [_reading("(المدينة) ف", 70.0, (768, 460, 874, 495))])
    assert asked, "the label with a bracketed weak stray is read again"
    top, bottom = asked[0][1], asked[0][3]
    assert top > 436 and bottom - top < 2 * (495 - 460)  # the edge's rows left out of the crop
    assert "(المدينة)" in label.text and "ais" not in label.text


def test_a_line_without_rule_words_keeps_its_box() -> None:
    from transform.ocr.stray_lines import word_span

    ln = _line("وزارة الشغل والإدماج gd", (1494, 522, 1760, 558))
    listed = (ln.text, [("gd", 1494 * K, 524 * K, 1538 * K, 557 * K)])
    assert word_span(ln, listed, None) == (ln.x0, ln.top, ln.x1, ln.bottom)
