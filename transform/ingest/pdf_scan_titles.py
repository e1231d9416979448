"""A scanned text's title page and its parts' titles (twenty-first session; OCR'd pages only).

Run by :func:`pdf_scan_heads.scan_heads` (the end of :func:`pdf_heading_forms.form_headings`), before the first page's
levels are settled (:func:`pdf_page_titles._cover_levels`):

* **a season under its title**: a line holding only a year or a season (``2027-2026``, ``2024``, ``(2025)``) just under
  an OCR'd title's last line, on its axis, is the title's last line: OCR's size estimate of a line of digits differs
  from the letters' (digits stand taller than Arabic letters), so the line was cut off and left a paragraph;
* **a title page's lone title**: a page whose only text (specks aside: lines read at under :data:`SPECK` of the body
  size, a garbled letterhead's shadow) is one block of at most :data:`MAX_LINES` lines opening with the kind of an
  official text (``مرسوم``, ``قرار``, ``Décret``...), not ending with a colon, a comma or a semicolon, is a cover holding
  the text's title: a heading. OCR's size estimate of such a line may be far off (a paragraph of the page's tesseract
  layout holding the watermark's strokes), so the size checks of :func:`pdf_title_runs._size_cues` do not apply; a
  cover of a single line cannot be told centred against the column it makes alone;
* **a part's title on one full line over an article**: a one-line paragraph opening with the label of a part of a text
  (``الباب الأول: ...``, ``Chapitre II - ...``; a rank above the article, not ``الفصل`` which may be an article) with
  its title, not ending a sentence, right over an article's heading on its page, is that part's heading. On a text
  layer a non-bold label with a title on a line that runs to the end edge is a run-in label (``ARTICLE PREMIER. - Est
  approuvé ...``); a scan tells no weight, and a part's label does not run into its text;
* **a series' title read as a paragraph**: where two headings or more of the document open with one code and a rank
  (a council's deliberations ``20240325 3 Approbation ...``, ``20240325 4 ...``), an OCR'd paragraph of at most
  :data:`SERIES_LINES` lines and :data:`SERIES_WORDS` words that opens with the same code, a rank and a word is one
  of them (read at body size, it was not taken for a heading): a heading at their level. When it ends on a
  preposition (``... de``), a short line right under it is its end (``Rabodanges,``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..structure.legal import ARTICLE, legal_heading
from .pdf_block_kinds import SENTENCE_END, TEXT_TITLE
from .pdf_heading_drops import _OPEN_END as _OPEN_WORDS
from .pdf_title_runs import _STAMP, _ocr, _page

if TYPE_CHECKING:
    from .base import TextLine
    from .pdf_blocks import _Group

SPECK = 0.5  # a line read at under this share of the body size is a speck or a letterhead's shadow, not the page's text
MAX_LINES = 8  # lines of a title page's title
MAX_WORDS = 60
SEASON_GAP = 1.0  # sizes between a title's last line and the line of its season under it
AXIS = 2.0  # sizes between the centres of the two
_SEASON = re.compile(r"^[(\[]?\s*(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)\d\d)?\s*[)\]]?$")
_OPEN_END = re.compile(r"[:：;؛,،]\s*$")
SERIES_LINES = 3
SERIES_WORDS = 25
MIN_SERIES = 2  # headings of the document that open with one code and a rank
REST_WORDS = 4  # words of a series title's last line, read apart when the title ends on a preposition
_CODED = re.compile(r"^\s*(\d{4,})\s+(\d{1,3})\s+[^\W\d_]")  # a code of four digits or more, a rank, a word


def scan_titles(groups: list[_Group]) -> list[_Group]:
    """The passes of the module docstring, in order; returns the new list of groups."""
    groups = _season_lines(groups)
    _lone_titles(groups)
    _parts_over_units(groups)
    return _series_titles(groups)


def _axis(line: TextLine) -> float:
    return (line.x0 + line.x1) / 2


def _season_lines(groups: list[_Group]) -> list[_Group]:
    out: list[_Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "heading" and prev.legal is None and prev.lines and _ocr(prev)
                and g.kind in ("paragraph", "heading") and g.legal is None and not g.note and len(g.lines) == 1 and _ocr(g)
                and _page(g) == prev.lines[-1].page and _SEASON.match(g.text.strip())
                and not _OPEN_END.search(prev.text)):
            last, ln = prev.lines[-1], g.lines[0]
            size = max(prev.size, 1.0)
            if 0 <= ln.top - last.bottom <= SEASON_GAP * size and abs(_axis(ln) - _axis(last)) <= AXIS * size:
                prev.lines.append(ln)
                continue
        out.append(g)
    return out


def _speck(g: _Group) -> bool:
    return bool(g.lines) and bool(g.body) and all(ln.size < SPECK * g.body for ln in g.lines)


def _lone_titles(groups: list[_Group]) -> None:
    pages: dict[int | None, list[_Group]] = {}
    for g in groups:
        if g.kind == "table":
            pages.setdefault(None, []).append(g)  # a table: no page of its own to tell; the page is no cover then
        elif g.lines:
            pages.setdefault(_page(g), []).append(g)
    for page, gs in pages.items():
        if page is None:
            continue
        text = [g for g in gs if not _speck(g)]
        if len(text) != 1:
            continue
        g = text[0]
        words = g.text.split()
        if (g.kind in ("paragraph", "heading") and g.legal is None and not g.note and _ocr(g) and len(g.lines) <= MAX_LINES
                and len(words) <= MAX_WORDS and TEXT_TITLE.match(_STAMP.sub("", g.text.strip()))
                and not _OPEN_END.search(g.text)):
            if g.kind != "heading":
                g.kind, g.level = "heading", g.bold_level
            g.ordered = False


def _parts_over_units(groups: list[_Group]) -> None:
    for g, nxt in zip(groups, groups[1:], strict=False):
        if not (g.kind == "paragraph" and g.legal is None and not g.note and len(g.lines) == 1 and _ocr(g)
                and nxt.kind == "heading" and nxt.legal is not None and nxt.legal.rank == ARTICLE and nxt.lines
                and _page(nxt) == _page(g)):
            continue
        label = legal_heading(g.text.strip())
        if label is None or label.rank >= ARTICLE or not label.title or SENTENCE_END.search(g.text.strip()):
            continue
        g.kind, g.legal = "heading", label


def _series_titles(groups: list[_Group]) -> list[_Group]:
    codes: dict[str, list[int]] = {}
    for g in groups:
        m = _CODED.match(g.text) if g.kind == "heading" and g.legal is None and g.lines else None
        if m:
            codes.setdefault(m.group(1), []).append(g.level or 1)
    series = {code: max(set(levels), key=levels.count) for code, levels in codes.items() if len(levels) >= MIN_SERIES}
    if not series:
        return groups
    out: list[_Group] = []
    made: set[int] = set()
    for g in groups:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "heading" and id(prev) in made and len(g.lines) == 1 and g.kind == "paragraph"
                and _page(g) == _page(prev) and len(g.text.split()) <= REST_WORDS
                and prev.text.split()[-1].lower() in _OPEN_WORDS
                and 0 <= g.lines[0].top - prev.lines[-1].top <= SEASON_GAP * 2 * max(prev.size, 1.0)):
            prev.lines.extend(g.lines)  # the title ended on a preposition: its last word is on the next line
            continue
        m = _CODED.match(g.text) if g.kind == "paragraph" and g.legal is None and not g.note and g.lines else None
        if m and m.group(1) in series and len(g.lines) <= SERIES_LINES and len(g.text.split()) <= SERIES_WORDS and _ocr(g):
            g.kind, g.level = "heading", series[m.group(1)]
            made.add(id(g))
        out.append(g)
    return out
