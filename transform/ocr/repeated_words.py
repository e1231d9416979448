"""One word printed on several scanned pages, read by a vote of its printings in the same phrase.

:mod:`repeated_lines` votes on a line when its copies on other pages match it letter for letter (SAME). The
printings of a model letter differ on purpose around many of its words (`(زيارة المراقبة/ أو بمناسبة معاينة
الوثائق) التي قمنا` on two printings, `زيارة المراقبة التي قمنا` on two; `بزيارة المراقبة` against `بالمعاينة`
after `قاموا`), and the letterhead's short lines sit between other words on each page: such lines find fewer than
three copies, and a word one printing misread stays (`فمنا`, `الأموات`, `الحيوية` on one printing of a decree's
model letter, `باسهه` or `المفريببة` on another) though the three others read it alike. So, after the line vote, each Arabic
word of an OCR'd page is voted on its own (:func:`vote_words`):

* *its printings* (:func:`_printings`): on each other OCR'd page, the one word the pages' alignment
  (:func:`repeated_lines._mapping`) puts in its place, when it stands in the same phrase (:func:`_context`: a
  neighbour the same word on both pages, and SHARED of the WINDOW words either side the same, in order) and is
  near it (:func:`_near`: NEAR, a letter more or less at most; a word of two or three letters, one letter off;
  not inside a stretch of more than SPREAD words the pages word otherwise);
  a closing bracket glued to the word after it (`المعاينة)تي`) is set apart for the vote, and stays apart only
  when the vote mends that word;
* *the vote* (:func:`_winner`): one reading that more printings read than read the word itself, and two or
  more, read by more printings than any other, a word the lists hold as it stands (:func:`listed`); it is taken
  with the line vote's protections: a known word gives way only to MIN_COPIES printings, or two when only dots
  tell them apart (`فمنا`, `قمنا`); a word no list knows to two printings; never a word for itself with a
  particle more or less (`أحكام`, `لأحكام`); Arabic letters only (no number, no Latin word is touched);
* *doubt*: where the vote put a known word for another known word its strokes tell apart (`الأموات` ->
  `الأعوان`: three printings against one, both real words); where a word the lists hold is read by fewer
  printings than a near word they know only with a pronoun taken off (`لهاته` once, `لباته` three times: the
  line vote no longer takes it either), every printing's line; and where the printings split with no majority
  (two known words near each other read as often each; three printings or more each reading the word its own
  way, `نمكم`, `ننبيكم`, `ننهكم`: :func:`repeated_lines._split`), the line goes in doubt (``ocr_low_confidence``)
  and the reviewer checks it against the page; nothing is guessed there.

Every word is voted on the readings as the line vote left them; the changes are put in at the end.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .confidence import OCR_LOW
from .repeated_cells import _ARABIC, NEAR, SHORT, _dots, _known, _ratio, _units

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..ingest.base import TextLine

MIN_COPIES = 3  # a known word gives way to another known word only when this many other printings read it
MIN_VOTES = 2  # ...or this many when only dots tell the two apart, or when the word read is no known word
WINDOW = 6  # words either side of a word that tell its phrase
SHARED = 4  # of the 2 * WINDOW, this many the same in order on the other page (the phrase is printed there)
SPREAD = 3  # a word the alignment spreads over more of another page's words than this has no printing there
_GLUED = re.compile(r"(?<=[\u0621-\u064a])\)(?=[\u0621-\u064a])")  # a closing bracket glued to the next word (`المعاينة)تي`)


def _near(a: str, b: str) -> bool:
    """Two readings of one printed word: letters near (NEAR), one letter longer or shorter at most; a short word
    (two to SHORT letters) of one length one letter apart (`تي`, `في`: the line vote's `هن`, `من`)."""
    if 2 <= len(a) == len(b) <= SHORT:
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    return abs(len(a) - len(b)) <= 1 and _ratio(a, b) >= NEAR


def _particle(a: str, b: str) -> bool:
    """One word is the other with a particle or a letter more at an edge (`أحكام` / `لأحكام`): printings differ so."""
    return a != b and (a.endswith(b) or b.endswith(a) or a.startswith(b) or b.startswith(a))


def _neighbour(i: int, mine: list[str], j: int, theirs: list[str]) -> bool:
    """Whether the word before word ``i`` of this page, or the word after it, is the same word beside word ``j`` of
    another page."""
    return (i > 0 and j > 0 and mine[i - 1] == theirs[j - 1]) or (i + 1 < len(mine) and j + 1 < len(theirs) and mine[i + 1] == theirs[j + 1])


def _context(i: int, mine: list[str], j: int, theirs: list[str]) -> bool:
    """Whether word ``i`` of this page and word ``j`` of another, beside the same neighbour (:func:`_neighbour`), stand
    in the same phrase: of the WINDOW words either side, SHARED the same words in order (a phrase a text says twice
    is no printing: `الوثائق المدلى بها` and `الوثائق المستدل بها` on two pages of one judgment)."""
    a = mine[max(0, i - WINDOW):i] + ["\0"] + mine[i + 1:i + 1 + WINDOW]
    b = theirs[max(0, j - WINDOW):j] + ["\0"] + theirs[j + 1:j + 1 + WINDOW]
    return sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()) - 1 >= SHARED


def _printings(i: int, mine: list[str], theirs: list[str], mapping: list[tuple[int, int]]) -> int | None:
    """Where another page reads word ``i`` of this page (module docstring): the one word, of those the alignment
    puts in its place, in the same phrase (:func:`_context`) and near it; else None."""
    j1, j2 = mapping[i]
    if j2 - j1 > SPREAD:
        return None  # a long stretch the pages word otherwise: no printing of one word
    found = [j for j in range(j1, j2) if _neighbour(i, mine, j, theirs) and _ARABIC.fullmatch(theirs[j])
             and _near(mine[i], theirs[j]) and _context(i, mine, j, theirs)]
    return found[0] if len(found) == 1 else None


def listed(word: str) -> bool:
    """A word the lists hold as it stands (with one proclitic at most: :func:`spelling._known`), or a form of
    tesseract's own list (:func:`wordfix.rare`): `لهاته`, `باسمه`; not a word :func:`repeated_cells._known` finds
    only with a pronoun taken off (`لباته`, `باسهه`, `التنبهه`)."""
    from .spelling import _known as in_list
    from .wordfix import rare

    return bool(_ARABIC.fullmatch(word)) and (in_list(word) or rare(word))


def _winner(word: str, reads: list[str], also: int = 0) -> str | None:
    """The reading the other printings put for ``word`` (module docstring), or None; ``also``: printings outside the
    phrase test that read ``word`` itself where the alignment puts it (they count for the word, never against it:
    two `نمت` against two `تمت` stay a tie when one `نمت` stands in a shorter phrase)."""
    votes = Counter(reads)
    (best, n), *rest = votes.most_common()
    if best == word or any(m >= n for _w, m in rest) or _particle(word, best) or not listed(best):
        return None
    if n < MIN_VOTES or n <= 1 + votes[word] + also:
        return None
    if _known(word) and n < MIN_COPIES and not _dots(word, best):
        return None
    return best


def _disputed(word: str, reads: list[str]) -> bool:
    """The printings read a word the lists hold and, near it and more often, one they know only with a pronoun taken
    off (`لهاته` once, `لباته` three times): no count tells which is printed."""
    votes = Counter([word, *reads])
    return any(listed(a) and not listed(b) and _known(b) and votes[b] > votes[a] and _near(a, b) and not _particle(a, b)
               for a in votes for b in votes)


def _put(text: str, n: int, old: str, new: str) -> str:
    """The line's text with its ``n``-th word unit's ``old`` letters made ``new`` (its marks kept)."""
    units = _units(text)
    surfaces = [s for _k, s in units]
    surfaces[n] = surfaces[n].replace(old, new, 1)
    return " ".join(surfaces)


def vote_words(pages: list[list[TextLine]], scanned: list[int],
               mapping: Callable[[int, int, list[str], list[str]], list[tuple[int, int]]]) -> int:
    """Put right, in the OCR'd pages ``scanned`` of one document, the words their printings outvote, and put in doubt
    the lines whose printings leave a word split (module docstring); ``mapping(p, q, words of p, words of q)`` aligns
    two pages' words (:func:`repeated_lines._mapping`, the line vote's alignment when the words are the same). Returns
    how many words changed."""
    from .repeated_lines import _split  # the line vote's own test of printings left split

    glued = {id(ln): (ln, ln.text) for p in scanned for ln in pages[p] if _GLUED.search(ln.text)}
    for ln, text in glued.values():  # the word after a glued bracket voted apart, kept apart only when the vote mends it
        ln.text = _GLUED.sub(") ", text)
    units = {p: [(ln, n, k) for ln in pages[p] for n, (k, _s) in enumerate(_units(ln.text))] for p in scanned}
    keys = {p: [k for _ln, _n, k in units[p]] for p in scanned}
    maps = {(p, q): mapping(p, q, keys[p], keys[q]) for p in scanned for q in scanned if p != q}
    changes: list[tuple[TextLine, int, str, str]] = []
    doubts: list[TextLine] = []
    for p in scanned:
        mine = keys[p]
        for i, word in enumerate(mine):
            if not _ARABIC.fullmatch(word) or all(keys[q][slice(*maps[(p, q)][i])] == [word] for q in scanned if q != p):
                continue  # (every other page reads the word itself there: nothing to vote, nothing split)
            where = {q: j for q in scanned if q != p and (j := _printings(i, mine, keys[q], maps[(p, q)])) is not None}
            reads = [keys[q][j] for q, j in where.items()]
            if not reads:
                continue
            ln, n, _k = units[p][i]
            also = sum(q != p and q not in where and word in keys[q][slice(*maps[(p, q)][i])] for q in scanned)
            best = _winner(word, reads, also)
            if best is not None:
                changes.append((ln, n, word, best))
                if _known(word) and not _dots(word, best):
                    doubts.append(ln)  # a real word outvoted by another: the vote is likely, not sure
            elif _split(Counter([word, *reads])) or _disputed(word, reads):
                doubts += [ln] + [units[q][j][0] for q, j in where.items()]  # every printing of the split word
    mended = {id(ln) for ln, _n, _o, _w in changes}
    for key, (ln, text) in glued.items():
        if key not in mended:
            ln.text = text
    for ln, n, old, new in changes:
        ln.text = _put(ln.text, n, old, new)
    for ln in doubts:
        ln.doubt = ln.doubt or OCR_LOW
    return len(changes)
