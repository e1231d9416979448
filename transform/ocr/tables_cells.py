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

A crop reaches MARGIN_IN past the cell's rules, so that a rule of a slanted scan stays in it
whole; the rule is then followed strip by strip and painted out with everything beyond it
(:func:`_unruled`), and the crop is cut to its ink.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from .._exec import tesseract
from ..errors import ToolError
from .lexicon import normalise_ar
from .months import MONTHS
from .quality import word_known
from .tables_read import _clean, _Piece, _Slot
from .tables_stretch import squeeze_stretched

if TYPE_CHECKING:
    from .render import PageImage
    from .tables_fill import _Filler
    from .tesseract import OcrResult

log = logging.getLogger("transform.ocr")

MAX_CELLS = 120  # cells read on their own per table at most
MARGIN_IN = 0.05  # a cell is cropped this far outside its rules (inches): a slanted rule stays in the crop
RULE_PAD_IN = 0.02  # a rule's half thickness and a little more (inches), painted out with it
FRINGE = 8  # grey levels under the paper's from which a pixel beside a rule is its fringe
RULE_SHARE = 0.7  # share of a strip's pixels a rule's line of pixels is dark along
BORDER_IN = 0.1  # white border left around a cell's ink (inches)
STRIP_IN = 0.1  # a column rule is followed in strips this high (inches)
MIN_CELL_IN = 0.12  # a cell narrower or lower than this is not read on its own
INK_MARGIN = 20  # grey levels under the paper's from which a pixel is ink when looking for rules
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


def _same_words(mine: str, theirs: str) -> bool:
    """The same words in another order, or the same words once the page's lone digits and marks
    are left out (a rule's stroke or a colon read `4` in `مكلف ب 4 -`, which the cell read `:`)."""
    if sorted(mine.split()) == sorted(theirs.split()):
        return True
    def words(text: str) -> list[str]:
        return sorted(w for w in text.split() if w.strip(_PUNCT) and not re.fullmatch(r"\d", w.strip(_PUNCT)))
    return words(mine) == words(theirs) and not any(re.fullmatch(r"\d", w.strip(_PUNCT)) for w in mine.split())


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
            better = page_score > mine or page_score + LINE_MARGIN >= mine and doubt
        else:  # a tie to the page's line, unless the own one was read sure and has as many long known words
            better = page_score > mine or page_score == mine and (doubt or _long_known(text, rtl) > _long_known(p.text, rtl))
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


def _unruled(crop: np.ndarray, dpi: float, margin: int) -> np.ndarray:
    """The crop (grey; the cell's rules lie about ``margin`` pixels inside each of its sides)
    cleared outside its rules. A rule of a slanted scan leans by a few pixels along a tall or
    wide cell: it is followed strip by strip (the darkest line of pixels near each side, where it
    is drawn there), and everything from it outward is painted white."""
    paper = float(np.median(crop)) if crop.size else 255.0
    dark, faint = crop < paper - INK_MARGIN, crop < paper - FRINGE
    out = crop.copy()
    _clear_sides(out, dark, faint, dpi, margin)
    _clear_sides(out.T, dark.T, faint.T, dpi, margin)  # (views: the top and bottom rules)
    return out


def _clear_sides(out: np.ndarray, dark: np.ndarray, faint: np.ndarray, dpi: float, margin: int) -> None:
    """Paint white, in ``out``, the left and right rules followed down ``dark`` and what lies
    beyond them; a rule's grey fringe (``faint`` along most of the strip) inside it goes too."""
    h, w = dark.shape
    edge = min(2 * margin, w // 2)
    thick = max(2, int(RULE_PAD_IN * dpi))
    step = max(8, int(STRIP_IN * dpi))
    lefts, rights = _followed(dark, edge, step)
    for y, left, right in zip(range(0, h, step), _filled(lefts, margin), _filled(rights, w - margin), strict=True):
        fr = faint[y:y + step].mean(axis=0) >= RULE_SHARE
        a = left
        while a + 1 < w // 2 and fr[a + 1]:
            a += 1
        b = right
        while b - 1 > w // 2 and fr[b - 1]:
            b -= 1
        out[y:y + step, :min(w, max(a + 1, left + thick))] = 255
        out[y:y + step, max(0, min(b, right - thick + 1)):] = 255


def _followed(dark: np.ndarray, edge: int, step: int) -> tuple[list[int | None], list[int | None]]:
    """Where each strip of ``step`` rows has its left and right rule (the darkest column near the
    side, dark along RULE_SHARE of the strip), or None where it has none."""
    h, w = dark.shape
    lefts: list[int | None] = []
    rights: list[int | None] = []
    for y in range(0, h, step):
        strip = dark[y:y + step]
        need = RULE_SHARE * strip.shape[0]
        cols = strip[:, :edge].sum(axis=0)
        lefts.append(int(np.argmax(cols)) if cols.size and cols.max() >= need else None)
        cols = strip[:, w - edge:].sum(axis=0)
        rights.append(w - edge + int(cols.size - 1 - np.argmax(cols[::-1])) if cols.size and cols.max() >= need else None)
    return lefts, rights


def _filled(found: list[int | None], grid: int) -> list[int]:
    """Each strip's rule, a strip without one taking the nearest strip's above it, or below it
    when none above has one (a rule starts at the top rule of the table's first row, inside the
    first strip: a leaning rule's top left at the grid's place stayed in the crop as a stroke
    read `1` beside a header, Sfax p. 3's `01 الخطط`); the grid's place when no strip has one."""
    out: list[int] = []
    last = next((f for f in found if f is not None), grid)
    for f in found:
        last = f if f is not None else last
        out.append(last)
    return out


def _trimmed(crop: np.ndarray, dpi: float) -> tuple[np.ndarray, int, int]:
    """The crop cut down to its ink with a white border around it, and where the cut crop's
    corner lies in the crop (pixels, x and y)."""
    ink = crop < 255
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not rows.size:
        return crop, 0, 0
    pad = int(BORDER_IN * dpi)
    inner = crop[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    return np.pad(inner, pad, constant_values=255), int(cols[0]) - pad, int(rows[0]) - pad


def _boxes(filler: _Filler, dpi: float, size: tuple[int, int]) -> list[tuple[_Slot, tuple[int, int, int, int]]]:
    """Each cell's box, its rules ``MARGIN_IN`` inside it."""
    g = filler.grid
    m = max(2, int(MARGIN_IN * dpi))
    least = MIN_CELL_IN * dpi
    out = []
    for s in filler.slots.values():
        c = s.cell
        x0, x1 = int(g.xs[c.col]) - m, int(g.xs[c.col + c.colspan]) + m
        y0, y1 = int(g.ys[c.row]) - m, int(g.ys[c.row + c.rowspan]) + m
        if x1 - x0 - 2 * m < least or y1 - y0 - 2 * m < least or x0 < 0 or y0 < 0 or x1 > size[0] or y1 > size[1]:
            continue
        out.append((s, (x0, y0, x1, y1)))
    return out[:MAX_CELLS]


def _read_crops(cuts: list[np.ndarray], pimg: PageImage, langs: str, timeout: float) -> list[OcrResult] | None:
    """Each crop read as a block of lines, all in one tesseract call; None when tesseract fails."""
    from .tesseract import parse_tsv

    try:
        with tempfile.TemporaryDirectory(prefix="taysir-cells-") as tmp:
            names = []
            for n, cut in enumerate(cuts):
                path = Path(tmp) / f"cell{n:03d}.tif"
                Image.fromarray(cut).save(path, "TIFF", dpi=(pimg.dpi, pimg.dpi))
                names.append(str(path))
            listing = Path(tmp) / "cells.txt"
            listing.write_text("\n".join(names) + "\n", encoding="utf-8")
            out = tesseract.tsv(listing, langs=langs, psm=6, timeout=timeout)
    except ToolError as exc:
        log.info("page %d: table cells not read on their own (%s)", pimg.page, exc)
        return None
    rows: dict[int, list[str]] = {}
    for row in out.decode("utf-8", "replace").splitlines():
        cols = row.split("\t", 2)
        if len(cols) > 2 and cols[1].isdigit():
            rows.setdefault(int(cols[1]), []).append(row)
    return [parse_tsv("level\tpage_num\n" + "\n".join(rows.get(n, [])), pimg) for n in range(1, len(cuts) + 1)]


def read_cells(pimg: PageImage, filler: _Filler, langs: str, timeout: float, rtl: bool) -> int:
    """Read each cell of ``filler``'s grid on its own and put the reading in the cells where it
    scores better than what the page's lines put there. Returns how many cells changed."""
    boxes = _boxes(filler, pimg.dpi, pimg.image.size)
    if rtl and "ara" in langs.split("+"):
        langs = "ara"  # an Arabic table's cells: the French model reads light strokes as Latin words
    if not boxes:
        return 0
    grey = np.asarray(pimg.image.convert("L"))
    cuts: list[np.ndarray] = []
    corners: list[tuple[int, int]] = []
    for _s, (x0, y0, x1, y1) in boxes:
        cut, ox, oy = _trimmed(_unruled(grey[y0:y1, x0:x1], pimg.dpi, max(2, int(MARGIN_IN * pimg.dpi))), pimg.dpi)
        cuts.append(cut)
        corners.append((x0 + ox, y0 + oy))
    subs = _read_crops(cuts, pimg, langs, timeout)
    if subs is None:
        return 0
    squeeze_stretched(cuts, subs, lambda crops: _read_crops(crops, pimg, langs, timeout), rtl, _score)
    changed = 0
    wordy = _rows_without_digits([s.cell.row for s, _b in boxes], [" ".join(ln.text for ln in sub.lines) for sub in subs])
    for ((slot, _box), (x0, y0), sub) in zip(boxes, corners, subs, strict=True):
        dx, dy = pimg.to_points(x0), pimg.to_points(y0)
        read = [(ln, t) for ln in sub.lines if (t := _clean(ln.text))]
        pieces = [_Piece(t, ln.top + dy, ln.bottom + dy, ln.x0 + dx, ln.x1 + dx) for ln, t in read]
        sure = [sub.line_conf.get(id(ln), 0.0) >= SURE_LINE for ln, _t in read]
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
            take = (score > page or score == page and _same_words(mine, theirs) if theirs
                    else score > 0) and _keeps_numbers(mine, theirs)
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
