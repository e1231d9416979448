"""Format detection by content (magic bytes and structure), never by file name alone."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import InputError, UnsupportedFormatError

MAX_ZIP_UNCOMPRESSED = 512 * 1024 * 1024  # a DOCX/ODT that inflates past this is refused
MAX_ZIP_RATIO = 200  # and so is one that compresses more than 200:1 overall
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg", b"II*\x00": "tiff", b"MM\x00*": "tiff"}


def detect_format(path: Path) -> str:
    """Return one of ``pdf docx odt html markdown text`` (``png``/``jpeg``/``tiff`` for images)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        raise InputError(f"{path.name}: the file does not exist.") from None
    except IsADirectoryError:
        raise InputError(f"{path.name}: is a folder, not a file.") from None
    if not head:
        raise InputError(f"{path.name}: the file is empty.", hint="Upload the document again; it has 0 bytes.")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):  # a file is what its head says (ZIP+PDF polyglots)
        return _zip_format(path)
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, fmt in IMAGE_MAGIC.items():
        if head.startswith(magic):
            return fmt
    text = _as_text(head)
    if text is None:
        raise UnsupportedFormatError(
            f"{path.name}: this is not a document format Taysir reads.",
            hint="Send a PDF, DOCX, ODT, HTML, Markdown or plain-text file.",
        )
    stripped = text.lstrip("\ufeff \t\r\n").lower()
    if stripped.startswith(("<!doctype html", "<html")) or re.search(r"<(body|p|h1|div|table)[\s>]", stripped[:2000]):
        return "html"
    if _looks_like_markdown(text):
        return "markdown"
    return "text"


def _as_text(head: bytes) -> str | None:
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # cut in the middle of a character
            return head[: exc.start].decode("utf-8")
        return None


def _looks_like_markdown(text: str) -> bool:
    lines = text.splitlines()
    score = 0
    for line in lines[:200]:
        if re.match(r"^#{1,6}\s+\S", line):
            score += 2
        elif re.match(r"^\s*\|.*\|\s*$", line) or re.match(r"^\s*[-*+]\s+\S", line) or re.match(r"^\s*\d+[.)]\s+\S", line):
            score += 1
        elif re.search(r"\*\*\S.*\S\*\*|\[[^\]]+\]\([^)]+\)", line):
            score += 1
    return score >= 2


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_ZIP_UNCOMPRESSED or (total > 20 * 1024 * 1024 and total / packed > MAX_ZIP_RATIO):
                raise InputError(
                    f"{path.name}: the archive would expand to {total // (1024 * 1024)} MiB; this looks like a zip bomb.",
                    hint="Send the original document, not a repackaged one.",
                )
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                mt = zf.read("mimetype")[:100].decode("ascii", "replace").strip()
                if mt == "application/vnd.oasis.opendocument.text":
                    return "odt"
                raise UnsupportedFormatError(f"{path.name}: a {mt or 'zip'} package is not a text document Taysir reads.")
    except zipfile.BadZipFile:
        raise InputError(f"{path.name}: the file is a damaged ZIP package (truncated or corrupt).", hint="Save the document again and re-send it.") from None
    raise UnsupportedFormatError(
        f"{path.name}: this ZIP file is not a Word (DOCX) or OpenDocument (ODT) document.",
        hint="Send the document itself, not an archive.",
    )
