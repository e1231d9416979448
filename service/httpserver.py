"""How ``taysir serve`` runs uvicorn: a header deadline, a header size cap, a connection limit.

uvicorn's ``timeout_keep_alive`` only closes a connection that is idle *between* requests; once a
client has sent one byte of a request, nothing limits how long it may take to send the rest of the
headers (slowloris: 300 connections trickling a header line every few seconds stayed open 60 s and
more). :class:`GuardedHttpToolsProtocol` (and its h11 twin) give every request ``TAYSIR_HEADER_TIMEOUT_S``
from its first byte to the end of its headers, and at most ``MAX_HEADER_BYTES`` of headers; past
either, the connection gets a 408 or 431 and is closed. The body is guarded by the ASGI middleware
``service/guard.py`` (size, idle and minimum-rate deadlines).
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

log = logging.getLogger("service.http")
MAX_HEADER_BYTES = 64 * 1024
_TIMEOUT_ENV = "TAYSIR_HEADER_TIMEOUT_S"
HEADER_TIMEOUT_S = float(os.environ.get(_TIMEOUT_ENV) or 10)


class _HeaderDeadline:
    """Mixed into uvicorn's protocol classes; both create ``self.cycle`` when a request's headers are complete."""

    _hd_timer: asyncio.TimerHandle | None = None
    _hd_bytes = 0

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._hd_arm()

    def data_received(self, data: bytes) -> None:
        cycle = getattr(self, "cycle", None)
        waiting = cycle is None or cycle.response_complete  # between requests: these bytes start the next one
        super().data_received(data)  # type: ignore[misc]
        if getattr(self, "cycle", None) is not cycle:  # the headers are complete: a request started
            if self._hd_timer is not None:
                self._hd_disarm()
            self._hd_bytes = 0
        elif waiting:  # headers still incomplete (the usual request sends them in one packet: no timer at all)
            if self._hd_timer is None:
                self._hd_arm()
            self._hd_bytes += len(data)
            if self._hd_bytes > MAX_HEADER_BYTES:
                self._hd_refuse(431, b"Request Header Fields Too Large", "headers larger than 64 KiB")

    def connection_lost(self, exc: Exception | None) -> None:
        self._hd_disarm()
        super().connection_lost(exc)  # type: ignore[misc]

    def _hd_arm(self) -> None:
        if self._hd_timer is not None:
            self._hd_timer.cancel()
        loop = getattr(self, "loop", None) or asyncio.get_event_loop()
        self._hd_timer = loop.call_later(HEADER_TIMEOUT_S, self._hd_expired)

    def _hd_disarm(self) -> None:
        if self._hd_timer is not None:
            self._hd_timer.cancel()
            self._hd_timer = None
        self._hd_bytes = 0

    def _hd_expired(self) -> None:
        self._hd_timer = None
        cycle = getattr(self, "cycle", None)
        if cycle is not None and not cycle.response_complete:
            return  # a request is being served (its body has its own deadlines)
        if self._hd_bytes:
            self._hd_refuse(408, b"Request Timeout", f"headers not complete within {HEADER_TIMEOUT_S:g} s")
        else:
            self._hd_close()

    def _hd_refuse(self, status: int, reason: bytes, why: str) -> None:
        transport = getattr(self, "transport", None)
        if transport is None or transport.is_closing():
            return
        client = getattr(self, "client", None)
        log.info("%s: %s; connection closed", f"{client[0]}:{client[1]}" if client else "client", why)
        body = b'{"error":{"code":"request_timeout","message":"The request headers arrived too slowly.","hint":null}}' \
            if status == 408 else b'{"error":{"code":"headers_too_large","message":"The request headers are too large.","hint":null}}'
        transport.write(b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\nconnection: close\r\n\r\n%s"
                        % (status, reason, len(body), body))
        self._hd_close()

    def _hd_close(self) -> None:
        self._hd_disarm()
        transport = getattr(self, "transport", None)
        if transport is not None and not transport.is_closing():
            transport.close()


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class GuardedHttpToolsProtocol(_HeaderDeadline, HttpToolsProtocol):  # type: ignore[misc]
        pass
except ImportError:  # pragma: no cover - httptools not installed
    GuardedHttpToolsProtocol = None  # type: ignore[assignment,misc]

from uvicorn.protocols.http.h11_impl import H11Protocol  # noqa: E402


class GuardedH11Protocol(_HeaderDeadline, H11Protocol):
    pass


def uvicorn_options(settings: Any) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run`` (also exported for spawned API processes)."""
    global HEADER_TIMEOUT_S
    HEADER_TIMEOUT_S = float(settings.header_timeout_s)
    os.environ[_TIMEOUT_ENV] = str(settings.header_timeout_s)  # API processes spawned by `--processes N`
    proto = "service.httpserver:GuardedHttpToolsProtocol" if GuardedHttpToolsProtocol is not None else "service.httpserver:GuardedH11Protocol"
    return {
        "http": proto,
        "timeout_keep_alive": 5,
        "limit_concurrency": settings.max_connections,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
    }
