"""A header band parted by a column rule that starts inside it (``pdf_table_partial``), header rows
on three levels and a grid of names without a header (``pdf_table_cells._header_rows``).

The Bulletin officiel 7440's cover, its rate box: ``TARIFS D'ABONNEMENT`` over ``AU MAROC`` (a brace under
it, then ``6 mois`` | ``1 an``) and ``A L'ETRANGER``; ``EDITIONS`` centred over the whole header band, in a
frame whose sides are not drawn. The rule between ``6 mois`` and ``1 an`` starts at the brace, inside the band
the double rule under the title and the header's bottom rule draw: the band was one cell
``AU MAROC { 6 mois 1 an`` and ``EDITIONS`` fell in the second header row, under an empty cell. The brace,
a glyph stretched over both sub-columns, is a drawing (``pdf_table_partial.drop_drawn_braces``)."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import block_text, read_pages
from transform.model import Paragraph, Table


def _text(cell: object) -> str:
    return " ".join(s.text for s in cell.sentences)  # type: ignore[attr-defined]


def test_rate_box_header_rows(tmp_path: Path) -> None:
    """And the subscription panel in the same frame (``pdf_panels``) is no column of the table: its title,
    joined by pdfium to the table's title at the same height, is cut at the panel's wall and heads its text."""
    blocks = read_pages("bo-fr-7440-2025.pdf", [0], tmp_path)
    at = next(k for k, b in enumerate(blocks) if isinstance(b, Table))
    table = blocks[at]
    assert [block_text(b) for b in blocks[at + 1:at + 3]] == ["ABONNEMENT", "IMPRIMERIE OFFICIELLE"]
    assert isinstance(blocks[at + 1], Paragraph)  # the panel's title over its stack of lines (pdf_panel_lines)
    assert all(sum(c.colspan for c in row) <= 4 for row in table.rows)  # no blank panel column
    rows = [[(_text(c), c.header) for c in row if _text(c)] for row in table.rows]
    assert rows[0][:2] == [("EDITIONS", True), ("TARIFS D’ABONNEMENT", True)]
    assert table.rows[0][0].rowspan == 3 and table.rows[0][1].colspan == 3
    assert rows[1] == [("AU MAROC", True), ("A L’ETRANGER", True)]
    assert rows[2] == [("6 mois", True), ("1 an", True)]  # the brace drawn over them is no text
    assert [t for t, _ in rows[3][:3]] == ["Edition générale", "250 DH", "400 DH"]
    assert not any(h for _, h in rows[3][1:])  # the rates are data cells


def test_header_on_three_levels(tmp_path: Path) -> None:
    """BO 7259 (finance law 2024) p. 18: ``تاريخ دخول حيز التطبيق`` over the sugar thresholds and the rates, each
    over its two dates of entry into force: the dates' row is the header's third row, the products' rows are body."""
    table = next(b for b in read_pages("bo-ar-7259-2023-lf2024.pdf", [17], tmp_path) if isinstance(b, Table))
    dates = [(_text(c), c.header) for c in table.rows[2] if _text(c)]
    assert dates == [("فاتح يناير 2024", True), ("فاتح يناير 2025", True)] * 2
    assert not any(c.header for row in table.rows[3:] for c in row[1:])


def test_grid_of_names_has_no_header(tmp_path: Path) -> None:
    """The CESE opinion's annex p. 57: two shaded grids of names, every row set alike (the truth's ``noheader``);
    the first row of names was read as header cells."""
    tables = [b for b in read_pages("cese-ar-avis-biodiversite-2025.pdf", [56], tmp_path) if isinstance(b, Table)]
    assert len(tables) == 2 and _text(tables[0].rows[0][0]) == "عبان أحمد بابا"
    assert not any(c.header for t in tables for row in t.rows for c in row)
