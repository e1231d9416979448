"""A map, a chart or a photo on an OCR'd page is one figure, not prose.

tesseract reads whatever letters a scan shows: the zone labels of an annexed map (``RM1 - Saone amont 70``) came out
as paragraphs of the body, and the next page's title was glued to them. On a page the OCR read whole, a picture is
found on a small render of the page (:data:`DPI`, 4 points a pixel): cells of colour or of solid dark ink
(:func:`picture_mask`), joined into regions (:func:`regions`; regions whose boxes overlap, as a map's zones
in their colours, are one); a region is a picture when it is large (at least
:data:`MIN_SHARE` of the page, :data:`MIN_SIDE` of its width and of its height, under :data:`MAX_SHARE`: a grey
ground is the paper), filled (:data:`MIN_FILL` of its box) and holds few words for its size
(:data:`MAX_WORDS` per 1,000 square points: a shaded table or a coloured text box holds a page's worth). The
page's lines whose middle lies in such a region leave the body; the figure keeps those tesseract was sure of
as its text (``alt``: labels, read from an image and in doubt). Only pages read by OCR are looked at: one
render at :data:`DPI` each, next to the OCR's own.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING, Any

from ..ingest.pdf_pictures import PictureFigure

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..model import PageReport

log = logging.getLogger(__name__)

DPI = 18.0
COLOUR = 60  # max - min of a pixel's channels: coloured
DARK = 90  # luma this far under the paper's: solid ink (a black-and-white picture), not text, at 4 points a pixel
MIN_SHARE, MAX_SHARE = 0.10, 0.85  # of the page's area
MIN_SIDE = 0.25  # of the page's width and height
MIN_FILL = 0.35  # picture cells over the region's box
MAX_WORDS = 0.3  # words per 1,000 square points in the region
SURE = 0.7  # a label's line confidence to be kept as the figure's text

Rect = tuple[float, float, float, float]


def picture_mask(rgb: Any) -> Any:
    """Cells (pixels of the small render) of colour or of solid dark ink, as a boolean array."""
    import numpy as np

    a = rgb.astype(np.int16)
    spread = a.max(axis=2) - a.min(axis=2)
    luma = (299 * a[..., 0] + 587 * a[..., 1] + 114 * a[..., 2]) // 1000
    paper = int(np.percentile(luma, 90))
    return (spread >= COLOUR) | (luma <= paper - DARK)


def regions(mask: Any) -> list[tuple[int, int, int, int, int]]:
    """Connected regions of the mask (8 neighbours), as (x0, y0, x1, y1, cells) in pixels, x1 and y1 past the end."""
    h, w = mask.shape
    seen = mask.copy()
    out = []
    for y0 in range(h):
        row = seen[y0]
        if not row.any():
            continue
        for x0 in row.nonzero()[0]:
            if not seen[y0, x0]:
                continue
            seen[y0, x0] = False
            todo = deque([(y0, int(x0))])
            box = [int(x0), y0, int(x0), y0]
            n = 0
            while todo:
                y, x = todo.popleft()
                n += 1
                box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        yy, xx = y + dy, x + dx
                        if 0 <= yy < h and 0 <= xx < w and seen[yy, xx]:
                            seen[yy, xx] = False
                            todo.append((yy, xx))
            out.append((box[0], box[1], box[2] + 1, box[3] + 1, n))
    return out


def _merged(found: list[tuple[int, int, int, int, int]], least: float) -> list[tuple[int, int, int, int, int]]:
    """Regions of at least ``least`` cells whose boxes overlap, as one (a map's zones in different colours)."""
    out: list[tuple[int, int, int, int, int]] = []
    for r in sorted((r for r in found if r[4] >= least), key=lambda r: -r[4]):
        for k, m in enumerate(out):
            if min(r[2], m[2]) > max(r[0], m[0]) and min(r[3], m[3]) > max(r[1], m[1]):
                out[k] = (min(r[0], m[0]), min(r[1], m[1]), max(r[2], m[2]), max(r[3], m[3]), r[4] + m[4])
                break
        else:
            out.append(r)
    return out


def _words(lines: list[TextLine]) -> int:
    return sum(len(ln.text.split()) for ln in lines)


def _inside(ln: TextLine, r: Rect) -> bool:
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
    return r[0] <= cx <= r[2] and r[1] <= cy <= r[3]


def page_pictures(rgb: Any, width: float, height: float, lines: list[TextLine]) -> list[Rect]:
    """The picture regions of one OCR'd page (module note), in points from the page's top left."""
    mask = picture_mask(rgb)
    ph, pw = mask.shape
    sx, sy = width / pw, height / ph
    out = []
    for x0, y0, x1, y1, n in _merged(regions(mask), 0.01 * pw * ph):
        bw, bh = x1 - x0, y1 - y0
        if bw < MIN_SIDE * pw or bh < MIN_SIDE * ph or not MIN_SHARE * pw * ph <= bw * bh <= MAX_SHARE * pw * ph:
            continue
        if n < MIN_FILL * bw * bh:
            continue
        r = (x0 * sx, y0 * sy, x1 * sx, y1 * sy)
        area = (r[2] - r[0]) * (r[3] - r[1])
        if _words([ln for ln in lines if _inside(ln, r)]) > MAX_WORDS * area / 1000.0:
            continue  # text in a coloured box or a shaded table: read as text
        out.append(r)
    return out


def scan_figures(pdf: Any, pages: list[list[TextLine]], reports: list[PageReport]) -> list[PictureFigure]:
    """The pictures of the pages the OCR read whole: their lines taken out of ``pages`` (in place), each a
    figure whose text is the labels read surely."""
    out: list[PictureFigure] = []
    for i, rep in enumerate(reports):
        if rep.method != "ocr" or i >= len(pages) or not pages[i]:
            continue
        import numpy as np  # only where a page was OCR'd (a text layer's reading never loads it here)

        from ..ingest.bidi_chars import ARABIC_LETTER

        page = None
        try:
            page = pdf[i]
            width, height = page.get_size()
            rgb = np.asarray(page.render(scale=DPI / 72.0).to_pil().convert("RGB"))
        except Exception as exc:  # noqa: BLE001 - a page not looked at keeps its lines
            log.debug("page %s not looked at for pictures: %s", i + 1, exc)
            continue
        finally:
            if page is not None:
                page.close()
        if rgb.shape[1] and abs(rgb.shape[0] / rgb.shape[1] - height / width) > 0.1:
            continue  # a page turned for its reading: its lines are in another frame
        for r in page_pictures(rgb, width, height, pages[i]):
            inside = [ln for ln in pages[i] if _inside(ln, r)]
            pages[i][:] = [ln for ln in pages[i] if not _inside(ln, r)]
            sure = [ln for ln in inside if (ln.confidence or 0.0) >= SURE and ln.text.strip()]
            text = " ".join(ln.text.strip() for ln in sure)
            arabic = bool(text) and len(ARABIC_LETTER.findall(text)) * 2 >= len(text.replace(" ", ""))
            fig = PictureFigure(page=i + 1, rect=r, paragraphs=[ln.text.strip() for ln in sure], lang="ar" if arabic else "fr",
                                from_scan=True)
            if sure:
                fig.confidence = round(sum(ln.confidence or 0.0 for ln in sure) / len(sure), 3)
            out.append(fig)
    return out
