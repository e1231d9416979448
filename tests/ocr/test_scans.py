"""Scans as people make them come out through OCR; what cannot be read says why, in a typed error.

Inputs are reproduced the way they are made: a page photographed by a phone-scanner app (grey
paper, JPEG, the app's banner as text and its logo as an image), 96 ppi page images, an OCR
layer whose font decodes to CJK or to Latin junk laid invisibly over the photo, a figure page
with a caption, pages far too large to render. Each failed on main in under a second with
"no readable text was found in the PDF, not even with OCR", published garbage, or a traceback.
"""

from __future__ import annotations

from pathlib import Path

import ocr_testkit as pdfkit
import pikepdf
import pytest
from ocr_testkit import AR_SAMPLE, make_ctx, page_texts
from PIL import Image
from rapidfuzz import fuzz

import transform.ocr.pages as pages_mod
from transform.errors import InputError
from transform.ingest import INGESTERS
from transform.ocr import read_pages
from transform.ocr.quality import comparable


def similarity(got: str, truth: str) -> float:
    return fuzz.token_sort_ratio(comparable(got), comparable(truth)) / 100.0


def joined(lines) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(ln.text for ln in lines)


@pytest.fixture(scope="module")
def truth(ar_source: Path) -> list[str]:
    return page_texts(ar_source)


@pytest.fixture
def langs_used(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tesseract languages of every full-page OCR (the real call still runs)."""
    seen: list[str] = []
    real = pages_mod.ocr_image

    def spy(pimg, langs, **kw):  # type: ignore[no-untyped-def]
        if kw.get("psm", 3) == 3:
            seen.append(langs)
        return real(pimg, langs, **kw)

    monkeypatch.setattr(pages_mod, "ocr_image", spy)
    return seen


def test_two_page_arabic_law_at_96_ppi_is_read(ar_source: Path, work: Path, truth: list[str], tmp_path: Path) -> None:
    scan = pdfkit.scan_pdf(ar_source, work / "law96.pdf", 96, pages=[0, 1])
    lines, reports = read_pages(scan, pdfkit.text_lines(scan), make_ctx(tmp_path))
    assert [r.method for r in reports] == ["ocr", "ocr"], reports
    for n in (0, 1):
        assert similarity(joined(lines[n]), truth[n]) >= 0.93, n


def test_phone_scanner_page_with_banner_is_ocrd_and_the_banner_dropped(ar_source: Path, work: Path, truth: list[str],
                                                                      langs_used: list[str], tmp_path: Path) -> None:
    phone = pdfkit.photo_scan(ar_source, work / "phone.pdf", dpi=150)
    text_pages = pdfkit.text_lines(phone)
    assert joined(text_pages[0]) == "Scanned with CamScanner"  # the only text layer: the app's banner
    lines, reports = read_pages(phone, text_pages, make_ctx(tmp_path))
    assert reports[0].method == "ocr" and "covers only" in reports[0].reason
    assert langs_used == ["ara+fra"]  # a French banner says nothing about the page's script
    got = joined(lines[0])
    assert similarity(got, truth[0]) >= 0.93
    assert "CamScanner" not in got


def test_ocr_layer_decoding_to_cjk_or_latin_junk_is_replaced(ar_source: Path, work: Path, truth: list[str],
                                                            langs_used: list[str], tmp_path: Path) -> None:
    cjk = pdfkit.remap_tounicode(ar_source, work / "cjk_layer.pdf", lambda c: c if c.isspace() else chr(0x4E00 + ord(c) % 3000))
    junk = pdfkit.remap_tounicode(ar_source, work / "junk_layer.pdf", lambda c: chr(0x61 + ord(c) % 26) if "\u0600" <= c <= "\u06ff" else c)
    for layer, why in ((cjk, "another script (CJK)"), (junk, "word lists")):
        scan = pdfkit.photo_scan(ar_source, work / f"over-{layer.name}", dpi=200, banner=None, layer=layer)
        lines, reports = read_pages(scan, pdfkit.text_lines(scan), make_ctx(tmp_path))
        assert reports[0].method == "ocr" and why in reports[0].reason, reports[0]
        assert similarity(joined(lines[0]), truth[0]) >= 0.93
    # the junk layer is Latin letters: its "French" must not choose French-first OCR of an Arabic page
    assert langs_used == ["ara+fra", "ara+fra"]


def test_figure_page_keeps_its_caption(work: Path, tmp_path: Path) -> None:
    """A photo with a short caption looks like a scan with a banner; OCR finds nothing better, so
    the caption (the text layer) is kept."""
    out = work / "figure.pdf"
    photo = Image.radial_gradient("L").resize((900, 700))
    photo_pdf = work / "photo.pdf"
    photo.save(photo_pdf, "PDF", resolution=150)
    with pikepdf.open(photo_pdf) as pdf:
        page = pdf.pages[0]
        w, h = (float(v) for v in page.MediaBox[2:])
        page.MediaBox = [0, 0, w, h + 40]
        page.Resources.Font = pikepdf.Dictionary(F=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                                      BaseFont=pikepdf.Name.Helvetica))
        page.contents_add(pdf.make_stream(b"BT /F 11 Tf 20 12 Td (Figure 3 : le march\xe9 couvert r\xe9nov\xe9 en 2025) Tj ET"))
        pdf.save(out)
    text_pages = pdfkit.text_lines(out)
    lines, reports = read_pages(out, text_pages, make_ctx(tmp_path))
    assert reports[0].method == "text", reports[0]
    assert "march" in joined(lines[0]) and "2025" in joined(lines[0])


def test_page_too_large_to_render_is_a_typed_error(work: Path, tmp_path: Path) -> None:
    """A scan placed on a 350 m page: even the blank check's render used to exhaust memory."""
    base = pdfkit.scan_pdf(AR_SAMPLE, work / "for-huge.pdf", 30, pages=[0])
    huge = work / "huge.pdf"
    with pikepdf.open(base) as pdf:
        page = pdf.pages[0]
        page.MediaBox = [0, 0, 1_000_000, 1_000_000]
        page.Contents = pdf.make_stream(b"q 1000000 0 0 1000000 0 0 cm /" + bytes(str(next(iter(page.Resources.XObject.keys())))[1:], "ascii") + b" Do Q")
        pdf.save(huge)
    with pytest.raises(InputError, match=r"too large to render"):
        read_pages(huge, pdfkit.text_lines(huge), make_ctx(tmp_path))
    with pytest.raises(InputError, match=r"too large to render|no readable text"):
        INGESTERS.create("pdf").ingest(huge, make_ctx(tmp_path))


def test_blank_and_unreadable_pages_are_still_reported(work: Path, tmp_path: Path) -> None:
    blank = work / "blank-scan.pdf"
    Image.new("L", (1240, 1754), 235).save(blank, "PDF", resolution=150)  # grey paper, nothing on it
    with pytest.raises(InputError, match=r"page 1: blank page"):
        read_pages(blank, pdfkit.text_lines(blank), make_ctx(tmp_path))


REALDOCS = Path(__file__).resolve().parents[1] / "realdocs"


@pytest.mark.slow
def test_small_print_is_read_again_at_a_higher_resolution(tmp_path: Path) -> None:
    """A real council report's page 3: a 6 pt two-column French motion pasted as images at
    148 dpi, alone (no sound page to say the document is French). At 250 dpi its lines are
    about 21 pixels high and tesseract lost a paragraph; read again at a higher resolution,
    and in French-first order once it shows French columns, it reads them all, in order."""
    from transform.evaluation.normalize import words
    from transform.evaluation.truth import load_truth_page

    src = REALDOCS / "files" / "couthenans-cr-2022-10.pdf"
    truth_file = REALDOCS / "truth" / "couthenans-cr-2022-10" / "p003.md"
    if not src.exists() or not truth_file.exists():
        pytest.skip("real-document corpus not present")
    one = tmp_path / "p3.pdf"
    with pikepdf.open(src) as pdf, pikepdf.new() as out:
        out.pages.append(pdf.pages[2])
        out.save(one)
    lines, reports = read_pages(one, pdfkit.text_lines(one), make_ctx(tmp_path))
    assert reports[0].method == "ocr" and "small print read again" in reports[0].reason, reports[0]
    truth = [w.key for b in load_truth_page(truth_file).blocks for w in words(b.text)]
    got = [w.key for w in words(joined(lines[0]))]
    from difflib import SequenceMatcher

    found = sum(m.size for m in SequenceMatcher(None, truth, got, autojunk=False).get_matching_blocks())
    assert found / len(truth) >= 0.95
