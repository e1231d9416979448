"""Text that can be written: no UTF-16 surrogates anywhere in a document that leaves an ingester.

Characters outside the Basic Multilingual Plane (emoji, mathematical letters such as 𝐀 or 𝔸,
rare CJK) are two UTF-16 units. A reader that goes through UTF-16 one unit at a time (pdfium's
per-character calls) yields the two halves as separate "characters": lone surrogates, which
Python keeps in a ``str`` but no encoder writes (``surrogates not allowed``), so JSON dumps,
file writes and terminal output fail and leave empty files behind. File names that are not
valid UTF-8 arrive the same way (Python decodes them with ``surrogateescape``).

:func:`repair_document` runs on every document an ingester returns: a high+low pair becomes
the character it encodes (also when right-to-left reordering put the halves the wrong way
round), a lone half becomes U+FFFD. The walk is generic over the model, so new text fields are
covered without a change here. An ingester that has checked every text it put in the document
(:func:`has_surrogates` on its sources) says so with :func:`mark_clean`, and the walk is skipped
for that document.
"""

from __future__ import annotations

import os
import re
import threading
import weakref
from pathlib import Path

from pydantic import BaseModel

from .encoding import guess_encoding

_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\udc00-\udfff][\ud800-\udbff]")


def _join(m: re.Match[str]) -> str:
    pair = m.group(0)
    hi, lo = (pair[0], pair[1]) if pair[0] < pair[1] else (pair[1], pair[0])
    return chr(0x10000 + ((ord(hi) - 0xD800) << 10) + (ord(lo) - 0xDC00))


def fix_surrogates(text: str) -> str:
    """Join surrogate pairs into their character; replace lone surrogates with U+FFFD."""
    return _fix_str(text)


def _fix_str(text: str) -> str:
    return text if text.isascii() or not _SURROGATE.search(text) else _SURROGATE.sub("\ufffd", _PAIR.sub(_join, text))


def _fix_model(model: BaseModel) -> None:
    fields = model.__dict__
    for key, item in fields.items():
        kind = type(item)
        if kind is str:
            if not item.isascii() and _SURROGATE.search(item):
                fields[key] = _fix_str(item)
        elif kind is list:
            _fix_list(item)
        elif isinstance(item, BaseModel):
            _fix_model(item)
        elif kind is dict:
            for k, v in item.items():
                if type(v) is str:
                    item[k] = _fix_str(v)


def _fix_list(items: list[object]) -> None:
    for i, item in enumerate(items):
        if type(item) is str:
            items[i] = _fix_str(item)  # type: ignore[arg-type]
        elif isinstance(item, BaseModel):
            _fix_model(item)
        elif type(item) is list:
            _fix_list(item)  # type: ignore[arg-type]


_CLEAN: dict[int, weakref.ref[BaseModel]] = {}  # documents whose ingester saw no surrogate in any of their texts
_CLEAN_LOCK = threading.Lock()


def has_surrogates(texts: list[str]) -> bool:
    """Does any of ``texts`` hold a UTF-16 surrogate half (one scan over them all)?"""
    joined = "".join(texts)
    if joined.isascii():
        return False
    try:  # UTF-8 refuses exactly the surrogate halves: the encoder's loop costs less than a pattern's scan
        joined.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def mark_clean(doc: BaseModel) -> None:
    """``doc``'s ingester checked every text it holds (:func:`has_surrogates`): :func:`repair_document` has nothing to do."""
    key = id(doc)
    with _CLEAN_LOCK:
        _CLEAN[key] = weakref.ref(doc, lambda _r: _CLEAN.pop(key, None))


def repair_document(doc: BaseModel) -> None:
    """Fix every string of ``doc`` in place (see the module docstring)."""
    with _CLEAN_LOCK:
        ref = _CLEAN.pop(id(doc), None)
    if ref is not None and ref() is doc:
        return
    _fix_model(doc)


def display_name(path: Path) -> str:
    """The file name as text a person can read: bytes that are not UTF-8 are decoded as Windows
    Arabic or Latin, whichever reads as words, never left as surrogate escapes."""
    name = path.name
    if not _SURROGATE.search(name):
        return name
    raw = os.fsencode(name)
    enc, _ = guess_encoding(raw)
    return fix_surrogates(raw.decode(enc, errors="replace"))
