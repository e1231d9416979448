"""The scan that carries a page's text sets how the page is rendered for OCR.

Reproduces the Ministry of Justice PDFs of the corpus: every page carries a letterhead
template drawn at 262 dpi over most of the page (a watermark), and the annex pages a coarse
scan on top of it (a 1977 table at 52 x 44 dpi, a bilingual form at 93 x 77 dpi: pixels
that are not square). The template is the larger image; the scan must still be found, and
rendered at its finer axis before it is enlarged for tesseract.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from ocr_testkit import make_ctx
from PIL import Image, ImageDraw, ImageFont

from transform.ocr import read_pages
from transform.ocr.render import render_scan, scan_dpi, scan_resolution

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = [
    "Certificat medical relatif aux accidents du travail",
    "Informations concernant le medecin traitant",
    "Informations concernant la victime",
    "Informations concernant l'accident du travail",
    "Informations concernant l'employeur",
    "Etat de sante de la victime et duree de l'arret",
]
A4 = (595.0, 842.0)


def _jpeg(doc: pikepdf.Pdf, img: Image.Image) -> pikepdf.Stream:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    st = pikepdf.Stream(doc, buf.getvalue())
    st.Type, st.Subtype, st.Width, st.Height = pikepdf.Name.XObject, pikepdf.Name.Image, img.width, img.height
    st.ColorSpace, st.BitsPerComponent, st.Filter = pikepdf.Name.DeviceGray, 8, pikepdf.Name.DCTDecode
    return st


def letterhead_with_scan(out: Path, dpi_x: float, dpi_y: float) -> Path:
    """A page: a 262 dpi pale template over 70 % of it, and over that a scan of text (11 pt
    lines written at 300 dpi, resampled to ``dpi_x`` x ``dpi_y``) over 40 % of the page."""
    w_pt, h_pt = 500.0, 0.4 * A4[0] * A4[1] / 500.0
    hi = Image.new("L", (round(w_pt / 72 * 300), round(h_pt / 72 * 300)), 255)
    draw = ImageDraw.Draw(hi)
    font = ImageFont.truetype(str(FONT), round(11 / 72 * 300))
    for k, text in enumerate(LINES):
        draw.text((40, 40 + k * 80), text, font=font, fill=0)
    scan = hi.resize((round(w_pt / 72 * dpi_x), round(h_pt / 72 * dpi_y)), Image.Resampling.BILINEAR)
    t_w, t_h = 560.0, 0.7 * A4[0] * A4[1] / 560.0
    template = Image.new("L", (round(t_w / 72 * 262), round(t_h / 72 * 262)), 250)
    tdraw = ImageDraw.Draw(template)
    for x in range(0, template.width, 90):  # a faint pattern, as the watermark
        tdraw.line([(x, 0), (x + 300, template.height)], fill=238, width=3)
    with pikepdf.new() as doc:
        doc.add_blank_page(page_size=A4)
        page = doc.pages[0]
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(T=_jpeg(doc, template), S=_jpeg(doc, scan)))
        ops = [f"q {t_w:.2f} 0 0 {t_h:.2f} 17 {A4[1] - t_h - 60:.2f} cm /T Do Q",
               f"q {w_pt:.2f} 0 0 {h_pt:.2f} 47 {A4[1] - h_pt - 120:.2f} cm /S Do Q"]
        page.Contents = doc.make_stream("\n".join(ops).encode("latin-1"))
        doc.save(out)
    return out


def test_the_coarse_scan_is_found_under_a_larger_finer_template(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(str(letterhead_with_scan(tmp_path / "p.pdf", 93, 77)))
    low, high = scan_resolution(pdf[0]) or (0.0, 0.0)
    assert abs(low - 77) < 1 and abs(high - 93) < 1  # the scan, not the 262 dpi template (the larger image)
    assert abs((scan_dpi(pdf[0]) or 0) - 77) < 1
    img = render_scan(pdf, 0, high)
    assert img.source_dpi is not None and abs(img.source_dpi - 93) < 1  # rendered at the finer axis, then enlarged
    pdf.close()


@pytest.mark.parametrize("dpi", [(93, 77), (52, 44)])
def test_a_coarse_scan_under_a_template_is_read(tmp_path: Path, dpi: tuple[int, int]) -> None:
    src = letterhead_with_scan(tmp_path / "scan.pdf", *dpi)
    lines, reports = read_pages(src, [[]], make_ctx(tmp_path))
    assert reports[0].method == "ocr", reports[0]
    got = " ".join(ln.text for ln in lines[0])
    words = [w for line in LINES for w in line.split()]
    found = sum(1 for w in words if w in got.split())
    assert found >= 0.8 * len(words), got
