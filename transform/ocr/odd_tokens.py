"""Tokens no printed word can be, whatever read them: put in doubt, word by word, left as read.

A word error on a text-layer page reaches the reader with no doubt at all: the page is rated whole by its layer's
judge, and no OCR confidence says which word is wrong. Some of those errors show on the token itself, because a
layer's fault glues what the page prints apart or puts a stray mark inside a word:

* **Arabic and Latin letters in one token** (``الوردي)rose``, ``nيجوز``, ``II.-مرافق``): a French gloss glued to its
  Arabic word, a Latin letter standing for an Arabic one in a broken font, a Roman part number glued to its title.
  Printed Arabic text keeps Latin words apart; the one exception on the corpus's truth is a web address glued to
  its label (``الطاقي:www.mem.gov.ma``), so a token holding an address (``www.``, ``http``, ``@``, a ``%20``, a
  ``.pdf`` or ``.gov``) is left alone;
* **a stray symbol between letters** (``R•ÉALISER``): a bullet, a box or a sign inside a word. Joining marks are
  not stray: hyphens and dashes, apostrophes, the full stop, comma, colon, semicolon, slash, brackets, quotation
  marks and guillemets, ``+``, ``=``, ``&``, ``@``, the middle dot of inclusive French (``élu·es``), soft hyphens
  and zero-width marks, the Arabic comma and semicolon, tatweel and Arabic vowel marks;
* **Latin letters no French word holds**: a run of 26 letters or more (``Batrachochytriumsalmandrivorans``, two Latin
  words glued; the longest truth word, ``désimperméabilisation``, has 21) or ``ä``, ``ã``, ``å``, ``õ`` inside a word
  (``Forêt-Auvräy``, ``Sätrouver``: a dot misread over a letter; ``í`` and ``ö`` are left to foreign names);
* **two Arabic words glued at an article** (``البيانللخاضع``, ``المحورالأول``, ``علىالسكر``, ``ميزانيةالتسيير``): a
  layer that lost the space before ``ال`` or ``لل``, often after a letter that does not join the next one, where the
  print shows no gap. The token is no word of the lists (``wordfix.real_word``), and cut before that article both
  halves are (the first of three letters or more, the second of five or more); a cut after ``ل`` is no cut (``لال``
  is inside ``استغلال``, ``الإخلالات``). Over the truth pages one token trips it, ``سعرالبيع``, printed glued.

Digits beside Arabic letters are **not** odd as such: the truth pages print them glued in 60 tokens (``و20``,
``2015م``, ``أكتوبر2019``, ``(1)وضع``), so a number there tells nothing. But **a single digit ending a token of
letters** is (:func:`letter_digit`): ``ا9``, ``با9`` (a font's code for the ligature ``الله`` read as a 9),
``يتجاوز1`` (a number's space lost), ``ع1`` (OCR's ``le``), ``général.1`` (a note's call glued after a full stop).
The truth prints such a token only as ``و`` and a digit (``1 و2``), which stays sound; over every page of the
corpus the rule fires 9 times, each on a misread token (docs/ocr.md).

:func:`mark_odd` puts each such token in doubt (:data:`ODD`) in its sentence, the sentence's doubt and unsure spans
as :mod:`line_doubt` writes them, and the block (a table's cell, and the table) takes the doubt when it had none.
Never sounder than before: a block or cell in doubt (by its code or its confidence) whose sentences carry none is in
doubt throughout, and is left so, as are the cells of a table in doubt throughout. Every word stays as read. It runs
once over a document's blocks (``confidence.apply``), on every page whatever read it; each sentence's text is
screened whole before its tokens are looked at, by one walk in C (``transform/ingest/_odd.c``, :func:`_screen_py`
when it is not built: the same answer), and only a text the screen lets through has its tokens matched.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

from ..model import Heading, ListBlock, Paragraph, Table
from .confidence import DOUBT_BELOW
from .line_doubt import _merge

ODD = "word_odd"  # a token no printed word can be (letters of two scripts, a stray mark inside a word)
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00ff]")
_ADDRESS = re.compile(r"www\.|https?:|@|%[0-9a-f]{2}|\.(?:pdf|html?|php|aspx?|org|com|net|gov|fr|ma)\b", re.IGNORECASE)
_JOINING = r"\-\u2010-\u2015'\u2019./,:;()\[\]+=&@\u0022\u00ab\u00bb\u201c\u201d\u201e\u2039\u203a\u00ad\u00b7\u200b-\u200f\u060c\u061b\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed"
_STRAY = re.compile(rf"[^\W\d_][^\w\s{_JOINING}]+[^\W\d_]")  # letters, then marks that join nothing, then letters
_MARK = re.compile(rf"[^\w\s{_JOINING}]")  # a mark that joins nothing (screens the text for _STRAY)
_TOKEN = re.compile(r"\S+")
_NOT_FRENCH = re.compile(r"[A-Za-z\u00c0-\u00ff]{26}|[A-Za-z\u00c0-\u00ff][\u00e4\u00e3\u00e5\u00f5]|[\u00e4\u00e3\u00e5\u00f5][A-Za-z\u00c0-\u00ff]")
_GLUE = re.compile(r"[\u0621-\u064a]{3}(?<!\u0644)(?:\u0627\u0644|\u0644\u0644)[\u0621-\u064a]{3}")  # 3 letters, ال/لل, 3 letters
_EDGE = re.compile(r"^\W+|\W+$")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
# letters then one digit ending the token (not a lone و: ``1 و2``), or French letters, a full stop or comma, a digit
_LETTER_DIGIT = re.compile(r"^(?!\u0648\d)[\u0621-\u064a]+[0-9\u0660-\u0669]$|^[A-Za-z\u00c0-\u00ff]{2,}[.,][0-9]$")
_DIGIT_AFTER = re.compile(r"[\u0621-\u064a.,][0-9\u0660-\u0669]")  # screens a text for _LETTER_DIGIT (one charset first)


def odd(token: str) -> bool:
    """Is ``token`` (a white-space token as read) one no printed word can be (module docstring)?"""
    if _ADDRESS.search(token):
        return False
    return (bool(_ARABIC.search(token) and _LATIN.search(token)) or bool(_STRAY.search(token) or _NOT_FRENCH.search(token))
            or glued(token) or letter_digit(token))


def letter_digit(token: str) -> bool:
    """A token of letters ending with one digit (module docstring): ``ا9``, ``يتجاوز1``, ``général.1``; not ``و2``."""
    return bool(_LETTER_DIGIT.match(_EDGE.sub("", token)))


def glued(token: str) -> bool:
    """Two Arabic words glued at an article (module docstring)."""
    if not _GLUE.search(token):
        return False
    core = _EDGE.sub("", token)
    if len(core) < 8 or not _ARABIC_WORD.match(core):
        return False
    from .wordfix import real_word

    if real_word(core):
        return False
    return any(core[i : i + 2] in ("\u0627\u0644", "\u0644\u0644") and core[i - 1] != "\u0644" and real_word(core[:i])
               and real_word(core[i:]) for i in range(3, len(core) - 4))


_TWO_SCRIPTS = re.compile(r"[\u0621-\u064a]\S*[A-Za-z\u00c0-\u00ff]|[A-Za-z\u00c0-\u00ff]\S*[\u0621-\u064a]")


_RARE_LATIN = "\u00e4\u00e3\u00e5\u00f5"
_MARK_RUN = re.compile(rf"[^\w\s{_JOINING}]+")  # a run of marks that join nothing
_LETTER = re.compile(r"[^\W\d_]")


def _not_french_in(text: str) -> bool:
    """``_NOT_FRENCH`` searched only where it can match: a rare letter printed, or a token of 26 characters."""
    if any(c in text for c in _RARE_LATIN) or max(map(len, text.split()), default=0) >= 26:
        return bool(_NOT_FRENCH.search(text))
    return False


def _stray_in(text: str) -> bool:
    """``_STRAY`` found in ``text``, looked for at its runs of marks only (a run between two letters)."""
    end = len(text)
    for m in _MARK_RUN.finditer(text):
        a, b = m.span()
        if a and b < end and _LETTER.match(text, a - 1) and _LETTER.match(text, b):
            return True
    return False


def _screen_py(text: str) -> bool:
    """Can any pattern find an odd token in ``text`` (the reference of the compiled ``_odd.screen``)?"""
    latin, arabic = _LATIN.search(text), _ARABIC.search(text)
    return bool((latin and arabic and _TWO_SCRIPTS.search(text)) or (latin and _not_french_in(text))
                or (arabic and _GLUE.search(text)) or _stray_in(text))


def _load_screen() -> Any:
    """The compiled screen (``transform/ingest/_odd.c``: one walk over the text), or the Python one when it is not
    built or hidden (``TAYSIR_HIDE_EXTENSIONS=1``)."""
    if os.environ.get("TAYSIR_HIDE_EXTENSIONS", "").strip().lower() in ("1", "true", "yes", "on"):
        return _screen_py
    try:
        from ..ingest import _odd  # type: ignore[attr-defined]
    except ImportError:
        return _screen_py
    return getattr(_odd, "screen", _screen_py)


_SCREEN = _load_screen()


def odd_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the odd tokens of ``text`` (the text screened whole first: every pattern lies inside one
    token, and most sentences hold none; the screen runs the costly patterns only where they can match)."""
    if not _SCREEN(text):  # none of the other patterns can match: only a token ending with one digit may be odd
        return _letter_digit_spans(text)
    return [m.span() for m in _TOKEN.finditer(text) if odd(m.group())]


def _letter_digit_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the tokens of ``text`` ending with one digit (:func:`letter_digit`), looked for only around a
    letter, a full stop or a comma before a digit (most texts have none; a French decimal ``1,5`` is looked at and left)."""
    out: list[tuple[int, int]] = []
    for m in _DIGIT_AFTER.finditer(text):
        a = text.rfind(" ", 0, m.start()) + 1
        b = text.find(" ", m.end())
        b = len(text) if b < 0 else b
        token = text[a:b]
        if any(ch.isspace() for ch in token):  # other white space inside: the tokens as _TOKEN cuts them
            return [t.span() for t in _TOKEN.finditer(text) if letter_digit(t.group())]
        if (a, b) not in out and letter_digit(token):
            out.append((a, b))
    return out


def _mark_sentences(sentences: Sequence[Any]) -> bool:
    """Put the odd tokens of each sentence in doubt; were any found."""
    hit = False
    for s in sentences:
        spans = odd_spans(s.text)
        if not spans:
            continue
        hit = True
        if s.doubt is None:
            s.doubt, s.unsure = ODD, _merge(spans, s.text)
        elif s.unsure:  # a sentence in doubt in places: those places and these
            s.unsure = _merge([tuple(x) for x in s.unsure] + spans, s.text)
    return hit


def _units(block: Any) -> list[list[Any]] | None:
    """The sentence groups of a block whose doubt ``mark_odd`` may place (a heading's, a paragraph's, a list's
    items'); None for other blocks (tables, figures)."""
    if isinstance(block, (Heading, Paragraph)):
        return [block.sentences]
    if isinstance(block, ListBlock):
        out: list[list[Any]] = []
        stack = list(block.items)
        while stack:
            it = stack.pop(0)
            out.append(it.sentences)
            stack = list(it.children) + stack
        return out
    return None


def _in_doubt(node: Any) -> bool:
    """A block's or cell's doubt as the review reads it: a code, or a confidence under ``DOUBT_BELOW``."""
    conf = getattr(node, "confidence", None)
    return bool(node.doubt) or (conf is not None and conf < DOUBT_BELOW)


def _mark_table(table: Any) -> bool:
    """A table's cells: each cell holding an odd token takes the doubt (the cell is the review's unit inside a
    table), and the table when it had none; a table in doubt throughout (no cell in doubt, or its confidence low)
    and a cell in doubt throughout are left so."""
    cells = [c for row in table.rows for c in row]
    low = table.confidence is not None and table.confidence < DOUBT_BELOW  # its doubt reaches every cell
    if low or (table.doubt and not any(c.doubt for c in cells)):
        return False
    hit = False
    for c in cells:
        if _in_doubt(c) and not any(s.doubt for s in c.sentences):
            continue
        if _mark_sentences(c.sentences):
            hit = True
            c.doubt = c.doubt or ODD
    if hit and not table.doubt:
        table.doubt = ODD
    return hit


def mark_odd(blocks: Sequence[Any]) -> int:
    """Put every odd token of the blocks' sentences in doubt (module docstring); how many blocks took a doubt."""
    n = 0
    for b in blocks:
        if isinstance(b, Table):
            n += _mark_table(b)
            continue
        groups = _units(b)
        if not groups:
            continue
        own = any(s.doubt for g in groups for s in g)
        if _in_doubt(b) and not own:
            continue  # in doubt throughout already
        hit = False
        for g in groups:
            hit = _mark_sentences(g) or hit
        if hit and not b.doubt:
            b.doubt = ODD
            n += 1
    return n
