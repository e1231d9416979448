"""Lines of text with geometry from one PDF page, through pypdfium2's text page.

pdfium already groups characters into lines (it emits a generated ``\\r\\n`` between
them). Per line we ask pdfium for its rectangles (x/y extent and the gaps between
runs, used to spot table rows), the baseline, the font size and whether the font is
bold: a handful of calls per line, so a page costs little more than bare text
extraction. Right-to-left lines that pdfium cannot order are repaired from character
boxes (see :mod:`pdf_bidi`).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from functools import partial

import pypdfium2 as pdfium

from . import pdf_actual_text, pdf_kashida, pdf_offpage, pdf_strays, pdf_unseen, pdf_waw
from .base import TextLine
from .glyph_codes import SIGN, PdfGlyphs, pages_after
from .ligatures import LigatureProbe, lams_before_wide_alefs, restore_lost_heh
from .pdf_bidi import Box, WordOrderProbe, clean_text, has_strong, is_rtl_line, read_line, visual_to_logical
from .pdf_bullets import SYMBOL_CODES, may_be_symbol_bullet, symbol_bullet
from .pdf_calls import (  # noqa: F401  (re-exported: tests and table modules import them from here)
    _ADDRESSES,
    _BOLD_BY_FONT,
    _LOOSE,
    _LOOSE_ADDRESS,
    _NATIVE,
    _PLAIN,
    BOLD_WORDS,
    FAST,
    FORCE_BOLD,
    MAX_CHARS_PER_PAGE,
    NATIVE_ENV,
    PLAIN_ENV,
    TextPageCalls,
    _unchecked,
    page_text,
)
from .pdf_digit_groups import space_digit_groups
from .pdf_line_cuts import column_parts, spread_parts
from .pdf_line_marks import (  # noqa: F401  (ARABIC_ANY re-exported)
    ARABIC_ANY,
    GLUED_LABEL,
    KASHIDA_PAGE,
    KASHIDA_ZERO,
    LEAD_DIGITS,
    LONG_RUN,
    LONG_RUN_PAGE,
    LOOSE_MARK,
    LOOSE_MARK_PAGE,
    MARKS,
    NOTE_ALONE,
    NOTE_CALL,
    NOTE_PAGE,
    NOTE_PIECE,
    STRAY_MARKS,
    _cut,
    _drawn_backwards,
    _mark_gaps,
    _note_calls,
    _raised,
    call_pieces,
    label_space,
    line_base,
    number_calls,
)
from .pdf_pieces import Piece, _pieces_py, _style_py, read_pieces  # noqa: F401  (the two readers re-exported: tests compare them with _chars)
from .pdf_stacked import rect_under, stacked
from .pdf_two_lines import split_two_lines


@dataclass
class PdfLine(TextLine):
    """A :class:`TextLine` with what block grouping needs: baseline, direction, run gaps."""

    baseline: float = 0.0  # y of the baseline, from the top of the page
    rtl: bool = False
    gaps: list[float] = field(default_factory=list)  # widths of the wide gaps between runs (table columns)
    segments: list[tuple[float, float]] = field(default_factory=list)  # x extents of the runs, left to right
    start: int = 0  # index of the first character in the page's text page
    count: int = 0
    # the line cut at a gutter, when pdfium joined the lines of two columns drawn at the same height
    # (see pdf_line_cuts.column_parts); block grouping reads the parts in column order
    parts: list[PdfLine] = field(default_factory=list)
    call: str = ""  # a footnote call set small at the start of the line ("3 " of "...درهم3" cut at the line end)
    # on a landscape page, the line cut at its widest gap when that gap is wider than a gutter (see pdf_line_cuts.spread_parts):
    # a spread's halves (pdf_regions) read the two sides apart when the gap holds the band between the halves
    wide_parts: list[PdfLine] = field(default_factory=list)
    box: tuple[int, int] | None = None  # (row, place) of the drawn box it is set in, in a row of boxes (pdf_boxes)
    lead: tuple[str, str] | None = None  # a number that opens the line as pdfium read it, and read whole (pdf_actual_text)


def page_lines(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_no: int, ligatures: LigatureProbe | None = None
) -> list[PdfLine]:
    """The page's lines in pdfium's reading order, in logical character order.

    ``ligatures`` carries what the document's earlier pages showed about ligatures emitted
    back to front (see :mod:`ligatures`); a fresh probe when not given.
    """
    calls = TextPageCalls(textpage)
    height = page.get_height()
    text, count = page_text(textpage)
    if pdf_unseen.STRAY.search(text):  # a short digit run opening a line: white on white, unseen?
        text = pdf_unseen.blank_unseen(page, textpage, text)
    if "\u0640\u0627" in text:  # a kashida before an alef: a lam-alef glyph may have lost its lam (ligatures)
        text = lams_before_wide_alefs(text, calls.char_box)
    if "\u0644" in text:  # lone Arabic letters: words cut at a kashida glyph, or by a space Word wrote inside them?
        text = pdf_kashida.mend_page(page, textpage, text)
        if "\u0648 " in text:  # the conjunction parted from its word by a space the page does not show?
            text = pdf_waw.mend(textpage, text)
    ligatures = ligatures or LigatureProbe()
    # ligature glyphs mapped to stray codes (glyph_codes); SIGN needs an Arabic letter, which one scan of a
    # single class finds (or not, on a French page) several times faster than SIGN's two-class alternation
    if ligatures.codes.learned or (ARABIC_ANY.search(text) and SIGN.search(text)):
        text = ligatures.codes.fix_page(text, PdfGlyphs(calls), pages_after(page, page_no))
    fix_ligatures = ligatures.page_suspect(text, calls.char_box)
    # rare repairs, looked for once on the page rather than on every line
    arabic = "\u0644" in text  # a lam: the page holds Arabic (a C-level test; French pages stop here)
    marks_apart = arabic and LOOSE_MARK_PAGE.search(text) is not None
    kashida_zero = arabic and "0" in text and KASHIDA_PAGE.search(text) is not None
    # digits stuck to a word somewhere, or a number standing alone (a call pdfium cut from its line): footnote calls may be there
    notes = NOTE_PAGE.search(text) is not None or NOTE_ALONE.search(text) is not None
    long_numbers = arabic and LONG_RUN_PAGE.search(text) is not None  # a call glued to a number (number_calls)
    backwards_budget = 3 if arabic else 0  # Latin lines of an Arabic page pdfium may give right to left
    pieces, styles = read_pieces(calls, text, height)
    text, pieces, styles = pdf_offpage.keep_visible(page, textpage.raw, text, pieces, styles)  # text off the visible page (pdf_offpage)
    if arabic:  # lines whose glyphs are placed again by position: two printed lines in one would be woven (pdf_two_lines)
        pieces, styles = split_two_lines(calls, pieces, styles, height)
    text, pieces, strays = pdf_strays.take_strays(calls, text, pieces, styles)  # a note's number in another line's text
    lines: list[PdfLine] = []
    context_rtl = False
    probe = WordOrderProbe()
    bold_of, origin_y = calls.bold, calls.origin_y
    rare = marks_apart or notes or long_numbers or backwards_budget > 0  # any per-line repair to look at on this page
    i, n = 0, len(pieces)
    # lines that need no reading work (Latin text, nothing to clean, no footnote call possible) built in
    # one native call on pages without Arabic (see _chars.plain_lines); None where the loop below works
    build_plain = getattr(_NATIVE, "plain_lines", None) if _PLAIN and not arabic else None
    # (the boldness cache read natively, and a line that may open with a symbol font's bullet left to the loop)
    plain = build_plain(pieces, styles, height, page_no, not notes, bold_of, PdfLine, _BOLD_BY_FONT, SYMBOL_CODES) if build_plain is not None else None
    while i < n:
        if plain is not None and (ready := plain[i]) is not None:
            lines.append(ready)
            context_rtl = False
            i += 1
            continue
        j = i + 1
        # the next piece shares this one's band (one printed line cut into pieces): rare, so the
        # common case is one comparison (the next piece starts below this one's bottom)
        while j < n and pieces[j][4] > pieces[j - 1][6] and _same_band(pieces[i:j], pieces[j]):
            j += 1
        end_calls: list[Piece] = []
        if j == i + 1:
            group = None
            piece, start, rects, x0, r_top, x1, r_bottom = pieces[i]
            size, font, flags, mid, baseline = styles[i]
        else:
            group = pieces[i:j]
            k = max(range(i, j), key=lambda q: len(pieces[q][0].strip()))
            piece, start, rects, x0, r_top, x1, r_bottom = pieces[k]
            size, font, flags, mid, baseline = styles[k]
            # footnote calls set above the line as pieces of their own: left out, or the line's last call (pdf_line_marks)
            group, end_calls = call_pieces(group, piece, r_top, r_bottom)
        i = j
        bold = bold_of(mid, font, flags)
        base_y = partial(line_base, origin_y, mid, height - baseline, size)  # where raised calls are measured from
        if group is None:
            box = _line_box(calls, start, len(piece))
            if fix_ligatures and "\u0644" in piece:
                piece = ligatures.fix_line(piece, box, partial(_origin_at, calls, start))
            probe.before, probe.right = (lines[-1] if lines else None), x1  # what opens the line may go on a sentence (pdf_bidi)
            logical, rtl = read_line(piece, box, size or 10.0, context_rtl, probe)
            if not rare:
                pass
            elif logical is piece:  # repairs on the text as pdfium gives it (its indices are the boxes')
                cuts = _mark_gaps(piece, box, size or 10.0) if marks_apart and rtl and LOOSE_MARK.search(piece) else []
                if cuts:
                    logical = STRAY_MARKS.sub("", _cut(piece, cuts))
                if notes and NOTE_CALL.search(logical):
                    calls_at = _note_calls(logical, start, base_y(), size or 10.0, origin_y) if not cuts else [
                        m.span() for m in NOTE_CALL.finditer(logical) if _raised(piece, m.group(0), start, base_y(), size or 10.0, origin_y)]
                    logical = _cut(logical, calls_at, marks=True)
            elif notes and NOTE_CALL.search(logical):  # a line re-ordered from positions: find the call's digits in pdfium's text
                logical = _cut(logical, [m.span() for m in NOTE_CALL.finditer(logical)
                                         if _raised(piece, m.group(0), start, base_y(), size or 10.0, origin_y)], marks=True)
            if long_numbers and rtl and LONG_RUN.search(logical):
                logical = number_calls(logical, [(piece, start)], base_y(), size or 10.0, origin_y)
            if rare and logical is piece and not rtl and backwards_budget and len(piece) > 2:
                if _drawn_backwards(piece, box):
                    # a Latin line (a footnote) drawn left to right in an Arabic document, which pdfium gives right to left
                    logical = visual_to_logical(piece, box, rtl=False, size=size or 10.0)
                    backwards_budget = 1000  # found one: look at every Latin line of the page
                else:
                    backwards_budget -= 1
            count_chars = len(piece)
        else:  # one printed line cut into pieces (vowel marks placed apart): re-read from the glyph positions
            logical, rtl = _read_group(calls, group, size or 10.0, ligatures if fix_ligatures else None, context_rtl)
            if end_calls and rtl:  # the calls set apart at the line's end: the model's note marks
                logical = logical.rstrip() + "".join(f"[{g[0].strip()}]" for g in end_calls)
            if notes and NOTE_CALL.search(logical):
                logical = _cut(logical, [m.span() for m in NOTE_CALL.finditer(logical)
                                         if any(_raised(g[0], m.group(0), g[1], base_y(), size or 10.0, origin_y) for g in group)],
                               marks=True)
            if long_numbers and rtl and LONG_RUN.search(logical):
                logical = number_calls(logical, [(g[0], g[1]) for g in group], base_y(), size or 10.0, origin_y)
            x0, x1 = min(g[3] for g in group), max(g[5] for g in group)
            r_top, r_bottom = max(g[4] for g in group), min(g[6] for g in group)
            rects = [r for g in group for r in g[2]]
            start = min(g[1] for g in group)
            count_chars = max(g[1] + len(g[0]) for g in group) - start  # the pieces' span, line breaks between them included
        clean = " ".join(clean_text(logical).split())
        if kashida_zero and rtl and "0" in clean:
            clean = KASHIDA_ZERO.sub("", clean)
        if marks_apart and rtl and LOOSE_MARK.search(clean):  # a vowel mark after a space or at the start belongs to no letter
            clean = " ".join(STRAY_MARKS.sub("", clean).split())
        if not clean:
            continue
        if rtl and GLUED_LABEL.match(clean):  # a list label glued to its item's first word (pdf_line_marks)
            clean = label_space(clean)
        if may_be_symbol_bullet(clean) and (at := piece.find(clean[0])) >= 0:  # `l ` drawn in Wingdings: a bullet
            nxt = piece.find(clean[2], at + 1) if clean[0] == "o" else -1  # Courier's `o`: the next word's font
            clean = symbol_bullet(clean, calls.font_facts(start + at)[1], calls.font_facts(start + nxt)[1] if nxt > 0 else None)
        if len(rects) > 1:
            segments = _segments(rects, gap=1.5 * (size or 10))
            gaps = [b[0] - a[1] for a, b in zip(segments, segments[1:], strict=False)] if len(segments) > 1 else []
        else:
            segments, gaps = [(x0, x1)], []
        # positional arguments in field order (text, x0, top, x1, bottom, size, bold, page, baseline,
        # rtl, gaps, segments, start, count): keywords cost more than the construction itself
        lines.append(PdfLine(clean, x0, height - r_top, x1, height - r_bottom, size, bold, page_no, baseline, rtl, gaps, segments, start, count_chars))
        if clean[0].isdigit() and size and (lead_digits := LEAD_DIGITS.match(clean)):
            digits = lead_digits.group(1)
            # in a line made of pieces the small number is often a piece of its own ("1" then the note's text)
            for g_piece, g_start in ((g[0], g[1]) for g in group) if group is not None else ((piece, start),):
                k = g_piece.find(digits)
                if k >= 0 and 0 < calls.size_at(g_start + k) < 0.75 * calls.size_at(mid):  # both as pdfium stores them (1 Tf: unscaled)
                    lines[-1].call = lead_digits.group(0)  # the block decides: a call inside a paragraph, a note's own number
                    break
        context_rtl = rtl
    if strays:
        pdf_strays.put_back(calls, lines, strays)
    if arabic and ("\n." in text or text[:1] == "."):  # a dot opening a line: a section number's lost first part? (pdf_actual_text)
        pdf_actual_text.mark_lost_leads(page, textpage, lines)
    if "\u0644\u0644" in text:  # a word ending on two lams: the lam-lam-heh glyph may have lost its heh
        restore_lost_heh(lines, text, calls.char_box, calls.reach_below, lambda i: height - calls.origin_y(i))
    column_parts(lines, calls, text)
    if page.get_width() > height:
        spread_parts(lines, calls, text, height)
    space_digit_groups(lines, text, calls.char_box)  # thousands spaces drawn as gaps (pdf_digit_groups)
    return lines


def _origin_at(calls: TextPageCalls, start: int, k: int) -> float:
    """x of the origin of a line's character ``k`` (the line starting at ``start`` of the page's text)."""
    return calls.origin_x(start + k)


def _same_band(group: list[Piece], b: Piece) -> bool:
    """Is ``b`` one more piece of the printed line the pieces of ``group`` belong to?

    Some producers (InDesign with vowelled Arabic) place the marks of a word a little above
    the line, and pdfium cuts the line there: ``...لم ي`` / ``َبلغ بعد`` / ``ُ``. The pieces
    share the line's band and follow each other within a word space; a column or table
    gap keeps them apart.
    """
    a = group[-1]
    low, high = max(a[6], b[6]), min(a[4], b[4])  # PDF coordinates: bottom is the smaller y
    hb, ha = b[4] - b[6], a[4] - a[6]
    if high - low < 0.5 * min(ha, hb):
        return False
    if MARKS.match(b[0]) or MARKS.match(a[0]):
        return True
    if stacked((r for g in group for r in g[2]), b[3], b[5], b[4], b[6]):  # a line under the text, not beside it (pdf_stacked)
        return False
    if rect_under((r for g in group for r in g[2]), b[2]):  # a cell's next line under its first one (pdf_stacked)
        return False
    x0, x1 = min(g[3] for g in group), max(g[5] for g in group)
    return max(x0, b[3]) - min(x1, b[5]) <= 0.9 * max(ha, hb)


def _read_group(calls: TextPageCalls, group: list[Piece], size: float, ligatures: LigatureProbe | None, context_rtl: bool) -> tuple[str, bool]:
    """Logical text of a printed line that pdfium cut into pieces: every glyph is placed
    again by its position (:func:`pdf_bidi.visual_to_logical`), so the pieces' order, the
    spaces pdfium put around the marks and the marks themselves fall into place."""
    parts: list[str] = []
    index: list[int] = []
    for piece, start, *_ in group:
        if ligatures is not None and "\u0644" in piece:
            piece = ligatures.fix_line(piece, _line_box(calls, start), partial(_origin_at, calls, start))
        if parts:
            parts.append(" ")
            index.append(start)
        parts.append(piece)
        index.extend(range(start, start + len(piece)))
    combined = "".join(parts)
    rtl = is_rtl_line(combined) if has_strong(combined) else context_rtl
    char_box = calls.char_box
    return visual_to_logical(combined, lambda k: char_box(index[k]), rtl=rtl, size=size, pieces=True), rtl


BATCH_AFTER = 6  # single box queries of a line before the rest of its boxes are read in one native call


def _line_box(calls: TextPageCalls, start: int, length: int = 0) -> Box:
    """x extent of the character ``i`` of a line (what :meth:`TextPageCalls.char_box` does, one call less).

    A line whose boxes are asked for again and again (an Arabic line the word-space and letter-order
    probes look at: every letter) gets the boxes of its ``length`` characters in one native call
    after :data:`BATCH_AFTER` single ones (the same pdfium function, the same out-parameter)."""
    loose, h, ptr, rect = calls._loose, calls.h, calls.rect_ptr, calls.rect
    if _NATIVE is None or not calls.native or length <= BATCH_AFTER or not _LOOSE_ADDRESS:

        def box(i: int) -> tuple[float, float]:
            loose(h, start + i, ptr)
            return rect.left, rect.right

        return box
    asked = 0
    boxes: list[tuple[float, float]] = []

    def batched(i: int) -> tuple[float, float]:
        nonlocal asked, boxes
        if boxes and 0 <= i < length:
            return boxes[i]
        asked += 1
        if asked > BATCH_AFTER and not boxes and 0 <= i < length:
            boxes = _NATIVE.loose_boxes(_LOOSE_ADDRESS, h.value, start, length, ctypes.addressof(rect))
            return boxes[i]
        loose(h, start + i, ptr)
        return rect.left, rect.right

    return batched


def _segments(rects: list[tuple[float, float, float, float]], gap: float) -> list[tuple[float, float]]:
    """x extents of the line's runs: rectangles closer than ``gap`` are merged."""
    spans = sorted((r[0], r[2]) for r in rects)
    out = [list(spans[0])]
    for a, b in spans[1:]:
        if a - out[-1][1] <= gap:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]
