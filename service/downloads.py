"""File downloads with HTTP caching and ranges: ETag (from the file's SHA-256), Last-Modified,
Cache-Control, 304 on If-None-Match / If-Modified-Since, 206 partial content and 416."""

from __future__ import annotations

from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import FileResponse, Response
from starlette.responses import MalformedRangeHeader
from starlette.responses import RangeNotSatisfiable as _RangeNotSatisfiable

from .errors import BadRequest, NotFound, RangeNotSatisfiable

SMALL_FILE = 256 * 1024  # answered from one read (no thread hop per chunk); larger files stream
INLINE_PREFIXES = ("audio/", "video/", "text/", "image/", "application/pdf", "application/json")
SANDBOX_CSP = "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'"


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


def send_file(request: Request, path: Path, *, media_type: str, sha256: str, download_name: str, cache_control: str) -> Response:
    if not path.is_file():
        raise NotFound(f"The file {download_name} is no longer on the server.", code="file_missing")
    st = path.stat()
    etag = f'"{sha256[:40]}"'
    headers = {
        "ETag": etag,
        "Cache-Control": cache_control,
        "Last-Modified": formatdate(st.st_mtime, usegmt=True),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": SANDBOX_CSP,
        "Accept-Ranges": "bytes",
    }
    if _not_modified(request, etag, st.st_mtime):
        return Response(status_code=304, headers=headers)
    rng = request.headers.get("range")
    if rng:
        try:
            FileResponse._parse_range_header(rng, st.st_size)
        except _RangeNotSatisfiable:
            raise RangeNotSatisfiable(f"The range {rng!r} is outside the file ({st.st_size} bytes).",
                                      headers={"Content-Range": f"bytes */{st.st_size}"}) from None
        except MalformedRangeHeader:
            raise BadRequest(f"Malformed Range header: {rng!r}.", code="bad_range") from None
    disposition = "inline" if media_type.startswith(INLINE_PREFIXES) else "attachment"
    if st.st_size <= SMALL_FILE:
        return _small(path, st.st_size, rng, media_type, headers, disposition, download_name)
    return FileResponse(path, media_type=media_type, headers=headers, filename=download_name, content_disposition_type=disposition,
                        stat_result=st)


def _small(path: Path, size: int, rng: str | None, media_type: str, headers: dict[str, str], disposition: str, name: str) -> Response:
    data = path.read_bytes()
    headers = {**headers, "Content-Disposition": f"{disposition}; filename*=utf-8''{quote(name)}"}
    if rng:
        ranges = FileResponse._parse_range_header(rng, size)
        if len(ranges) == 1:
            start, end = ranges[0]
            headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
            return Response(data[start:end], status_code=206, media_type=media_type, headers=headers)
        # several ranges: let FileResponse build the multipart/byteranges answer
        return FileResponse(path, media_type=media_type, headers=headers)
    return Response(data, media_type=media_type, headers=headers)
