"""Writers: Unicode braille (.brl), BRF (North American ASCII braille) and the page index (JSON).

* ``.brl``: UTF-8, Unicode braille patterns (U+2800-U+28FF), one line per
  braille line, LF line ends, a form feed (U+000C) at the start of every page
  after the first. Blank cells are U+2800 so a display shows the layout.
* ``.brf``: the North American Braille ASCII code (dots 1-6 -> 64 printable
  ASCII characters, letters in upper case), CR LF line ends, every page padded
  to its full number of lines and ended by a form feed, as embossers expect.
  Cells with dots 7 or 8 (8-dot computer braille) cannot be written: error.
* ``.braille-index.json``: braille pages -> sections and sentence ids.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import OutputError
from .layout import BrailleBook

# North American Braille ASCII: index = dot bits (dot1=1, dot2=2, dot3=4, dot4=8, dot5=16, dot6=32)
NABCC = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="
_TO_BRF = {0x2800 + i: ch for i, ch in enumerate(NABCC)}
_FROM_BRF = {ord(ch): chr(0x2800 + i) for i, ch in enumerate(NABCC)}
_FROM_BRF.update({ord(ch.lower()): chr(0x2800 + i) for i, ch in enumerate(NABCC) if ch.isalpha()})
# bytes table for the fast path: low byte of a 6-dot cell (U+2800-U+283F) -> Braille ASCII; 0x40 = row separator
_LOW = bytearray(range(256))
for _i, _ch in enumerate(NABCC):
    _LOW[_i] = ord(_ch)
_LOW[0x40] = ord("\n")
_LOW_TABLE = bytes(_LOW)
_SEP = "\u2840"
_NOT_6DOT = re.compile("[^\u2800-\u283f]")


def to_unicode(book: BrailleBook) -> str:
    """The .brl text."""
    return "\n\f".join("\n".join(page.rows) for page in book.pages) + "\n"


def cells_to_brf(line: str) -> str:
    """One line of Unicode braille as Braille ASCII; raises OutputError on 8-dot cells."""
    out = line.translate(_TO_BRF)
    if any(ord(c) >= 0x2800 for c in out):
        bad = sorted({c for c in out if ord(c) >= 0x2800})
        raise OutputError(
            f"BRF can only hold 6-dot braille; found 8-dot cells {''.join(bad[:10])}.",
            hint="Use a 6-dot table (french='g2' or 'g1') or only the unicode/pef formats.",
        )
    return out


def brf_to_cells(text: str) -> str:
    """Braille ASCII back to Unicode braille (for tests and tools)."""
    return text.translate(_FROM_BRF)


def to_brf(book: BrailleBook) -> bytes:
    """The .brf bytes: CR LF lines, each page padded to the page length and ended by a form feed."""
    out: list[bytes] = []
    for page in book.pages:
        rows = list(page.rows) + [""] * (book.height - len(page.rows))
        text = _SEP.join(rows)
        if _NOT_6DOT.search(text.replace(_SEP, "")):
            for r in rows:
                cells_to_brf(r)  # raises OutputError naming the 8-dot cells
            raise OutputError("BRF can only hold 6-dot braille cells.")
        # every character is U+28xx: its low UTF-16 byte is the dot pattern
        low = text.encode("utf-16-le")[::2].translate(_LOW_TABLE)
        out.append(low.replace(b"\n", b"\r\n") + b"\r\n\f")
    return b"".join(out)


def index_data(book: BrailleBook, *, stem: str = "") -> dict[str, Any]:
    """Braille pages -> sections and sentence ids (small JSON for players and editors)."""
    return {
        "document": stem,
        "lang": book.lang,
        "tables": [t.rsplit("/", 1)[-1] for t in book.tables],
        "cells_per_line": book.width,
        "lines_per_page": book.height,
        "page_count": len(book.pages),
        "page_numbers": "braille page number at the right end of the "
        + ("first" if book.page_number_position == "top" else "last")
        + " line"
        if book.page_numbers
        else "none",
        "sections": [
            {"id": s.section_id, "title": s.title, "first_page": s.first_page, "last_page": s.last_page} for s in book.sections
        ],
        "pages": [{"page": p.number, "sections": p.sections, "sentences": p.sentences} for p in book.pages],
        "warnings": book.warnings,
    }


def to_index_json(book: BrailleBook, *, stem: str = "") -> str:
    return json.dumps(index_data(book, stem=stem), ensure_ascii=False, indent=1)
