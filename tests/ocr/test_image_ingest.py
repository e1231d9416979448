"""PNG/JPEG/TIFF scans through the image ingester and the public convert() API."""

from __future__ import annotations

from pathlib import Path

import ocr_testkit as pdfkit
import pypdfium2 as pdfium
import pytest
from ocr_testkit import make_ctx, page_texts
from PIL import Image
from rapidfuzz import fuzz

from transform.errors import InputError
from transform.ingest import INGESTERS, detect_format
from transform.model import Heading, Paragraph
from transform.ocr.image import ImageIngester
from transform.ocr.quality import comparable


def render(src: Path, page: int, dpi: int) -> Image.Image:
    pdf = pdfium.PdfDocument(str(src))
    try:
        return pdf[page].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def test_image_formats_are_registered() -> None:
    for fmt in ("png", "jpeg", "tiff"):
        assert fmt in INGESTERS.names()


def test_png_scan_becomes_headings_and_paragraphs(ar_source: Path, tmp_path: Path) -> None:
    png = tmp_path / "scan.png"
    render(ar_source, 0, 300).save(png, dpi=(300, 300))
    assert detect_format(png) == "png"
    doc = ImageIngester().ingest(png, make_ctx(tmp_path))
    blocks = doc.sections[0].blocks
    assert isinstance(blocks[0], Heading)
    assert any(isinstance(b, Paragraph) for b in blocks)
    assert doc.meta.lang == "ar" and doc.meta.direction == "rtl" and doc.meta.pages[0].method == "ocr"
    text = "\n".join(s.text for b in blocks for s in getattr(b, "sentences", None) or [])
    text += "\n".join(s.text for b in blocks for it in getattr(b, "items", None) or [] for s in it.sentences)
    truth = page_texts(ar_source)[0]
    assert fuzz.token_sort_ratio(comparable(text), comparable(truth)) / 100 >= 0.90


def test_tiff_pages_and_a_blank_one(fr_source: Path, tmp_path: Path) -> None:
    tif = tmp_path / "scan.tiff"
    page = render(fr_source, 0, 200).convert("L")
    blank = Image.new("L", page.size, 255)
    page.save(tif, dpi=(200, 200), save_all=True, append_images=[blank])
    assert detect_format(tif) == "tiff"
    ctx = make_ctx(tmp_path)
    doc = ImageIngester().ingest(tif, ctx)
    assert [p.method for p in doc.meta.pages] == ["ocr", "unreadable"]
    assert "blank" in doc.meta.pages[1].reason
    assert any("page 2" in e.message for e in ctx.errors)
    assert doc.meta.lang == "fr"


def test_low_resolution_images_are_read_or_refused_with_a_clear_message(ar_source: Path, tmp_path: Path) -> None:
    truth = page_texts(ar_source)[0]
    # a 72 dpi JPEG without resolution info (taken as A4): enlarged and read
    jpg = tmp_path / "small.jpg"
    render(ar_source, 0, 72).save(jpg, quality=80)
    doc = ImageIngester().ingest(jpg, make_ctx(tmp_path))
    assert fuzz.token_sort_ratio(comparable(_text(doc)), comparable(truth)) / 100 >= 0.90
    # far too small to hold text: refused before OCR, and the message says why and what to do
    tiny = tmp_path / "tiny.jpg"
    render(ar_source, 0, 20).save(tiny, quality=80)
    with pytest.raises(InputError, match=r"about 2\d dpi.*too low.*rescan"):
        ImageIngester().ingest(tiny, make_ctx(tmp_path))
    # small enough that OCR reads nonsense: refused after OCR, with the resolution in the message
    blurred = tmp_path / "blurred.jpg"
    render(ar_source, 0, 36).save(blurred, quality=60)
    with pytest.raises(InputError, match=r"reliably.*about 3\d dpi: rescan it at 300 dpi"):
        ImageIngester().ingest(blurred, make_ctx(tmp_path))


def test_phone_photo_with_a_meaningless_72_dpi_is_read_as_a4(ar_source: Path, tmp_path: Path) -> None:
    """Cameras write 72 dpi whatever the picture: a 2480-pixel-wide page at "72 dpi" would be
    34 inches wide. The stated resolution is ignored and the page read as A4 (300 dpi)."""
    photo = tmp_path / "photo.jpg"
    render(ar_source, 0, 300).save(photo, quality=85, dpi=(72, 72))
    doc = ImageIngester().ingest(photo, make_ctx(tmp_path))
    assert doc.meta.pages[0].method == "ocr"
    truth = page_texts(ar_source)[0]
    assert fuzz.token_sort_ratio(comparable(_text(doc)), comparable(truth)) / 100 >= 0.95


def _text(doc) -> str:  # type: ignore[no-untyped-def]
    blocks = doc.sections[0].blocks
    text = "\n".join(s.text for b in blocks for s in getattr(b, "sentences", None) or [])
    return text + "\n".join(s.text for b in blocks for it in getattr(b, "items", None) or [] for s in it.sentences)


def test_broken_image_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(InputError, match="cannot be read"):
        ImageIngester().ingest(bad, make_ctx(tmp_path))


@pytest.mark.slow
def test_unknown_script_is_unreadable(work: Path, tmp_path: Path) -> None:
    thai = ("ประกาศสภาเทศบาลเรื่องงบประมาณประจำปี\n"
            "สภาเทศบาลได้ประชุมสมัยสามัญและพิจารณาร่างงบประมาณที่นายกเทศมนตรีเสนอพร้อมกับข้อสังเกตของคณะกรรมาธิการ\n"
            "หลังจากการอภิปรายสภาได้อนุมัติงบประมาณสำหรับการบำรุงรักษาถนนไฟฟ้าสาธารณะและการเก็บขยะ")
    src = pdfkit.make_pdf(work / "thai.pdf", [(thai, "th")])
    pdf = pdfium.PdfDocument(str(src))
    index = next(i for i in range(len(pdf)) if pdf[i].get_textpage().count_chars() > 20)
    pdf.close()
    png = tmp_path / "thai.png"
    render(src, index, 300).save(png, dpi=(300, 300))
    with pytest.raises(InputError, match="Arabic or French"):
        ImageIngester().ingest(png, make_ctx(tmp_path))
