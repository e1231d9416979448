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
_LOW[0x41] = ord("\f")
_LOW_TABLE = bytes(_LOW)
_SEP = "\u2840"  # row break while encoding
_PAGE = "\u2841"  # page break while encoding
_CELL_OR_BREAK = bytes(range(0x42))  # low bytes of 6-dot cells and of the two breaks


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
    height = book.height
    # the whole book as one string: rows end with "\n", pages with "\f" (the cells never hold either)
    text = "".join([("\n".join(p.rows) + "\n" * (height - len(p.rows)) if p.rows else "\n" * (height - 1)) + "\n\f" for p in book.pages])
    # rows hold only cells: every character becomes U+2800-U+283F (6 dots) or a break moved to U+2840/U+2841;
    # then the high UTF-16 byte is always 0x28 and the low byte is the dot pattern (or 0x40/0x41 for a break)
    enc = text.replace("\n", _SEP).replace("\f", _PAGE).encode("utf-16-le")
    low = enc[::2]
    if _SEP in text or _PAGE in text or enc[1::2].count(0x28) != len(low) or low.translate(None, _CELL_OR_BREAK):
        for page in book.pages:
            for r in page.rows:
                cells_to_brf(r)  # raises OutputError naming the 8-dot cells
        raise OutputError("BRF can only hold 6-dot braille cells.")
    low = low.translate(_LOW_TABLE)
    return low.replace(b"\n", b"\r\n")


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
        "volumes": [{"volume": i, "first_page": first, "last_page": last} for i, (first, last) in enumerate(book.volumes(), 1)],
        "pages": [{"page": p.number, "sections": p.sections, "sentences": p.sentences} for p in book.pages],
        "warnings": book.warnings,
    }


def to_index_json(book: BrailleBook, *, stem: str = "") -> str:
    return json.dumps(index_data(book, stem=stem), ensure_ascii=False, indent=1)
