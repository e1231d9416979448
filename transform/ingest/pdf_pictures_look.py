"""The cheap look at a picture (pdf_pictures): its pixels at a small size, paid without a full decode where possible.

Drawing a picture's region at 24 dpi through pdfium decodes the whole image first (a 1,500 x 1,700 pixel photo
costs as much to look at as to read). A JPEG image object (``DCTDecode`` alone) is decoded here from its raw
stream at a reduced scale instead (libjpeg's scaled decoding through PIL's ``draft``: 1/2 to 1/8, only the
coefficients it needs), while the page is read (:func:`coloured_jpeg`, called by ``pdf_pictures.page_figures``).
Only a coloured answer is trusted: a soft mask can turn a stream's dark ground into paper but hides no colour it
would show, so a grey or dark stream, and any other image (Flate, JBIG2, a chain of filters, a CMYK JPEG), is
drawn by pdfium as before (``pdf_pictures.paper_like``). Nothing is kept across pictures or documents.
"""

from __future__ import annotations

import ctypes
import io
from typing import Any

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom (points, from the page's top)


def image_object(page: Any, r: Rect) -> Any:
    """The image object drawn at ``r`` on ``page`` (within 1.5 points on each side), or None: the first one met in
    the order of ``page.get_objects(filter=[image], max_depth=3)``, found over the raw handles (no helper object
    made for each of a page's thousands of text objects), its errors the same."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    image, form, unknown = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_UNKNOWN

    def walk(parent: Any, count: Any, get: Any, level: int) -> tuple[Any, int] | None:
        n = count(parent)
        if n < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        for i in range(n):
            raw = get(parent, i)
            if not raw:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            kind = pdfium_c.FPDFPageObj_GetType(raw)
            if kind == unknown:
                raise pdfium.PdfiumError("Failed to determine pageobject type.")
            if kind == image:
                if not pdfium_c.FPDFPageObj_GetBounds(raw, left, bottom, right, top):
                    raise pdfium.PdfiumError("Failed to locate pageobject.")
                if max(abs(left.value - r[0]), abs(height - top.value - r[1]), abs(right.value - r[2]),
                       abs(height - bottom.value - r[3])) <= 1.5:
                    return raw, level
            elif kind == form and level < 2:
                found = walk(raw, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, level + 1)
                if found is not None:
                    return found
        return None

    found = walk(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, 0)
    return pdfium.PdfObject(found[0], page=page, pdf=page.pdf, level=found[1]) if found is not None else None


def jpeg_small(obj: Any, size: tuple[int, int]) -> Any:
    """The image object's JPEG stream decoded at the smallest scale still at least ``size`` (RGB or grey), or None
    when it is no plain JPEG (another filter, CMYK or an unreadable stream): the caller draws it instead."""
    from PIL import Image

    try:
        if list(obj.get_filters()) != ["DCTDecode"]:
            return None
        image = Image.open(io.BytesIO(bytes(obj.get_data(decode_simple=False))))
        if image.mode not in ("RGB", "L"):
            return None
        image.draft(image.mode, size)
        image.load()
    except Exception:  # noqa: BLE001 - an unusual stream is drawn by pdfium instead
        return None
    return image


def coloured_jpeg(page: Any, r: Rect, dpi: float, share: float) -> bool:
    """Is the picture at ``r`` a JPEG whose stream alone, decoded small (about ``dpi``), has more than ``share`` of
    its pixels coloured (a photo, a coloured chart)? A mask hides no colour it would show, so the answer holds
    without drawing it; False says nothing (another filter, a grey or dark stream, a picture cut by the page)."""
    import numpy as np

    from .crop_frame import crop_offset

    width, height = page.get_size()
    ox, oy = crop_offset(page)
    if r[0] < ox or r[1] < -oy or r[2] > ox + width or r[3] > height - oy:
        return False  # cut by the page's crop: drawn (paper_like)
    obj = image_object(page, r)
    small = jpeg_small(obj, (round((r[2] - r[0]) * dpi / 72.0), round((r[3] - r[1]) * dpi / 72.0))) if obj is not None else None
    if small is None:
        return False
    a = np.asarray(small.convert("RGB")).astype(np.int16)
    r_, g_, b_ = a[..., 0], a[..., 1], a[..., 2]  # element-wise: a reduction over 3 channels is slow
    spread = np.maximum(np.maximum(r_, g_), b_) - np.minimum(np.minimum(r_, g_), b_)
    return bool(a.size) and float((spread >= 60).mean()) > share
