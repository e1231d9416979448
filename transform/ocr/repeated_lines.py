"""The same lines printed on several scanned pages of one document, read once by a vote of their printings.

A decree's annex prints one model letter several times over (a notice of observations, then a
notice with a delay, then two without): the letterhead, the salutation, the inspector's fields and
the paragraph of legal grounds are the same text on every page, each printing read by tesseract
with misreadings of its own (`المبنية` on one page, `المهنية` on three; `إلبنا` once, `إلينا` three
times). Lines break at other places on each page, so a copy is not a line but a run of words:

* *copies* (:func:`_spans`): the words of every OCR'd page are aligned with those of every other
  OCR'd page (word keys, in order); a line of MIN_WORDS words or more finds, on each other page,
  the run of words its own words align with, and that run is a copy when their letters match at
  SAME (a ratio of their letters, in order; the run cut to the line's stretch, :func:`_stretch`,
  when it reaches into the next line's words and the cut run still matches). A line with MIN_COPIES copies or more (itself
  included) is voted on; printed once or twice it is left as read (two readings have no majority).
  A shorter line (a label, MIN_SHORT words or more) is voted only on copies that sit between the
  same words as it does (:func:`_between`);
* *the vote* is :mod:`repeated_cells`' (the same alignment, the same majority, the same
  protections: a number only by a longer number ending with it, a known word only by a near one,
  Latin words left as read), with one more: a line's copy takes a word only when the lists know
  it (a name or value filled in on one printing and read alike on two others is no word the lists
  know, so it never overwrites what another printing holds), and only between its own first and
  last words (a run on another page may reach into the next line's words). A known word gives way
  to MIN_COPIES readings, or to a majority when only dots tell the two apart (`نمت`, `تمت`); a
  word no list knows takes a known word one printing reads when it is that word with its dots
  misread (`الذبن`, `الذين`);
* *the document's own words* (:mod:`printed_vocab`): where the printings split (`تمت` twice, `نمت`
  twice) or each misread a word otherwise (`تنيهات`, `تنبهات`, `تلبهات`), the words the document's
  text-layer pages print sound settle it, when they tell one way only;
* *doubt* (:func:`_tied`, :func:`_split`): where the printings read two known words one letter apart,
  or near, as often each (`المهنية` twice, `المبنية` twice; `قاموا`, `فالموا`), or three printings each
  read a word otherwise, and the document's words do not settle it, no vote does: each keeps its
  reading and the line goes in doubt (``ocr_low_confidence``), so the reviewer checks it against the page.

Every line's vote is made on the readings as they came; the fixes are put in at the end.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .confidence import OCR_LOW
from .printed_vocab import put, settle, vocabulary
from .repeated_cells import _ARABIC, NEAR, _consensus, _dots, _fixed, _known, _letters, _number, _ratio, _slots, _units
from .repeated_words import listed, vote_words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..ingest.base import TextLine
    from ..model import PageReport

MIN_COPIES = 3  # a line must be printed this many times for a vote (two copies have no majority)
MIN_WORDS = 4  # shorter lines (a heading, a label) are too alike between different texts...
MIN_SHORT = 2  # ...unless, of this many words or more, their copy sits between the same words as they do (`• الصفة المهنية:`)
SAME = 0.8  # the letters of a line and of its run on another page match at this ratio

Unit = tuple[str, str]
_EDGE_MARKS = re.compile(r"[^\w\s]+")  # marks at a word's start (or, reversed, its end): `(`, `).`


def _page_words(lines: list[TextLine]) -> tuple[list[Unit], list[tuple[int, int]]]:
    """A page's words in reading order and each line's (first, end) word index."""
    words: list[Unit] = []
    where: list[tuple[int, int]] = []
    for ln in lines:
        units = _units(ln.text)
        where.append((len(words), len(words) + len(units)))
        words += units
    return words, where


def _mapping(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """For each word of ``a``, the range of ``b``'s words it was aligned with (a word in a
    replaced region takes its share of the region; a word ``b`` lacks gets an empty range)."""
    out: list[tuple[int, int]] = [(0, 0)] * len(a)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        n = i2 - i1
        for k in range(n):
            if op == "equal":
                out[i1 + k] = (j1 + k, j1 + k + 1)
            elif op == "replace":
                out[i1 + k] = (j1 + (j2 - j1) * k // n, j1 + -(-(j2 - j1) * (k + 1) // n))
            else:
                out[i1 + k] = (j1, j1)
    return out


def _spans(first: int, end: int, mapping: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The run of the other page's words that a line's words ``first..end`` align with."""
    ranges = [r for r in mapping[first:end] if r[1] > r[0]]
    if not ranges:
        return None
    return ranges[0][0], ranges[-1][1]


def _stretch(a: list[str], b: list[str]) -> tuple[int, int]:
    """The stretch of ``b`` that ``a``'s words align with: from its first to its last word equal
    to one of ``a``'s, widened by as many words as ``a`` has outside them (all of ``b`` when none)."""
    blocks = [m for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return 0, len(b)
    head, tail = blocks[0], blocks[-1]
    return max(0, head.b - head.a), min(len(b), tail.b + tail.size + len(a) - (tail.a + tail.size))


def _matches(a: str, b: str) -> bool:
    """The letters of a line and of a run match at SAME (the cheap upper bounds first)."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sm.real_quick_ratio() >= SAME and sm.quick_ratio() >= SAME and sm.ratio() >= SAME


def _between(mine: list[str], first: int, end: int, theirs: list[str], run: tuple[int, int]) -> bool:
    """Whether a short line's run on another page sits between the same words as the line does (the
    last word of the line before, the first of the line after): a label printed on every page is
    the same label only at the same place in the same text. A neighbour misread on one page is
    still itself: the words match at NEAR."""
    return (0 < run[0] and run[1] < len(theirs) and _ratio(theirs[run[0] - 1], mine[first - 1]) >= NEAR
            and _ratio(theirs[run[1]], mine[end]) >= NEAR)


def _trim(copy: list[Unit], vote: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """The vote cut to the copy's own stretch: words before its first or after its last aligned
    word are another line's (only as many edge words as the copy has there are kept)."""
    start, stop = _stretch([k for k, _s in copy], [k for k, _s, _v in vote])
    return vote[start:stop]


def _strict(mine: list[Unit], vote: list[tuple[str, str, bool]], copies: list[list[Unit]]) -> list[tuple[str, str, bool]]:
    """The vote as a line's copy may take it: only words the lists know, or numbers (repeated_cells'
    number rule holds), that two copies or more read, and more copies than read the copy's own
    words in their place (two printings reading `لأحكام` and two `أحكام` are no majority: the
    printings may differ there; one `والمسنة` among three `والسنة` is no word kept by a letter lost)."""
    read = Counter(k for c in copies for k in {k for k, _s in c})
    a, b = [k for k, _s in mine], [k for k, _s, _v in vote]
    ok = [v and (_known(k) or _number(k)) and read[k] >= 2 for k, _s, v in vote]
    forms = [s for _k, s, _v in vote]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace":
            theirs = max(read[k] for k in a[i1:i2])
            for j in range(j1, j2):
                ok[j] = ok[j] and read[b[j]] > theirs
            if i2 - i1 == j2 - j1:  # a word for a word keeps the copy's marks around it (`التشريعبة/`)
                for (k, s), j in zip(mine[i1:i2], range(j1, j2), strict=True):
                    if _known(k) and k != b[j] and (k.endswith(b[j]) or b[j].endswith(k)):
                        ok[j] = False  # a word with a particle more or less (`الوزير`, `والوزير`): printings differ so
                    if _known(k) and _ARABIC.search(k) and read[b[j]] < MIN_COPIES and not _dots(k, b[j]):
                        ok[j] = False  # an Arabic word the lists know gives way to MIN_COPIES readings (`العدول`: two `الغول`),
                        # or to a majority when only dots tell them apart (`نمت`, two `تمت`)
                    if listed(k) and not listed(b[j]) and not _dots(k, b[j]):
                        ok[j] = False  # a word the lists hold as it stands never gives way to one they know only with a
                        # pronoun taken off (`لهاته` against three `لباته`: repeated_words puts the printings in doubt)
                    if not ok[j] and vote[j][2] and _known(b[j]) and not _known(k) and _dots(k, b[j]):
                        ok[j] = True  # a word no list knows is a known word with its dots misread (`الذبن`, one `الذين`)
                    lead, _, trail = s.partition(k) if k in s else ("", "", "")
                    forms[j] = f"{lead}{b[j]}{trail}" if k in s else forms[j]
    return [(k, f, sure) for (k, _s, _v), f, sure in zip(vote, forms, ok, strict=True)]


def _one_letter(a: str, b: str) -> bool:
    """Two Arabic words of one length, one letter apart."""
    return len(a) == len(b) and bool(_ARABIC.fullmatch(a) and _ARABIC.fullmatch(b)) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _split(votes: Counter[str]) -> bool:
    """Whether the printings' readings of one word leave it unsettled: two Arabic words the lists know read by as
    many printings each, one letter apart or near (`المهنية` / `المبنية`, `قاموا` / `فالموا`; not a word with a particle
    more, `أحكام` / `لأحكام`: printings differ so), or three printings
    or more each reading it otherwise, near one another (`نمكم`, `ننبيكم`, `ننهكم`)."""
    words = [w for w in votes if w and " " not in w]
    if any(n == votes[w] >= 2 and _known(v) and _known(w) and bool(_ARABIC.fullmatch(v) and _ARABIC.fullmatch(w))
           and (_one_letter(v, w) or abs(len(v) - len(w)) <= 1 and _ratio(v, w) >= NEAR and not (v.endswith(w) or w.endswith(v)))
           for v, n in votes.items() for w in words if w != v):
        return True
    return (len(words) >= MIN_COPIES and all(votes[w] == 1 for w in words) and all(_ARABIC.fullmatch(w) for w in words)
            and all(_ratio(v, w) >= NEAR for v in words for w in words if v < w))


def _tied(mine: list[Unit], copies: list[list[Unit]], settled: dict[int, str] | None = None) -> bool:
    """Whether the printings leave one of the line's words unsettled (:func:`_split`; a word the document's own
    words settled is not): no vote settles it, so neither is taken and the line is put in doubt."""
    a = [k for k, _s in mine]
    slots = [_slots(a, [k for k, _s in c])[0] for c in copies[1:]]
    return any(_split(Counter([k] + [w[i] for w in slots])) for i, k in enumerate(a) if i not in (settled or {}))


def _kept_words(mine: list[Unit], fixed: list[str]) -> str:
    """The line as the vote put it right, with no word put in that the line lacks and no Arabic
    word taken out: where printings of a model letter differ (`تنبيه بأجل` on one, `تنبيه بدون
    أجل` on three; `وتبعا لذلك` on one, `لذلك` on three), the one is no misreading of the many.
    Misread words still give way (a word for a word, or letters cut otherwise), and Latin junk or
    marks the others do not read go."""
    theirs = _units(" ".join(fixed))
    a, b = [k for k, _s in mine], [k for k, _s in theirs]
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace":  # the copy's marks at the region's edges stay (`(نذ كير` -> `(تذكير`)
            new = [s for _k, s in theirs[j1:j2]]
            lead, trail = _EDGE_MARKS.match(mine[i1][1]), _EDGE_MARKS.match(mine[i2 - 1][1][::-1])
            if new and lead and not _EDGE_MARKS.match(new[0]):
                new[0] = lead.group() + new[0]
            if new and trail and not _EDGE_MARKS.match(new[-1][::-1]):
                new[-1] += trail.group()[::-1]
            out += new
        elif op == "delete" and not any(_ARABIC.search(k) or _number(k) for k in a[i1:i2]):
            out += [s for _k, s in theirs[j1:j2]]
        elif op != "insert":
            out += [s for _k, s in mine[i1:i2]]
    return " ".join(out)


def vote_lines(pages: list[list[TextLine]], reports: Sequence[PageReport | None]) -> int:
    """Put right, in the OCR'd pages of one document, the lines printed MIN_COPIES times or more
    where their copies outvote them (module docstring). Returns how many lines changed."""
    scanned = [i for i, rep in enumerate(reports) if i < len(pages) and rep is not None and rep.method != "text"]
    if len(scanned) < MIN_COPIES:
        return 0
    words = {i: _page_words(pages[i]) for i in scanned}
    keys = {i: [k for k, _s in words[i][0]] for i in scanned}
    maps = {(p, q): _mapping(keys[p], keys[q]) for p in scanned for q in scanned if p != q}
    fixes: list[tuple[TextLine, str]] = []
    doubts: list[TextLine] = []
    vocab = vocabulary(pages, reports)  # the words the text-layer pages print sound (printed_vocab.py)
    for p in scanned:
        units, where = words[p]
        for ln, (first, end) in zip(pages[p], where, strict=True):
            short = end - first < MIN_WORDS
            if end - first < MIN_SHORT or short and (first == 0 or end == len(units)):
                continue
            mine = units[first:end]
            copies = [mine]
            for q in scanned:
                run = _spans(first, end, maps[(p, q)]) if q != p else None
                if run is None:
                    continue
                if short and not _between(keys[p], first, end, keys[q], run):
                    continue
                theirs = words[q][0][run[0]:run[1]]
                start, stop = _stretch(keys[p][first:end], keys[q][run[0]:run[1]])
                if (start, stop) != (0, len(theirs)) and _matches(_letters(mine), _letters(theirs[start:stop])):
                    copies.append(theirs[start:stop])  # a run that reaches into the next line's words, cut to the line's stretch
                elif _matches(_letters(mine), _letters(theirs)):
                    copies.append(theirs)
            if len(copies) < MIN_COPIES:
                continue
            settled = settle(copies, vocab)  # split printings settled by the document's own words (printed_vocab.py)
            put_in = any(mine[i][0] != w for i, w in settled.items())
            if put_in:
                mine = copies[0] = put(mine, settled)
            if _tied(mine, copies, settled):
                doubts.append(ln)
            vote = _strict(mine, _trim(mine, _consensus(copies)), copies)
            read = Counter(k for c in copies for k in {k for k, _s in c})
            fixed = _fixed(mine, vote, strong=frozenset(k for k, n in read.items() if n >= MIN_COPIES and _known(k)))
            if put_in and fixed is None:
                fixed = [s for _k, s in mine]
            if fixed is not None and (text := _kept_words(mine, fixed)) != ln.text:
                fixes.append((ln, text))
    for ln, text in fixes:
        ln.text = text
    for ln in doubts:
        ln.doubt = ln.doubt or OCR_LOW
    def aligned(p: int, q: int, a: list[str], b: list[str]) -> list[tuple[int, int]]:
        return maps[(p, q)] if a == keys[p] and b == keys[q] else _mapping(a, b)  # pages no fix changed: aligned once

    vote_words(pages, scanned, aligned)  # a word the line vote could not reach, voted in its phrase (repeated_words.py)
    return len(fixes)
