"""Character classes the PDF text-layer readers share (:mod:`pdf_bidi`, :mod:`pdf_respace`).

Plain ``re`` ranges, written out: every line of a page is scanned with them, and explicit
ranges are faster than script properties.

:data:`NATIVE` is the optional extension ``_bidi`` (the per-character loops of the Arabic line
reading in C, the same results as the Python loops kept beside each one), or None when it is not
built or ``TAYSIR_BIDI_NATIVE=0`` (or ``TAYSIR_HIDE_EXTENSIONS=1``) asks for the Python loops.
"""

from __future__ import annotations

import os
import re
from types import ModuleType

NATIVE_ENV = "TAYSIR_BIDI_NATIVE"


def _load_native() -> ModuleType | None:
    off = ("0", "false", "no", "off")
    if os.environ.get(NATIVE_ENV, "1").strip().lower() in off or \
            os.environ.get("TAYSIR_HIDE_EXTENSIONS", "").strip().lower() in ("1", "true", "yes", "on"):
        return None
    try:
        from . import _bidi  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _bidi


NATIVE = _load_native()

ARABIC_LETTER = re.compile("[\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC]")
LATIN_LETTER = re.compile("[A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")
# (control characters count as Arabic: LibreOffice writes the kashida glyphs of justified Arabic as U+0002/U+0003)
AR = "\x01-\x08\x0e-\x1f\u0610-\u061A\u0620-\u065F\u066E-\u06D3\u06D5-\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u0640\u200c\u200d"
LTR = "0-9A-Za-z\u00AA\u00B2\u00B3\u00B9\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0300-\u036F\u0660-\u0669\u06F0-\u06F9"
PUNCT = ".,:!\u060C\u061B\u061F"
BULLETS = "\uE000-\uF8FF\u2022\u25AA\u25CF\u25E6\u2023\u2043\u2219"
VOWEL_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670"}
# Arabic letters that never join the next one (a kashida cannot follow them; the next letter starts a new shape)
NON_JOINING = frozenset("\u0621\u0622\u0623\u0624\u0625\u0627\u0629\u062f\u0630\u0631\u0632\u0648\u0649")
ARABIC_WORD = re.compile(f"[{AR}]{{4,}}")
