"""Numbers of OCR'd lines read a second time, line by line.

In a page read with its layout (``--psm 3``) tesseract's Arabic model drops a digit now and
then, most often the first one of a number: ``23 من صفر`` comes out as ``3 من صفر``, ``22 من
رمضان`` as ``2``, ``18`` as ``8``, a decimal ``2,80`` as ``2,0``. Read again as a single line
(``--psm 13``, the line's crop, one tesseract call for all the Arabic lines of a page that
hold digits), the same numbers come back whole. French lines are left alone: the French
model did not lose digits on the corpus. The second reading is not better everywhere
(table rows whose cells span several lines come out as digit soup), so it only puts a
number right where the two readings tell the same story:

* the number tokens of both readings are aligned in order (``difflib``); only tokens that
  sit at the same place in both sequences are compared;
* a token is replaced when the second reading holds the same digits plus one more, in the
  same order and with the same separators (a lost digit: ``3`` -> ``23``, ``2,0`` -> ``2,80``);
* or when both have the same length and separators and differ in at most two digits, and
  the second reading is at least as confident as the first (``1005`` -> ``1995``);
* and a third reading, on the crops enlarged 1.5 times, must propose the same number: a
  second reading can add a digit too (``2026،`` read as ``22026``), two readings at
  different scales rarely add the same one;
* only on scans under NUMBERS_DPI and rendered vector pages (the corpus's losses were on 126
  dpi scans, and on the 220 dpi scan of decree 2.17.355, whose footnote numbers ``10`` and ``11``
  came out ``0`` and ``1``; a 300 dpi scan is not re-read, so its OCR costs nothing more);
* a reference number whose groups the page's reading lost (``1`` for ``2.11.681``, ``6599`` for
  ``65.99``: :func:`votes.lost_part`) is put back on the same terms: both re-readings must
  read it whole and the same;
* never when the second reading is shorter (a digit tesseract adds, such as a superscript
  ``م`` read as ``2``, is not told apart from one the second reading lost).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from PIL import Image

from ..errors import ToolError
from . import votes
from .confidence import DIGITS
from .render import PageImage
from .tesseract import _AR, _LAT, _pad, read_rows

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .tesseract import OcrResult

NUMBER = re.compile(r"\d+(?:[.,/:]\d+)*")
MAX_LINES = 60  # lines re-read per page at most
MIN_CONF = 60.0  # a second reading less confident than this is not used
MAX_CHANGED = 2  # digits a same-length correction may change
COARSE_DPI = 200  # scans coarser than this get the script model's second reading (ocr_page)
NUMBERS_DPI = 250  # scans coarser than this have their numbers re-read: digits were lost at 126 and 220 dpi
THIRD_SCALE = 1.5  # the confirming reading is made on crops enlarged this much
CONTESTED = 2  # re-readings agreeing on another number than the page's leave its line in doubt


def _arabic(text: str) -> bool:
    """A line mostly in Arabic letters: French lines' digits are read right by the French model."""
    return len(_AR.findall(text)) > len(_LAT.findall(text))


def better_number(old: str, new: str, surer: bool) -> bool:
    """Should the token ``old`` of the first reading become ``new`` (see the module docstring)?
    ``surer``: the second reading of the line is at least as confident as the first."""
    if old == new:
        return False
    if votes.one_more_digit(old, new) or votes.lost_part(old, new):
        return True
    if surer and votes.shape(old) == votes.shape(new):
        return sum(x != y for x, y in zip(old, new, strict=True)) <= MAX_CHANGED
    return False


def number_changes(text: str, again: str, surer: bool) -> dict[int, str]:
    """The numbers of ``text`` (by their index among its number tokens) that ``again``, a
    second reading of the same line, reads better, and what it reads."""
    old = NUMBER.findall(text)
    new = NUMBER.findall(again)
    changes: dict[int, str] = {}
    if not old or not new:
        return changes
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op != "replace":
            continue
        if i2 - i1 == j2 - j1:
            pairs = list(zip(range(i1, i2), new[j1:j2], strict=True))
        else:  # tokens on one side only: a token is put right only by a single candidate
            pairs = []
            for i in range(i1, i2):
                cands = [t for t in new[j1:j2] if votes.one_more_digit(old[i], t)]
                if len(cands) == 1:
                    pairs.append((i, cands[0]))
        for i, tok in pairs:
            if better_number(old[i], tok, surer if i2 - i1 == j2 - j1 else False):
                changes[i] = tok
    return changes


def apply_changes(text: str, changes: dict[int, str]) -> str:
    """``text`` with its number tokens of the given indexes replaced."""
    spans = list(NUMBER.finditer(text))
    out = text
    for i in sorted(changes, reverse=True):
        m = spans[i]
        out = out[:m.start()] + changes[i] + out[m.end():]
    return out


def merge_numbers(text: str, again: str, surer: bool, third: str | None = None) -> tuple[str, int]:
    """``text`` with the numbers that ``again`` reads better put in, and, when a ``third``
    reading is given, only those it reads the same way; returns the text and how many
    numbers changed."""
    changes = number_changes(text, again, surer)
    if third is not None:
        confirm = number_changes(text, third, True)
        changes = {i: tok for i, tok in changes.items() if confirm.get(i) == tok}
    return (apply_changes(text, changes), len(changes)) if changes else (text, 0)


def _boxes(pimg: PageImage, lines: list[TextLine], scale: float = 1.0) -> list[tuple[int, int, int, int]]:
    k = pimg.dpi / 72.0
    boxes = [_pad(pimg, int(ln.x0 * k), int(ln.top * k), int(ln.x1 * k) + 1, int(ln.bottom * k) + 1) for ln in lines]
    return [(int(a * scale), int(b * scale), int(c * scale), int(d * scale)) for a, b, c, d in boxes]


def _joined(sub: OcrResult) -> str:
    return " ".join(x.text for x in sub.lines)


def _read(pimg: PageImage, boxes: list[tuple[int, int, int, int]], langs: str, timeout: float) -> list[str | None]:
    """Each crop read as one line; None where the reading is too unsure to vote."""
    return [_joined(sub) if sub.lines and sub.confidence >= MIN_CONF else None for sub in read_rows(pimg, boxes, langs, timeout)]


def _enlarged(pimg: PageImage) -> PageImage:
    size = (round(pimg.image.width * THIRD_SCALE), round(pimg.image.height * THIRD_SCALE))
    return PageImage(pimg.image.resize(size, Image.Resampling.LANCZOS), pimg.dpi * THIRD_SCALE, pimg.page,
                     pimg.width_pt, pimg.height_pt)


def _whole_again(text: str, i: int, tok: str, *enlarged: str | None) -> bool:
    """Is ``tok``, a reference number whose groups the page's reading of ``text`` lost at its
    ``i``-th number, read whole by a reading of the enlarged crop, wherever it puts it? (At 1.5
    times a line can come out in left-to-right order, its numbers reversed: the second reading
    gives the place, the enlarged one the digits.) Never a number ``text`` already holds."""
    old = NUMBER.findall(text)
    if not votes.lost_part(old[i], tok) or tok in old:
        return False
    return any(r and tok in NUMBER.findall(r) for r in enlarged)


def contested(text: str, changes: dict[int, str], readings: list[str | None]) -> bool:
    """Is a number of ``text`` left as the page read it (not in ``changes``) while at least
    CONTESTED of the re-``readings`` read the same other number at its place? Nothing is
    written: the line is only left in doubt (the reviewer's "check against the source")."""
    seen: dict[tuple[int, str], int] = {}
    for r in readings:
        if r:
            for i, tok in votes.proposals(text, r).items():
                if i not in changes:
                    seen[(i, tok)] = seen.get((i, tok), 0) + 1
    return any(n >= CONTESTED for n in seen.values())


def recheck_numbers(pimg: PageImage, result: OcrResult, langs: str, timeout: float, script: str | None = None) -> int:
    """Read the Arabic lines of ``result`` that hold digits again one by one; where the second
    reading puts a number right, a third one (the crops enlarged THIRD_SCALE times) must read
    it the same way. With ``script`` (the languages with the script model ``Arabic`` in place
    of ``ara``), the crops are also read by that model at both scales and the numbers settled
    by :func:`votes.vote`, the ``%`` signs ``ara`` cannot read by :func:`votes.percent_signs`.
    Returns how many numbers changed; a tesseract failure leaves the page as it was. First, the
    points drawn between the digits of a number and read by no reading are put back (number_dots.py)."""
    from .number_dots import restore_points  # numpy: loaded only where a page is OCR'd (a braille run never loads it)

    points = restore_points(pimg, result)
    picked = [ln for ln in result.lines if NUMBER.search(ln.text) and _arabic(ln.text)][:MAX_LINES]
    if not picked:
        return points
    boxes = _boxes(pimg, picked)
    try:
        again = read_rows(pimg, boxes, langs, timeout)
        other = _read(pimg, boxes, script, timeout) if script else [None] * len(picked)
    except ToolError:
        return points
    proposed = []
    heard: dict[int, tuple[TextLine, list[str | None]]] = {}  # each line's re-readings, for number_crops
    for ln, sub, alt in zip(picked, again, other, strict=True):
        second = _joined(sub) if sub.lines and sub.confidence >= MIN_CONF else None
        heard[id(ln)] = (ln, [second, alt])
        surer = sub.confidence >= result.line_conf.get(id(ln), 100.0)
        wanted = bool(second and number_changes(ln.text, second, surer))
        wanted = wanted or any(r and votes.proposals(ln.text, r) for r in (second, alt))
        wanted = wanted or bool(alt and votes.percent_signs(ln.text, [alt])[1])
        if wanted:
            proposed.append((ln, second, surer, alt))
    if not proposed:
        return points + _alone(pimg, result, heard, timeout)
    big = _enlarged(pimg)
    boxes = _boxes(pimg, [ln for ln, *_rest in proposed], THIRD_SCALE)
    try:
        third = _read(big, boxes, langs, timeout)
        third_alt = _read(big, boxes, script, timeout) if script else [None] * len(proposed)
    except ToolError:
        return points
    changed = points
    flagged: set[int] = set()  # lines this contest left in doubt
    for (ln, second, surer, alt), r3, s3 in zip(proposed, third, third_alt, strict=True):
        heard[id(ln)] = (ln, [second, alt, r3, s3])
        changes = number_changes(ln.text, second, surer) if second else {}
        if changes:  # the same model's reading at another scale must confirm
            confirm = number_changes(ln.text, r3, True) if r3 else {}
            changes = {i: tok for i, tok in changes.items() if confirm.get(i) == tok or _whole_again(ln.text, i, tok, r3, s3)}
        if script:
            readings = [(m, r) for m, r in ((langs, second), (script, alt), (langs, r3), (script, s3)) if r]
            changes.update(votes.vote(ln.text, readings))
        text = apply_changes(ln.text, changes)
        if ln.doubt is None and contested(ln.text, changes, [second, alt, r3, s3]):
            ln.doubt = DIGITS  # kept as the page read it, but two re-readings read it otherwise: check it
            flagged.add(id(ln))
        signs = 0
        if alt and s3:
            text, signs = votes.percent_signs(text, [alt, s3])
        if changes or signs:
            ln.text = text
            changed += len(changes) + signs
    return changed + _alone(pimg, result, heard, timeout, flagged)


def _alone(pimg: PageImage, result: OcrResult, readings: dict[int, tuple[TextLine, list[str | None]]], timeout: float,
           flagged: set[int] | None = None) -> int:
    """The numbers the re-readings read otherwise, each read again alone (number_crops.py); a line the
    contest left in doubt (``flagged``) is judged again on the numbers written."""
    from .number_crops import settle_alone  # numpy: loaded only where a page is OCR'd

    count, lines = settle_alone(pimg, result, list(readings.values()), timeout)
    for key in lines & (flagged or set()):
        ln, again = readings[key]
        if ln.doubt == DIGITS and not contested(ln.text, {}, again):
            ln.doubt = None
    return count


# what ``ara`` makes of a percent sign beside a number, on a line of any scan: ``9660`` for
# ``60%`` (the sign read first, right to left), ``74 90`` for ``74 %``
SUSPECT_PERCENT = re.compile(r"(?<![\d.,/])(?:96|90|9/0|0/0)\d{1,3}(?:[.,]\d+)?(?![\d.,/])|(?<![\d.,/])\d{1,3}(?:[.,]\d+)? (?:96|90|9/0)(?!\S)")


def recheck_percent(pimg: PageImage, result: OcrResult, timeout: float, script: str) -> int:
    """On pages whose numbers are not read again (finer scans), the Arabic lines holding a
    number glued to what ``ara`` makes of a ``%`` are read by the script model at two scales
    and the sign put back where both readings show it (:func:`votes.percent_signs`). Lines
    without such a token cost nothing. Returns how many signs were put back."""
    picked = [ln for ln in result.lines if _arabic(ln.text) and SUSPECT_PERCENT.search(ln.text)][:MAX_LINES]
    if not picked:
        return 0
    try:
        alt = _read(pimg, _boxes(pimg, picked), script, timeout)
        big = _read(_enlarged(pimg), _boxes(pimg, picked, THIRD_SCALE), script, timeout)
    except ToolError:
        return 0
    signs = 0
    for ln, a, b in zip(picked, alt, big, strict=True):
        if a and b:
            ln.text, n = votes.percent_signs(ln.text, [a, b])
            signs += n
    return signs
