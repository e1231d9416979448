"""DOCX, ODT, HTML and Markdown through pandoc's JSON AST, always sandboxed.

HTML and Markdown are decoded here (UTF-8, UTF-16, Windows-1256, Windows-1252: see
:mod:`.encoding`), cleaned (:mod:`.markup`) and handed to pandoc as UTF-8 on its standard
input. A Markdown file with HTML tables in it goes Markdown -> HTML -> AST, so the tables keep
their rows and cells. Markdown that reads the same in pandoc's CommonMark reader (most files: see
:func:`.markup.markdown_reader`) is read by it, several times faster than the ``markdown`` reader. A flat ODT (XML) is repackaged as an ODT first (:mod:`.fodt`).
"""

from __future__ import annotations

import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from .._exec import pandoc
from ..errors import InputError, ToolError
from ..model import Document, DocumentMeta, Section
from . import INGESTERS
from .encoding import decode_text
from .fodt import flat_to_package, is_flat, package_with_indexes
from .markup import has_html_table, mark_header_cells, markdown_reader, strip_leading_noise
from .pandoc_ast import convert_blocks, doc_title

if TYPE_CHECKING:
    from ..context import RunContext

PANDOC_FORMATS = {"docx": "docx", "odt": "odt", "html": "html", "markdown": "markdown"}
ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
MAX_TEXT_BYTES = 64 * 1024 * 1024  # an HTML or Markdown file larger than this is not a document


def _entity_error(path: Path, where: str) -> InputError:
    return InputError(
        f"{path.name}: the document declares XML entities ({where}); Taysir refuses such files because they can be used to exhaust memory.",
        hint="Open the document in a word processor and save it again.",
    )


def _check_package(path: Path) -> None:
    """Refuse XML entity declarations inside DOCX/ODT parts (entity bombs) before pandoc sees them."""
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as fh:
                        head = fh.read(65536)
                    if ENTITY_DECL.search(head):
                        raise _entity_error(path, info.filename)
    except zipfile.BadZipFile:
        raise InputError(f"{path.name}: the document package is damaged.", hint="Save it again and re-send it.") from None


def _check_flat(path: Path) -> None:
    """Refuse entity declarations anywhere in a flat ODT (it is read whole)."""
    with path.open("rb") as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            if ENTITY_DECL.search(tail + chunk):
                raise _entity_error(path, "flat XML")
            tail = chunk[-16:]


def _pandoc(args: list[str], path: Path, *, timeout: float, src: Path | None = None, data: bytes | None = None) -> bytes:
    """One sandboxed pandoc run (file or standard input); a sandbox warning is an error."""
    try:
        proc = pandoc.run_sandboxed(args, src=src, data=data, timeout=timeout, mem_limit_mb=2048)
    except ToolError as exc:
        fmt = args[1].upper() if len(args) > 1 else "document"
        raise InputError(
            f"{path.name}: the {fmt} file could not be read ({exc.message}).",
            hint="Check that the file opens in a word processor, save it again and re-send it.",
        ) from None
    warnings = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if "WARNING" in ln.upper()]
    sandbox = [w for w in warnings if "sandbox" in w.lower() or "fetch" in w.lower()]
    if sandbox:
        raise InputError(
            f"{path.name}: the document tries to read other files or web resources ({sandbox[0].strip()}).",
            hint="Embed images in the document instead of linking them.",
        )
    return proc.stdout


def read_text_source(path: Path, fmt: str) -> tuple[str, str]:
    """An HTML or Markdown file decoded and cleaned for pandoc: ``(text, pandoc reader)``."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputError(f"{path.name}: the {fmt.upper()} file is {size // (1024 * 1024)} MiB, more than a document of text can be.",
                         hint="Send the document itself (PDF, DOCX or ODT).")
    raw = path.read_bytes()
    if fmt == "html" and ENTITY_DECL.search(raw[:1_000_000]):
        raise InputError(f"{path.name}: the HTML declares XML entities; Taysir refuses such files.",
                         hint="Save the page again from a browser or a word processor.")
    text, _ = decode_text(raw, html=fmt == "html")
    text = strip_leading_noise(text)
    if fmt == "html":
        text = re.sub(r"<meta[^>]*charset[^>]*>", "", text[:8192], flags=re.I) + text[8192:]  # it is UTF-8 now
        return mark_header_cells(text), "html"
    return text, "markdown"


def pandoc_json(path: Path, fmt: str, timeout: float) -> dict:  # type: ignore[type-arg]
    """Run pandoc in sandbox mode and return its JSON AST."""
    if fmt in ("docx", "odt"):
        if fmt == "odt" and is_flat(path):
            _check_flat(path)
            with tempfile.TemporaryDirectory(prefix="taysir-fodt-") as tmp:
                odt = Path(tmp) / "document.odt"
                odt.write_bytes(flat_to_package(path))
                out = _pandoc(["-f", "odt", "-t", "json"], path, timeout=timeout, src=odt)
        else:
            _check_package(path)
            opened = package_with_indexes(path) if fmt == "odt" else None  # a table of contents kept as text
            if opened is not None:
                with tempfile.TemporaryDirectory(prefix="taysir-odt-") as tmp:
                    odt = Path(tmp) / "document.odt"
                    odt.write_bytes(opened)
                    out = _pandoc(["-f", "odt", "-t", "json"], path, timeout=timeout, src=odt)
            else:
                out = _pandoc(["-f", PANDOC_FORMATS[fmt], "-t", "json"], path, timeout=timeout, src=path)
    else:
        text, reader = read_text_source(path, fmt)
        if reader == "markdown" and has_html_table(text):  # raw HTML tables: through pandoc's HTML reader
            html = _pandoc(["-f", "markdown", "-t", "html"], path, timeout=timeout, data=text.encode("utf-8"))
            text, reader = mark_header_cells(html.decode("utf-8")), "html"
        elif reader == "markdown":  # the faster CommonMark reader when the text reads the same there
            reader = markdown_reader(text)
        out = _pandoc(["-f", reader, "-t", "json"], path, timeout=timeout, data=text.encode("utf-8"))
    return json.loads(out)


class PandocIngester:
    formats: ClassVar[tuple[str, ...]] = tuple(PANDOC_FORMATS)

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def ingest(self, path: Path, ctx: RunContext) -> Document:
        try:
            ast = pandoc_json(path, self.fmt, ctx.options.timeout_s if ctx.options.timeout_s < 120 else 120)
            blocks = convert_blocks(ast.get("blocks", []), markdown=self.fmt == "markdown")
        except RecursionError:  # e.g. 100,000 nested HTML elements: refuse instead of crashing
            raise InputError(
                f"{path.name}: the document is nested too deeply to be read (elements inside elements, thousands of levels).",
                hint="Save it again from a word processor, or send a simpler export.",
            ) from None
        if not blocks:
            raise InputError(f"{path.name}: the document has no text to read (it is empty, or holds only styles or images).",
                             hint="Check that you sent the right file; a scanned page should be sent as a PDF or an image.")
        meta = DocumentMeta(title=doc_title(ast), source_name=path.name, source_format=self.fmt)
        return Document(meta=meta, sections=[Section(blocks=blocks)])


for _fmt in PANDOC_FORMATS:
    INGESTERS.register(_fmt, lambda _f=_fmt: PandocIngester(_f))
