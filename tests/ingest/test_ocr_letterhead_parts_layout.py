"""A letterhead printed where each part of a scanned file begins is text, not a running header
(transform/ingest/pdf_furniture.py, issue 17).

Decision ma-sante (four scanned pages): the decision opens on the ministry's letterhead on p. 1, and the annexed
list of posts opens on the same letterhead on p. 4; the two application forms between them carry none. Two pages
of four is the running lines' share, so the letterhead's lines were dropped from both pages as a running header.
Pages 1 and 4 follow no running line's pattern (no two pages in a row, not one parity): the letterhead stays on
both. The lines below are those pages' OCR'd lines as read (boxes in points)."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_furniture import split_running_lines

LETTERHEAD_P1 = [  # (x0, top, x1, bottom, text)
    (427.7, 37.7, 516.1, 54.7, "المملكة المغربية"),
    (389.1, 72.3, 555.6, 87.3, "وزارة الصحة والحماية الإجتماعية"),
    (29.4, 38.6, 182.6, 49.5, "ROYAUME DU MAROC"),
    (38.9, 61.1, 173.4, 72.3, "Ministère de la Santé"),
    (24.2, 84.1, 188.1, 94.8, "et de la Protection Sociale"),
]
LETTERHEAD_P4 = [
    (427.1, 36.3, 515.5, 51.8, "المملكة المغربية"),
    (388.8, 71.1, 555.3, 86.1, "وزارة الصحة والحماية الإجتماعية"),
    (29.1, 39.5, 182.0, 49.8, "ROYAUME DU MAROC"),
    (38.9, 61.6, 173.1, 72.3, "Ministère de la Santé"),
]
BODY = {  # each page's first lines under the letterhead (or at the top of a form)
    1: [(378.1, 139.4, 544.9, 158.4, "قرار لوزير الصحة والحماية الاجتماعية"), (370.9, 189.5, 546.0, 220.3, "إن وزير الصحة والحماية")],
    2: [(68.0, 51.6, 538.0, 76.9, "ملحق: فوج طلب ارشع لشغل منصب رئيس قسم بالداة مكئية لوزاة الصحة والماة الاجتماعية."), (468.6, 114.3, 526.8, 131.9, "المنصب المعني")],
    3: [(61.1, 60.8, 543.7, 85.0, "ملحق: نموذج طلب الترشم لشغل منصب رئيس مصلحة بالإدارة المركزية لوزارة الصحة QU الاجتاعية."), (483.6, 253.7, 526.5, 272.7, "رقم التأجير")],
    4: [(74.3, 123.0, 530.2, 144.3, "لائحة مناصب رؤساء الأقسام ورؤساء المصالح الشاغرة"), (455.9, 158.1, 495.4, 173.7, "المديرية")],
}


def _pages(heads: dict[int, list[tuple[float, float, float, float, str]]]) -> list[list[TextLine]]:
    return [[TextLine(text=t, x0=x0, top=top, x1=x1, bottom=bottom, size=12.0, page=p, confidence=0.9)
             for x0, top, x1, bottom, t in heads.get(p, []) + BODY[p]] for p in range(1, 5)]


def test_a_letterhead_on_the_first_page_of_each_part_stays_in_the_body() -> None:
    pages, furniture = split_running_lines(_pages({1: LETTERHEAD_P1, 4: LETTERHEAD_P4}), [842.0] * 4)
    for page, head in ((0, LETTERHEAD_P1), (3, LETTERHEAD_P4)):
        texts = [ln.text for ln in pages[page]]
        assert texts[:len(head)] == [t for *_, t in head]
    assert not {f.text for f in furniture} & {t for *_, t in LETTERHEAD_P1 + LETTERHEAD_P4}
    # the same lines on pages 1 and 3 (odd pages) or 3 and 4 (two in a row) follow a running line's pattern: dropped
    for where in ({1: LETTERHEAD_P1, 3: LETTERHEAD_P4}, {3: LETTERHEAD_P1, 4: LETTERHEAD_P4}):
        pages, furniture = split_running_lines(_pages(where), [842.0] * 4)
        assert {f.text for f in furniture if f.kind == "header"} >= {"المملكة المغربية", "ROYAUME DU MAROC"}
        assert all(ln.text not in ("المملكة المغربية", "ROYAUME DU MAROC") for lines in pages for ln in lines)
