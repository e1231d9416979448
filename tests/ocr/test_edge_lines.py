"""A scan's edge ticks read as a thin wordless line under the running header (edge_lines.py): BO 5952 bis pp. 14 and
32's ``0 11| 1 <1 1 1 1`` and ``لصي``, frozen with their boxes; thin lines of words, narrow marks and sure lines stay."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ocr.edge_lines import drop_edge_marks


def _ln(text: str, x0: float, top: float, x1: float, bottom: float, conf: float = 0.95) -> TextLine:
    return TextLine(text=text, x0=x0, top=top, x1=x1, bottom=bottom, page=14, confidence=conf)


def _page(edge: TextLine) -> list[TextLine]:
    body = [_ln("L’opposition est une composante essentielle des deux Chambres. Elle participe", 81.2, 90.7 + 14 * k,
                540.0, 102.5 + 14 * k) for k in range(6)]
    return [_ln("1776 BULLETIN OFFICIEL N° 5952 bis — 14 rejeb 1432 (17-6-2011)", 28.5, 67.4, 568.8, 76.9, 0.88), edge,
            *body]


def test_edge_ticks_read_as_a_line_are_dropped() -> None:
    for edge in (_ln("0 11| 1 <1 1 1 1", 25.6, 76.3, 570.0, 81.2, 0.51), _ln("لصي", 26.2, 77.2, 568.5, 81.8, 0.44)):
        lines = _page(edge)
        assert drop_edge_marks(lines) == 1
        assert edge not in lines and len(lines) == 7


def test_lines_of_words_narrow_marks_and_sure_lines_stay() -> None:
    for edge in (_ln("de la loi", 25.6, 76.3, 570.0, 81.2, 0.51),  # a word: text, however thin
                 _ln("1 1 1", 25.6, 76.3, 120.0, 81.2, 0.51),  # narrow: a mark beside the text
                 _ln("0 11| 1 <1 1 1 1", 25.6, 76.3, 570.0, 81.2, 0.9),  # read sure
                 _ln("0 11| 1 <1 1 1 1", 25.6, 76.3, 570.0, 88.2, 0.51)):  # a line's height
        lines = _page(edge)
        assert drop_edge_marks(lines) == 0 and edge in lines


def test_an_arabic_pages_thin_line_is_left_to_its_own_passes() -> None:
    edge = _ln("| 70 7 3 أأن : ©", 92.7, 46.7, 518.4, 53.0, 0.44)  # a decree's line under its header (ara+fra)
    body = [_ln("المرسوم رقم يتعلق بتحديد شروط وكيفيات تطبيق القانون", 92.0, 60.0 + 14 * k, 518.0, 72.0 + 14 * k)
            for k in range(6)]
    lines = [edge, *body]
    assert drop_edge_marks(lines) == 0 and edge in lines
