"""A scan under an invisible text layer made by an earlier OCR (Acrobat Paper Capture, a copier's
"searchable PDF"): its words look like words, so the word lists alone keep it, yet it drops
accents and reads letters wrong. The page image is read again when an OCR sample shows the
layer wrong; a layer the sample agrees with is kept (no OCR of pages that read right)."""

from __future__ import annotations

import re
from pathlib import Path

import ocr_testkit as pdfkit
import pikepdf
import pypdfium2 as pdfium
import pytest
from ocr_testkit import make_ctx

from transform.ingest.pdf import PdfIngester
from transform.model.walk import block_text

pytestmark = pytest.mark.slow  # a LibreOffice PDF, a photo scan and one OCR'd page

FOLD = {"é": "e", "è": "e", "ê": "e", "à": "a", "â": "a", "ô": "o", "ç": "c", "É": "E"}  # an accentless engine


@pytest.fixture(scope="module")
def page(work: Path) -> Path:
    body = "".join(f'<p lang="fr" style="font-size:13pt">{para}</p>' for para in pdfkit.FR_TEXT.splitlines())
    made = pdfkit.html_pdf(work / "earlier-fr-made.pdf", body)
    with pdfium.PdfDocument(str(made)) as pdf:  # LibreOffice may put an empty page first
        empty = [i for i in range(len(pdf)) if not pdf[i].get_textpage().get_text_range().strip()]
    with pikepdf.open(made) as pdf:
        for i in reversed(empty):
            del pdf.pages[i]
        pdf.save(work / "earlier-fr.pdf")
    return work / "earlier-fr.pdf"


def _read(path: Path, tmp: Path) -> tuple[str, str, str]:
    doc = PdfIngester().ingest(path, make_ctx(tmp))
    rep = doc.meta.pages[0]
    return rep.method, rep.reason, "\n".join(block_text(b) for b in doc.sections[0].blocks)


def test_an_accentless_earlier_ocr_layer_is_read_again(page: Path, work: Path, tmp_path: Path) -> None:
    layer = pdfkit.remap_tounicode(page, work / "earlier-fr-layer.pdf", lambda ch: FOLD.get(ch, ch))
    scan = pdfkit.photo_scan(page, work / "earlier-fr-scan.pdf", 0, dpi=200, banner=None, layer=layer)
    method, reason, text = _read(scan, tmp_path)
    assert method == "ocr", reason
    assert "earlier OCR" in reason and "puts right" in reason
    for word in ("délibération", "présenté", "décision", "président"):  # what the page shows, accents and all
        assert word in text, (word, text[:400])
    assert "deliberation" not in text and "presente " not in text


def test_an_earlier_ocr_layer_that_reads_right_is_kept(page: Path, work: Path, tmp_path: Path) -> None:
    scan = pdfkit.photo_scan(page, work / "earlier-fr-sound.pdf", 0, dpi=200, banner=None, layer=page)
    method, reason, text = _read(scan, tmp_path)
    assert method == "text", reason
    assert "earlier OCR" in reason and "agrees" in reason
    words = " ".join(re.sub(r"[^\w\s']", " ", text).split())  # pdfium places this PDF's commas at line ends
    assert "Après délibération le conseil a approuvé à la majorité" in words
