"""Ingester for scanned pages delivered as images (PNG, JPEG, TIFF, multi-page TIFF)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import InputError
from ..ingest import INGESTERS
from ..ingest.base import TextLine
from ..model import Document, DocumentMeta, Section
from ..model.text import direction_for
from . import confidence
from .orientation import frame, notice
from .pages import ocr_langs, ocr_page, unreadable, workers
from .render import LOW_SCAN_DPI, MIN_READ_DPI, OCR_DPI, PageImage
from .sizes import snap_sizes

if TYPE_CHECKING:
    from ..context import RunContext
    from ..model import Block, PageReport

A4_WIDTH_IN = 8.27
MAX_PAGE_IN = 24.0  # a stated resolution that makes the page wider than this is not believed (phone photos say 72 dpi)
MAX_PIXELS = 120_000_000  # per frame; larger images are refused rather than exhausting memory


def _blocks(pages: list[list[TextLine]], widths: list[float]) -> list[Block]:
    """Lines -> blocks with the PDF ingester's grouping when it is there, else our minimal one;
    each block gets the confidence of its lines."""
    try:
        from ..ingest.pdf_blocks import group_lines, groups_to_blocks
        from ..ingest.pdf_paragraphs import rejoin_paragraphs
    except ImportError:
        from .blocks import lines_to_blocks

        return list(lines_to_blocks([ln for page in pages for ln in page]))
    groups = group_lines(pages, [[] for _ in pages], widths)
    groups = rejoin_paragraphs(groups)  # as the PDF ingester does (pdf_paragraphs)
    blocks = groups_to_blocks(groups)
    confidence.apply(blocks, groups)
    return blocks


def _frames(path: Path) -> list[tuple[Image.Image, float, bool]]:
    """Each frame as grayscale with its resolution (from the file, else assumed A4 wide)."""
    try:
        im = Image.open(path)
        frames = []
        for n in range(getattr(im, "n_frames", 1)):
            im.seek(n)
            if im.width * im.height > MAX_PIXELS:
                raise InputError(f"{path.name}: page {n + 1} is {im.width}x{im.height} pixels, too large to read.",
                                 hint="Scan at 300 dpi; an A4 page is then about 2480x3508 pixels.")
            frame = ImageOps.exif_transpose(im.copy()) or im.copy()
            dpi_info = im.info.get("dpi") or (0, 0)
            stated = float(dpi_info[0] or 0)
            # cameras and phone apps write 72 or 96 dpi whatever the picture: a stated resolution
            # that would make the sheet wider than MAX_PAGE_IN inches is ignored (an A4 page is assumed)
            known = stated > 1 and frame.width / stated <= MAX_PAGE_IN
            dpi = stated if known else frame.width / A4_WIDTH_IN
            frames.append((frame.convert("L"), dpi, known))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise InputError(f"{path.name}: the image cannot be read ({exc}).", hint="Send the scan again as PNG, JPEG or TIFF.") from None
    return frames


class ImageIngester:
    formats: ClassVar[tuple[str, ...]] = ("png", "jpeg", "tiff")

    def ingest(self, path: Path, ctx: RunContext) -> Document:
        from concurrent.futures import ThreadPoolExecutor

        frames = _frames(path)[: ctx.options.max_pages]
        timeout = min(ctx.options.timeout_s, 300.0)
        results: list[tuple[list[TextLine], PageReport]] = [([], unreadable(0, ""))] * len(frames)
        with ThreadPoolExecutor(max_workers=workers()) as pool:
            futs = {}
            for i, (img, dpi, known) in enumerate(frames):
                page = PageImage(img, dpi, i + 1, img.width * 72 / dpi, img.height * 72 / dpi)
                if dpi < MIN_READ_DPI / 2:  # an A4 page under 250 pixels wide: nothing a reader could OCR
                    results[i] = ([], unreadable(i + 1, f"image resolution about {dpi:.0f} dpi"
                                                        f"{'' if known else ' (assuming an A4 page)'} is far too low to read "
                                                        "(rescan at 300 dpi)"))
                    continue
                if dpi > OCR_DPI * 1.1 or dpi < LOW_SCAN_DPI * 1.5:  # OCR at the resolution the models read best
                    k = OCR_DPI / dpi
                    page.image = img.resize((round(img.width * k), round(img.height * k)), Image.Resampling.LANCZOS)
                    page.dpi = OCR_DPI
                    page.source_dpi = dpi if k > 1 else None
                futs[pool.submit(ocr_page, page, ocr_langs(None), timeout=timeout, scanned=True, why="image input",
                                 scan_dpi=dpi)] = i
            for fut, i in futs.items():
                results[i] = fut.result()
        pages = [page_lines for page_lines, _ in results]
        reports = [rep for _, rep in results]
        snap_sizes([ln for page_lines in pages for ln in page_lines])
        # a page read turned upright: the width of its turned frame
        blocks = _blocks(pages, [frame(rep, img.width * 72 / dpi, img.height * 72 / dpi)[0]
                                 for rep, (img, dpi, _) in zip(reports, frames, strict=True)])
        langs = [lang for r in reports for lang in r.langs[:1]]
        main = max(dict.fromkeys(langs), key=langs.count) if langs else "ar"
        meta = DocumentMeta(source_name=path.name, source_format="image", lang=main, direction=direction_for(main),
                            page_count=len(frames), pages=reports)
        if not blocks:
            reasons = "; ".join(f"page {r.page}: {r.reason}" for r in reports)
            raise InputError(f"{path.name}: no text could be read from the image ({reasons}).",
                             hint="Send a sharper scan (300 dpi, straight, good contrast) or the original document.")
        for r in reports:
            if r.method == "unreadable":
                ctx.warn("ingest.ocr", f"page {r.page} not readable: {r.reason}", engine="tesseract")
            elif turned := notice(r):
                ctx.warn("ingest.ocr", turned, engine="tesseract")
        return Document(meta=meta, sections=[Section(blocks=blocks)])


for _fmt in ImageIngester.formats:
    INGESTERS.register(_fmt, ImageIngester)
