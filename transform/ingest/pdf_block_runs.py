"""Runs of lines that make one block whatever their spacing (used by :mod:`pdf_blocks`).

* **A column of entries**: names or short labels set one under the other, evenly spaced, all
  starting at one edge, none ending a sentence nor holding a number (the communes of a zone in an annex grid, three
  columns of them). Spaced wider than the text they would each make a paragraph of one word;
  they are the contents of one cell: one block.
* **Full lines of a narrower block**: a line that stops where several other lines of its page
  stop reached the end edge of its block, even when the column found for it is wider (a
  picture of a two-column page read by OCR, whose columns the layout did not see): it is not
  a paragraph's last line however short of the column's edge it stops.
* **A double-spaced column**: a column whose lines are all set wider apart than the document's
  usual pitch (a page of a Bulletin set with double line spacing) has its own pitch, the steps
  after its full lines (:func:`column_pitches`), so each of its lines is not a paragraph.
* **A centred group** (a signature block, often set off the column's middle:
  ``Pour contreseing :`` / ``Le ministre délégué auprès`` / ``de la ministre de l'économie``):
  short lines whose middles agree, the next one going on from the one before (a lower-case
  start, or after a comma; a colon opens a group whose lines start apart). The lines of a
  letterhead (a ministry, then its directorate) or of an address start with a capital: names
  of their own, kept apart, as the truth pages have them (lines merely centred alike are not
  enough: a scanned letter's address lines are paragraphs of their own). The first line may be
  long when the second, going on from it, is centred under it (``(Art. 73 de la loi
  ... 2 septembre 2018,`` / ``modifiée et complétée, relative aux lois de finances)``): the
  shorter line's deeper start is no first-line indent.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Sequence
from typing import Any

from .base import TextLine
from .pdf_layout import Edges

FLUSH = 2.0  # points: lines that stop within this of each other stop at one edge
EDGE_LINES = 5  # ...and an edge is where at least this many lines of a page stop
ENTRY_WORDS = 4  # an entry is a short line: a name, a label
ENTRY_CHARS = 60  # ...of at most this many characters
ENTRY_RUN = 5  # ...and a column of entries holds at least this many
ALIGN = 3.0  # points: entries start at one edge within this
STEP_SPREAD = 0.2  # their steps differ from the usual one by at most this share
SIZE_SPREAD = 1.6  # and their sizes by at most this factor
WOBBLE = 1.5  # points: sizes an OCR'd text layer gives the lines of one paragraph differ by this much at most
ROOM_CHARS = 20  # a line's own width per character is measured on 20 characters at least
CENTRED_IN = 2.0  # sizes: a line centred under a long one is set in from both its ends by more than this
_ENDS = re.compile(r"[.!?؟…:;؛,،]\s*[\"»”’)]*$")
_DIGIT = re.compile(r"\d")
_MARKED = re.compile(r"^(?:[•◦▪●○■□\-–—*]|\(?\d{1,3}[.)\-]|\(?[a-zA-Z][.)])\s")

SENTENCE_STOP = re.compile(r"[.!?؟…;؛]\s*[\"»”’)]*$")  # a sentence ends (a colon may open a group)
Feature = tuple[float, bool, float]


def load_group() -> Any:
    """The optional compiled per-line loop (``_group.c``), or None (not built, or hidden: ``TAYSIR_HIDE_EXTENSIONS=1``
    or ``TAYSIR_GROUP_NATIVE=0``)."""
    if os.environ.get("TAYSIR_HIDE_EXTENSIONS", "").strip().lower() in ("1", "true", "yes", "on") \
            or os.environ.get("TAYSIR_GROUP_NATIVE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    try:
        from . import _group  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _group


_GROUP = load_group()
_SHORT_RUN = getattr(_GROUP, "short_run", None)


class Stops:
    """Where a page's lines stop, left and right, sorted when first asked (most pages never ask)."""

    def __init__(self, lines: Sequence[TextLine] = ()) -> None:
        self._lines = lines
        self._ends: dict[bool, list[float]] = {}

    def ends(self, rtl: bool) -> list[float]:
        if rtl not in self._ends:
            self._ends[rtl] = sorted(ln.x0 if rtl else ln.x1 for ln in self._lines)
        return self._ends[rtl]


def page_stops(lines: Sequence[TextLine]) -> Stops:
    return Stops(lines)


def full_line(line: TextLine, width: float, rtl: bool, stops: Stops) -> bool:
    """Does ``line`` (at least 40 % of its column's ``width``) stop where :data:`EDGE_LINES` lines of its page stop?"""
    if line.x1 - line.x0 < 0.4 * width:
        return False
    ends = stops.ends(rtl)
    end = line.x0 if rtl else line.x1
    return bisect.bisect_right(ends, end + FLUSH) - bisect.bisect_left(ends, end - FLUSH) >= EDGE_LINES


def room_left(prev: TextLine, after: TextLine, gap: float, size: float) -> bool:
    """Was ``prev`` (ending a sentence, ``gap`` short of its column's end edge) ended on purpose? Yes when
    the first word of the line after it, and a space, would have fit in that room (widths measured on
    ``prev``'s own characters): ragged text breaks a line only where the next word does not fit, so a
    full stop there ends the paragraph (a council's minutes set flush left). At least 1.5 sizes of room."""
    text = prev.text
    if gap <= 1.5 * size or len(text) < ROOM_CHARS:
        return False
    words = after.text.split(maxsplit=1)
    return bool(words) and gap > (len(words[0]) + 1) * (prev.x1 - prev.x0) / len(text)


def size_wobble(prev: TextLine, ln: TextLine, prev_size: float, size: float, gap: float) -> bool:
    """A line set a point off the line before that still goes on it: a text layer that an earlier OCR
    laid under a scan (ocrmypdf's invisible text) sizes each line from its box, so the lines of one
    paragraph read 11 pt, 12 pt, 11 pt. Within 1.5 pt (and 15 %), in one style, when the line before
    ran to its column's end edge (``gap``: at most a size short) without ending a sentence and this one
    starts in lower case (``... Philippe MALLARD et`` / ``monsieur Kévin LEGENTIL ...``)."""
    return (abs(prev_size - size) <= min(WOBBLE, 0.15 * max(prev_size, size)) and ln.text[:1].islower()
            and prev.bold == ln.bold and gap <= max(prev_size, size) and not SENTENCE_STOP.search(prev.text))


def own_axis(prev: TextLine, ln: TextLine, width: float, size: float, inset: float) -> bool:
    """Two short lines centred on an axis of their own, the second going on from the first; lines
    that start together (``inset``: how far inside their column's start edge the nearer starts) are
    centred only when set well inside the column (else they are left-aligned lines of a list)."""
    wide = max(prev.x1 - prev.x0, ln.x1 - ln.x0)
    middle = abs((prev.x0 + prev.x1) - (ln.x0 + ln.x1)) / 2
    if middle > max(3.0, 0.3 * size):
        return False
    wraps = ln.text[:1].islower() or prev.text.rstrip().endswith((",", "،"))  # the second line goes on from the first
    if wide >= 0.6 * width:
        # a long line, then the line going on from it centred under it (a reference in brackets under a title,
        # the long line making its column): set in from both ends of the long line, unlike a paragraph's last line
        return wraps and min(ln.x0 - prev.x0, prev.x1 - ln.x1) > CENTRED_IN * size
    if abs(prev.x0 - ln.x0) > 0.8 * size and abs(prev.x1 - ln.x1) > 0.8 * size:
        return wraps or prev.text.rstrip().endswith(":")  # "Pour contreseing :" opens its group
    return wraps and inset > size


def _entry(line: TextLine) -> bool:
    text = line.text
    if len(text) > ENTRY_CHARS:
        return False  # most lines: cheap answer first
    if not 0 < len(text.split(None, ENTRY_WORDS)) <= ENTRY_WORDS:
        return False  # more words than an entry's (split no further than that: the same answer as counting them all)
    text = text.strip()
    # a line with a number is a table row read without its rules (a label and its value), not a name
    return not _ENDS.search(text) and not _MARKED.match(text) and not _DIGIT.search(text)


def _few(lines: Sequence[TextLine]) -> list[bool]:
    """Which lines are short enough, and of few enough words, to be entries (the reference of ``_group.short_run``)."""
    return [len(t) <= ENTRY_CHARS and 0 < len(t.split(None, ENTRY_WORDS)) <= ENTRY_WORDS for t in [ln.text for ln in lines]]


def entry_runs(lines: Sequence[TextLine], edges_of: Sequence[Edges], feats: Sequence[Feature]) -> set[int]:
    """Indexes ``k`` of the lines that go on the block of line ``k - 1``: runs of at least
    :data:`ENTRY_RUN` entries of about one size (OCR reads an accented capital taller) in one
    column, aligned at their start edge (the right one when right to left), evenly spaced (steps
    between the middles of their boxes, which OCR's ascenders and descenders move less than a
    box's top or bottom, within :data:`STEP_SPREAD` of the run's median step, at most 3 sizes)."""
    out: set[int] = set()
    # lines short enough, and of few enough words, to be entries (what :func:`_entry` tests first): a run needs
    # ENTRY_RUN of them one after the other (``_group.short_run``: the same test in C)
    if _SHORT_RUN is not None:
        if not _SHORT_RUN(lines, ENTRY_CHARS, ENTRY_WORDS, ENTRY_RUN):
            return out
    elif bytes(_few(lines)).find(b"\x01" * ENTRY_RUN) < 0:
        return out  # most pages: no run of short lines long enough
    short = [len(ln.text) <= ENTRY_CHARS for ln in lines]
    start = 0
    while start < len(lines):
        if not short[start]:
            start += 1
            continue
        end = start + 1
        if _entry(lines[start]):
            size, rtl, _ = feats[start]
            size = size or 10.0
            while end < len(lines) and short[end] and _entry(lines[end]):
                s2, r2, _ = feats[end]
                a, b = lines[end - 1], lines[end]
                d = (b.top + b.bottom - a.top - a.bottom) / 2
                edge = abs(a.x1 - b.x1) if rtl else abs(a.x0 - b.x0)
                if not (size / SIZE_SPREAD <= (s2 or 10.0) <= size * SIZE_SPREAD) or r2 != rtl or b.page != a.page \
                        or edges_of[end].column != edges_of[start].column or edge > ALIGN or not 0 < d <= 3.0 * size:
                    break
                end += 1
            if end - start >= ENTRY_RUN:
                out.update(_even(lines, start, end))
        start = end
    return out


def _even(lines: Sequence[TextLine], start: int, end: int) -> list[int]:
    """The lines of ``lines[start:end]`` that go on the one before them at the run's usual step;
    the run is cut where a step differs (a name wrapped on two lines), each piece kept when it
    holds :data:`ENTRY_RUN` lines or more."""
    steps = [(b.top + b.bottom - a.top - a.bottom) / 2 for a, b in zip(lines[start:end], lines[start + 1:end], strict=False)]
    usual = sorted(steps)[len(steps) // 2]
    out: list[int] = []
    piece: list[int] = []
    for k, d in enumerate(steps, start + 1):
        if abs(d - usual) <= STEP_SPREAD * usual:
            piece.append(k)
            continue
        if len(piece) + 1 >= ENTRY_RUN:
            out += piece
        piece = []
    if len(piece) + 1 >= ENTRY_RUN:
        out += piece
    return out


def column_pitches(lines: Sequence[TextLine], edges_of: Sequence[Edges], fs: Sequence[Feature],
                    pitch: dict[tuple[float, bool], float]) -> dict[tuple[int, float, bool], float]:
    """The line pitch of a column set wider than the document's (double spaced throughout), per
    (column, size, direction): the lower quartile of the steps after full lines (lines that reach
    the column's end edge go on in the same paragraph), when there are four of them at least and it
    is wider than the document's pitch by more than the slack a paragraph allows (so paragraph spacing
    in a single-spaced column, where full lines are few, is never taken for a pitch)."""
    steps: dict[tuple[int, float, bool], list[float]] = {}
    if len(lines) < 2:
        return {}
    # each line with the one before it (zips rather than indexes: this runs on every line of the document)
    for prev, (sa, ra, ba), ea, (sb, rb, bb), eb in zip(lines, fs, edges_of, fs[1:], edges_of[1:], strict=False):
        if sa != sb or ra != rb:
            continue
        size = sa or 10.0
        if not 0.9 * size <= bb - ba <= 3.0 * size or ea.column != eb.column:
            continue
        text = prev.text
        if "...." in text or "…" in text:
            continue  # a contents entry's last line: its dot leaders reach the edge, the next entry starts apart
        half, share = 0.5 * size, 0.02 * (ea.right - ea.left)  # (Edges.width)
        if (prev.x0 - ea.left if ra else ea.right - prev.x1) <= (share if share > half else half):  # it reaches the end edge
            steps.setdefault((ea.column, sa, ra), []).append(bb - ba)
    out = {}
    for key, vals in steps.items():
        if len(vals) < 4:
            continue
        vals.sort()
        local = vals[len(vals) // 4]
        size = key[1] or 10.0
        if local > pitch.get((key[1], key[2]), 1.25 * size) + 0.45 * size:
            out[key] = local
    return out
