"""After a document's pages were OCR'd: which reading each page keeps (split from
:mod:`transform.ocr.pages`, whose ``read_pages`` calls ``settle``), and why a document yielded
nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .decide import _keep_text, unreadable
from .scans import drop_overlays

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..model import PageReport
    from .quality import Quality

MIN_MORE_WORDS = 10  # OCR of a page whose short layer is an overlay must find at least this many more words


def settle(todo: list[tuple[int, list[str] | None, str]], out: list[list[TextLine]], reports: list[PageReport | None],
           kept: dict[int, tuple[list[TextLine], Quality]], overlays: dict[int, list[TextLine]], heights: dict[int, float],
           clean: dict[int, tuple[list[TextLine], Quality]], offsets: dict[int, tuple[float, float]] | None = None) -> None:
    """After OCR: drop what only re-read an app's banner, and fall back to a usable text layer
    where OCR read nothing better (a photo with its caption, a page tesseract cannot read).
    ``offsets``: the CropBox corner of each overlay's page (crop_frame.page_offset), where it is not the origin."""
    for i, layer in overlays.items():
        rep = reports[i]
        if rep is None or rep.method != "ocr":
            continue
        out[i] = drop_overlays(out[i], layer, heights[i], (offsets or {}).get(i, (0.0, 0.0)))
        if len(" ".join(ln.text for ln in out[i]).split()) < len(" ".join(ln.text for ln in layer).split()) + MIN_MORE_WORDS:
            out[i] = []
            reports[i] = unreadable(i + 1, f"OCR of the page image found no more text than the layer ({rep.reason})")
    for i, _langs, why in todo:
        rep = reports[i]
        if rep is None or rep.method != "unreadable":
            continue
        if i in kept:
            lines, q = kept[i]
            out[i] = list(lines)
            reports[i] = _keep_text(i + 1, out[i], q, f"{why}, but OCR could not read the page ({rep.reason}): text layer kept")
        elif i in clean and rep.langs and set(rep.langs) == set(clean[i][1].langs):
            # a clean layer the word lists do not know (a table of capital association names) and a
            # page OCR read worse, in the same script: the layer, every line flagged "check the source"
            lines, q = clean[i]
            out[i] = list(lines)
            reports[i] = _keep_text(i + 1, out[i], q, f"{why}, but OCR could not read the page ({rep.reason}): "
                                    "text layer kept, to be checked against the source")


def why_nothing(reports: list[PageReport]) -> str:
    """The pages' reasons, identical ones grouped: 'pages 1-3: blank page; page 4: ...'."""
    groups: dict[str, list[int]] = {}
    for r in reports:
        groups.setdefault(r.reason, []).append(r.page)
    parts = []
    for reason, pages in list(groups.items())[:4]:
        span = str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}" if pages[-1] - pages[0] == len(pages) - 1 else ", ".join(map(str, pages[:6]))
        parts.append(f"page{'s' if len(pages) > 1 else ''} {span}: {reason}")
    return "; ".join(parts) + ("; ..." if len(groups) > 4 else "")
