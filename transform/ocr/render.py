"""Page images for OCR: render a PDF page, measure it, clean it up.

pypdfium2 is not thread-safe, so rendering happens in the calling thread; the numpy
preprocessing and tesseract run in worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

OCR_DPI = 250  # render resolution for OCR: measured best on Arabic+French (300 dpi drops lines of Arabic)
MIN_SCAN_DPI = 100  # a page whose only content is an image below this resolution is not read
BLANK_INK = 0.0005  # share of dark pixels under which a page is blank


@dataclass
class PageImage:
    """A grayscale page image and how to map its pixels back to PDF points."""

    image: Image.Image  # mode "L"
    dpi: float
    page: int  # 1-based
    width_pt: float
    height_pt: float
    skew_deg: float = 0.0

    def to_points(self, px: float) -> float:
        return px * 72.0 / self.dpi


def scan_dpi(page: pdfium.PdfPage) -> float | None:
    """Effective resolution of the largest image drawn on the page, or None when it has no image."""
    best: tuple[float, float] | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        w_pt, h_pt = abs(right - left), abs(top - bottom)
        if w_pt < 1 or h_pt < 1:
            continue
        try:
            w_px, h_px = obj.get_px_size()
        except Exception:  # noqa: BLE001 - a broken image object is simply ignored
            continue
        area = w_pt * h_pt
        dpi = min(w_px / (w_pt / 72.0), h_px / (h_pt / 72.0))
        if best is None or area > best[0]:
            best = (area, dpi)
    return best[1] if best else None


def image_cover(page: pdfium.PdfPage) -> float:
    """Share of the page area covered by its largest image (0 when none)."""
    pw, ph = page.get_size()
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        best = max(best, abs(right - left) * abs(top - bottom) / max(pw * ph, 1.0))
    return min(best, 1.0)


def render_page(pdf: pdfium.PdfDocument, index: int, dpi: float = OCR_DPI) -> PageImage:
    """Render page ``index`` (0-based) to a grayscale image at ``dpi``."""
    page = pdf[index]
    w, h = page.get_size()
    bitmap = page.render(scale=dpi / 72.0, grayscale=True, may_draw_forms=True)
    img = bitmap.to_pil().convert("L")
    return PageImage(img, dpi, index + 1, w, h)


def ink_share(img: Image.Image) -> float:
    """Share of clearly dark pixels (measured on a small copy)."""
    import numpy as np  # on use: `import transform` stays light

    small = img.copy()
    small.thumbnail((600, 600))
    a = np.asarray(small)
    return float((a < 128).mean()) if a.size else 0.0


def otsu_threshold(img: Image.Image) -> int:
    """Otsu's global threshold from the image histogram."""
    import numpy as np  # on use: `import transform` stays light

    hist = np.asarray(img.histogram()[:256], dtype=np.float64)
    levels = np.arange(256)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    total, mt = w0[-1], m0[-1]
    w1 = total - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = np.nan_to_num((mt * w0 / total - m0) ** 2 / (w0 * w1))
    return int(np.argmax(between))


def binarise(img: Image.Image, threshold: int | None = None) -> Image.Image:
    t = otsu_threshold(img) if threshold is None else threshold
    return img.point([0 if v <= t else 255 for v in range(256)])


def estimate_skew(img: Image.Image, max_deg: float = 4.0) -> float:
    """The rotation (degrees, counter-clockwise as in PIL) that straightens the text lines,
    found by maximising the sharpness of the horizontal ink profile."""
    import numpy as np  # on use: `import transform` stays light

    small = img.copy()
    small.thumbnail((500, 500))
    ink = binarise(small).point(lambda v: 255 - v)

    def sharpness(angle: float) -> float:
        rot = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float64)
        return float(np.var(np.diff(rot.sum(axis=1))))

    best, best_s = 0.0, sharpness(0.0)
    for step in (1.0, 0.5, 0.25):
        centre = best
        for ang in (centre - 2 * step, centre - step, centre + step, centre + 2 * step) if step < 1 else np.arange(-max_deg, max_deg + 0.1, 1.0):
            s = sharpness(float(ang))
            if s > best_s * 1.0001:
                best, best_s = float(ang), s
    return best


def preprocess(pimg: PageImage, *, scanned: bool) -> PageImage:
    """Binarise (Otsu) every page and deskew scanned ones.

    Binarising costs a few milliseconds and stops tesseract from dropping whole lines of
    anti-aliased Arabic (seen at 300 dpi on clean renders). Returns a new PageImage whose
    pixels still map to the page by ``to_points`` (a deskewed image keeps its size and
    centre, so geometry is off by at most the rotation).
    """
    img = pimg.image
    skew = estimate_skew(img) if scanned else 0.0
    if abs(skew) >= 0.3:
        img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return PageImage(binarise(img), pimg.dpi, pimg.page, pimg.width_pt, pimg.height_pt, skew)
