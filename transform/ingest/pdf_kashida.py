"""Stretched Arabic words whose stretch is a glyph of its own.

Justified Arabic lengthens words with a kashida. InDesign and other composers may draw it as a
separate glyph with no Unicode value (a flat stroke on the baseline, in a text object of its
own). pdfium then sees a gap inside the word and puts a generated space there:
``هذا القانون`` comes out ``ه ذا القان ون``. Such a space is turned back into the kashida it
is (U+0640, same length: the page's character indices stay), which :func:`pdf_bidi.clean_text`
removes later.

The page objects are only walked on pages whose text shows the sign of it: several one-letter
Arabic "words" that are not the conjunction و.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .bidi_chars import NATIVE, NON_JOINING, VOWEL_MARKS

Box = Callable[[int], tuple[float, float, float, float]]  # (left, bottom, right, top) of a character

_LETTERS = "".join(map(chr, range(0x621, 0x63B))) + "".join(map(chr, range(0x641, 0x64B)))
_MARKS = "\u0640\u064b-\u0652"
# a lone Arabic letter (not the conjunction و, not a list label followed by a bracket, dash or dot)
_NOT_WAW = _LETTERS.replace("\u0648", "")
_LONE = re.compile(f"(?<![{_LETTERS}{_MARKS}])[{_NOT_WAW}](?![{_LETTERS}{_MARKS})\\-.])")
# a space inside a word; pdfium may have put a vowel mark drawn elsewhere on the line between
# two such spaces (``واس ً تيفاء``)
_SPACE_IN_WORD = re.compile(f"(?<=[{_LETTERS}{_MARKS}]) (?:[\u064b-\u0652] )?(?=[{_LETTERS}])")
SIGN = 3  # lone letters on a page before its objects are looked at
FLAT = 0.4  # a kashida glyph is at most this fraction of its neighbours' height
COVER = 0.6  # and covers at least this fraction of the gap between them
TOUCH = 0.04  # two letters closer than this fraction of their height (or overlapping) are drawn touching


_NATIVE = NATIVE  # the count in C (bidi_chars.NATIVE), None for the pattern


def suspect(text: str) -> bool:
    """The page's text shows lone Arabic letters: stretched words may have been cut."""
    if _NATIVE is not None:
        return _NATIVE.lone_letters(text, SIGN) >= SIGN  # type: ignore[no-any-return]
    return _suspect_py(text)


def _suspect_py(text: str) -> bool:
    n = 0
    for _ in _LONE.finditer(text):
        n += 1
        if n >= SIGN:
            return True
    return False


def _strokes(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[tuple[float, float, float, float]]:
    """Bounds of the page's text objects that carry no text (glyphs without Unicode)."""
    out: list[tuple[float, float, float, float]] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,), max_depth=2):
        n = pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
        buf = (ctypes.c_ushort * max(n, 1))()
        pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, buf, n)
        chars = buf[: max(n - 1, 0)]
        if any(c not in (0, 0x20) for c in chars) or 0x20 in chars:  # text, or a written space (Word
            continue                                                 # draws some spaces as objects of their own)
        left, bottom, right, top = obj.get_bounds()
        if top - bottom > 0.05 and right - left > 0.05:  # a stroke has ink; an empty object has no extent
            out.append((left, bottom, right, top))
    return out


_SKIPPED = VOWEL_MARKS | {"\u0640"}  # what stands between a letter and a space without being a letter


def _joins_before(text: str, k: int) -> bool:
    """Does the last letter before index ``k`` (vowel marks and kashida skipped) join the next letter?"""
    j = k - 1
    while j >= 0 and text[j] in _SKIPPED:
        j -= 1
    return j >= 0 and text[j] not in NON_JOINING


def _article(text: str, k: int) -> bool:
    """Does a word open at ``k`` with the article (``ال``)? After a letter that joins nothing, whose tail (ر, ز, و)
    reaches under the next word, a space drawn over that letter before ``ال`` and a letter is a word space (``وتدهور النظم``); before
    other letters it is Word's space inside a word (``و بعد``, ``والر خص``)."""
    return text.startswith("\u0627\u0644", k) and text[k + 2 : k + 3] in _LETTERS  # (pdfium may give لا as ال)


def _over(space: tuple[float, float, float, float], letter: tuple[float, float, float, float]) -> bool:
    """Is the space's glyph drawn over the letter before it (more than half its width)?"""
    width = space[2] - space[0]
    return width > 0 and min(space[2], letter[2]) - max(space[0], letter[0]) > 0.5 * width


def mend(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str) -> str:
    """``text`` (the text page's characters) with the spaces that stand for a kashida glyph, and
    the spaces written between two letters drawn touching, turned into U+0640."""
    box: Box = textpage.get_charbox
    spots = [(m.start(), m.end()) for m in _SPACE_IN_WORD.finditer(text)]
    if not spots:
        return text
    strokes: list[tuple[float, float, float, float]] | None = None
    out: list[str] | None = None
    for k, end in spots:
        try:
            a, b = box(k - 1), box(end)
            mark = box(k + 1) if end - k == 3 else None
        except pdfium.PdfiumError:
            continue
        lo, hi = min(a[2], b[2]), max(a[0], b[0])  # the gap between the two letters' boxes
        gap = hi - lo
        bottom, top = min(a[1], b[1]), max(a[3], b[3])  # the band the two letters cover
        joins = _joins_before(text, k)  # a kashida is possible after this letter
        if end - k == 1 and (gap <= TOUCH * (top - bottom) or (gap < 0.3 * (top - bottom) and _over(box(k), a) and (joins or not _article(text, end)))):
            # the letters touch, or the space is drawn over the letter before it and the next letter
            # closer than a word space: the space is inside the word, it parts nothing. Word does this
            # in Arabic lines holding French words (`ب ناء`, `سلام ت هم`): the space's glyph is placed
            # over the letter before it and the next letter drawn against that letter
            if out is None:
                out = list(text)
            out[k] = "\u0640"
            continue
        if gap <= 0.2 or not joins:
            continue
        if strokes is None:
            strokes = _strokes(page, textpage)
        for s0, s_bottom, s1, s_top in strokes:
            if s_top - s_bottom > FLAT * (top - bottom) or not bottom <= (s_top + s_bottom) / 2 <= top:
                continue
            if min(s1, hi) - max(s0, lo) >= COVER * gap:
                if out is None:
                    out = list(text)
                out[k] = "\u0640"
                if mark is not None:  # the mark: kept when drawn over the stretch, dropped when it stood elsewhere
                    out[k + 2] = "\u0640"
                    if not (lo - 1 <= (mark[0] + mark[2]) / 2 <= hi + 1):
                        out[k + 1] = "\u0640"
                break
    return text if out is None else "".join(out)
