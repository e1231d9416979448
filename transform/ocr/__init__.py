"""Judging PDF text layers and OCR fallback.

``read_pages`` is the one hook the PDF ingester calls: given the text-layer lines of
every page it returns the lines to use per page and a report per page saying which
path was used (text layer or OCR) and why. See docs/ocr.md.
"""

from __future__ import annotations

from .pages import read_pages

__all__ = ["read_pages"]
