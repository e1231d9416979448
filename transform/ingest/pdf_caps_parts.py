"""Part titles in capitals on OCR'd pages (a pass of :func:`pdf_headings.refine_headings`).

A scanned form or notice titles its parts with a line in capitals (``I. IDENTITE DE L'AGENT OU DES
AGENTS VERBALISATEURS``, ``IV. DATE, HEURE ET LIEU DE LA CONSTATATION DE L'INFRACTION``) set at the
body's size, spaced off the text above it, over fields or lines in small letters. On a text layer its
weight makes it a heading; OCR reads neither its weight (the whole form is printed bold) nor, often,
its Roman number (``I.`` read as ``.`` and dropped). What stays is the capitals and the space: one or
two left-to-right lines mostly in capital letters, with two words of two letters or more, that do not
end like a sentence or a field (``:``, ``;``, ``,``, a full stop), read with confidence, spaced off the
block above them on their page (a line and a half of their size, or a table) and over a block that is
not in capitals: a heading at the bold heading level.

Not taken: a letterhead (``ROYAUME DU MAROC`` / ``MINISTERE ...``: its lines are stacked at line
spacing, the first has nothing above it on its page), a paragraph in capitals (the block under it is
in capitals too, but for the next part's title: a part with nothing to fill under it), the authority that
enacts a text (``LE PRÉFET DE LA HAUTE-SAÔNE`` over its titles, ``LE MAIRE ...``) or any line over a preamble
(``Vu le code ...``), the enacting formula (``ARRETE :``), a single word (``PREAMBULE``), a line with any
Arabic letter (a bilingual form's row).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import CONTINUES, ENACTING, FULL_STOP, MAX_HEADING_WORDS
from .pdf_title_runs import MIN_CONFIDENCE, _baseline, _ocr, _page

if TYPE_CHECKING:
    from .pdf_blocks import _Group

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NOT_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")  # an Arabic (or other) letter
_WORD2 = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
CAPS = 0.9  # share of a part title's letters in capitals
BODY_CAPS = 0.6  # a block under it with this share of capitals is capitals too (a letterhead, a paragraph in capitals)
APART = 1.5  # sizes from the baseline of the block above to the title's
MIN_LETTERS = 8
# what follows the authority that enacts a text (``LE PRÉFET DE LA HAUTE-SAÔNE`` / ``Vu le code ...``): its preamble
_AUTHORITY = re.compile(r"^(?:LE|LA)\s+(?:PR[ÉE]FET|PR[ÉE]FÈTE|MAIRE|PR[ÉE]SIDENT|MINISTRE|DIRECT(?:EUR|RICE)|GOUVERNEUR|WALI|"
                        r"CONSEIL|SECR[ÉE]TAIRE)\b")
_PREAMBLE = re.compile(r"^(?:vu|considérant|sur\s+(?:la|le)\b|après)\b", re.IGNORECASE)


def _caps(text: str) -> float:
    letters = _LATIN.findall(text)
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _part_title(g: _Group) -> bool:
    """One or two OCR'd left-to-right lines in capitals that may title a part (the space around it aside)."""
    if g.kind != "paragraph" or g.legal is not None or g.note or g.rtl or not 1 <= len(g.lines) <= 2 or not _ocr(g):
        return False
    text = g.text.strip()
    if text.endswith((":", "：")) or FULL_STOP.search(text) or CONTINUES.search(text) or text.endswith((";", "؛")):
        return False
    if _NOT_LATIN_LETTER.search(text) or ENACTING.match(text) or _AUTHORITY.match(text) or len(_LATIN.findall(text)) < MIN_LETTERS:
        return False
    if len(_WORD2.findall(text)) < 2 or len(text.split()) > MAX_HEADING_WORDS or _caps(text) < CAPS:
        return False
    return min((ln.confidence for ln in g.lines if ln.confidence is not None), default=1.0) >= MIN_CONFIDENCE


def _gap(a: _Group, b: _Group) -> float:
    return _baseline(b.lines[0]) - _baseline(a.lines[-1])


def _spaced(prev: _Group, g: _Group, nxt: _Group) -> bool:
    """Is the title ``g`` set off, on its page, from the block ``prev`` above it? Spaced off it, or right under a
    heading set larger (the form's title), or under a block in small letters with space under the title (the
    Roman number OCR dropped takes no room above it)."""
    if _page(prev) != _page(g):
        return False  # first on its page (a letterhead's first line)
    apart = APART * (g.size or 10.0)
    if _gap(prev, g) >= apart or (prev.kind == "heading" and prev.size > g.size):
        return True
    return _caps(prev.text) < BODY_CAPS and _gap(g, nxt) >= apart


def caps_parts(groups: list[_Group]) -> None:
    """The part titles of the module docstring become headings at the bold heading level."""
    for i in range(1, len(groups) - 1):
        g = groups[i]
        if not _part_title(g):
            continue
        prev, nxt = groups[i - 1], groups[i + 1]
        if not nxt.lines or _page(nxt) != _page(g) or (_caps(nxt.text) >= BODY_CAPS and nxt.kind != "heading"):
            continue  # the block under it: on its page, in small letters (or the next part's title)
        if _PREAMBLE.match(nxt.text.strip()):
            continue  # the authority over the preamble of its text, not a part's title
        if prev.lines and not _spaced(prev, g, nxt):
            continue
        g.kind, g.level = "heading", g.bold_level
