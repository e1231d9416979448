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
    from .render import PageImage

NOISE_CONF = 0.62  # an OCR'd line under this confidence that holds no words is dropped as noise
GLYPH_CONF = 0.66  # ...and one of glyph junk only (every token with a sign inside) under this one (``©1102 | +1071``)
SHORT_GLYPHS, SHORT_GLYPH_CONF = 3, 0.8  # ...or under this one when it is at most so many signs (an emblem's ``<١``)
GUESS_CONF, SHORT_WORD = 0.35, 3  # a line under this confidence whose words are all this short is noise too...
GUESS_PIECES = 3  # ...when it has this many (a gazette's header rule read ``QU UN`` kept: dropped, it moved headings)
_EDGE = "()[]{}.,:;،؛!?؟\"'«»“”-–_|*•"
# a token of letters, digits and the signs of words, numbers, codes and addresses (``F1``,
# ``G/2432``, ``n°``, ``www.mem.gov.ma``, ``100€``); any other sign inside (``+``, ``£``, ``©``,
# ``=``) is what an emblem or an unknown script is read as
_CLEAN = re.compile(r"^[\w°./@:%'’,€\-]+$")


def noise(ln: TextLine, pimg: PageImage | None = None) -> bool:
    """A line OCR made out of a stamp, a watermark, a rule or an unknown script: unsure, and no
    words in it; or, given the page image ``pimg``, a rule read as letters (:func:`rule_line`)."""
    if pimg is not None and rule_line(pimg, ln):
        return True
    conf = ln.confidence or 0.0
    if conf >= NOISE_CONF:
        signs = "".join(ln.text.split())
        short = len(signs) <= SHORT_GLYPHS and signs.strip("—–-_") != ""  # a cell's printed dash is no emblem
        return conf < (SHORT_GLYPH_CONF if short else GLYPH_CONF) and glyph_junk(ln.text)
    pieces = [w.strip(_EDGE) for w in ln.text.split()]
    if conf < GUESS_CONF and len(pieces) >= GUESS_PIECES and all(0 < len(w) <= SHORT_WORD for w in pieces):
        return True  # a guess in short pieces: an emblem's ribbon read ``لتو وك لح`` at 27 %
    q = assess(ln.text)
    if q.verdict in ("empty", "bad") or (q.verdict == "borderline" and q.signals.get("words", 0) >= 2):
        return True
    return glyph_junk(ln.text) or sum(map(_junk, ln.text.split())) >= MIXED_JUNK


MIXED_JUNK = 2  # an unsure line with this many tokens no script writes is a Tifinagh line read among letters of its own


def _junk(token: str) -> bool:
    """A token no word, number or code is: a sign inside (``HoLolloO+``), or Latin letters switching case twice or
    more beside a digit or another case switch (``8HOoX``: Tifinagh's ⵙ, ⵀ, ⵓ, ⵅ read as Latin; 2026-12-06)."""
    t = token.strip(_EDGE)
    if not t:
        return False
    if not _CLEAN.match(t):
        return True
    cases = [ch.isupper() for ch in t if ch.isalpha() and ch.isascii()]
    switches = sum(a != b for a, b in zip(cases, cases[1:], strict=False))
    return switches >= 2 and (any(ch.isdigit() for ch in t) or switches >= 3)


def glyph_junk(text: str) -> bool:
    """Does ``text`` hold tokens, every one with a sign inside that no word, number, code or
    address holds (``+0O8Hol+``, ``5+``, ``8C8++£``)?"""
    tokens = [t.strip(_EDGE) for t in text.split()]
    tokens = [t for t in tokens if t]
    return bool(tokens) and not any(_CLEAN.match(t) for t in tokens)


RULE_ROW = 0.6  # a row of a line's box whose ink runs across this share of its width is a rule's row
RULE_SHARE = 0.6  # a line whose ink lies this much in such rows is a rule read as letters...
RULE_WORDS = 8  # ...when it holds this many words at least (a short one kept unsure moves nothing: a gazette's
# header rule read ``A 11111`` on every page, dropped, changed how a page's dashed list was grouped)


def rule_line(pimg: PageImage, ln: TextLine) -> bool:
    """Is ``ln`` a rule tesseract read as a row of letters (2026-12-06, fourteenth session)?

    An unsure line (under NOISE_CONF) of RULE_WORDS words or more whose ink lies mostly in rows that run dark across most of
    its box: a form's underline under a title read as 36 words (``ا ص تيبي يس ب بصي ...``). A line of
    text underlined keeps most of its ink in its letters, above the rule's rows, and stays."""
    if (ln.confidence or 0.0) >= NOISE_CONF or len(ln.text.split()) < RULE_WORDS:
        return False
    import numpy as np  # on use: `import transform` stays light

    from .render import otsu_threshold

    k = pimg.dpi / 72.0
    a = np.asarray(pimg.image.convert("L"))
    y0, y1 = max(0, int(ln.top * k)), min(a.shape[0], int(ln.bottom * k) + 1)
    x0, x1 = max(0, int(ln.x0 * k)), min(a.shape[1], int(ln.x1 * k) + 1)
    if y1 <= y0 or x1 - x0 < 10:
        return False
    ink = a[y0:y1, x0:x1] < otsu_threshold(pimg.image)
    total = int(ink.sum())
    if total == 0:
        return False
    per_row = ink.sum(axis=1)
    in_rules = int(per_row[per_row >= RULE_ROW * (x1 - x0)].sum())
    return in_rules >= RULE_SHARE * total
