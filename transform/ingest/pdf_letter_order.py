"""Arabic letters put back in order where a producer's /ActualText spans confused pdfium.

Some producers (an InDesign Bulletin officiel set in Sakkal Majalla) wrap a few glyphs of
a word in a marked-content span whose /ActualText gives the letters, written in visual
order (left to right: ``رم`` for the ``مر`` of ``الجمركية``, `` ر`` for the ``ر`` that ends
``غير`` and the space after it). pdfium has no glyph for each of those letters: it cuts the
span's width into equal parts and hands them out from the right, so the letters of a span
come back swapped (``الجرمكية``, ``ظهي رشريف``), and its bidi pass, thrown by the span,
may emit the rest of the run in visual order (``غي رةشابلمار`` for ``غير المباشرة``).

What the boxes show: the letters of one span have widths equal to 0.01 pt and touch
exactly (real glyphs of one font rarely do both: across the corpus's Arabic PDFs such
pairs are under 0.5 % of letter pairs, mostly ``دة``, ``رر``), and a run emitted in visual order
has a letter drawn right of the one before it. A stretch of Arabic letters showing both
kinds of evidence is re-read from the geometry: its letters sorted right to left (the
letters of one ligature glyph share a box and keep their order), a span's letters
mirrored when that turns more of the stretch's words into words of
:mod:`transform.ocr.lexicon` (the box split alone cannot say which way the producer wrote
the span: some write it in logical order), and the word spaces rebuilt from the gaps.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .bidi_chars import NATIVE

Box = Callable[[int], tuple[float, float]]
Unit = list  # [chars, x0, x1, is_space]: a letter with its vowel marks, a kashida, or a written space

LETTER = "\u0620-\u064A\u0671-\u06D3"
STRETCH = re.compile(f"[{LETTER}](?:[{LETTER}\u064B-\u0655\u0670\u0640 ]*[{LETTER}\u064B-\u0655\u0670])?")
MARKS = frozenset(chr(c) for c in range(0x064B, 0x0656)) | {"\u0670"}
WORD = re.compile(f"[{LETTER}]{{2,}}")
LONE = re.compile(f"(?<![{LETTER}])[{LETTER}](?<!و)(?![{LETTER}])")
MAX_SPANS = 6  # spans of one stretch tried in every combination (more: one after the other)
MAX_SPAN = 6  # a span covers a few letters; a longer run of equal touching boxes is a monospaced layout, not one span
EQUAL = 0.02  # pt: the parts of one span's width are equal and touch (pdfium cuts them exactly)
GAP = 0.1  # share of the type size: a wider gap between two letters is a word space (see pdf_bidi.GLUE_GAP)
DIGIT_RUN = re.compile("[0-9\u0660-\u0669](?:[0-9\u0660-\u0669.,/]*[0-9\u0660-\u0669])?")
_NATIVE = NATIVE  # _units, _disordered and _spans in C (bidi_chars.NATIVE), None for the Python loops


def _units(text: str, box: Box, a: int, b: int) -> list[Unit]:
    """The units of ``text[a:b]`` (see :data:`Unit`)."""
    if _NATIVE is not None:
        return _NATIVE.units(text, box, a, b)  # type: ignore[no-any-return]
    return _units_py(text, box, a, b)


def _disordered(units: list[Unit]) -> bool:
    """A letter drawn right of the letter before it (not one glyph with it): visual order."""
    if _NATIVE is not None:
        return _NATIVE.disordered(units)  # type: ignore[no-any-return]
    return _disordered_py(units)


def _spans(units: list[Unit]) -> list[tuple[int, int]]:
    """(first, last) positions of runs of units (right to left) whose boxes cut one width in equal touching parts."""
    if _NATIVE is not None:
        return _NATIVE.spans(units, MAX_SPAN)  # type: ignore[no-any-return]
    return _spans_py(units)


def _units_py(text: str, box: Box, a: int, b: int) -> list[Unit]:
    units: list[Unit] = []
    for i in range(a, b):
        ch = text[i]
        if ch in MARKS and units and not units[-1][3]:
            units[-1][0] += ch  # a vowel mark travels with its letter (its own box may lie anywhere)
            continue
        x0, x1 = box(i)
        if ch == " ":
            if x1 - x0 > 0.5:  # a space the producer wrote (pdfium's own have no width)
                units.append([" ", x0, x1, True])
            continue
        units.append([ch, x0, x1, False])
    return units


def _disordered_py(units: list[Unit]) -> bool:
    prev = None
    for u in units:
        if u[3]:
            continue
        if prev is not None and u[1] + u[2] > prev[1] + prev[2] + 1.0 and (u[1], u[2]) != (prev[1], prev[2]):
            return True
        prev = u
    return False


def _spans_py(units: list[Unit]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = None
    for k in range(len(units) - 1):
        r, left = units[k], units[k + 1]
        wr, wl = r[2] - r[1], left[2] - left[1]
        split = wr > 0.5 and abs(wr - wl) < EQUAL and abs(left[2] - r[1]) < EQUAL
        if split and start is None:
            start = k
        elif not split and start is not None:
            out.append((start, k))
            start = None
    if start is not None:
        out.append((start, len(units) - 1))
    return [s for s in out if s[1] - s[0] < MAX_SPAN and not all(units[k][3] for k in range(s[0], s[1] + 1))]


def _layout(units: list[Unit], mirrored: set[tuple[int, int]], size: float) -> list[tuple[str, tuple[float, float]]]:
    """The stretch in logical order: each mirrored span's letters reversed over its boxes, spaces from the gaps."""
    placed: list[Unit] = [list(u) for u in units]
    for a, b in mirrored:
        chars = [units[k][0] for k in range(a, b + 1)][::-1]
        kinds = [units[k][3] for k in range(a, b + 1)][::-1]
        for off, k in enumerate(range(a, b + 1)):
            placed[k][0], placed[k][3] = chars[off], kinds[off]
    out: list[tuple[str, tuple[float, float]]] = []
    prev: Unit | None = None
    written = False
    for u in placed:
        if u[3]:
            written = True
            continue
        if prev is not None:
            gap = prev[1] - u[2]
            if gap > GAP * size or (written and gap > 0.05 * size):
                out.append((" ", (u[2], prev[1])))
        out.extend((ch, (u[1], u[2])) for ch in u[0])
        prev, written = u, False
    return out


def _score(cells: list[tuple[str, tuple[float, float]]]) -> tuple[int, int]:
    """(unknown words and lone letters, words) of a reading of a stretch (a lone letter other
    than the conjunction و is a fragment of a word)."""
    from ..ocr.lexicon import known_ar, normalise_ar

    text = "".join(c for c, _ in cells)
    words = WORD.findall(text)
    lone = len(LONE.findall(text))
    return sum(not known_ar(normalise_ar(w)) for w in words) + lone, len(words)


def _stretch(units: list[Unit], size: float, kashida: bool = False) -> list[tuple[str, tuple[float, float]]] | None:
    """The stretch re-read from its boxes, or None when it shows no span (left as pdfium gave it).
    ``kashida``: the stretch holds a tatweel; one without width (a space pdfium made in a stretched word,
    turned back into the kashida it stands for by :mod:`pdf_kashida`, keeps that space's box, set against
    the next letter) says nothing of the order the letters were drawn in."""
    disordered = _disordered([u for u in units if u[0] != "\u0640" or u[2] - u[1] > 0.01] if kashida else units)
    if disordered:
        units = sorted(units, key=lambda u: -(u[1] + u[2]))  # stable: one glyph's letters keep their order
    spans = _spans(units)
    if not spans:
        return None
    if len(spans) <= MAX_SPANS:  # every choice of mirrored spans: the letters of one word may come from two spans
        choices = [{sp for bit, sp in enumerate(spans) if n >> bit & 1} for n in range(1 << len(spans))]
    else:
        choices = [set(spans[: k + 1]) for k in range(len(spans))]
    mirrored: set[tuple[int, int]] = set()
    best = _layout(units, mirrored, size)
    score = _score(best)
    for choice in choices[1:] if len(spans) <= MAX_SPANS else choices:
        trial = _layout(units, choice, size)
        trial_score = _score(trial)
        if trial_score < score:  # fewer unknown words, then fewer words (fragments joined)
            mirrored, best, score = choice, trial, trial_score
    return best if mirrored or disordered else None


def reorder(text: str, box: Box, size: float) -> tuple[str, Box] | None:
    """The line with every stretch of Arabic letters that shows a span re-read from the geometry
    (see the module docstring), and the box function of the new text; None when nothing changes."""
    pieces: list[str] = []
    index: list[int | tuple[float, float]] = []  # new position -> old position, or the box of a re-read letter
    pos = 0
    changed = False
    for m in STRETCH.finditer(text):
        a, b = m.span()
        units = _units(text, box, a, b)
        if len(units) < 2:
            continue
        cells = _stretch(units, size, text.find("\u0640", a, b) >= 0)
        if cells is None:
            continue
        pieces.append(text[pos:a])
        index.extend(range(pos, a))
        pieces.append("".join(c for c, _ in cells))
        index.extend(bx for _, bx in cells)
        pos = b
        changed = True
    if not changed:
        return None
    pieces.append(text[pos:])
    index.extend(range(pos, len(text)))

    def new_box(k: int) -> tuple[float, float]:
        v = index[k]
        return box(v) if isinstance(v, int) else v

    return "".join(pieces), new_box


def digit_spaces(text: str, box: Box, size: float) -> tuple[str, Box]:
    """A space between an Arabic letter and a number written against it (``رقم55.23``) when the
    glyphs leave a word space between them (right to left: the letter before the number is
    drawn right of it, the letter after it left of it)."""
    limit = GAP * size
    cuts: dict[int, tuple[float, float]] = {}  # position -> box of the space put there
    for m in DIGIT_RUN.finditer(text):
        a, b = m.span()
        before = a > 0 and "\u0620" <= text[a - 1] <= "\u06D3"
        after = b < len(text) and "\u0620" <= text[b] <= "\u06D3"
        if not (before or after):
            continue
        xs = [box(k) for k in range(a, b)]
        lo, hi = min(x for x, _ in xs), max(x for _, x in xs)
        if before and (x := box(a - 1)[0]) - hi > limit:
            cuts[a] = (hi, x)
        if after and lo - (x := box(b)[1]) > limit:
            cuts[b] = (x, lo)
    return spaces_at(text, box, cuts)


def spaces_at(text: str, box: Box, cuts: dict[int, tuple[float, float]]) -> tuple[str, Box]:
    """``text`` with a space before each position of ``cuts`` and the box function of the new
    text (an inserted space has the box given with it: the gap it fills)."""
    if not cuts:
        return text, box
    parts: list[str] = []
    index: list[int | tuple[float, float]] = []
    for i, ch in enumerate(text):
        if i in cuts:
            parts.append(" ")
            index.append(cuts[i])
        parts.append(ch)
        index.append(i)

    def new_box(k: int) -> tuple[float, float]:
        v = index[k]
        return box(v) if isinstance(v, int) else v

    return "".join(parts), new_box
