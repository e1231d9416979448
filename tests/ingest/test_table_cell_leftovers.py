"""Text-layer table cells read as their lines are (issue 17's leftovers of the sixteenth session).

- A cell line pdfium cut into pieces (a vowel mark set apart: the CESE opinion's p. 28, ``يَخضع`` whose
  first letter comes after the line break in the text page) is placed glyph by glyph, as the line
  reading does, so the letter is not left at the line's end.
- A ligature swapped back in a cell is checked against its line without brackets (the cell's are still
  in pdfium's order: ``بالانهيار(``).
- A ruled row holding a wrapped item and its unit over lines of blank fields (BO 7259 p. 17:
  ``4) - الكحول ...`` then ``أ) ......``) is cut into the item's row and one row per line of fields; a
  row of blank fields alone, empty once its dots are left out, does not take the row headers away.
- An ODT table whose first row is bold by its paragraph style has that row as its header.

Frozen glyphs and small XML: no page is read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import SimpleNamespace

from lxml import etree

from transform.ingest.fodt import package_with_indexes
from transform.ingest.odt_table_heads import mark_header_rows
from transform.ingest.pdf_table_cells import GridCell, mark_headers
from transform.ingest.pdf_table_glyphs import Glyphs, _ligatures_as_line
from transform.ingest.pdf_table_spans import split_spanned

from .test_pdf_tables_council import _glyphs

# (text-page index, character, x0, x1) of one cell line of the CESE opinion, p. 28 (13 pt): the line is
# drawn in two pieces, ``َخضع لفترات الراحة`` then, after a line break, the ``ي`` set rightmost
CESE_LINE = [
    (2088, "\u064e", 167.76, 170.63), (2089, "خ", 160.44, 168.03), (2090, "ض", 150.48, 160.78),
    (2091, "ع", 145.76, 151.46), (2092, " ", 142.47, 145.76), (2093, "ل", 139.21, 142.47),
    (2094, "ف", 134.41, 139.5), (2095, "ت", 131.13, 134.65), (2096, "ر", 125.37, 131.29),
    (2097, "ا", 123.27, 126.2), (2098, "ت", 115.21, 123.27), (2099, " ", 111.92, 115.21),
    (2100, "ا", 109.0, 111.92), (2101, "ل", 105.74, 109.0), (2102, "ر", 99.98, 105.91),
    (2103, "ا", 97.88, 100.81), (2104, "ح", 90.58, 97.88), (2105, "ة", 86.22, 90.77),
    (2106, " ", 82.93, 86.22), (2109, "ي", 167.84, 171.23),
]


def _frozen(rows: list[tuple[int, str, float, float]], line_text: str) -> Glyphs:
    line = SimpleNamespace(text=line_text, size=13.0, top=551.38, bottom=563.77, baseline=559.48)
    g = Glyphs([line])  # type: ignore[list-item]
    for idx, ch, x0, x1 in rows:
        g.idx.append(idx)
        g.ch.append(ch)
        g.x0.append(x0)
        g.x1.append(x1)
        g.cy.append(556.52)
        g.line.append(0)
        g.bold.append(False)
    return g


def _bare(text: str) -> str:
    return "".join(c for c in text if not "\u064b" <= c <= "\u065f")


def test_cell_line_in_pieces_keeps_its_first_letter_in_place() -> None:
    g = _frozen(CESE_LINE, "يَخضع لفترات الراحة")
    assert _bare(g.text(list(range(len(CESE_LINE))), rtl=True)) == "يخضع لفترات الراحة"


def test_a_line_in_one_piece_reads_as_before() -> None:
    # the same glyphs with consecutive text-page indices: no line break, nothing re-placed
    rows = [(2088 + k, ch, x0, x1) for k, (_, ch, x0, x1) in enumerate(CESE_LINE[:-1])]
    g = _frozen(rows, "َخضع لفترات الراحة")
    assert _bare(g.text(list(range(len(rows))), rtl=True)) == "خضع لفترات الراحة"


def test_cell_ligature_in_brackets_follows_its_line() -> None:
    # ``باالنهيار(``: the lam-alef glyph emitted alef first (both letters share one box), the bracket unmirrored
    cell = "باالنهيار("
    xs = [(317.72, 321.11), (314.66, 318.0), (308.21, 314.75), (308.21, 314.75), (304.82, 308.21),
          (300.19, 305.14), (296.6, 300.5), (293.55, 296.89), (288.78, 293.55), (285.51, 289.26)]
    assert _ligatures_as_line(cell, lambda i: xs[i], "بالانهيار) في تراجع -") == "بالانهيار("
    # a line that does not hold the swapped word: left as it is
    assert _ligatures_as_line(cell, lambda i: xs[i], "في تراجع -") == cell


def _lines(words: list[tuple[str, float, float]]) -> tuple[Glyphs, list[list[int]]]:
    """Glyphs of words at (x, baseline); the members of each word."""
    g = _glyphs([(w, x) for w, x, _ in words])
    bases: list[float] = []
    for w, _, base in words:
        bases.extend([base] * len(w))
    g.lines[0].baseline = None
    g.baseline = lambda j: bases[j]  # type: ignore[method-assign]
    members, at = [], 0
    for w, _, _ in words:
        members.append(list(range(at, at + len(w))))
        at += len(w)
    return g, members


def test_wrapped_item_over_fields_is_a_row_of_its_own() -> None:
    """Label column: an item wrapped over two lines, then a sub-item and a line of blank fields; unit column:
    the item's unit wrapped over three lines, then two blank fields; amount column: two blank fields."""
    g, m = _lines([
        ("Item", 0.0, 10.0), ("wrapped", 0.0, 25.0), ("a)......", 0.0, 50.0), ("........", 0.0, 65.0),
        ("Unit", 100.0, 10.0), ("of", 100.0, 25.0), ("item", 100.0, 40.0), ("......", 100.0, 50.0), ("......", 100.0, 65.0),
        ("......", 200.0, 50.0), ("......", 200.0, 65.0),
    ])
    cells = [GridCell(0, 0, m[0] + m[1] + m[2] + m[3]), GridCell(0, 1, m[4] + m[5] + m[6] + m[7] + m[8]),
             GridCell(0, 2, m[9] + m[10])]
    out, nrows = split_spanned(cells, 1, 3, g)
    assert nrows == 3
    got = sorted((c.row, c.col, g.plain(sorted(c.members))) for c in out)
    assert got == [(0, 0, "Itemwrapped"), (0, 1, "Unitofitem"), (0, 2, ""),  # (plain: no spaces between touching glyphs)
                   (1, 0, "a)......"), (1, 1, "......"), (1, 2, "......"),
                   (2, 0, "........"), (2, 1, "......"), (2, 2, "......")]


def test_a_row_of_blank_fields_vetoes_no_row_header() -> None:
    """A row left empty (its dots left out) has no label; the labels of the rows with values still head them."""
    cells = [GridCell(0, 0, [], text="Item"), GridCell(0, 1, [], text="Amount"),
             GridCell(1, 0, [], text="a) Beer"), GridCell(1, 1, [], text="1550,00"),
             GridCell(2, 0, [], text=""), GridCell(2, 1, [], text=""),
             GridCell(3, 0, [], text="b) Wine"), GridCell(3, 1, [], text="1150,00")]
    mark_headers(cells, 2, 1, None)  # type: ignore[arg-type]
    assert [c.header for c in cells if c.col == 0] == [True, True, False, True]


def test_wrapped_label_beside_its_field_stays_one_row() -> None:
    """A label's first line alone above the fields (no line of two columns there): the row is not cut."""
    g, m = _lines([("Nom", 0.0, 10.0), ("prénom", 0.0, 25.0), ("Adresse", 0.0, 40.0),
                   ("......", 100.0, 25.0), ("......", 100.0, 40.0)])
    cells = [GridCell(0, 0, m[0] + m[1] + m[2]), GridCell(0, 1, m[3] + m[4])]
    _, nrows = split_spanned(cells, 1, 2, g)
    assert nrows == 1


NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
STYLES = ('<office:automatic-styles>'
          '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Head"/>'
          '<style:style style:name="P4" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>'
          '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>'
          '</office:automatic-styles>')
NAMED = (f'<office:document-styles {NS}><office:styles><style:style style:name="Head" style:family="paragraph">'
         '<style:text-properties fo:font-weight="bold"/></style:style></office:styles></office:document-styles>')


def _table(*rows: str) -> str:
    return "<table:table>" + "".join(
        "<table:table-row>" + "".join(f'<table:table-cell><text:p text:style-name="{c.split(":")[0]}">{c.split(":")[1]}</text:p>'
                                      "</table:table-cell>" for c in row.split("|")) + "</table:table-row>" for row in rows) + "</table:table>"


def _heads(content: str, styles: str | None = NAMED) -> list[list[str]]:
    root = etree.fromstring(f"<office:document-content {NS}>{STYLES}<office:body><office:text>{content}</office:text></office:body>"
                            "</office:document-content>")
    mark_header_rows(root, etree.fromstring(styles) if styles else None)
    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    return [["".join(r.itertext()) for r in h.iter(f"{t}table-row")] for h in root.iter(f"{t}table-header-rows")]


def test_bold_first_row_of_an_odt_table_is_its_header() -> None:
    # bold through a named parent style (P3 -> Head) or its own (P4), over plain rows
    assert _heads(_table("P3:Mois|P4:Total", "Standard:JANVIER|Standard:995", "Standard:MARS|Standard:1 301")) == [["MoisTotal"]]
    # every row bold, a plain first row, or the bold in a span that sets it back to normal: no header
    assert _heads(_table("P4:Mois|P4:Total", "P3:JANVIER|P4:995")) == []
    assert _heads(_table("Standard:Addictions|Standard:2 930", "P4:TOTAL|P4:14 995")) == []
    assert _heads(_table("P3:Mois|P3:Total", "Standard:JANVIER|Standard:995"), styles=None) == []  # Head unknown
    plain_span = '<table:table><table:table-row><table:table-cell><text:p text:style-name="P4"><text:span text:style-name="T1">' \
                 'Mois</text:span></text:p></table:table-cell></table:table-row>' \
                 '<table:table-row><table:table-cell><text:p>JANVIER</text:p></table:table-cell></table:table-row></table:table>'
    assert _heads(plain_span) == []


def test_montpellier_report_package_gets_its_header_row() -> None:
    src = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "montpellier-prevention-sante-2013.odt"
    data = package_with_indexes(src)
    assert data is not None
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("content.xml"))
    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    heads = [[" ".join("".join(c.itertext()).split()) for c in h.iter(f"{t}table-cell")] for h in root.iter(f"{t}table-header-rows")]
    assert heads == [["Mois", "Intitulé", "Nombre de personnes présentes", "Total"]]  # the second table has none
