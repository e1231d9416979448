"""What the printings of a line cannot settle by a majority, settled by the words the document prints sound.

:mod:`repeated_lines` votes on the lines a document prints several times (decree 2.19.720's model letter, four
printings on four scanned pages). Where the printings split between two words the lists both know (`تمت` twice,
`نمت` twice) or each read a word otherwise (`تنيهات`, `تنبهات`, `تلبهات`), no majority tells which is printed. The
document itself often does: its text-layer pages (the decree's own articles, pp. 1-4) print `المخالفات التي تمت
معاينتها` and `التنبيهات` sound, again and again. So, for one word of a line voted on (:func:`settle`), with the
readings the printings give it (:func:`repeated_cells._slots`, as the vote lines them up):

* **the reading the document prints** (:func:`_sound`): the printings read a word the text-layer pages print
  :data:`SEEN` times or more, *beside the same neighbour* (the word before or after it, as any printing reads it),
  and words one look-alike letter from it (:data:`doc_profile.LOOK_ALIKE`: the teeth and the stem, dotted pairs)
  that those pages never print: that one, whatever the count (three printings may lose one stroke alike);
* **a word none read** (:func:`_unread`): no reading has a majority and none is a word those pages print, but one
  word of :data:`MIN_UNREAD` letters or more they print is one step (a letter but an alef lost inside it, a look-alike letter) from two
  readings or more and at most two steps from each of them: that word, with the readings' own article. A reading far
  from it counts only when it is a word the pages print (a printing's own wording: `ملاحظات` on one, `تنبيهات` on
  the others), and it is never changed.

Nothing else: two printed words or none leave the readings as they are, and :mod:`repeated_lines` puts a line whose
printings stay split in doubt. A document without text-layer pages teaches nothing; scanned pages are never the
vocabulary (their words are the ones in question).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .doc_profile import LOOK_ALIKE
from .repeated_cells import _ARABIC, _slots, _units

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..ingest.base import TextLine
    from ..model import PageReport

SEEN = 2  # a word the document prints at least this often on its text-layer pages is its own
MIN_UNREAD = 5  # letters of a word no printing reads that the vocabulary may put in (shorter words have too many neighbours)
_PAIRS = frozenset((a, b) for g in LOOK_ALIKE for a in g for b in g if a != b)
_LETTERS = "".join(sorted({chr(c) for c in range(0x0621, 0x064B)}))
_ARTICLE = re.compile(r"^(?:وال|فال|بال|كال|لل|ال)(?=..)")

Unit = tuple[str, str]


@dataclass
class Vocab:
    """The Arabic words of a document's text-layer pages (each also without its article) and the pairs of words
    printed side by side on one line."""

    words: Counter[str] = field(default_factory=Counter)
    pairs: set[tuple[str, str]] = field(default_factory=set)

    def printed(self, word: str) -> bool:
        return self.words[word] >= SEEN or self.words[_core(word)[1]] >= SEEN

    def never(self, word: str) -> bool:
        return not (self.words[word] or self.words[_core(word)[1]])


def _core(word: str) -> tuple[str, str]:
    """(article, the rest): `التنبيهات` -> (`ال`, `تنبيهات`)."""
    m = _ARTICLE.match(word)
    return (word[: m.end()], word[m.end():]) if m else ("", word)


def vocabulary(pages: Sequence[Sequence[TextLine]], reports: Sequence[PageReport | None]) -> Vocab:
    """The words of the document's text-layer pages (:class:`Vocab`)."""
    out = Vocab()
    for i, rep in enumerate(reports):
        if rep is None or rep.method != "text" or i >= len(pages):
            continue
        for ln in pages[i]:
            keys = [k for k, _s in _units(ln.text)]
            out.pairs.update(zip(keys, keys[1:], strict=False))
            for k in keys:
                if _ARABIC.fullmatch(k):
                    out.words[k] += 1
                    if (core := _core(k)[1]) != k:
                        out.words[core] += 1
    return out


def _look_alike(a: str, b: str) -> bool:
    """One letter apart, the two letters look-alikes."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0] in _PAIRS


def _one_step(word: str, inner: bool = False) -> set[str]:
    """The words ``word`` is one step from: with a letter put back, or a look-alike letter for one of its own.
    ``inner``: a letter put back inside the word only, and no alef (one before or after it makes another word:
    `تاريخ`, `بتاريخ`; `لخطر`, `الخطر`; an alef inside makes a plural: `تدبير`, `تدابير`)."""
    edge = 1 if inner else 0
    out = {word[:i] + ch + word[i:] for i in range(edge, len(word) + 1 - edge) for ch in _LETTERS if not (inner and ch == "ا")}
    out |= {word[:i] + x + word[i + 1:] for i, y in enumerate(word) for x, z in _PAIRS if z == y}
    out.discard(word)
    return out


def _steps(read: str, word: str, inner: bool = False) -> int:
    """How many steps (a letter of ``word`` lost, a look-alike letter) lead from ``word`` to ``read``: 0, 1, 2, or 3
    for more (or for no such way). ``inner``: a letter lost inside the word only, and no alef (:func:`_one_step`)."""
    far = 3
    n, m = len(word), len(read)
    if not 0 <= n - m <= 2:
        return far
    cost = [[far] * (m + 1) for _ in range(n + 1)]  # cost[i][j]: word[:i] read as read[:j]
    cost[0][0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c >= far:
                continue
            if i < n and j < m and (word[i] == read[j] or (word[i], read[j]) in _PAIRS):
                k = c + (word[i] != read[j])
                cost[i + 1][j + 1] = min(cost[i + 1][j + 1], k)
            if i < n and not (inner and (i in (0, n - 1) or word[i] == "ا")):
                cost[i + 1][j] = min(cost[i + 1][j], c + 1)
    return min(cost[n][m], far)


def _sound(votes: Counter[str], vocab: Vocab, before: set[str], after: set[str]) -> str | None:
    reads = [v for v in votes if v and _ARABIC.fullmatch(v)]
    sound = [v for v in reads if vocab.printed(v)]
    if len(sound) != 1 or not ({(b, sound[0]) for b in before} | {(sound[0], a) for a in after}) & vocab.pairs:
        return None
    others = [v for v in reads if _look_alike(v, sound[0])]
    return sound[0] if others and all(vocab.never(v) for v in others) else None


def _unread(votes: Counter[str], vocab: Vocab) -> str | None:
    total = sum(votes.values())
    reads = {v: _core(v) for v in votes if v and _ARABIC.fullmatch(v)}
    found = set()
    for _h, c in reads.values():
        found |= {w for w in _one_step(c, inner=True) if len(w) >= MIN_UNREAD and vocab.words[w] >= SEEN}
    fits = []
    for w in found:
        steps = {v: _steps(c, w, inner=True) for v, (_h, c) in reads.items()}
        near = [v for v, n in steps.items() if n <= 2]
        if (sum(votes[v] for v in near if steps[v] == 1) >= 2 and len({reads[v][0] for v in near}) == 1
                and not any(vocab.printed(v) or votes[v] * 2 > total for v in near)
                and all(vocab.printed(v) for v in votes if v not in near)):
            fits.append(reads[near[0]][0] + w)
    return fits[0] if len(fits) == 1 else None


def settle(copies: list[list[Unit]], vocab: Vocab) -> dict[int, str]:
    """For the line ``copies[0]`` voted with its copies, the words (by index) the document's vocabulary settles
    where the printings do not (module docstring), the line's own reading being one of those near the word (a
    printing's own wording is never changed); a word the line already reads right is settled too (no doubt)."""
    if not vocab.words:
        return {}
    mine = [k for k, _s in copies[0]]
    slots = [mine] + [_slots(mine, [k for k, _s in c])[0] for c in copies[1:]]
    out: dict[int, str] = {}
    for i, k in enumerate(mine):
        if not _ARABIC.fullmatch(k):
            continue
        votes = Counter(w[i] for w in slots if w[i] and " " not in w[i])
        if sum(votes.values()) < 3 or len(votes) < 2:
            continue
        before = {w[i - 1] for w in slots if i > 0 and w[i - 1]}
        after = {w[i + 1] for w in slots if i + 1 < len(mine) and w[i + 1]}
        word = _sound(votes, vocab, before, after) or _unread(votes, vocab)
        if word and _core(k)[0] == _core(word)[0] and _steps(_core(k)[1], _core(word)[1]) <= 2:
            out[i] = word  # the line's own reading is one of those near the word (not a printing's own wording)
    return out


def put(mine: list[Unit], words: dict[int, str]) -> list[Unit]:
    """The line's units with the settled words put in, each keeping the marks around it."""
    return [(words[i], s.replace(k, words[i], 1)) if i in words else (k, s) for i, (k, s) in enumerate(mine)]
