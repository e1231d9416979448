"""Invisible text layers: the words an earlier OCR laid over a scan (text render mode 3).

Such a layer is somebody else's OCR: its letters are what that engine guessed, not what a font
draws, so it is checked against our own reading of the page image before it is trusted (see
``transform.ocr.pages``). Three characters are looked at (first, middle, last): two ctypes calls
each, nothing per line.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

INVISIBLE = 3  # FPDF_TEXTRENDERMODE_INVISIBLE


def invisible_layer(textpage: pdfium.PdfTextPage, count: int | None = None) -> bool:
    """True when the page's text is drawn invisibly (the characters sampled all are)."""
    n = textpage.count_chars() if count is None else count
    if n <= 0:
        return False
    seen = 0
    for k in sorted({0, n // 2, n - 1}):
        obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, k)
        if not obj:  # a space or line break pdfium made up
            continue
        if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) != INVISIBLE:
            return False
        seen += 1
    return seen > 0
