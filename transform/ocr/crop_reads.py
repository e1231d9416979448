"""Small images read in one tesseract call through a list file, each as one line of allowed characters.

Used where a few crops of a page are read again with a character whitelist: digits drawn from a
font's glyphs (:mod:`digit_glyphs`), French amounts (:mod:`amount_cells`), a line's raised note
numbers (:mod:`note_calls`). One process for all the crops: tesseract's start costs more than a
small crop's reading.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PIL import Image

from .._exec import run


def pixel_box(x0: float, top: float, x1: float, bottom: float, k: float, width: int, height: int,
              pad: float = 0.0) -> tuple[int, int, int, int]:
    """A box in PDF points widened by ``pad`` points on each side, as the pixel bounds (left, top, right, bottom)
    of its crop in a ``width`` x ``height`` image rendered at ``k`` pixels per point, clipped to the image."""
    return (max(0, int((x0 - pad) * k)), max(0, int((top - pad) * k)),
            min(width, int((x1 + pad) * k) + 1), min(height, int((bottom + pad) * k) + 1))


def read_crops(images: list[Image.Image], *, lang: str, psm: int, allowed: str, timeout: float,
               stem: str = "c") -> list[list[tuple[str, float]]]:
    """The words (text, confidence) tesseract reads in each image, in the images' order; an image
    read as nothing gives an empty list. ``stem`` names the files (and so keys a cache of answers)."""
    if not images:
        return []
    with tempfile.TemporaryDirectory(prefix="taysir-crops-") as tmp:
        names = []
        for n, img in enumerate(images):
            path = Path(tmp) / f"{stem}{n:03d}.png"
            img.save(path, dpi=(300, 300))
            names.append(str(path))
        listing = Path(tmp) / "list.txt"
        listing.write_text("\n".join(names) + "\n", encoding="utf-8")
        cmd = ["env", "OMP_THREAD_LIMIT=1", "tesseract", str(listing), "stdout", "-l", lang, "--psm", str(psm),
               "-c", f"tessedit_char_whitelist={allowed}", "tsv"]
        proc = run(cmd, tool="tesseract", timeout=timeout, mem_limit_mb=1024)
    words: dict[int, list[tuple[str, float]]] = {}
    for row in proc.stdout.decode("utf-8", "replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip() and float(cols[10]) >= 0:
            words.setdefault(int(cols[1]), []).append((cols[11].strip(), float(cols[10])))
    return [words.get(n, []) for n in range(1, len(images) + 1)]
