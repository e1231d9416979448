"""One walk over a page's objects for the passes that read its paths one after the other (twenty-third session).

The underline search (:func:`pdf_underlines._thin_rules`) and the box-row search (:func:`pdf_boxes._page_paths`)
each walked a page's objects in one native call, and on most pages of a text layer both ran: pdfium's
``FPDFPage_GetObject`` checks the page's ``/Type`` at every call (about 1,400 instructions an object), which
made the two walks a quarter of a percent of a French text layer's reading. Inside :func:`walked` (around the
two passes in :meth:`pdf.PdfIngester._read_page`) the first pass that walks the page keeps its object handles
(``_chars.page_objects``) and the second reads them; outside it, or without the extension, each pass walks as
before. The handles hold while the page is open and no object is added or removed, which the block guarantees:
nothing between the two passes changes the page, and the handles are forgotten when the block ends.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .pdf_calls import _NATIVE, _OBJECT_ADDRESSES

_OBJECTS = _NATIVE if hasattr(_NATIVE, "page_objects") and all(_OBJECT_ADDRESSES) else None
_OPEN: dict[int, list[bytes | None]] = {}  # id of a page inside `walked` -> [its handles once walked]


@contextmanager
def walked(page: Any) -> Iterator[None]:
    """The page's objects walked at most once by the passes run inside the block."""
    if _OBJECTS is None:
        yield
        return
    key = id(page)
    _OPEN[key] = []
    try:
        yield
    finally:
        _OPEN.pop(key, None)


def objects_arg(page: Any, max_objects: int) -> tuple[bytes | None, ...]:
    """The optional last argument of ``_chars.thin_rules`` / ``path_boxes``: ``(handles or None,)``, or ``()`` when
    the built extension predates it (an older ``.so``: the native calls keep their old arguments)."""
    return () if _OBJECTS is None else (objects(page, max_objects),)


def objects(page: Any, max_objects: int) -> bytes | None:
    """The page's object handles for ``_chars.thin_rules`` / ``path_boxes`` (their last argument): walked on the
    first call inside :func:`walked`; None outside it (the caller's native call walks the page itself) or on a page
    of more than ``max_objects`` objects."""
    held = _OPEN.get(id(page))
    if held is None or _OBJECTS is None:
        return None
    if not held:
        held.append(_OBJECTS.page_objects(_OBJECT_ADDRESSES, ctypes.cast(page.raw, ctypes.c_void_p).value, max_objects))
    return held[0]
