"""A page of the uploaded source as a PNG picture (to compare a doubtful segment with the original).

Rendered on request from the stored source with pypdfium2 (PDF) or Pillow (scanned images), at a
width that reads well on a screen, and cached beside the document's outputs
(``data/jobs/<job>/docs/<doc>/pages/p<N>.png``).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger("service.web")
MAX_WIDTH = 1400  # pixels: enough to read a printed line, small enough for a phone
_lock = threading.Lock()


def page_image(store: Any, doc: Any, number: int) -> Path | None:
    """The cached picture of page ``number`` (1-based), or None when the source has no such page."""
    if number < 1 or number > 2000:
        return None
    out = store.doc_dir(doc.job_id, doc.id) / "pages" / f"p{number}.png"
    if out.is_file():
        return out
    source = store.path(doc.source_path)
    if not source.is_file():
        return None
    with _lock:  # one rendering at a time: a page view must not take the server's memory
        if out.is_file():
            return out
        try:
            img = _render_pdf(source, number) if doc.format == "pdf" else _open_image(source, number)
        except Exception as exc:  # noqa: BLE001 - a source that cannot be drawn just has no picture
            log.warning("document %s: page %s could not be drawn: %s", doc.id, number, exc)
            return None
        if img is None:
            return None
        if img.width > MAX_WIDTH:
            img = img.resize((MAX_WIDTH, round(img.height * MAX_WIDTH / img.width)))
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        img.convert("RGB").save(tmp, "PNG", optimize=True)
        os.replace(tmp, out)
    return out


def _render_pdf(source: Path, number: int) -> Any:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    try:
        if number > len(pdf):
            return None
        page = pdf[number - 1]
        width_pt = page.get_width() or 595
        scale = min(2.0, MAX_WIDTH / width_pt)
        return page.render(scale=scale).to_pil()
    finally:
        pdf.close()


def _open_image(source: Path, number: int) -> Any:
    from PIL import Image

    img = Image.open(source)
    try:
        img.seek(number - 1)  # multi-page TIFF
    except EOFError:
        return None
    img.load()
    return img
