"""Ligature glyphs an Arabic font maps to stray codes (``ا'ملكة``, ``اkعتبارات``, ``ب]د``).

Some producers (a web page printed to PDF from Safari, with Geeza Pro) embed the Arabic font
with a ToUnicode map in which each ligature glyph gets a code of its own that is no Arabic
letter: an ASCII letter, digit or sign, or a Latin-1 letter (``'`` for ``لم``, ``k`` and ``]``
for ``لا``, ``M`` for ``لأ``, ``t`` for ``ين``, ``9`` for ``لله``). The letters a single glyph
draws keep their own codes, so the page looks like Arabic with Latin debris inside its words,
and the text-layer judge rightly refuses it.

The glyph behind a code is the same everywhere in the document, so its letters are learned
once per (font, code) from the words that contain it: the code is put back as each Arabic
ligature Unicode knows (the presentation forms that stand for two or three letters) and the
ligature that turns the most of those words into words of the word lists
(:mod:`transform.ocr.lexicon`, words of 5 letters or more: short keys prove nothing) wins, if
it wins clearly. The code is then replaced, in that font only, by the presentation form of
the ligature: one character for one, so the page's character indices still match pdfium's
boxes, and the line cleaning composes the form into its letters as it does for any ligature.
A code is looked at only where it touches an Arabic letter drawn in the same font (a Latin
word in a Latin font beside an Arabic word is not one), digits only in a font that already
proved the defect (a footnote call stuck to a word is a digit of the Arabic font); a code
whose words give no clear winner stays as it is, so no word is made up.

A code seen in too few words (one word, or words the lists read with two ligatures) can still be
read from its glyph: a font draws the forms of one ligature (``لا``, ``لأ``, ``لإ`` in the same
position) with the same advance and the same top or the same bottom, the hamza alone moving the
other edge. When the code's glyph is the twin in that sense of a code already learned in the same
font, and one of the code's words reads as a word of the lists with the twin's letters, the code is
read as the twin's ligature, its hamza told by its own glyph (``لíقالة``: a glyph as wide and as
tall as the final ``لا`` of ``ب]د``, reaching under the line: ``للإقالة``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from .pdf_text import TextPageCalls

_LETTER = "\u0621-\u064a"
_CODE = "A-Za-z0-9'%\\]\\[^`|~@#$&*+=<>_\\\\\u00c0-\u00ff"
# a page shows the defect's sign: a possible code touching an Arabic letter
SIGN = re.compile(f"[{_LETTER}][{_CODE}]|[{_CODE}][{_LETTER}]")
_CODE_NEXT_TO_LETTER = re.compile(f"(?<=[{_LETTER}])[{_CODE}]|[{_CODE}](?=[{_LETTER}])")
_WORD = re.compile(f"[{_LETTER}{_CODE}]+")
STRONG = 5  # letters a word needs for the word list to vouch for it
MIN_WORDS = 2  # distinct words a ligature must make for a code to be read as it
MAX_WORDS = 40  # words kept per code (evidence enough; bounds the cost)

LOOK_AHEAD = 6  # pages whose words are added when a page leaves a code undecided
HAMZA_BELOW = 0.2  # a lam-alef glyph reaching this share of the alef's height under the alef's bottom: لإ
HAMZA_ABOVE = 0.025  # ... or over the alef's top by this share: لأ
ALEFS = 12  # alefs of the font measured for its height
LAM_ALEF = "\u0644\u0627"
TWIN_WIDTH = 0.02  # advances within this share of each other: the same ligature's glyph ...
TWIN_EDGE = 0.05  # ... with its top or its bottom within this share of the glyph's height


class Glyphs(Protocol):
    """What the learning needs of a page's characters (:class:`PdfGlyphs` on a pdfium text page)."""

    def font(self, index: int) -> bytes: ...

    def shape(self, index: int) -> tuple[float, float] | None:
        """(top, bottom) of the glyph's tight box over its baseline, None when unknown."""
        ...


def _box(glyphs: Glyphs, index: int) -> tuple[float, float, float] | None:
    """(width, top, bottom) of the glyph at ``index``, None when the glyphs tell no width."""
    width = getattr(glyphs, "width", None)
    shape = glyphs.shape(index)
    w = width(index) if width is not None else None
    return None if w is None or shape is None else (w, shape[0], shape[1])


class PdfGlyphs:
    def __init__(self, calls: TextPageCalls) -> None:
        self.calls = calls

    def font(self, index: int) -> bytes:
        return self.calls.font_facts(index)[1]

    def shape(self, index: int) -> tuple[float, float] | None:
        import ctypes

        import pypdfium2.raw as pdfium_c

        left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        if not pdfium_c.FPDFText_GetCharBox(self.calls.raw, index, left, right, bottom, top) or top.value <= bottom.value:
            return None
        base = self.calls.origin_y(index)
        return top.value - base, bottom.value - base

    def width(self, index: int) -> float | None:
        """The glyph's width (its tight box), None when unknown."""
        import ctypes

        import pypdfium2.raw as pdfium_c

        left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        if not pdfium_c.FPDFText_GetCharBox(self.calls.raw, index, left, right, bottom, top) or right.value <= left.value:
            return None
        return right.value - left.value


Later = Callable[[], Iterator[tuple[str, Glyphs]]]


def pages_after(page: pdfium.PdfPage, page_no: int) -> Later:
    """The text and glyphs of the :data:`LOOK_AHEAD` pages after page ``page_no`` (1-based), read when asked."""

    def read() -> Iterator[tuple[str, Glyphs]]:
        from .pdf_text import TextPageCalls, page_text

        pdf = page.pdf
        for k in range(page_no, min(page_no + LOOK_AHEAD, len(pdf))):
            more = pdf[k]
            textpage = more.get_textpage()
            yield page_text(textpage)[0], PdfGlyphs(TextPageCalls(textpage))
            textpage.close()
            more.close()

    return read


@lru_cache(maxsize=1)
def ligature_forms() -> dict[str, str]:
    """Letters -> one presentation-form character for every Arabic ligature of 2-3 letters."""
    forms: dict[str, str] = {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]:
        letters = unicodedata.normalize("NFKC", chr(cp))
        if 2 <= len(letters) <= 3 and all("\u0621" <= c <= "\u064a" for c in letters):
            forms.setdefault(letters, chr(cp))
    return forms


class GlyphCodes:
    """Per document: codes learned as ligature glyphs, per font (see the module's docstring)."""

    def __init__(self) -> None:
        self.learned: dict[tuple[bytes, str], str] = {}  # (font, code) -> presentation form
        self.proved: set[bytes] = set()  # fonts shown to map ligatures to codes
        self._words: dict[tuple[bytes, str], set[str]] = {}
        self._settled: set[tuple[bytes, str]] = set()  # decided: not looked at again
        self._boxes: dict[tuple[bytes, str], tuple[float, float, float]] = {}  # a glyph's (width, top, bottom)
        self.looked_ahead = False

    def fix_page(self, text: str, glyphs: Glyphs, later: Later | None = None) -> str:
        """The page's text with every learned code replaced (same length: indices unchanged).

        ``later`` gives the text and fonts of the pages that follow: the first time a page leaves
        a code undecided, their words are added to the evidence (a title page shows too few
        words, and its codes would otherwise be read only from the next pages on)."""
        if SIGN.search(text) and self._learn(text, glyphs) and later is not None and not self.looked_ahead:
            self.looked_ahead = True
            for more, more_glyphs in later():
                if SIGN.search(more):
                    self._learn(more, more_glyphs)
        if not self.learned:
            return text
        chars = {code for _, code in self.learned}
        out: list[str] | None = None
        for i, ch in enumerate(text):
            if ch in chars:
                form = self.learned.get((glyphs.font(i), ch))
                if form is not None:
                    if out is None:
                        out = list(text)
                    out[i] = form
        return text if out is None else "".join(out)

    def _learn(self, text: str, glyphs: Glyphs) -> bool:
        """Add the page's evidence; is a code of the page left undecided?"""
        touched: dict[tuple[bytes, str], int] = {}  # key -> a place of the code on this page
        for m in _CODE_NEXT_TO_LETTER.finditer(text):
            i, code = m.start(), m.group(0)
            if code.isdigit() and not self.proved:
                continue
            font = glyphs.font(i)
            key = (font, code)
            if key in self._settled or not font:
                continue
            letter = i - 1 if i > 0 and "\u0621" <= text[i - 1] <= "\u064a" else i + 1
            if glyphs.font(letter) != font:  # a Latin word's letter beside an Arabic word: not a code
                continue
            word = _WORD.search(text, max(0, i - 40), i + 41)
            while word is not None and word.end() <= i:
                word = _WORD.search(text, word.end(), i + 41)
            if word is None or word.start() > i:
                continue
            words = self._words.setdefault(key, set())
            if len(words) < MAX_WORDS:
                words.add(word.group(0))
                touched.setdefault(key, i)
        for key, index in sorted(touched.items()):
            if key not in self._boxes and (box := _box(glyphs, index)) is not None:
                self._boxes[key] = box
            self._decide(key, lambda form, index=index: _hamza(form, index, text, glyphs))
        for key, index in sorted(touched.items()):
            if key not in self._settled:
                self._twin(key, lambda form, index=index: _hamza(form, index, text, glyphs))
        return any(key not in self._settled for key in touched)

    def _decide(self, key: tuple[bytes, str], hamza: Callable[[str], str] | None = None) -> None:
        """Read the code as the ligature its words show clearly, if one does; ``hamza`` (the glyph on
        this page) tells a lam-alef from its hamza forms, which the word lists cannot."""
        font, code = key
        words = self._words[key]
        scores: dict[str, int] = {}
        for letters in _plain_ligatures():
            vouched = [v for w in words if (v := _vouched(self._spelt(w, font, code, letters), len(w) - 1 - w.rindex(code)))]
            if vouched:
                scores[letters] = sum(vouched) if len(vouched) >= MIN_WORDS else -1  # one word alone proves nothing
        if not scores:
            return
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if hamza is not None and len(ranked) > 1 and hamza(LAM_ALEF) != LAM_ALEF:
            # the glyph carries a hamza (it rises over the font's alefs or reaches under them): only
            # a ligature with a hamza can be drawn by it (لأ، لإ read لا by the lists; ئ...)
            ranked = [kv for kv in ranked if kv[0] == LAM_ALEF or "\u0626" in kv[0]] or ranked
        best, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        long_words = sum(1 for w in words if len(w) >= STRONG - 1)  # each worth 2 at best: half of them must be vouched for
        if n > 0 and n >= 2 * second and n > second and n >= long_words:
            self.learned[key] = ligature_forms()[hamza(best) if hamza is not None else best]
            self.proved.add(font)
            self._settled.add(key)
            for other in [k for k in self._words if k[0] == font and k not in self._settled]:
                self._decide(other)  # the words of other codes may now read with this one

    def _twin(self, key: tuple[bytes, str], hamza: Callable[[str], str]) -> None:
        """Read the code as the ligature of a learned code of its font drawn by a twin glyph (same
        advance, same top or bottom), if one of its words reads as a word of the lists that way."""
        font, code = key
        box = self._boxes.get(key)
        if box is None:
            return
        width, top, bottom = box
        height = max(top - bottom, 1e-6)
        for (other_font, other), form in sorted(self.learned.items()):
            twin = self._boxes.get((other_font, other))
            if other_font != font or twin is None or abs(twin[0] - width) > TWIN_WIDTH * width:
                continue
            if abs(twin[1] - top) > TWIN_EDGE * height and abs(twin[2] - bottom) > TWIN_EDGE * height:
                continue
            from ..ocr.lexicon import normalise_ar

            letters = normalise_ar(unicodedata.normalize("NFKC", form))
            if letters not in ligature_forms():
                continue
            if any(_vouched(self._spelt(w, font, code, letters), len(w) - 1 - w.rindex(code)) == 2 for w in self._words[key]):
                self.learned[key] = ligature_forms()[hamza(letters)]
                self._settled.add(key)
                return

    def _spelt(self, word: str, font: bytes, code: str, letters: str) -> str:
        """The word with ``code`` read as ``letters`` and the font's learned codes as theirs ("" if another code is left)."""
        out = []
        for ch in word:
            if ch == code:
                out.append(letters)
            elif "\u0621" <= ch <= "\u064a":
                out.append(ch)
            else:
                form = self.learned.get((font, ch))
                if form is None:
                    return ""
                out.append(unicodedata.normalize("NFKC", form))
        return "".join(out)


@lru_cache(maxsize=1)
def _plain_ligatures() -> tuple[str, ...]:
    """The ligatures as the word lists see them: hamza forms of alef folded into alef (``لأ``,
    ``لإ``, ``لآ`` read ``لا``: the lists cannot tell them apart, and a plain alef invents no hamza)."""
    from ..ocr.lexicon import normalise_ar

    return tuple(sorted({letters for letters in ligature_forms() if normalise_ar(letters) == letters}))


def _vouched(word: str, after: int) -> int:
    """How well the lists vouch for the word (5 letters or more): 2 when it is a word of the lists
    (an article or proclitic removed), 1 when it is one once a suffix is stripped, a suffix that
    takes at most the ``after`` letters following the code's (``هم``, ``ين``, ``ته`` are suffixes:
    any word + suffix would vouch for them), 0 otherwise."""
    if len(word) < STRONG:
        return 0
    from ..ocr.lexicon import AR_PROCLITICS, AR_SUFFIXES, ar_key, arabic_words, normalise_ar

    word = normalise_ar(word)
    words = arabic_words()
    bases = [word, ar_key(word)]
    for p in AR_PROCLITICS:
        if word.startswith(p) and len(word) > 3:
            bases += [word[1:], ar_key(word[1:])]
    if any(base in words for base in bases):
        return 2
    for base in bases:
        for s in AR_SUFFIXES:
            if len(s) <= after and base.endswith(s) and len(base) - len(s) >= 2 and base[: -len(s)] in words:
                return 1
    return 0


def _hamza(letters: str, index: int, text: str, glyphs: Glyphs) -> str:
    """``لا`` as drawn at ``index``: ``لإ`` when its glyph reaches well under the font's alef,
    ``لأ`` when it rises over it (the hamza; a madda rises too, and is read as a hamza)."""
    if letters != LAM_ALEF:
        return letters
    font, shape = glyphs.font(index), glyphs.shape(index)
    alefs = []
    at = text.find("\u0627")
    while at >= 0 and len(alefs) < ALEFS:
        if glyphs.font(at) == font and (alef := glyphs.shape(at)) is not None:
            alefs.append(alef)
        at = text.find("\u0627", at + 1)
    if shape is None or len(alefs) < 3:
        return letters
    top = sorted(a[0] for a in alefs)[len(alefs) // 2]
    bottom = sorted(a[1] for a in alefs)[len(alefs) // 2]
    height = top - bottom
    if shape[1] < bottom - HAMZA_BELOW * height:
        return "\u0644\u0625"
    if shape[0] > top + HAMZA_ABOVE * height:
        return "\u0644\u0623"
    return letters
