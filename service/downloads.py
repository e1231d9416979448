"""File downloads with HTTP caching and ranges: ETag (from the file's SHA-256), Last-Modified,
Cache-Control, 304 on If-None-Match / If-Modified-Since, 206 partial content and 416.

* ``HEAD`` answers the same headers without the body (every GET route also answers HEAD: app.py).
* An invalid ``Range`` (``bytes=5-1``, an unknown unit, garbage) is ignored and the whole file sent
  (RFC 9110 §14.2); a range that starts past the end is 416.
* ``Content-Disposition`` carries the name in UTF-8 (RFC 6266/8187 ``filename*``) and an ASCII
  ``filename`` for old clients: Arabic and accented names survive the download.
"""

from __future__ import annotations

import re
import unicodedata
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import FileResponse, Response
from starlette.responses import MalformedRangeHeader
from starlette.responses import RangeNotSatisfiable as _RangeNotSatisfiable

from .errors import NotFound, RangeNotSatisfiable

SMALL_FILE = 256 * 1024  # answered from one read (no thread hop per chunk); larger files stream
INLINE_PREFIXES = ("audio/", "video/", "text/", "image/", "application/pdf", "application/json")
SANDBOX_CSP = "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'"


def page_csp(script_hash: str) -> str:
    """The policy of a published accessible HTML page: its own read-along script (by hash) may run, nothing
    else. Still sandboxed (an opaque origin: no cookies, no storage of this site), no forms, no frames, no
    plug-ins, media and images from this server only."""
    return (f"sandbox allow-scripts; default-src 'none'; script-src {script_hash}; style-src 'unsafe-inline'; "
            "img-src 'self' data:; media-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _not_modified(request: Request, etag: str, mtime: float) -> bool:
    inm = request.headers.get("if-none-match")
    if inm is not None:
        tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
        return "*" in tags or etag in tags
    ims = request.headers.get("if-modified-since")
    if ims:
        try:
            return int(mtime) <= parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
    return False


def content_disposition(disposition: str, name: str) -> str:
    """``attachment; filename="deliberation.pdf"; filename*=UTF-8''d%C3%A9lib%C3%A9ration.pdf`` (RFC 6266)."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    fallback = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    fallback = re.sub(r"[^A-Za-z0-9._ -]+", "_", fallback).strip(" ._") or "download"
    ext = re.sub(r"[^A-Za-z0-9.]+", "", ext)
    fallback = f"{fallback}.{ext}" if ext else fallback
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


class _WholeFile(FileResponse):
    """A FileResponse that ignores the request's Range header (it was invalid)."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        scope = {**scope, "headers": [(k, v) for k, v in scope.get("headers", []) if k.lower() not in (b"range", b"if-range")]}
        await super().__call__(scope, receive, send)


def send_file(request: Request, path: Path, *, media_type: str, sha256: str, download_name: str, cache_control: str,
              csp: str = SANDBOX_CSP) -> Response:
    if not path.is_file():
        raise NotFound(f"The file {download_name} is no longer on the server.", code="file_missing")
    st = path.stat()
    etag = f'"{sha256[:40]}"'
    headers = {
        "ETag": etag,
        "Cache-Control": cache_control,
        "Last-Modified": formatdate(st.st_mtime, usegmt=True),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": csp,
        "Accept-Ranges": "bytes",
    }
    if _not_modified(request, etag, st.st_mtime):
        return Response(status_code=304, headers=headers)
    rng = request.headers.get("range")
    if rng:
        try:
            FileResponse._parse_range_header(rng, st.st_size)
        except _RangeNotSatisfiable:
            raise RangeNotSatisfiable(f"The range {rng[:60]!r} starts past the end of the file ({st.st_size} bytes).",
                                      headers={"Content-Range": f"bytes */{st.st_size}"}) from None
        except MalformedRangeHeader:
            rng = None  # RFC 9110 §14.2: an invalid Range is ignored, the whole file is sent
    disposition = "inline" if media_type.startswith(INLINE_PREFIXES) else "attachment"
    headers["Content-Disposition"] = content_disposition(disposition, download_name)
    if st.st_size <= SMALL_FILE:
        return _small(path, st.st_size, rng, media_type, headers)
    cls = FileResponse if rng else _WholeFile
    return cls(path, media_type=media_type, headers=headers, stat_result=st)


def _small(path: Path, size: int, rng: str | None, media_type: str, headers: dict[str, str]) -> Response:
    data = path.read_bytes()
    if rng:
        ranges = FileResponse._parse_range_header(rng, size)
        if len(ranges) == 1:
            start, end = ranges[0]
            headers = {**headers, "Content-Range": f"bytes {start}-{end - 1}/{size}"}
            return Response(data[start:end], status_code=206, media_type=media_type, headers=headers)
        # several ranges: let FileResponse build the multipart/byteranges answer
        return FileResponse(path, media_type=media_type, headers=headers)
    return Response(data, media_type=media_type, headers=headers)
