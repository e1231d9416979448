"""An Arabic letterhead stack set solid on a scan is one paragraph (transform/ingest/pdf_paragraphs.py, issue 17).

Sfax's notice p. 1 (tn-sfax-ar-balagh-2022, a scan at about 110 ppi, OCR'd) prints at its top right four centred
lines with no leading between them: ``الجمهورية التونسية`` / ``وزارة الداخلية`` / ``بلدية صفاقس`` / ``الإدارة العامة
للموارد البشرية و الشؤون الإدارية``; the truth page has them as one paragraph. Moroccan letterheads stack their lines
at a wider pitch, one paragraph each (ma-narsa, ma-mtedd, decree 2.19.720's model letters): those stay apart. The lines
below are that page's OCR'd lines as read (boxes in points, sizes as estimated)."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_blocks import group_lines
from transform.ingest.pdf_paragraphs import rejoin_paragraphs

PAGE = [  # (x0, top, x1, bottom, size, bold, text)
    (640.0, 50.0, 700.0, 58.0, 10.0, False, "الجمهورية التونسية"),
    (648.0, 60.0, 696.0, 69.0, 10.0, False, "وزارة الداخلية"),
    (650.0, 71.0, 696.0, 78.0, 10.0, False, "بلدية صفاقس"),
    (585.0, 81.0, 734.0, 91.0, 10.0, False, "الإدارة العامة للموارد البشرية و الشؤون الإدارية"),
    (373.0, 111.0, 528.0, 134.0, 29.5, True, "بلاغ"),
    (368.0, 158.0, 745.0, 172.0, 12.0, False, "تعتزم بلدية صفاقس إجراء امتحان مهني لانتداب عملة لفائدة البلدية وذلك على النحو التالي :"),
]


def _paragraphs(rows: list[tuple[float, float, float, float, float, bool, str]]) -> list[str]:
    lines = [TextLine(text=t, x0=x0, top=top, x1=x1, bottom=bottom, size=size, page=1, bold=bold, confidence=0.8)
             for x0, top, x1, bottom, size, bold, t in rows]
    groups = rejoin_paragraphs(group_lines([lines], [[]], [842.0], [595.0]))
    return [" ".join(ln.text for ln in g.lines) for g in groups]


def test_a_solid_arabic_letterhead_stack_is_one_paragraph() -> None:
    texts = _paragraphs(PAGE)
    assert texts[0] == ("الجمهورية التونسية وزارة الداخلية بلدية صفاقس "
                        "الإدارة العامة للموارد البشرية و الشؤون الإدارية")
    assert "بلاغ" in texts and texts[-1].startswith("تعتزم")  # the title and the body stay apart


def test_a_letterhead_stack_at_a_wider_pitch_stays_line_by_line() -> None:
    # the same lines set 7 points apart (a line's height and more between them, as Moroccan letterheads are)
    wide = [(x0, top + 7 * n, x1, bottom + 7 * n, size, bold, t) for n, (x0, top, x1, bottom, size, bold, t) in enumerate(PAGE[:4])]
    texts = _paragraphs(wide + PAGE[4:])
    assert texts[:4] == [row[6] for row in PAGE[:4]]
