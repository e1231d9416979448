"""Doubt on the sentence and the word, not only the block: where in a block the reader is unsure.

A block's doubt (``confidence.apply``) comes from its weakest line; a reviewer sent to a twelve-line paragraph for
one weak line stops looking, and a block whose lines average well hides the few words tesseract read badly. Here
each block read from lines (OCR'd pages, a kept layer rated line by line) gets, on its sentence (one per heading,
paragraph or list item at ingest; ``split`` carries it into the sentences the structure stage cuts), a doubt code
and the character spans it is unsure of (``Sentence.doubt``, ``Sentence.unsure``):

* the lines that put the block in doubt by their low OCR confidence (:data:`PLACED`): the words of those lines;
* the words tesseract read under :data:`WEAK_WORD` that the word lists do not know (``TextLine.weak``, kept by
  ``tesseract.py``), even in a block rated sound: the block then takes :data:`WEAK` as its doubt (a block holding a
  doubtful sentence is doubtful); on a line read under :data:`PAIR_LINE`, the unknown words of three letters or more
  read under :data:`PAIR_WORD` as well (two weak signals together);
* lines read under :data:`WEAK_LINE` (off: measured, it costs more right words than it is worth at the sentence level).

Never sounder than before: a block's doubt the lines do not explain (set by another pass, the page's rating, a digit
check's), or a doubtful line that cannot be found in the block's text, leaves the sentences without a doubt of their own, and
a doubtful block none of whose sentences carries one is doubtful throughout (the review page and the trust measure
read it so). The lines are found in the text by aligning their words (``difflib``): only OCR'd and line-rated
blocks pay, text-layer pages rated whole are never looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .confidence import DOUBT_BELOW, MIN_LINE_CHARS, OCR_LOW

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..model import Block, Sentence

WEAK = "ocr_weak_word"
WEAK_WORD = 30.0  # a word tesseract read under this confidence (0-100) that the word lists do not know is in doubt
WEAK_LINE = 0.0  # a line read under this mean word confidence (0..1) is in doubt, word by word (measured: docs/ingest.md)
# two weak signals together: a word the lists do not know, read under PAIR_WORD (every word tesseract.WEAK_KEPT keeps),
# on a line read under PAIR_LINE, is in doubt too (docs/ocr.md, "Errors that reach the reader with no doubt")
PAIR_WORD = 80.0
PAIR_LINE = 0.80
_PAIR_LETTERS = 3  # letters of a word the pair of signals may put in doubt
# the block doubts placed on the lines that gave them: a line's low OCR confidence. A digit check's doubt
# (digits_disagree) or a kept layer's (text_layer_unsure) stays on the whole block: placed on their lines, they left
# misread numbers of the same block unflagged (Putanges p. 6 763 read 163, NARSA p. 2's lost 5)
PLACED = frozenset({OCR_LOW})
_TOKEN = re.compile(r"\S+")
_MIN_LETTERS = 2  # a weak one-letter token (a stray mark, a bullet) does not put a sentence in doubt
_EDGE = re.compile(r"^\W+|\W+$")
_ARABIC = re.compile(r"[\u0621-\u064a]")


def known(word: str) -> bool:
    """A word of the Arabic or French word list (punctuation at its edges aside; a token with digits is never one):
    tesseract's low confidence on a word the lists know is mostly an odd face or a stain, not a misreading."""
    from .lexicon import known_ar, known_fr, normalise_ar

    core = _EDGE.sub("", word)
    if not core or any(ch.isdigit() for ch in core):
        return False
    return known_ar(normalise_ar(core)) if _ARABIC.search(core) else known_fr(core)


def _doubtful_lines(lines: Sequence[TextLine]) -> list[TextLine]:
    """The lines that gave a block its doubt (as ``confidence.of_lines`` weighs them)."""
    rated = [ln for ln in lines if ln.confidence is not None]
    full = [ln for ln in rated if len(ln.text.strip()) >= MIN_LINE_CHARS] or rated
    return [ln for ln in full if ln.doubt or (ln.confidence is not None and ln.confidence < DOUBT_BELOW)]


def _weak_lines(lines: Sequence[TextLine]) -> list[TextLine]:
    """OCR'd lines (they hold a word listing) read under WEAK_LINE, of MIN_LINE_CHARS characters or more."""
    return [ln for ln in lines if ln.confidence is not None and ln.confidence < WEAK_LINE and len(ln.text.strip()) >= MIN_LINE_CHARS]


def _owners(text: str, lines: Sequence[TextLine]) -> tuple[list[tuple[int, int]], list[int], list[tuple[int, str]]]:
    """The text's tokens (spans), each one's line (index into ``lines``, -1 for none) and the lines' tokens
    ``(line, token)`` aligned against them; a token of the text that no line token matches takes the line of its
    neighbour (a hyphenated word joined over two lines)."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    toks = [text[a:b] for a, b in spans]
    mine = [(k, t) for k, ln in enumerate(lines) for t in ln.text.split()]
    owner = [-1] * len(toks)
    sm = SequenceMatcher(None, [t for _k, t in mine], toks, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for d in range(i2 - i1):
                owner[j1 + d] = mine[i1 + d][0]
        elif tag == "replace" and i2 > i1:  # words changed after the lines were made: the lines they came from
            for d in range(j2 - j1):
                owner[j1 + d] = mine[min(i1 + d * (i2 - i1) // max(1, j2 - j1), i2 - 1)][0]
    for j in range(len(owner)):  # inserted tokens: their neighbour's line
        if owner[j] < 0:
            owner[j] = owner[j - 1] if j and owner[j - 1] >= 0 else next((o for o in owner[j + 1 :] if o >= 0), -1)
    return spans, owner, mine


def _weak_tokens(text: str, lines: Sequence[TextLine], spans: list[tuple[int, int]], owner: list[int]) -> set[int]:
    """Indices of the text's tokens that are words a line read under WEAK_WORD (found among that line's tokens)."""
    out: set[int] = set()
    for k, ln in enumerate(lines):
        pair = ln.confidence is not None and ln.confidence < PAIR_LINE
        for word, conf in ln.weak:
            weak = conf < WEAK_WORD or (pair and conf < PAIR_WORD and sum(ch.isalpha() for ch in word) >= _PAIR_LETTERS)
            if not weak or sum(ch.isalnum() for ch in word) < _MIN_LETTERS or known(word):
                continue
            hit = [j for j, (a, b) in enumerate(spans) if owner[j] == k and j not in out and text[a:b] == word]
            if not hit:  # glued to punctuation the line text added ("word," / "(word")
                hit = [j for j, (a, b) in enumerate(spans) if owner[j] == k and j not in out and word in text[a:b]]
            if hit:
                out.add(hit[0])
    return out


def _merge(spans: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Spans in order, those apart by white space only made one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and not text[out[-1][1] : a].strip():
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def locate(sentence: Sentence, lines: Sequence[TextLine], doubtful: Sequence[TextLine]) -> tuple[list[tuple[int, int]], bool, bool]:
    """(the unsure spans of the sentence, every doubtful line found, any weak word found)."""
    text = sentence.text
    if not lines or not text.strip():
        return [], not doubtful, False
    spans, owner, _mine = _owners(text, lines)
    want = {k for k, ln in enumerate(lines) if any(ln is d for d in doubtful)}
    found = {owner[j] for j in range(len(spans)) if owner[j] in want}
    weak = _weak_tokens(text, lines, spans, owner)
    low = {k for k, ln in enumerate(lines) if any(ln is w for w in _weak_lines(lines))}
    marked = [spans[j] for j in range(len(spans)) if owner[j] in want or owner[j] in low or j in weak]
    return _merge(marked, text), found == want, bool(weak)


def mark(pairs: Sequence[tuple[Sentence, Sequence[TextLine]]], block: Block, localizable: bool) -> None:
    """Put the block's doubt on the sentences (each with the lines it was made of) that hold its doubtful lines and
    weak words; a sound block with weak words takes :data:`WEAK`. ``localizable``: the block's doubt, if any, comes
    from its lines alone (else nothing is marked: the whole block stays in doubt)."""
    doubt = block.doubt
    if doubt and (not localizable or doubt not in PLACED):
        return
    lines = [ln for _s, ls in pairs for ln in ls]
    doubtful = _doubtful_lines(lines) if doubt else []
    found: list[tuple[Sentence, list[tuple[int, int]]]] = []
    seen: set[int] = set()
    for s, ls in pairs:
        mine = [d for d in doubtful if any(d is ln for ln in ls)]
        spans, all_found, _weak = locate(s, ls, mine)
        if all_found:
            seen |= {id(d) for d in mine}
        if spans:
            found.append((s, spans))
    if doubt and (len(seen) < len({id(d) for d in doubtful}) or not found):
        return  # a doubtful line not found: the block stays in doubt throughout
    if not found:
        return
    code = doubt or WEAK
    for s, spans in found:
        s.doubt, s.unsure = code, spans
    if not doubt:
        block.doubt = WEAK


def split(sentence: Sentence, pieces: Sequence[str]) -> list[tuple[str | None, list[tuple[int, int]]]]:
    """The doubt and unsure spans of each piece the structure stage cut ``sentence`` into (``split_sentences``:
    its tokens in order, white space made single spaces); a piece holding none of the spans has no doubt."""
    if not sentence.doubt:
        return [(None, []) for _p in pieces]
    text = sentence.text
    if not sentence.unsure:
        return [(sentence.doubt, []) for _p in pieces]
    starts = [m.span() for m in _TOKEN.finditer(text)]
    bad = [any(a < e and s < b for s, e in sentence.unsure) for a, b in starts]
    out: list[tuple[str | None, list[tuple[int, int]]]] = []
    k = 0
    for piece in pieces:
        toks = [m.span() for m in _TOKEN.finditer(piece)]
        mine = [toks[d] for d in range(len(toks)) if k + d < len(bad) and bad[k + d]]
        k += len(toks)
        spans = _merge(mine, piece)
        out.append((sentence.doubt if spans else None, spans))
    if k != len(bad):  # not the sentence's tokens: every piece in doubt, whole
        return [(sentence.doubt, []) for _p in pieces]
    return out
