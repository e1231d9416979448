"""Logical order for text lines read from a PDF text layer.

pdfium gives a pure Arabic line in logical order, but its own bidi pass breaks lines
that mix Arabic with numbers, Latin words or brackets: numbers with spaces between
digit groups come out group-reversed (``000 000 250 1``), dates scrambled
(``/ / 2026 03 ،15``), brackets moved to the end of the line and left with the code of
their mirrored glyph (``)2027-2022(``).

The repair re-reads such a line from the geometry. The line is cut into tokens (an
Arabic word, which pdfium keeps intact and in order, or any other single character),
each token gets its x extent from the character boxes, the tokens are sorted left to
right (the visual order the renderer produced with the Unicode bidi algorithm), and
that visual order is turned back into logical order: in a right-to-left line the
left-to-right runs (numbers with their separators, Latin words) keep their inner order
while the runs, the Arabic words and the neutral characters between them are reversed;
brackets outside left-to-right runs are mirrored back. Lines without digits, Latin
letters or brackets skip all of this (no per-character query).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import regex

ARABIC_LETTER = regex.compile(r"(?=\p{L})\p{Script=Arabic}")
LATIN_LETTER = regex.compile(r"(?=\p{L})\p{Script=Latin}")
# characters that pdfium misplaces in a right-to-left line
NEEDS_REPAIR = regex.compile(r"[^\p{Script=Arabic}\p{M}\s\u060c\u061b\u061f.:!\u0640\u200c\u200d]")
NEEDS_REPAIR_LTR = regex.compile(r"(?=\p{L})\p{Script=Arabic}")
TOKEN = regex.compile(r"[[\p{Script=Arabic}\p{M}\u0640\u200c\u200d]--[\u0660-\u0669\u06f0-\u06f9\u060c\u061b\u061f\u066a-\u066c]]+|.", regex.V1 | regex.S)
LTR_CORE = regex.compile(r"[\p{Nd}\p{Script=Latin}%\u066a]")
ARABIC_WORD = regex.compile(r"(?=[\p{L}\p{M}])[\p{Script=Arabic}\p{M}]")
LTR_JOINER = frozenset(" .,/:-–+'’_\u00a0\u202f")
MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
BRACKETS = frozenset("()[]{}<>«»‹›")
OPEN_CLOSE = {"(": ")", "[": "]", "{": "}"}
# symbol-font bullets (private use area) and other bullets, mapped to one bullet
BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓", "\uf02d": "-", "\u2219": "•"})
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\ufffe": "-", "\u00ad": "", "\x00": ""})

Box = Callable[[int], tuple[float, float]]  # index in the text -> (x0, x1) of that character


def is_rtl_line(text: str) -> bool:
    """A line is laid out right to left when Arabic letters outnumber Latin ones."""
    ar = len(ARABIC_LETTER.findall(text))
    return ar > 0 and ar >= len(LATIN_LETTER.findall(text))


def needs_repair(text: str, rtl: bool) -> bool:
    return bool(NEEDS_REPAIR.search(text)) if rtl else bool(NEEDS_REPAIR_LTR.search(text))


def _tokens(text: str, box: Box) -> list[tuple[str, float, float]]:
    """Tokens (Arabic words, other single characters) with their x extent; spaces are left out."""
    out: list[tuple[str, float, float]] = []
    for m in TOKEN.finditer(text):
        a, b = m.span()
        tok = m.group(0)
        if b - a == 1:
            x0, x1 = box(a)
        else:
            f0, f1 = box(a)
            l0, l1 = box(b - 1)
            x0, x1 = min(f0, l0), max(f1, l1)
        if tok.isspace():  # pdfium places spaces unreliably in these lines: rebuilt from the gaps
            continue
        out.append((tok, x0, x1))
    return out


def _kind(tok: str) -> str:
    if LTR_CORE.match(tok):
        return "L"
    if ARABIC_WORD.match(tok):
        return "R"
    return "N"


def _runs_rtl(toks: list[tuple[str, float, float]], gap: float) -> list[list[int]]:
    """Group visual tokens into left-to-right runs (numbers, Latin words) and single right-to-left tokens.

    A hyphen between two numbers does not join them: word processors (Word, LibreOffice)
    lay ``2022-2027`` out right to left in an Arabic run, so the two numbers are two runs.
    """
    kinds = [_kind(t[0]) for t in toks]
    runs: list[list[int]] = []
    i, n = 0, len(toks)
    while i < n:
        if kinds[i] != "L":
            runs.append([i])
            i += 1
            continue
        end = i
        depth: list[str] = []
        k = i + 1
        while k < n:
            tok = toks[k][0]
            if kinds[k] == "L":
                if toks[k][1] - toks[end][2] > gap:  # a column gap ends the run
                    break
                end = k
            elif kinds[k] == "R":
                break
            elif tok in OPEN_CLOSE:
                depth.append(OPEN_CLOSE[tok])
            elif depth and tok == depth[-1]:
                depth.pop()
                end = k
            elif tok in "-–" and not toks[end][0].isalpha():
                break
            elif tok not in LTR_JOINER:
                break
            k += 1
        runs.append(list(range(i, end + 1)))
        i = end + 1
    return runs


def _with_spaces(vis: list[tuple[str, float, float]], size: float) -> list[tuple[str, float, float]]:
    """Visual tokens with a space token wherever the glyphs leave a gap."""
    out: list[tuple[str, float, float]] = []
    for tok in vis:
        if out and tok[1] - out[-1][2] > 0.15 * size:
            out.append((" ", out[-1][2], tok[1]))
        out.append(tok)
    return out


def visual_to_logical(text: str, box: Box, *, rtl: bool, size: float = 10.0) -> str:
    """Re-order a line from the x position of its tokens (see the module docstring)."""
    toks = _tokens(text, box)
    if len(toks) < 2:
        return text
    order = sorted(range(len(toks)), key=lambda k: ((toks[k][1] + toks[k][2]) / 2, k))
    vis = _with_spaces([toks[k] for k in order], size)
    out: list[str] = []
    if rtl:
        for run in reversed(_runs_rtl(vis, gap=1.2 * size)):
            if len(run) == 1 and vis[run[0]][0] in BRACKETS:
                out.append(vis[run[0]][0].translate(MIRROR))
            else:
                out.extend(vis[k][0] for k in run)
        return "".join(out)
    # left-to-right line with Arabic inside: reverse each right-to-left run in place
    kinds = [_kind(t[0]) for t in vis]
    i = 0
    while i < len(vis):
        if kinds[i] != "R":
            out.append(vis[i][0])
            i += 1
            continue
        j = i
        k = i + 1
        while k < len(vis) and kinds[k] != "L":
            if kinds[k] == "R":
                j = k
            k += 1
        out.extend(t[0].translate(MIRROR) if t[0] in BRACKETS else t[0] for t in reversed(vis[i : j + 1]))
        i = j + 1
    return "".join(out)


def has_strong(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text) or LATIN_LETTER.search(text))


def logical_line(text: str, box: Box | None, size: float, context_rtl: bool = False) -> str:
    """The logical text of one line; ``box`` is only called for lines pdfium cannot order.

    A line without letters (numbers only) takes the direction of its context
    (``context_rtl``: the previous line, or the table it sits in).
    """
    rtl = is_rtl_line(text) if has_strong(text) else context_rtl
    if box is not None and needs_repair(text, rtl):
        return visual_to_logical(text, box, rtl=rtl, size=size)
    return text


def clean_text(text: str) -> str:
    """Map symbol-font bullets and odd spaces; compose Arabic presentation forms (lam-alef ligatures...)."""
    text = text.translate(BULLETS).translate(SPACES)
    if regex.search(r"[\uFB50-\uFDFF\uFE70-\uFEFF]", text):
        text = regex.sub(r"[\uFB50-\uFDFF\uFE70-\uFEFC]+", lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return text
