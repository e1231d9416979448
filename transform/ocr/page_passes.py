"""The passes over one page's tesseract reading, in the order ``pages.ocr_page`` runs them.

Split from :mod:`transform.ocr.pages`, which keeps the page's steps and verdicts (blank, models,
tesseract and the script order, unreadable pages) and calls these in turn:

``numbers``  the numbers read again (the voting models, their points, the signs, raised note calls);
``kept_lines``  each line's confidence, and the noise lines dropped;
``stamped``  the numbers of the blue stamps placed on the lines they were taken from;
``finish``  the lines in rows, bold, ruled tables, and the repairs of a line's numbers;
``notes``  what the page's report says was done.

What the passes did is counted in a :class:`Tally` for the notes. The passes' modules that load
numpy are imported where a page is OCR'd, as before the split.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import confidence
from .flat_words import keep_listings, without_flat
from .line_rows import in_rows
from .noise import noise as _noise
from .numbers import recheck_numbers
from .tesseract import SCRIPT_MODEL
from .weight import mark_bold

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_tables import FoundTable
    from .render import PageImage
    from .tesseract import OcrResult


@dataclass(frozen=True)
class PageRun:
    """One page's settings, as the passes after tesseract need them."""

    timeout: float
    codes: str  # the tesseract languages the page was read with (``ara+fra``)
    script: str | None  # the second reader's script model, None when it does not read this page
    vote: str | None  # the models the re-read numbers vote with (tesseract.script_langs), None without them
    renumber: bool  # numbers read again with the voting models, else only their lost points restored


@dataclass
class Tally:
    """What the passes did to a page, for its report."""

    leaders: int = 0  # dot leaders taken out before tesseract (leaders.py)
    renumbered: int = 0
    noise: int = 0
    rescued: int = 0  # noise lines read again on their ink band and kept (lost_lines.py)
    doubtful: int = 0
    stamped: tuple[int, int] = (0, 0)  # the blue stamps' numbers kept, left in doubt
    faint: int = 0  # pale stamps standing alone, not read: their nearest line left in doubt (faint_stamps.py)
    bold: int = 0


def numbers(image: PageImage, result: OcrResult, run: PageRun) -> int:
    """The page's numbers read again where tesseract errs on them; how many were changed."""
    from .number_dots import restore_points  # numpy: loaded only where a page is OCR'd
    from .separators import recheck_signs

    # numbers are read again on scans finer than the coarse ones too (a 220 dpi scan lost the first
    # digit of its footnote numbers); only Arabic lines holding digits are read, French pages pay nothing
    count = recheck_numbers(image, result, run.codes, run.timeout, run.vote) if run.renumber else restore_points(image, result)
    count += recheck_signs(image, result, run.timeout, None if run.renumber else run.vote)
    from .note_calls import restore_calls  # raised note numbers at Arabic lines' starts (note_calls.py)

    count += restore_calls(image, result, run.timeout)
    return count


def kept_lines(result: OcrResult, ruled: PageImage, tally: Tally, image: PageImage | None = None,
               run: PageRun | None = None) -> list[TextLine]:
    """Each line's confidence set from tesseract's; the lines that are only noise dropped, unless (given the
    page ``image`` tesseract read and its ``run``) a reading of their ink band alone finds words (lost_lines.py)."""
    lines: list[TextLine] = []
    dropped: list[tuple[int, TextLine]] = []
    for ln in result.lines:
        ln.confidence, low = confidence.from_ocr(result.line_conf.get(id(ln), result.confidence))
        ln.doubt = ln.doubt or low  # a doubt the number re-readings left (digits_disagree) stays
        if _noise(ln, ruled):  # a rule read as letters too (noise.py)
            tally.noise += 1
            dropped.append((len(lines), ln))
            continue
        if id(ln) in result.flat:  # words read from a rule's ink (flat_words.py), its word listings kept in step
            keep_listings(result, ln, without_flat(ln.text, *result.flat[id(ln)]))
        if not ln.text:
            tally.noise += 1
        else:
            lines.append(ln)
            tally.doubtful += low is not None
    if dropped and image is not None and run is not None:
        from .lost_lines import rescue

        found = rescue(image, result, [ln for _n, ln in dropped], lines, run.codes, run.timeout)
        for n, new in reversed(found):  # each where its dropped line stood
            lines.insert(dropped[n][0], new)
        tally.noise -= len(found)
        tally.rescued = len(found)
        tally.doubtful += sum(new.doubt is not None for _n, new in found)
    return lines


def stamped(pimg: PageImage, lines: list[TextLine], result: OcrResult, tally: Tally) -> None:
    """Numbers in the blue stamps kept on their lines when two readings agree (stamps.py)."""
    if pimg.stamps:
        from .stamps import place as place_stamps

        tally.stamped = place_stamps(pimg.stamps, lines, result.word_boxes, pimg.dpi, result.rtl_words)
        from .faint_stamps import flag
        from .ink import place_pale

        place_pale(pimg.stamps, lines, pimg.dpi)  # a pale date stamp whose year was read: a line of its own, in doubt
        tally.faint = flag(pimg.stamps, lines, pimg.dpi)


def finish(image: PageImage, ruled: PageImage, lines: list[TextLine], result: OcrResult, run: PageRun,
           tally: Tally) -> tuple[list[TextLine], list[FoundTable]]:
    """The kept lines in reading rows, bold marked, the ruled tables found, the lines' numbers repaired."""
    lines = in_rows(lines)  # a page in one column read top to bottom (line_rows.py)
    from .twice_read import drop_twice_read

    tally.noise += drop_twice_read(lines)  # one printed line read twice on overlapping bands: the surer kept (twice_read.py)
    if "ara" in run.codes.split("+"):
        from .lone_latin import reread_lone_latin

        reread_lone_latin(image, lines, result, run.timeout)  # an Arabic word read as Latin junk, read alone (lone_latin.py)
        from .ta_marks import reread_ta_marks

        reread_ta_marks(image, lines, result, run.timeout)  # a bracketed (ة) read as a digit or a capital (ta_marks.py)
        from .stray_marks import slash_digits

        kept = len(lines)
        slash_digits(image, lines, result)  # a form's slash read as a digit: written /, alone on its line dropped (stray_marks.py)
        tally.noise += kept - len(lines)
        from .digit_words import reread_strays

        reread_strays(image, lines, result, run.timeout)  # 204 for من: an unsure number read again from its crop (digit_words.py)
        from .junk_latin import drop_junk_lines, mark_junk_latin

        mark_junk_latin(lines, result)  # such junk left and read unsure: marked, dropped after the document's passes (junk_latin.py)
        tally.noise += drop_junk_lines(lines)  # a line of one or two short Latin words read unsure on a page of Arabic
    if "fra" in run.codes.split("+"):
        from .edge_lines import drop_edge_marks

        tally.noise += drop_edge_marks(lines)  # a scan's edge ticks read as a thin wordless line (edge_lines.py)
        from .latin_misreads import latin_misreads

        latin_misreads(image, lines, result, run.timeout)  # la read 12, an Arabic speck on a French page (latin_misreads.py)
        from .lost_romans import lost_romans

        lost_romans(image, lines, result.word_boxes, run.timeout)  # a heading's II. lost a tab away, V. read 7
        from .check_marks import check_marks
        from .latin_caps import plain_capitals, small_initials

        check_marks(image, lines, result)  # a list's check mark read Y_ (check_marks.py)
        plain_capitals(image, lines, result)  # À, OÙ read where the page prints A, OU: no accent's ink (latin_caps.py)
        small_initials(image, lines, result)  # Un read where the page prints un: no capital's height (latin_caps.py)
    tally.bold = mark_bold(image, lines)
    from .ink_starts import mark_ink_starts

    mark_ink_starts(image, lines)  # where each line's ink starts, a dropped title mark included (a level's cue)
    from .latin_codes import coded_cells, latin_codes
    from .lost_digits import lost_digits
    from .raised_calls import raised_calls
    from .tables import find_tables  # numpy: loaded only where a page is OCR'd

    raised_calls(image, lines, result.rtl_words)  # 2026-2027 and a raised note call read 2026-12027
    from .year_suffix import year_suffixes

    year_suffixes(image, lines, result.rtl_words)  # 1436ه read 1436": the era's raised sign kept where the ink shows it
    codes = latin_codes(image, lines, result.rtl_words, run.timeout)  # G/2432, F1 read 6/2432, 61 in an Arabic line
    tables = find_tables(image, lines, run.codes, run.timeout, run.script, result.word_boxes, result.rtl_words, ruled=ruled)
    coded_cells(tables, codes)
    if "fra" in run.codes.split("+"):
        from .latin_caps import plain_cells

        plain_cells(image, tables, lines, result)  # DÉPENSES read in a cell where the ink shows DEPENSES
    lost_digits(image, lines, result.rtl_words, run.timeout, tables)  # 50 read 0, both digits in its box
    from .number_ink import number_ink

    number_ink(image, lines, result.rtl_words, run.timeout, tables)  # 536 read 6: its ink past the box, read again or doubted
    from .code_articles import article_hyphens
    from .end_specks import drop_end_specks
    from .latin_numbers import amount_lines

    amount_lines(lines, result.word_boxes)  # French amounts' lost thousands spaces
    article_hyphens(image, lines, result.word_boxes, run.timeout)  # L. 22151 -> L. 2215-1 where the ink shows it
    drop_end_specks(image, lines, result.word_boxes)  # a speck read as a line's last digit
    from .roman_refs import roman_refs

    roman_refs(image, lines, result)  # الملحق رقم III read 111: written III where the ink shows serifed verticals, in doubt
    from .ruled_rows import cut_ruled_rows

    lines = cut_ruled_rows(lines, tables, image, ruled, result, run.codes, run.timeout)  # a form's ruled row of labels that is no table: one line per cell
    from .echoes import echo_words

    echo_words(lines, tables)  # a word misread where the page prints the same phrase sound elsewhere (the issuer's name)
    from .lost_months import mark_lost_months

    mark_lost_months(lines, tables)  # a date read without its (handwritten) month: in doubt, never completed
    from .underscores import underscores

    underscores(lines)  # 4:_مدة: an underline's stretch between two words read as an underscore
    return lines, tables


def notes(result: OcrResult, image: PageImage, pimg: PageImage, lines: list[TextLine], tables: list[FoundTable],
          run: PageRun, tally: Tally) -> list[str]:
    """The page report's account of the reading: words, confidence, and what each pass did."""
    out = [f"{result.words} words", f"confidence {result.confidence:.0f}%"]
    if image.cleaned:
        out.append(f"a grey layer under the text removed ({image.cleaned:.0%} of the ink: watermark, shading)")
    if tally.leaders:
        out.append(f"{tally.leaders} dot leader{'s' if tally.leaders > 1 else ''} taken out")
    if tally.renumbered:
        out.append(f"{tally.renumbered} number{'s' if tally.renumbered > 1 else ''} read again"
                   + (f" (ara and {SCRIPT_MODEL['ara']} models voting)" if run.vote else ""))
    if tally.bold:
        out.append(f"{tally.bold} bold line{'s' if tally.bold > 1 else ''}")
    if tables:
        out.append(f"{len(tables)} ruled table{'s' if len(tables) > 1 else ''}")
    if tally.doubtful:
        out.append(f"{tally.doubtful} of {len(lines)} lines unsure")
    kept = sum(1 for st in pimg.stamps or [] if st.kept)
    if kept:
        out.append(f"{kept} blue stamp{'s' if kept > 1 else ''} read apart "
                   f"({tally.stamped[0]} number{'s' if tally.stamped[0] != 1 else ''} kept, {tally.stamped[1]} left in doubt)")
    if tally.faint:
        out.append(f"{tally.faint} faint stamp{'s' if tally.faint > 1 else ''} standing alone not read: check against the source")
    if digits := sum(ln.doubt == confidence.DIGITS for ln in lines):
        out.append(f"{digits} line{'s' if digits > 1 else ''} with a number the readings disagree on: check against the source")
    if tally.rescued:
        out.append(f"{tally.rescued} line{'s' if tally.rescued > 1 else ''} read unsure as noise read again on their ink and kept")
    if tally.noise:
        out.append(f"{tally.noise} noise line{'s' if tally.noise > 1 else ''} dropped")
    return out
