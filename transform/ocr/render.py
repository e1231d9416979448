"""Page images for OCR: render a PDF page, measure it, clean it up.

pypdfium2 is not thread-safe, so rendering happens in the calling thread; the numpy
preprocessing and tesseract run in worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops

if TYPE_CHECKING:
    import numpy as np

OCR_DPI = 250  # render resolution for OCR: measured best on Arabic+French (300 dpi drops lines of Arabic)
LOW_SCAN_DPI = 100  # a scan below this resolution is still OCR'd, but an unreadable result says "rescan"
BLANK_INK = 0.0005  # share of ink pixels under which a page is blank
CHECK_DPI = 72  # resolution of the small renders that look for ink (blank check, text-layer coverage)
MAX_RENDER_PIXELS = 36_000_000  # an OCR render at most (A4 at 250 dpi: 6 MP; A2: 24 MP)
CHECK_PIXELS = 2_000_000  # a check render at most
ENLARGE_BELOW = 85  # a scan under this resolution is rendered at its own resolution and enlarged (render_scan)
MIN_READ_DPI = 60  # a page so large that it cannot be rendered at this resolution is not read
SKEW_DEG = 4.0  # a scan's tilt is measured up to this first (further when the page says so: tilt.py; turned: orientation.py)
TEXT_IMAGE_SHARE = 0.25  # an image covering at least this share of the page may be the scan that carries the text


class RenderError(Exception):
    """A page that cannot be rendered (too large for memory, or pdfium failed): the page is unreadable."""


@dataclass
class PageImage:
    """A grayscale page image and how to map its pixels back to PDF points."""

    image: Image.Image  # mode "L"
    dpi: float
    page: int  # 1-based
    width_pt: float
    height_pt: float
    skew_deg: float = 0.0
    source_dpi: float | None = None  # set when the image was enlarged from a lower-resolution scan
    cleaned: float = 0.0  # share of the ink removed as a grey layer under the text (watermark.py)
    stamps: list | None = None  # blue stamps taken out of ``image`` and read apart (stamps.py)

    def to_points(self, px: float) -> float:
        return px * 72.0 / self.dpi


def _images(page: pdfium.PdfPage) -> list[tuple[float, float, float]]:
    """(area in pt², width px / width pt, height px / height pt) of each image drawn on the page,
    also inside form XObjects (phone-scanner apps wrap the photo in one)."""
    out = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=8):
        left, bottom, right, top = obj.get_bounds()
        w_pt, h_pt = abs(right - left), abs(top - bottom)
        if w_pt < 1 or h_pt < 1:
            continue
        try:
            w_px, h_px = obj.get_px_size()
        except Exception:  # noqa: BLE001 - a broken image object is simply ignored
            w_px = h_px = 0
        out.append((w_pt * h_pt, w_px / (w_pt / 72.0), h_px / (h_pt / 72.0)))
    return out


def scan_resolution(page: pdfium.PdfPage) -> tuple[float, float] | None:
    """(lower, higher) resolution of the two axes of the page's scan, or None when it has no image.

    The scan is the coarsest of the images that cover at least :data:`TEXT_IMAGE_SHARE` of
    the page: a page template drawn at a high resolution behind a coarse scan (a letterhead
    with a watermark, as the Ministry of Justice's PDFs have on every page) is larger, but
    it is the scan that carries the text and sets how the page must be enlarged. Without
    such an image, the largest one. A scan's pixels need not be square (93 x 77 dpi)."""
    imgs = [im for im in _images(page) if im[1] > 0 and im[2] > 0]
    if not imgs:
        return None
    area = page.get_width() * page.get_height()
    big = [im for im in imgs if im[0] >= TEXT_IMAGE_SHARE * area]
    _, dx, dy = min(big, key=lambda im: min(im[1], im[2])) if big else max(imgs)
    return min(dx, dy), max(dx, dy)


def scan_dpi(page: pdfium.PdfPage) -> float | None:
    """Effective resolution of the page's scan (its coarser axis, see :func:`scan_resolution`), or None."""
    res = scan_resolution(page)
    return res[0] if res else None


def image_cover(page: pdfium.PdfPage) -> float:
    """Share of the page area covered by images (0 when none; a scan cut into strips counts whole)."""
    pw, ph = page.get_size()
    return min(1.0, sum(im[0] for im in _images(page)) / max(pw * ph, 1.0))


def fit_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int) -> float:
    """``dpi``, lowered so that a page of this size renders to at most ``max_pixels`` pixels."""
    pixels = (width_pt * dpi / 72.0) * (height_pt * dpi / 72.0)
    if pixels <= max_pixels:
        return dpi
    return dpi * (max_pixels / pixels) ** 0.5


def render_page(pdf: pdfium.PdfDocument, index: int, dpi: float = OCR_DPI, max_pixels: int = MAX_RENDER_PIXELS) -> PageImage:
    """Render page ``index`` (0-based) to a grayscale image at ``dpi`` (lowered for a page too large
    to render in ``max_pixels``; the image's ``dpi`` says what was used). Raises RenderError."""
    page = pdf[index]
    w, h = page.get_size()
    dpi = fit_dpi(w, h, dpi, max_pixels)
    try:
        bitmap = page.render(scale=dpi / 72.0, grayscale=True, may_draw_forms=True)
        img = bitmap.to_pil().convert("L")
    except (MemoryError, pdfium.PdfiumError) as exc:
        raise RenderError(f"the page could not be rendered ({type(exc).__name__}: {exc})") from None
    return PageImage(img, dpi, index + 1, w, h)


def render_scan(pdf: pdfium.PdfDocument, index: int, image_dpi: float) -> PageImage:
    """A low-resolution scan rendered at its own resolution and enlarged to OCR_DPI with a
    Lanczos filter: pdfium's enlargement is blockier, and tesseract read a 72 dpi scan with
    0.76 character similarity from pdfium's 250 dpi render against 0.97 from this one.

    ``image_dpi`` is the scan's finer axis when its pixels are not square: rendered at the
    coarser one, a 93 x 77 dpi form lost a sixth of its columns of pixels (tesseract's mean
    confidence 54 %, a third of the words; 61 % and over half of them at 93 dpi). Only scans
    under ENLARGE_BELOW (their coarser axis) take this path: a 104 x 89 dpi letter read 0.82
    of its words from pdfium's 250 dpi render against 0.77 from this one."""
    native = render_page(pdf, index, max(image_dpi, MIN_READ_DPI / 2))
    k = OCR_DPI / native.dpi
    if k <= 1.05:
        return native
    size = (round(native.image.width * k), round(native.image.height * k))
    if size[0] * size[1] > MAX_RENDER_PIXELS:
        return native
    img = native.image.resize(size, Image.Resampling.LANCZOS)
    return PageImage(img, OCR_DPI, native.page, native.width_pt, native.height_pt, source_dpi=native.dpi)


_GREY_SPACES = (pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, pdfium_c.FPDF_COLORSPACE_CALGRAY)


def _in_colour(page: pdfium.PdfPage) -> bool:
    """Whether an image drawn on the page may hold colour (not stored grey); an image whose colour
    space cannot be told counts as colour."""
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=8):
        try:
            space = obj.get_metadata().colorspace
        except Exception:  # noqa: BLE001 - a broken image object: look at the page itself
            return True
        if space not in _GREY_SPACES:
            return True
    return False


def with_stamps(pdf: pdfium.PdfDocument, index: int, pimg: PageImage) -> PageImage:
    """A scanned page whose scan holds blue ink on its printed lines, with those groups of blue ink
    found (stamps.py: read in the worker, the figure stamps taken out by :func:`preprocess`). The page
    is rendered again in colour here (pdfium: main thread), first small: only a page whose small
    render shows such a group (not a page whose blue is a heading or a logo) is rendered at the OCR
    resolution. Pale stamps standing alone are listed too (faint_stamps.py: told, not read). The grey image
    is not changed."""
    import numpy as np

    from .faint_stamps import find as find_faint
    from .stamps import find

    page = pdf[index]
    if not _in_colour(page):
        return pimg
    try:
        small = np.asarray(page.render(scale=CHECK_DPI / 72.0, may_draw_forms=True).to_pil().convert("RGB"))
        faint = bool(find_faint(small, CHECK_DPI))  # the full render is searched for pale groups only when the small shows one
        if not faint and not find(small, CHECK_DPI):
            return pimg
        full = page.render(scale=pimg.dpi / 72.0, may_draw_forms=True).to_pil().convert("RGB")
    except (MemoryError, pdfium.PdfiumError):
        return pimg
    if full.size != pimg.image.size:
        full = full.resize(pimg.image.size, Image.Resampling.BILINEAR)
    stamps = find(np.asarray(full), pimg.dpi) + (find_faint(np.asarray(full), pimg.dpi) if faint else [])
    if not stamps:
        return pimg
    return PageImage(pimg.image, pimg.dpi, pimg.page, pimg.width_pt, pimg.height_pt,
                     pimg.skew_deg, pimg.source_dpi, pimg.cleaned, stamps)


def check_render(pdf: pdfium.PdfDocument, index: int) -> PageImage:
    """A small render for ink checks, bounded in pixels whatever the page size."""
    return render_page(pdf, index, CHECK_DPI, CHECK_PIXELS)


def too_large(width_pt: float, height_pt: float) -> str | None:
    """Why a page of this size cannot be read (it cannot be rendered at MIN_READ_DPI), or None."""
    if fit_dpi(width_pt, height_pt, OCR_DPI, MAX_RENDER_PIXELS) >= MIN_READ_DPI:
        return None
    return (f"the page is {width_pt / 72 * 2.54:.0f} x {height_pt / 72 * 2.54:.0f} cm, too large to render for OCR "
            f"(at most about {_max_side_cm():.0f} cm a side)")


def _max_side_cm() -> float:
    return (MAX_RENDER_PIXELS**0.5) / MIN_READ_DPI * 2.54


def ink_mask(img: Image.Image, step: int = 1) -> np.ndarray:
    """Pixels clearly darker than the paper: under the paper level (90th percentile) minus a
    contrast margin, so grey phone-camera paper and faint print count like a clean scan.
    ``step`` > 1 samples every step-th pixel (strokes keep their darkness, unlike a thumbnail)."""
    import numpy as np  # on use: `import transform` stays light

    a = np.asarray(img)
    if step > 1:
        a = a[::step, ::step]
    if not a.size:
        return np.zeros((0, 0), dtype=bool)
    paper = float(np.percentile(a, 90))
    return a < paper - max(40.0, 0.25 * paper)


def ink_share(img: Image.Image) -> float:
    """Share of ink pixels (sampled down to about 600 pixels a side)."""
    step = max(1, max(img.size) // 600)
    m = ink_mask(img, step)
    return float(m.mean()) if m.size else 0.0


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


def estimate_skew(img: Image.Image, max_deg: float = SKEW_DEG) -> float:
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


def binarise_page(pimg: PageImage) -> PageImage:
    """The same page image binarised (Otsu)."""
    return PageImage(binarise(pimg.image), pimg.dpi, pimg.page, pimg.width_pt, pimg.height_pt, pimg.skew_deg, pimg.source_dpi)


def preprocess(pimg: PageImage, *, scanned: bool) -> PageImage:
    """Deskew (tilt.py) and keep the grey levels of a scan; binarise (Otsu) a rendered vector page, after
    removing a grey layer under its text (a watermark, shading: watermark.py). The figure stamps of
    ``pimg.stamps`` (read by stamps.read_all) are painted as paper.

    A vector page renders anti-aliased: binarising it costs a few milliseconds and stopped
    tesseract from dropping whole lines of Arabic (seen at 300 dpi on clean renders). A scan
    or a photo is not binarised: on the real-document corpus Otsu's threshold lost strokes of
    grey, noisy scans (a scanned model letter read with 0.76 of its words instead of 0.83; a
    77 dpi form became unreadable). Returns a new PageImage whose pixels still map to the
    page by ``to_points`` (a deskewed image keeps its size and centre, so geometry is off by
    at most the rotation).
    """
    img = pimg.image
    if scanned:  # measured further when the narrow search says the page may be tilted more (tilt.py)
        from .tilt import measure

        skew = measure(img)
    else:
        skew = 0.0
    if pimg.stamps:  # figure stamps taken out after the skew is measured on the page as scanned (stamps.py)
        from .stamps import clean

        img = clean(img, pimg.stamps)
    if abs(skew) >= 0.3:
        img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if pimg.stamps and abs(skew) > SKEW_DEG:  # straightened further than the narrow search: the stamps' boxes follow
        from .tilt import follow

        follow(pimg.stamps, img.size, skew)
    cleaned = 0.0
    if not scanned:
        from .watermark import remove_grey_layer  # on use: numpy stays out of `import transform`

        # a watermark or shading under the type is removed; the threshold stays the one of the
        # page as rendered, so that only the removed pixels change
        level = otsu_threshold(img)
        kept, (img, layer) = img, remove_grey_layer(img, pimg.dpi, level)
        cleaned = layer.removed
        if cleaned:  # removed again from the page whose type over the layer has its edges of paper (grey_ground.py)
            from .grey_ground import flatten_edges

            flat, changed = flatten_edges(kept, level, ImageChops.difference(kept, img).getbbox())
            if changed:  # the share reported stays the one measured on the page as rendered
                img, _again = remove_grey_layer(flat, pimg.dpi, level)
        img = binarise(img, level)
    return PageImage(img, pimg.dpi, pimg.page, pimg.width_pt, pimg.height_pt, skew, pimg.source_dpi, cleaned)
