"""Arabic words that tesseract glued together, split again; teeth of a rule read as ``سس``.

A space after a letter that does not join the next one (``ء``, ``ر``, ``ا``...) is narrow in
Naskh, and ``ara`` sometimes reads none: ``بناءعلى`` for بناء على, ``ذكرالاسم`` for ذكر الاسم, and
after a number ``2.19.732الصادر``. Such a token is no word of the list. It is split only where
the split is plain:

* after a letter that does not join, the first part a known word of three letters or more and
  the second a preposition (``على``, ``في``, ``من``, ``عن``, ``إلى``) or a known word of five
  letters or more that starts with the article (``ال``, ``لل``). Splitting any known pair after a
  non-joining letter would have cut 109 of the 13,004 Arabic words of the corpus's truth pages
  (``المترشحات`` is ``المتر`` + ``شحات``); this rule cuts one, ``سعرالبيع``, which its page prints
  glued; ``ما`` is a second part after a verb in the imperfect (``يقررما`` for يقرر ما: the enacting
  formula ``يقرر ما يلي``), never after a noun or a preposition (``بعدما``, ``عندما`` are words);
  ``مايلي`` is ``ما يلي`` (the first part has two letters only, and no word is spelt so);
* a number followed by a known word of four letters or more (``2.19.732الصادر``) that is not a
  month (``11مارس`` is how some pages print a date).

The converse, one word listed as two (:func:`_join_split`): ``الر ابعة`` (a space read where ``ر``
stops joining, the second part no word, its colon after it) and the article standing alone against
its word (``ال مغربية``, ``ال مادة``) are made one when that is a known word.

A dashed rule, a stretched ``ـ`` or a dotted blank is read as the teeth of ``س``: a token of
two or more ``س`` and nothing else is no word and is dropped (``سس``, ``سسس``), and three ``س`` in a
row inside a word are a stretch (``إلسسسى`` is إلى): no Arabic word has them.
"""

from __future__ import annotations

import re

from .collocations import MAX_JOIN_GAP, join_article
from .lexicon import AR_LETTERS, normalise_ar
from .months import MONTHS
from .spelling import _EDGES, _NO_JOIN, _known, _word
from .wordfix import real_word

PREPOSITIONS = frozenset({"على", "في", "من", "عن", "إلى", "الى"})
MIN_FIRST = 3  # letters of the first part
MIN_ARTICLE_WORD = 5  # letters of a second part that starts with the article
MIN_AFTER_NUMBER = 4  # letters of a word glued after a number
_AFTER_NUMBER = re.compile(r"^([(\[]?\d+(?:[.,/-]\d+)*)([\u0621-\u064a]+)([)\].,،؛:]*)$")
_TEETH = re.compile(r"^[^\u0621-\u064a\d]*سس+[^\u0621-\u064a\d]*$")
_STRETCH = re.compile("سسس+")
_ARTICLE = re.compile("[وفبك]?ال|[وف]?لل")  # the article with its particles, as a word of its own
_TAIL = re.compile(r"[:،,.؛]+$")  # punctuation after a word
_MA_YALI = frozenset({"مايلي", "مايلى"})
_VERB_START = "يت"  # an imperfect verb's prefix: a verb before a glued ما
_OR = ("أو", "او")  # the particle أو, glued to a word with the article
_NOT = ("الا", "ألا", "لا")  # لا and ألا, glued to a verb in the imperfect


def _second(part: str, first: str = "") -> bool:
    if part == "ما":  # a verb and its object ما (يقررما for يقرر ما); never بعدما, عندما, كلما
        return first[:1] in _VERB_START
    return part in PREPOSITIONS or (len(part) >= MIN_ARTICLE_WORD and part.startswith(("ال", "لل")) and _word(part))


def _short_first(core: str) -> int | None:
    """Where a particle of two letters ends that is glued to the word after it, or None: ``أو``
    before a word with the article (``أوالأعوان``, ``أوالمؤسسات``: no word has ``ال`` after ``أو``;
    the list's look-up takes ``أ`` for a verb's prefix, so :func:`_known` rather than :func:`_word`
    judges the whole), ``لا`` (also ``الا`` of ألا) before a verb in the imperfect (``لايقل``,
    ``الايقل``: the formula لا يقل عن), the whole being no word."""
    if len(core) < MIN_FIRST + 2 or not AR_LETTERS.match(core) or _known(core):
        return None
    for first in _OR:
        rest = core[len(first):]
        if core.startswith(first) and rest.startswith(("ال", "لل")) and len(rest) >= MIN_ARTICLE_WORD and _word(rest):
            return len(first)
    if _word(core):
        return None
    for first in _NOT:
        rest = core[len(first):]
        if core.startswith(first) and rest[:1] in _VERB_START and len(rest) >= MIN_FIRST and _known(rest):
            return len(first)
    return None


def split_word(word: str) -> list[str]:
    """``word`` as the one or two words it holds (see the module docstring); ``[]`` for teeth."""
    if _TEETH.match(word):
        return []
    if "سسس" in word:
        word = _STRETCH.sub("", word)
        if not word.strip():
            return []
    m = _AFTER_NUMBER.match(word)
    if m:
        number, letters, tail = m.groups()
        if len(letters) >= MIN_AFTER_NUMBER and normalise_ar(letters) not in MONTHS and _word(letters):
            return [number, letters + tail]
        return [word]
    m = _EDGES.match(word)
    if m is None:
        return [word]
    head, core, tail = m.groups()
    if core in _MA_YALI:  # the formula ما يلي, its space lost after ا
        return [head + "ما", "يلي" + tail]
    if (short := _short_first(core)) is not None:  # أوالأعوان, لايقل: a particle of two letters glued
        return [head + core[:short], core[short:] + tail]
    if len(core) < MIN_FIRST + 2 or not AR_LETTERS.match(core) or _word(core):
        return [word]
    cuts = [i for i in range(MIN_FIRST, len(core) - 1)
            if core[i - 1] in _NO_JOIN and _word(core[:i]) and _second(core[i:], core[:i])]
    if len(cuts) != 1:
        return [word]
    i = cuts[0]
    return [head + core[:i], core[i:] + tail]


def unglue(info: dict[str, list]) -> None:
    """A line's parallel lists (``words``, ``xs``, ``boxes``, ``heights``, ``confs`` as
    tesseract.parse_tsv gathers them) with glued words split and teeth dropped in place. A split
    word's box is cut in two by letter count, its first part on the right (the line is read from
    the right); a line that would be left with no word keeps its words (the noise filter judges it)."""
    _unglue(info)
    join_article(info)  # a lone ا and the word after it: the article, its ل lost (collocations.py)
    _join_split(info)


def _join_split(info: dict[str, list]) -> None:
    """Two words that are none, the first ending with a letter that does not join the next
    (``الر ابعة`` for الرابعة: a space read where the letter stops joining), made one when that is
    a known word; the first may be a short word (``الر`` is a key of the list), the second may end
    with punctuation (``الر ابعة:``). Or the article standing alone (never printed so) against a
    word of MIN_FIRST letters or more, within MAX_JOIN_GAP of the line's height (``ال مغربية``, the
    boxes overlapping: one word's ink cut in two), made one when that is a known word, whatever the
    second part (``مغربية`` is a word)."""
    words = info["words"]
    k = 0
    while k < len(words) - 1:
        a, b = words[k], words[k + 1]
        core = _TAIL.sub("", b)
        if len(a) < 2 or len(core) < MIN_FIRST or not AR_LETTERS.match(a) or not AR_LETTERS.match(core) or not _known(a + core):
            k += 1
            continue
        x0, top, x1, bottom = info["boxes"][k]
        nx0, ntop, nx1, nbottom = info["boxes"][k + 1]
        article = _ARTICLE.fullmatch(a) and x0 - nx1 <= MAX_JOIN_GAP * (max(bottom, nbottom) - min(top, ntop))
        if article or (a[-1] in _NO_JOIN and (len(a) <= MIN_FIRST or not real_word(a)) and not real_word(core)):
            box = (min(x0, nx0), min(top, ntop), max(x1, nx1), max(bottom, nbottom))
            words[k:k + 2] = [a + b]
            info["boxes"][k:k + 2] = [box]
            info["xs"][k:k + 2] = [(box[0] + box[2]) / 2]
            info["heights"][k:k + 2] = [max(info["heights"][k], info["heights"][k + 1])]
            info["confs"][k:k + 2] = [min(info["confs"][k], info["confs"][k + 1])]
        k += 1


def _unglue(info: dict[str, list]) -> None:
    parts = [split_word(w) for w in info["words"]]
    if all(len(p) == 1 and p[0] == w for p, w in zip(parts, info["words"], strict=True)):
        return
    if not any(parts):
        return
    new: dict[str, list] = {k: [] for k in ("words", "xs", "boxes", "heights", "confs")}
    for k, pieces in enumerate(parts):
        x0, y0, x1, y1 = info["boxes"][k]
        total = sum(len(p) for p in pieces) or 1
        right = x1
        for piece in pieces:
            left = right - (x1 - x0) * len(piece) / total
            new["words"].append(piece)
            new["boxes"].append((round(left), y0, round(right), y1))
            new["xs"].append((left + right) / 2)
            new["heights"].append(info["heights"][k])
            new["confs"].append(info["confs"][k])
            right = left
    info.update(new)
