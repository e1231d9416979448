"""Group PDF text lines into blocks: headings, paragraphs, lists (tables come from pdf_tables).

Lines come page by page in reading order (:mod:`pdf_layout` puts pages in columns in
order and gives each line its column's edges). A line goes on the current block unless
one of these says a new block starts:

* the size or direction changes (a point off the line before is no change inside a paragraph of an
  OCR'd text layer, :func:`pdf_block_runs.size_wobble`), or the baseline step is wider than the usual line pitch
  (paragraph spacing; a column double spaced throughout has its own pitch, see :mod:`pdf_block_runs`);
* the previous line ended short of its column's end edge, after sentence punctuation or
  far short (the last line of a paragraph; right to left, the end edge is the left one); after
  sentence punctuation, room for the next line's first word is short enough (ragged text);
* the line is indented past its column's start edge (a first-line indent);
* the previous line is a short bold line and this one is not (a heading line above its text);
* the line opens a list item (a bullet or a ``1.`` / ``a)`` / ``أ)`` marker; ``1- `` in plain body
  type of a text layer) or a legal unit (``المادة 2``, ``Article premier``:
  :mod:`transform.structure.legal`).
  A label whose "title" is a sentence (``ART. 2. – Le présent arrêté sera publié ...``) is run in:
  the line opens the article's paragraph, it is no heading.

A number opening a line that pdf_text read as a footnote call set small is kept as text when a month
follows it (Gregorian or Hijri, ``30 joumada I``) or when the line before announces a number
(``du``, ``points``); a length unit's exponent read as a call (``km[2]``) is written ``km²``.

A bold title centred on a few lines goes on even when its lines are spaced wider than the
text; a bare chapter label takes the centred name printed under it in another style
(``Chapitre V`` / ``Dates d'entrée en vigueur``); an annex label (``ملحق``, ``Annexe``)
stands alone above the annex's title, is a heading however small it is set, and is placed
before the table printed under it.

A paragraph goes on across a page or column break when its last line reached the end
edge without ending a sentence and the next one is not indented.

Three runs of lines make one block whatever the tests above say (:mod:`pdf_block_runs`): short
lines centred on one axis (a signatory's titles, a title's lines, in the column's middle or off
it) when the next line goes on from the one before; a line that stops where several lines of its
page stop is a full line of a narrower block, not a paragraph's last line (the columns of an
OCR'd picture that the layout did not see); a column of names set evenly one under the other.

Headings: body text is the font size that carries the most characters; larger sizes are
heading levels by rank (largest = 1, at most 3; an ornament's size is none); legal units
are headings whatever their size. Which groups end up headings, and at which level, is
decided once the lines are grouped (:mod:`pdf_block_kinds`).
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from ..model import Table
from ..structure.legal import ARTICLE, LegalLabel, legal_heading
from .base import TextLine
from .pdf_block_group import _Group, _with_text, groups_to_blocks, join_lines, median_size  # noqa: F401  (read by pdf.py, ocr/image.py, tests)
from .pdf_block_kinds import (
    ANNEX,
    MAX_HEADING_LEVELS,
    SENTENCE_END,
    _leader,
    check_headings,
    join_subtitles,
    legal_levels,
)
from .pdf_block_runs import (
    SENTENCE_STOP,
    Stops,
    column_pitches,
    entry_runs,
    full_line,
    load_group,
    own_axis,
    page_stops,
    room_left,
    size_wobble,
)
from .pdf_block_sizes import (  # noqa: F401  (_page_body, body_size, heading_sizes: read by tests)
    _features,
    _page_body,
    _pitches,
    _rtl,
    _snap_ocr_sizes,
    body_size,
    heading_sizes,
)
from .pdf_boxes import split_at_boxes
from .pdf_form_rows import split_form_rows
from .pdf_furniture import split_page_numbers, split_running_lines
from .pdf_headings import refine_headings
from .pdf_layout import Edges, reading_order
from .pdf_numbered_runs import numbered_runs
from .pdf_regions import table_slots
from .pdf_series_next import series_next
from .pdf_signature_groups import join_signature_groups

# the standard ``re`` module: these run on every line and need no Unicode properties
BULLET = re.compile(r"^[•◦▪▫●○■□‣⁃∙·❖➢➔✓\-–—*]\s*(?=\S)")  # ➔: a slide's arrow items under its bullets
BULLET_FIRST = frozenset("•◦▪▫●○■□‣⁃∙·❖➢➔✓-–—*")  # the first character BULLET takes
ORNAMENT = "*•·∙◦ \u00a0"  # what a line of stars or dots set as an ornament is made of
NUMBERED = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[\u0660-\u0669]{1,2}[.)\-]|[أبجدهوزحطي][.)\-])\s+(?=\S)")
DASHED = re.compile(r"^\d{1,2}\s?-\s+(?=[^\W\d_])")  # "1- يحدد ...": an item in plain type (a bold one titles a part)
# a day number that starts a line is no footnote call when a month follows it ("DU / 26 Janvier 1984")
MONTH_NEXT = re.compile(r"^(?:من\s+)?(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
                        r"يناير|فبراير|مارس|أبريل|ماي|يونيو|يوليو|غشت|شتنبر|أكتوبر|نونبر|دجنبر|"
                        r"محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|ذي|ذو|"
                        # the Hijri months as French texts spell them ("du 30 joumada I 1445")
                        r"mo[hu]a?rr[ae]m|safar|rab[ia]a?[ie]?|rebia?|jou?mad[ae]|rajab|rejeb|cha[aâ]bane?|ramadane?|chaou?al|"
                        r"chawwal|(?:dou|dhou|dhu|doul)\b)\b", re.IGNORECASE)
# the end of a line that announces a number: digits opening the next line are that number, not a footnote call
NUMBER_NEXT = re.compile(r"(?:^|\s)(?:du|au|le|les|des|de|et|ou|à|aux|sur|points?|n°|nos?|articles?|pages?|alinéas?)$", re.IGNORECASE)
NOT_A_MARKER = re.compile(r"^(?:(?:M|Mme|Mlle|MM|Dr|Pr|St)\.\s+\S|[A-Z]\.\s?\d)")  # "M. LISCHKA": a title, not an item "M."; "L. 2215-1": a code article
LEGAL_HINT = re.compile(r"^[«\"“(\-–—*• ]*(?:ال(?:مادة|باب|فصل|فرع|قسم|كتاب|جزء)|مادة|[AaCcSsTtLlPp][a-zA-Zéè-]{3,11}\s|[DQHN][a-zA-ZéèÈÉ]{4,9}\s|[Aa][Rr][Tt]\.)")
NAME_WORDS = 16  # the name of a unit printed under its bare label, line by line (a legal title's length)
L = TypeVar("L", bound=TextLine)


def _labels_over_tables(lines: list[L], tables: list[tuple[float, Table]]) -> list[L]:
    """An annex label printed just above a table (``Annexe 1``) goes where that table is placed (before the first
    line under the table's top): a single column keeps the text stream's order, which may hold the labels after
    the tables they title."""
    out = list(lines)
    for top, _ in sorted(tables, key=lambda t: t[0]):
        for ln in [x for x in out if 0 <= top - x.bottom <= 3.0 * max(x.height, 1.0) and ANNEX.match(x.text.strip())]:
            out.remove(ln)
            at = next((k for k, x in enumerate(out) if x.top >= top), len(out))
            out.insert(at, ln)
    return out


def drop_page_furniture(lines: list[L], page_height: float) -> list[L]:
    """Remove bare page numbers in the top or bottom margin (see :mod:`pdf_furniture`)."""
    return split_page_numbers(lines, page_height)[0]


def drop_running_lines(pages: list[list[L]], heights: list[float]) -> list[list[L]]:
    """Remove page numbers, running headers and footers (see :mod:`pdf_furniture`)."""
    return split_running_lines(pages, heights)[0]


def _start_gap(line: TextLine, edges: Edges, rtl: bool) -> float:
    """How far the line starts inside its column (its indent): from the right edge when right to left."""
    return edges.right - line.x1 if rtl else line.x0 - edges.left


def _end_gap(line: TextLine, edges: Edges, rtl: bool) -> float:
    """How far short of its column's end edge the line stops."""
    return line.x0 - edges.left if rtl else edges.right - line.x1


def _centred(line: TextLine, edges: Edges, size: float, inside: float = 1.5) -> bool:
    """Is the line centred in its column (about as far from both edges, and ``inside`` sizes inside them)?"""
    left, right = line.x0 - edges.left, edges.right - line.x1
    share = 0.15 * (left + right)  # (min and max written out, as the builtins choose: this runs for every block)
    return (right if right < left else left) > inside * size and abs(left - right) <= (share if share > 6.0 else 6.0)


def _centred_pair(a: TextLine, a_edges: Edges, b: TextLine, b_edges: Edges, size: float) -> bool:
    """Two lines of one centred title: both centred, one of them well inside the column (the longest may nearly fill it)."""
    return (_centred(a, a_edges, size, 0.3) and _centred(b, b_edges, size, 0.3)
            and (_centred(a, a_edges, size) or _centred(b, b_edges, size)))


def _marker(text: str, set_apart: bool = False) -> tuple[str, bool] | None:
    """(text without its list marker, ordered) when the line starts a list item (``1- `` only in
    plain body type of a text layer: set bold it titles a part, set small it is a footnote's number,
    and on an OCR'd page it is as often a numbered table cell read without its rules)."""
    head = text[:4]  # every marker's sign is there: a bullet first, or a ".", ")" or "-" after at most three characters
    if text[:1] not in BULLET_FIRST and "." not in head and ")" not in head and "-" not in head:
        return None  # most lines
    m = BULLET.match(text)
    if m and text[m.end():].strip(ORNAMENT):  # an ornament's stars (``* *``) open no item
        return text[m.end():].strip(), False
    m = NUMBERED.match(text)
    if (m and not NOT_A_MARKER.match(text) and not _roman_part(text)) or (not set_apart and DASHED.match(text)):
        return text, True  # keep numbers: they carry meaning ("1." "أ)")
    return None


def _roman_part(text: str) -> bool:
    """A part's Roman number before its title in capitals (``I. IDENTITE DE L'AGENT ...``, ``V. NATURE ...``): a
    heading's number, not an item ``I.`` or ``V.`` of a list lettered A, B, C."""
    if text[:1] not in "IVX" or text[1:3] != ". ":
        return False
    letters = [c for c in text[3:] if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _run_in(title: str) -> bool:
    """A legal label's "title" that is a sentence of its own (several words ending with a full stop): the article's text."""
    return len(title.split()) >= 5 and title.rstrip().endswith(".") and not title.rstrip().endswith("..")


def _legal(text: str) -> LegalLabel | None:
    return legal_heading(text) if LEGAL_HINT.match(text) else None


def _bare_unit(cur: _Group) -> bool:
    """A bare label of a unit above the article (``( الباب الأول )``, ``Chapitre V``): the name printed under it may be
    set in another size (:func:`_continues` decides)."""
    return cur.legal is not None and not cur.legal.title and cur.legal.rank < ARTICLE and len(cur.lines) == 1


def _same_size(a: float, b: float) -> bool:
    """Sizes of one block's lines: equal within half a point or 6 % (a line's size is read on one of
    its characters, which may be a smaller sign such as ``n°``)."""
    return abs(a - b) <= max(0.5, 0.06 * max(a, b))


def _ended(prev: TextLine, prev_edges: Edges, size: float, rtl: bool, stops: Stops | None, after: TextLine | None = None) -> bool:
    """Did the previous line end its paragraph: far short of the end edge (more than 0.3 of the column), or short
    after a sentence (by more than twice the size or 0.08 of the column, or by more than the first word of the line
    ``after`` it: :func:`room_left`)? Not when it is a full line of a block narrower than its column (:func:`full_line`)."""
    gap = prev.x0 - prev_edges.left if rtl else prev_edges.right - prev.x1
    width = prev_edges.right - prev_edges.left
    if gap <= 0.3 * width:
        if not SENTENCE_END.search(prev.text):
            return False
        if not (gap > max(2.0 * size, 0.08 * width) or (after is not None and room_left(prev, after, gap, size))):
            return False
    return not (stops is not None and full_line(prev, width, rtl, stops))


def group_lines(
    pages: list[list[TextLine]],
    tables: list[list[tuple[float, Table]]],
    page_widths: list[float],
    page_heights: list[float] | None = None,
) -> list[_Group]:
    """Walk the lines page by page (columns in reading order; a landscape page may be a spread read half by half)
    and cut them into groups; tables are placed in that order (:func:`pdf_regions.table_slots`)."""
    heights = page_heights or []
    # landscape text-layer pages (an OCR'd page's lines have no baseline: a scanned notice's table rows may leave a band)
    wide = [k < len(heights) and k < len(page_widths) and page_widths[k] > heights[k] and bool(lines) and hasattr(lines[0], "baseline")
            for k, lines in enumerate(pages)]
    ordered = [reading_order(_snap_ocr_sizes(_labels_over_tables(lines, tables[k]) if k < len(tables) and tables[k] else lines), wide[k])
               for k, lines in enumerate(pages)]
    pages = [lines for lines, _ in ordered]
    feats = _features(pages)
    # OCR'd pages estimate sizes on their own scale: body size and heading sizes are found per kind of page
    ocr_page = [bool(lines) and not hasattr(lines[0], "baseline") for lines in pages]
    scales = {}
    for kind in set(ocr_page):
        sel = [k for k, o in enumerate(ocr_page) if o == kind]
        b = body_size([pages[k] for k in sel], [feats[k] for k in sel])
        scales[kind] = (b, heading_sizes([pages[k] for k in sel], b, [feats[k] for k in sel]))
    body, hsizes = scales.get(False) or scales.get(True) or (0.0, [])
    pitch = _pitches(feats)
    prepared = []  # per page: what the per-line loop reads (none of it depends on the loop's state)
    for page_idx, (lines, edges_of) in enumerate(ordered):
        body, hsizes = scales.get(ocr_page[page_idx], (body, hsizes))
        prepared.append((lines, edges_of, feats[page_idx], page_stops(lines), entry_runs(lines, edges_of, feats[page_idx]),
                         table_slots(lines, edges_of, tables[page_idx] if page_idx < len(tables) else []),
                         column_pitches(lines, edges_of, feats[page_idx], pitch), _page_body(lines, feats[page_idx], hsizes), body, hsizes))
    groups: list[_Group] = []
    if _GROUP is not None:
        _GROUP.group_pages(prepared, groups, pitch, _hooks())
    else:
        _group_pages(prepared, groups, pitch)
    if any(getattr(ln, "box", None) for lines in pages for ln in lines):
        groups = split_at_boxes(groups)  # no paragraph runs from one drawn box into the next (pdf_boxes)
    groups = join_signature_groups(groups, ordered)  # a countersignature cut line by line (pdf_signature_groups)
    check_headings(groups)
    groups = refine_headings(join_subtitles(groups))
    groups = split_form_rows(groups)  # a bilingual form's rows, one paragraph each (pdf_form_rows)
    series_next(groups)  # a numbered heading series' next number at body weight (pdf_series_next)
    legal_levels(groups)
    numbered_runs(groups)  # paragraphs of an OCR'd page numbered 1 -, 2 -, 3 - in sequence: a list (pdf_numbered_runs)
    return groups


def _group_pages(prepared: list[tuple[Any, ...]], groups: list[_Group], pitch: dict[tuple[float, bool], float]) -> None:
    """The per-line loop of :func:`group_lines` over the prepared pages, appending to ``groups`` (the reference of
    ``_group.group_pages``, the same loop in C, used when that extension is built)."""
    cur: _Group | None = None
    prev: TextLine | None = None
    prev_f: tuple[float, bool, float, int, Edges] | None = None  # size, rtl, baseline, page, edges of the previous line
    for lines, edges_of, page_feats, stops, entries, pending, spaced, own_body, body, hsizes in prepared:
        for k, (ln, edges, (size, rtl, base)) in enumerate(zip(lines, edges_of, page_feats, strict=True)):
            while pending and pending[0][0] <= k:
                groups.append(_Group(kind="table", table=pending.pop(0)[1]))
                cur, prev, prev_f = None, None, None
            fsize = size or 10.0
            is_heading = size in hsizes and size != own_body
            text = ln.text
            legal = legal_heading(text) if LEGAL_HINT.match(text) else None  # _legal, called on every line
            if legal is not None and legal.title and not ln.bold and (_end_gap(ln, edges, rtl) <= max(2.0 * fsize, 0.08 * edges.width)
                                                                      or _run_in(legal.title)):
                # "ARTICLE PREMIER. – Est approuvé ..." on a line that runs on, or "ART. 2. – Le présent arrêté sera
                # publié ..." whose title is a whole sentence: a run-in label, part of its paragraph
                legal = None
            # a bold centred line is a heading even when numbered ("I. – Exercice de la médecine")
            head = text[:4]  # no marker's sign there (_marker's first test, made before its arguments are): no item
            marker = None if is_heading or legal or (text[:1] not in BULLET_FIRST and "." not in head and ")" not in head and "-" not in head) \
                or (ln.bold and _centred(ln, edges, fsize) and ln.x1 - ln.x0 < 0.75 * edges.width) \
                else _marker(text, ln.bold or size < 0.95 * body or not hasattr(ln, "baseline"))
            continues = False
            if k in entries and cur is not None and cur.kind == "paragraph" and marker is None and legal is None:
                continues = True  # the next entry of a column of names (OCR's sizes of its lines may differ)
            elif cur is not None and prev is not None and prev_f is not None and marker is None and legal is None \
                    and (prev_f[0] == size or _same_size(prev_f[0], size) or _bare_unit(cur)
                         or (cur.kind != "heading" and size_wobble(prev, ln, prev_f[0], size, _end_gap(prev, prev_f[4], rtl)))) and prev_f[1] == rtl \
                    and (cur.legal is not None or (cur.kind == "heading") == is_heading or not (prev.bold or ln.bold)):
                step = (spaced.get((edges.column, size, rtl)) if spaced else None) or pitch.get((size, rtl), 1.25 * fsize)
                nxt = lines[k + 1] if k + 1 < len(lines) and edges_of[k + 1].column == edges.column else None
                continues = _continues(cur, prev, prev_f, ln, base, edges, fsize, rtl, step, nxt, stops)
            if continues and cur is not None:
                call = getattr(ln, "call", "")
                if call and not MONTH_NEXT.match(ln.text[len(call):]) and not NUMBER_NEXT.search(prev.text.rstrip()):
                    # a footnote call that the line break carried to this line's start: a note mark on the line before
                    ln = _with_text(ln, ln.text[len(call):])
                    cur.lines[-1] = _with_text(cur.lines[-1], f"{cur.lines[-1].text}[{call.strip()}]")
                cur.lines.append(ln)
            else:
                if legal is not None:
                    cur = _Group(kind="heading", size=size, rtl=rtl, legal=legal)
                elif is_heading:
                    cur = _Group(kind="heading", size=size, rtl=rtl, level=min(hsizes.index(size) + 1, MAX_HEADING_LEVELS), body=body,
                                 bold_level=min(len(hsizes) + 1, MAX_HEADING_LEVELS))
                elif marker is not None:
                    text, ordered_list = marker
                    cur = _Group(kind="item", size=size, rtl=rtl, ordered=ordered_list, indent=_start_gap(ln, edges, rtl), body=body,
                                 bold_level=min(len(hsizes) + 1, MAX_HEADING_LEVELS))
                    ln = _with_text(ln, text)
                else:
                    cur = _Group(kind="paragraph", size=size, rtl=rtl, body=body, bold_level=min(len(hsizes) + 1, MAX_HEADING_LEVELS))
                    call = getattr(ln, "call", "")
                    if call and not MONTH_NEXT.match(ln.text[len(call):]):  # a footnote's own number, set small: the note's mark
                        ln = _with_text(ln, f"[{call.strip()}] {ln.text[len(call):].lstrip()}")
                        cur.note = True
                cur.lines.append(ln)
                cur.centred = _centred(ln, edges, fsize)
                cur.flush_end = _end_gap(ln, edges, rtl) <= 0.5 * fsize and _start_gap(ln, edges, rtl) > 0.4 * edges.width
                groups.append(cur)
            prev, prev_f = ln, (size, rtl, base, ln.page, edges)
        for _, table in pending:
            groups.append(_Group(kind="table", table=table))
            cur, prev, prev_f = None, None, None


def _continues(cur: _Group, prev: TextLine, prev_f: tuple[float, bool, float, int, Edges], ln: TextLine,
               base: float, edges: Edges, fsize: float, rtl: bool, pitch: float, nxt: TextLine | None = None,
               stops: Stops | None = None) -> bool:
    """Does ``ln`` go on the block ``cur`` whose last line is ``prev``? (see the module docstring)"""
    _, _, prev_base, prev_page, prev_edges = prev_f
    if prev.text[-1:].isdigit() and _leader(prev.text):  # (its first test, made here: most lines end with no digit)
        return False  # a contents entry ends with its dot leaders and page number
    # a line pdfium read over two printed lines (its box twice as tall): the step is from its last one
    low = prev.bottom - 0.3 * fsize
    step = base - (low if low > prev_base else prev_base)  # max(prev_base, low), written out
    if cur.legal is not None:
        # a legal unit's label line ends its heading, but for its title printed under it in the same bold
        # style ("Chapitre premier" / "Orientations générales"), or a bold title wrapping onto a second line
        near = prev_page == ln.page and 0 < step <= 2.2 * pitch and len(cur.lines) <= 2
        if not near:
            return False  # (both tests below need it)
        short = len(ln.text.split()) <= 12 and not SENTENCE_END.search(ln.text)
        if near and short and prev.bold and ln.bold:
            return True
        # a chapter's name set in another style (italic) centred under its bare label ("Chapitre V" / "Dates d'entrée en vigueur")
        # (right under it: a centred line further down is the next title, "QUATRIÈME PARTIE" / "ETATS DE ...")
        # (a long name wraps onto a second, narrower centred line: "الباب الثاني" / "التوزيع على القطاعات ..." / "بالميزانية
        # العامة ..."; a line in brackets under it, "(بالدرهم)", is a note of its own)
        named = len(ln.text.split()) <= NAME_WORDS and not SENTENCE_END.search(ln.text)
        label = cur.lines[0]  # the name is centred in its column, or on the label's axis (the column's edges are its own)
        on_axis = _centred(ln, edges, fsize) or abs((ln.x0 + ln.x1) - (label.x0 + label.x1)) <= 2.0 * fsize
        if not (near and named and not cur.legal.title and cur.legal.rank < ARTICLE and step <= 2.2 * fsize and on_axis):
            return False
        if len(cur.lines) == 1:
            return _centred(prev, prev_edges, fsize)
        return (len(cur.lines) == 2 and ln.x1 - ln.x0 < prev.x1 - prev.x0 - 2.0 * fsize and not ln.text.lstrip().startswith(("(", "["))
                and not SENTENCE_END.search(prev.text))
    if prev_page != ln.page or prev_edges.column != edges.column or base < prev_base:
        # first line of a page or a column: a paragraph goes on when its sentence does
        # (a note's lines after its first hang under its text: they start as far in as the last one did)
        start = _start_gap(ln, edges, rtl)
        return (cur.kind == "paragraph" and not SENTENCE_END.search(prev.text)
                and _end_gap(prev, prev_edges, rtl) <= max(2.0 * fsize, 0.08 * prev_edges.width)
                and (start < 0.8 * fsize or (cur.note and len(cur.lines) > 1 and abs(start - _start_gap(prev, prev_edges, rtl)) <= 2.0)))
    if (prev.bold and ln.bold and 0 < step <= 1.8 * pitch and len(cur.lines) <= 3 and all(x.bold for x in cur.lines)
            and not (len(cur.lines) == 1 and ANNEX.match(prev.text.strip()))
            and _centred_pair(prev, prev_edges, ln, edges, fsize)):
        return True  # a bold title centred on a few lines, spaced wider than the body text
    kind = cur.kind
    if kind == "paragraph" and 0 < step <= pitch + 0.8 * fsize \
            and not (abs(prev.x0 - ln.x0) <= 0.8 * fsize and (prev.x0 - prev_edges.left if not ln.x0 - edges.left < prev.x0 - prev_edges.left
                                                                else ln.x0 - edges.left) <= 0.3 * fsize) \
            and _same_axis(prev, prev_edges, ln, edges, fsize):  # (the first test of _same_axis made here: running text stops there)
        return True  # short lines centred on one axis: one centred paragraph (a title, a signatory's titles)
    if not 0 < step <= pitch + 0.45 * fsize:
        return False
    if kind == "heading":  # a heading wraps (centred lines: no indent or short-line test)
        return prev.bold == ln.bold and not (len(cur.lines) == 1 and ANNEX.match(prev.text.strip()))
    if kind == "item":  # a continuation line hangs under the item's text, or runs flush when the item's line was full
        if ln.bold and not prev.bold and not ln.text[:1].islower():
            return False  # a bold line after a plain item: a heading (not one going on in lower case: words set bold in the item)
        gap = _start_gap(ln, edges, rtl)
        return not _ended(prev, prev_edges, fsize, rtl, stops, ln) and (gap > cur.indent + 2 or abs(gap - _start_gap(prev, prev_edges, rtl)) <= 2.0
                                                                   or gap < 0.8 * fsize)
    if _ended(prev, prev_edges, fsize, rtl, stops, ln):
        return False
    # _start_gap of the line and of the one before, written out
    indent = edges.right - ln.x1 if rtl else ln.x0 - edges.left
    if indent > (prev_edges.right - prev.x1 if rtl else prev.x0 - prev_edges.left) + 0.8 * fsize and not (nxt is not None and abs(_start_gap(nxt, edges, rtl) - indent) < 2.0) \
            and not (cur.note and len(cur.lines) == 1):
        return False  # a first-line indent (not a hanging one: the line after keeps the indent; a note's text hangs after its number)
    return not (prev.bold and not ln.bold and all(x.bold for x in cur.lines) and len(cur.lines) <= 2
                and _end_gap(prev, prev_edges, rtl) > 2.0 * fsize)


def _same_axis(prev: TextLine, prev_edges: Edges, ln: TextLine, edges: Edges, size: float) -> bool:
    """Two short lines of one centred group (a signature block, a title's lines that wrap): centred on
    one axis, in the column's middle or off it (:func:`own_axis`), in one style, the first not ending
    a sentence, the second going on from it."""
    if abs(prev.x0 - ln.x0) <= 0.8 * size and min(prev.x0 - prev_edges.left, ln.x0 - edges.left) <= 0.3 * size:
        return False  # lines of running text: one of them starts at the column's left edge, the other under it
    if abs((prev.x0 + prev.x1) - (ln.x0 + ln.x1)) / 2 > max(3.0, 0.3 * size):
        return False  # middles apart: not on one axis (:func:`own_axis`'s first test, made before the style and sentence tests)
    if prev_edges.column != edges.column or prev.bold != ln.bold or SENTENCE_STOP.search(prev.text):
        return False
    inset = min(_start_gap(prev, prev_edges, ln_rtl := _rtl(ln)), _start_gap(ln, edges, ln_rtl))
    return own_axis(prev, ln, edges.width, size, inset)


def _tail_classes(pattern: re.Pattern[str]) -> tuple[str, str] | None:
    """The two character classes of a pattern written ``[P]\\s*[C]*$`` (a sentence's sign, then closing quotes and
    brackets: SENTENCE_END, SENTENCE_STOP), which ``_group.c`` tests itself reading the text backwards; None for any
    other shape, flag or classes that share a character or hold white space (then the C loop calls the pattern)."""
    m = re.fullmatch(r"\[([^\]\\^-][^\]\\-]*)\]\\s\*\[((?:[^\]\\^-]|\\[^\w\s])(?:[^\]\\-]|\\[^\w\s])*)\]\*\$", pattern.pattern)
    if m is None or pattern.flags != re.UNICODE:
        return None
    punct, closers = m.group(1), re.sub(r"\\(.)", r"\1", m.group(2))
    if set(punct) & set(closers) or any(c.isspace() for c in punct + closers):
        return None
    return punct, closers


_GROUP = load_group()
_END_CLASSES, _STOP_CLASSES = _tail_classes(SENTENCE_END), _tail_classes(SENTENCE_STOP)


def _hooks() -> tuple[Any, ...]:
    """What the C loop calls back (the regular expressions, the rarer tests, the group class), in the order ``_group.c``
    reads them; looked up at each call, as the Python loop looks its names up (a test may replace one)."""
    return (_Group, LEGAL_HINT.match, legal_heading, _run_in, _marker, "".join(sorted(BULLET_FIRST)), MONTH_NEXT.match,
            NUMBER_NEXT.search, _with_text, size_wobble, SENTENCE_END.search, _leader, ANNEX.match, room_left, full_line,
            SENTENCE_STOP.search, _rtl, own_axis, ARTICLE, MAX_HEADING_LEVELS, NAME_WORDS, _END_CLASSES, _STOP_CLASSES)
