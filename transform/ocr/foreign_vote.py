"""A kept earlier OCR's suspect words read again by our own OCR, word against word.

:mod:`foreign_layer` finds the words of a kept foreign layer that look misread (`ls`, `!l`,
`concemant`, `9 OODE`, `1*`...). Only the lines holding such a word are cut from the render the OCR
sample already made (SAMPLE_DPI) and read as single lines, all in one tesseract call; each line's
two readings are aligned word by word, and a suspect word is replaced by ours when ours is what the
page can print there and the layer's word is not:

* a word the French lists know, or a short French word (`le`, `Il`, `et`), for a suspect word;
* a group of three digits, with its cents and `€` or not, for a capitals word of digits' look-alikes
  after a number (`9 OODE` -> `9 000€`; `0006`, a euro sign read as 6, is not taken);
* an ordinal (`1er`) for `1*` or `19°` before a month; `1*` or `1°` before a month is `1er` whatever ours reads
  (French writes the first of a month so only).

Where the readings agree, or ours is no better, the layer's word stays and so does the line's doubt
(foreign_layer.mark_suspect_lines, run after this). No line is added, dropped or reordered: only
aligned one-for-one word pairs change, so a crop read badly changes nothing.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from ..errors import ToolError
from .confidence import TEXT_UNSURE
from .foreign_amounts import suspect_amounts
from .foreign_layer import _SHORT, AMOUNT_CONFIDENCE, suspect_words
from .lexicon import known_fr
from .quality import comparable
from .render import binarise_page
from .tesseract import read_rows, tess_langs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

_AMOUNT = re.compile(r"^\d{3}(?:,\d{2})?€?$")  # a digit group (`000€`), not `0006` (a euro sign read 6)
_ORDINAL = re.compile(r"^\d{1,2}(?:er|re)$")
_EDGE = re.compile(r"^[\"'“”‘’«»(\[]+|[\"'“”‘’«»)\].,;:?!]+$")


def _better(layer: str, ours: str) -> bool:
    """May our reading ``ours`` replace the layer's suspect word ``layer``?"""
    core = _EDGE.sub("", ours)
    if not core or core == _EDGE.sub("", layer):
        return False
    if re.search(r"\d", layer) and _ORDINAL.match(core):  # 1* / 19° -> 1er
        return True
    if re.fullmatch(r"[A-Z€]+", _EDGE.sub("", layer)) and _AMOUNT.match(core):  # OODE -> 000€
        return True
    if "," in layer and _amount_for(layer, core):  # 7T9,41 -> 779,41; 28,32€ -> 218,32€
        return True
    if not re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ'’-]+", core):
        return False
    return core.lower() in _SHORT or (len(core) > 2 and known_fr(core))


_CENTS = re.compile(r"^\d{1,3},\d{2}€?$")
_CUT_AMOUNT = re.compile(r"(?<![\d,.])(\d{3})[.,] ?(\d{2}€?)(?!\S)")
_SHAPE = re.compile(r"^[\dA-Za-z]{1,3},[\dA-Za-z]{1,2}€?$")  # a suspect amount's group and cents (foreign_amounts)


def _amount_for(layer: str, ours: str) -> bool:
    """Is ``ours`` (for a suspect word of foreign_amounts' shape) a digit group with its cents that holds the layer's suspect amount's digits in their order
    (`7T9,41` -> `779,41`, `TT9,4€` -> `779,41€`, `28,32€` -> `218,32€`), its euro sign kept or not?"""
    shape = _EDGE.sub("", layer)
    if not _CENTS.match(ours) or not _SHAPE.match(shape) or ours.endswith("€") != shape.endswith("€"):
        return False
    digits = iter(ours)
    return all(d in digits for d in re.findall(r"\d", layer))


_STROKES = re.compile(r"^(?=.*[|!١])[|!lI1١]{2}$")  # two upright strokes, a mark among them (`||`, `|l`, `١|`)


def _strokes_il(words: list[str], k: int) -> bool:
    """Is ``words[k]`` two upright strokes read as marks, starting a sentence before a lower-case word? French
    prints only `Il` so (the corpus's truth: 26 such `Il`, no other word); digits alone (`11`) are not looked at."""
    return (bool(_STROKES.match(words[k])) and k + 1 < len(words) and words[k + 1][:1].islower()
            and (k == 0 or words[k - 1][-1:] in ".!?:;"))


_MONTHS = frozenset("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())


def _first_of_month(words: list[str], k: int) -> bool:
    """Is ``words[k]`` a `1` with a raised mark read as `*` or `°` (`1*`, `1°`) before a month's name? French writes the
    first of a month `1er` only (the corpus's truth: 14 such dates, all `1er`), so the mark is its `er`."""
    return bool(re.fullmatch(r"1[*°º]", words[k])) and k + 1 < len(words) and words[k + 1].lower() in _MONTHS


def _keep_marks(layer: str, ours: str) -> str:
    """Our word in the layer's punctuation (`(mériagers,` -> `(ménagers,`): only the letters are voted on."""
    lead = re.match(r"^[\"'“”‘’«»(\[]*", layer)
    tail = re.search(r"[\"'“”‘’«»)\].,;:?!]*$", layer)
    return (lead.group() if lead else "") + _EDGE.sub("", ours) + (tail.group() if tail else "")


def vote_line(layer: str, ours: str) -> tuple[str, int]:
    """The layer's line with its suspect words replaced where our reading is better; how many were."""
    suspects = set(suspect_words(layer))
    if not suspects:
        return layer, 0
    if suspect_amounts(layer):  # our reading's amount cut at its comma (`218. 32€`) read whole for the vote
        ours = _CUT_AMOUNT.sub(r"\1,\2", ours)
    words = layer.split()
    out = list(words)
    # punctuation standing alone (pdfium's `.` after a space, a dash) is left out of the pairing, suspects kept in
    ia = [k for k, w in enumerate(words) if comparable(w) or w in suspects]
    b = [w for w in ours.split() if comparable(w)]
    changed = 0
    ops = SequenceMatcher(None, [comparable(words[k]) for k in ia], [comparable(w) for w in b], autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or i2 - i1 != j2 - j1:
            continue
        for k, ow in zip(ia[i1:i2], b[j1:j2], strict=True):
            if words[k] in suspects and _better(words[k], ow):
                out[k] = _keep_marks(words[k], ow)
                changed += 1
    for k, w in enumerate(words):  # `||` for `Il` before a lower-case word (ours read `١|` there): no other French word
        if out[k] == w and w in suspects and _strokes_il(words, k):
            out[k] = "Il"
            changed += 1
        elif out[k] == w and w in suspects and _first_of_month(words, k):
            out[k] = "1er"
            changed += 1
    if not changed:
        return layer, 0
    new = " ".join(out)
    if len(suspect_words(new)) >= len(suspects):  # ours brought suspects of its own
        return layer, 0
    return new, changed


def padded_boxes(pimg: PageImage, items: Sequence[Any], share: float) -> list[tuple[int, int, int, int]]:
    """The image boxes of ``items`` (anything with ``x0``, ``top``, ``x1``, ``bottom`` in points), each padded by
    ``share`` of its height (3 pixels at least) and kept inside the page image."""
    k = pimg.dpi / 72.0
    boxes = []
    for it in items:
        pad = max(3, int(share * (it.bottom - it.top) * k))
        boxes.append((max(0, int(it.x0 * k) - pad), max(0, int(it.top * k) - pad),
                      min(pimg.image.width, int(it.x1 * k) + pad), min(pimg.image.height, int(it.bottom * k) + pad)))
    return boxes


def read_layer_results(pimg: PageImage, lines: list[TextLine], langs: list[str], timeout: float) -> list[OcrResult] | None:
    """Our OCR of each of a text layer's ``lines`` (its box padded by a quarter of its height), in one tesseract
    call for the page, with its words' boxes; None when tesseract fails."""
    boxes = padded_boxes(pimg, lines, 0.25)
    try:
        return read_rows(binarise_page(pimg), boxes, tess_langs(langs), timeout)
    except ToolError:
        return None


def read_layer_lines(pimg: PageImage, lines: list[TextLine], langs: list[str], timeout: float) -> list[str] | None:
    """Our OCR of each of a text layer's ``lines`` as text (:func:`read_layer_results`)."""
    results = read_layer_results(pimg, lines, langs, timeout)
    return None if results is None else [" ".join(x.text for x in res.lines) for res in results]


def reread_suspects(pimg: PageImage, lines: list[TextLine], langs: list[str], timeout: float) -> int:
    """Read the lines holding suspect words again from ``pimg`` and vote (see the module docstring);
    returns how many words were replaced. One tesseract call for the page, none without suspects."""
    todo = [ln for ln in lines if suspect_words(ln.text)
            and not getattr(ln, "parts", None) and not getattr(ln, "wide_parts", None)]  # a cut line is read by its parts
    if not todo:
        return 0
    results = read_layer_results(pimg, todo, langs, timeout)
    if results is None:
        return 0
    total = 0
    for ln in todo:  # an amount the layer misread stays in doubt whatever our reading makes of it (a blind reader
        if suspect_amounts(ln.text):  # cannot check it): set here, before the vote may take its suspect away
            ln.confidence, ln.doubt = AMOUNT_CONFIDENCE, TEXT_UNSURE
    left: list[tuple[TextLine, list[tuple[str, float, float, float, float]]]] = []
    for ln, res in zip(todo, results, strict=True):
        new, n = vote_line(ln.text, " ".join(x.text for x in res.lines))
        if n:
            ln.text = new
            total += n
        if suspect_words(ln.text):
            left.append((ln, [b for x in res.lines for b in res.word_boxes.get(id(x), [])]))
    if not left:
        return total
    from .foreign_words import reread_words  # (it takes _better from here)

    return total + reread_words(pimg, left, timeout)
