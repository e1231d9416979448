"""Each cell of an OCR'd ruled table read on its own, kept where it reads better than the page.

Tesseract's page layout runs a table's lines across its column rules: on a light, slanted scan
(Sfax's notice, about 110 ppi, its rules leaning by a degree after the page is deskewed) words of
one cell are put in the next (`عامل فلاح لاحي 5 LS. A 1` for `عامل فلاحي مختص`, the count `5`
landing in the post's name), a cell's last lines are lost and whole rows come out as Latin
gibberish. A cell cropped inside its rules and read as a block of lines (``--psm 6``, every cell of
a table in one tesseract call, Arabic tables with the Arabic model alone) has none of that.

It runs after the page's own repairs of the table (Latin words of Arabic cells read again, lone
digits), and a cell takes its own reading only where that scores better by the word lists
(:func:`_score`: a known word 1, an unknown or foreign-script word or a stray letter -2; a tie
only when the words are the same, put in their order), keeps the page's numbers of two digits or
more (KEEP_NUMBERS of them) and its percent signs; a cell of numbers takes a number read at
NUMBER_CONF. Lines of the cell its own reading has nothing on keep the page's reading of them
(:func:`_lines_missed`), and a year read as its last digit takes the page's (:func:`_numbers_back`).
A table the page read well thus does not move.

The crops, cleared of their rules and read in one call, are made by :mod:`tables_crops`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from .lexicon import normalise_ar
from .months import MONTHS
from .quality import word_known
from .tables_crops import MARGIN_IN, _boxes, _on_white, _read_crops, _trimmed, _unruled
from .tables_read import _clean, _Piece
from .tables_stretch import squeeze_stretched

if TYPE_CHECKING:
    from .render import PageImage
    from .tables_fill import _Filler
    from .tesseract import OcrResult

log = logging.getLogger("transform.ocr")

_PUNCT = "*•·.,:;!?()[]{}«»\"'-–—/\\|؛،؟"
_WORD = re.compile(r"\w")
_ONE_LETTER_WORDS = {"و", "à", "a", "y"}
_AR = re.compile(r"[\u0600-\u06ff]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
SURE_LINE = 85.0  # tesseract's confidence from which a cell's own line wins a tie with the page's
LINE_MARGIN = 1  # a printed line read alone in more words than the page's must score more than this better
NUMBER_CONF = 90.0  # a cell of numbers takes a number read on its own at this confidence
KEEP_NUMBERS = 0.7
SHORT_KEY = 3  # the word lists hold every key of this many letters or fewer
MIN_WORDY_CELLS = 3  # a row of at least this many cells read on their own without a digit is a row of words
_DIGITS = re.compile(r"\d+(?:[.,]\d+)+|\d\d+")  # (a lone digit among words is as often a stroke or a neighbour's count)
_NUMBER = re.compile(r"[\d.,%/-]*\d[\d.,%/-]*")


def own_conf(line_conf: float | None) -> float | None:
    """A cell's line read on its own: tesseract's confidence (0-100) on the 0..1 scale its cell is rated on
    (cell_doubt.rate_cells); None when tesseract gave none."""
    return None if line_conf is None else round(line_conf / 100.0, 3)


def _score(text: str, rtl: bool) -> tuple[int, int]:
    """(known words, score): the score counts a known word of the table's script 1 and an
    unknown word, or a word of the other script, -2 (a misread word is garbage in the cell, often
    beside a right one read twice); numbers and marks count nothing. Tesseract's French model
    reads a light Arabic cell's strokes as short Latin words the French list knows (`LS`, `cal`)."""
    known = score = 0
    for w in text.split():
        w = w.strip(_PUNCT)
        if not _WORD.search(w) or _NUMBER.fullmatch(w):
            continue
        if len(w) == 1 and w not in _ONE_LETTER_WORDS:  # a stroke of a rule or a speck read as a letter
            score -= 2
            continue
        foreign = bool(_LAT.search(w)) if rtl else bool(_AR.search(w))
        if not foreign and (word_known(w) or normalise_ar(w) in MONTHS):  # (the lists hold no month names)
            known += 1
            score += 1
        else:
            score -= 2
    return known, score


def _long_known(text: str, rtl: bool) -> int:
    """How many words of ``text`` of more than SHORT_KEY letters the lists know (of the table's
    script): the lists hold every key of SHORT_KEY letters or fewer, so a short known word is weak
    evidence: a tie of :func:`_score` that an own line read sure would win goes to the page's line
    when that has more long known words (`رئيس` against `ايس`)."""
    total = 0
    for w in text.split():
        w = w.strip(_PUNCT)
        if len(w) <= SHORT_KEY or _NUMBER.fullmatch(w):
            continue
        foreign = bool(_LAT.search(w)) if rtl else bool(_AR.search(w))
        if not foreign and (word_known(w) or normalise_ar(w) in MONTHS):
            total += 1
    return total


def _stronger(mine: str, theirs: str, rtl: bool) -> bool:
    """``mine`` reads no unknown word (or stray letter) that ``theirs`` does not read too, and more
    known words of more than SHORT_KEY letters: on a tie of :func:`_score` the page's extra known
    words are then short keys, which the lists hold all of (Health's list of posts: `رئيس قسم
    الصفقات` read `ايس قسم الصفقات` by the page, `قسم` read `سم`; its form: `الاسم` read `امم`,
    `تاريخ الترسيم` read `اله`). A reading with unknown words of its own (Sfax's `عامنا :ولا يففندق
    40اشئنة` against the page's `عاما ولا يتعدّى 40 سنة.`) does not win so."""
    page = {w.strip(_PUNCT) for w in theirs.split()}
    if any(_score(w, rtl)[1] < 0 and w.strip(_PUNCT) not in page for w in mine.split()):
        return False
    return _long_known(mine, rtl) > _long_known(theirs, rtl)


def _same_words(mine: str, theirs: str) -> bool:
    """The same words in another order, or the same words once the page's lone digits and marks
    are left out (a rule's stroke or a colon read `4` in `مكلف ب 4 -`, which the cell read `:`)."""
    if sorted(mine.split()) == sorted(theirs.split()):
        return True
    def words(text: str) -> list[str]:
        return sorted(w for w in text.split() if w.strip(_PUNCT) and not re.fullmatch(r"\d", w.strip(_PUNCT)))
    return words(mine) == words(theirs) and not any(re.fullmatch(r"\d", w.strip(_PUNCT)) for w in mine.split())


def _fills_empty(mine: str, conf: float, rtl: bool) -> bool:
    """A cell the page left empty takes its own reading when that scores above nothing and holds a
    known word of more than SHORT_KEY letters, or was read at SURE_LINE: the lists hold every short
    key, so specks in a blank column read as short words (Sfax p. 4's blank column read `صم 0`) do
    not fill it."""
    return _score(mine, rtl)[1] > 0 and (_long_known(mine, rtl) > 0 or conf >= SURE_LINE)


def _specks_more(mine: str, theirs: str) -> bool:
    """The cell's own reading is the page's words and more words of two letters at most (a short
    key the lists all hold scores as a known word): Sfax p. 4's `ات سائق اليات ثقيلة`, the end of
    `اليات` read a second time, over the page's `سائق اليات ثقيلة`."""
    ours = Counter(w.strip(_PUNCT) for w in mine.split() if w.strip(_PUNCT))
    page = Counter(w.strip(_PUNCT) for w in theirs.split() if w.strip(_PUNCT))
    extra = ours - page
    return bool(page) and not (page - ours) and bool(extra) and all(
        len(w) <= 2 and w not in _ONE_LETTER_WORDS and not _NUMBER.fullmatch(w) for w in extra)


def _numbers_only(text: str) -> bool:
    return bool(text) and all(_NUMBER.fullmatch(w) for w in text.split())


def _strays_around(mine: str, theirs: str, rtl: bool) -> bool:
    """The page read the cell's numbers with stray marks beside them and no word (`t 06`: a
    speck of the rule read as a letter)."""
    words = [w for w in theirs.split() if not _NUMBER.fullmatch(w)]
    return (bool(words) and _score(theirs, rtl)[0] == 0 and all(len(w.strip(_PUNCT)) <= 2 for w in words)
            and _DIGITS.findall(theirs) == _DIGITS.findall(mine) and re.findall(r"\d+", theirs) == re.findall(r"\d+", mine))


def _signs(text: str) -> set[str]:
    """The marks of a cell of numbers (a percent sign, a decimal comma): a reading without the
    page's `%` is not taken (the joint order's `3 %` limits)."""
    return {ch for ch in text if not ch.isdigit() and not ch.isspace()}


def _keeps_numbers(mine: str, theirs: str) -> bool:
    """The cell's reading holds KEEP_NUMBERS of the numbers of two digits or more the page read
    there at least, and its percent signs (the page's were read again digit by digit and sign by
    sign; a date cell read `وين :2022` lost its `17 نوفمبر`)."""
    if sum(theirs.count(c) for c in "%٪") > sum(mine.count(c) for c in "%٪"):
        return False  # the page's percent signs (the joint order's `3 % (على الأكثر)`) are kept
    page = Counter(_DIGITS.findall(theirs))
    if not page:
        return True
    kept = sum((page & Counter(_DIGITS.findall(mine))).values())
    return kept >= KEEP_NUMBERS * sum(page.values())


def _over(a: _Piece, b: _Piece) -> float:
    return min(a.bottom, b.bottom) - max(a.top, b.top)


def _line_by_line(pieces: list[_Piece], page: list[_Piece], rtl: bool, sure: list[bool] | None = None) -> list[_Piece]:
    """The cell's own lines, each replaced by the page's reading of the same printed line where
    that scores as well by the word lists (unless the own line was read at SURE_LINE), or better
    (or less by LINE_MARGIN at most when the own line has
    more words: a word cut in two, `لله:' وليتر` for `للهيكتوليتر`, scores one better) and keeps
    the own line's numbers (the page's words were checked and put right again; a light scan's
    bullets and stretched words garble a line of a cell read alone that the page read right, and
    the other way round). Each of the page's pieces goes to the own line it overlaps most."""
    owner: dict[int, list[_Piece]] = {}
    for q in page:
        best = max(range(len(pieces)), key=lambda i: _over(pieces[i], q), default=None)
        if best is not None and _over(pieces[best], q) > 0.5 * min(pieces[best].bottom - pieces[best].top, q.bottom - q.top):
            owner.setdefault(best, []).append(q)
    out = []
    for i, p in enumerate(pieces):
        theirs = owner.get(i, [])
        text = " ".join(q.text for q in sorted(theirs, key=lambda q: -q.x1 if rtl else q.x0))
        mine, page_score = _score(p.text, rtl)[1], _score(text, rtl)[1]
        doubt = not (sure and sure[i])  # a tie goes to the page's line unless the own one was read sure (`عمومي`, not `وام`)
        if len(p.text.split()) > len(text.split()):  # (a word of the page's cut in two?)
            better = page_score > mine or page_score + LINE_MARGIN >= mine and doubt and not _stronger(p.text, text, rtl)
        else:  # a tie to the page's line, unless the own one was read sure and has as many long known words
            better = page_score > mine or page_score == mine and not _stronger(p.text, text, rtl) and (
                doubt or _long_known(text, rtl) > _long_known(p.text, rtl))
        if theirs and better and _score(text, rtl)[0] and _keeps_numbers(text, p.text):
            out.append(_Piece(text, p.top, p.bottom, min(q.x0 for q in theirs), max(q.x1 for q in theirs)))
        else:
            out.append(replace(p, text=_page_numbers(p.text, text)))
    return out


def _page_numbers(mine: str, page: str) -> str:
    """The own line with the page's numbers of two digits or more in their place, when the page
    read as many on the line and some differ (the page's were read again digit by digit: a year
    `1992` the cell's reading took for `1982`)."""
    ours, theirs = _DIGITS.findall(mine), _DIGITS.findall(page)
    if not ours or len(ours) != len(theirs) or sorted(ours) == sorted(theirs):
        return mine  # (the same numbers in another order: the page's order of a right-to-left line may be wrong)
    it = iter(theirs)
    return _DIGITS.sub(lambda m: next(it), mine)


def _lines_missed(pieces: list[_Piece], page: list[_Piece], rtl: bool) -> list[_Piece]:
    """The page's pieces of the cell on printed lines its own reading has nothing on, when they
    hold known words: tesseract reads a cell's line on its own now and then as nothing at all
    (Sfax's `حمولتها 3.5 أطنان.` under the rest of its task), which the page had read again."""
    def over(a: _Piece, b: _Piece) -> bool:
        return _over(a, b) > 0.3 * min(a.bottom - a.top, b.bottom - b.top)

    def sound(text: str) -> bool:  # as many known words as others
        known, score = _score(text, rtl)
        return known > 0 and score >= -known

    return [p for p in page if not any(over(p, q) for q in pieces) and sound(p.text)]


def _numbers_back(pieces: list[_Piece], theirs: str) -> None:
    """A number of the cell's reading that is the last digits of one the page read takes the
    page's whole number, when the page read it beside the same word, or when it opens a line and
    the page read one number only that ends so and that the cell's reading lacks: tesseract's
    Arabic model reads a number opening a cell's line (`1982 كما تم إتمامه`, `17 أكتوبر 2022`) as
    its last digits, which the page's number check had read."""
    page = theirs.split()
    before = {page[i + 1]: page[i] for i in range(len(page) - 1) if page[i].isdigit()}
    after = {page[i - 1]: page[i] for i in range(1, len(page)) if page[i].isdigit()}
    mine = {w for p in pieces for w in p.text.split()}
    for p in pieces:
        words = p.text.split()
        for i, w in enumerate(words):
            if not w.isdigit():
                continue
            near = [before.get(words[i + 1]) if i + 1 < len(words) else None, after.get(words[i - 1]) if i > 0 else None]
            if i == 0:
                ends = {n for n in page if n.isdigit() and n not in mine and len(n) > len(w) and n.endswith(w)}
                near.append(ends.pop() if len(ends) == 1 else None)
            for n in near:
                if n and len(n) > len(w) and n.endswith(w):
                    words[i] = n
                    break
        p.text = " ".join(words)


def _rows_without_digits(rows: list[int], texts: list[str]) -> set[int]:
    """The grid rows whose cells, each read on its own, hold no digit at all (at least
    MIN_WORDY_CELLS of them read): a row of header words. The page's reading of such a row can
    still hold digits, made of the strokes of a leaning rule at a cell's side (Sfax p. 3's
    `01 الخطط`, `الخاصه 1 1 لمطلوبة`)."""
    seen: dict[int, int] = {}
    digits: set[int] = set()
    for row, text in zip(rows, texts, strict=True):
        if not text.strip():
            continue
        seen[row] = seen.get(row, 0) + 1
        if any(ch.isdigit() for ch in text):
            digits.add(row)
    return {r for r, n in seen.items() if n >= MIN_WORDY_CELLS and r not in digits}


def _without_numbers(pieces: list[_Piece]) -> list[_Piece]:
    """The page's pieces of a cell with their numbers taken out (pieces left empty dropped)."""
    out = []
    for p in pieces:
        text = " ".join(w for w in p.text.split() if not _NUMBER.fullmatch(w.strip(_PUNCT) or "x"))
        if text:
            out.append(replace(p, text=text))
    return out


def _best_ways(ways: list[list[tuple[np.ndarray, int, int]]], boxes: list, read: list[OcrResult],
               rtl: bool) -> tuple[list[np.ndarray], list[tuple[int, int]], list[OcrResult]]:
    """Each cell's crop, its corner on the page and its reading: of a cell read several ways (a
    grey ground cut black on white at several levels) the one with the most known words of more
    than SHORT_KEY letters (`الدرجة`, not `لد جه`), then the best scored by the word lists, then the
    one tesseract is surest of."""
    cuts: list[np.ndarray] = []
    corners: list[tuple[int, int]] = []
    subs: list[OcrResult] = []
    it = iter(read)
    for way, (_s, (x0, y0, _x1, _y1)) in zip(ways, boxes, strict=True):
        tried = [(w, next(it)) for w in way]
        texts = [" ".join(ln.text for ln in sub.lines) for _w, sub in tried]
        n = max(range(len(tried)), key=lambda i: (_long_known(texts[i], rtl), _score(texts[i], rtl)[1], tried[i][1].confidence, -i))
        (cut, ox, oy), sub = tried[n]
        cuts.append(cut)
        corners.append((x0 + ox, y0 + oy))
        subs.append(sub)
    return cuts, corners, subs


def read_cells(pimg: PageImage, filler: _Filler, langs: str, timeout: float, rtl: bool) -> int:
    """Read each cell of ``filler``'s grid on its own and put the reading in the cells where it
    scores better than what the page's lines put there. Returns how many cells changed."""
    boxes = _boxes(filler, pimg.dpi, pimg.image.size)
    if rtl and "ara" in langs.split("+"):
        langs = "ara"  # an Arabic table's cells: the French model reads light strokes as Latin words
    if not boxes:
        return 0
    grey = np.asarray(pimg.image.convert("L"))
    margin = max(2, int(MARGIN_IN * pimg.dpi))
    paper = float(np.median(grey[::4, ::4]))
    ways: list[list[tuple[np.ndarray, int, int]]] = []  # each cell's crops (one; several on a grey ground), cut to the ink
    for _s, (x0, y0, x1, y1) in boxes:
        box = grey[y0:y1, x0:x1]
        ways.append([_trimmed(c, pimg.dpi) for c in _on_white(_unruled(box, pimg.dpi, margin), box, margin, paper)])
    read = _read_crops([c for way in ways for c, _x, _y in way], pimg, langs, timeout)
    if read is None:
        return 0
    cuts, corners, subs = _best_ways(ways, boxes, read, rtl)
    squeeze_stretched(cuts, subs, lambda crops: _read_crops(crops, pimg, langs, timeout), rtl, _score)
    changed = 0
    wordy = _rows_without_digits([s.cell.row for s, _b in boxes], [" ".join(ln.text for ln in sub.lines) for sub in subs])
    for ((slot, _box), (x0, y0), sub, way) in zip(boxes, corners, subs, ways, strict=True):
        on_white = len(way) > 1  # a grey ground the page read as it was: the cell's reading on white wins a tie
        dx, dy = pimg.to_points(x0), pimg.to_points(y0)
        read = [(ln, t) for ln in sub.lines if (t := _clean(ln.text))]
        pieces = [_Piece(t, ln.top + dy, ln.bottom + dy, ln.x0 + dx, ln.x1 + dx, own_conf(sub.line_conf.get(id(ln)))) for ln, t in read]
        sure = [on_white or sub.line_conf.get(id(ln), 0.0) >= SURE_LINE for ln, _t in read]
        if not pieces:
            continue
        page_pieces = slot.pieces
        if slot.cell.row in wordy:
            page_pieces = _without_numbers(slot.pieces)
        theirs = " ".join(p.text for p in page_pieces)
        _numbers_back(pieces, theirs)
        pieces = _line_by_line(pieces, page_pieces, rtl, sure)
        pieces += [replace(p) for p in _lines_missed(pieces, page_pieces, rtl)]
        mine = " ".join(p.text for p in pieces)
        known, score = _score(mine, rtl)
        if known:  # no worse by the word lists, and the page's numbers kept
            page = _score(theirs, rtl)[1]
            take = (not _specks_more(mine, theirs)
                    and (score > page or score == page and (on_white or _same_words(mine, theirs) or _stronger(mine, theirs, rtl)))
                    if theirs
                    else _fills_empty(mine, sub.confidence, rtl)) and _keeps_numbers(mine, theirs)
        else:  # no word: a number read sure into a cell the page left empty or read as another number
            take = (_numbers_only(mine) and sub.confidence >= NUMBER_CONF
                    and (not theirs or _numbers_only(theirs) and _signs(theirs) <= _signs(mine)
                         or _strays_around(mine, theirs, rtl)))
        log.debug("page %d cell %d,%d: %s %r over %r", pimg.page, slot.cell.row, slot.cell.col, "read alone" if take else "kept",
                  mine, theirs)
        if take:
            slot.pieces = pieces
            changed += 1
    return changed
