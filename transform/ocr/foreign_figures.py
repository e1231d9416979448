"""Every amount of a kept earlier OCR's layer read a second time from its own ink.

A kept foreign layer (foreign_layer.py: ocrmypdf's, a copier's) reads a French amount wrong in two ways:
malformed (``7 TT9,4€``, ``109 28,32€``, ``1216 147,42€``: foreign_amounts.py sees those) and *well formed*
(``163 923,86€`` for ``763 923,86€``): the worst kind, since nothing in the text betrays it and a blind
reader takes it as printed. So each amount-shaped token of a kept layer's lines (digit groups ending on a
decimal comma and two cents, digits' look-alike letters allowed) is cut from the page: from a
``RENDER_DPI`` render of the page and from the render the OCR sample already made (``SAMPLE_DPI``), its box
(the layer's characters) padded a quarter of its height, and read as one line of the amount's characters
only (amount_cells.read_lines: one tesseract call for the page). A reading is *well formed* when it is
groups of three digits with a decimal comma and two cents (a ``€`` read as ``6`` or ``4`` after the cents is
taken for the sign where the layer prints one). Then:

* the layer's amount is **malformed** (a letter among its digits, or digit groups of the wrong size; a single
  group is left alone here, since a page prints ``1751,73``, ``450000,00`` or a rate's ``8,3`` so): the ``RENDER_DPI``
  reading replaces it when it is well formed, read at ``MIN_CONF`` or more, holds the layer's digits in their order
  and has as many digits as the layer has digits and look-alike letters, or one more (a digit the layer lost); the
  line is in doubt all the same (``text_layer_unsure``): both readings are OCR. A malformed amount without letters also takes the sample
  crop's reading when it is well formed with exactly the layer's digits, read at ``MIN_CONF`` or more
  (``1216 147,42€`` -> ``1 216 147,42€``: only the groups change);
* the layer's amount is **one group** of four digits or more (``-1171,00€`` where Putanges p. 7 prints
  ``- 1 171,00€``; a minus glued before it stands outside the token) and *both* crops read it grouped, with exactly
  its digits: the print shows the space. It is regrouped when the page prints its other amounts of four digits or
  more in groups (SPACED_MIN of them, none in one group: :func:`spaced_page`), the line in doubt as above; otherwise
  the line is put in doubt (``digits_disagree``), the crops' reading left for the document to vouch for. One crop of
  two reading it grouped on such a page puts it in doubt. Neither confidence counts (both crops read the spaced
  ``1 171,00`` at 29-33): only the space is at stake, never a digit;
* the layer's amount is **well formed**: nothing is changed (the same test on the corpus's amounts would have
  replaced a right ``125 199,51€`` by a wrong ``125 190,51€`` that both crops read), but when *both* crops read
  a well-formed amount whose digits differ from the layer's, at ``MIN_CONF`` or more, the line is put in
  doubt (``digits_disagree``), so the reviewer checks the amount against the scan.

An amount left so (the crops' common reading against a well-formed layer amount, or a malformed amount none of them
regrouped) is kept on its line (``amount_votes``) for the document to settle once every page is read
(foreign_vouch.py: an amount the document prints elsewhere, on a line read sound).

The page's report then says so with cell_doubt.DIGITS_READ (:func:`note`), so that a table built from the layer's
characters before this pass marks the cells whose digits no line holds any more, or holds in doubt
(cell_doubt.layer_cells, run by pdf.py). Only kept invisible layers are read so (decide._earlier_ocr, with OCR
allowed); a page without such a token costs nothing; a font's text layer is never judged.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageOps

from ..errors import ToolError
from ..ingest.crop_frame import box_on_render, crop_offset
from .amount_cells import read_lines
from .cell_doubt import DIGITS_READ
from .confidence import DIGITS, TEXT_UNSURE
from .foreign_layer import AMOUNT_CONFIDENCE
from .foreign_vouch import mends
from .render import RenderError, render_page

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from ..ingest.base import TextLine
    from .render import PageImage

log = logging.getLogger("transform.ocr")
RENDER_DPI = 300  # the page rendered again for the crops read first (200 dpi crops read `7 719,41€` for `7 779,41€`)
MIN_CONF = 50.0  # tesseract's mean word confidence of a reading taken or heard
SPACED_MIN = 3  # amounts of four digits or more printed in groups that make a page's way of printing them
MAX_ADDED = 1  # digits a reading taken may hold beyond the layer's digits and look-alike letters
PAD = 0.25  # of the token's height, around its box
BORDER = 10  # white pixels around each crop
# an amount as the layer may hold it: a first group (no leading zero: `042 21 928,38` opens with an account's code),
# groups, then the last group with its cents, digits' look-alike letters allowed, a euro sign or not
TOKEN = re.compile(r"(?:(?<!\S)|(?<=(?<!\S)[-−]))(?:[1-9]\d{0,3} (?:[\dA-Za-z]{3,4} ){0,2})?[\dA-Za-z]{0,4}\d[\dA-Za-z]{0,3},"
                   r"[\dA-Za-z]{1,2}€?(?=[\s.,;:)]|$)")  # a minus glued before it (``-1171,00€``) stands outside it
WELL = re.compile(r"\d{1,3}(?: \d{3})*,\d\d€?")
_READ = re.compile(r"(\d{1,3}(?: \d{3})*,\d\d)([€64]?)")


def well(reading: str, euro: bool) -> str | None:
    """A crop's reading as a well-formed amount (a ``€`` put back where the layer prints one: its sign read
    ``6`` or ``4`` is the sign), or None."""
    m = _READ.fullmatch(reading.strip())
    if not m or (m.group(2) in ("6", "4") and not euro):
        return None
    return m.group(1) + ("€" if euro else "")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _holds(new: str, old: str) -> bool:
    it = iter(new)
    return all(ch in it for ch in old)


def verdict(layer: str, first: tuple[str, float], second: tuple[str, float], spaced: bool = False) -> tuple[str, str | None]:
    """What the two crops' readings (``first``: the RENDER_DPI crop, ``second``: the sample's; each (text,
    confidence)) say of the layer's amount token ``layer``: ("take", the amount to write), ("doubt", the crops'
    common reading or None), or ("", None) for nothing. ``spaced``: the page's other amounts of four digits or more
    are all printed in groups (:func:`spaced_page`)."""
    euro = layer.endswith("€")
    one, two = well(first[0], euro), well(second[0], euro)
    if " " not in layer and not re.search("[A-Za-z]", layer) and one and one == two and " " in one \
            and _digits(one) == _digits(layer):
        return ("take" if spaced else "doubt"), one  # one group the print spaces, as both crops show (see the doc)
    if " " not in layer and not re.search("[A-Za-z]", layer) and spaced \
            and any(r and " " in r and _digits(r) == _digits(layer) for r in (one, two)):
        return "doubt", None  # one crop of two shows it spaced, on a page that spaces its amounts: the reviewer looks
    if WELL.fullmatch(layer):
        if (one and two and first[1] >= MIN_CONF and second[1] >= MIN_CONF
                and _digits(one) != _digits(layer) and _digits(two) != _digits(layer)):
            return "doubt", one if one == two else None  # the crops' common reading, for the document to vouch for
        return "", None
    if " " not in layer and not re.search("[A-Za-z]", layer):
        return "", None  # one group, printed so (`1751,73`, `450000,00`, a rate's `8,3`): nothing says it is misread
    slots = len(re.findall(r"[\dA-Za-z]", layer))
    if one and first[1] >= MIN_CONF and 0 <= len(_digits(one)) - slots <= MAX_ADDED and _holds(_digits(one), _digits(layer)):
        return "take", one
    if not re.search("[A-Za-z]", layer):  # the layer's very digits, grouped as print groups them (`1216 147,42€`)
        if (w := well(second[0], euro)) and second[1] >= MIN_CONF and _digits(w) == _digits(layer):
            return "take", w
    return "", None


def spaced_page(tokens: list[str], tok: str) -> bool:
    """Does the page print its amounts of four digits or more in groups: SPACED_MIN of them or more, and none but
    ``tok`` as one group (the layer's tokens as read)?"""
    big = [t for t in tokens if len(_digits(t.split(",")[0])) >= 4 and not re.search("[A-Za-z]", t)]
    return sum(" " in t for t in big) >= SPACED_MIN and all(" " in t for t in big if t != tok)


def _boxes(textpage: Any, ln: Any, height: float) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The amount tokens of one layer line as its characters hold them, each with its box in points."""
    start, count = getattr(ln, "start", None), getattr(ln, "count", 0)
    if start is None or count <= 0 or getattr(ln, "parts", None) or getattr(ln, "wide_parts", None):
        return []
    raw = textpage.get_text_range(start, count)
    if len(raw) != count:
        return []  # characters and text out of step: no box trusted
    out = []
    for m in TOKEN.finditer(raw):
        boxes = [textpage.get_charbox(start + j) for j in range(m.start(), m.end()) if not raw[j].isspace()]
        x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
        top, bottom = height - max(b[3] for b in boxes), height - min(b[1] for b in boxes)
        if x1 > x0 and bottom > top:
            out.append((m.group(), (x0, top, x1, bottom)))
    return out


def _crop(pimg: PageImage, box: tuple[float, float, float, float]) -> Image.Image:
    k = pimg.dpi / 72.0
    x0, top, x1, bottom = box
    pad = PAD * (bottom - top)
    w, h = pimg.image.width, pimg.image.height
    area = (max(0, int((x0 - pad) * k)), max(0, int((top - pad) * k)), min(w, int((x1 + pad) * k)), min(h, int((bottom + pad) * k)))
    return ImageOps.expand(pimg.image.crop(area), border=BORDER, fill=255)


def read_amounts(pdf: pdfium.PdfDocument, i: int, lines: list[TextLine], sample: PageImage, timeout: float) -> tuple[int, int]:
    """Read every amount of page ``i``'s kept layer ``lines`` again (see the module docstring); ``sample``: the
    page rendered at the sample's resolution. Returns (amounts put right, lines put in doubt)."""
    page = pdf[i]
    textpage = page.get_textpage()
    try:
        height, offset = page.get_height(), crop_offset(page)  # the renders show the CropBox (crop_frame.py)
        found = [(ln, tok, box_on_render(box, offset)) for ln in lines if "," in ln.text for tok, box in _boxes(textpage, ln, height)]
    finally:
        textpage.close()
        page.close()
    if not found:
        return 0, 0
    try:
        big = render_page(pdf, i, RENDER_DPI)
    except RenderError:
        return 0, 0
    images = [_crop(big, box) for _, _, box in found] + [_crop(sample, box) for _, _, box in found]
    try:
        reads = read_lines(images, timeout)
    except ToolError as exc:
        log.info("page %d: a kept layer's amounts not read again (%s)", i + 1, exc)
        return 0, 0
    n = len(found)
    mended = doubted = 0
    tokens = [tok for _, tok, _ in found]
    for k, (ln, tok, _) in enumerate(found):
        what, amount = verdict(tok, reads[k], reads[n + k], spaced_page(tokens, tok))
        if what == "take" and amount and [w.lstrip("-−") for w in ln.text.split()].count(tok.split()[-1]) == 1 and tok in ln.text:
            ln.text = ln.text.replace(tok, amount, 1)
            ln.confidence, ln.doubt = AMOUNT_CONFIDENCE, ln.doubt or TEXT_UNSURE
            mends(ln).append((tok, amount))
            mended += 1
        elif what == "doubt":
            doubted += ln.confidence != AMOUNT_CONFIDENCE
            ln.confidence, ln.doubt = AMOUNT_CONFIDENCE, DIGITS
            if amount:
                _pending(ln).append((tok, amount))
        elif not WELL.fullmatch(tok) and " " in tok and not re.search("[A-Za-z]", tok):
            _pending(ln).append((tok, None))  # groups of the wrong size left as read: the document may print it
    return mended, doubted


def _pending(ln: Any) -> list[tuple[str, str | None]]:
    """The line's amounts left for the document to vouch for (foreign_vouch.py): (the layer's token, the crops'
    common reading, or None for a malformed token to regroup)."""
    if not hasattr(ln, "amount_votes"):
        ln.amount_votes = []
    return ln.amount_votes  # type: ignore[no-any-return]


def note(mended: int, doubted: int) -> str:
    """What the page's report adds when amounts were put right or put in doubt here (the words pdf.py looks for
    to carry it into the tables built from the layer's characters)."""
    if not (mended or doubted):
        return ""
    return f"; {DIGITS_READ} of {mended + doubted} amount{'s' if mended + doubted > 1 else ''} ({mended} put right, {doubted} in doubt)"
