"""The cue sheet as a PDF made without a browser: fpdf2 lays out the page, HarfBuzz shapes the text.

The layout is the printable HTML sheet's (``cuesheet.py``): A4, a title, the length and the
number of sentences, one line of instructions, then a table of start, end and text, one row
per sentence, headings in bold, the column titles repeated on every page and no row cut by a
page break. An Arabic-script sheet runs right to left: the start column is on the right and the
text is right-aligned; every line is shaped by HarfBuzz (``uharfbuzz``, joined letter forms and
ligatures) and put in visual order by fpdf2's Unicode bidi algorithm, so French words or numbers
inside an Arabic sentence read as they do in the HTML. Characters the main font lacks (Latin in
an Arabic font, Arabic in a Latin one) come from the other script's font.

The text column is wrapped here, word by word with cached widths: fpdf2's own cell wrapping shapes
the line again for every character it adds, which costs about 10 ms a row on a long narration.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingDependencyError, OutputError
from ..model import Timeline
from .cuesheet import TEXT, clock
from .fonts import Font, is_arabic_script, resolve_font

PT_PER_MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * PT_PER_MM, 297 * PT_PER_MM
MARGIN_X, MARGIN_Y = 14 * PT_PER_MM, 16 * PT_PER_MM
SIZE = {"title": 20.0, "body": 15.0, "time": 13.0, "heading": 17.0}
LEADING = 1.5  # line height / font size, as the HTML's line-height
PAD_X, PAD_Y = 6.0, 5.0  # cell padding in pt, as the HTML's td
TIME_COL = 6.5 * SIZE["time"] + 2 * PAD_X  # 6.5em of the time font, as the HTML's td.t
HEAD_FILL = (238, 238, 238)
RULE_GREY = (153, 153, 153)
META_GREY = (34, 34, 34)
MONO = ("Noto Sans Mono", "DejaVu Sans Mono")


def available() -> bool:
    """True when fpdf2 and uharfbuzz are importable (else the PDF is printed by Chromium)."""
    return all(importlib.util.find_spec(m) is not None for m in ("fpdf", "uharfbuzz"))


def _bold_of(font: Font) -> str:
    """The bold file next to a ``*-Regular`` font file, else the regular file (bold rows then look regular)."""
    path = Path(font.path)
    for ext in (".ttf", ".otf"):
        cand = path.with_name(path.name.replace("-Regular.", "-Bold.")).with_suffix(ext)
        if "-Regular." in path.name and cand.is_file():
            return str(cand)
    return font.path


def _mono_path(latin: Font) -> str:
    """A monospaced font for the times, as the HTML's ``td.t``; the Latin font when none is installed."""
    for family in MONO:
        font = resolve_font(family, "latin")
        if not font.substituted:
            return font.path
    return latin.path


@dataclass
class _Row:
    begin: str
    end: str
    lines: list[str]
    bold: bool

    @property
    def size(self) -> float:
        return SIZE["heading"] if self.bold else SIZE["body"]

    def height(self) -> float:
        return max(len(self.lines), 1) * self.size * LEADING + 2 * PAD_Y


class _Sheet:
    """One cue sheet being laid out on an ``FPDF`` document."""

    def __init__(self, lang: str, font_arabic: str, font_latin: str) -> None:
        from fpdf import FPDF

        self.rtl = is_arabic_script(lang)
        arabic, latin = resolve_font(font_arabic, "arabic"), resolve_font(font_latin, "latin")
        self.pdf = pdf = FPDF(orientation="portrait", unit="pt", format="A4")
        pdf.set_margins(MARGIN_X, MARGIN_Y, MARGIN_X)
        pdf.set_auto_page_break(False)  # rows are placed by hand, never cut
        pdf.c_margin = 0
        for name, font in (("arabic", arabic), ("latin", latin)):
            pdf.add_font(name, "", font.path)
            pdf.add_font(name, "B", _bold_of(font))
        pdf.add_font("mono", "", _mono_path(latin))
        self.main, other = ("arabic", "latin") if self.rtl else ("latin", "arabic")
        pdf.set_fallback_fonts([other], exact_match=False)
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if self.rtl else "ltr")
        pdf.set_lang(lang)
        self.align = "R" if self.rtl else "L"
        text_w = PAGE_W - 2 * MARGIN_X - 2 * TIME_COL
        # Column x positions, start column first: mirrored for a right-to-left sheet.
        if self.rtl:
            self.cols = [(PAGE_W - MARGIN_X - TIME_COL, TIME_COL), (PAGE_W - MARGIN_X - 2 * TIME_COL, TIME_COL), (MARGIN_X, text_w)]
        else:
            self.cols = [(MARGIN_X, TIME_COL), (MARGIN_X + TIME_COL, TIME_COL), (MARGIN_X + 2 * TIME_COL, text_w)]
        self.wrap_w = text_w - 2 * PAD_X
        self._widths: dict[tuple[str, bool, float], float] = {}

    # -- measuring and wrapping -------------------------------------------------------------

    def _font(self, bold: bool, size: float, family: str | None = None) -> None:
        self.pdf.set_font(family or self.main, "B" if bold else "", size)

    def _width(self, word: str, bold: bool, size: float) -> float:
        key = (word, bold, size)
        w = self._widths.get(key)
        if w is None:
            self._font(bold, size)
            w = self._widths[key] = self.pdf.get_string_width(word)
        return w

    def _pieces(self, word: str, bold: bool, size: float, width: float) -> Iterator[str]:
        """A word wider than the column, cut into pieces that fit (never happens with real words)."""
        cur = ""
        for ch in word:
            if cur and self._width(cur + ch, bold, size) > width:
                yield cur
                cur = ""
            cur += ch
        if cur:
            yield cur

    def wrap(self, text: str, bold: bool, size: float | None = None, width: float | None = None) -> list[str]:
        """Greedy word wrap of ``text`` (logical order) to ``width`` (the text column); widths are cached per word."""
        size = size or (SIZE["heading"] if bold else SIZE["body"])
        width = width or self.wrap_w
        space = self._width(" ", bold, size)
        lines: list[str] = []
        cur: list[str] = []
        cur_w = 0.0
        for word in text.split():
            w = self._width(word, bold, size)
            if w > width:
                pieces = list(self._pieces(word, bold, size, width))
                if cur:
                    lines.append(" ".join(cur))
                lines += pieces[:-1]
                cur, cur_w = [pieces[-1]], self._width(pieces[-1], bold, size)
                continue
            if cur and cur_w + space + w > width:
                lines.append(" ".join(cur))
                cur, cur_w = [], 0.0
            cur_w += (space if cur else 0.0) + w
            cur.append(word)
        if cur:
            lines.append(" ".join(cur))
        return lines

    # -- drawing ----------------------------------------------------------------------------

    def _cell(self, x: float, y: float, w: float, text: str, size: float, bold: bool = False, family: str | None = None) -> None:
        """One line of text. fpdf2 (2.8) can leave the PDF's current font at a fallback font after a
        line that ends in one, and then draws the next line's first characters with the wrong font
        (empty boxes): making it set the font again at the start of every line avoids that."""
        pdf = self.pdf
        self._font(bold, size, family)  # fpdf2 leaves the fallback font selected after a line that starts with it
        pdf.current_font_is_set_on_page = False
        pdf.set_xy(x, y)
        pdf.cell(w, size * LEADING, text, align=self.align)

    def para(self, text: str, size: float, bold: bool = False, grey: tuple[int, int, int] | None = None) -> None:
        pdf = self.pdf
        width = PAGE_W - 2 * MARGIN_X
        if grey:
            pdf.set_text_color(*grey)
        y = pdf.get_y()
        for line in self.wrap(text, bold, size, width):
            self._cell(MARGIN_X, y, width, line, size, bold)
            y += size * LEADING
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(MARGIN_X, y)

    def _rule(self, y: float) -> None:
        self.pdf.set_draw_color(*RULE_GREY)
        self.pdf.set_line_width(0.75)
        self.pdf.line(MARGIN_X, y, PAGE_W - MARGIN_X, y)

    def _times(self, row: _Row, y: float) -> None:
        pdf = self.pdf
        pdf.set_text_shaping(False)  # digits, colons and points: nothing to shape
        top = y + PAD_Y + (row.size - SIZE["time"]) * LEADING / 2
        for (x, w), value in zip(self.cols[:2], (row.begin, row.end), strict=True):
            self._cell(x + PAD_X, top, w - 2 * PAD_X, value, SIZE["time"], family="mono")
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if self.rtl else "ltr")

    def _lines(self, lines: list[str], y: float, size: float, bold: bool) -> None:
        x, w = self.cols[2]
        for i, line in enumerate(lines):
            self._cell(x + PAD_X, y + PAD_Y + i * size * LEADING, w - 2 * PAD_X, line, size, bold)

    def header_row(self, words: dict[str, str]) -> None:
        pdf = self.pdf
        y = pdf.get_y()
        h = SIZE["body"] * LEADING + 2 * PAD_Y
        pdf.set_fill_color(*HEAD_FILL)
        pdf.rect(MARGIN_X, y, PAGE_W - 2 * MARGIN_X, h, style="F")
        for (x, w), label in zip(self.cols, (words["time"], words["end"], words["text"]), strict=True):
            self._cell(x + PAD_X, y + PAD_Y, w - 2 * PAD_X, label, SIZE["body"], bold=True)
        self._rule(y + h)
        pdf.set_y(y + h)

    def row(self, row: _Row, words: dict[str, str]) -> None:
        pdf = self.pdf
        bottom = PAGE_H - MARGIN_Y
        if pdf.get_y() + row.height() > bottom:
            pdf.add_page()
            self.header_row(words)
        y = pdf.get_y()
        per_line = row.size * LEADING
        room = max(1, int((bottom - y - 2 * PAD_Y) // per_line))
        if len(row.lines) > room:  # taller than a whole page: the rest goes on the next pages
            self._times(row, y)
            self._lines(row.lines[:room], y, row.size, row.bold)
            pdf.set_y(y + room * per_line + 2 * PAD_Y)
            self.row(_Row("", "", row.lines[room:], row.bold), words)
            return
        self._times(row, y)
        self._lines(row.lines, y, row.size, row.bold)
        self._rule(y + row.height())
        pdf.set_y(y + row.height())


def cue_sheet_pdf(
    timeline: Timeline,
    pdf_path: Path,
    *,
    title: str | None = None,
    font_arabic: str = "Noto Naskh Arabic",
    font_latin: str = "Noto Sans",
) -> Path:
    """Write the cue sheet of ``timeline`` as a PDF (same content and order as :func:`cue_sheet_html`)."""
    if not available():
        raise MissingDependencyError(
            "fpdf2 and uharfbuzz are needed to make the cue sheet PDF without a browser.",
            hint="pip install fpdf2 uharfbuzz (or install Chromium: the PDF is then printed from the HTML).",
        )
    from fpdf.errors import FPDFException

    lang = timeline.lang
    words = TEXT.get(lang.split("-")[0], TEXT["en"])
    try:
        sheet = _Sheet(lang, font_arabic, font_latin)
        pdf = sheet.pdf
        head = title or words["title"]
        pdf.set_title(head)
        pdf.set_creator("Taysir")
        pdf.add_page()
        sheet.para(head, SIZE["title"], bold=True)
        pdf.ln(4)
        meta = f"{words['duration']}: {clock(timeline.duration_ms)} · {words['sentences']}: {len(timeline.cues)}"
        sheet.para(meta, SIZE["body"], grey=META_GREY)
        pdf.ln(10)
        sheet.para(words["how"], SIZE["body"])
        pdf.ln(SIZE["body"])
        sheet.header_row(words)
        for c in timeline.cues:
            bold = c.kind == "heading"
            sheet.row(_Row(clock(c.begin_ms), clock(c.end_ms), sheet.wrap(c.text, bold), bold), words)
        pdf_path.parent.mkdir(parents=True, exist_ok=True)
        pdf.output(str(pdf_path))
    except (FPDFException, OSError, ValueError, KeyError) as exc:
        raise OutputError(f"The cue sheet PDF could not be made: {exc}", hint="Print the HTML cue sheet from a browser instead.") from exc
    if not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        raise OutputError("The cue sheet PDF was not written.", hint="Print the HTML cue sheet from a browser instead.")
    return pdf_path
