"""Streaming multipart parser: files go straight to disk with a running size limit (D10).

FastAPI's ``UploadFile`` has no size limit; here the request body is read chunk by chunk,
every file part is written to its own file as it arrives, and the upload stops with 413 as
soon as the total passes the limit. Memory stays flat whatever the upload size.

Hardening (issue 21):

* file names are read from the raw header bytes: UTF-8 (RFC 7578 §4.2, what browsers send), the
  RFC 5987/8187 ``filename*=UTF-8''...`` form (it wins over ``filename``), Latin-1 from old clients;
  they are display names only (NFC, no folders, control or bidi characters) and never form a path;
* the boundary must be 1-70 characters (RFC 2046); a body without its closing boundary is refused;
* limits on parts, fields, header size; the free-space reserve is checked while writing;
* errors are plain sentences; the parser's own message goes to the log.
"""

from __future__ import annotations

import logging
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote_to_bytes

from fastapi import Request
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect

from .errors import BadRequest, InsufficientStorage, PayloadTooLarge, ServiceError
from .storage import Storage, is_disk_full

log = logging.getLogger("service.uploads")

MAX_FIELD_BYTES = 1024 * 1024  # one non-file field (the options JSON)
MAX_FIELDS_BYTES = 2 * 1024 * 1024  # all non-file fields together
MAX_FIELDS = 32  # non-file parts
MAX_PART_HEADER_BYTES = 8 * 1024
MAX_PART_HEADERS = 16
MAX_BOUNDARY = 70  # RFC 2046 §5.1.1
SPACE_CHECK_EVERY = 4 * 1024 * 1024  # bytes written between two looks at the free space
BCHARS = re.compile(r"^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$")
BAD_BODY_HINT = "Send the files as multipart/form-data, e.g. curl -F files=@budget.pdf URL, and send it again if the connection was cut."


@dataclass
class UploadedFile:
    field: str
    filename: str
    path: Path
    size: int = 0


@dataclass
class ParsedForm:
    files: list[UploadedFile] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


def clean_filename(name: str) -> str:
    """A display name: NFC, no folders, no control or bidi-override characters, at most 200 characters."""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip().strip(".")[:200] or "document"


# -- Content-Disposition (RFC 6266 syntax, RFC 7578 for forms, RFC 8187 for ext-values) ----------
_TOKEN = re.compile(rb"\s*([^\s;=]+)\s*")


def _text(raw: bytes) -> str:
    """Header bytes as text: UTF-8 when they are UTF-8 (browsers, curl), else Latin-1 (old clients)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _ext_value(raw: bytes) -> str | None:
    """``charset'lang'pct-encoded`` (RFC 8187): the decoded text, or None when malformed."""
    parts = raw.split(b"'", 2)
    if len(parts) != 3:
        return None
    charset = parts[0].decode("ascii", "replace").strip().lower() or "utf-8"
    data = unquote_to_bytes(parts[2])
    if charset in ("utf-8", "utf8"):
        return data.decode("utf-8", "replace")
    if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii"):
        return data.decode("latin-1")
    return _text(data)


def parse_disposition(raw: bytes) -> tuple[str, dict[str, str]]:
    """``form-data; name="files"; filename="قرار.pdf"`` -> ("form-data", {"name": ..., "filename": ...}).

    Quoted strings may hold raw UTF-8 and backslash escapes; ``name*``/``filename*`` (RFC 8187) win
    over the plain forms; the ``%22``, ``%0D``, ``%0A`` escapes browsers use inside quotes are undone.
    """
    pos, n = 0, len(raw)
    m = _TOKEN.match(raw, pos)
    kind = m.group(1).decode("latin-1").lower() if m else ""
    pos = m.end() if m else 0
    plain: dict[str, str] = {}
    ext: dict[str, str] = {}
    while pos < n:
        semi = raw.find(b";", pos)
        if semi < 0:
            break
        pos = semi + 1
        m = _TOKEN.match(raw, pos)
        if not m:
            break
        key = m.group(1).decode("latin-1").lower()
        pos = m.end()
        if pos >= n or raw[pos:pos + 1] != b"=":
            continue
        pos += 1
        while pos < n and raw[pos:pos + 1] in (b" ", b"\t"):
            pos += 1
        if raw[pos:pos + 1] == b'"':
            out = bytearray()
            pos += 1
            while pos < n and raw[pos:pos + 1] != b'"':
                if raw[pos:pos + 1] == b"\\" and pos + 1 < n:
                    pos += 1
                out += raw[pos:pos + 1]
                pos += 1
            pos += 1
            value = bytes(out)
        else:
            end = raw.find(b";", pos)
            end = n if end < 0 else end
            value = raw[pos:end].strip()
            pos = end
        if key.endswith("*"):
            decoded = _ext_value(value)
            if decoded is not None:
                ext[key[:-1]] = decoded
        else:
            plain[key] = _text(value).replace("%22", '"').replace("%0D", "\r").replace("%0A", "\n")
    return kind, {**plain, **ext}


class _Collector:
    def __init__(self, dest: Path, max_files: int, storage: Storage | None) -> None:
        self.dest, self.max_files, self.storage = dest, max_files, storage
        self.form = ParsedForm()
        self.headers: dict[str, bytes] = {}
        self._hname = self._hvalue = b""
        self._header_bytes = 0
        self._fh: IO[bytes] | None = None
        self._file: UploadedFile | None = None
        self._field: str | None = None
        self._buf = bytearray()
        self._fields_bytes = 0
        self._parts = 0
        self._since_check = 0
        self.ended = False

    def callbacks(self) -> dict[str, Any]:
        return {
            "on_part_begin": self.part_begin, "on_header_field": self.header_field, "on_header_value": self.header_value,
            "on_header_end": self.header_end, "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
            "on_part_end": self.part_end, "on_end": self.end,
        }

    def part_begin(self) -> None:
        self._parts += 1
        if self._parts > self.max_files + MAX_FIELDS:
            raise BadRequest(f"The form has too many parts (at most {self.max_files} files and {MAX_FIELDS} other fields).",
                             code="too_many_parts", hint="Send fewer fields; split the batch into several jobs.")
        self.headers, self._file, self._field, self._buf = {}, None, None, bytearray()
        self._header_bytes = 0

    def _count_header(self, size: int) -> None:
        self._header_bytes += size
        if self._header_bytes > MAX_PART_HEADER_BYTES or len(self.headers) >= MAX_PART_HEADERS:
            raise BadRequest("A part of the form has headers that are too large.", code="bad_upload", hint=BAD_BODY_HINT)

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._count_header(end - start)
        self._hname += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._count_header(end - start)
        self._hvalue += data[start:end]

    def header_end(self) -> None:
        self.headers[self._hname.decode("latin-1").lower()] = self._hvalue
        self._hname = self._hvalue = b""

    def headers_finished(self) -> None:
        _kind, params = parse_disposition(self.headers.get("content-disposition", b""))
        name = params.get("name", "")
        fname = params.get("filename")
        if fname is None:
            self._field = name
            return
        if not fname:  # an empty file input
            return
        if len(self.form.files) >= self.max_files:
            raise BadRequest(f"Too many files: at most {self.max_files} per job.", code="too_many_files",
                             hint="Split the batch into several jobs.")
        path = self.dest / f"{len(self.form.files):03d}.upload"  # the name never forms a path
        self._file = UploadedFile(field=name, filename=clean_filename(fname), path=path)
        self._fh = path.open("wb")
        self.form.files.append(self._file)

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None and self._fh is not None:
            self._fh.write(data[start:end])
            self._file.size += end - start
            self._since_check += end - start
            if self.storage is not None and self._since_check >= SPACE_CHECK_EVERY:
                self._since_check = 0
                self.storage.check_room()
        elif self._field is not None:
            self._buf += data[start:end]
            self._fields_bytes += end - start
            if len(self._buf) > MAX_FIELD_BYTES:
                raise PayloadTooLarge(f"The form field {self._field[:40]!r} is larger than 1 MiB.")
            if self._fields_bytes > MAX_FIELDS_BYTES:
                raise PayloadTooLarge("The form fields other than files are larger than 2 MiB together.")

    def part_end(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        elif self._field is not None:
            self.form.fields[self._field] = self._buf.decode("utf-8", "replace")
        self._file, self._field = None, None

    def end(self) -> None:
        self.ended = True

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def _boundary(request: Request) -> bytes:
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or b"boundary" not in params:
        raise BadRequest("Send the files as multipart/form-data.", code="bad_upload",
                         hint="e.g. curl -F files=@budget.pdf -F 'options={\"outputs\":[\"braille\"]}' ...")
    boundary = params[b"boundary"]
    text = boundary.decode("latin-1")
    if len(boundary) > MAX_BOUNDARY or not BCHARS.match(text):
        raise BadRequest(f"The multipart boundary is not valid: it must be 1 to {MAX_BOUNDARY} letters, digits or "
                         "the characters '()+_,-./:=? (RFC 2046).", code="bad_upload",
                         hint="Let your HTTP client build the multipart body (curl -F, requests files=...).")
    return boundary


async def receive_multipart(request: Request, dest: Path, *, max_bytes: int, max_files: int,
                            storage: Storage | None = None) -> ParsedForm:
    """Parse a multipart/form-data body into ``dest``; 400/413/507 on bad, oversized or unstorable uploads."""
    boundary = _boundary(request)
    limit_mb = max_bytes / (1024 * 1024)
    too_large = PayloadTooLarge(f"The upload is larger than the limit of {limit_mb:g} MiB.", hint="Send fewer or smaller files per job.")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + 64 * 1024:
        raise too_large
    if storage is not None:
        storage.check_room(int(declared) if declared and declared.isdigit() else 0)
    dest.mkdir(parents=True, exist_ok=True)
    collector = _Collector(dest, max_files, storage)
    total = 0
    try:
        parser = MultipartParser(boundary, collector.callbacks())  # type: ignore[arg-type]
        async for chunk in request.stream():
            total += len(chunk)
            if total > max_bytes + 64 * 1024:  # a little room for the multipart framing and the options field
                raise too_large
            parser.write(chunk)
        parser.finalize()
        if not collector.ended:
            raise BadRequest("The upload is incomplete: the multipart body ends before its closing boundary.", code="incomplete_upload",
                             hint="The connection may have been cut; send the files again.")
    except (ServiceError, ClientDisconnect):
        collector.close()
        shutil.rmtree(dest, ignore_errors=True)
        raise
    except OSError as exc:
        collector.close()
        shutil.rmtree(dest, ignore_errors=True)
        if is_disk_full(exc):
            raise InsufficientStorage("The server's disk is full: the upload could not be stored.",
                                      hint="Try again later. An administrator must free space (delete old jobs).") from None
        raise
    except Exception as exc:  # python_multipart.exceptions.MultipartParseError and friends: detail in the log only
        collector.close()
        shutil.rmtree(dest, ignore_errors=True)
        log.info("multipart body refused: %s: %s", type(exc).__name__, exc)
        raise BadRequest("The upload is not a well-formed multipart/form-data body.", code="bad_upload", hint=BAD_BODY_HINT) from None
    collector.close()
    if sum(f.size for f in collector.form.files) > max_bytes:
        shutil.rmtree(dest, ignore_errors=True)
        raise too_large
    return collector.form
