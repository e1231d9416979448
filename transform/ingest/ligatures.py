"""Arabic text as fonts and scanners break it: ligatures back to front, justification kashida.

**Ligatures.** When a font draws a ligature as one glyph whose ToUnicode entry holds
several letters (lam-alef in Word's and LibreOffice's PDFs with most Arabic fonts,
lam-alef maksura, ``الله``), pdfium's bidi pass emits those letters back to front: the
lam-alef ligature comes out as alef + lam (``االقتصادي`` for ``الاقتصادي``, ``اإلدارة``,
``خالل`` for ``خلال``, ``ال`` for ``لا``), ``الأولى`` as ``الأوىل``, ``الله`` as ``هللا``.
Such a layer passes for Arabic (the letters are right, only swapped) and the broken forms
outnumber the right ones on every page.

On a text layer the repair is exact: the letters of one ligature come from one glyph, so
pdfium gives them the same box, while a real alef followed by a lam (the article ``ال``,
``إلى``) are two glyphs side by side. :class:`LigatureProbe` only looks at a page's
boxes when its text shows a sign of the defect (:data:`HALLMARK`: an alef before
``ال`` at the start of a word, ``ال`` standing alone, ``ى`` inside a word, ``هلل``), or once
a page of the same document proved it; other pages cost one regular-expression search.

Where no geometry is known (OCR lines, a layer whose ligature letters got separate boxes)
:func:`repair_words` applies what needs no geometry (``ا`` + swapped ``ال`` at the start of
a word is never Arabic, ``ال`` alone never a word) and, for the other swapped pairs, the
word lists of :mod:`transform.ocr.lexicon`: a word is changed only when it is not a word
and the swapped form is one, so a correct word is never changed.

**Kashida.** Justified Arabic is stretched with tatweel (U+0640, ``مـا تكـون``): it is
removed, except after a one-letter abbreviation (``1448 هـ``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .glyph_codes import GlyphCodes

if TYPE_CHECKING:
    from ..model import Cell

_LETTER = "\u0621-\u064a"
# signs that a page's fonts emit lam-alef back to front (never found in correct Arabic)
HALLMARK = re.compile(
    f"(?<![{_LETTER}])[وفبكل]?ا[اأإآم]ل|(?<![{_LETTER}])(?:ال|يف)(?![{_LETTER}])|ى[{_LETTER}]|هللا?(?![{_LETTER}])"
)
# substrings one of which a page showing a HALLMARK holds (plain substring tests are much cheaper than the pattern)
SIGNS = ("اال", "األ", "اإل", "اآل", "امل", " ال ", "\nال ", " يف ", "ىل", "هلل")
# letter pairs that may be one ligature glyph emitted back to front: a letter then lam
# (lam-alef, lam-yeh, lam-meem... reversed), ه + لل (``لله``), يف (``في``), and a jeem, hah or khah
# before a letter (the ``تح``, ``نج``, ``مخ`` ligatures of Naskh fonts: ``حتت`` for ``تحت``; no word list
# can judge those, ``حتت`` is a word too) when the glyph holds those two letters only
CANDIDATE = re.compile(f"[{_LETTER}]ل|يف|[\u062c\u062d\u062e](?=[{_LETTER}])")
HAH_LIKE = frozenset("\u062c\u062d\u062e")
INSIDE = re.compile(f"[اأإآى](?<=[{_LETTER}][اأإآى])ل")  # a possible swapped ligature inside a word
PROBES = 8
TATWEEL = re.compile("\u0640+")
_KEEP_TATWEEL = re.compile(f"(?<![{_LETTER}])[هم](?=\u0640+(?![{_LETTER}]))")

Box = Callable[[int], tuple[float, float]]


class LigatureProbe:
    """Per document: are ligatures emitted back to front? (pdfium is not thread-safe: one per document)"""

    def __init__(self) -> None:
        self.proved = False  # a page of this document showed a swapped ligature glyph
        self.fixed = 0  # ligatures put back in order so far
        self.codes = GlyphCodes()  # ligature glyphs the fonts map to stray codes (glyph_codes)

    def page_suspect(self, page_text: str, box: Box) -> bool:
        """Is the page worth a look at its ligature boxes?

        Yes once a page of the document proved the defect, or when the text shows a
        :data:`HALLMARK`; otherwise the first :data:`PROBES` alef + lam pairs inside words
        are looked at (two box queries each: a page whose fonts only swap ligatures inside
        words, ``خالل``, shows no hallmark).
        """
        if self.proved:
            return True
        if "\u0644" not in page_text:  # no lam: no Arabic ligature to look at (French pages)
            return False
        if any(sign in page_text for sign in SIGNS) and HALLMARK.search(page_text):
            return True
        for n, m in enumerate(INSIDE.finditer(page_text)):
            if n >= PROBES:
                break
            if _same(box(m.start()), box(m.start() + 1)):
                return True
        return False

    def fix_line(self, text: str, box: Box, origin: Callable[[int], float] | None = None) -> str:
        """The line with every ligature whose letters share one glyph box put in logical order.

        The characters keep their indices (a ligature's letters are swapped in place and share
        one box), so the caller's geometry still applies. ``origin`` (the x of a character's
        origin): an alef + lam inside a word drawn as one glyph with a box per letter is swapped too
        (:func:`swap_shared_origins`).
        """
        fixed, count = swap_shared_boxes(text, box)
        if origin is not None and INSIDE_ALEF_LAM.search(fixed):
            fixed, more = swap_shared_origins(fixed, origin)
            count += more
        if count:
            self.fixed += count
            self.proved = True
        return fixed


def swap_shared_boxes(text: str, box: Box) -> tuple[str, int]:
    """(text, ligatures swapped): the letters of each glyph box shared by several letters reversed
    in place. Only right where the document emits ligatures back to front (see :class:`LigatureProbe`)."""
    out: list[str] | None = None
    done = 0
    count = 0
    n = len(text)
    for m in CANDIDATE.finditer(text):
        a = m.start()
        if a < done:
            continue
        first = box(a)
        if not _same(first, box(a + 1)):
            continue
        lo, hi = a, a + 2  # the whole glyph: its letters all share the box
        while lo > done and text[lo - 1].isalpha() and _same(first, box(lo - 1)):
            lo -= 1
        while hi < n and text[hi].isalpha() and _same(first, box(hi)):
            hi += 1
        if text[a] in HAH_LIKE and text[a + 1] != "\u0644" and (hi - lo != 2 or first[1] - first[0] < 1.0):
            continue  # a two-letter glyph drawn with some width (not a line whose boxes all collapsed)
        if out is None:
            out = list(text)
        out[lo:hi] = out[lo:hi][::-1]
        count += 1
        done = hi
    return ("".join(out), count) if out is not None else (text, 0)


# an alef + lam inside a word, after two letters at least (not the article after a one-letter prefix: وال, بال)
INSIDE_ALEF_LAM = re.compile(f"(?<=[{_LETTER}][{_LETTER}])[\u0627\u0623\u0625\u0622]\u0644")


def swap_shared_origins(text: str, origin: Callable[[int], float]) -> tuple[str, int]:
    """(text, ligatures swapped): an alef + lam inside a word whose two letters have one origin, swapped.

    A stretched lam-alef (InDesign, the Egyptian Gazette's ``والسلامة``) may come as one glyph whose
    letters get a box each, alef right of lam, back to front like a shared box's (``والسالمة``, itself a
    word: no word list can tell). Two glyphs drawn one after the other never share an origin: the pen
    moves by the first one's advance. Only right where the document emits ligatures back to front, and
    only on a line in logical order (the letter before the pair drawn right of it): a line a producer emits
    in visual order (Chromium) holds every lam-alef as alef + lam with one origin, and is right as it is."""
    out: list[str] | None = None
    count = 0
    for m in INSIDE_ALEF_LAM.finditer(text):
        a = m.start()
        if abs(origin(a) - origin(a + 1)) < 0.01 and origin(a - 1) > origin(a) + 0.01:
            if out is None:
                out = list(text)
            out[a], out[a + 1] = out[a + 1], out[a]
            count += 1
    return ("".join(out), count) if out is not None else (text, 0)


def _same(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 0.01 and abs(a[1] - b[1]) < 0.01


_ARTICLE_SWAP = re.compile(f"(?<![{_LETTER}])([وفبكل]?)ا([اأإآ])ل")
_LONE_AL = re.compile(f"(?<![{_LETTER}])ال(?![{_LETTER}])")
_WORD = re.compile(f"[{_LETTER}]+")
_SWAPPED = re.compile("[اأإآ]ل")
_ARTICLE_AT = re.compile("^(?:[وفبك]?ال|لل)")


def repair_words(text: str, *, lexicon: bool = True) -> str:
    """Swapped lam-alef put back without geometry (see the module docstring).

    Only called on text that shows :data:`HALLMARK`; ``lexicon=False`` keeps to the two
    rules that need no word list.
    """
    text = _ARTICLE_SWAP.sub(lambda m: f"{m.group(1)}ال{m.group(2)}", text)
    text = _LONE_AL.sub("لا", text)
    if lexicon:
        text = _WORD.sub(lambda m: _fix_word(m.group(0)), text)
    return text


def _fix_word(word: str) -> str:
    if len(word) < 3 or not _SWAPPED.search(word):
        return word
    from ..ocr.lexicon import known_ar, normalise_ar

    if known_ar(normalise_ar(word)):
        return word
    article = _ARTICLE_AT.match(word)
    skip = article.end() - 2 if article else -1  # the article's own alef + lam stays
    spots = [m.start() for m in _SWAPPED.finditer(word) if m.start() != skip]
    for n in range(1, 1 << min(len(spots), 4)):  # every combination of at most four swaps
        chars = list(word)
        for bit, at in enumerate(spots[:4]):
            if n >> bit & 1:
                chars[at], chars[at + 1] = chars[at + 1], chars[at]
        cand = "".join(chars)
        if known_ar(normalise_ar(cand)):
            return cand
    return word


# ``لله`` read ``لل``: some fonts' lam-lam-heh ligature glyph maps to the two lams only (the Arabic
# Bulletin officiel: ``الحمد لل وحده``). Its letters share one box, like any ligature's, but a final
# lam draws its bowl under the baseline and this glyph, which ends on the heh, draws nothing there.
LAMLAM_END = re.compile(f"\u0644\u0644(?![{_LETTER}])")  # two lams ending a word
ALLAH_PREFIXES = frozenset({"", "و", "ف", "ا", "وا", "فا", "با", "وبا", "فبا", "تا", "عبدا"})  # لله، ولله، الله، والله، بالله...
BOWL = 0.1  # a final lam reaches this share of its glyph's height under the baseline, at least


def lost_heh(text: str, box: Box, reach: Callable[[int], float]) -> list[tuple[int, int]]:
    """Spans of ``text`` (a page's characters) holding a word of the ``لله`` family whose lam-lam-heh
    glyph lost its heh: two lams at the word's end sharing one box that no other letter shares, the
    glyph reaching nothing under the baseline (``reach``: how far under it, as a share of the glyph's
    height), the letters before them one of :data:`ALLAH_PREFIXES`."""
    out: list[tuple[int, int]] = []
    for m in LAMLAM_END.finditer(text):
        a = m.start()
        lo = a
        while lo > 0 and a - lo <= 4 and "\u0621" <= text[lo - 1] <= "\u064a":
            lo -= 1
        if text[lo:a] not in ALLAH_PREFIXES or (lo > 0 and "\u0621" <= text[lo - 1] <= "\u064a"):
            continue
        glyph = box(a)
        if not _same(glyph, box(a + 1)) or (a > lo and _same(glyph, box(a - 1))):
            continue  # letters in boxes of their own, or a glyph of three letters (``هلل``, back to front)
        if reach(a) > BOWL:
            continue  # a real final lam
        out.append((lo, a + 2))
    return out


def restore_lost_heh(lines: Sequence[Any], text: str, box: Box, reach: Callable[[int], float], baseline: Callable[[int], float]) -> None:
    """Give back the heh to the words :func:`lost_heh` finds, in the lines that hold them: the line
    whose characters (``start``, ``count`` in ``text``) include the glyph, or whose box holds it
    (``baseline``: the glyph's baseline, from the top of the page; a line made of pieces), and the
    pieces of a line cut at a gutter (``parts``) likewise."""
    spans = lost_heh(text, box, reach)
    if not spans:
        return
    for a, b in spans:
        word = text[a:b]
        x0, x1 = box(b - 1)
        y = baseline(b - 1)
        pattern = re.compile(f"(?<![{_LETTER}]){re.escape(word)}(?![{_LETTER}])")
        for ln in lines:
            for target in [ln, *(getattr(ln, "parts", None) or [])]:
                inside = target.start <= a < target.start + target.count or (
                    target.x0 - 1 <= x0 and x1 <= target.x1 + 1 and target.top - 1 <= y <= target.bottom + 1)
                if inside and pattern.search(target.text):
                    target.text = pattern.sub(word + "ه", target.text, count=1)


_KASHIDA_ALEF = re.compile(f"[{_LETTER}\u0640]*\u0640+ا[{_LETTER}\u0640]*")
# frequent words holding lam-alef whose lam-less form is also a word (``خال``): after a kashida they win
FREQUENT_LAMALEF = frozenset({"خلال", "وخلال", "إلا", "علاوة", "وعلاوة", "فضلا", "وفضلا"})


WIDE_ALEF = 1.8  # a lam-alef glyph is drawn at least this many times as wide as the page's usual alef
_KASHIDA_THEN_ALEF = re.compile("\u0640+\u0627")
_ALEF_AFTER_LETTER = re.compile("(?<=[\u0621-\u063f\u0641-\u064a])\u0627")


def _arabic_or_kashida(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def lams_before_wide_alefs(text: str, box: Box) -> str:
    """``فـا`` -> ``فلا``, ``فضـا`` -> ``فضلا`` on a page's characters, by the glyph's width.

    InDesign's lam-alef glyph after a kashida may carry only the alef (see
    :func:`restore_dropped_lam`, which decides by the word list alone and cannot when the word
    without its lam is a word too, or looks like one: ``فضا``, ``فا``). Drawn, the glyph keeps the
    width of both letters: an alef after a kashida whose box is :data:`WIDE_ALEF` times as wide as
    the page's usual alef (the median of up to 31 alefs written after a letter) is a lam-alef,
    and the kashida before it becomes the lost lam (same length: the page's character indices
    stay) when the word with it is a word (or a frequent one, or one once its swapped ligatures are
    put back). Only pages holding a kashida before an alef are looked at.
    """
    spots = [m.end() - 1 for m in _KASHIDA_THEN_ALEF.finditer(text)]
    if not spots:
        return text
    widths = []
    for m in _ALEF_AFTER_LETTER.finditer(text):
        x0, x1 = box(m.start())
        widths.append(x1 - x0)
        if len(widths) >= 31:
            break
    if len(widths) < 5:
        return text
    widths.sort()
    usual = widths[len(widths) // 2]
    out: list[str] | None = None
    n = len(text)
    for k in spots:
        x0, x1 = box(k)
        if usual <= 0 or x1 - x0 < WIDE_ALEF * usual:
            continue
        lo, hi = k - 1, k + 1
        while lo > 0 and _arabic_or_kashida(text[lo - 1]):
            lo -= 1
        while hi < n and _arabic_or_kashida(text[hi]):
            hi += 1
        cand = (text[lo : k - 1] + "\u0644" + text[k:hi]).replace("\u0640", "")
        if _is_word(cand):
            if out is None:
                out = list(text)
            out[k - 1] = "\u0644"
    return "".join(out) if out is not None else text


def _is_word(word: str) -> bool:
    from ..ocr.lexicon import known_ar, normalise_ar

    return word in FREQUENT_LAMALEF or known_ar(normalise_ar(word)) or _fix_word(word) != word


def restore_dropped_lam(text: str) -> str:
    """``للتفاعـات`` -> ``للتفاعلات``: a lam-alef after a kashida whose glyph maps to the alef alone.

    InDesign stretches justified Arabic with kashida, and the lam-alef glyph it then uses
    may carry only the alef in the ToUnicode map: the lam is lost, a tatweel stands before
    the alef. A kashida before an alef is also right (``كمـا``), so the word list decides:
    the lam comes back only when the word without it is not a word and the word with it
    is one, or is one of :data:`FREQUENT_LAMALEF` (``خـال`` is ``خلال``, though ``خال`` is a word).
    """
    if "\u0640ا" not in text:
        return text
    return _KASHIDA_ALEF.sub(lambda m: _with_lam(m.group(0)), text)


def _with_lam(word: str) -> str:
    from ..ocr.lexicon import known_ar, normalise_ar

    cand = re.sub("\u0640+ا", "لا", word).replace("\u0640", "")
    if cand in FREQUENT_LAMALEF:
        return cand
    if known_ar(normalise_ar(word.replace("\u0640", ""))):
        return word
    return cand if known_ar(normalise_ar(cand)) else word


def drop_kashida(text: str) -> str:
    """Remove justification tatweel; keep it after a one-letter abbreviation (``هـ``, ``مـ``)."""
    if "\u0640" not in text:
        return text
    if _KEEP_TATWEEL.search(text):
        keep = {m.end() for m in _KEEP_TATWEEL.finditer(text)}
        return TATWEEL.sub(lambda m: m.group(0)[:1] if m.start() in keep else "", text)
    return TATWEEL.sub("", text)


def repair_cells(rows: list[list[Cell]]) -> None:
    """Table cells of a document whose ligatures proved swapped: their text is read from
    the cell boxes without the line repair, so the geometry-free rules apply."""
    for row in rows:
        for cell in row:
            for sent in cell.sentences:
                if HALLMARK.search(sent.text) or _SWAPPED.search(sent.text):
                    sent.text = repair_words(sent.text)
