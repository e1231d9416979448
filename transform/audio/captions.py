"""Captions from a narration Timeline (stable API, also used by the video renderer).

* :func:`make_captions` ``(timeline, CaptionOptions) -> list[CaptionCue]``
* :func:`build_captions` ``(timeline, CaptionOptions) -> CaptionResult`` (cues + issues)
* :func:`check_cues` ``(cues, CaptionOptions) -> list[CaptionIssue]``
* writers: :func:`srt_text`, :func:`vtt_text`, :func:`write_srt`, :func:`write_vtt`
  (re-exported from :mod:`transform.subtitles`, the one SRT/WebVTT writer)

Rules (ACCESSIBILITY.md): at most 42 characters per line and 2 lines, each cue
shown 5/6 s to 7 s, at most 17 characters per second (spaces and punctuation
count; Arabic diacritics and direction marks do not). A cue never crosses a
sentence: a long sentence is cut into several cues at word boundaries, and its
own time span [begin, end] is divided between them in proportion to their
characters. Breaks prefer punctuation, then a conjunction (و، أو، et, ou...),
and never split a number (``1 250 000``) or a number from its unit. The last
cue of a sentence may stay after the voice stops, never into the next
sentence: as long as needed for the minimum duration, and up to
``max_linger_ms`` for the reading speed. Whatever still breaks a limit is
reported as a :class:`CaptionIssue`.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise

from ..model import CaptionCue, Timeline
from ..subtitles import srt_text, vtt_text, write_srt, write_vtt
from .options import CaptionOptions

__all__ = [
    "CaptionIssue",
    "CaptionResult",
    "build_captions",
    "check_cues",
    "make_captions",
    "srt_text",
    "visible_len",
    "vtt_text",
    "wrap_lines",
    "write_srt",
    "write_vtt",
]

PUNCT_END = tuple(".,;:!?،؛…»)")
CONJUNCTIONS = {
    "et", "ou", "mais", "donc", "car", "ni", "puis", "qui", "que", "dont", "pour", "avec", "dans", "sur", "par", "afin",
    "and", "or", "but", "with", "for",
    "و", "أو", "ثم", "لكن", "بل", "حيث", "التي", "الذي", "الذين", "اللي", "ولا", "باش", "حتى", "من", "في", "على", "إلى",
}  # fmt: skip
UNITS = {"%", "٪", "dh", "dhs", "mad", "mdh", "درهم", "دراهم", "درهما", "د.م.", "dirhams", "dirham", ":", ";", "!", "?", "»", "؟"}
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
INF = float("inf")


@lru_cache(maxsize=1 << 16)
def visible_len(text: str) -> int:
    """Characters a reader sees: combining marks (harakat) and direction marks do not count.

    Cached: the caption search measures the same words and chunks many times (a long Arabic
    sentence took 50 ms, most of it here)."""
    return sum(1 for ch in text.translate(BIDI_CONTROLS) if not unicodedata.combining(ch))


@dataclass(frozen=True)
class CaptionIssue:
    """A cue that still breaks a limit after splitting and lingering."""

    index: int
    sentence_id: str
    rule: str  # "chars_per_line" | "lines" | "min_duration" | "max_duration" | "cps"
    value: float
    limit: float

    def message(self) -> str:
        return f"cue {self.index} ({self.sentence_id}): {self.rule} = {self.value:g} (limit {self.limit:g})"


@dataclass
class CaptionResult:
    cues: list[CaptionCue]
    issues: list[CaptionIssue]


NUMBER_PHRASES = [
    ("في", "المائة"), ("في", "المئة"), ("ف", "المية"), ("pour", "cent"), ("de", "dirhams"), ("d'euros",), ("millions",),
    ("milliards",), ("million",), ("milliard",), ("مليون",), ("مليار",), ("ملايين",), ("ألف",), ("آلاف",),
]  # fmt: skip


def _units(text: str) -> list[str]:
    """Words, glued where a break is forbidden (inside 1 250 000, a number and its unit, before :, »...)."""
    words = text.split()
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if out and out[-1][-1].isdigit():
            for phrase in NUMBER_PHRASES:
                if tuple(x.rstrip(".,;:!?،؛").lower() for x in words[k : k + len(phrase)]) == phrase:
                    out[-1] = " ".join([out[-1], *words[k : k + len(phrase)]])
                    k += len(phrase)
                    break
            else:
                phrase = ()
            if phrase:
                continue
        if out and (
            (out[-1][-1].isdigit() and w[0].isdigit() and len(w.rstrip(".,;:!?،؛")) == 3)
            or w.lower().rstrip(".,;:!?،؛") in UNITS
            or w in UNITS
            or out[-1] in ("«", "(", "-", "–", "—")
        ):
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
        k += 1
    return out


def _break_cost(units: list[str], j: int) -> float:
    """Cost of breaking before units[j] (0 best)."""
    if j <= 0 or j >= len(units):
        return 0.0
    prev, nxt = units[j - 1], units[j]
    if prev.endswith(PUNCT_END):
        return 0.0
    first = nxt.split(" ")[0].lower()
    if first in CONJUNCTIONS or (first.startswith("و") and first[1:].startswith("ال")):
        return 5.0
    return 15.0


def _partition(n: int, cost: Callable[[int, int], float], span: Callable[[int, int], bool]) -> list[int] | None:
    """Cheapest cut points of range(n) into consecutive parts.

    ``cost(i, j)`` is the cost of the part [i:j] (INF: not allowed); ``span(i, j)``
    False means [i:j] and every longer part ending at j are too long, so the
    search stops there (a single unit is always tried). Returns the end of every part.
    """
    best: list[tuple[float, int]] = [(0.0, -1)] + [(INF, -1)] * n
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            if i < j - 1 and not span(i, j):
                break
            if best[i][0] == INF:
                continue
            c = cost(i, j)
            if c != INF and best[i][0] + c < best[j][0]:
                best[j] = (best[i][0] + c, i)
    if best[n][0] == INF:
        return None
    cuts, j = [], n
    while j > 0:
        cuts.append(j)
        j = best[j][1]
    return sorted(cuts)


def _length(units: list[str], i: int, j: int) -> int:
    return sum(visible_len(u) for u in units[i:j]) + (j - i - 1)


def wrap_lines(text: str, max_chars: int = 42, max_lines: int = 2) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines of at most ``max_chars``.

    One line when it fits; otherwise the break points with the lowest cost:
    after punctuation, then before a conjunction or preposition, with lines of
    similar length. A text that cannot fit is still broken (greedily);
    :func:`check_cues` reports it.
    """
    units = _units(text)
    if not units:
        return []
    n = len(units)
    if _length(units, 0, n) <= max_chars:
        return [" ".join(units)]
    best: tuple[float, tuple[int, ...]] | None = None
    for lines in range(2, max_lines + 1):
        for cuts in combinations(range(1, n), lines - 1):
            bounds = (0, *cuts, n)
            lens = [_length(units, a, b) for a, b in pairwise(bounds)]
            if max(lens) > max_chars:
                continue
            mean = sum(lens) / lines
            cost = sum(_break_cost(units, c) for c in cuts) + 80 * sum(((x - mean) / max_chars) ** 2 for x in lens)
            cost += 10 * (lines - 2)  # fewer lines first
            if best is None or cost < best[0]:
                best = (cost, bounds)
        if best is not None:
            break
    if best is None:  # cannot fit: greedy lines, reported by check_cues
        out: list[str] = []
        for u in units:
            if out and _length([out[-1], u], 0, 2) <= max_chars:
                out[-1] = f"{out[-1]} {u}"
            else:
                out.append(u)
        return out
    return [" ".join(units[a:b]) for a, b in pairwise(best[1])]


def _split_sentence(text: str, span_ms: int, opt: CaptionOptions) -> list[tuple[list[str], int, int]]:
    """Chunks of one sentence: (lines, start char offset, end char offset)."""
    units = _units(text)
    total = _length(units, 0, len(units))
    if not units or total == 0:
        return []
    max_chars_by_time = opt.max_duration_ms * total / span_ms if span_ms > 0 else INF
    min_chars_by_time = opt.min_duration_ms * total / span_ms if span_ms > 0 else 0
    capacity = opt.max_chars_per_line * opt.max_lines
    pieces = max(math.ceil(total / capacity), math.ceil(span_ms / opt.max_duration_ms), 1)
    ideal = total / pieces
    fits: dict[tuple[int, int], list[str] | None] = {}

    def lines_for(i: int, j: int) -> list[str] | None:
        if (i, j) not in fits:
            chunk = " ".join(units[i:j])
            lines = wrap_lines(chunk, opt.max_chars_per_line, opt.max_lines)
            ok = len(lines) <= opt.max_lines and all(visible_len(ln) <= opt.max_chars_per_line for ln in lines)
            fits[(i, j)] = lines if ok else None
        return fits[(i, j)]

    def cost(i: int, j: int) -> float:
        n = _length(units, i, j) + (1 if j < len(units) else 0)
        if n > capacity + 1 or (n > max_chars_by_time and j - i > 1):
            return INF
        if lines_for(i, j) is None:
            return INF if j - i > 1 else 5000.0
        short = 300.0 if n < min_chars_by_time and len(units) > 1 else 0.0
        return 1000.0 + _break_cost(units, j) + short + 40 * ((n - ideal) / capacity) ** 2

    def short_enough(i: int, j: int) -> bool:
        return _length(units, i, j) <= capacity

    cuts = _partition(len(units), cost, short_enough) or [len(units)]
    chunks, start, offset = [], 0, 0
    for c in cuts:
        chunk = " ".join(units[start:c])
        lines = lines_for(start, c) or wrap_lines(chunk, opt.max_chars_per_line, opt.max_lines)
        end = offset + visible_len(chunk) + (1 if c < len(units) else 0)
        chunks.append((lines, offset, min(end, total)))
        offset, start = end, c
    return chunks


def build_captions(timeline: Timeline, options: CaptionOptions | None = None) -> CaptionResult:
    """Caption cues for a narration timeline, and the cues that still break a limit."""
    opt = options or CaptionOptions()
    cues: list[CaptionCue] = []
    sentences = sorted(timeline.cues, key=lambda c: c.begin_ms)
    for k, cue in enumerate(sentences):
        text = " ".join(cue.text.translate(BIDI_CONTROLS).split())
        span = cue.end_ms - cue.begin_ms
        chunks = _split_sentence(text, span, opt)
        if not chunks:
            continue
        total = chunks[-1][2] or 1
        limit = sentences[k + 1].begin_ms if k + 1 < len(sentences) else cue.end_ms + opt.max_linger_ms
        for n, (lines, a, b) in enumerate(chunks):
            begin = cue.begin_ms + span * a // total
            end = cue.end_ms if n == len(chunks) - 1 else cue.begin_ms + span * b // total
            if n == len(chunks) - 1:  # stay after the voice stops, never into the next sentence
                chars = sum(visible_len(ln) for ln in lines) + len(lines) - 1
                if end - begin < opt.min_duration_ms:  # the minimum duration wins over the linger limit
                    end = max(end, min(begin + opt.min_duration_ms, limit))
                need = int(1000 * chars / opt.max_cps + 0.999)
                if end - begin < need:
                    end = max(end, min(begin + need, limit, cue.end_ms + opt.max_linger_ms))
            cues.append(
                CaptionCue(
                    index=len(cues) + 1, begin_ms=begin, end_ms=end, lines=lines, lang=cue.lang, sentence_id=cue.sentence_id
                )
            )
    return CaptionResult(cues, check_cues(cues, opt))


def make_captions(timeline: Timeline, options: CaptionOptions | None = None) -> list[CaptionCue]:
    """Caption cues for ``timeline`` (see :func:`build_captions` for the report of broken limits)."""
    return build_captions(timeline, options).cues


def check_cues(cues: list[CaptionCue], options: CaptionOptions | None = None) -> list[CaptionIssue]:
    """Every limit each cue breaks (an empty list means all cues obey the rules)."""
    opt = options or CaptionOptions()
    issues: list[CaptionIssue] = []
    for c in cues:
        dur = c.end_ms - c.begin_ms
        longest = max((visible_len(ln) for ln in c.lines), default=0)
        chars = sum(visible_len(ln) for ln in c.lines) + max(0, len(c.lines) - 1)
        checks = [
            ("chars_per_line", longest, opt.max_chars_per_line, longest > opt.max_chars_per_line),
            ("lines", len(c.lines), opt.max_lines, len(c.lines) > opt.max_lines),
            ("min_duration", dur, opt.min_duration_ms, dur < opt.min_duration_ms),
            ("max_duration", dur, opt.max_duration_ms, dur > opt.max_duration_ms),
            ("cps", round(chars * 1000 / max(dur, 1), 1), opt.max_cps, chars * 1000 / max(dur, 1) > opt.max_cps + 1e-9),
        ]
        issues.extend(CaptionIssue(c.index, c.sentence_id, rule, value, limit) for rule, value, limit, bad in checks if bad)
    return issues
