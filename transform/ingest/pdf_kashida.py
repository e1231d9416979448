"""Stretched Arabic words whose stretch is a glyph of its own.

Justified Arabic lengthens words with a kashida. InDesign and other composers may draw it as a
separate glyph with no Unicode value (a flat stroke on the baseline, in a text object of its
own). pdfium then sees a gap inside the word and puts a generated space there:
``هذا القانون`` comes out ``ه ذا القان ون``. Such a space is turned back into the kashida it
is (U+0640, same length: the page's character indices stay), which :func:`pdf_bidi.clean_text`
removes later.

The page objects are only walked on pages whose text shows the sign of it: several one-letter
Arabic "words" that are not the conjunction و. The walk reads every text object's bounds (one
native call, ``_chars.text_objects``); pdfium is asked for an object's text (to tell a stroke
without Unicode from a word), which makes it scan all the page's characters, only for the objects
that lie level with a gap, cover it and are flat enough: a page of InDesign words holds a few
hundred objects, and a page with no stroke (CESE) asks none. The spots' character boxes are read
in one native call too (``_chars.tight_boxes``).
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .bidi_chars import NATIVE, NON_JOINING, VOWEL_MARKS
from .pdf_calls import _NATIVE as _CALLS_NATIVE
from .pdf_calls import _address

Box = Callable[[int], tuple[float, float, float, float]]  # (left, bottom, right, top) of a character

_LETTERS = "".join(map(chr, range(0x621, 0x63B))) + "".join(map(chr, range(0x641, 0x64B)))
_MARKS = "\u0640\u064b-\u0652"
# a lone Arabic letter (not the conjunction و, not a list label followed by a bracket, dash or dot)
_NOT_WAW = _LETTERS.replace("\u0648", "")
_LONE = re.compile(f"(?<![{_LETTERS}{_MARKS}])[{_NOT_WAW}](?![{_LETTERS}{_MARKS})\\-.])")
# a space inside a word; pdfium may have put a vowel mark drawn elsewhere on the line between
# two such spaces (``واس ً تيفاء``), or the marks drawn over the stretch after it (``رس ًميا``, ``تُ َحدد``)
_SPACE_IN_WORD = re.compile(f"(?<=[{_LETTERS}{_MARKS}]) (?:[\u064b-\u0652] |[\u064b-\u0652]+(?=[{_LETTERS}]))?(?=[{_LETTERS}])")
SIGN = 3  # lone letters on a page before its objects are looked at
FLAT = 0.4  # a kashida glyph is at most this fraction of its neighbours' height
FLAT_OF_LINE = 0.12  # or of the font's line height (loose box), when the neighbours are short letters
COVER = 0.6  # and covers at least this fraction of the gap between them
TOUCH = 0.04  # two letters closer than this fraction of their height (or overlapping) are drawn touching


_NATIVE = NATIVE  # the count in C (bidi_chars.NATIVE), None for the pattern
# the tight boxes of a page's spots in one call (_chars.tight_boxes), None for one ctypes call per box
# the page's text objects in one call (_chars.text_objects), None for the ctypes walk (_walk)
_OBJECT_FUNCTIONS = tuple(_address(f) for f in (pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType,
                                                pdfium_c.FPDFPageObj_GetBounds, pdfium_c.FPDFFormObj_CountObjects,
                                                pdfium_c.FPDFFormObj_GetObject))
_OBJECTS = _CALLS_NATIVE if hasattr(_CALLS_NATIVE, "text_objects") and all(_OBJECT_FUNCTIONS) else None
_TIGHT_ADDRESS = _address(pdfium_c.FPDFText_GetCharBox) if _CALLS_NATIVE is not None and hasattr(_CALLS_NATIVE, "tight_boxes") else None


def suspect(text: str) -> bool:
    """The page's text shows lone Arabic letters: stretched words may have been cut."""
    return lone_count(text) >= SIGN


def lone_count(text: str) -> int:
    """How many lone Arabic letters the page's text shows (counted up to :data:`SIGN`)."""
    if _NATIVE is not None:
        return _NATIVE.lone_letters(text, SIGN)  # type: ignore[no-any-return]
    return sum(1 for _ in zip(range(SIGN), _LONE.finditer(text), strict=False))


def mend_page(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str) -> str:
    """:func:`mend` on a page that shows the sign (:data:`SIGN` lone letters or more); on a page
    with one or two lone letters, only the spaces beside them are looked at, for letters drawn
    touching (a word Word cut once: ``قب ل``, ``ل خطر``), which costs a few box queries."""
    n = lone_count(text)
    if n >= SIGN:
        return mend(page, textpage, text)
    if n == 0:
        return text
    return mend(page, textpage, text, near={m.start() for m in _LONE.finditer(text)})


def _suspect_py(text: str) -> bool:
    n = 0
    for _ in _LONE.finditer(text):
        n += 1
        if n >= SIGN:
            return True
    return False


def _textless(raw: object, textpage: pdfium.PdfTextPage) -> bool:
    """Does the text object carry no text (a glyph without Unicode; a written space is text: Word draws some
    spaces as objects of their own)?"""
    if isinstance(raw, int):  # a handle the native walk gave
        raw = ctypes.cast(raw, pdfium_c.FPDF_PAGEOBJECT)
    n = pdfium_c.FPDFTextObj_GetText(raw, textpage.raw, None, 0)
    buf = (ctypes.c_ushort * max(n, 1))()
    pdfium_c.FPDFTextObj_GetText(raw, textpage.raw, buf, n)
    chars = buf[: max(n - 1, 0)]
    return not (any(c not in (0, 0x20) for c in chars) or 0x20 in chars)


_BOUNDS = [ctypes.c_float() for _ in range(4)]
_BOUNDS_REFS = [ctypes.byref(c) for c in _BOUNDS]


def _text_objects(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[list[Any]]:
    """The page's text objects (those of its form XObjects one level down too) that have ink (an empty object has
    no extent), in the page's object order: ``[left, bottom, right, top, handle, textless]``, ``textless`` None
    until :func:`mend` asks (asking pdfium for an object's text scans the page's characters: a page of
    InDesign words holds a few hundred objects, and only the few level with a gap matter)."""
    if _OBJECTS is not None:  # the walk in one native call (_chars.text_objects)
        found = _OBJECTS.text_objects(_OBJECT_FUNCTIONS, ctypes.cast(page.raw, ctypes.c_void_p).value)
        if found is None:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        if any(obj[0] is None for obj in found):  # no bounds from pdfium: raised on a stroke, as get_bounds did
            if any(obj[0] is None and _textless(obj[4], textpage) for obj in found):
                raise pdfium.PdfiumError("Failed to locate pageobject.")
            found = [obj for obj in found if obj[0] is not None]
        return found  # type: ignore[no-any-return]
    out: list[list[Any]] = []
    _walk(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, 0, textpage, out)
    return out


def _walk(parent: object, count: Callable[[object], int], get: Callable[[object, int], object], level: int,
          textpage: pdfium.PdfTextPage, out: list[list[Any]]) -> None:
    """``page.get_objects(filter=(TEXT,), max_depth=2)``'s walk on the raw handles (without the extension)."""
    n = count(parent)
    if n < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    kind = pdfium_c.FPDFPageObj_GetType
    for i in range(n):
        raw = get(parent, i)
        if not raw:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        t = kind(raw)
        if t == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if not pdfium_c.FPDFPageObj_GetBounds(raw, *_BOUNDS_REFS):
                if _textless(raw, textpage):  # (as get_bounds raised on such an object)
                    raise pdfium.PdfiumError("Failed to locate pageobject.")
                continue
            left, bottom, right, top = (c.value for c in _BOUNDS)
            if top - bottom > 0.05 and right - left > 0.05:  # a stroke has ink; an empty object has no extent
                out.append([left, bottom, right, top, raw, None])
        elif t == pdfium_c.FPDF_PAGEOBJ_FORM and level < 1:
            _walk(raw, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, level + 1, textpage, out)


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


def _letter_before(text: str, k: int) -> int:
    """Index of the last letter before index ``k``, vowel marks and kashida skipped (``k - 1`` when
    no letter stands before them: a mark pdfium set at a piece's start)."""
    j = k - 1
    while j > 0 and text[j] in _SKIPPED:
        j -= 1
    return j if text[j] in _LETTERS else k - 1


def _flat_for_font(boxes: _CharBoxes, index: int, height: float) -> bool:
    """Is a stroke of this height flat for the font of the character at ``index``? Two short letters
    (``رس`` + ``ميا``) leave too low a band for :data:`FLAT`; the font's line height (the loose box:
    ascent to descent) tells a kashida (about a tenth of it) from a letter."""
    line = boxes.line_height(index)
    return line is not None and height <= FLAT_OF_LINE * line


_UNASKED = object()


class _CharBoxes:
    """``textpage.get_charbox`` (tight boxes) with reused out-parameters, the boxes of a page's spots read in one
    native call when ``_chars`` is built (:meth:`prefetch`): a page of justified Arabic asks for a few thousand."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.cells = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top: pdfium's argument order
        self.refs = [ctypes.byref(c) for c in self.cells]
        self.known: dict[int, tuple[float, float, float, float] | None] = {}
        self.loose = pdfium_c.FS_RECTF()
        self.loose_ref = ctypes.byref(self.loose)
        self.heights: dict[int, float | None] = {}

    def prefetch(self, indices: list[int]) -> None:
        """Read the boxes of these characters in one call (nothing without the extension)."""
        if _TIGHT_ADDRESS is not None and indices:
            handle = ctypes.cast(self.raw, ctypes.c_void_p).value
            self.known = dict(zip(indices, _CALLS_NATIVE.tight_boxes(  # type: ignore[union-attr]
                _TIGHT_ADDRESS, handle, indices), strict=True))

    def __call__(self, index: int) -> tuple[float, float, float, float]:
        found = self.known.get(index, _UNASKED)
        if found is None:
            raise pdfium.PdfiumError("Failed to get charbox.")
        if found is not _UNASKED:
            return found  # type: ignore[return-value]
        if not pdfium_c.FPDFText_GetCharBox(self.raw, index, *self.refs):
            raise pdfium.PdfiumError("Failed to get charbox.")
        left, right, bottom, top = self.cells
        return left.value, bottom.value, right.value, top.value

    def line_height(self, index: int) -> float | None:
        """Top minus bottom of the character's loose box (``get_charbox(loose=True)``), None where pdfium has none;
        read once per character."""
        if index in self.heights:
            return self.heights[index]
        height = self.loose.top - self.loose.bottom if pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, self.loose_ref) else None
        self.heights[index] = height
        return height


def _spot_indices(text: str, spots: list[tuple[int, int]]) -> list[int]:
    """The characters whose boxes :func:`mend` may ask for at these spots: the letter before, the letter after, the
    space, the mark between two spaces."""
    out: list[int] = []
    for k, end in spots:
        out.append(_letter_before(text, k) if text[k - 1] in _SKIPPED else k - 1)
        out.append(end)
        out.append(k)
        if end - k == 3:
            out.append(k + 1)
    return out


def mend(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str, near: set[int] | None = None) -> str:
    """``text`` (the text page's characters) with the spaces that stand for a kashida glyph, and
    the spaces written between two letters drawn touching, turned into U+0640. ``near``: only the
    spaces just before or after a letter at one of these indices are looked at."""
    box = _CharBoxes(textpage)
    if near is None:
        spots = [(m.start(), m.end()) for m in _SPACE_IN_WORD.finditer(text)]
    else:  # the spaces around each of those letters (a few characters on each side: spaces, marks)
        found = {(m.start(), m.end()) for j in near for m in _SPACE_IN_WORD.finditer(text, max(j - 4, 0), j + 6)}
        spots = sorted((k, end) for k, end in found if end in near or _letter_before(text, k) in near)
    if not spots:
        return text
    box.prefetch(_spot_indices(text, spots))
    strokes: list[list[Any]] | None = None  # the page's text objects, a stroke's test asked of each when needed
    middles: list[tuple[float, int]] = []  # their middles' heights, each with its place in ``strokes``
    levels: list[float] = []
    out: list[str] | None = None
    # the spots whose marks stand after the space last: they walk the page's objects for strokes only where a
    # plain spot already did (a page whose plain spaces show no stroke has none: CESE)
    spots.sort(key=lambda spot: spot[1] - spot[0] > 1 and text[spot[1] - 1] != " ")
    for k, end in spots:
        after_marks = end - k > 1 and text[end - 1] != " "
        j = _letter_before(text, k) if text[k - 1] in _SKIPPED else k - 1
        if after_marks and text[j] not in _LETTERS:
            continue  # marks after the space and none of this word's letters before it (a piece's first marks)
        try:
            a, b = box(j), box(end)
            mark = box(k + 1) if end - k == 3 else None
        except pdfium.PdfiumError:
            continue
        # (min and max of two written out: the first of two equals kept, as min and max keep it)
        lo, hi = (b[2] if b[2] < a[2] else a[2]), (b[0] if b[0] > a[0] else a[0])  # the gap between the two letters' boxes
        gap = hi - lo
        bottom, top = (b[1] if b[1] < a[1] else a[1]), (b[3] if b[3] > a[3] else a[3])  # the band the two letters cover
        joins = _joins_before(text, k)  # a kashida is possible after this letter
        if (end - k == 1 or after_marks) and (gap <= TOUCH * (top - bottom) or (gap < 0.3 * (top - bottom) and _over(box(k), a) and (joins or not _article(text, end)))):
            # the letters touch, or the space is drawn over the letter before it and the next letter
            # closer than a word space: the space is inside the word, it parts nothing. Word does this
            # in Arabic lines holding French words (`ب ناء`, `سلام ت هم`): the space's glyph is placed
            # over the letter before it and the next letter drawn against that letter
            if out is None:
                out = list(text)
            out[k] = "\u0640"
            continue
        if gap <= 0.2 or not joins or near is not None or (after_marks and strokes is None):
            continue  # (a page below the sign: the touching test only, no walk of its objects)
        if strokes is None:
            strokes = _text_objects(page, textpage)
            middles = sorted(((o[1] + o[3]) / 2, i) for i, o in enumerate(strokes))
            levels = [m for m, _ in middles]
        # the objects whose middle lies in the band, in the page's object order (the first stroke found wins)
        for i in sorted(i for _, i in middles[bisect_left(levels, bottom) : bisect_right(levels, top)]):
            obj = strokes[i]
            s0, s_bottom, s1, s_top = obj[0], obj[1], obj[2], obj[3]
            if (hi if hi < s1 else s1) - (lo if lo > s0 else s0) < COVER * gap:
                continue
            if s_top - s_bottom > FLAT * (top - bottom) and not _flat_for_font(box, end, s_top - s_bottom):
                continue
            if obj[5] is None:
                obj[5] = _textless(obj[4], textpage)
            if not obj[5]:
                continue
            if out is None:
                out = list(text)
            out[k] = "\u0640"
            if mark is not None:  # the mark: kept when drawn over the stretch, dropped when it stood elsewhere
                out[k + 2] = "\u0640"
                if not (lo - 1 <= (mark[0] + mark[2]) / 2 <= hi + 1):
                    out[k + 1] = "\u0640"
            break
    return text if out is None else "".join(out)
