"""A scanned page set sideways or upside down: found, turned upright, read in its own frame.

A council scans a landscape table turned a quarter, or feeds a sheet upside down. tesseract reads
such a page as junk (a French order turned a quarter: confidence 46 %, a third of its words known;
an Arabic decision: 28 %), which ``pages.ocr_page`` judges unreadable; or it reads a page turned a
quarter whole, each line a tall, narrow box down the page (:func:`sideways`), which the layout then
cannot use. Only then is the page's orientation asked of tesseract's OSD (``--psm 0``, about 1 s a
page, more on a busy machine): an upright page read soundly never pays for it. When OSD finds the
page turned, the page image is turned upright (a lossless quarter or half turn) and read again as
any other page: its tables, headings and passes in the turned frame, whose width and height are the
page's swapped for a quarter turn. The upright reading is kept only when it passes the same
verdicts; its report says the page was turned (``TURNED``, read back by :func:`quarter`).

A page of few lines is one OSD cannot place: a short Arabic page gives "Too few characters", or a turn at 2-4,
under what a refused page is turned on. Such a page is read at OSD's weak turn, or at both quarter turns when
OSD gave nothing, and a turned reading is kept only when clearly better than the first (:func:`_better`); OSD's
"upright", however unsure, reads nothing again. A page whose turned reading is not kept keeps its first verdict,
and its refusal says the page seems turned and asks for it upright when its lines ran down it or OSD found a
turn (``SEEMS``). A sheet fed sideways is often fed askew as well: the turned image is straightened when tilted
more than the upright deskew takes out (:func:`_straight`).

A page turned whole is rarely all one way: a gazette prints a landscape form sideways on an upright sheet,
its running header upright. Turned, the form reads well and the header runs down the page, read across
its letters as junk (BO 7262 p. 22: ``آله -Z9ZL ج1 !7080910 II 21 (-1-ج020)``, the sheet's "N° 7262 ...
(4-1-2024)"). :func:`doubt_junk` leaves such lines of a turned page in doubt, whatever tesseract's
confidence in them: a line that runs down the turned frame (as :func:`sideways` measures it), and a line
read under ``JUNK_CONF`` whose words the word lists mostly do not know. Junk read across letters may also be
made of known words (p. 22's letterhead "المملكة المغربية" read ``المملكة pit`` at 70 %, its ``إذن`` read ``oil``):
an Arabic line read under ``STRAY_CONF`` whose only Latin is a short lower-case word or two (:func:`_stray_latin`)
is left in doubt too; no line of the truth pages is such a line.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from .._exec import tesseract
from ..errors import ToolError
from .render import PageImage

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..model import PageReport

log = logging.getLogger("transform.ocr")
TALL = 2.0  # a line box this many times as high as wide runs down the page...
MIN_TALL_CHARS = 4  # ...when it holds at least this many characters (a lone digit or bullet is as high as wide)
TALL_SHARE = 0.5  # a page with more than this share of its letters in such lines was read turned a quarter
# OSD's orientation confidence from which a refused page is turned. Whole pages turned by hand gave 16-35,
# BO 7262's forms printed sideways 7-10; the corpus's refused upright pages all answered "upright" (at 3-8).
# Lower than ocrmypdf's 14, which turns pages unchecked: here the turned reading must pass the verdicts too
SURE_OSD_CONF = 5.0
DOWN_OSD_CONF = 2.0  # ...and a page read down its height is turned a quarter on a weaker answer: its lines already say so
# A turned reading OSD was not sure of (a short page: OSD answers "Too few characters", or a turn at 2-4) is kept when
# clearly better than the first: this many points of confidence over it on a refused page (refused short crops turned
# a quarter read at 34-38 %, upright at 85-90 %), at most DOWN_MARGIN under it on a page read down its height
CLEARLY_BETTER = 15.0
DOWN_MARGIN = 5.0
SEEMS_OSD_CONF = 1.0  # an OSD turn at least this sure makes a page refused upright and turned "seem turned"
TURNED_SKEW_DEG = 12.0  # a turned page's tilt is measured up to this (upright pages: render.SKEW_DEG, further by tilt.py)
# A line of a turned page read under this confidence whose words (MIN_WORD letters or more) the word lists mostly do
# not know is left in doubt. Not on every page: 118 of the truth's 4,073 lines have mostly unknown words (names in
# capitals, associations, table rows of codes): the rule would flag sound text of upright pages, which never ask it
JUNK_CONF = 0.85
MIN_WORD = 3
# An Arabic line of a turned page read under this confidence whose Latin letters are only short lower-case words
# (at most STRAY_LATIN letters each; BO 7262 p. 22 read turned: ``المملكة pit`` 70 %, ``oil بالخروج`` 81 %,
# ``توقيع المكلف بتسليم su توقيع البائع`` 86.5 %) is left in doubt: none of the truth's 3,911 lines is one
# (Roman numbers, ``CV``, ``F1``, ``TN``, a URL or a French term beside Arabic words are capitals or longer)
STRAY_CONF = 0.90
STRAY_LATIN = 3
_AR_RUN = re.compile("[\u0621-\u064a\u064b-\u065f\u0670\u0640]+")
_LATIN_RUN = re.compile("[A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+")
_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.M)
_CONF = re.compile(r"^Orientation confidence:\s*([0-9.]+)", re.M)
TURNED = "the page was scanned {how} and turned upright before reading ({deg}° clockwise, OSD confidence {conf:.0f})"
UNSURE_TURN = ("the page was scanned {how} and turned upright before reading ({deg}° clockwise, OSD unsure: "
               "read clearly better turned)")
SEEMS = "; the page seems to have been scanned {how}: scan it upright and send it again"
_TURNED = re.compile(r"the page was scanned (?:sideways|upside down) and turned upright before reading \((\d+)°")

Reading = tuple[list["TextLine"], "PageReport"]


def sideways(lines: Sequence[TextLine]) -> bool:
    """Does tesseract's first reading run along the page's height? It reads some pages turned a quarter
    whole, each line a tall, narrow box (an Arabic decision turned 90° clockwise: 14 lines of
    5-10 pt across, 90-470 pt down): most of the page's letters in lines at least TALL times as high
    as wide. A line of an upright page is wider than high unless it holds a character or two."""
    letters = tall = 0
    for ln in lines:
        n = len(ln.text.replace(" ", ""))
        letters += n
        if _down(ln):
            tall += n
    return letters > 0 and tall > TALL_SHARE * letters


def _down(ln: TextLine) -> bool:
    """A line box at least TALL times as high as wide, of at least MIN_TALL_CHARS characters: it runs down the page."""
    return len(ln.text.replace(" ", "")) >= MIN_TALL_CHARS and ln.bottom - ln.top >= TALL * (ln.x1 - ln.x0)


def _unknown(text: str) -> bool:
    """Are most of the line's words (runs of MIN_WORD letters or more, Arabic or Latin) unknown to the word lists?"""
    from .lexicon import known_ar, known_fr, normalise_ar

    known = total = 0
    for tok in text.split():
        for run in _AR_RUN.findall(tok):
            if len(word := normalise_ar(run)) >= MIN_WORD:
                total, known = total + 1, known + known_ar(word)
        for run in _LATIN_RUN.findall(tok):
            if len(run) >= MIN_WORD:
                total, known = total + 1, known + known_fr(run.lower())
    return total > 0 and 2 * known < total


def _stray_latin(text: str) -> bool:
    """Is this an Arabic line (more Arabic letters than Latin) whose Latin runs are all of at most STRAY_LATIN
    letters, one of them a lower-case word of two or more: a word read from letters of another script?"""
    runs = _LATIN_RUN.findall(text)
    if not runs or len("".join(_AR_RUN.findall(text))) <= sum(map(len, runs)):
        return False
    return all(len(r) <= STRAY_LATIN for r in runs) and any(len(r) >= 2 and r.islower() for r in runs)


def _junk(ln: TextLine) -> bool:
    """A line of a turned page read as junk: down the turned page, or read unsure with mostly unknown words or
    with stray Latin in Arabic words."""
    if _down(ln):
        return True
    conf = ln.confidence
    return conf is not None and ((conf < JUNK_CONF and _unknown(ln.text)) or (conf < STRAY_CONF and _stray_latin(ln.text)))


def doubt_junk(lines: Sequence[TextLine]) -> int:
    """Leave in doubt the lines of a page read turned upright that are junk read across their letters: a line
    running down the turned page (printed upright on the sheet, as a running header beside a form set sideways),
    one read under JUNK_CONF whose words are mostly unknown, or an Arabic line read under STRAY_CONF with stray
    short Latin words (:func:`_junk`). Lines already in doubt keep theirs; the number of lines put in doubt is
    returned."""
    from .confidence import OCR_LOW

    n = 0
    for ln in lines:
        if ln.doubt is None and _junk(ln):
            ln.doubt = OCR_LOW
            n += 1
    return n


def _osd(image: PageImage, timeout: float) -> tuple[int, float] | None:
    """OSD's answer for the page: the clockwise turn (0, 90, 180 or 270) that sets it upright and its confidence;
    None when it cannot tell (too few letters: "Too few characters", a short Arabic page often) or fails."""
    with tempfile.TemporaryDirectory(prefix="taysir-osd-") as tmp:
        path = Path(tmp) / "page.tif"
        image.image.convert("L").save(path, "TIFF", dpi=(image.dpi, image.dpi))
        try:
            out = tesseract.osd(path, timeout=timeout)
        except ToolError as exc:  # "Too few characters", a time-out: the page stays as it is
            log.info("page %s: orientation not detected (%s)", image.page, exc)
            return None
    rot, conf = _ROTATE.search(out), _CONF.search(out)
    if rot is None or conf is None:
        return None
    return int(rot.group(1)) % 360, float(conf.group(1))


def detect(image: PageImage, timeout: float, floor: float = SURE_OSD_CONF,
           turns: tuple[int, ...] = (90, 180, 270)) -> tuple[int, float] | None:
    """The clockwise turn (one of ``turns``, degrees) that sets the page upright, with OSD's confidence;
    None when the page is upright, OSD is less sure than ``floor``, cannot tell (too few letters) or fails."""
    found = _osd(image, timeout)
    if found is None or found[0] not in turns or found[1] < floor:
        return None
    return found


def _straight(img: Image.Image) -> Image.Image:
    """A page image turned upright, its tilt taken out when more than the upright deskew's ``SKEW_DEG`` (render.py
    measures that much first, after the turn as on any page, and further only when its profile says so: tilt.py):
    a sheet fed sideways is often fed askew too (a turned scan tilted 6° was read tilted 2°, a fifth of its words
    lost). A smaller tilt is left to the page's own deskew, so a turned page tilted less reads as before."""
    from .render import SKEW_DEG, estimate_skew

    skew = estimate_skew(img, TURNED_SKEW_DEG)
    if abs(skew) <= SKEW_DEG:
        return img
    return img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)


def turn(pimg: PageImage, deg: int) -> PageImage:
    """The page image turned ``deg`` degrees clockwise, in its new frame (width and height swapped for a
    quarter turn), and straightened when tilted more than the upright deskew takes out (:func:`_straight`).
    Stamps read apart are left on the image: their boxes belong to the old frame."""
    img = pimg.image.transpose({90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                                270: Image.Transpose.ROTATE_90}[deg])
    w, h = (pimg.height_pt, pimg.width_pt) if deg % 180 else (pimg.width_pt, pimg.height_pt)
    return PageImage(_straight(img), pimg.dpi, pimg.page, w, h, source_dpi=pimg.source_dpi)


def _confidence(lines: Sequence[TextLine]) -> float:
    """A reading's mean confidence (0-100) over its words, as tesseract gives a page's."""
    words = [(len(ln.text.split()), ln.confidence) for ln in lines if ln.confidence is not None]
    n = sum(k for k, _ in words)
    return 100.0 * sum(k * (c or 0.0) for k, c in words) / n if n else 0.0


@dataclass
class Attempt:
    """What :func:`read_turned` made of a page: its upright reading when one was kept, and why the page seems
    turned when none was (a phrase for the refusal, "" when nothing says so)."""

    reading: Reading | None = None
    seems: str = ""


def _candidates(answer: tuple[int, float] | None, down: bool) -> tuple[list[int], bool]:
    """The turns to read the page at, and whether OSD was sure of it (then the turned reading need only pass the
    verdicts; else it must be clearly better than the first, :func:`_better`). A page read down its height is
    turned a quarter: OSD's quarter at DOWN_OSD_CONF or more, else both quarters. A refused page: OSD's turn at
    SURE_OSD_CONF or more, a weaker turn, or both quarters when OSD cannot tell (too few letters); OSD's
    "upright", however unsure, reads nothing again (the corpus's refused upright pages answered it at 3-8)."""
    if down:
        if answer is not None and answer[0] in (90, 270):
            return [answer[0]], answer[1] >= DOWN_OSD_CONF
        return [90, 270], False
    if answer is None:
        return [90, 270], False
    deg, conf = answer
    return ([deg], conf >= SURE_OSD_CONF) if deg else ([], False)


def _better(lines: Sequence[TextLine], first: float, down: bool) -> bool:
    """Is a turned reading OSD was not sure of clearly better than the first? Its lines run across the page, and
    its confidence is CLEARLY_BETTER points over the first's on a refused page; on a page read down its height
    (read at a sound confidence whichever way it runs: 88 % down, 88 % across) at most DOWN_MARGIN under it."""
    conf = _confidence(lines)
    return not sideways(lines) and (conf >= first - DOWN_MARGIN if down else conf >= first + CLEARLY_BETTER)


def read_turned(pimg: PageImage, seen: PageImage, models: set[str], timeout: float,
                read: Callable[[PageImage], Reading], down: bool = False, first: float = 0.0) -> Attempt:
    """The page read upright when it was scanned turned (OSD asked on ``seen``, the image tesseract read), and
    the upright reading is not refused (``read`` reads a page image as ``ocr_page`` does, without asking OSD
    again) and, when OSD was unsure, clearly better than the first (``first``: its confidence, 0-100);
    ``down``: the first reading ran down the page (:func:`sideways`). When no turned reading is kept,
    ``Attempt.seems`` says why the page seems turned (its lines ran down it, or OSD found a turn)."""
    answer = _osd(seen, timeout) if "osd" in models else None
    turns, sure = _candidates(answer, down) if "osd" in models or down else ([], False)
    best: tuple[float, int, Reading] | None = None
    for deg in turns:
        lines, rep = read(turn(pimg, deg))
        if rep.method != "ocr" or not lines:
            log.info("page %s: turned %d° it was still unreadable (%s)", pimg.page, deg, rep.reason)
            continue
        if not sure and not _better(lines, first, down):
            log.info("page %s: turned %d° it read no better (%.0f%% against %.0f%%)", pimg.page, deg, _confidence(lines), first)
            continue
        if best is None or _confidence(lines) > best[0]:
            best = (_confidence(lines), deg, (lines, rep))
    if best is None:
        turned = answer is not None and answer[0] != 0 and answer[1] >= SEEMS_OSD_CONF
        if not (down or turned):
            return Attempt()
        return Attempt(seems=SEEMS.format(how="upside down" if not down and answer and answer[0] == 180 else "sideways"))
    _conf, deg, (lines, rep) = best
    how = "upside down" if deg == 180 else "sideways"
    rep.reason += "; " + (TURNED.format(how=how, deg=deg, conf=answer[1]) if sure and answer is not None
                          else UNSURE_TURN.format(how=how, deg=deg))
    junk = doubt_junk(lines)
    if junk:
        rep.reason += f"; {junk} line{'s' if junk > 1 else ''} read across the turned page left in doubt"
    return Attempt((lines, rep))


def quarter(rep: PageReport | None) -> int:
    """The clockwise turn a page was read at (0 when read as it was)."""
    m = _TURNED.search(rep.reason) if rep is not None and rep.method == "ocr" else None
    return int(m.group(1)) if m else 0


def frame(rep: PageReport | None, width: float, height: float) -> tuple[float, float]:
    """The width and height of the frame a page's lines are in: swapped for a page turned a quarter."""
    return (height, width) if quarter(rep) % 180 else (width, height)


def turned_pages(pages: Sequence[PageReport]) -> list[tuple[int, int]]:
    """(page, clockwise turn) of each source page read turned upright: shown to staff (review page,
    quality report) to be checked against the original, as a turn can misplace or lose a part."""
    return [(r.page, deg) for r in pages if (deg := quarter(r))]


def notice(rep: PageReport | None) -> str | None:
    """What the run's warnings say of a page read turned upright (None for a page read as it was)."""
    deg = quarter(rep)
    if not deg or rep is None:
        return None
    return f"page {rep.page} was scanned {'upside down' if deg == 180 else 'sideways'} and turned upright before reading"
