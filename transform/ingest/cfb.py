"""Names of the streams in an OLE compound file (CFB), enough to tell what an Office file is.

A password-protected DOCX (XLSX, PPTX) is not a ZIP: Office wraps the encrypted package in a
compound file with the streams ``EncryptionInfo`` and ``EncryptedPackage``. Word 97-2003
documents (``.doc``) are compound files with a ``WordDocument`` stream. Only the directory is
read (header, FAT sectors it needs, directory sectors), with bounded work; a damaged
directory falls back to looking for the UTF-16 names in the first megabytes.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END_OF_CHAIN = 0xFFFFFFFE
MAX_SECTORS = 20_000  # directory + FAT sectors followed at most
SCAN_BYTES = 8 * 1024 * 1024
KNOWN = ("EncryptionInfo", "EncryptedPackage", "WordDocument", "Workbook", "PowerPoint Document", "Book")


def stream_names(path: Path) -> set[str]:
    """The directory entry names of a compound file (empty when it cannot be read at all)."""
    try:
        with path.open("rb") as fh:
            return _directory(fh)
    except (OSError, ValueError, struct.error):
        pass
    try:
        with path.open("rb") as fh:
            data = fh.read(SCAN_BYTES)
    except OSError:
        return set()
    return {name for name in KNOWN if name.encode("utf-16-le") in data}


def _directory(fh) -> set[str]:  # type: ignore[no-untyped-def]
    header = fh.read(512)
    if len(header) < 512 or not header.startswith(MAGIC):
        raise ValueError("not a compound file")
    shift = struct.unpack_from("<H", header, 0x1E)[0]
    if shift not in (9, 12):
        raise ValueError("bad sector size")
    size = 1 << shift
    first_dir = struct.unpack_from("<I", header, 0x30)[0]
    difat = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < 0xFFFFFFFA]
    next_difat, n_difat = struct.unpack_from("<II", header, 0x44)
    per = size // 4
    while next_difat < 0xFFFFFFFA and n_difat > 0 and len(difat) < MAX_SECTORS:
        block = _sector(fh, next_difat, size)
        entries = struct.unpack_from(f"<{per}I", block)
        difat.extend(s for s in entries[:-1] if s < 0xFFFFFFFA)
        next_difat, n_difat = entries[-1], n_difat - 1
    fat_cache: dict[int, tuple[int, ...]] = {}

    def next_sector(s: int) -> int:
        idx, off = divmod(s, per)
        if idx >= len(difat):
            raise ValueError("sector outside the FAT")
        if idx not in fat_cache:
            fat_cache[idx] = struct.unpack_from(f"<{per}I", _sector(fh, difat[idx], size))
        return fat_cache[idx][off]

    names: set[str] = set()
    s, seen = first_dir, set[int]()
    while s != END_OF_CHAIN:
        if s in seen or len(seen) >= MAX_SECTORS or s >= 0xFFFFFFFA:
            raise ValueError("broken directory chain")
        seen.add(s)
        block = _sector(fh, s, size)
        for off in range(0, size, 128):
            n = struct.unpack_from("<H", block, off + 0x40)[0]
            kind = block[off + 0x42]
            if kind in (1, 2, 5) and 2 <= n <= 64:
                names.add(block[off : off + n - 2].decode("utf-16-le", "replace"))
        s = next_sector(s)
    return names


def _sector(fh, n: int, size: int) -> bytes:  # type: ignore[no-untyped-def]
    fh.seek((n + 1) * size)
    data = fh.read(size)
    if len(data) < size:
        raise ValueError("sector past the end of the file")
    return data
