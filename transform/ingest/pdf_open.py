"""Open a PDF with pypdfium2 and turn every way it can fail into a clear :class:`InputError`."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pypdfium2 as pdfium

from ..errors import InputError

TAIL = 4096
MAX_STREAM_BYTES = 100 * 1024 * 1024  # a stream that inflates past this is refused (compression bomb)
BIG_RAW = 64 * 1024  # only streams at least this big (compressed) can inflate past the limit
STREAM_START = re.compile(rb">>\s*stream\r?\n")
LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
# pdfium's FPDF_GetLastError codes
ERR_FILE, ERR_FORMAT, ERR_PASSWORD, ERR_SECURITY = 2, 3, 4, 6


def _looks_truncated(path: Path) -> bool:
    """A complete PDF ends with ``%%EOF`` (maybe followed by a few bytes of padding)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - TAIL))
        tail = fh.read()
    return b"%%EOF" not in tail


def _inflates_past(data: bytes, limit: int) -> bool:
    """Inflate ``data`` in bounded chunks; True as soon as the output passes ``limit`` bytes."""
    d = zlib.decompressobj()
    total = 0
    chunk = data
    try:
        while chunk:
            out = d.decompress(chunk, 1 << 20)
            total += len(out)
            if total > limit:
                return True
            chunk = d.unconsumed_tail
    except zlib.error:
        return False
    return False


def check_stream_bombs(path: Path) -> None:
    """Refuse a PDF whose content or form streams inflate to more than :data:`MAX_STREAM_BYTES`.

    pdfium inflates a page's content in one piece and aborts the process when memory runs
    out, so big compressed streams are measured here first, in 1 MiB chunks. Stream
    dictionaries are never compressed (a stream cannot live in an object stream), so a scan
    of the file finds them all; only streams of :data:`BIG_RAW` bytes or more are inflated,
    and images and font files (which text extraction does not inflate) are skipped.
    """
    if path.stat().st_size < BIG_RAW:
        return
    data = path.read_bytes()
    for m in STREAM_START.finditer(data):
        head = data[max(0, m.start() - 1024) : m.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        if b"/Image" in head or b"/Length1" in head or b"Flate" not in head:
            continue
        length = LENGTH.search(head)
        start = m.end()
        if length:
            end = start + int(length.group(1))
        else:
            found = data.find(b"endstream", start)
            end = found if found >= 0 else len(data)
        if end - start < BIG_RAW:
            continue
        if _inflates_past(data[start:end], MAX_STREAM_BYTES):
            raise InputError(
                f"{path.name}: the PDF holds a compressed stream that would expand to more than {MAX_STREAM_BYTES // (1024 * 1024)} MiB (a compression bomb or a broken file).",
                hint="Export the document again from its original application and re-send it.",
            )


def _explain_failure(path: Path, code: int | None) -> None:
    """Raise the InputError that says why pdfium could not open ``path``.

    pdfium's error code is process-wide and not always reset, so it is only trusted
    together with what the file itself shows (an ``/Encrypt`` entry for a password).
    """
    name = path.name
    data = path.read_bytes()
    if b"/Encrypt" in data and code == ERR_PASSWORD:
        raise InputError(
            f"{name}: the PDF is protected by a password, so it cannot be read.",
            hint="Remove the password (open it and print or export it to a new PDF, or `qpdf --decrypt`) and send it again.",
        ) from None
    if b"/Encrypt" in data and code == ERR_SECURITY:
        raise InputError(
            f"{name}: the PDF uses an encryption scheme that cannot be opened.",
            hint="Export it again to a PDF without protection and send it again.",
        ) from None
    if re.search(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b|/Count\s+0\b[^>]*/Type\s*/Pages\b", data):
        raise InputError(f"{name}: the PDF has no pages.", hint="Check that you sent the right file.") from None
    what = "is incomplete (the end of the file is missing; it was probably cut during transfer)" if _looks_truncated(path) else "is damaged and cannot be read"
    raise InputError(f"{name}: the PDF {what}.", hint="Download or export the document again and re-send it.") from None


def open_pdf(path: Path, max_pages: int) -> pdfium.PdfDocument:
    """Open ``path``; raise :class:`InputError` when it is encrypted, damaged, empty or too long."""
    name = path.name
    if path.stat().st_size == 0:
        raise InputError(f"{name}: the file is empty (0 bytes).", hint="Upload the document again.")
    check_stream_bombs(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        _explain_failure(path, getattr(exc, "err_code", None))
        raise  # not reached: _explain_failure always raises
    try:
        count = len(pdf)
    except pdfium.PdfiumError:
        pdf.close()
        raise InputError(f"{name}: the PDF's page list is damaged.", hint="Export the document again and re-send it.") from None
    if count == 0:
        pdf.close()
        if _looks_truncated(path):
            raise InputError(f"{name}: the PDF is incomplete (the end of the file is missing).", hint="Download or export the document again and re-send it.")
        raise InputError(f"{name}: the PDF has no pages.", hint="Check that you sent the right file.")
    if count > max_pages:
        pdf.close()
        raise InputError(
            f"{name}: the PDF has {count} pages, more than the limit of {max_pages}.",
            hint="Split the document into smaller parts, or raise the max_pages option.",
        )
    if _looks_truncated(path) and count:
        # pdfium rebuilt a cut file: only accept it when its pages still load
        try:
            pdf[count - 1].close()
        except pdfium.PdfiumError:
            pdf.close()
            raise InputError(f"{name}: the PDF is incomplete (the end of the file is missing).", hint="Download or export the document again and re-send it.") from None
    return pdf
