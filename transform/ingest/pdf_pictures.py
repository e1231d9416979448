"""Pictures on text-layer pages: never lost silently (issue 17, "Real documents read right").

Minutes paste a picture of a model deliberation between two paragraphs; a report pastes a chart, a map, a
photo. No text lies over such an image, so the reading used to give nothing where it stands: a blind
reader never learned that it was there. Here a large image with no text over it becomes a
:class:`~transform.model.Figure` block, placed in reading order where it is printed:

* **the screen**, paid on every page read with OCR allowed: one pass over the page's lines (already made)
  for an empty band tall enough to hold a picture (:func:`room_for_picture`); only a page that has one
  is walked for its image objects (:func:`pdf_picture_text.image_rects`, the walk the titles printed
  as pictures already use, shared with them on one page);
* **the candidates**: image objects at least :data:`MIN_SIDE` points on each side and :data:`MIN_AREA`
  in area (a bullet, a tiny logo are decoration), under :data:`MAX_PAGE_SHARE` of the page (a scan
  under the page is the OCR hook's business), no text line's middle inside them, and not one-line
  titles (:mod:`pdf_picture_text` reads those);
* **a look first** (:func:`paper_like`): a JPEG's stream decoded small while the page is read settles a photo or
  a coloured chart (:mod:`pdf_pictures_look`, no drawing); the others are drawn at :data:`LOOK_DPI`: more than
  :data:`MAX_COLOURED` of it coloured, less than :data:`MIN_PAPER` of it light, or more than :data:`MAX_DARK` of
  it solid ink outside dark bands (:func:`drawn_ink`: a diagram, a logo; text drawn that small is a grey haze) is
  a figure without text, never asked about (tesseract and the drawing at 150 and 300 dpi are the pictures' whole cost);
* **the question** (:func:`read_figures`), asked of tesseract cheaply: the region alone rendered at :data:`PROBE_DPI` and read
  as one block; a picture holds text when tesseract is sure of it (:data:`MIN_CONF`) and it gives
  :data:`MIN_WORDS` words of three letters or more, most of them (:data:`MIN_KNOWN`) words of the
  lists of ``transform/ocr/data`` in the page's language;
* **the reading**: the image object is drawn alone (its mask and matrix, nothing of the page over or
  under it: a line of the page cut at the picture's edge is not read into it), and a picture that
  holds text is read again at :data:`READ_DPI`; its lines (all of a picture of text; a chart's or a
  table's surely read labels only, :func:`sure_lines`), cut into paragraphs at their wider steps, are
  the figure's text (``alt``), with tesseract's confidence and the doubt ``read_from_image`` (the
  review page: read from an image, check against the source); a picture with little text (a photo, a
  logo, a map, a chart) is a figure without text;
* **decoration**: the same image box on :data:`REPEATED` pages or more (a letterhead's logo, a
  background band) is no figure. Nothing is asked before the OCR hook has judged the pages
  (:func:`read_figures`, called while the document is still open): a page it reads whole is not asked
  about, and neither is decoration.

A figure's text is not printed text in the truth's sense (``tests/realdocs/README.md``: text inside a
picture is not transcribed), and the scorer leaves a figure's ``alt`` out: the figures move no
fidelity cell. Figures are placed into the line groups before they become blocks (:func:`place_figures`):
after the last group of their page and column that lies above them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Figure, PageReport, Sentence
from .bidi_chars import ARABIC_LETTER, LATIN_LETTER
from .pdf_block_group import _Group, join_lines
from .pdf_picture_text import forget_walk, image_rects, known_share
from .pdf_pictures_look import coloured_jpeg, image_object

if TYPE_CHECKING:
    from .base import TextLine

log = logging.getLogger(__name__)

ROOM = 72.0  # points: an empty band at least this tall (between two lines, above the first, below the last)
MIN_SIDE = 40.0  # points: a picture's narrower side
MIN_AREA = 6000.0  # square points (about 2.7 x 2.7 cm): smaller images are decoration (bullets, logos, stamps)
MAX_PAGE_SHARE = 0.6  # an image over more of the page is a scan under it, or its background
TITLE_HEIGHT, TITLE_ASPECT = 60.0, 2.0  # line-high images at least this many times wider: titles (pdf_picture_text)
LOOK_DPI, PROBE_DPI, READ_DPI = 24.0, 150.0, 300.0
MAX_COLOURED, MIN_PAPER = 0.15, 0.5  # a pasted page of text: little colour, mostly paper (paper_like)
MAX_DARK = 0.02  # ... and little solid ink outside dark bands: black shapes are a drawing's (drawn_ink)
MIN_CONF = 60.0  # tesseract's mean word confidence in the probe
MIN_WORDS = 12  # words of three letters or more
MIN_KNOWN = 0.5  # share of them in the word lists
TEXT_CONF, TEXT_WORDS, TEXT_KNOWN = 80.0, 40, 0.7  # a picture of text: its whole reading (sure_lines)
TEXT_LINE, LABEL_LINE = 50.0, 80.0  # the line confidence a picture of text's line and a chart's label need
REPEATED = 3  # an image box on this many pages is decoration
TIMEOUT = 30.0
DOUBT = "read_from_image"
PARAGRAPH_STEP = 1.6  # a step between two lines this many times the picture's usual step starts a paragraph

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom (points, from the page's top)


@dataclass
class PictureFigure:
    """One picture found on a text-layer page: where it is, and what was read from it."""

    page: int
    rect: Rect
    paragraphs: list[str] = field(default_factory=list)  # the text read from it (empty: a picture without text)
    confidence: float | None = None  # tesseract's mean word confidence, 0..1
    lang: str | None = None
    probed: bool = False  # tesseract was asked about it (read_figures)
    from_scan: bool = False  # found on a page the OCR read whole (ocr/figures.py): its text is the OCR's
    photo: bool = False  # a coloured JPEG, settled by its stream while the page was read (pdf_pictures_look)

    @property
    def key(self) -> tuple[int, int, int, int]:
        return tuple(round(v / 4) for v in self.rect)  # type: ignore[return-value]


def room_for_picture(lines: list[TextLine], height: float) -> bool:
    """The cheap screen: is there an empty band of :data:`ROOM` points across the page's text (between two lines
    taken top to bottom, above the first or below the last, inside the page's printed area)?"""
    if not lines:
        return False
    tops = sorted((ln.top, ln.bottom) for ln in lines)
    low = tops[0][0]
    if low > ROOM + 0.06 * height:
        return True
    reach = tops[0][1]
    for top, bottom in tops[1:]:
        if top - reach >= ROOM:
            return True
        if bottom > reach:
            reach = bottom
    return height - 0.06 * height - reach >= ROOM


def _candidate(r: Rect, lines: list[TextLine], width: float, height: float) -> bool:
    w, h = r[2] - r[0], r[3] - r[1]
    if w < MIN_SIDE or h < MIN_SIDE or w * h < MIN_AREA or w * h > MAX_PAGE_SHARE * width * height:
        return False
    if h <= TITLE_HEIGHT and w >= TITLE_ASPECT * h:
        return False  # one printed line high: a title printed as a picture (pdf_picture_text)
    for ln in lines:
        cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
        if r[0] < cx < r[2] and r[1] < cy < r[3]:
            return False  # text over it: a shaded box, a banner, a scan under its layer
    return True


def _white(image: Any) -> Any:
    """A picture's pixels as grey on white paper (a transparent ground is paper, not ink)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        ground = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(ground, image)
    return image.convert("L")


def _picture(page: Any, r: Rect, dpi: float, drawn: dict[Rect, Any] | None = None) -> Any:
    """The image object at ``r`` drawn alone (its mask and matrix applied: no text or drawing of the page over or
    under it, so a line of the page cut at the picture's edge is not read into it), scaled to ``dpi``; None when
    no image object lies there."""
    from PIL import Image

    image = drawn.get(r) if drawn is not None else None  # drawn before: its object lies there (the same page)
    if image is None:
        obj = image_object(page, r)
        if obj is None:
            return None
        image = _white(obj.get_bitmap(render=True).to_pil())
        if drawn is not None:
            drawn[r] = image  # drawn once for the probe and the reading of one picture
    size = (max(1, round((r[2] - r[0]) * dpi / 72.0)), max(1, round((r[3] - r[1]) * dpi / 72.0)))
    return image.resize(size, Image.Resampling.LANCZOS) if image.size != size else image


def paper_like(page: Any, r: Rect) -> bool:
    """The cheap look before tesseract: is the picture's region, drawn small (:data:`LOOK_DPI`), mostly paper with
    little colour, as a pasted page of text is? A photo, a painting, a coloured chart is not (a figure without
    text, never asked about)."""
    import numpy as np

    from .crop_frame import crop_offset

    width, height = page.get_size()
    ox, oy = crop_offset(page)
    x0, top, x1, bottom = max(ox, r[0]), max(-oy, r[1]), min(ox + width, r[2]), min(height - oy, r[3])
    rgb = np.asarray(page.render(scale=LOOK_DPI / 72.0, crop=(x0 - ox, height - oy - bottom, ox + width - x1, top + oy)).to_pil().convert("RGB"))
    if not rgb.size:
        return False
    a = rgb.astype(np.int16)
    low = np.minimum(np.minimum(a[..., 0], a[..., 1]), a[..., 2])  # element-wise: a reduction over 3 is slow
    coloured = float(((np.maximum(np.maximum(a[..., 0], a[..., 1]), a[..., 2]) - low) >= 60).mean())
    light = float((low >= 200).mean())
    return coloured <= MAX_COLOURED and light >= MIN_PAPER and drawn_ink(a) <= MAX_DARK


def drawn_ink(rgb: Any) -> float:
    """The share of a small drawing's pixels that are solid ink (grey under 100 of 255) outside dark bands (rows at
    least half ink: a table's header row, a banner with its title in white): a drawing's or a logo's black shapes.
    Printed text drawn at :data:`LOOK_DPI` is a grey haze, never solid."""
    import numpy as np

    ink = (rgb.astype(np.int32) @ np.array([299, 587, 114], dtype=np.int32)) < 100_000
    if not ink.size:
        return 0.0
    bands = ink.mean(axis=1) >= 0.5
    return float(ink[~bands].sum()) / ink.size


def _ocr(page: Any, r: Rect, page_no: int, langs: str, dpi: float, drawn: dict[Rect, Any] | None = None) -> Any:
    from ..ocr.render import PageImage
    from ..ocr.tesseract import ocr_image

    image = _picture(page, r, dpi, drawn)
    if image is None:
        return None
    return ocr_image(PageImage(image, dpi, page_no, r[2] - r[0], r[3] - r[1]), langs, timeout=TIMEOUT, psm=6)


def holds_text(text: str, confidence: float) -> bool:
    """Does a probe's reading say the picture holds lines of words (confidence, words, word lists)?"""
    words = [w for w in text.split() if len(w.strip(".,:;()،؛«»")) >= 3 and (ARABIC_LETTER.search(w) or LATIN_LETTER.search(w))]
    return confidence >= MIN_CONF and len(words) >= MIN_WORDS and known_share(text) >= MIN_KNOWN


def sure_lines(lines: list[TextLine], line_conf: dict[int, float], confidence: float) -> list[TextLine]:
    """The lines of a picture's reading worth giving a reader. A picture of text (tesseract sure of it, most of its
    words in the word lists, :data:`TEXT_WORDS` words or more) keeps every line read with :data:`TEXT_LINE` at
    least; a chart, a table or a map keeps only its labels read surely (:data:`LABEL_LINE`, most words known):
    an axis's numbers or a legend's junk is no text."""
    text = " ".join(ln.text for ln in lines)
    if confidence >= TEXT_CONF and len(text.split()) >= TEXT_WORDS and known_share(text) >= TEXT_KNOWN:
        return [ln for ln in lines if line_conf.get(id(ln), 0.0) >= TEXT_LINE]
    return [ln for ln in lines if line_conf.get(id(ln), 0.0) >= LABEL_LINE and known_share(ln.text) >= TEXT_KNOWN]


def paragraphs_of(lines: list[TextLine]) -> list[str]:
    """The lines read from a picture cut into paragraphs where the step to the next line is wider than usual."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return []
    steps = sorted(b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if b.top > a.top)
    usual = steps[(len(steps) - 1) // 2] if steps else 0.0  # the lower median: most steps are a line's
    out: list[list[str]] = [[lines[0].text]]
    for a, b in zip(lines, lines[1:], strict=False):
        if usual and b.top - a.top > PARAGRAPH_STEP * usual:
            out.append([])
        out[-1].append(b.text)
    return [join_lines(p) for p in out if p]


def page_figures(page: Any, lines: list[TextLine], page_no: int) -> list[PictureFigure]:
    """The candidate pictures of one page (module note: the screen and the candidates; nothing is read yet: the
    OCR hook may read the page whole, and a box printed on many pages is decoration)."""
    try:
        return _page_figures(page, lines, page_no)
    finally:
        forget_walk()


def _page_figures(page: Any, lines: list[TextLine], page_no: int) -> list[PictureFigure]:
    width, height = page.get_size()
    if not lines or not room_for_picture(lines, height):
        return []
    found = [r for r in image_rects(page, height) if _candidate(r, lines, width, height)]
    if not found:
        return []
    arabic = sum(1 for ln in lines if getattr(ln, "rtl", False)) * 2 >= len(lines)
    return [PictureFigure(page=page_no, rect=r, lang="ar" if arabic else "fr", photo=coloured_jpeg(page, r, LOOK_DPI, MAX_COLOURED))
            for r in found]


def read_figures(pdf: Any, figures: list[PictureFigure], reports: list[PageReport] | tuple[PageReport, ...] = ()) -> None:
    """Ask tesseract about each kept picture (:func:`kept_figures`: the pages the OCR read whole and decoration
    are never asked) and read the text of those that hold lines of words (module note)."""
    asked = sorted((f for f in kept_figures(figures, reports) if not f.from_scan), key=lambda f: f.page)
    for fig in asked:
        fig.probed = True
    open_page: tuple[int, Any] | None = None  # each page loaded once for all its pictures
    try:
        for fig in asked:
            if fig.photo:
                continue  # a photo or a coloured chart: a figure without text (settled in page_figures)
            if open_page is None or open_page[0] != fig.page:
                if open_page is not None:
                    open_page[1].close()
                    open_page = None
                try:
                    open_page = (fig.page, pdf[fig.page - 1])
                except Exception as exc:  # noqa: BLE001 - a picture left unread is still a figure, never an error
                    log.debug("page %s not loaded for its pictures: %s", fig.page, exc)
                    continue
            _read_one(open_page[1], fig)
    finally:
        if open_page is not None:
            open_page[1].close()


def _read_one(page: Any, fig: PictureFigure) -> None:
    """Look at one picture, ask tesseract about it when it looks like paper, read its text when it holds some."""
    langs = "ara" if fig.lang == "ar" else "fra"
    drawn: dict[Rect, Any] = {}  # the picture drawn once, for its probe and its reading; dropped after it
    try:
        if not paper_like(page, fig.rect):
            return
        probe = _ocr(page, fig.rect, fig.page, langs, PROBE_DPI, drawn)
        if probe is None or not holds_text(" ".join(ln.text for ln in probe.lines), probe.confidence):
            return
        read = _ocr(page, fig.rect, fig.page, langs, READ_DPI, drawn)
        if read is None:
            return
    except Exception as exc:  # noqa: BLE001 - a picture left unread is still a figure, never an error
        log.debug("picture on page %s not read: %s", fig.page, exc)
        return
    kept = sure_lines(read.lines, read.line_conf, read.confidence)
    fig.paragraphs = paragraphs_of(kept)
    if fig.paragraphs:
        fig.confidence = round(sum(read.line_conf.get(id(ln), 0.0) for ln in kept) / len(kept) / 100.0, 3)


def _block(fig: PictureFigure) -> Figure:
    alt = [Sentence(id="", text=p, notes={}) for p in fig.paragraphs]
    return Figure(alt=alt, page=fig.page, lang=fig.lang if alt else None, confidence=fig.confidence,
                  doubt=DOUBT if alt else None, role="picture")


def kept_figures(figures: list[PictureFigure], reports: list[PageReport] | tuple[PageReport, ...] = ()) -> list[PictureFigure]:
    """The figures that stay: a text-layer page's not on a page the OCR read whole after all (its reading holds
    the picture), no decoration (a box found on :data:`REPEATED` pages or more)."""
    ocr_pages = {r.page for r in reports if r.method != "text"}
    pages: dict[tuple[int, int, int, int], set[int]] = {}
    for f in figures:
        pages.setdefault(f.key, set()).add(f.page)
    return [f for f in figures if (f.from_scan or f.page not in ocr_pages) and len(pages[f.key]) < REPEATED]


def _lines_of(g: _Group) -> list[TextLine]:
    return list(g.lines) if g.lines else []


def _above(g: _Group, page: int, extent: Rect) -> bool | None:
    """Does group ``g`` read before a row of figures on ``page`` spanning ``extent``: True above it in its column,
    False below it, None elsewhere (another page or column, no lines)."""
    lines = [ln for ln in _lines_of(g) if ln.page == page]
    if not lines:
        return None
    x0, top, x1, bottom = extent
    if not any(min(x1, ln.x1) - max(x0, ln.x0) > 0 for ln in lines):
        return None
    mid = sum((ln.top + ln.bottom) / 2 for ln in lines) / len(lines)
    return mid < (top + bottom) / 2


def _rows(figures: list[PictureFigure]) -> list[list[PictureFigure]]:
    """The figures of one page in rows: pictures side by side (their heights overlapping by half) are one row."""
    rows: list[list[PictureFigure]] = []
    for f in sorted(figures, key=lambda f: (f.rect[1], f.rect[0])):
        for row in rows:
            r = row[0].rect
            overlap = min(r[3], f.rect[3]) - max(r[1], f.rect[1])
            if overlap > 0.5 * min(r[3] - r[1], f.rect[3] - f.rect[1]):
                row.append(f)
                break
        else:
            rows.append([f])
    return rows


def _page_of(g: _Group) -> int | None:
    if g.lines:
        return g.lines[0].page
    return g.table.page if g.table is not None else None


def place_figures(groups: list[_Group], figures: list[PictureFigure], reports: list[PageReport] | tuple[PageReport, ...] = ()) -> list[_Group]:
    """``groups`` with a group for each kept figure (:func:`kept_figures`), holding its :class:`Figure` block as a
    table group holds its table. Pictures side by side are one row, read in the page's direction; a row goes after
    the last group of its page above it in its columns (the row's width); failing that, before the first one below
    it; failing that, after the page's last group."""
    kept = kept_figures(figures, reports)
    if not kept:
        return groups
    out = list(groups)
    by_page: dict[int, list[PictureFigure]] = {}
    for f in kept:
        by_page.setdefault(f.page, []).append(f)
    for page in sorted(by_page):
        rtl = by_page[page][0].lang == "ar"
        for row in _rows(by_page[page]):
            extent = (min(f.rect[0] for f in row), min(f.rect[1] for f in row), max(f.rect[2] for f in row), max(f.rect[3] for f in row))
            at = first_below = last_on_page = None
            for k, g in enumerate(out):
                p = _page_of(g)
                if p is None or p < page:
                    continue
                if p > page:
                    break
                last_on_page = k
                side = _above(g, page, extent) if g.lines else None
                if side is True:
                    at = k + 1
                elif side is False and first_below is None:
                    first_below = k
            if at is None:
                at = first_below if first_below is not None else (last_on_page + 1 if last_on_page is not None else _page_start(out, page))
            while at < len(out) and not out[at].lines and isinstance(out[at].table, Figure) and _page_of(out[at]) == page:
                at += 1  # after the rows placed there before (higher on the page)
            for f in sorted(row, key=lambda f: f.rect[0], reverse=rtl):
                out.insert(at, _Group(kind="table", table=_block(f)))  # type: ignore[arg-type]  # groups_to_blocks adds it as it is
                at += 1
    return out


def _page_start(groups: list[_Group], page: int) -> int:
    for k, g in enumerate(groups):
        p = _page_of(g)
        if p is not None and p > page:
            return k
    return len(groups)
