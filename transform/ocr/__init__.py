"""Judging PDF text layers and OCR fallback.

``read_pages`` is the one hook the PDF ingester calls: given the text-layer lines of
every page it returns the lines to use per page and a report per page saying which
path was used (text layer or OCR) and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..model import PageReport

if TYPE_CHECKING:
    from ..context import RunContext
    from ..ingest.base import TextLine


def read_pages(pdf_path: Path, text_pages: list[list[TextLine]], ctx: RunContext) -> tuple[list[list[TextLine]], list[PageReport]]:
    """Default (no OCR yet): trust every text layer; empty pages are reported as unreadable."""
    reports = []
    for i, lines in enumerate(text_pages, 1):
        if any(ln.text.strip() for ln in lines):
            reports.append(PageReport(page=i, method="text", reason="text layer used"))
        else:
            reports.append(PageReport(page=i, method="unreadable", reason="no text layer"))
    return text_pages, reports
