"""Arabic words read with a letter lost in a stacked ligature: put back, or read again at twice the size.

Office typefaces of the Naskh kind (Traditional Arabic and its kin) stack a letter on the one
before it: ``تم``, ``لم``, ``حم``, ``بم``, ``يم`` are drawn one over the other, the first letter a
small tooth on the second's loop. ``ara`` reads such a pair as one letter, often confidently:
``الاجتاعية`` for الاجتماعية, ``مثانة`` for بمثابة, ``ومعالجها`` for ومعالجتها, ``حسما`` for حسبما,
``تظم`` for تنظيم (a 200 ppi flatbed scan, 37 of its first page's 304 words wrong, most so). Two
passes, run in ``tesseract.ocr_image`` after the other re-readings of an ``ara`` page:

* :func:`keep_first_letters` (no tesseract call). A line whose Latin strays were read again
  (strays.py) takes the re-reading whole, and ``ara`` read on the line's crop loses stacked letters
  the page reading had: the page read ``بمثابة``, ``ومعالجتها``, ``والحماية`` right on lines the
  re-reading made ``مثانة``, ``ومعالجها``, ``وامانة``. Aligned word by word with the page reading
  (:class:`difflib.SequenceMatcher`), a re-read word gets the page's word back when that is a word
  (:func:`wordfix.real_word`) whose skeleton (dots aside) holds the re-read word's in order with one
  or two letters more, none of them its last (an ending is no lost letter; :func:`lost_in`). Any
  letter: tesseract saw it on the page (a light face's ``للإفغ`` re-read for ``للإفراغ``). The
  re-reading's other words (the strays it read right) stay.
* :func:`restore_dropped` (one tesseract call for the page, only when a line holds a suspect). The
  lines holding a word that is no word (Arabic letters only, MIN_LETTERS or more, not
  :func:`wordfix.real_word`) are cut out, enlarged DROP_SCALE times and read as one line each
  (``--psm 7``): bigger than the stroke width the model knows at 250 dpi, the tooth is often seen.
  The re-reading is no better on the whole (it misreads other words, and its confidence on the
  restored word is often low: 25 % for وحماية read right), so it is trusted only for what it adds:
  the suspect word is replaced by the one word read at its place (:func:`reread.at_place`) when
  that is a word holding every letter of the first reading in order with one or two STACKING
  letters more, none last (:func:`restores`: ``حسما`` in ``حسبما``).

A line keeps its confidence and its doubt: a line read unsure stays unsure on the review page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PIL import Image

from .lexicon import normalise_ar
from .spelling import _EDGES

if TYPE_CHECKING:
    from .render import PageImage
    from .tesseract import OcrResult

DROP_SCALE = 2.0  # the lines' crops enlarged this much for the re-reading
MIN_LETTERS = 3
MAX_ADDED = 2  # letters a restored word may have more than the first reading
MAX_LINES = 40  # lines read again per page at most
STACKING = "بتثنيجحخلم"  # the letters seen lost in a stacked pair (a tooth, a loop, lam, mim; a skeleton's siblings)


def _core(word: str) -> str:
    m = _EDGES.match(word)
    return m.group(2) if m else word


def suspect(word: str) -> bool:
    """A word as first read that may have lost a letter: Arabic letters only, MIN_LETTERS or more, no
    word, and a word with one STACKING letter put inside it (before its last letter): the sign, asked
    before any reading, that a lost letter may be all it lacks (``الاجتاعية``, ``تظم``: ``تنظم``)."""
    from .lexicon import AR_LETTERS
    from .wordfix import real_word

    core = _core(word)
    if len(core) < MIN_LETTERS or not AR_LETTERS.match(core) or real_word(core):
        return False
    return any(real_word(core[:i] + ch + core[i:]) for i in range(len(core)) for ch in STACKING)


def restores(old: str, new: str) -> bool:
    """Does ``new`` hold every letter of ``old`` in order, with 1..MAX_ADDED letters more, and is it a word?"""
    from .lexicon import AR_LETTERS
    from .wordfix import real_word

    a, b = normalise_ar(old), normalise_ar(new)
    if not AR_LETTERS.match(new) or not 1 <= len(b) - len(a) <= MAX_ADDED:
        return False
    added = _added(list(a), list(b))
    return added is not None and all(_stackable(b, i) for i in added) and real_word(new)


def _added(short: list, long: list) -> list[int] | None:
    """The positions in ``long`` of the letters it holds more than ``short`` (``short``'s letters
    taken in order, each as early as it comes), None when ``long`` does not hold them all."""
    added, i = [], 0
    for n, ch in enumerate(long):
        if i < len(short) and short[i] == ch:
            i += 1
        else:
            added.append(n)
    return added if i == len(short) else None


def _stackable(word: str | list, i: int) -> bool:
    """Can the letter at ``i`` of ``word`` be one of a stacked pair: a letter that joins the next
    one or the one before, inside the word (never its last letter: an ending or a suffix is no
    stacked letter), and no alef, hamza, waw or ta marbuta (they stack on nothing)."""
    return 0 <= i < len(word) - 1 and word[i] in STACKING


def restore_dropped(pimg: PageImage, result: OcrResult, timeout: float) -> int:
    """Read again, enlarged, the Arabic lines of ``result`` holding a word that may have lost a
    letter (module docstring); the lines' texts and listings are changed in place. Returns the
    number of words changed."""
    from .reread import at_place, put_words
    from .tesseract import _pad, read_rows

    picked = [ln for ln in result.lines if id(ln) in result.rtl_words and result.rtl_words[id(ln)][0] == ln.text
              and any(suspect(w[0]) for w in result.rtl_words[id(ln)][1])][:MAX_LINES]
    if not picked:
        return 0
    k = pimg.dpi / 72.0
    boxes = [_pad(pimg, int(ln.x0 * k), int(ln.top * k), int(ln.x1 * k) + 1, int(ln.bottom * k) + 1) for ln in picked]
    reads = read_rows(_enlarged(pimg, boxes), [_scaled(b) for b in boxes], "ara", timeout, psm=7)
    changed = 0
    for ln, sub in zip(picked, reads, strict=True):
        text, listed = result.rtl_words[id(ln)]
        new_words = [w for x in sub.lines for w in sub.rtl_words.get(id(x), ("", []))[1]]
        put: dict[int, str] = {}
        for j, (word, *_box) in enumerate(listed):
            if not suspect(word):
                continue
            n = at_place(listed, j, new_words)
            m, got = _EDGES.match(word), _EDGES.match(new_words[n][0]) if n is not None else None
            if m is not None and got is not None and restores(m.group(2), got.group(2)):
                put[j] = f"{m.group(1)}{got.group(2)}{m.group(3)}"
        changed += put_words(result, ln, listed, put)
    return changed


def _scaled(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    return tuple(round(v * DROP_SCALE) for v in box)  # type: ignore[return-value]


def _enlarged(pimg: PageImage, boxes: list[tuple[int, int, int, int]]) -> PageImage:
    """The page enlarged DROP_SCALE times, only the ``boxes`` drawn (the rest white): each crop
    is enlarged alone, the whole page never is."""
    from .render import PageImage as _Image

    w, h = round(pimg.image.width * DROP_SCALE), round(pimg.image.height * DROP_SCALE)
    big = Image.new("L", (w, h), 255)
    for box in boxes:
        crop = pimg.image.crop(box)
        big.paste(crop.resize((round(crop.width * DROP_SCALE), round(crop.height * DROP_SCALE)), Image.Resampling.LANCZOS),
                  _scaled(box)[:2])
    return _Image(big, pimg.dpi * DROP_SCALE, pimg.page, pimg.width_pt, pimg.height_pt)


def _skeleton(word: str) -> list[int | str]:
    from .months import _shape

    return [_shape(ch) for ch in normalise_ar(word)]


def lost_in(first: str, again: str) -> bool:
    """Did ``again`` lose letters ``first`` holds: is ``first`` a word, Arabic letters only, whose
    skeleton (dots aside) holds ``again``'s in order with 1..MAX_ADDED letters more?"""
    from .lexicon import AR_LETTERS
    from .wordfix import real_word

    a, b = _skeleton(again), _skeleton(first)
    if not (AR_LETTERS.match(first) and AR_LETTERS.match(again)) or not 1 <= len(b) - len(a) <= MAX_ADDED:
        return False
    added = _added(a, b)
    norm = normalise_ar(first)
    return added is not None and all(i < len(norm) - 1 for i in added) and real_word(first)


def keep_first_letters(result: OcrResult) -> int:
    """Lines whose text a re-reading replaced whole (strays.py: its Latin strays read again alone in
    Arabic): each word of the re-reading that stands where the page reading read a word with one or
    two letters more (:func:`lost_in`: ``مثانة`` where it read ``بمثابة``, ``امفتشيات`` for
    ``المفتشيات``) is given the page reading's word back. Returns the number of words put back."""
    from difflib import SequenceMatcher

    changed = 0
    for ln in result.lines:
        first = result.rtl_words.get(id(ln))
        if first is None or first[0] == ln.text:
            continue
        old, new = first[0].split(), ln.text.split()
        cores = SequenceMatcher(None, [_core(w) for w in old], [_core(w) for w in new], autojunk=False)
        put = 0
        for op, i1, i2, j1, j2 in cores.get_opcodes():
            if op != "replace" or i2 - i1 != j2 - j1:
                continue
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                m, n = _EDGES.match(new[j]), _EDGES.match(old[i])
                if m is not None and n is not None and lost_in(n.group(2), m.group(2)):
                    new[j] = f"{m.group(1)}{n.group(2)}{m.group(3)}"
                    put += 1
        if put:
            ln.text = " ".join(new)
            changed += put
    return changed
