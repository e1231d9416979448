"""The same cell printed on several pages of a scanned table, read once by a vote of its copies.

A notice of posts set as one ruled table per page prints its header row again on every page, and
the cells that span all its rows (the general conditions, the closing and exam dates) in full on
every page: four printings of the same text, read four times by tesseract on a light scan, each
reading with misreadings of its own (Sfax's notice: `سته لايفل.عن` on one page, `لآ يفك حن` on the
next, `سنه لا يقل عن` on the third; a year read `2` on one page, `1992` on three; a header's
stretched `المهــام` read `الهج حا` once, `المهام` three times; a line of the cell lost on one
page). Where MIN_COPIES or more cells of a document's OCR'd tables read as the same text, each
is put right where the others outvote it:

* *copies* (:func:`_groups`): body cells of MIN_WORDS words or more whose letters match at
  SAME_BODY (a ratio of their letters, in order); header cells at the same column of tables of the
  same width whose letters match at SAME_HEAD (a stretched header word read as two short words);
* *the vote* (:func:`_consensus`): the copy that matches the others best is the pivot; every other
  copy is aligned word by word with it, and each of its words (and each gap between two of them)
  takes what most copies read there; a majority is two copies or more and more than any other
  reading. The word lists break a vote whose readings are no words but one (`إتمامه` against two
  `إتماسه`), and a word every other reading is with one letter lost is taken (`أوت` against `وت`);
* *what a copy takes* (:func:`_fixed`, :func:`_region_ok`): only what a majority read, region by
  region, and only a misreading put right: a number only a longer number that ends with it (a
  year read as its last digit) or the same number without a mark glued before it; a known Arabic
  word only a near one (NEAR, one letter longer or shorter at most), never a word the lists do
  not know; Latin words stay unless the vote's word is Arabic; Arabic words the copy lacks are put
  in (a line of the cell the reading lost); its extra words go when they are no words or short
  Arabic keys (a stroke, a speck). A known word also gives way to a word of the same strokes with
  other dots (`ثمن`, `تمت`); words read split give way to the vote's word when, joined, they are
  it with dots misread or a stroke lost (`تذ كبر`, `رن س(ة` for `تذكير`, `رئيس(ة`), and a region of
  more words than the vote's is tried vote word by vote word (:func:`cell_regions.split_region`); known words
  only spaced otherwise are kept (`التالية(بيان`); words a slash or bracket joins are known when
  each part is (`المخالفة/طبيعتها/عدد`).

A cell printed once (or twice: no majority) is left as read; text-layer tables are not touched.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..model import Sentence
from .months import _SKELETON
from .quality import word_known
from .wordfix import real_word

if TYPE_CHECKING:
    from ..model import Cell, Table

MIN_COPIES = 3  # a cell must be printed this many times for a vote (two copies have no majority)
MIN_WORDS = 3  # body cells of fewer words (counts, grades, a short label) are too alike to group
SAME_BODY = 0.8  # letters of two body cells read as the same text match at this ratio
SAME_HEAD = 0.6  # header cells at the same column of tables of one width: this ratio
CLOSE = 0.5  # the copy's letters match the vote's at this ratio in a region: a misreading
NEAR = 0.6  # a known word gives way to the vote's word only this close, and one letter longer or shorter at most
GLUED = 0.85  # several words, some known, give way to the vote's only when their letters match this close
SHORT = 3  # a word of this many letters or fewer is weak evidence (the lists hold every such key)
_MARKS = re.compile(r"^[\W_]+|[\W_]+$")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_ARABIC = re.compile(r"[\u0621-\u064a]+")
_PARTS = re.compile(r"(?<=[\u0621-\u064a])[/(]+(?=[\u0621-\u064a])")  # `المخالفة/طبيعتها`, `رئيس(ة`: words a mark joins
_INNER = re.compile(r"(?<=[^\W\d_][.,:;])(?=[^\W\d_])|(?<=\d)(?=[\u0621-\u064a])|(?<=[\u0621-\u064a])(?=\d)")
# (a mark between two letters ends a word, `لايفل.عن`; so do digits glued to Arabic letters, `17نوفمبر`)


def _key(token: str) -> str:
    """A token compared: harakat and tatweel out, marks at its edges out (``:2022`` is ``2022``)."""
    text = unicodedata.normalize("NFKC", token)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch != "\u0640")
    return _MARKS.sub("", text)


def _units(text: str) -> list[tuple[str, str]]:
    """The cell's words as (key, surface): a token of marks alone rides on the word before it."""
    out: list[tuple[str, str]] = []
    lead = ""
    for tok in (part for t in text.split() for part in _INNER.split(t) if part):
        k = _key(tok)
        if not k:
            if out:
                out[-1] = (out[-1][0], out[-1][1] + " " + tok)
            else:
                lead = f"{lead} {tok}".strip()
            continue
        out.append((k, f"{lead} {tok}".strip() if lead else tok))
        lead = ""
    return out


def _letters(units: list[tuple[str, str]]) -> str:
    return "".join(k for k, _s in units)


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a or b else 1.0


def _cell_text(cell: Cell) -> str:
    return " ".join(s.text for s in cell.sentences)


def _groups(tables: list[Table]) -> list[list[Cell]]:
    """Cells read as the same printed text (module docstring), one per table (rows of one table
    that differ by a month or an amount are no copies), each group of MIN_COPIES at least."""
    groups: list[tuple[bool, int, int, str, list[Cell], set[int]]] = []  # (header, width, column, letters, cells, tables)
    for n, t in enumerate(tables):
        width = max((sum(c.colspan for c in row) for row in t.rows), default=0)
        for row in t.rows:
            col = 0
            for cell in row:
                here, col = col, col + cell.colspan
                units = _units(_cell_text(cell))
                if not units or not cell.header and len(units) < MIN_WORDS:
                    continue
                letters = _letters(units)
                for head, w, c, first, cells, seen in groups:
                    if head != cell.header or head and (w, c) != (width, here) or n in seen:
                        continue
                    if _ratio(letters, first) >= (SAME_HEAD if head else SAME_BODY):
                        cells.append(cell)
                        seen.add(n)
                        break
                else:
                    groups.append((cell.header, width, here, letters, [cell], {n}))
    return [cells for _h, _w, _c, _l, cells, _s in groups if len(cells) >= MIN_COPIES]


def _slots(pivot: list[str], other: list[str]) -> tuple[list[str], list[str]]:
    """What ``other`` reads at each of the pivot's words and in each gap before them (and after the
    last): words joined by a space, '' for nothing."""
    words = [""] * len(pivot)
    gaps = [""] * (len(pivot) + 1)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, pivot, other, autojunk=False).get_opcodes():
        if op == "equal" or op == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                words[i1 + k] = other[j1 + k]
        elif op == "insert":
            gaps[i1] = " ".join(other[j1:j2])
        elif op == "replace":  # unequal: each of other's words on the pivot's word its letters match
            for j, i in zip(range(j1, j2), _spread(pivot[i1:i2], other[j1:j2]), strict=True):
                words[i1 + i] = f"{words[i1 + i]} {other[j]}".strip()
    return words, gaps


def _spread(mine: list[str], theirs: list[str]) -> list[int]:
    """For each word of ``theirs``, the word of ``mine`` most of its matched letters fall on (the
    letters of both joined and matched in order); a word with no letter matched goes by its place."""
    a, b = "".join(mine), "".join(theirs)
    owner_a = [i for i, w in enumerate(mine) for _ch in w]
    to_a: dict[int, int] = {}
    for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(blk.size):
            to_a[blk.b + k] = blk.a + k
    out: list[int] = []
    pos = 0
    for w in theirs:
        hits = [owner_a[to_a[q]] for q in range(pos, pos + len(w)) if q in to_a]
        if hits:
            out.append(max(set(hits), key=hits.count))
        else:
            mid = (pos + len(w) / 2) / max(1, len(b))
            out.append(min(len(mine) - 1, int(mid * len(mine))))
        pos += len(w)
    for i in range(1, len(out)):  # in order
        out[i] = max(out[i], out[i - 1])
    return out


def _consensus(copies: list[list[tuple[str, str]]]) -> list[tuple[str, str, bool]]:
    """The vote of the copies (module docstring), as (key, surface, voted by a majority) words."""
    keys = [[k for k, _s in c] for c in copies]
    forms: dict[str, Counter[str]] = {}
    for c in copies:
        for k, s in c:
            forms.setdefault(k, Counter())[s] += 1
    surface = {k: min(f, key=lambda s: (-f[s], len(s))) for k, f in forms.items()}
    p = max(range(len(copies)), key=lambda i: sum(_ratio(" ".join(keys[i]), " ".join(keys[j])) for j in range(len(keys)) if j != i))
    pivot = keys[p]
    votes_w: list[list[str]] = [[k] for k in pivot]
    votes_g: list[list[str]] = [[""] for _ in range(len(pivot) + 1)]
    for j, other in enumerate(keys):
        if j == p:
            continue
        words, gaps = _slots(pivot, other)
        for i, w in enumerate(words):
            votes_w[i].append(w)
        for i, g in enumerate(gaps):
            votes_g[i].append(g)

    def winner(votes: list[str]) -> tuple[str, bool]:
        """The reading most copies agree on (the pivot's on a tie), and whether a majority read it:
        two copies or more, more than any other reading. When the copies' readings are no words
        but one (of more than SHORT letters, NEAR the best reading), that one is taken: two pages
        read `إتماسه`, one `إتنامه`, one `إتمامه`."""
        best = max(votes, key=lambda v: (votes.count(v), v == votes[0]))
        if votes.count(best) <= votes.count(votes[0]):
            best = votes[0]
        rest = [votes.count(v) for v in set(votes) if v != best]
        sure = votes.count(best) >= 2 and all(n < votes.count(best) for n in rest)
        if not sure and (spaced := _spacing(votes)):
            return spaced, True
        if best and " " not in best and not (sure and _known(best)):  # the lists break a vote whose reading is no word, or a tie
            listed = [v for v in set(votes) if " " not in v and len(v) > SHORT and _known(v) and _ratio(v, best) >= NEAR]
            if len(listed) == 1 and not any(_known(v) and not _LATIN.search(v) for v in set(votes) if v and v != listed[0]):
                return listed[0], True
        full = _kept_letters(votes)
        if best and full and full != best:
            return full, True
        return best, sure

    out: list[tuple[str, str, bool]] = []
    for i in range(len(pivot) + 1):
        word, sure = winner(votes_g[i])
        out += [(k, surface.get(k, k), sure) for k in word.split()]
        if i < len(pivot):
            word, sure = winner(votes_w[i])
            out += [(k, surface.get(k, k), sure) for k in word.split()]
    return out


def _spacing(votes: list[str]) -> str | None:
    """The reading of a slot where no spelling has a majority but a majority of the copies read the same
    letters, spaced otherwise (`لا يقل` on one page, `لايقل` on another, `لايفل` and `لآ يفك` on the
    others): the one spelling of those letters whose words are all dictionary words (``word_known``,
    not a glued form the lists only parse, `لايقل`). None when there is no such majority or spelling."""
    joined = Counter("".join(v.split()) for v in votes if v)
    if not joined:
        return None
    (top, n), *rest = joined.most_common()
    if n < 2 or rest and rest[0][1] >= n:
        return None
    whole = {v for v in votes if v and "".join(v.split()) == top and all(word_known(k) is True for k in v.split())}
    return whole.pop() if len(whole) == 1 else None


def _number(key: str) -> bool:
    return bool(_DIGIT.search(key))


def _weak(key: str) -> bool:
    """A word that is no evidence against the vote: no word the lists know, or an Arabic word of
    SHORT letters or fewer (the Arabic lists hold every such key; a Latin one is an abbreviation)."""
    return word_known(key) is False or len(key) <= SHORT and bool(_ARABIC.fullmatch(key))


def _known(key: str) -> bool:
    """A word the lists know (an Arabic word with a pronoun after it included); Arabic words a slash
    or a bracket joins (`المخالفة/طبيعتها/عدد`, `رئيس(ة`) when each is known (a feminine `ة` alone
    too)."""
    if word_known(key) is True or bool(_ARABIC.fullmatch(key)) and real_word(key):
        return True
    parts = _PARTS.split(key)
    return len(parts) > 1 and all(p == "ة" or len(p) > 1 and _ARABIC.fullmatch(p) and real_word(p) for p in parts)


def _skeleton(word: str) -> str:
    """The word's strokes without their dots (`ثمن` and `تمت`, `تذكبر` and `تذكير` are one skeleton)."""
    return "".join(str(_SKELETON[ch]) if ch in _SKELETON else ch for ch in word)


def _strokes(a: str, b: str) -> bool:
    """The letters ``a`` (a word read split, joined) are ``b``'s but for dots, or with one of ``b``'s
    strokes lost (`رنس(ة` for `رئيس(ة`)."""
    if _dots(a, b):
        return True
    sa, sb = _skeleton(a), _skeleton(b)
    return len(sb) == len(sa) + 1 and any(sb[:i] + sb[i + 1:] == sa for i in range(len(sb)))


def _dots(a: str, b: str) -> bool:
    """Two Arabic words of one length that differ only by dots (letters of one skeleton)."""
    return a != b and len(a) == len(b) and bool(_ARABIC.fullmatch(a) and _ARABIC.fullmatch(b)) and _skeleton(a) == _skeleton(b)


def _lost_letters(mine: str, vote: str) -> bool:
    """The vote's word is the copy's with letters lost: tesseract drops a faint letter far more
    often than it invents one, so two copies that lost it do not outvote the one that kept it."""
    if len(vote) >= len(mine):
        return False
    it = iter(mine)
    return all(ch in it for ch in vote)


def _kept_letters(votes: list[str]) -> str | None:
    """The reading of one word that every other reading is with one letter lost (`أوت` against `وت`,
    `وت`, `أت`), when the lists know it: tesseract drops a faint letter far more often than it adds
    one, so the copies that lost it are no majority against it. None when there is none."""
    singles = {v for v in votes if v and " " not in v}
    if len(singles) < 2 or "" in votes:
        return None
    full = [r for r in singles if _known(r) and all(v == r or len(r) - len(v) == 1 and _lost_letters(r, v) for v in singles)]
    if len(full) != 1 or any(votes.count(v) >= MIN_COPIES and _known(v) for v in singles if v != full[0]):
        return None  # a known word MIN_COPIES copies read is no letter lost (`والسنة` three times, `والمسنة` once)
    return full[0]


def _region_ok(mine: list[str], vote: list[str], head: bool = False, strong: frozenset[str] = frozenset()) -> bool:
    """Whether the copy's words ``mine`` may give way to the vote's ``vote`` in one region (``head``:
    header cells, copies by their place in tables of one shape as well as by their letters; ``strong``:
    words MIN_COPIES copies or more read, which a letter more on the copy does not hold off)."""
    if any(_LATIN.search(k) for k in mine) and any(_LATIN.search(k) for k in vote):
        return False  # Latin words are left as read (`AMORTISSEMENT` beside `AMORTISSEMENTS`); Latin junk for Arabic is not
    if not mine:  # words the copy lost: letters only (an amount's group or a qualifier may be the copy's own)
        return not any(_number(k) for k in vote) and all(_ARABIC.fullmatch(k) for k in vote)
    nums_m = [k for k in mine if _number(k)]
    nums_v = [k for k in vote if _number(k)]
    if nums_m or nums_v:  # a number only by a longer one that ends with it, nothing else around
        return (len(nums_m) == len(nums_v) == len(mine) == len(vote)
                and all(b.endswith(a) and len(b) > len(a) for a, b in zip(nums_m, nums_v, strict=True)))
    if not vote:  # specks or junk the others do not read (Arabic words or marks: `LF` is an abbreviation)
        return all(_weak(k) and _ARABIC.fullmatch(k) or not any(ch.isalpha() for ch in k) for k in mine)
    if len(mine) == len(vote) == 1:
        a, b = mine[0], vote[0]
        if _lost_letters(a, b) and b not in strong or _known(a) and not _known(b):
            return False
        if _LATIN.search(a) and _ARABIC.fullmatch(b):
            return _known(b)  # Latin letters read for an Arabic word (`SL` for `بالأمر`)
        if _known(a) and not _ARABIC.fullmatch(a):
            return False  # a Latin word the lists know stays (`AMORTISSEMENT`, singular, beside plurals)
        if _known(a):  # a word for a word: one letter or two off (`الضحية`, `سنا`), or its dots (`ثمن`), not another word (`ماي`)
            if len(a) == len(b) <= SHORT and b in strong and bool(_ARABIC.fullmatch(a) and _ARABIC.fullmatch(b)):
                return True  # a short word (`هن`) against MIN_COPIES copies reading another of its length (`من`)
            return abs(len(a) - len(b)) <= 1 and (_ratio(a, b) >= NEAR or _dots(a, b))
        return _ratio(a, b) >= CLOSE or _weak(a)
    if len(vote) == 1 and _strokes(joined := "".join(mine), vote[0]) and not _known(joined) and _known(vote[0]):
        return True  # a word read split, its dots misread or a stroke lost (`تذ كبر`, `رن س(ة` for `تذكير`, `رئيس(ة`)
    if any(_known(k) for k in mine) and not all(_known(k) for k in vote):
        return False  # a word the lists know never gives way to one they do not
    glued = len(mine) == 1 < len(vote) and word_known(mine[0]) is False and all(word_known(k) is True for k in vote)
    if not glued and all(_known(k) for k in mine) and "".join(_ARABIC.findall("".join(mine))) == "".join(_ARABIC.findall("".join(vote))):
        return False  # known words spaced otherwise, the same letters (`التالية(بيان`, `التالية: (بيان`): printings differ so
    if glued and _ratio(mine[0], "".join(vote)) >= CLOSE:
        return True  # one glued word the lists only parse (`لايقل`, `لايفل`) for dictionary words: the same letters cut otherwise, or misread
    if _ratio("".join(mine), "".join(vote)) >= (GLUED if any(_known(k) for k in mine) and not head else CLOSE):
        return True  # the same letters cut otherwise (`لايقل عن`), or misread
    return all(_weak(k) and not _known(k) for k in mine)


def _fixed(copy: list[tuple[str, str]], vote: list[tuple[str, str, bool]], head: bool = False,
           strong: frozenset[str] = frozenset()) -> list[str] | None:
    """The copy's tokens put right by the vote where a majority read the vote's words and
    :func:`_region_ok` lets it; None when nothing changes. A region of more words than the vote's
    that does not give way whole is tried again vote word by vote word, each with the copy's words
    its letters fall on (`تذ كبر بالمفنضيات` against `تذكير بالمقتضيات`)."""
    a, b = [k for k, _s in copy], [k for k, _s, _v in vote]
    out: list[str] = []
    changed = False
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":  # a number keeps the vote's form when a mark is glued before it (`:2022`)
            for (k, s), (_vk, vs, voted) in zip(copy[i1:i2], vote[j1:j2], strict=True):
                take = voted and _number(k) and s != vs and not s[0].isalnum() and vs[0].isalnum()
                out.append(vs if take else s)
                changed |= take
            continue
        if op == "replace" and i2 - i1 == j2 - j1:  # word by word
            for (k, s), (vk, vs, voted) in zip(copy[i1:i2], vote[j1:j2], strict=True):
                ok = voted and _region_ok([k], [vk], strong=strong)
                out.append(vs if ok else s)
                changed |= ok
            continue
        if all(v for _k, _s, v in vote[j1:j2]) and _region_ok(a[i1:i2], b[j1:j2], head) and (j2 > j1 or _dropped(vote, j1)):
            out += [s for _k, s, _v in vote[j1:j2]]
            changed = True
        elif (parts := split_region(copy[i1:i2], vote[j1:j2], head, strong)) is not None:
            out += parts
            changed = True
        elif (parts := glued_region(copy[i1:i2], vote[j1:j2], strong)) is not None:
            out += parts
            changed = True
        else:
            out += [s for _k, s in copy[i1:i2]]
    return out if changed else None


def _dropped(vote: list[tuple[str, str, bool]], j: int) -> bool:
    """Words the vote lacks between its words ``j - 1`` and ``j``: dropped only between two words a
    majority read (a tie keeps the pivot's words, so the pivot's neighbours say nothing)."""
    return (j == 0 or vote[j - 1][2]) and (j == len(vote) or vote[j][2])


def vote_repeated(tables: list[Table]) -> int:
    """Put right, in the OCR'd ``tables`` of one document, the cells printed MIN_COPIES times or
    more where their copies outvote them (module docstring). Returns how many cells changed."""
    changed = 0
    for cells in _groups(tables):
        copies = [_units(_cell_text(c)) for c in cells]
        vote = _consensus(copies)
        read = Counter(k for c in copies for k in {k for k, _s in c})
        strong = frozenset(k for k, n in read.items() if n >= MIN_COPIES and _known(k))  # as the printings' lines do
        for cell, copy in zip(cells, copies, strict=True):
            fixed = _fixed(copy, vote, cell.header, strong)
            if fixed is None:
                continue
            text = " ".join(fixed)
            if text != _cell_text(cell):
                cell.sentences = [Sentence(id="", text=text, notes={})]
                changed += 1
    return changed


from .cell_regions import glued_region, split_region  # noqa: E402  (they read _region_ok and _spread above)
