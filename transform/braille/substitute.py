"""What to write for a character a braille table does not know, before a transcriber's note.

Tried in order, the first whose characters the table knows wins (cached per table list and
character, for the process):

1. its typographic equivalent (:data:`TYPOGRAPHIC`);
2. nothing, for a combining mark left alone (an accent or a vowel sign with no letter);
3. its compatibility decomposition without marks (``ā`` -> ``a``, ``²`` -> ``2``, ``‼`` -> ``!!``).

Every rule is listed in docs/braille.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# typographic signs some tables lack -> the nearest sign they have (tried only for unknown characters)
TYPOGRAPHIC = {
    "\u2039": "\u2018",
    "\u203a": "\u2019",  # single guillemets -> single quotes
    "\u201a": ",",
    "\u201b": "\u2018",
    "\u201e": "\u201c",
    "\u201f": "\u201c",
    "\u2012": "\u2013",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u2044": "/",
    "\u2215": "/",
    "\u00b7": ".",
    "\u2027": ".",
    "\u2022": "-",
    "\u2023": "-",
    "\u2043": "-",
    "\u25cf": "-",
    "\u25aa": "-",
    "\u2030": "\u2030",
    "\u00af": "-",
    "\u2016": "|",
    "\u2017": "_",
    "\u2020": "*",
    "\u2021": "**",
    "\u203c": "!!",
    "\u2047": "??",
    "\u2048": "?!",
    "\u2049": "!?",
    "\u2026": "...",
    "\u060c": ",",
    "\u061b": ";",
    "\u061f": "?",
    "\u06d4": ".",
    "\u066d": "*",
    "\u0153": "oe",
    "\u0152": "OE",
    "\u00e6": "ae",
    "\u00c6": "AE",
    "\u00df": "ss",
}
_CACHE: dict[tuple[tuple[str, ...], str], str | None] = {}  # (table list, unknown char) -> substitute


def substitute(tables: tuple[str, ...], ch: str, known: Callable[[str], bool]) -> str | None:
    """The replacement of ``ch`` for ``tables`` (``known(text)``: the tables write every character of
    ``text``), ``""`` to drop it, or None when no rule applies."""
    found = _CACHE.get((tables, ch), False)
    if found is not False:
        return found  # type: ignore[return-value]
    cands = [TYPOGRAPHIC.get(ch)]
    if unicodedata.category(ch) in ("Mn", "Me"):
        cands.append("")
    plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).strip()
    cands.append(plain if plain != ch else None)
    out = next((c for c in cands if c is not None and (c == "" or known(c))), None)
    _CACHE[(tables, ch)] = out
    return out
