"""A ruled box whose outer column has no side rule, and a panel beside a table under the same
frame (docs/ocr.md, "A box's open side and the panel beside it", twenty-fourth session). Small
synthetic images and frozen lines: no tesseract. Each test fails on main's code."""

from __future__ import annotations

from PIL import Image, ImageDraw

from transform.ingest.base import TextLine
from transform.ocr.render import PageImage
from transform.ocr.tables import _priced_lines
from transform.ocr.tables_grid import GridCell, find_grids
from transform.ocr.tables_read import _Piece, _Slot
from transform.ocr.tesseract import OcrResult

DPI = 200


class FakeRead:
    """``tesseract.read_rows`` answering each crop with the given lines, stacked inside it."""

    def __init__(self, answers: list[list[str]]) -> None:
        self.answers, self.boxes, self.psms = answers, [], []

    def __call__(self, pimg, boxes, langs, timeout, psm=13):
        self.boxes.append(boxes)
        self.psms.append(psm)
        k = 72.0 / pimg.dpi
        out = []
        for box, texts in zip(boxes, self.answers, strict=True):
            lines = [TextLine(t, (box[0] + 10) * k, (box[1] + 10 + 40 * n) * k, (box[2] - 10) * k, (box[1] + 40 + 40 * n) * k)
                     for n, t in enumerate(texts)]
            out.append(OcrResult(lines, 90.0, len(texts)))
        return out


def _box(inner_reaches_left: bool = True) -> Image.Image:
    """A cover's rate box at 200 ppi: frame rules (top, bottom) from x 100 to 1500; column rules at
    500, 700, 900 (the grid) and 1150 (the panel's); a header rule from the left end (or from the
    first column rule) to 1150; no rule down either outer side."""
    im = Image.new("L", (1600, 700), 255)
    d = ImageDraw.Draw(im)
    for y in (100, 106, 600, 606):  # double frame rules
        d.line([(100, y), (1500, y)], fill=0, width=3)
    d.line([(100 if inner_reaches_left else 500, 250), (1150, 250)], fill=0, width=3)  # the header's rule
    d.line([(500, 175), (900, 175)], fill=0, width=3)  # a header rule inside the grid only
    for x in (500, 700, 900, 1150):
        d.line([(x, 100), (x, 606)], fill=0, width=3)
    return im


def test_a_column_with_no_side_rule_belongs_to_the_table_its_row_rules_run_over() -> None:
    # Main: the grid stops at the first column rule (x 500), the labels' column left out; here it
    # runs on to where the frame's rules end, its header cell spanning the two header rows.
    [grid] = find_grids(_box(), DPI)
    assert abs(grid.xs[0] - 100) < 8 and abs(grid.xs[-1] - 1150) < 8
    assert grid.ncols == 4 and grid.nrows == 3
    first = [c for c in grid.cells if c.col == 0]
    assert [(c.row, c.rowspan) for c in first] == [(0, 2), (2, 1)]
    # the panel right of 1150: only the frame's rules run over it, so it is no column
    assert len(grid.panels) == 1 and abs(grid.panels[0][0] - 1150) < 8 and abs(grid.panels[0][1] - 1500) < 8


def test_a_side_only_the_frame_runs_over_is_no_column() -> None:
    # the header's rule starts at the first column rule: nothing but the frame runs left of it
    [grid] = find_grids(_box(inner_reaches_left=False), DPI)
    assert abs(grid.xs[0] - 500) < 8
    assert len(grid.panels) == 2  # the open space on the left and the panel on the right


def test_a_panel_beside_the_table_is_cut_from_its_lines_and_read_apart(monkeypatch) -> None:
    from transform.ocr import tables_panel  # new this session

    [grid] = find_grids(_box(), DPI)
    k = 72.0 / DPI
    row = TextLine("Edition générale 250 DH 400 DH IMPRIMERIE OFFICIELLE", 110 * k, 300 * k, 1400 * k, 330 * k)
    words = {id(row): [(w, x0 * k, 300 * k, x1 * k, 330 * k) for w, x0, x1 in (
        ("Edition", 110, 200), ("générale", 210, 330), ("250", 520, 570), ("DH", 580, 620), ("400", 720, 770),
        ("DH", 780, 820), ("IMPRIMERIE", 1180, 1300), ("OFFICIELLE", 1310, 1400))]}
    beside = TextLine("Tel. : 05.37.76.50.24", 1180 * k, 400 * k, 1450 * k, 430 * k)
    below = TextLine("L'édition de traduction officielle contient", 100 * k, 650 * k, 1450 * k, 680 * k)
    lines = [row, beside, below]
    fake = FakeRead([["ABONNEMENT", "IMPRIMERIE OFFICIELLE", "Tel. : 05.37.76.50.24"]])
    monkeypatch.setattr("transform.ocr.tesseract.read_rows", fake)
    pimg = PageImage(Image.new("L", (1600, 700), 255), DPI, 1, 0, 0)
    assert tables_panel.cut_panels(pimg, [grid], lines, words, "fra", 10.0, 0.08 * 72) == 1
    assert row.text == "Edition générale 250 DH 400 DH"  # the panel's words left the table's line
    assert [w[0] for w in words[id(row)]] == row.text.split()
    # the panel's lines read as one block, after the table's, in place of the lines read across
    assert [ln.text for ln in lines] == [row.text, "ABONNEMENT", "IMPRIMERIE OFFICIELLE", "Tel. : 05.37.76.50.24", below.text]
    assert fake.psms == [6]
    box = fake.boxes[0][0]
    assert box[0] > 1150 and box[2] >= 1500  # inside the panel's rule, past its open side


def test_a_column_of_amounts_with_dashes_is_read_line_by_line() -> None:
    # the rate box's six-month column: `250 DH`, a dash where an edition has no such rate; main
    # took the dash for a word and kept the six printed lines as one row
    def piece(text: str, n: int, x0: float) -> _Piece:
        return _Piece(text, 100 + 20 * n, 112 + 20 * n, x0, x0 + 40)

    labels = _Slot(GridCell(0, 0), 0, 400, [piece(t, n, 10) for n, t in enumerate(["Edition générale", "Edition des débats", "Edition des annonces"])])
    six = _Slot(GridCell(0, 1), 0, 400, [piece(t, n, 200) for n, t in enumerate(["250 DH", "—", "250 DH"])])
    assert _priced_lines([labels, six])
    six.pieces[0].text = "250 DH payé"  # a word that is no dash still makes the cell no column of amounts
    assert not _priced_lines([labels, six])


def test_a_cell_line_read_again_is_cropped_inside_its_rules() -> None:
    # Haute-Saône's grid of names: a printed line tesseract's layout lost (`Lantenot`, set 4) was read
    # again from a crop reaching past the column rule beside it; the rule's stroke cost the word its
    # confidence (25, under EMPTY_CONF) and the name was left out. The crop stays inside the rules now.
    from transform.ocr.tables_fill import _Filler
    from transform.ocr.tables_grid import ink_of
    from transform.ocr.tables_read import _uncovered

    im = Image.new("L", (1200, 500), 255)
    d = ImageDraw.Draw(im)
    for y in (50, 450):
        d.line([(50, y), (1150, y)], fill=0, width=3)
    for x in (50, 300, 700, 1150):
        d.line([(x, 50), (x, 450)], fill=0, width=3)
    for n in range(3):  # three printed lines of a cell, the words close to the column rule on their left
        d.rectangle([(306, 80 + 40 * n), (420 + 30 * n, 100 + 40 * n)], fill=0)
    ink = ink_of(im)
    [grid] = find_grids(im, DPI, ink)
    k = 72.0 / DPI
    filler = _Filler(grid, k, 0.08 * 72)
    slot = next(s for s in filler.slots.values() if s.cell.col == 1)
    slot.pieces = [_Piece("Champagney", 80 * k, 100 * k, 306 * k, 420 * k)]
    placed = [(306 * k, 80 * k, 420 * k, 100 * k)]  # the first line read; the two under it lost
    boxes = _uncovered(ink, grid, slot, DPI, k, placed, inside_rules=True)  # a left-to-right table
    assert len(boxes) == 2
    assert all(302 < b[0] and b[2] < 698 for b in boxes)  # clear of the rules at 300 and 700
