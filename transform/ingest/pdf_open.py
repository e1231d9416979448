"""Open a PDF with pypdfium2 and turn every way it can fail into a clear :class:`InputError`."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from ..errors import InputError

TAIL = 4096
# pdfium's FPDF_GetLastError codes
ERR_FILE, ERR_FORMAT, ERR_PASSWORD, ERR_SECURITY = 2, 3, 4, 6


def _looks_truncated(path: Path) -> bool:
    """A complete PDF ends with ``%%EOF`` (maybe followed by a few bytes of padding)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - TAIL))
        tail = fh.read()
    return b"%%EOF" not in tail


def open_pdf(path: Path, max_pages: int) -> pdfium.PdfDocument:
    """Open ``path``; raise :class:`InputError` when it is encrypted, damaged, empty or too long."""
    name = path.name
    if path.stat().st_size == 0:
        raise InputError(f"{name}: the file is empty (0 bytes).", hint="Upload the document again.")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == ERR_PASSWORD:
            raise InputError(
                f"{name}: the PDF is protected by a password, so it cannot be read.",
                hint="Remove the password (open it and print or export it to a new PDF, or `qpdf --decrypt`) and send it again.",
            ) from None
        if code == ERR_SECURITY:
            raise InputError(
                f"{name}: the PDF uses an encryption scheme that cannot be opened.",
                hint="Export it again to a PDF without protection and send it again.",
            ) from None
        truncated = _looks_truncated(path)
        what = "is incomplete (the end of the file is missing; it was probably cut during transfer)" if truncated else "is damaged and cannot be read"
        raise InputError(f"{name}: the PDF {what}.", hint="Download or export the document again and re-send it.") from None
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
