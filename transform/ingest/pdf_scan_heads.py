"""Headings on OCR'd pages that the marks of a scan show and the earlier passes miss (fifteenth session).

Run at the end of :func:`pdf_heading_forms.form_headings`, on OCR'd groups only (first a scan's title page, a season
under a title, a part's title over an article and a series' titles, :mod:`pdf_scan_titles`; a bulleted line inside a
block, :mod:`pdf_scan_items`):

* **a text's title with its blanks filled by hand**: a block of at most TITLE_LINES lines set at least TITLE_RATIO
  times the body, its first line read fairly sure and opening with the kind of an official text (``قرار لوزير ... رقم
  ......... 4104 صادر بتاريخ .........``): its number and date are written over dotted blanks, which do not make it a
  form's line; a heading again;
* **a colon read as a full stop under an underline**: an underlined line of a few words at the start edge whose only
  end mark is one full stop (the colon's lower dot runs into the rule, ``الوثائق المطلوبة للترشح.``) and that opens
  a run of underlined headings or items further in is a title, like an underlined line ending with a colon;
* **a title in capitals alone on its centred line** (``PREAMBULE``), under a heading of its page and over a body
  paragraph of several lines: a heading one level under the heading above;
* **an article whose number OCR misread** (``المادة nl لى:``, ``Article prernier``): a short heading opening with the
  unit's word, under a text's title heading, is one level under that title (an article, not a second title);
* **a form's label over its fields**: a line of at most LABEL_WORDS words ending with a colon, with no dot leader after
  it, over at least FIELDS lines at its start edge that a leader follows (``Personnes physiques :`` over ``Nom et prénom
  : ......``; :mod:`transform.ocr.fills` marks them; a field's line ends its block), is a heading one level under the heading above it on its page
  (the next such label, after the fields of the first, is its sibling); the label stands right under that heading;
  a heading of one line that a leader follows is a field, a paragraph;
* **levels by indentation**: an underlined heading at body size standing in from the start edge by at least INDENT
  sizes more than the underlined heading above it on its page is one level under it (a notice's ``❖`` sub-titles under
  its part's title).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import SENTENCE_END
from .pdf_heading_drops import _BLANK, _WORD3
from .pdf_page_titles import STATES, _plain
from .pdf_scan_items import scan_items
from .pdf_scan_titles import scan_titles
from .pdf_title_runs import MIN_CONFIDENCE, _ocr, _page

if TYPE_CHECKING:
    from .pdf_blocks import _Group

TITLE_RATIO = 1.25  # a text's title is set at least this much larger than the body
TITLE_LINES = 4
STOP_WORDS = 8  # words of an underlined title whose colon was read as a full stop
CAPS_WORDS = 4  # words of a title in capitals alone on its line
CAPS_LETTERS = 4
BODY_LINES = 2  # lines of the body paragraph under such a title
INDENT = 1.0  # sizes further in than the heading above: one level under it
INK_INDENT = 0.4  # the same, measured on the ink (a title's mark included) rather than on OCR's line boxes
LABEL_WORDS = 5  # words of a form's label over its fields
FIELDS = 2  # fields under it
FIELD_IN = 3.0  # sizes the fields may stand in from their label (their bullets read as junk or lost)
ARTICLE_WORDS = 3  # words after the unit's word in an article heading whose number was misread
_KIND = re.compile(r"^[\s\-–_.0-9\u0660-\u0669]*(?:ظهير|مرسوم|قرار|منشور|مقرر|قانون|Dahir|Décret|Arrêté|Décision|Circulaire)")
_ARTICLE = re.compile(r"^[\s\-–_.]*(?:ال)?مادة\s|^article\s", re.IGNORECASE)
# a text's preamble alone on its line: the sibling of its first units, not the heading over them (pdf_block_kinds)
PREAMBLE = re.compile(r"^\s*(?:pr[ée]ambule|ديباجة|تصدير)\s*[:.]?\s*$", re.IGNORECASE)
_ONE_STOP = re.compile(r"[^\s.]\s?\.$")  # one full stop at the end (not an ellipsis)


def scan_heads(groups: list[_Group]) -> list[_Group]:
    """The passes of the module docstring, in order; returns the new list of groups."""
    if not any(_ocr(g) for g in groups):  # each pass changes OCR'd groups only: a text layer's document skips them all
        return groups
    groups = scan_titles(_cut_after_fields(groups))  # a title page's title, a season under a title, a part's title (pdf_scan_titles)
    groups = scan_items(groups)  # a bulleted line inside an OCR'd block opens an item (pdf_scan_items)
    _titles_with_blanks(groups)
    _underlined_stops(groups)
    _caps_titles(groups)
    _misread_articles(groups)
    _form_labels(groups)
    _fields_no_heads(groups)
    _indent_levels(groups)
    return groups


def _fields_no_heads(groups: list[_Group]) -> None:
    """An OCR'd heading of one line that a leader follows is a form's field (``يتم تشغيل السيد(ة): ......``)."""
    for g in groups:
        if g.kind == "heading" and g.legal is None and len(g.lines) == 1 and _ocr(g) and _filled(g):
            g.kind = "paragraph"


def _cut_after_fields(groups: list[_Group]) -> list[_Group]:
    """An OCR'd paragraph whose line before its last is a field (a leader follows it, filling its row) ends there: the
    next line opens a block of its own (``Adresse : ......`` / ``Personnes morales :``)."""
    from .pdf_block_group import _Group

    out: list[_Group] = []
    for g in groups:
        cuts = [k + 1 for k, ln in enumerate(g.lines[:-1]) if getattr(ln, "fill", False)] \
            if g.kind == "paragraph" and g.legal is None and len(g.lines) >= 2 and _ocr(g) else []
        if not cuts:
            out.append(g)
            continue
        for a, b in zip([0, *cuts], [*cuts, len(g.lines)], strict=True):
            out.append(_Group(kind="paragraph", lines=g.lines[a:b], size=g.size, rtl=g.rtl, indent=g.indent if a == 0 else 0.0,
                              body=g.body, bold_level=g.bold_level))
    return out


def _conf(g: _Group) -> float:
    return min((ln.confidence for ln in g.lines if ln.confidence is not None), default=1.0)


def _start(g: _Group) -> float:
    """Where the group's first line starts: its right edge in Arabic, its left edge otherwise."""
    ln = g.lines[0]
    return -ln.x1 if g.rtl else ln.x0


def _ink_start(g: _Group) -> float:
    """Where the group's first line's ink starts on the page image (a title's mark OCR dropped or misread included:
    ocr/ink_starts.py), as :func:`_start` counts it; the line box's edge where the ink was not measured."""
    ink = g.lines[0].ink
    if ink is None:
        return _start(g)
    return -ink[1] if g.rtl else ink[0]


def _titles_with_blanks(groups: list[_Group]) -> None:
    for g in groups:
        if g.kind == "paragraph" and g.legal is None and not g.note and g.lines and _ocr(g) and g.body \
                and len(g.lines) <= TITLE_LINES and g.size >= TITLE_RATIO * g.body \
                and (g.lines[0].confidence or 1.0) >= MIN_CONFIDENCE and _KIND.match(g.lines[0].text.strip()) \
                and _BLANK.search(g.text):
            g.kind, g.level = "heading", g.level or g.bold_level


def _underlined_stops(groups: list[_Group]) -> None:
    for i, g in enumerate(groups):
        if g.kind not in ("paragraph", "item") or g.legal is not None or g.note or len(g.lines) != 1 or not _ocr(g) \
                or not g.lines[0].underline or _conf(g) < MIN_CONFIDENCE:
            continue
        text = g.text.strip()
        words = text.split()
        if not (2 <= len(words) <= STOP_WORDS and _ONE_STOP.search(text) and _WORD3.search(text)) \
                or SENTENCE_END.search(text[:-1].rstrip()) or "." in text[:-1]:
            continue
        nxt = next((h for h in groups[i + 1:i + 4] if h.lines and _page(h) == _page(g) and _conf(h) >= MIN_CONFIDENCE
                    and h.lines[0].top > g.lines[0].top), None)
        size = max(g.size, 1.0)
        if nxt is not None and nxt.kind in ("heading", "item") and nxt.lines[0].underline and nxt.rtl == g.rtl \
                and _start(nxt) >= _start(g) + INDENT * size:
            g.kind, g.level = "heading", g.bold_level


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= CAPS_LETTERS and all(c.isupper() for c in letters)


def _caps_titles(groups: list[_Group]) -> None:
    for prev, g, nxt in zip(groups, groups[1:], groups[2:], strict=False):
        if not (g.kind == "paragraph" and g.legal is None and not g.note and len(g.lines) == 1 and _ocr(g) and g.centred
                and prev.kind == "heading" and prev.lines and _page(prev) == _page(g)
                and nxt.kind == "paragraph" and len(nxt.lines) >= BODY_LINES and _page(nxt) == _page(g) and not nxt.centred):
            continue
        text = g.text.strip()
        if len(text.split()) <= CAPS_WORDS and _caps(text) and not SENTENCE_END.search(text) \
                and _conf(g) >= MIN_CONFIDENCE and _plain(text) not in STATES:
            g.kind, g.level = "heading", min(6, (prev.level or g.bold_level) + 1)


def _misread_articles(groups: list[_Group]) -> None:
    title = None
    for g in groups:
        if g.kind != "heading" or not g.lines:
            continue
        if _KIND.match(g.lines[0].text.strip()) and len(g.lines) >= 2:
            title = g
        elif title is not None and g.legal is None and _ocr(g) and len(g.lines) == 1 and _ARTICLE.match(g.text.strip()) \
                and len(g.text.split()) <= 1 + ARTICLE_WORDS and (g.level or 1) <= (title.level or 1):
            g.level = min(6, (title.level or 1) + 1)


def _filled(g: _Group) -> bool:
    return bool(g.lines) and bool(getattr(g.lines[-1], "fill", False))


def _form_labels(groups: list[_Group]) -> None:
    above: _Group | None = None  # the heading above on the page, not a label
    label: _Group | None = None  # the last label made on the page
    for i, g in enumerate(groups):
        if not g.lines:
            continue
        if above is not None and _page(above) != _page(g):
            above = label = None
        if g.kind == "heading" and g is not label:
            above, label = g, None
            continue
        prev = groups[i - 1] if i else None
        if prev is None or not (prev is above or (label is not None and _filled(prev))):
            continue  # right under the part's title, or after the fields of the label before it
        if above is None or g.kind not in ("paragraph", "item") or len(g.lines) != 1 or not _ocr(g) or _filled(g) \
                or g.legal is not None or _conf(g) < MIN_CONFIDENCE:
            continue
        text = g.text.strip()
        if not (text.endswith((":", "：")) and 2 <= len(text.split()) <= LABEL_WORDS and _WORD3.search(text)):
            continue
        size = max(g.size, 1.0)
        under = groups[i + 1:i + 1 + FIELDS]
        if len(under) == FIELDS and all(_filled(h) and _page(h) == _page(g) and h.rtl == g.rtl
                                        and -size <= _start(h) - _start(g) <= FIELD_IN * size for h in under):
            g.kind, g.level = "heading", min(6, (above.level or 1) + 1)
            label = g


def _indent_levels(groups: list[_Group]) -> None:
    page: int | None = None
    rtl = False
    seen: list[tuple[float, int]] = []  # (start, level) of the underlined headings above on the page
    for g in groups:
        if g.kind != "heading" or not g.lines or not _ocr(g) or g.legal is not None:
            continue
        if _page(g) != page:
            page, seen = _page(g), []
        if not all(ln.underline for ln in g.lines) or (g.body and g.size > 1.1 * g.body) or (seen and g.rtl != rtl):
            continue
        rtl, size, start = g.rtl, max(g.size, 1.0), _ink_start(g)
        step = (INK_INDENT if g.lines[0].ink is not None else INDENT) * size
        level = g.level or 1
        sibling = next((lv for s, lv in reversed(seen) if abs(s - start) < step), None)
        parent = next((lv for s, lv in reversed(seen) if s <= start - step), None)
        if sibling is not None and parent is not None:
            level = max(level, sibling)
        elif parent is not None:
            level = max(level, min(6, parent + 1))
        g.level = level
        seen.append((start, level))
