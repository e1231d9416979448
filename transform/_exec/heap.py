"""Give the heap memory Python has freed back to the system before a large child process starts.

glibc's allocator keeps freed blocks in its arenas, so after the narration and the captions of a
long document the conversion's process stays about 50 MB larger than what it uses; the DOCX
writer (pandoc) and the video (ffmpeg) then run beside that. ``malloc_trim(0)`` returns the free
pages (a few milliseconds); with another C library it is not there and nothing is done.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():  # type: ignore[no-untyped-def]
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def trim_heap() -> bool:
    """Return freed heap pages to the system; True when the C library could do it."""
    fn = _malloc_trim()
    if fn is None:
        return False
    fn(0)
    return True
