"""Format detection by content (magic bytes and structure), never by file name alone."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import InputError, UnsupportedFormatError
from .cfb import MAGIC as CFB_MAGIC
from .cfb import stream_names
from .encoding import decode_text, looks_binary
from .markup import sniff_markup, strip_leading_noise

MAX_ZIP_UNCOMPRESSED = 512 * 1024 * 1024  # a DOCX/ODT that inflates past this is refused
MAX_ZIP_RATIO = 200  # and so is one that compresses more than 200:1 overall
HEAD_BYTES = 64 * 1024  # enough to see past a Word style sheet at the top of an HTML/Markdown export
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg", b"II*\x00": "tiff", b"MM\x00*": "tiff"}
ODT_TYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
FLAT_ODT = re.compile(r"<office:document\b[^>]*office:mimetype\s*=\s*[\"']application/vnd\.oasis\.opendocument\.text[\"']", re.S)
HTML_ROOTS = {"html", "body", "head", "div", "p", "table", "section", "article", "h1", "h2", "span"}
SEND_FORMATS = "Send a PDF, DOCX, ODT, HTML, Markdown or plain-text file."
WORD_PASSWORD_HINT = (
    "Remove the password and send the document again: in Word, File > Info > Protect Document > "
    "Encrypt with Password, clear the password and save; in LibreOffice, File > Save As and untick "
    "'Save with password'."
)
ODT_PASSWORD_HINT = "Remove the password and send the document again: in LibreOffice, File > Save As and untick 'Save with password'."


def detect_format(path: Path) -> str:
    """Return one of ``pdf docx odt html markdown text`` (``png``/``jpeg``/``tiff`` for images).

    A flat OpenDocument file (``.fodt``, XML) is ``odt``. Password-protected Word and
    OpenDocument files, Word 97-2003 files and other formats Taysir cannot read raise a typed
    error that says what to do.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
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
    if head.startswith(CFB_MAGIC):
        _refuse_compound_file(path)
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError(
            f"{path.name}: this is a Rich Text Format (RTF) file, which Taysir does not read.",
            hint="Open it in Word or LibreOffice and save it as DOCX (or ODT), then send it again.",
        )
    text, _ = decode_text(head, html=True)
    if looks_binary(text):
        raise UnsupportedFormatError(f"{path.name}: this is not a document format Taysir reads.", hint=SEND_FORMATS)
    xml = _xml_format(path, text)
    if xml is not None:
        return xml
    return sniff_markup(text)


def _xml_format(path: Path, text: str) -> str | None:
    """Flat ODT, XHTML, or an XML file Taysir refuses; None when the text is not XML."""
    start = text.lstrip("\ufeff \t\r\n")
    if not start.startswith("<?xml") and not start.startswith("<office:document"):
        return None
    if FLAT_ODT.search(text):
        return "odt"
    root = re.match(r"<([A-Za-z_][\w.:-]*)", strip_leading_noise(text))
    if root is None:
        return None  # a declaration over text: sniffed as text, Markdown or HTML
    if root.group(1).lower() in HTML_ROOTS:
        return "html"
    if "<w:wordDocument" in text or "<pkg:package" in text:
        raise UnsupportedFormatError(
            f"{path.name}: this is a Word XML file (Word 2003 XML or Flat OPC), which Taysir does not read.",
            hint="Open it in Word and save it as a Word document (.docx), then send it again.",
        )
    if "<office:document" in text:
        raise UnsupportedFormatError(
            f"{path.name}: this flat OpenDocument file is not a text document (a spreadsheet or a presentation?).",
            hint=SEND_FORMATS,
        )
    raise UnsupportedFormatError(f"{path.name}: this XML file is not a document format Taysir reads.", hint=SEND_FORMATS)


def _refuse_compound_file(path: Path) -> None:
    """An OLE compound file: a password-protected Office document, or an old binary Office format."""
    names = stream_names(path)
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        raise InputError(f"{path.name}: the document is protected by a password, so Taysir cannot read it.", hint=WORD_PASSWORD_HINT)
    if "WordDocument" in names:
        raise UnsupportedFormatError(
            f"{path.name}: this is an old Word 97-2003 document (.doc), which Taysir does not read.",
            hint="Open it in Word or LibreOffice and save it as a Word document (.docx), then send it again.",
        )
    kind = "an Excel workbook" if {"Workbook", "Book"} & names else "a PowerPoint presentation" if "PowerPoint Document" in names else "an Office binary file"
    raise UnsupportedFormatError(f"{path.name}: this is {kind}, not a document Taysir reads.", hint=SEND_FORMATS)


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
                if mt in ODT_TYPES:
                    if _odf_encrypted(zf, names):
                        raise InputError(f"{path.name}: the document is protected by a password, so Taysir cannot read it.", hint=ODT_PASSWORD_HINT)
                    return "odt"
                raise UnsupportedFormatError(f"{path.name}: a {mt or 'zip'} package is not a text document Taysir reads.", hint=SEND_FORMATS)
            _refuse_other_package(path, names)
    except zipfile.BadZipFile:
        raise InputError(f"{path.name}: the file is a damaged ZIP package (truncated or corrupt).", hint="Save the document again and re-send it.") from None
    raise UnsupportedFormatError(
        f"{path.name}: this ZIP file is not a Word (DOCX) or OpenDocument (ODT) document.",
        hint="Send the document itself, not an archive.",
    )


def _odf_encrypted(zf: zipfile.ZipFile, names: set[str]) -> bool:
    """An OpenDocument package whose manifest declares encrypted parts."""
    if "META-INF/manifest.xml" not in names:
        return False
    with zf.open("META-INF/manifest.xml") as fh:
        manifest = fh.read(1024 * 1024)
    return b"encryption-data" in manifest


def _refuse_other_package(path: Path, names: set[str]) -> None:
    """Office packages that are not text documents, and a Word package without its document part."""
    if "[Content_Types].xml" in names or any(n.startswith(("word/", "_rels/")) for n in names):
        if any(n.startswith("xl/") for n in names):
            raise UnsupportedFormatError(f"{path.name}: this is an Excel workbook (XLSX), not a text document.", hint=SEND_FORMATS)
        if any(n.startswith("ppt/") for n in names):
            raise UnsupportedFormatError(f"{path.name}: this is a PowerPoint presentation (PPTX), not a text document.", hint=SEND_FORMATS)
        if any(n.startswith("word/") for n in names):
            raise InputError(
                f"{path.name}: the Word document is damaged: its main part (word/document.xml) is missing.",
                hint="Open it in Word (which offers to repair it), save it again and send it again.",
            )
