"""An annex label typed over a scanned annex stays in the body (issue 17: furniture both ways).

Decree 2.19.720's annexes (pp. 5-8 of ``adala-ar-decree-2-19-720``) are scanned model letters; over
each scan the text layer carries the annex's label (``الملحق رقم 1``...) and its title, the label
in the top 12 % of the page. OCR reads the label again from the image; the check that drops an
app's banner re-read by OCR (``transform.ocr.scans.drop_overlays``) took the label for one, so the
annex lost its heading. The label is the document's own structure: it stays, a banner still goes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.ingest.base import TextLine
from transform.ingest.pdf_furniture import split_page_numbers
from transform.model import Heading
from transform.ocr.scans import drop_overlays

from ._realpages import block_text, copy_pages, corpus_page, doc_blocks

DOC = "adala-ar-decree-2-19-720.pdf"


def _layer(page_no: int) -> tuple[list[TextLine], float]:
    """The page's text layer as the OCR hook gets it (page numbers taken out, as pdf.py does) and its height."""
    from transform.ingest.pdf_text import page_lines

    with corpus_page(DOC, page_no) as (page, textpage):
        height = page.get_size()[1]
        return split_page_numbers(page_lines(page, textpage, page_no), height)[0], height


@pytest.mark.parametrize("page_no, label", [(5, "الملحق رقم 1"), (6, "الملحق رقم 2")])
def test_annex_label_over_a_scan_is_no_banner(page_no: int, label: str) -> None:
    layer, height = _layer(page_no)
    assert [ln.text for ln in layer][:1] == [label] and layer[0].bottom < 0.12 * height  # in the margin a banner is looked for in
    # OCR reads the label and the title again from the page image (same place, same words), and a body line under them
    ocr = [TextLine(ln.text, ln.x0, ln.top + 0.5, ln.x1, ln.bottom + 0.5, ln.size, False, page_no, confidence=0.9) for ln in layer]
    body = TextLine("وزارة الشغل والإدماج المهني", 420.0, 150.0, 510.0, 162.0, 10.0, False, page_no, confidence=0.8)
    kept = [ln.text for ln in drop_overlays([*ocr, body], layer, height)]
    assert kept[0] == label and body.text in kept
    # an app's banner on the same page is still dropped
    banner = TextLine("Scanned with CamScanner", 230.0, 820.0, 360.0, 830.0, 8.0, False, page_no)
    read = TextLine("Scanned with CamScanner", 231.0, 819.0, 361.0, 831.0, 8.0, False, page_no, confidence=0.9)
    assert [ln.text for ln in drop_overlays([*ocr, read], [*layer, banner], height)][0] == label
    assert read.text not in [ln.text for ln in drop_overlays([*ocr, read], [*layer, banner], height)]


@pytest.mark.slow
def test_annex_page_read_with_its_label_heading(tmp_path: Path) -> None:
    """The whole reading of the annex's first page (OCR'd): its label is a heading over the letter, not lost."""
    doc = read_document(copy_pages(DOC, [4], tmp_path), ocr="auto")
    heads = [block_text(b) for b in doc_blocks(doc) if isinstance(b, Heading)]
    assert "الملحق رقم 1" in heads
    assert not any("الملحق" in f.text for f in doc.furniture)
