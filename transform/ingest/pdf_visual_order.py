"""A line pdfium cannot order, re-read from the x positions of its glyphs.

pdfium's own bidi pass breaks right-to-left lines that mix Arabic with numbers, Latin
words or brackets (see :mod:`pdf_bidi`, which decides which lines need this). Such a line
is cut into tokens (an Arabic word or a run of digits/Latin letters, which pdfium keeps
intact and in order, or any other single character), each token gets its x extent from
the character boxes, the tokens are sorted left to right (the visual order the renderer
produced), and that visual order is turned back into logical order: in a right-to-left
line the left-to-right runs (numbers with their separators, Latin words) keep their inner
order while the runs, the Arabic words and the neutral characters between them are
reversed; brackets outside left-to-right runs are mirrored back.

The runs themselves are found by :mod:`pdf_visual_runs` (numbers, Latin words and their joiners).
The tokens of a line are cut in C when the optional extension ``_bidi`` is built
(:data:`bidi_chars.NATIVE`; the same tokens as :func:`_tokens_py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .bidi_chars import AR as _AR
from .bidi_chars import LTR as _LTR
from .bidi_chars import NATIVE, VOWEL_MARKS
from .pdf_visual_runs import (  # noqa: F401  (digit_groups, _ascending_pair... read by pdf_bidi, ocr.tesseract, tests)
    Token,
    _ascending_pair,
    _runs_rtl,
    digit_groups,
)

TOKEN = re.compile(f"(?P<R>[{_AR}]+)|(?P<L>[{_LTR}]+)|(?P<S>\\s+)|(?P<N>.)", re.S)
MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
BRACKETS = frozenset("()[]{}<>«»‹›")
_NATIVE = NATIVE  # _tokens in C (bidi_chars.NATIVE), None for the Python loop

Box = Callable[[int], tuple[float, float]]  # index in the text -> (x0, x1) of that character


def _tokens(text: str, box: Box, pieces: bool = False) -> list[Token]:
    """Tokens with their x extent; spaces are not tokens (pdfium places them unreliably in
    these lines: they are rebuilt from the gaps between glyphs), but each run of them is kept
    as the evidence of a narrow word space (a font whose spaces are 0.1 of the type size).

    ``pieces``: the line was cut into pieces around vowel marks placed apart (see
    :func:`transform.ingest.pdf_text._read_group`): a token's extent comes from its letters
    only (a mark's box may lie anywhere), and the space characters the producer wrote with
    a real width are kept as tokens (its word spaces can be narrower than a gap test allows).
    """
    if pieces:
        return _piece_tokens(text, box)
    if _NATIVE is not None:
        return _NATIVE.tokens(text, box)  # type: ignore[no-any-return]
    return _tokens_py(text, box)


def _tokens_py(text: str, box: Box) -> list[Token]:
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup or "N"
        a, b = m.span()
        tok = m.group(0)
        if kind == "S":  # a space pdfium placed: evidence for a narrow gap (see _with_spaces), never a token
            x0, x1 = box(a)
            out.append((" ", x0, x1, "N"))
            continue
        if b - a == 1:
            x0, x1 = box(a)
        else:
            f0, f1 = box(a)
            l0, l1 = box(b - 1)
            x0, x1 = (f0 if f0 < l0 else l0), (f1 if f1 > l1 else l1)
            if kind == "R" and f0 < f1 <= l0:  # an Arabic word whose first letter is drawn leftmost: emitted in visual order
                tok = tok[::-1]
        out.append((tok, x0, x1, kind))
    return out


def _piece_tokens(text: str, box: Box) -> list[Token]:
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup or "N"
        a, b = m.span()
        if kind == "S":
            for k in range(a, b):
                x0, x1 = box(k)
                if x1 - x0 > 0.5:  # a space glyph the producer wrote (pdfium's own have no width)
                    out.append((" ", x0, x1, "N"))
            continue
        lo = hi = 0.0  # the extent of its letters (min and max as over a list of their boxes: first of equals kept)
        found = False
        for k in range(a, b):
            if text[k] not in VOWEL_MARKS:
                x0, x1 = box(k)
                if not found:
                    lo, hi, found = x0, x1, True
                    continue
                if x0 < lo:
                    lo = x0
                if x1 > hi:
                    hi = x1
        if not found:
            lo, hi = box(a)
        out.append((m.group(0), lo, hi, kind))
    return out


OPENING = {")": "(", "(": "(", "]": "[", "[": "[", "}": "{", "{": "{"}
CLOSING = {")": ")", "(": ")", "]": "]", "[": "]", "}": "}", "{": "}"}
BRACKET_CHARS = re.compile("[()\\[\\]{}]")
LEAD_MARKER = re.compile("^([0-9\u0660-\u0669]{1,2}|[أبجدهوزحطي])\\((?=\\S)")
# a note or item marker in brackets, "(1)", "(*)", with both brackets' codes unreliable: "(1(", ")*(", ")2)"
MARKER = re.compile("(?<![^\\s\u0621-\u064a])[()]([0-9\u0660-\u0669]{1,2}|\\*{1,3})[()](?=[\\s\u0621-\u064a:.\u060c\u061b]|$)")
_AFTER_CLOSE = frozenset(" .,:;!?\u060c\u061b\u061f)]}")


def fix_brackets(text: str) -> str:
    """Brackets of a re-ordered right-to-left line set from the side they stick to.

    Fonts map a bracket glyph to one code point whatever its use (Word maps the glyph to the
    character it was first used for), so the code of a mirrored bracket cannot be trusted:
    a bracket followed by a word and preceded by a space (or nothing) opens, one preceded by
    a word and followed by a space, punctuation or nothing closes; others keep their code.
    """
    if not BRACKET_CHARS.search(text):
        return text
    if LEAD_MARKER.match(text):  # "1(وضع": a list number's closing bracket at the start of the line
        text = LEAD_MARKER.sub(lambda m: m.group(1) + ")", text, count=1)
    if MARKER.search(text):  # "(1(وضع": a marker in brackets opens and closes
        text = MARKER.sub(lambda m: "(" + m.group(1) + ")", text)
    chars = list(text)
    last = len(chars) - 1
    for i, ch in enumerate(chars):
        if ch not in OPENING:
            continue
        before = chars[i - 1] if i else " "
        after = chars[i + 1] if i < last else " "
        if (before == " " or before in "([{") and after != " " and after not in _AFTER_CLOSE:
            chars[i] = OPENING[ch]
        elif before != " " and before not in "([{" and (after in _AFTER_CLOSE or i == last):
            chars[i] = CLOSING[ch]
    return "".join(chars)


def _with_spaces(vis: list[Token], size: float) -> list[Token]:
    """Visual tokens with a space token wherever the glyphs leave a gap (vowel marks drawn
    apart from their letters neither make nor close a gap)."""
    out: list[Token] = []
    append = out.append
    limit = 0.15 * size
    narrow = 0.05 * size
    overlap = -0.1 * size
    edge: float | None = None
    kind = "N"
    written: list[float] = []  # (empty but in ``pieces`` mode: the tests on it are skipped then)
    before = None  # the gap before the last token placed
    last = ""  # and its text
    for tok in vis:
        t = tok[0]
        if t[0] in VOWEL_MARKS and all(c in VOWEL_MARKS for c in t):
            append(tok)
            continue
        if t == " ":  # a space the producer wrote (``pieces`` mode): counts only inside a gap, below
            written.append((tok[1] + tok[2]) / 2)
            continue
        gap = None
        if edge is not None:
            x0 = tok[1]
            gap = x0 - edge
            # a space the producer wrote right at the junction of two Arabic words is a word space
            # even where the loose boxes of a bold font overlap by a little (Times New Roman Bold in a
            # table cell); beside digits, Latin, brackets and dots the stricter test stays (pdfium
            # misplaces spaces there: `( كافيار`), except for a bracket between an Arabic word and the
            # word it is drawn against, far closer on its other side (`الأحداث (بين`)
            floor = overlap if kind == "R" and tok[3] == "R" else narrow
            if written and floor > 0 and ((kind == "R" and t in BRACKETS) or (tok[3] == "R" and last in BRACKETS)) and _bracket_held(
                    vis, tok, kind, out, before, gap, size):
                floor = overlap
            if gap > limit or (gap > narrow and written and any(edge - 0.5 <= c <= x0 + 0.5 for c in written)):
                append((" ", edge, x0, "N"))
            elif gap > floor and written and any(edge - 0.5 <= c <= x0 + 0.5 for c in written):
                k = len(out)  # the boxes overlap: marks drawn over this word stay with it, after the space
                while k > 0 and all(c in VOWEL_MARKS for c in out[k - 1][0]) and out[k - 1][1] + out[k - 1][2] > 2 * x0:
                    k -= 1
                out.insert(k, (" ", edge, x0, "N"))
        append(tok)
        edge, kind, before, last = tok[2], tok[3], gap, t
    return out


def _bracket_held(vis: list[Token], tok: Token, kind: str, out: list[Token], before: float | None, gap: float, size: float) -> bool:
    """Between an Arabic word and a lone bracket (either way round), is the bracket drawn against the
    token on its other side, closer by 0.1 of the size than to this word? Then it belongs to that token and
    a space written at this junction parts the word from it."""
    at = next(i for i, t in enumerate(vis) if t is tok)
    prev = next((t for t in reversed(out) if t[0] != " " and t[0][0] not in VOWEL_MARKS), None)
    if prev is None:
        return False
    if kind == "R" and tok[0] in BRACKETS:  # word, then the bracket: its other side is the next token
        after = next((t for t in vis[at + 1 :] if t[0] != " " and t[0][0] not in VOWEL_MARKS), None)
        other = None if after is None else after[1] - tok[2]
    elif tok[3] == "R" and prev[0] in BRACKETS:  # the bracket, then the word: its other side is the gap before it
        other = before
    else:
        return False
    return other is not None and other < gap - 0.1 * size


def visual_to_logical(text: str, box: Box, *, rtl: bool, size: float = 10.0, pieces: bool = False, goes_on: bool = False) -> str:
    """Re-order a line from the x position of its tokens (see the module docstring; ``pieces``: see :func:`_tokens`;
    ``goes_on``: the line goes on a sentence the line before left open, see :func:`_ascending_pair`)."""
    toks = _tokens(text, box, pieces)
    if len(toks) < 2:
        return text
    toks.sort(key=lambda t: t[1] + t[2])  # stable: equal centres keep pdfium's order
    vis = _with_spaces(toks, size)
    out: list[str] = []
    if rtl:
        for run in reversed(_runs_rtl(vis, gap=1.2 * size, goes_on=goes_on)):
            if len(run) == 1:
                tok = vis[run[0]][0]
                out.append(tok.translate(MIRROR) if tok in BRACKETS else tok)
                continue
            out.extend(vis[k][0] for k in run)
        return fix_brackets("".join(out))
    # left-to-right line with Arabic inside: reverse each right-to-left run in place; a number
    # just left of an Arabic word belongs to it ("الفصل 1" is drawn "1 الفصل")
    i = 0
    while i < len(vis):
        starts_run = vis[i][3] == "R" or (
            vis[i][0].isdigit() and i + 2 < len(vis) and vis[i + 1][0] == " " and vis[i + 2][3] == "R"
        )
        if not starts_run:
            out.append(vis[i][0])
            i += 1
            continue
        j = i
        k = i + 1
        while k < len(vis) and vis[k][3] != "L":
            if vis[k][3] == "R":
                j = k
            k += 1
        out.extend(t[0].translate(MIRROR) if t[0] in BRACKETS else t[0] for t in reversed(vis[i : j + 1]))
        i = j + 1
    return "".join(out)
