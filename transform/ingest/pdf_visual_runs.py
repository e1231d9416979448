"""The left-to-right runs a right-to-left line is drawn with, cut from its visual tokens (split from
:mod:`pdf_visual_order`, which sorts a line's tokens by position and reverses the runs these functions find).

In an Arabic paragraph numbers, Latin words and what joins them are drawn left to right inside the
right-to-left line: :func:`_runs_rtl` groups the visual tokens into those runs (an amount's digit groups,
numbers joined by one separator, a pair ``11-17`` typed as one run, a Latin run with its brackets, an
article's number and its paragraph's Roman numeral); :func:`digit_groups` is the same rule for one amount's
groups read elsewhere (OCR, :mod:`transform.ocr.tesseract`).
"""

from __future__ import annotations

import re

Token = tuple[str, float, float, str]  # text, x0, x1, kind ("R" Arabic word, "L" digits/Latin, "N" other)
LTR_JOINER = frozenset(" .,/:-–+'’_\u00a0\u202f")
OPEN_CLOSE = {"(": ")", "[": "]", "{": "}"}

DECIMALS = re.compile("[0-9]{3}[.,][0-9]{1,3}")  # the last group of an amount with its decimals: ``500,00``
AMOUNT_GROUP = re.compile("[0-9]+(?:[.,][0-9]+)?")


def _well_formed(groups: list[str]) -> bool:
    """``1 250 000``: a first group of 1-3 digits without a leading zero, then groups of exactly 3;
    the last one may carry the decimals (``25 500,00``)."""
    first = groups[0]
    return 1 <= len(first) <= 3 and first.isdigit() and (first == "0" or not first.startswith("0")) and all(
        len(g) == 3 and g.isdigit() for g in groups[1:-1]) and (
        len(groups) == 1 or (len(groups[-1]) == 3 and groups[-1].isdigit()) or DECIMALS.fullmatch(groups[-1]) is not None)


def digit_groups(groups: list[str]) -> list[str]:
    """Logical order of the digit groups of one number drawn left to right as ``groups``.

    A renderer keeps ``1 250 000`` in one left-to-right run when the groups are joined by
    no-break spaces, but with plain spaces it draws the groups right to left
    (``000 250 1``); the visual layout alone cannot tell which, so the reading that makes a
    well-formed number wins (the drawn order when both or neither do).
    """
    if len(groups) > 1 and all(AMOUNT_GROUP.fullmatch(g) for g in groups) and not _well_formed(groups) and _well_formed(groups[::-1]):
        return groups[::-1]
    return groups


CS = frozenset(".,/:\u00a0\u202f\u060c")  # common separators: one of them between two numbers keeps them one number
LATIN_IN = re.compile("[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")


def _digit_chain(toks: list[Token], i: int, gap: float) -> int:
    """Index of the last digit group of a chain ``d␠d␠d`` starting at ``i`` (``i`` when there is none)."""
    end, k, n = i, i + 1, len(toks)
    while k + 1 < n and toks[k][0] == " " and toks[k + 1][3] == "L" and toks[k + 1][0].isdigit() and toks[k + 1][1] - toks[end][2] <= gap:
        end = k + 1
        k += 2
    return end


HYPHENS = frozenset("-\u2010\u2011\u2013")


def _ascending_pair(toks: list[Token], i: int, gap: float, goes_on: bool = False) -> bool:
    """Is ``toks[i]`` the left number of a pair ``11-17`` drawn as one left-to-right run?

    In an Arabic paragraph two numbers joined by a hyphen are two runs (``2022-2027`` is drawn
    ``2027-2022``): the drawn order is descending. A pair drawn ascending, the hyphen touching
    both numbers, no third number chained to it, inside a sentence (an Arabic word before it on
    the line, or the line goes on a sentence the line before left open: ``goes_on``), was typed
    as one left-to-right run (a producer that marks the digits left to right): it reads as drawn
    (``11-17``, ``1-17``, ``1-156``), as the corpus's truth writes a pair the page shows left to right.
    """
    n = len(toks)
    if i + 2 >= n or toks[i + 1][0] not in HYPHENS:
        return False
    left, mid, right = toks[i], toks[i + 1], toks[i + 2]
    if right[3] != "L" or not (left[0].isdigit() and right[0].isdigit()):
        return False
    if mid[1] - left[2] >= 0.15 * gap or right[1] - mid[2] >= 0.15 * gap or int(left[0]) >= int(right[0]):
        return False
    chained_after = i + 4 < n and toks[i + 3][0] in HYPHENS and toks[i + 4][0][:1].isdigit()
    chained_before = i >= 2 and toks[i - 1][0] in HYPHENS and toks[i - 2][0][-1:].isdigit()
    if chained_after or chained_before:
        return False
    # inside a sentence (an Arabic word before it, right of it): a pair that opens the line is an
    # outline number (``3-1``: section 3, item 1, drawn ``1-3``) and keeps the Arabic reading,
    # unless the line goes on the sentence of the line before (``... بالمادة`` / ``1-17 من ...``)
    return goes_on or any(t[3] == "R" for t in toks[i + 3 :])


def _runs_rtl(toks: list[Token], gap: float, goes_on: bool = False) -> list[list[int]]:
    """Group visual tokens into the left-to-right runs a right-to-left paragraph is drawn with.

    The Unicode bidi algorithm decides what one run is; in an Arabic paragraph numbers are
    Arabic numbers (AN) and:

    * Latin words and what follows them up to the next Arabic word (numbers included: they
      take the Latin direction) form one run, brackets paired inside it included;
    * numbers joined by one separator without spaces (``2.26.530``, ``15/03/2026``,
      ``12,5``) are one run; numbers separated by a space, a hyphen or a bracket are
      separate runs (``12 15``, ``2022-2027`` drawn ``2027-2022``, ``1448 (25``);
    * digit groups of one amount (``1 250 000``) are one run when they were joined by
      no-break spaces, separate ones with plain spaces (drawn ``000 250 1``): the drawn
      order that is a well-formed number is the one-run case (see :func:`digit_groups`).
    """
    runs: list[list[int]] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok[3] != "L":
            runs.append([i])
            i += 1
            continue
        if not LATIN_IN.search(tok[0]):  # a number
            chain = _digit_chain(toks, i, gap) if tok[0].isdigit() else i
            if chain > i:
                groups = [toks[k][0] for k in range(i, chain + 1, 2)]
                if _well_formed(groups):  # drawn left to right as one amount: no-break spaces
                    runs.append(list(range(i, chain + 1)))
                else:
                    runs.extend([k] for k in range(i, chain + 1))
                i = chain + 1
                continue
            end = i
            k = i + 1
            while k + 1 < n and toks[k][0] in CS and toks[k + 1][3] == "L" and not LATIN_IN.search(toks[k + 1][0]) \
                    and toks[k][1] - toks[end][2] < 0.15 * gap and toks[k + 1][1] - toks[k][2] < 0.15 * gap:
                end = k + 1
                k += 2
            if end == i and _ascending_pair(toks, i, gap, goes_on):  # ``11-17`` drawn left to right: one run
                end = i + 2
            runs.append(list(range(i, end + 1)))
            i = end + 1
            continue
        end = i  # Latin: spaces, punctuation and numbers go on the run up to the next Arabic word
        depth: list[str] = []
        k = i + 1
        while k < n:
            t, x0, _, kind = toks[k]
            if kind == "L":
                if x0 - toks[end][2] > gap:  # a column gap ends the run
                    break
                end = k
            elif kind == "R":
                break
            elif t in OPEN_CLOSE:
                depth.append(OPEN_CLOSE[t])
            elif depth and t == depth[-1]:
                depth.pop()
                end = k
            elif t not in LTR_JOINER:
                break
            k += 1
        if _number_after_roman(toks, i, end):  # ``I - 91`` drawn for ``91 - I``: each part its own run
            runs.extend([k] for k in range(i, end + 1))
        else:
            runs.append(list(range(i, end + 1)))
        i = end + 1
    return runs


ROMAN = re.compile("X{0,4}(?:IX|IV|V?I{1,4}|V)|X{1,4}")  # I to XXXXIX, as the codes write them (XXXXI)
_ROMAN_JOINER = frozenset(" .-\u2013")


def _number_after_roman(toks: list[Token], i: int, end: int) -> bool:
    """Is the Latin run ``toks[i..end]`` a Roman numeral, a dash and a number, inside a sentence?

    A law's paragraph is cited after its article, ``المادة 91 - I`` (article 91, paragraph I);
    in a right-to-left line the number and the numeral are two runs, drawn ``I - 91``, the number
    on the right. The same drawing would come from ``I - 91`` typed as one left-to-right run, which
    an outline number opening a line is (``II-3``): a run with an Arabic word on its right (the
    sentence it sits in goes on from there) reads article first.
    """
    if end - i < 2 or not toks[end][0].isdigit() or ROMAN.fullmatch(toks[i][0]) is None:
        return False
    between = [t[0] for t in toks[i + 1 : end]]
    if ("-" not in between and "\u2013" not in between) or not all(t in _ROMAN_JOINER for t in between):
        return False
    return any(t[3] == "R" for t in toks[end + 1 :])
