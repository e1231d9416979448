"""Pausing the cyclic garbage collector around bounded loops that only build up data."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block.

    Loops that allocate many small objects that all stay alive until their result is returned
    (PDF lines and runs; braille paragraphs, lines and pages) gain nothing from collections:
    each one walks every tracked object of the process (the whole document model included) and
    frees nothing. Use it only around such bounded loops. Collection resumes afterwards, and is
    left alone if the caller had already turned it off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
