"""Ingesters keyed by detected format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..checksum import sha256_file
from ..errors import UnsupportedFormatError
from ..model import Document
from ..registry import Registry
from .amount_vouch import vouch_document as vouch_amounts
from .base import Ingester, TextLine
from .detect import detect_format
from .table_sums import mark_document as mark_sums
from .unicode import display_name, repair_document

if TYPE_CHECKING:
    from ..context import RunContext

INGESTERS: Registry[Ingester] = Registry(
    "transform.ingesters",
    builtins=("transform.ingest.pandoc", "transform.ingest.text", "transform.ingest.pdf", "transform.ocr.image"),
)


def ingest(path: Path, ctx: RunContext) -> Document:
    """Detect the format of ``path`` and read it with the matching ingester."""
    fmt = detect_format(path)
    if fmt not in INGESTERS:
        raise UnsupportedFormatError(
            f"{path.name}: {fmt} files are not supported by this installation.",
            hint=f"Supported: {', '.join(INGESTERS.names())}.",
        )
    doc = INGESTERS.create(fmt).ingest(path, ctx)
    repair_document(doc)  # no UTF-16 surrogate halves reach a writer (emoji, mathematical letters)
    vouch_amounts(doc)  # a malformed amount one of whose crops' readings its total adds up with (amount_vouch.py)
    mark_sums(doc)  # a total that disagrees with the cells it sums puts them in doubt (table_sums.py)
    doc.meta.source_format = fmt
    doc.meta.source_name = display_name(path)
    doc.meta.source_sha256 = sha256_file(path)
    return doc


__all__ = ["INGESTERS", "Ingester", "TextLine", "detect_format", "ingest"]
