"""Digits in French prose read again with their neighbours: letters or an amount's unit the ``ara+fra`` reading took
for digits.

:mod:`latin_misreads` reads a digit token that may be an article alone (``--psm 8``). Some misreads need the
token's neighbours to be read right: alone, the ink of ``l'IS`` reads ``MS,`` or ``rs,``, with the words after it
``l'IS, la CVAE``; the ``12`` of ``multiples, 12 monarchie`` reads ``12`` alone and ``la`` beside its neighbours.
Here such a token is read again with the word before and the word after it as one line, ``fra`` alone
(``--psm 7``; the page's crops in one tesseract call), and replaced only when:

* the reading holds as many words as the crop, and every neighbour reads as the line lists it (the reading is
  anchored on words both readings agree on), and
* the token reads as what its place wants:

  - **an article** :func:`latin_misreads.digit_candidate` expected and its own crop did not confirm (``la``);
  - **letters the digits' glyphs stand for**, for digits opened by a quote that no quote closes on the line
    (``"15,`` for ``l'IS,``: an elision read as a quote, ``1`` an ``I``, ``5`` an ``S``); an elision of one
    letter may open the reading;
  - **an amount's unit** (``€``, ``k€``, ``M€``, ``Md€``...), for a token of four digits after a number of one to
    three digits (a decimal comma allowed) that it cannot continue, before a word in small letters, no year
    (``15 1106 d'ici`` where the page prints ``15 Md€``: a group of thousands has three digits);
  - **an ordinal**, for a number of two or three digits whose last one may be an ordinal's raised ``e`` read as a
    digit, before a singular noun ranked by ordinals (french_words.ORDINAL_NOUNS) that no number follows (``alinéa 3``), after a
    bracket or an article (``65 (22 alinéa), 66`` where the page prints ``(2e alinéa)``: a number before a singular
    ``alinéa`` is an ordinal, and ``article 22 alinéa 3`` is left alone): the reading must be the digits but the
    last and a raised ``e`` as the ``fra`` model reads it alone (``e``, ``€`` or ``°``); it is written ``2e``;
  - **an elided article**, for a lone ``1`` after a preposition (``après``, ``de``, ``pour``...) and before a word of
    the list opening on a vowel (``après 1 avis`` where the page prints ``après l'avis``): the reading must hold the
    word before and ``l'`` glued to the word after, one word fewer than the crop; the two are then made one.

Otherwise the digits stay and the line is put in doubt (``ocr_low_confidence``): a number is never changed on the
phrase's evidence alone, nor on a reading that moved its neighbours.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .confidence import OCR_LOW
from .crop_reads import pixel_box
from .french_words import ORDINAL_NOUNS
from .lexicon import known_fr

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

MAX_CROPS = 20  # context crops read per page at most
PAD = 0.3  # the crop: the words' box grown by this share of its height on every side
UNIT = "unit"  # the wanted reading of a number's misread unit
GLYPHS = "glyphs"  # the wanted reading of quoted digits: the letters their glyphs stand for
ELISION = "elision"  # the wanted reading of a lone 1 before a word opening on a vowel: l' glued to it
ORDINAL = "ordinal"  # the wanted reading of a number whose last digit may be an ordinal's raised e
# words after which an article's elided l' stands (``après 1 avis`` where the page prints ``après l'avis``)
_PREPOSITIONS = frozenset("après avant de à par sur dans pour avec sans sous entre vers selon dès malgré contre depuis "
                          "pendant envers chez".split())
_ELIDABLE = re.compile(r"^[aeiouyhàâéèêîô][a-zà-ÿ]+[,.;:]?$")
UNITS = frozenset({"€", "k€", "K€", "M€", "Md€", "Mds€", "Mrd€"})
# the letters a digit's glyph is read for, capitals included (``IS`` read ``15``)
_LETTERS = {"1": "lIi", "5": "Ss", "0": "oO", "2": "aZz", "3": "a", "6": "eGb", "8": "B"}
_QUOTED = re.compile(r"^[\"“”«]([0-9]{1,4})([,.;:]?)$")
_QUOTES = re.compile(r"[\"“”«»]")
_ELIDED = re.compile(r"^(?:[ldjmnstcLDJMNSTC][’'])?([A-Za-zÀ-ÿ]+)([,.;:]?)$")
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")  # a day before its year, the month lost: no unit
_NUMBER = re.compile(r"^[0-9]{1,3}(?:,[0-9]+)?$")  # an amount's number before its unit (``15``, ``2,3``)
_RAISED = re.compile(r"^(\(?)([1-9][0-9]?)[0-9]([),;]?)$")  # ``(22`` for ``(2e``: a number, then its raised e read a digit
_RAISED_READ = re.compile(r"^\(?([1-9][0-9]?)[e€°][),;]?$")  # the ordinal as fra reads it alone (``(2€``)
_ORDINAL_BEFORE = frozenset("le la les du des au aux et ou".split())  # the words before an ordinal (``au 2e alinéa``)


def glyph_letters(digits: str, word: str) -> bool:
    """Are ``word``'s letters (an elision before them allowed) those the glyphs of ``digits`` are read for?"""
    m = _ELIDED.match(word)
    if not m or len(m.group(1)) != len(digits):
        return False
    return all(c in _LETTERS.get(d, "") for d, c in zip(digits, m.group(1), strict=True))


def context_candidate(toks: list[str], i: int, text: str) -> str | None:
    """What the digits ``toks[i]`` may stand for, read with their neighbours (see the module doc), else None."""
    tok = toks[i]
    if (m := _QUOTED.match(tok)) and len(_QUOTES.findall(text)) == 1 and all(d in _LETTERS for d in m.group(1)):
        return GLYPHS
    if tok == "1" and 0 < i < len(toks) - 1 and toks[i - 1].lower() in _PREPOSITIONS and _ELIDABLE.match(toks[i + 1]) \
            and known_fr(toks[i + 1].rstrip(",.;:")):
        return ELISION
    if (m := _RAISED.match(tok)) and i + 1 < len(toks) and toks[i + 1].rstrip(",.;:)").lower() in ORDINAL_NOUNS \
            and not toks[i + 1].rstrip(",.;:)").endswith("s") and (m.group(1) or (i and toks[i - 1].lower() in _ORDINAL_BEFORE)) \
            and not (i + 2 < len(toks) and toks[i + 1][-1:].isalpha()
                     and (toks[i + 2][:1].isdigit() or toks[i + 2].lower().startswith("premi"))):
        return ORDINAL
    if tok.isdigit() and len(tok) == 4 and not _YEAR.match(tok) and i and _NUMBER.match(toks[i - 1]) and i + 1 < len(toks) \
            and toks[i + 1][:1].islower():
        return UNIT
    return None


def accepts(want: str, tok: str, got: str) -> bool:
    """Does the context reading ``got`` of the digits ``tok`` say what their place wants?"""
    if want == UNIT:
        return got in UNITS
    if want == ELISION:
        return False  # read as two words for three: see reread_in_context
    if want == ORDINAL:
        m, r = _RAISED.match(tok), _RAISED_READ.match(got)
        return m is not None and r is not None and r.group(1) == m.group(2)
    if want == GLYPHS:
        m = _QUOTED.match(tok)
        return m is not None and glyph_letters(m.group(1), got.rstrip(",.;:")) and got.endswith(m.group(2))
    return got.rstrip(",.;:") == want and got[len(want):] == tok[len(tok.rstrip(",.;:")):]


def written(want: str, tok: str, got: str) -> str:
    """What replaces the digits ``tok`` once their context reading ``got`` was accepted (an ordinal: ``(2e``)."""
    if want == ORDINAL and (m := _RAISED.match(tok)):
        return f"{m.group(1)}{m.group(2)}e{m.group(3)}"
    return got


def span(toks: list[str], i: int) -> tuple[int, int]:
    """The tokens read together with ``toks[i]``: the word before it and the word after it (two after it at the
    line's start), as a slice."""
    lo = max(0, i - 1)
    hi = min(len(toks), i + 2 if i else i + 3)
    return lo, hi


def reread_in_context(image: PageImage, lines: list[TextLine], result: OcrResult, wanted: dict[tuple[int, int], str],
                      timeout: float) -> int:
    """Each candidate of the page's French lines (``wanted``: (line id, token index) -> the article an earlier
    crop did not confirm; the quoted digits and the lost units are found here) read with its neighbours; how many
    tokens were replaced. Lines whose candidate stays are put in doubt."""
    todo: list[tuple[TextLine, int, str, int, int]] = []
    for ln in lines:
        listed = result.word_boxes.get(id(ln))
        if listed is None:
            continue
        toks = ln.text.split()
        if toks != [w for w, *_b in listed]:
            if any(key[0] == id(ln) for key in wanted):
                ln.doubt = ln.doubt or OCR_LOW
            continue
        for i in range(len(toks)):
            want = wanted.get((id(ln), i)) or context_candidate(toks, i, ln.text)
            if want is not None:
                todo.append((ln, i, want, *span(toks, i)))
    if not todo:
        return 0
    todo, rest = todo[:MAX_CROPS], todo[MAX_CROPS:]
    for ln, *_r in rest:
        ln.doubt = ln.doubt or OCR_LOW
    boxes = []
    for ln, _i, _w, lo, hi in todo:
        near = result.word_boxes[id(ln)][lo:hi]
        boxes.append((min(b[1] for b in near), min(b[2] for b in near), max(b[3] for b in near), max(b[4] for b in near)))
    readings = _read(image, boxes, timeout)
    done = 0
    merges: list[tuple[TextLine, int, str]] = []
    for (ln, i, want, lo, hi), read in zip(todo, readings, strict=True):
        listed = result.word_boxes[id(ln)]
        words = [w for w, _c in read]
        same = len(words) == hi - lo and all(words[k - lo] == listed[k][0] for k in range(lo, hi) if k != i)
        if want == ELISION and words[:1] == [listed[lo][0]] and len(words) == hi - lo - 1 \
                and words[1].replace("’", "'") == "l'" + listed[i + 1][0]:
            merges.append((ln, i, words[1]))  # ``après l'avis`` read for ``après 1 avis``: the two words made one
        elif same and accepts(want, listed[i][0], words[i - lo]):
            listed[i] = (written(want, listed[i][0], words[i - lo]), *listed[i][1:])
            ln.text = " ".join(w for w, *_b in listed)
            done += 1
        else:
            ln.doubt = ln.doubt or OCR_LOW
    for ln, i, word in sorted(merges, key=lambda m: -m[1]):  # last first: a merge moves the words after it
        listed = result.word_boxes[id(ln)]
        a, b = listed[i], listed[i + 1]
        listed[i:i + 2] = [(word, a[1], min(a[2], b[2]), b[3], max(a[4], b[4]))]
        ln.text = " ".join(w for w, *_b in listed)
        done += 1
    return done


def _read(image: PageImage, boxes: list[tuple[float, float, float, float]], timeout: float) -> list[list[tuple[str, float]]]:
    """Each box (points) cut from the page image, padded, and read as one line with ``fra`` (one tesseract call)."""
    from .tesseract import read_words

    k = image.dpi / 72.0
    crops = [pixel_box(x0, t, x1, b, k, image.image.width, image.image.height, PAD * (b - t)) for x0, t, x1, b in boxes]
    return [[(unicodedata.normalize("NFC", text), conf) for text, conf, _l, _r in words]
            for words in read_words(image, crops, "fra", 7, timeout, stem="context")]
