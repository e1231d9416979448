"""Display type that is not a heading, and display titles cut at a comma (passes of :func:`pdf_headings.refine_headings`).

A magazine or a brochure sets much more than its titles a size larger than its body; the size ranks take all of it
for headings. Settled here, from the blocks around each:

* **a display title cut at its comma**: a line set well larger than the body, ending with a comma (``Budget
  municipal,``), that the heading checks made a paragraph for that comma, right over a heading on its page that
  opens in small letters (``responsabilité et détermination``), is the first part of that title: one heading;
* **a list set large**: a heading opening with a bullet glyph that holds another bulleted line, or that stands in a
  run of blocks opening with bullets (a box's ``• Inflation ...`` / ``• Injuste, ...``, a column of
  ``• Accélération du plan de transition énergétique`` / ``• Sobriété, allégement de nos factures``), is a list: an
  item from each bulleted line, a block between two bullets that opens in small letters or follows a line ending
  with a comma (``maintien des services existants`` in a bolder face) goes on with its item;
* **a title beside another block**: the reading order goes by heights, so a display title and a callout printed
  side by side come line by line in turn (``LES DÉPENSES`` / ``Au service`` / ``EN FONCTIONNEMENT`` /
  ``16,279 millions ...`` / ``du quotidien``); a heading line that the block beside it parted from the heading
  line above it (aligned with it, at line spacing, set at its size and weight or opening in small letters) is put
  back right under it, where the joins of titles find it (both after the blocks beside them when those are on the
  side read first);
* **a lead or a quotation set in bold, a little larger**: a bold heading of two lines or more and twelve words or
  more, set under PLAIN_SENTENCE times the body, that ends with a full stop is a paragraph (a magazine's standfirst
  ``Dernier filet de sécurité ... vecteurs de vivre-ensemble.``, a pull quote ending ``... priorités nouvelles ».``);
* **an infographic's key figure**: a short bold label at about the body's size over a number set much larger (``IMPÔTS
  LOCAUX`` / ``+1%``), with the small type around it, is one paragraph (:func:`key_figures`);
* **a title printed as a picture**: a line or two read by OCR from a picture of text on a text-layer page
  (:mod:`pdf_picture_text` finds only line-high pictures in the text's holes or over its first line), short and not
  ending like a sentence, with text under it on its page, is a heading (:func:`picture_titles`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import FULL_STOP, MAX_HEADING_WORDS, SENTENCE_END, TEXT_TITLE
from .pdf_heading_drops import PLAIN_SENTENCE, _all_bold
from .pdf_title_runs import _baseline, _ocr, _page

if TYPE_CHECKING:
    from .pdf_blocks import _Group

DISPLAY = 1.5  # a display line is set at least this many times the body
LEAD_WORDS = 12  # a bold block of this many words ending with a full stop is a lead or a quote, not a title
_BULLET = re.compile(r"^[•◦▪●■‣∙]\s*(?=\S)")


def comma_titles(groups: list[_Group]) -> list[_Group]:
    """A display line ending with a comma over the rest of its title in small letters: one heading (see the module)."""
    out: list[_Group] = []
    i = 0
    while i < len(groups):
        g = groups[i]
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        if (nxt is not None and g.kind == "paragraph" and g.legal is None and len(g.lines) == 1 and not g.note
                and g.body and g.size >= DISPLAY * g.body and g.lines[0].text.rstrip().endswith(",")
                and nxt.kind == "heading" and nxt.legal is None and nxt.lines and nxt.rtl == g.rtl
                and _page(nxt) == g.lines[0].page and len(nxt.lines) <= 2
                and nxt.lines[0].text.strip()[:1].isalpha() and nxt.lines[0].text.strip()[:1].islower()
                and 0 < _baseline(nxt.lines[0]) - _baseline(g.lines[0]) <= 2.2 * g.size):
            g.kind = "heading"
            g.lines.extend(nxt.lines)
            g.level = min(g.level or nxt.level, nxt.level or g.level)
            out.append(g)
            i += 2
            continue
        out.append(g)
        i += 1
    return out


BESIDE = 3  # blocks printed beside a title that may part two of its lines


def _apart(a: _Group, b: _Group) -> bool:
    """Are the two blocks side by side (no overlap across)?"""
    return max(ln.x1 for ln in a.lines) <= min(ln.x0 for ln in b.lines) or min(ln.x0 for ln in a.lines) >= max(ln.x1 for ln in b.lines)


def _same_title(h: _Group, g: _Group) -> bool:
    """Is heading ``g`` the next line of heading ``h`` (see the module)?"""
    a, b = h.lines[-1], g.lines[0]
    size = max(h.size, g.size, 1.0)
    first = b.text.strip()
    aligned = abs(a.x0 - b.x0) <= 0.5 * size or abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= 1.0 * size
    same = abs(h.size - g.size) <= 0.5 and all(ln.bold for ln in h.lines + g.lines)
    small = first[:1].isalpha() and first[:1].islower()
    return (aligned and (same or small) and not FULL_STOP.search(a.text) and b.top >= a.bottom - 0.2 * size
            and 0 < _baseline(b) - _baseline(a) <= (1.6 if same else 2.2) * size)


def side_by_side(groups: list[_Group]) -> list[_Group]:
    """Heading lines parted by a block printed beside them, put back under the line above them (see the module)."""
    out: list[_Group] = []
    for g in groups:
        at = None
        if g.kind == "heading" and g.legal is None and g.lines and not _ocr(g) and len(out) >= 2 and out[-1].lines \
                and _page(out[-1]) == _page(g) and _apart(out[-1], g):
            for j in range(len(out) - 2, max(-1, len(out) - 2 - BESIDE), -1):
                h = out[j]
                if not h.lines or _page(h) != _page(g) or not _apart(out[j + 1], g):
                    break
                if h.kind == "heading" and h.legal is None and h.rtl == g.rtl and _same_title(h, g):
                    at = j
                    break
        if at is None:
            out.append(g)
        elif all(_first_side(b, out[at]) for b in out[at + 1:]):
            out.append(out.pop(at))  # the blocks beside it are read first (left of it, or right of it in Arabic)
            out.append(g)
        else:
            out.insert(at + 1, g)
    return out


def _first_side(b: _Group, h: _Group) -> bool:
    """Is block ``b``, beside heading ``h``, on the side read first (left of it, right of it for a right-to-left title)?"""
    if h.rtl:
        return min(ln.x0 for ln in b.lines) >= max(ln.x1 for ln in h.lines)
    return max(ln.x1 for ln in b.lines) <= min(ln.x0 for ln in h.lines)


def _bulleted(g: _Group) -> bool:
    return bool(g.lines) and g.legal is None and g.kind in ("heading", "paragraph", "item") and bool(_BULLET.match(g.lines[0].text))


def _goes_on(prev: _Group, g: _Group) -> bool:
    """Does block ``g``, under the bulleted block ``prev`` on its page and not bulleted, go on with its last item?"""
    if not g.lines or g.legal is not None or g.kind not in ("heading", "paragraph") or g.rtl != prev.rtl \
            or _page(g) != prev.lines[-1].page or len(g.lines) > 4:
        return False
    first = g.lines[0].text.strip()
    gap = _baseline(g.lines[0]) - _baseline(prev.lines[-1])
    return 0 < gap <= 2.0 * max(g.size, prev.size, 1.0) and abs(g.lines[0].x0 - prev.lines[0].x0) <= max(g.size, 2.0) * 2 \
        and (prev.lines[-1].text.rstrip().endswith(",") or (first[:1].isalpha() and first[:1].islower()))


def bullet_runs(groups: list[_Group]) -> list[_Group]:
    """Headings that open with a bullet glyph and are in fact a list set large: items (see the module)."""
    from .pdf_block_group import _Group, _with_text

    runs: list[tuple[int, int]] = []  # [start, end) of each run of bulleted blocks and the blocks going on with them
    i = 0
    while i < len(groups):
        if not _bulleted(groups[i]):
            i += 1
            continue
        j, bullets = i + 1, 1
        while j < len(groups):
            if _bulleted(groups[j]) and _page(groups[j]) == groups[j - 1].lines[-1].page:
                bullets += 1
            elif not _goes_on(groups[j - 1], groups[j]):
                break
            j += 1
        run = groups[i:j]
        inner = sum(1 for g in run for ln in g.lines if _BULLET.match(ln.text))
        if any(g.kind == "heading" for g in run) and (bullets >= 2 or inner >= 2) and not any(_ocr(g) for g in run):
            runs.append((i, j))
        i = j
    if not runs:
        return groups
    out: list[_Group] = []
    at = 0
    for i, j in runs:
        out.extend(groups[at:i])
        for g in groups[i:j]:
            for ln in g.lines:
                if _BULLET.match(ln.text) or out[-1].kind != "item":
                    out.append(_Group(kind="item", lines=[], size=g.size, rtl=g.rtl, indent=g.indent, body=g.body,
                                      bold_level=g.bold_level))
                    ln = _with_text(ln, _BULLET.sub("", ln.text, count=1))
                out[-1].lines.append(ln)
        at = j
    out.extend(groups[at:])
    return out


def bold_leads(groups: list[_Group]) -> None:
    """A bold heading of two lines or more, LEAD_WORDS words or more, set a little larger than the body and ending
    with a full stop: a lead or a quotation, a paragraph (see the module)."""
    for g in groups:
        if (g.kind == "heading" and g.legal is None and len(g.lines) >= 2 and _all_bold(g) and not _ocr(g)
                and g.body and g.size < PLAIN_SENTENCE * g.body and len(g.text.split()) >= LEAD_WORDS
                and FULL_STOP.search(g.lines[-1].text) and not TEXT_TITLE.match(g.text.lstrip("«\"“ "))):
            g.kind = "paragraph"


# a key figure alone on its line: a number (a sign, separators, decimals) and maybe its unit ("+1%", "476 €", "25 M d'€")
_FIGURE = re.compile(r"^[+\-−]?\s?\d[\d\s\u00a0\u202f.,]*\s?(?:%|€|\$|M|Md|k€|M€|MDH|DH|DA|d['’]€|M\s?d['’]€|درهم)?\s*$")
KEY_FIGURE = 1.8  # a key figure is set at least this many times its label's size
KEY_GAP = 3.0  # label sizes between the blocks of one key figure


def _figure(text: str) -> bool:
    return bool(_FIGURE.match(text.strip())) and any(c.isdigit() for c in text)


def _figure_after(groups: list[_Group], i: int, size: float) -> bool:
    """Is a key figure (a number alone set KEY_FIGURE times ``size``) printed right under block ``i``, with at most one
    block of small type (under ``size``) between them?"""
    page = _page(groups[i])
    for h in groups[i + 1:i + 3]:
        if h.kind not in ("paragraph", "heading") or not h.lines or _page(h) != page or h.legal is not None:
            return False
        if len(h.lines) == 1 and _figure(h.text) and h.size >= KEY_FIGURE * size:
            return True
        if h.kind != "paragraph" or h.size >= size:
            return False
    return False


def _gathered(groups: list[_Group], i: int) -> list[_Group]:
    """The blocks after a key figure's label that belong to it: paragraphs of small type and the figure itself, on
    its page, each at most KEY_GAP label sizes under the one before."""
    g = groups[i]
    out: list[_Group] = []
    last = g.lines[-1]
    for h in groups[i + 1:]:
        figure = len(h.lines) == 1 and _figure(h.text)  # read as a heading by its size, maybe
        if h.kind not in ("paragraph", "heading") or (h.kind == "heading" and not figure) or not h.lines \
                or h.legal is not None or h.note or _page(h) != _page(g) or not (h.size < g.size or figure) \
                or not 0 <= h.lines[0].top - last.bottom <= KEY_GAP * g.size:
            break
        out.append(h)
        last = h.lines[-1]
    return out


def key_figures(groups: list[_Group]) -> list[_Group]:
    """An infographic's key figures are no headings: a short bold heading at about the body's size (``IMPÔTS LOCAUX``,
    ``LA DETTE/HABITANT``) right over a number set much larger (``+1%``, ``476 €``; a line of small type may come
    between) labels that figure: it is one paragraph with the figure and the small type around it (``LE CONSEIL
    MUNICIPAL A VOTÉ`` / ``+1%`` / ``EN FONCIER BÂTI``). A heading whose last line is such a figure under its label
    (``UN BUDGET DE`` / ``25 M d'€``) is split there: the line set apart above the label (``EN CHIFFRES``, the box's
    title) stays the heading."""
    from .pdf_block_group import _Group

    out: list[_Group] = []
    skip: set[int] = set()
    for i, g in enumerate(groups):
        if id(g) in skip:
            continue
        out.append(g)
        if g.kind != "heading" or g.legal is not None or not g.lines or _ocr(g) or not _all_bold(g) or not g.body:
            continue
        lines = g.lines
        if len(lines) >= 2 and _figure(lines[-1].text) and lines[-1].size >= KEY_FIGURE * lines[-2].size \
                and not _figure(lines[-2].text):
            label = lines[:-1]
            if len(label) >= 2 and label[1].top - label[0].bottom > label[0].bottom - label[0].top:
                g.lines = label[:1]  # the box's title, set apart above the first label
                rest = _Group(kind="paragraph", lines=label[1:] + lines[-1:], size=g.size, rtl=g.rtl, indent=g.indent,
                              body=g.body, bold_level=g.bold_level)
                out.append(rest)
                more = _gathered([rest, *groups[i + 1:]], 0)
            else:
                g.kind, g.level, rest = "paragraph", 0, g
                more = _gathered(groups, i)
        elif len(lines) == 1 and len(g.text.split()) <= 4 and g.size <= 1.2 * g.body and _figure_after(groups, i, g.size):
            g.kind, g.level, rest = "paragraph", 0, g
            more = _gathered(groups, i)
        else:
            continue
        for h in more:
            rest.lines.extend(h.lines)
            skip.add(id(h))
    return out


def picture_titles(groups: list[_Group]) -> None:
    """The titles printed as pictures of the module docstring: headings at the bold heading level."""
    from .pdf_picture_text import from_picture

    for i, g in enumerate(groups[:-1]):
        nxt = groups[i + 1]
        if (g.kind == "paragraph" and g.legal is None and not g.note and 1 <= len(g.lines) <= 2
                and all(from_picture(ln) for ln in g.lines) and 2 <= len(g.text.split()) <= MAX_HEADING_WORDS
                and not SENTENCE_END.search(g.text) and nxt.lines and _page(nxt) == _page(g)
                and nxt.kind in ("paragraph", "heading", "item")):
            g.kind, g.level = "heading", g.bold_level
