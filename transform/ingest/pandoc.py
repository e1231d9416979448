"""DOCX, ODT, HTML and Markdown through pandoc's JSON AST, always sandboxed."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from .._exec import pandoc
from ..errors import InputError, ToolError
from ..model import Document, DocumentMeta, Section
from . import INGESTERS
from .pandoc_ast import convert_blocks, doc_title

if TYPE_CHECKING:
    from ..context import RunContext

PANDOC_FORMATS = {"docx": "docx", "odt": "odt", "html": "html", "markdown": "markdown"}
ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def _check_package(path: Path) -> None:
    """Refuse XML entity declarations inside DOCX/ODT parts (entity bombs) before pandoc sees them."""
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as fh:
                        head = fh.read(65536)
                    if ENTITY_DECL.search(head):
                        raise InputError(
                            f"{path.name}: the document declares XML entities ({info.filename}); Taysir refuses such files because they can be used to exhaust memory.",
                            hint="Open the document in a word processor and save it again.",
                        )
    except zipfile.BadZipFile:
        raise InputError(f"{path.name}: the document package is damaged.", hint="Save it again and re-send it.") from None


def pandoc_json(path: Path, fmt: str, timeout: float) -> dict:  # type: ignore[type-arg]
    """Run pandoc in sandbox mode and return its JSON AST; a warning in sandbox mode is an error."""
    if fmt in ("docx", "odt"):
        _check_package(path)
    elif fmt == "html" and ENTITY_DECL.search(path.read_bytes()[:1_000_000]):
        raise InputError(f"{path.name}: the HTML declares XML entities; Taysir refuses such files.")
    try:
        proc = pandoc.to_json(path, PANDOC_FORMATS[fmt], timeout=timeout, mem_limit_mb=2048)
    except ToolError as exc:
        raise InputError(
            f"{path.name}: the {fmt.upper()} file could not be read ({exc.message}).",
            hint="Check that the file opens in a word processor, save it again and re-send it.",
        ) from None
    warnings = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if "WARNING" in ln.upper()]
    sandbox = [w for w in warnings if "sandbox" in w.lower() or "could not fetch" in w.lower() or "fetch" in w.lower()]
    if sandbox:
        raise InputError(
            f"{path.name}: the document tries to read other files or web resources ({sandbox[0].strip()}).",
            hint="Embed images in the document instead of linking them.",
        )
    return json.loads(proc.stdout)


class PandocIngester:
    formats: ClassVar[tuple[str, ...]] = tuple(PANDOC_FORMATS)

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def ingest(self, path: Path, ctx: RunContext) -> Document:
        try:
            ast = pandoc_json(path, self.fmt, ctx.options.timeout_s if ctx.options.timeout_s < 120 else 120)
            blocks = convert_blocks(ast.get("blocks", []))
        except RecursionError:  # e.g. 100,000 nested HTML elements: refuse instead of crashing
            raise InputError(
                f"{path.name}: the document is nested too deeply to be read (elements inside elements, thousands of levels).",
                hint="Save it again from a word processor, or send a simpler export.",
            ) from None
        meta = DocumentMeta(title=doc_title(ast), source_name=path.name, source_format=self.fmt)
        return Document(meta=meta, sections=[Section(blocks=blocks)])


for _fmt in PANDOC_FORMATS:
    INGESTERS.register(_fmt, lambda _f=_fmt: PandocIngester(_f))
