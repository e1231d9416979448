"""Text-layer boxes moved into the frame of the page's render, for pages whose CropBox does not start
at the page's origin.

The ingester measures a line's box from the CropBox's height but the MediaBox's origin
(``pdf_text.page_lines``: ``x`` as pdfium gives it, ``top = height - y``), and every pass that compares
text-layer boxes with each other or with the page's drawn rules shares that frame. A render of the page,
though, shows the CropBox only: its pixel (0, 0) is the CropBox's top left corner. On a page cropped at
(left, bottom) a line's ink lies ``left`` points to the left of its box and ``bottom`` points lower (the
Egyptian law's pages, cropped at (27, 18): a crop at a line's box missed its ink). The boxes themselves stay
as they are (the frame the ingester's passes share); an image pass converts them here, once, before it cuts.
Passes that change the lines they cut (an earlier OCR's kept layer: its underlines, our reading's votes, the ink
it left unread, its check marks) take the other way round: the render moved into the lines' frame
(:func:`image_on_lines`), so that what they write on a line (a box widened, a new line, a word's place) stays in
the ingester's frame. Rotated pages are left as they are (their frame is another question, not seen cropped in the
corpus)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

import pypdfium2 as pdfium
from PIL import Image

from .base import TextLine

L = TypeVar("L", bound=TextLine)
P = TypeVar("P")

SHIFTED = 0.5  # points: a CropBox corner nearer the origin than this is the origin


def crop_offset(page: pdfium.PdfPage) -> tuple[float, float]:
    """(left, bottom) of the page's CropBox when it does not start at the origin of an upright page, else (0, 0)."""
    try:
        left, bottom, _, _ = page.get_cropbox()
        turned = page.get_rotation()
    except pdfium.PdfiumError:
        return 0.0, 0.0
    if turned or (abs(left) < SHIFTED and abs(bottom) < SHIFTED):
        return 0.0, 0.0
    return left, bottom


def page_offset(pdf: pdfium.PdfDocument | None, index: int) -> tuple[float, float]:
    """``crop_offset`` of the document's page ``index`` ((0, 0) without a document)."""
    if pdf is None:
        return 0.0, 0.0
    try:
        page = pdf[index]
    except (pdfium.PdfiumError, IndexError):
        return 0.0, 0.0
    return crop_offset(page)


def box_on_render(box: tuple[float, float, float, float], offset: tuple[float, float]) -> tuple[float, float, float, float]:
    """A box (x0, top, x1, bottom) of the ingester's frame, in the render's frame (points)."""
    left, bottom = offset
    return box[0] - left, box[1] + bottom, box[2] - left, box[3] + bottom


def lines_on_render(lines: list[L], offset: tuple[float, float]) -> list[L]:
    """Copies of ``lines`` moved into the render's frame (the lines themselves when there is nothing to move)."""
    left, bottom = offset
    if not left and not bottom:
        return lines
    return [replace(ln, x0=ln.x0 - left, x1=ln.x1 - left, top=ln.top + bottom, bottom=ln.bottom + bottom) for ln in lines]


def render_crop(page: pdfium.PdfPage, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
    """pdfium's ``render(crop=...)`` (the points cut off each side of the CropBox) for the region from ``left`` to
    ``right`` and from ``bottom`` up to ``top`` in pdfium's page coordinates (the MediaBox's origin, y upwards)."""
    ox, oy = crop_offset(page)
    width, height = page.get_size()
    return (max(0.0, left - ox), max(0.0, bottom - oy), max(0.0, width - (right - ox)), max(0.0, height - (top - oy)))


def image_on_lines(pimg: P, offset: tuple[float, float]) -> P:
    """A page render (``ocr.render.PageImage``: ``image``, ``dpi``) moved into the ingester's frame: a copy whose
    pixel (x, y) shows the point (x, y) of the text-layer boxes (the render itself when there is nothing to move).
    The CropBox's ``left`` points are added as white on the left and its ``bottom`` points cut off the top (no line's
    box lies above the frame's top); the copy is as wide as the render and the added strip, so nothing on its right
    is lost."""
    left, bottom = offset
    if not left and not bottom:
        return pimg
    src: Any = pimg
    k = src.dpi / 72.0
    dx, dy = round(left * k), round(-bottom * k)
    w, h = src.image.size
    canvas = Image.new("L", (max(1, w + dx), max(1, h + max(dy, 0))), 255)
    canvas.paste(src.image, (dx, dy))
    return replace(src, image=canvas, width_pt=canvas.width / k, height_pt=canvas.height / k)  # type: ignore[no-any-return]
