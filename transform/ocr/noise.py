"""OCR'd lines that are no text: a stamp, a watermark, a rule, an emblem or a letterhead line in
a script the models do not know, read as characters.

A line is noise when tesseract is unsure of it (under NOISE_CONF) and it holds no words: fewer
than three visible characters, a text the word lists reject, or (2026-12-05, eighth session)
only tokens with a sign inside that no word, number or code holds. The Ministry scans' Tifinagh letterhead
(ⵜⴰⴳⵍⴷⵉⵜ ⵏ ⵍⵎⵖⵔⵉⴱ) comes out as ``+0O8Hol+ 5+``, ``+XHA£+``, ``8C8++£``: its ``+`` and ``£`` are the
alphabet's crosses, and such a token is no word of any language; the word-list score called
the first line "sound" (it has no word to look up and one number), so it reached the body as
``0O8Hol 5``. A line with one clean token (a word of one script, or a number) is kept."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .quality import assess

if TYPE_CHECKING:
    from ..ingest.base import TextLine

NOISE_CONF = 0.62  # an OCR'd line under this confidence that holds no words is dropped as noise
_EDGE = "()[]{}.,:;،؛!?؟\"'«»“”-–_|*•"
# a token of letters, digits and the signs of words, numbers, codes and addresses (``F1``,
# ``G/2432``, ``n°``, ``www.mem.gov.ma``, ``100€``); any other sign inside (``+``, ``£``, ``©``,
# ``=``) is what an emblem or an unknown script is read as
_CLEAN = re.compile(r"^[\w°./@:%'’,€\-]+$")


def noise(ln: TextLine) -> bool:
    """A line OCR made out of a stamp, a watermark, a rule or an unknown script: unsure, and no
    words in it."""
    if (ln.confidence or 0.0) >= NOISE_CONF:
        return False
    q = assess(ln.text)
    if q.verdict in ("empty", "bad") or (q.verdict == "borderline" and q.signals.get("words", 0) >= 2):
        return True
    return glyph_junk(ln.text)


def glyph_junk(text: str) -> bool:
    """Does ``text`` hold tokens, every one with a sign inside that no word, number, code or
    address holds (``+0O8Hol+``, ``5+``, ``8C8++£``)?"""
    tokens = [t.strip(_EDGE) for t in text.split()]
    tokens = [t for t in tokens if t]
    return bool(tokens) and not any(_CLEAN.match(t) for t in tokens)
