"""Per-line repairs of :mod:`pdf_text` on footnote calls and Arabic vowel marks, and the page-level
tests that decide whether a page needs them (split from :mod:`pdf_text`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import glyph_codes
from .pdf_bidi import Box

if TYPE_CHECKING:
    from .pdf_pieces import Piece

MARKS = re.compile("^[\u064b-\u0652\u0670 ]+$")  # a piece holding only Arabic vowel marks
# marks that follow no letter (a space, punctuation, the start): attached to nothing
STRAY_MARKS = re.compile("(?<![\u0621-\u064a\u0640\u064b-\u0652\u0670])[\u064b-\u0652\u0670]+")
# LibreOffice maps the kashida glyphs of justified Arabic to "0": a 0 between two Arabic letters is one
KASHIDA_ZERO = re.compile("(?<=[\u0621-\u064a\u064b-\u0652])0+(?=[\u0621-\u064a])")
LOOSE_MARK = re.compile("(?:^| )[\u064b-\u0652\u0670]")  # a vowel mark after a space or at the start
LOOSE_MARK_PAGE = re.compile("[\u064b-\u0652\u0670](?<=[ \n][\u064b-\u0652\u0670])")
KASHIDA_PAGE = re.compile("0(?<=[\u0621-\u0652]0)0*[\u0621-\u064a]")
MARK_GAP = re.compile("(?<=[\u0621-\u064a\u0640]) [\u064b-\u0652\u0670]+ (?=[\u0621-\u064a])")


# digits stuck to the end of a word (its last letter may carry a vowel sign: `مستوطنِ28`; a quoted word
# its closing quote: `"أشارك"3`): a footnote call (a superscript) when drawn above the line
NOTE_CALL = re.compile(
    "(?:(?<=[\u0621-\u064a\u0640A-Za-zé][\u0621-\u064a\u0640\u064b-\u0652()\"\u00bb\u201dA-Za-zé])|(?<=[\u0621-\u064a\u0640A-Za-zé%][.,\u060c]))"
    "[0-9\u0660-\u0669]{1,2}(?=$|[\\s.,\u060c\u061b:)\\]])"
)
# a list label opening a right-to-left line (one Arabic letter of the abjad order or one or two digits, then a
# dash or a closing bracket, after an opening guillemet or quote maybe) glued to the item's first word: Word
# drew the gap but wrote no space (`ب-الأجراء`, `«أ)المكوس`)
GLUED_LABEL = re.compile("^([\u00ab\"]?(?:[0-9\u0660-\u0669]{1,2}|[\u0623\u0628\u062c\u062f\u0647\u0648\u0632\u062d\u0637\u064a\u0643"
                         "\u0644\u0645\u0646\u0633\u0639\u0641\u0635\u0642\u0631\u0634\u062a])[-)])(?=[\u0621-\u064a]{2})")


def label_space(line: str) -> str:
    """``ب-الأجراء الموسميون`` -> ``ب- الأجراء الموسميون``: a space after a list label glued to its item."""
    return GLUED_LABEL.sub("\\1 ", line, count=1)


# page-level tests open with their rarest character (a digit, a vowel mark, a 0) so that the regular
# expression engine can skip ahead to it; the context is checked behind it
ARABIC_ANY = re.compile(f"[{glyph_codes._LETTER}]")  # the letters of glyph_codes.SIGN's Arabic side
NOTE_PAGE = re.compile("[0-9\u0660-\u0669](?<=[\u0621-\u064a\u0640A-Za-z%][\u0621-\u064a\u0640\u064b-\u0652)\"\u00bb\u201dA-Za-z.,\u060c][0-9\u0660-\u0669])")  # a page worth the test


# a number of five or six digits on an Arabic page: a year with a footnote call glued to it?
LONG_RUN = re.compile("(?<![0-9.,])[0-9]{5,6}(?![0-9]|[.,][0-9])")
LONG_RUN_PAGE = re.compile("[0-9]{5}")


def number_calls(logical: str, sources: list[tuple[str, int]], base_y: float, size: float, origin_y: Callable[[int], float]) -> str:
    """``سنة 312010.`` -> ``سنة 2010[31].``: a footnote call set after a number in a right-to-left
    line lies left of it, and pdfium writes its digits and the number's as one run. The call's
    digits (one or two, at either end of the run in pdfium's text) are raised above the line and
    the number's (three or more) are not; the call becomes the model's note mark after the
    number. A run drawn on one baseline (a postcode, an account number) is left alone."""
    def split(m: re.Match[str]) -> str:
        run = m.group(0)
        for piece, start in sources:
            for pm in re.finditer(f"(?<![0-9]){run}(?![0-9])", piece):
                raised = [origin_y(start + pm.start() + i) - base_y > 0.2 * size for i in range(len(run))]
                for k in (1, 2):
                    if all(raised[:k]) and not any(raised[k:]):
                        return f"{run[k:]}[{run[:k]}]"
                    if all(raised[-k:]) and not any(raised[:-k]):
                        return f"{run[:-k]}[{run[-k:]}]"
        return run

    return LONG_RUN.sub(split, logical)


LEAD_DIGITS = re.compile("([0-9\u0660-\u0669]{1,2}) (?=\\S)")
NOTE_ALONE = re.compile("\n ?[0-9\u0660-\u0669]{1,2}\r?\n")
NOTE_PIECE = re.compile("^\\s*[0-9\u0660-\u0669]{1,3}\\s*$")


ARABIC_WORD = re.compile("[\u0621-\u064a]{2}")
LATIN_WORD = re.compile("[A-Za-z]{2}")


def call_pieces(group: list[Piece], piece: str, top: float, bottom: float) -> tuple[list[Piece], list[Piece]]:
    """(the pieces of a printed line to read, its calls set apart at its end).

    A footnote call set above the line is a piece of its own (digits only, standing over the line's band): left
    out inside the line (as the truth pages do), kept where it opens the line (a footnote's own number, at either
    end of the line). At the left end of a line of Arabic words (``piece``, the line's longest, holds no Latin
    word), where such a line ends, it is the line's last call (``الأجراء ²``): returned apart, for a note mark."""
    gx0, gx1 = min(g[3] for g in group), max(g[5] for g in group)
    raised = [g for g in group if NOTE_PIECE.match(g[0]) and g[6] > bottom + 0.25 * (top - bottom) and g[5] < gx1 - 1]
    if not raised:
        return group, []
    end_calls = [g for g in raised if g[3] <= gx0 + 1] if ARABIC_WORD.search(piece) and not LATIN_WORD.search(piece) else []
    return [g for g in group if g not in raised or (g[3] <= gx0 + 1 and g not in end_calls)] or group, end_calls


def line_base(origin_y: Callable[[int], float], mid: int, first: float, size: float) -> float:
    """The y a line's raised calls are measured from: its middle character's baseline (PDF y up), or the first
    word's (``first``) when the middle character is itself raised, a call in the middle of the line (`gris).55`)."""
    y = origin_y(mid)
    if y - first > 0.2 * (size or 10.0):
        return first
    return y


def _note_calls(text: str, start: int, base_y: float, size: float, origin_y: Callable[[int], float]) -> list[tuple[int, int]]:
    """``المغرب22`` -> ``المغرب[22]``: the spans of footnote calls (superscript digits raised above the
    baseline), which become the model's note marks (a reader and the truth pages leave them out
    of the text); digits on the baseline stay (``m2`` is not touched: too short a word)."""
    spans = []
    for m in NOTE_CALL.finditer(text):
        word = re.search(r"\S+$", text[: m.start()]) or re.search(r"\S+(?=\s*$)", text[: m.start()])
        if word is None or (word.group(0).isascii() and len(word.group(0)) < 3):
            continue  # at the start of the line (a footnote's own number), or "m2"
        if origin_y(start + m.start()) - base_y > 0.2 * size:  # PDF y grows upwards: raised above the line
            spans.append(m.span())
    return spans


def _raised(piece: str, digits: str, start: int, base_y: float, size: float, origin_y: Callable[[int], float]) -> bool:
    """Is one of the piece's free-standing runs of ``digits`` raised above the line? (The first
    match alone could be the ``1`` of ``1 318 400`` earlier in the line, not the call.)"""
    for m in _digit_run(digits).finditer(piece):
        if origin_y(start + m.start()) - base_y > 0.2 * size:
            return True
    return False


_DIGIT_RUNS: dict[str, re.Pattern[str]] = {}


def _digit_run(digits: str) -> re.Pattern[str]:
    """A free-standing run of ``digits`` (no digit before or after it), compiled once per run of digits. The digits
    come first and the look behind them after, so that the engine skips ahead to the digits (a lookbehind first is
    tried at every place of the line): the same matches as ``(?<![0-9٠-٩])digits(?![0-9٠-٩])``."""
    pattern = _DIGIT_RUNS.get(digits)
    if pattern is None:
        pattern = re.compile(f"(?s){re.escape(digits)}(?<![0-9\u0660-\u0669].{{{len(digits)}}})(?![0-9\u0660-\u0669])")
        if len(_DIGIT_RUNS) < 512:
            _DIGIT_RUNS[digits] = pattern
    return pattern


def _cut(text: str, spans: list[tuple[int, int]], marks: bool = False) -> str:
    """The text without the given (sorted, disjoint) spans; ``marks``: each replaced by ``[its text]``
    (a footnote call becomes the model's note mark, ``[22]``)."""
    if not spans:
        return text
    out, last = [], 0
    for a, b in sorted(spans):
        before = text[last:a]
        if marks and before.endswith("(") and a >= 2 and not text[a - 2].isspace():
            before = before[:-1] + ")"  # a bracket between a word and its call closes (its code is unreliable: `gris(55`)
        out.append(before)
        if marks:
            out.append(f"[{text[a:b]}]")
        last = b
    out.append(text[last:])
    return "".join(out)


def _drawn_backwards(text: str, box: Box) -> bool:
    """Does pdfium give this line's characters right to left (the first one drawn rightmost)?"""
    a = len(text) - len(text.lstrip())
    b = len(text.rstrip()) - 1
    return b > a and box(a)[0] > box(b)[1]


def _mark_gaps(text: str, box: Box, size: float) -> list[tuple[int, int]]:
    """``مهيك ٍ لة`` -> ``مهيكلة``: a vowel mark written between two spaces inside a word.

    Producers that place marks as separate glyphs (InDesign) may write them with a space on
    each side; when the letters on both sides touch, the spaces are not word spaces and go
    with the mark (marks left after a space belong to no letter: removed later, STRAY_MARKS).
    The text is the line as pdfium gives it (logical order, one box per index); the spans to cut are returned.
    """
    spans = []
    for m in MARK_GAP.finditer(text):
        before, after = box(m.start() - 1), box(m.end())
        if abs(before[0] - after[1]) < 0.12 * size:  # right to left: the next letter ends where the previous starts
            spans.append(m.span())
    return spans
