"""Page furniture: running headers and footers, page numbers.

They are printed on every page but are not part of the text: left in the body they cut
paragraphs at every page break and come back in the narration, the braille and the
captions on every page. They are taken out of the lines and kept in the document as
:class:`~transform.model.Furniture` (page, kind, text).

* **Page numbers**: a line in the top or bottom margin that is only a page number, in
  Western or Arabic-Indic digits (``3``, ``- 3 -``, ``Page 3 sur 12``, ``3/12``,
  ``الصفحة 3``, ``٣``), or the two folios of a double spread on one line (``6• •7``).
* **Running headers and footers**: a margin line whose text, digits aside (so
  ``BULLETIN OFFICIEL 2505`` matches ``BULLETIN OFFICIEL 2506``), comes back at about the
  same height on at least 40 % of the pages (two pages at least; odd and even pages often
  carry different ones), or, outermost and at the same place, on three pages in a row (the header
  of one part of a bound document, :func:`_section_runs`). A legal heading or an annex label (``Annexe 3`` at the top of the
  pages of a long annexed table) is never taken for one.
* **As OCR reads them**: page numbers misread (``-1_``, ``_]-``, ``Page 2 ot 0``); a running
  line OCR cannot read at all (a calligraphed letterhead: different garbage on every page),
  found by where it stands and how unsure OCR is of it (:func:`pdf_furniture_unread._unread_rows`); a running line
  read well on one page and otherwise on the others, at the very same place (:func:`_same_place`).
* **A label on a few pages**: a short line printed word for word at the same height on two
  pages in a row (``Pages`` over the columns of a contents list, :mod:`pdf_furniture_unread`).
* **A folio on a footer's line** (``Source : Le Monde`` ... ``7``), confirmed by the folios of the
  other pages: :mod:`pdf_folio`.
* **A letterhead's contact footer** printed once (address, telephone, fax, web site at the foot
  of a decision's first or last page): :mod:`pdf_contact`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from operator import attrgetter

from ..model import Furniture
from ..structure.legal import legal_heading
from .base import TextLine
from .pdf_block_kinds import ANNEX
from .pdf_contact import contact_footer
from .pdf_folio import glued_folios
from .pdf_furniture_unread import RUN_BOTTOM, RUN_TOP, SHARE, L, _repeated_on_next_page, _unread_rows

_D = "0-9\u0660-\u0669\u06f0-\u06f9"
PAGE_NUMBER = re.compile(
    f"^(?:(?:page|p\\.|pg\\.?|صفحة|الصفحة|ص)\\s*)?[-–—()]?\\s*[{_D}]{{1,4}}\\s*[-–—()]?"
    f"(?:\\s*(?:/|sur|of|de|من)\\s*[{_D}]{{1,4}})?$",
    re.IGNORECASE,
)
# a page number as OCR may read it: ``_`` for a dash, ``]`` ``|`` ``l`` ``I`` for a 1 between dashes (``-1_``, ``_]-``)
# or ``Page 2 ot 0``, ``Page 3 إن 0`` for ``Page 2 of 10``
OCR_PAGE_NUMBER = re.compile(f"^(?:[-–—_]\\s*(?:[{_D}]{{1,3}}|[\\]\\[|lI!])\\s*[-–—_]"
                             f"|(?:page|صفحة|الصفحة)\\s*[{_D}]{{1,4}}\\s+[^\\W\\d_]{{1,3}}\\s+[{_D}]{{1,4}})$", re.IGNORECASE)
# a spread's two folios on one line, bullets or dashes about them (``6• •7``, ``- 8 -   - 9 -``): checked to be n and n + 1
FOLIO_PAIR = re.compile("^[•·\\-–—|\\s]*([0-9]{1,4})[•·\\-–—|\\s]+([0-9]{1,4})[•·\\-–—|\\s]*$")
_DIGITS = re.compile(f"[{_D}]+")
_NOT_LETTER = re.compile(r"[^\w#]+|[\d_]+")
YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")
PART_TITLE = re.compile(r"^[IVX]{1,4}\s*[-–—.]\s+(?=\w)")
# a print stamp: its label, then dates and times only (digits, separators, the calendars' marks)
PRINT_STAMP = re.compile(
    f"^(?:تاريخ\\s+الطباعة|تاريخ\\s+الطبع|طبع\\s+بتاريخ|date\\s+d['’]impression|imprimé\\s+le|édité\\s+le|printed\\s+on|print\\s+date)"
    f"\\s*:?\\s*(?:[{_D}:/.,\\-–\\s]|ه|هـ|م|مـ|الموافق|h|à|at|am|pm|le)*[{_D}](?:[{_D}:/.,\\-–\\s]|ه|هـ|م|مـ|الموافق|h|à|at|am|pm)*$",
    re.IGNORECASE,
)
_STAMP_FIRST = frozenset("تطDdIiÉéPp")  # the first letters of the stamps' labels: most lines are passed over at once
STAMP_ZONE = 0.25  # a print stamp stands in the page's top or bottom quarter (under a portal's masthead)
TOP, BOTTOM = 0.12, 0.90  # page numbers: above 12 % or below 90 % of the page height
PLACE, ALIKE = 3.0, 75  # a running line read otherwise on one page: at the same place (pt), 75 % alike
SECTION_RUN = 3  # a part's own running line (outermost, at the same place): on three pages in a row at least
_TOP_OF, _BOTTOM_OF = attrgetter("top"), attrgetter("bottom")


def in_margin(line: TextLine, height: float, top: float = TOP, bottom: float = BOTTOM) -> str | None:
    """``"header"`` or ``"footer"`` when the line lies in the top or bottom margin."""
    if line.top < top * height:
        return "header"
    if line.bottom > bottom * height:
        return "footer"
    return None


def _year_like(text: str) -> bool:
    """A bare number that reads as a year (``2013``): a page number only when the other pages agree."""
    return bool(YEAR.match(text.strip()))


def split_page_numbers(lines: list[L], height: float) -> tuple[list[L], list[L]]:
    """(lines kept, page-number lines) of one page; a bare year-like number stays (see :func:`_year_pages`)."""
    kept: list[L] = []
    numbers: list[L] = []
    top, bottom = TOP * height, BOTTOM * height
    for ln in lines:
        if ln.top < top or ln.bottom > bottom:  # in a margin (most lines are not: their text is not looked at)
            text = ln.text.strip()
            if len(text) <= 24 and not YEAR.match(text) \
                    and (PAGE_NUMBER.match(text) or OCR_PAGE_NUMBER.match(text) or _folio_pair(text)):
                numbers.append(ln)
                continue
        kept.append(ln)
    return kept, numbers


def _folio_pair(text: str) -> bool:
    """The two page numbers of a double spread printed on one line (the left page's, then the next)."""
    m = FOLIO_PAIR.match(text)
    return m is not None and int(m.group(2)) == int(m.group(1)) + 1 and not YEAR.match(m.group(1))  # not `2024 2025`


def _key(line: TextLine) -> str:
    """What identifies a running line: its letters and where its numbers stand, case folded
    (numbers change from page to page; spaces and signs are dropped, OCR misreads them:
    ``mèl : : 5 5`` / ``mèl: | 3 35``; lines that differ by a letter or two are matched by
    similarity, see :func:`_cluster`)."""
    return _NOT_LETTER.sub("", _DIGITS.sub("#", line.text.casefold()))


def split_running_lines(pages: list[list[L]], heights: list[float]) -> tuple[list[list[L]], list[Furniture]]:
    """Pages without their page numbers, running headers and footers, and those as furniture; last, a
    folio printed at the far end of a margin line that stays (:mod:`pdf_folio`)."""
    found: list[list[TextLine]] = []
    out, furniture = _split_running_lines(pages, heights, found)
    out, glued = glued_folios(out, heights, found, TOP, BOTTOM)
    if glued:
        furniture = sorted(furniture + glued, key=lambda f: f.page)
    return out, furniture


def _split_running_lines(pages: list[list[L]], heights: list[float], found: list[list[TextLine]]) -> tuple[list[list[L]], list[Furniture]]:
    """:func:`split_running_lines` but the glued folios; ``found`` receives each page's page-number lines."""
    furniture: list[Furniture] = []
    out: list[list[L]] = []
    for lines, height in zip(pages, heights, strict=False):
        kept, numbers = split_page_numbers(lines, height)
        furniture.extend(Furniture(page=ln.page, kind="page_number", text=ln.text.strip()) for ln in numbers)
        out.append(kept)
        found.append(numbers)
    out.extend(pages[len(out) :])
    top, bottom = (RUN_TOP, RUN_BOTTOM) if len(pages) < 3 else (TOP, 1.0 - TOP)
    running: set[str] = set()
    unread: set[int] = set()
    keys: dict[int, str] = {}  # a margin line's key, by id: computed once (_running_keys), read again below
    if len(pages) >= 2:
        out = _year_pages(out, heights, furniture)
        running = _running_keys(out, heights, top, bottom, keys)
        unread = _repeated_on_next_page(out, heights, top, bottom)
    unread |= _unread_rows(out, heights)
    stamps = _print_stamps(out, heights)
    tabs = _side_tabs(out) if len(pages) >= 2 else set()
    contacts = {id(ln) for lines, height in zip(out, heights, strict=False) for ln in contact_footer(lines, height)}
    if not running and not unread and not stamps and not tabs and not contacts:
        return out, furniture
    if running or unread:
        unread |= _same_place(out, keys, running, unread)
    final: list[list[L]] = []
    marked = stamps | tabs | contacts
    for lines, height in zip(out, heights, strict=False):
        kept = []
        high, low, run_high, run_low = top * height, bottom * height, RUN_TOP * height, RUN_BOTTOM * height
        for ln in lines:
            if id(ln) not in marked and not (ln.top < high or ln.bottom > low or ln.top < run_high or ln.bottom > run_low):
                kept.append(ln)  # in no margin and marked by no test (most lines): in_margin's tests, written out
                continue
            kind = in_margin(ln, height, top, bottom) or in_margin(ln, height, RUN_TOP, RUN_BOTTOM)
            if id(ln) in stamps:
                kind = in_margin(ln, height, STAMP_ZONE, 1.0 - STAMP_ZONE)
            if id(ln) in tabs:
                furniture.append(Furniture(page=ln.page, kind="header", text=ln.text.strip()))
            elif id(ln) in contacts:
                furniture.append(Furniture(page=ln.page, kind="footer", text=ln.text.strip()))
            elif kind and ((keys.get(id(ln)) or _key(ln)) in running or id(ln) in unread or id(ln) in stamps):
                furniture.append(Furniture(page=ln.page, kind=kind, text=ln.text.strip()))
            else:
                kept.append(ln)
        final.append(kept)
    final.extend(out[len(final) :])
    furniture.sort(key=lambda f: f.page)
    return final, furniture


def _running_keys(pages: list[list[L]], heights: list[float], top: float, bottom: float, keys: dict[int, str] | None = None) -> set[str]:
    """Keys (:func:`_key`) of the margin lines that come back at about the same height on at least
    40 % of the pages (two at least), legal headings and annex labels aside; ``keys`` receives the
    key of each margin line looked at, by the line's id (the caller reads them again)."""
    seen: dict[str, list[tuple[int, float]]] = defaultdict(list)
    legal: set[str] = set()  # keys of lines that are legal headings ("Article 13" at the top of a page)
    for p, (lines, height) in enumerate(zip(pages, heights, strict=False)):
        high, low = top * height, bottom * height  # in_margin's bounds, once per page
        for ln in lines:
            if (ln.top < high or ln.bottom > low) and len(ln.text) <= 150:
                key = _key(ln)
                if keys is not None:
                    keys[id(ln)] = key
                if len(key) >= 3:
                    seen[key].append((p, ln.top))
                    if _structural(ln.text):
                        legal.add(key)  # an annex label ("Annexe 1"...) or a numbered part's title at the top of its pages too
    clusters = _cluster(seen)
    need = max(2, round(SHARE * len(pages) + 0.49))
    running: set[str] = set()
    for keys in clusters:
        where = [w for k in keys for w in seen[k]]
        if len({p for p, _ in where}) < need or any(k in legal for k in keys):
            continue
        tops = sorted(t for _, t in where)
        mid = tops[len(tops) // 2]
        same = {p for p, t in where if abs(t - mid) <= 10}
        if len(same) >= need and _page_pattern(same):  # at the same height, page after page
            running.update(keys)
    return running | (_section_runs(pages, heights, top, bottom) - legal)


def part_title(text: str) -> bool:
    """A numbered part's title: a Roman number, a dash or a point, then a title in capitals (``III – ÉTATS FINANCIERS
    III`` in the framed title block over each page of a statement's third part): the document's structure, printed
    again over each page of its part, never a running line, however many pages the part fills."""
    m = PART_TITLE.match(text)
    if m is None:
        return False
    letters = [c for c in text[m.end():] if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _structural(text: str) -> bool:
    """A legal heading, an annex label or a numbered part's title: a heading, wherever it is printed."""
    return legal_heading(text) is not None or ANNEX.match(text.strip()) is not None or part_title(text.strip())


def _page_pattern(pages: set[int]) -> bool:
    """Whether the pages (0-based indexes) holding a repeated line follow a running line's pattern: two pages
    in a row at least, or pages of one parity (odd and even pages carry their own). A letterhead printed on
    the first page of each part of a scanned file (pages 1 and 4 of four, the list annexed to a decision
    opening on its own letterhead) follows none: it is the parts' text, not furniture."""
    return any(p + 1 in pages for p in pages) or len({p % 2 for p in pages}) == 1


def _same_place(pages: list[list[L]], keys: dict[int, str], running: set[str], taken: set[int]) -> set[int]:
    """Margin lines printed exactly where a running line stands on another page (top, left and right
    edges within 3 pt) and read a little differently (a letter or two of a scanned letterhead OCR
    read otherwise on each page: 75 % alike instead of 90 %): the same running line. Legal headings
    stay. Returns the ids of those lines."""
    from rapidfuzz import fuzz

    boxes: list[tuple[float, float, float, str]] = []
    rest: list[tuple[L, str]] = []
    for lines in pages:
        for ln in lines:
            key = keys.get(id(ln))
            if key is None:
                continue
            if key in running or id(ln) in taken:
                boxes.append((ln.top, ln.x0, ln.x1, key))
            elif len(key) >= 3:
                rest.append((ln, key))
    found: set[int] = set()
    for ln, key in rest:
        for top, x0, x1, other in boxes:
            if abs(ln.top - top) <= PLACE and abs(ln.x0 - x0) <= PLACE and abs(ln.x1 - x1) <= PLACE \
                    and fuzz.ratio(key, other) >= ALIKE and not _structural(ln.text):
                found.add(id(ln))
                break
    return found


def _section_runs(pages: list[list[L]], heights: list[float], top: float, bottom: float) -> set[str]:
    """Keys of the running lines of one part of a document (a report bound with others, each with its
    own header: too few pages for the share above): the outermost line of the top or bottom margin,
    printed word for word (digits aside) at the same place (within 3 pt) on at least three pages in a
    row, not ending a sentence. A section title repeated over its pages under such a line is not
    outermost, and the signatory closing each order of a Bulletin's pages ends with a full stop: they stay. The page's
    lowest line counts only when it stands in the bottom margin: on a page whose body is all table (its lines go to the
    table), a statement's title under the running header is the lowest line left, in the top margin, and stays."""
    runs: dict[str, tuple[int, float, float, int]] = {}  # key -> (last page index, top, left, pages in a row)
    found: set[str] = set()
    for p, (lines, height) in enumerate(zip(pages, heights, strict=False)):
        if len(lines) < 2:
            continue
        for side, edge in (("header", min(lines, key=_TOP_OF)), ("footer", max(lines, key=_BOTTOM_OF))):
            text = edge.text.rstrip()
            # the page's lowest line is the bottom margin's outermost only when it stands in the bottom margin: on a page
            # whose body is all table, it may be the title under the running header, in the top margin
            if in_margin(edge, height, top, bottom) != side or len(text) > 150 or text.endswith((".", ":", ";", "،", "؛")):
                continue  # a sentence's end: the signatory each order of a Bulletin's pages ends with (``AZZEDDINE El MIDAOUI.``)
            key = _key(edge)
            if len(key) < 3:
                continue
            last, at, left, count = runs.get(key, (-2, 0.0, 0.0, 0))
            same = last == p - 1 and abs(at - edge.top) <= 3.0 and abs(left - edge.x0) <= 3.0
            runs[key] = (p, edge.top, edge.x0, count + 1 if same else 1)
            if count + 1 >= SECTION_RUN and same:
                found.add(key)
    return found


def _side_tabs(pages: list[list[L]]) -> set[int]:
    """Ids of the rotated lines (set upright along a page edge: taller than three times their width) whose text
    comes back along the same edge (within 10 pt across, 60 pt along it) on at least 40 % of the pages, two at least: a magazine's
    section tab (``Dossier``), a download notice printed along the margin."""
    seen: dict[str, list[L]] = defaultdict(list)
    for lines in pages:
        for ln in lines:
            width = ln.x1 - ln.x0
            if ln.bottom - ln.top > 3.0 * (1.0 if 1.0 > width else width):  # max(width, 1.0) written out
                key = _key(ln)
                if len(key) >= 3:
                    seen[key].append(ln)
    need = max(2, round(SHARE * len(pages) + 0.49))
    out: set[int] = set()
    for found in seen.values():
        if len({ln.page for ln in found}) < need:
            continue
        first = found[0]
        same = [ln for ln in found if abs(ln.x0 - first.x0) <= 10 and abs(ln.top - first.top) <= 60]
        if len({ln.page for ln in same}) >= need:
            out.update(id(ln) for ln in same)
    return out


def _print_stamps(pages: list[list[L]], heights: list[float]) -> set[int]:
    """The line a browser or a portal prints above or under a page to say when it was printed
    (``تاريخ الطباعة : 1446/10/11 هـ الموافق: 09/04/2025 مـ``, ``Imprimé le 08/04/2025``): no part of the
    text, even when it is printed on the first page only. Returns the ids of those lines."""
    drop: set[int] = set()
    for lines, height in zip(pages, heights, strict=False):
        high, low = STAMP_ZONE * height, (1.0 - STAMP_ZONE) * height
        for ln in lines:
            if (ln.top < high or ln.bottom > low) and ln.text[:1] in _STAMP_FIRST and len(ln.text) <= 80 and PRINT_STAMP.match(ln.text.strip()):
                drop.add(id(ln))
    return drop


def _year_pages(pages: list[list[L]], heights: list[float], furniture: list[Furniture]) -> list[list[L]]:
    """Bare year-like numbers in the margins (``2013``) that count up with the pages (a Bulletin's pages
    2013, 2014...) are page numbers; the same year on two pages (a date set apart) is text."""
    found: list[tuple[int, int, L]] = []  # page index, number - page index, line
    for p, (lines, height) in enumerate(zip(pages, heights, strict=False)):
        high, low = TOP * height, BOTTOM * height  # in_margin's bounds, once per page
        for ln in lines:
            if (ln.top < high or ln.bottom > low) and _year_like(ln.text):
                found.append((p, int(ln.text.strip()) - p, ln))
    offsets: dict[int, set[int]] = defaultdict(set)
    for p, off, _ in found:
        offsets[off].add(p)
    drop = {id(ln) for p, off, ln in found if len(offsets[off]) >= 2}
    if not drop:
        return pages
    for _, _, ln in found:
        if id(ln) in drop:
            furniture.append(Furniture(page=ln.page, kind="page_number", text=ln.text.strip()))
    return [[ln for ln in lines if id(ln) not in drop] for lines in pages]


def _cluster(seen: dict[str, list[tuple[int, float]]]) -> list[list[str]]:
    """Keys that are the same line read with a few differences (OCR) go together (ratio >= 90)."""
    from rapidfuzz import fuzz, process

    clusters: list[list[str]] = []
    heads: list[str] = []  # each cluster's first key, the one a new key is compared with
    for key in sorted(seen, key=lambda k: -len(seen[k])):
        # every head at 90 or more in one call; the key joins the first of them (the earliest cluster)
        hits = process.extract(key, heads, scorer=fuzz.ratio, score_cutoff=90, limit=None) if heads else []
        if hits:
            clusters[min(h[2] for h in hits)].append(key)
        else:
            clusters.append([key])
            heads.append(key)
    return clusters
