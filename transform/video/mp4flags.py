"""Switch the soft subtitle track of an MP4 off by default.

ffmpeg's MP4 muxer marks the first track of every kind "enabled" (the flag
players read as "show by default"), and no command-line option changes that
for subtitles. Our captions are already burned into the picture, and a player
drawing the soft track at the bottom centre could also cover the signer region,
so after muxing we clear the ``enabled`` bit in the ``tkhd`` box of text tracks.
The file is edited in place without changing any size.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

TEXT_HANDLERS = {b"sbtl", b"text", b"subt"}
_ENABLED = 0x1


def _boxes(buf: bytes | bytearray, start: int, end: int) -> Iterator[tuple[bytes, int, int, int]]:
    """(type, box start, payload start, box end) of the boxes in ``buf[start:end]``."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", buf, pos)
        head = 8
        if size == 1:
            if pos + 16 > end:
                return
            size = struct.unpack_from(">Q", buf, pos + 8)[0]
            head = 16
        elif size == 0:
            size = end - pos
        if size < head or pos + size > end:
            return
        yield kind, pos, pos + head, pos + size
        pos += size


def _find(buf: bytearray, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for k, _, payload, box_end in _boxes(buf, start, end):
        if k == kind:
            return payload, box_end
    return None


def disable_text_tracks(path: Path) -> int:
    """Clear the ``enabled`` flag of every subtitle/text track; returns how many were changed."""
    with open(path, "r+b") as fh:
        size = fh.seek(0, 2)
        pos = 0
        while pos + 8 <= size:
            fh.seek(pos)
            head = fh.read(16)
            box, kind = struct.unpack_from(">I4s", head, 0)
            if box == 1:
                box = struct.unpack_from(">Q", head, 8)[0]
            elif box == 0:
                box = size - pos
            if box < 8:
                return 0
            if kind == b"moov":
                fh.seek(pos)
                moov = bytearray(fh.read(box))
                changed = _clear(moov)
                if changed:
                    fh.seek(pos)
                    fh.write(moov)
                return changed
            pos += box
    return 0


def _clear(moov: bytearray) -> int:
    changed = 0
    top = next(_boxes(moov, 0, len(moov)), None)
    if top is None:
        return 0
    _, _, payload, end = top
    for kind, _, trak_payload, trak_end in _boxes(moov, payload, end):
        if kind != b"trak":
            continue
        tkhd = _find(moov, trak_payload, trak_end, b"tkhd")
        mdia = _find(moov, trak_payload, trak_end, b"mdia")
        hdlr = _find(moov, mdia[0], mdia[1], b"hdlr") if mdia else None
        if tkhd is None or hdlr is None or hdlr[0] + 12 > hdlr[1]:
            continue
        handler = bytes(moov[hdlr[0] + 8 : hdlr[0] + 12])  # version/flags, pre_defined, handler_type
        if handler in TEXT_HANDLERS:
            flags_at = tkhd[0] + 3  # last byte of the 24-bit flags after the version byte
            if moov[flags_at] & _ENABLED:
                moov[flags_at] &= ~_ENABLED & 0xFF
                changed += 1
    return changed
