"""A scanned form's box label is no heading (transform/ingest/pdf_heading_drops.py ``drop_box_labels``).

The application forms annexed to the Santé decision (``ma-sante-ar-decision-2023`` p. 3) print, under their grid of
fields, a frame headed ``رأي الرئيس المباشر حول كفاءة المترشح(ة)`` over an empty space for the superior's opinion: OCR
reads the label a size larger, centred, so it was a heading (heading F1 0.727 on main). It labels a blank, not text:
a paragraph. A title over text right under it, an underlined one and a numbered one stay headings. The OCR'd lines
are frozen here (their boxes as tesseract gave them, in PDF points)."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_heading_drops import drop_box_labels

LABEL = "رأي الرئيس المباشر حول كفاءة المترشح(ة)"


def _line(text: str, top: float, x0: float = 216.0, x1: float = 391.0, **kw: object) -> TextLine:
    return TextLine(text, x0, top, x1, top + 20.0, size=23.0, page=3, confidence=0.83, **kw)  # type: ignore[arg-type]


def _page(label: TextLine, under: float) -> list[_Group]:
    """The form's grid (a table), the label, and the next block ``under`` points below the label's top."""
    return [_Group(kind="table"), _Group(kind="heading", lines=[label], size=23.0, rtl=True, centred=True, body=15.0),
            _Group(kind="paragraph", lines=[_line("تاريخ الطلب توقيع المترشح(ة)", 445.0 + under, 260.0, 520.0)],
                   size=23.0, rtl=True, body=15.0)]


def test_a_label_over_an_empty_box_is_a_paragraph() -> None:
    groups = _page(_line(LABEL, 445.0), under=253.0)
    drop_box_labels(groups)
    assert groups[1].kind == "paragraph"


def test_a_title_over_its_text_an_underlined_or_numbered_label_stay_headings() -> None:
    cases = [_page(_line(LABEL, 445.0), under=30.0),  # text right under it: it titles that text
             _page(_line(LABEL, 445.0, underline=True), under=253.0),
             _page(_line("2. " + LABEL, 445.0), under=253.0)]
    for groups in cases:
        drop_box_labels(groups)
        assert groups[1].kind == "heading", groups[1].text
