"""Marks on Arabic OCR'd pages read as digits, told by their ink (issue 17).

A form's fill-in field for a file number is printed as two dotted runs with a slash between them
(``ملف رقم: ......../........``). ``leaders.py`` whitens the dots before tesseract reads the page, and
the slash left alone is read as a digit: decree 2.19.720's model letters gave ``ملف رقم: 4`` and a line
``1`` of its own. A number is sacred, so such a digit is judged by its ink only, never by its place or
its confidence: a single slanted stroke is a slash, and no digit is written so.

The token is one digit (``0``-``9`` or an Arabic-Indic digit) on a page of Arabic (lone_latin.DOMINANT
of its letters), listed alone in its line's words or making the whole line. Its box, padded by PAD of
its height, is cut from the page image tesseract read; its ink (darker than INK) is a slash when:

* it stands MIN_HEIGHT pixels high or more (a speck too small to judge stays as read);
* ONE_RUN of its rows or more hold a single run of ink (a ``0``, a ``4``, an ``8`` have two);
* the runs' centres lie on one line (root mean square off it at most MAX_RESIDUAL of the ink's height,
  or one pixel): a curved ``2``, ``3``, ``5``, ``6``, ``9`` fall off it;
* that line leans right going up by MIN_SLANT to MAX_SLANT pixels a row (an upright ``1`` leans 0, an
  italic one 0.16 to 0.23 in every italic face installed here; a backslash leans the other way);
* no run is wider than MAX_RUN of the ink's height (a ``7``'s bar, a ``1``'s foot serif).

Such a token is written ``/`` (the line put in doubt: the review page shows it); a line that was only
that digit is taken out of the page (a slash alone is no text). No tesseract call.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .confidence import OCR_LOW
from .crop_reads import pixel_box
from .lone_latin import arabic_page
from .reread import put_words

if TYPE_CHECKING:
    import numpy as np

    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

PAD = 0.15  # the crop: the token's box grown by this share of its height
INK = 128  # grey level under which a pixel is ink
MIN_HEIGHT = 8  # pixels of ink height under which a token is not judged
ONE_RUN = 0.7  # share of the ink's rows holding one run
MAX_RESIDUAL = 0.06  # of the ink's height: how far the runs' centres may lie off their line
MIN_SLANT, MAX_SLANT = 0.25, 0.7  # pixels right per pixel up (an italic 1 leans 0.16 to 0.23, the forms' slashes 0.28, 0.31)
MAX_RUN = 0.35  # of the ink's height: the widest run of a slash
SLASH = "/"
_DIGIT = re.compile(r"^[0-9\u0660-\u0669]$")


def slash_digits(image: PageImage, lines: list[TextLine], result: OcrResult) -> int:
    """One-digit tokens of a page of Arabic whose ink is a slash written ``/``, a line of only such a
    token taken out of ``lines`` (in place); how many tokens were changed (see the module doc)."""
    if not arabic_page(lines):
        return 0
    import numpy as np  # loaded only where a page is OCR'd

    gray: np.ndarray | None = None
    k = image.dpi / 72.0
    changed, gone = 0, []
    for ln in lines:
        entry = result.rtl_words.get(id(ln))
        listed = entry[1] if entry is not None and entry[0] == ln.text else None
        if _DIGIT.match(ln.text.strip()):
            boxes = {0: (ln.x0, ln.top, ln.x1, ln.bottom)}
        elif listed is not None and len(listed) > 1:
            boxes = {n: (x0, t, x1, b) for n, (w, x0, t, x1, b) in enumerate(listed) if _DIGIT.match(w) and ln.text.split().count(w) == 1}
        else:
            continue
        if not boxes:
            continue
        if gray is None:
            gray = np.asarray(image.image.convert("L"))
        slashes = [n for n, box in boxes.items() if is_slash(_crop(gray, box, k))]
        if not slashes:
            continue
        changed += len(slashes)
        if listed is None or len(listed) < 2:
            gone.append(ln)
            continue
        put_words(result, ln, listed, dict.fromkeys(slashes, SLASH))
        ln.doubt = ln.doubt or OCR_LOW
    if gone:
        lines[:] = [ln for ln in lines if all(ln is not g for g in gone)]
    return changed


def _crop(gray: np.ndarray, box: tuple[float, float, float, float], k: float) -> np.ndarray:
    x0, t, x1, b = box
    pad = PAD * (b - t)
    left, top, right, bottom = pixel_box(x0, t, x1, b, k, gray.shape[1], gray.shape[0], pad)
    return gray[top:bottom, left:right]


def is_slash(crop: np.ndarray) -> bool:
    """Is the ink of this grey crop one slanted stroke leaning right (see the module doc)?"""
    import numpy as np

    ink = crop < INK
    rows = np.flatnonzero(ink.any(axis=1))
    if len(rows) == 0 or rows[-1] - rows[0] + 1 < MIN_HEIGHT:
        return False
    height = rows[-1] - rows[0] + 1
    ys, xs, widths = [], [], []
    for y in range(rows[0], rows[-1] + 1):
        edges = np.flatnonzero(np.diff(np.concatenate(([0], ink[y].astype(np.int8), [0]))))
        if len(edges) != 2:  # no run or several
            continue
        ys.append(y)
        xs.append((edges[0] + edges[1] - 1) / 2)
        widths.append(edges[1] - edges[0])
    if len(ys) < ONE_RUN * height or max(widths) > MAX_RUN * height:
        return False
    slope, at = np.polyfit(np.asarray(ys, float), np.asarray(xs, float), 1)
    off = float(np.sqrt(np.mean((np.asarray(xs) - (at + slope * np.asarray(ys, float))) ** 2)))
    return MIN_SLANT <= -slope <= MAX_SLANT and off <= max(1.0, MAX_RESIDUAL * height)
