"""Streaming multipart parser: files go straight to disk with a running size limit (D10).

FastAPI's ``UploadFile`` has no size limit; here the request body is read chunk by chunk,
every file part is written to its own file as it arrives, and the upload stops with 413 as
soon as the total passes the limit. Memory stays flat whatever the upload size.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from fastapi import Request
from python_multipart.multipart import MultipartParser, parse_options_header

from .errors import BadRequest, PayloadTooLarge

MAX_FIELD_BYTES = 1024 * 1024


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
    """A display name: no folders, no control or bidi-override characters, at most 200 characters."""
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip().strip(".")[:200] or "document"


class _Collector:
    def __init__(self, dest: Path, max_files: int) -> None:
        self.dest, self.max_files = dest, max_files
        self.form = ParsedForm()
        self.headers: dict[str, str] = {}
        self._hname = self._hvalue = b""
        self._fh: IO[bytes] | None = None
        self._file: UploadedFile | None = None
        self._field: str | None = None
        self._buf = bytearray()

    def callbacks(self) -> dict[str, Any]:
        return {
            "on_part_begin": self.part_begin, "on_header_field": self.header_field, "on_header_value": self.header_value,
            "on_header_end": self.header_end, "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self.headers, self._file, self._field, self._buf = {}, None, None, bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._hname += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._hvalue += data[start:end]

    def header_end(self) -> None:
        self.headers[self._hname.decode("latin-1").lower()] = self._hvalue.decode("utf-8", "replace")
        self._hname = self._hvalue = b""

    def headers_finished(self) -> None:
        _, params = parse_options_header(self.headers.get("content-disposition", ""))
        name = params.get(b"name", b"").decode("utf-8", "replace")
        filename = params.get(b"filename")
        if filename is None:
            self._field = name
            return
        fname = filename.decode("utf-8", "replace")
        if not fname:  # an empty file input
            return
        if len(self.form.files) >= self.max_files:
            raise BadRequest(f"Too many files: at most {self.max_files} per job.", code="too_many_files",
                             hint="Split the batch into several jobs.")
        path = self.dest / f"{len(self.form.files):03d}.upload"
        self._file = UploadedFile(field=name, filename=clean_filename(fname), path=path)
        self._fh = path.open("wb")
        self.form.files.append(self._file)

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None and self._fh is not None:
            self._fh.write(data[start:end])
            self._file.size += end - start
        elif self._field is not None:
            self._buf += data[start:end]
            if len(self._buf) > MAX_FIELD_BYTES:
                raise PayloadTooLarge(f"The form field {self._field!r} is larger than 1 MiB.")

    def part_end(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        elif self._field is not None:
            self.form.fields[self._field] = self._buf.decode("utf-8", "replace")
        self._file, self._field = None, None

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


async def receive_multipart(request: Request, dest: Path, *, max_bytes: int, max_files: int) -> ParsedForm:
    """Parse a multipart/form-data body into ``dest``; 400/413 on bad or oversized uploads."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or b"boundary" not in params:
        raise BadRequest("Send the files as multipart/form-data.", code="bad_upload",
                         hint="e.g. curl -F files=@budget.pdf -F 'options={\"outputs\":[\"braille\"]}' ...")
    limit_mb = max_bytes / (1024 * 1024)
    too_large = PayloadTooLarge(f"The upload is larger than the limit of {limit_mb:g} MiB.", hint="Send fewer or smaller files per job.")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + 64 * 1024:
        raise too_large
    dest.mkdir(parents=True, exist_ok=True)
    collector = _Collector(dest, max_files)
    parser = MultipartParser(params[b"boundary"], collector.callbacks())  # type: ignore[arg-type]
    total = 0
    try:
        async for chunk in request.stream():
            total += len(chunk)
            if total > max_bytes + 64 * 1024:  # a little room for the multipart framing and the options field
                raise too_large
            parser.write(chunk)
        parser.finalize()
    except (BadRequest, PayloadTooLarge):
        collector.close()
        shutil.rmtree(dest, ignore_errors=True)
        raise
    except Exception as exc:  # python_multipart.exceptions.MultipartParseError and friends
        collector.close()
        shutil.rmtree(dest, ignore_errors=True)
        raise BadRequest(f"The multipart body could not be read: {exc}.", code="bad_upload") from None
    collector.close()
    if sum(f.size for f in collector.form.files) > max_bytes:
        shutil.rmtree(dest, ignore_errors=True)
        raise too_large
    return collector.form
