"""Running furniture on real pages (tests/realdocs/files): letterheads OCR cannot read, a portal's
print stamp.

The OCR'd pages' lines are taken as tesseract gave them to the ingester on the real page
(``data/ocr_lines_furniture.json``: text, box, size, bold, confidence per line, captured once from
``transform.ocr.read_pages`` on 2026-12-05) and go through the furniture code as in a real run
(``split_running_lines``, what pdf.py calls). What each test expects was checked on the page image.
"""

from __future__ import annotations

import json
from pathlib import Path

from transform.evaluation import score_document
from transform.evaluation.truth import load_truth_dir
from transform.ingest.base import TextLine
from transform.ingest.pdf_blocks import group_lines, groups_to_blocks
from transform.ingest.pdf_furniture import PRINT_STAMP, split_running_lines
from transform.model import Document, DocumentMeta, Section

HERE = Path(__file__).resolve().parent
TRUTH = HERE.parents[0] / "realdocs" / "truth"
LINES = json.loads((HERE / "data" / "ocr_lines_furniture.json").read_text(encoding="utf-8"))


def ocr_pages(doc: str, only: set[int] | None = None) -> tuple[list[list[TextLine]], list[float]]:
    """The OCR'd lines of the captured pages of ``doc``, page by page, and the page heights."""
    entry = LINES[doc]
    pages = []
    for page, rows in sorted(entry["pages"].items(), key=lambda kv: int(kv[0])):
        if only is None or int(page) in only:
            pages.append([TextLine(t, x0, top, x1, bottom, size, bold, int(page), confidence=conf)
                          for t, x0, top, x1, bottom, size, bold, conf in rows])
    return pages, [entry["height"]] * len(pages)


def body_texts(kept: list[list[TextLine]]) -> list[str]:
    return [ln.text for lines in kept for ln in lines]


def test_one_page_letterhead_ocr_cannot_read_is_furniture() -> None:
    """Decree 2.26.530, p. 2 (a scan, the only page with text besides the cover): the Ministry's
    calligraphed letterhead comes out of OCR as three pieces of garbage, none read above 0.62 while
    the page's lines are read at 0.93. It is printed on this page only among the pages with a body,
    so no repetition shows it: every piece of the row unread is enough. The decree's title just
    under it and the page's last line stay; the page number read ``_]-`` is furniture."""
    pages, heights = ocr_pages("adala-ar-decree-2-26-530")
    kept, furniture = split_running_lines(pages, heights)
    headers = [f.text for f in furniture if f.kind == "header" and f.page == 2]
    assert len(headers) == 3 and any("المغربية" in t for t in headers)
    assert [f.text for f in furniture if f.kind == "page_number"] == ["_]-"]
    body = body_texts(kept)
    assert not any("المغربية" in t or "أأي" in t or t == "1 11 - , 5" for t in body)
    page2 = [ln.text for ln in kept[1]]
    assert page2[0].startswith("مرسوم رقم 2.26.530")  # the decree's title opens the body
    assert len(page2) == len(pages[1]) - 4  # the three pieces of the letterhead and the page number
    assert any(t.startswith("1- الجريدة الرسمية عدد 7521") for t in body)


def test_one_unsure_piece_is_not_enough_on_one_page() -> None:
    """The same page with its letterhead row read well but for one piece (a title's word OCR was
    unsure of): the row is text, not furniture, when nothing repeats it."""
    pages, heights = ocr_pages("adala-ar-decree-2-26-530")
    row = [ln for ln in pages[1] if ln.top < 60]
    sound = [TextLine(ln.text, ln.x0, ln.top, ln.x1, ln.bottom, ln.size, ln.bold, ln.page, confidence=0.9) for ln in row[1:]]
    pages[1] = [row[0], *sound, *pages[1][len(row):]]
    _, furniture = split_running_lines(pages, heights)
    assert not [f for f in furniture if f.kind == "header"]


def test_letterhead_row_read_as_stray_digits_goes_with_its_running_row() -> None:
    """Joint order 1096.26 (a scan, 9 pages): the letterhead is unread garbage (under 0.7) at the same
    height on most pages; on p. 2 OCR read it as stray digits at 0.73 (``1 0 / 59 5``), sure enough
    for the one-page test but far under the page's usual 0.92: it is the same running row and goes.
    The order's title under it stays."""
    pages, heights = ocr_pages("adala-ar-joint-order-1096-26")
    kept, furniture = split_running_lines(pages, heights)
    assert "1 0 / 59 5" in [f.text for f in furniture if f.page == 2 and f.kind == "header"]
    assert {f.page for f in furniture if f.kind == "header"} >= {1, 2, 3, 4, 6, 8, 9}
    page2 = [ln.text for ln in kept[1]]
    assert page2[0].startswith("قرار مشترك لوزير الداخلية")
    # the rest of p. 2 is body: nothing but the letterhead and the page number went
    assert len(page2) == len(pages[1]) - 2


def test_portal_print_stamp_is_furniture() -> None:
    """A Saudi law printed from its portal by a browser (boe-sa, 10 pages, OCR'd): the portal's print
    stamp under its masthead (p. 1 only, a fifth of the way down, so no running line) is furniture.
    The law's title and the royal order's first line under it stay."""
    pages, heights = ocr_pages("boe-sa-ar-regions-law-1412")
    kept, furniture = split_running_lines(pages, heights)
    assert [(f.page, f.kind) for f in furniture if f.text.startswith("تاريخ الطباعة")] == [(1, "header")]
    body = body_texts(kept)
    assert not any("الطباعة" in t for t in body)
    assert "نظام المناطق" in body
    assert any(t.startswith("بعون الله تعالى") for t in body)


def test_print_stamp_is_only_a_stamp() -> None:
    """The stamp is its label and dates or times only: a sentence that opens with the same words is text."""
    assert PRINT_STAMP.match("تاريخ الطباعة : 1446/10/11 هـ الموافق: 09/04/2025 مـ")
    assert PRINT_STAMP.match("Imprimé le 08/04/2025 à 18:02")
    assert not PRINT_STAMP.match("تاريخ الطباعة يحدده المدير")
    assert not PRINT_STAMP.match("Imprimé le 08/04/2025 par la mairie de Couthenans")
    stamp = TextLine("تاريخ الطباعة : 1446/10/11 هـ الموافق: 09/04/2025 مـ", 150.0, 400.0, 450.0, 412.0, 9.0, page=1)
    _, furniture = split_running_lines([[stamp]], [842.0])
    assert not furniture  # in the middle of a page it is what the text says, not a stamp


def test_furniture_measure_fails_a_letterhead_left_in_the_body() -> None:
    """The scorer's furniture figure on decree 2.26.530 p. 2: the lines the ingester keeps score 0 of 4
    left in the body; the same page with the letterhead row and the page number put back counts them."""
    truth = load_truth_dir(TRUTH / "adala-ar-decree-2-26-530")

    def scored(with_furniture: bool) -> int:
        pages, heights = ocr_pages("adala-ar-decree-2-26-530")
        kept, _ = split_running_lines(pages, heights) if not with_furniture else (pages, heights)
        blocks = groups_to_blocks(group_lines(kept, [[] for _ in kept], [595.2] * len(kept)))
        doc = Document(meta=DocumentMeta(source_name="x.pdf", source_format="pdf", page_count=2), sections=[Section(blocks=blocks)])
        return score_document(doc, truth, "adala-ar-decree-2-26-530").totals.furniture_leaked

    assert scored(False) == 0
    assert scored(True) >= 2
