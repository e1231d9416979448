"""Ruled tables of scans whose rules are faint, broken or imitated (docs/ocr.md, 2026-12-06,
eleventh session): a column rule broken in places between two cells that span the same rows
(Sfax's two date columns), a word stretched by kashida across its cell (no row rule), and the
grain of a shaded header row read as letters (NARSA). Each test fails on main's code."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.ocr.render import ENLARGE_BELOW, preprocess, render_page, render_scan, scan_resolution
from transform.ocr.tables_fill import _Filler
from transform.ocr.tables_grid import find_grids

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def _page(name: str, page: int):
    """Page ``page`` of a corpus scan as the OCR path reads it (a small scan enlarged, deskewed)."""
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    try:
        res = scan_resolution(pdf[page - 1])
        small = res is not None and res[0] < ENLARGE_BELOW
        return preprocess(render_scan(pdf, page - 1, res[1]) if small else render_page(pdf, page - 1), scanned=True)
    finally:
        pdf.close()


def _grids(pimg):
    return find_grids(pimg.image, pimg.dpi, pale=True, dashed=True)


def test_a_broken_column_rule_between_cells_spanning_the_same_rows_is_drawn() -> None:
    # Sfax p2: nine columns; the two date columns (left) each one cell over the four posts, the
    # pale rule between them broken every few inches (no slot's share reaches 60 %). Main: one
    # cell two columns wide, both dates in it.
    [grid] = [g for g in _grids(_page("tn-sfax-ar-balagh-2022.pdf", 2)) if g.ncols == 9]
    assert grid.nrows == 5  # the header row and four posts
    dates = [(c.row, c.col, c.rowspan, c.colspan) for c in grid.cells if c.col < 2]
    assert dates == [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 4, 1), (1, 1, 4, 1)]


def test_a_word_stretched_across_its_cell_is_no_row_rule() -> None:
    # Sfax p4: `صـــــنف` stretched by kashida in the third post's qualification cell reaches the
    # cell's right rule only; main took it for a rule and cut the post into two rows (its last
    # row then held `أكثر من سنة مع شهادة تكوين ...` alone).
    [grid] = [g for g in _grids(_page("tn-sfax-ar-balagh-2022.pdf", 4)) if g.ncols == 9]
    assert grid.nrows == 4  # the header row and three posts
    assert all(c.rowspan == 1 for c in grid.cells if c.col >= 3)  # no post cut in two
    assert [c.rowspan for c in grid.cells if c.col < 3 and c.row == 1] == [3, 3, 3]  # dates, conditions


def test_the_grain_of_a_shaded_header_row_is_not_read_into_its_cells() -> None:
    # NARSA p1: a two-column table whose header row is shaded grey; tesseract read its grain as
    # `Fa y 15 ا 1` and `76` beside `المنصب المتبارى بشأنه`. Words printed on it are black.
    pimg = _page("ma-narsa-ar-decision-2023.pdf", 1)
    [grid] = [g for g in _grids(pimg) if g.ncols == 2 and g.nrows == 2]
    filler = _Filler(grid, 72.0 / pimg.dpi, 6.0, np.asarray(pimg.image.convert("L")))
    k = 72.0 / pimg.dpi
    x0, x1 = grid.xs[0] * k, grid.xs[-1] * k
    head_top, head_bottom = grid.ys[0] * k, grid.ys[1] * k
    body_top, body_bottom = grid.ys[1] * k, grid.ys[2] * k
    grey = np.asarray(pimg.image.convert("L"))

    def boxes(top: float, bottom: float, dark: bool) -> list[tuple[float, float, float, float]]:
        """Word-sized boxes of the band whose darkest pixel is (``dark``) or is not black."""
        out = []
        h = (bottom - top) * 0.4
        y = top + (bottom - top) * 0.3
        x = x0 + 4
        while x + 20 < x1 - 4:
            box = grey[int(y / k):int((y + h) / k), int(x / k):int((x + 20) / k)]
            if (box.min() < 80) == dark:
                out.append((x, y, x + 20, y + h))
            x += 10
        return out

    words = boxes(head_top, head_bottom, True)
    bare = boxes(head_top, head_bottom, False)
    assert words and bare
    assert not any(filler.grain(*b) for b in words)  # the header's own words stay
    assert all(filler.grain(*b) for b in bare)  # the grey ground alone is grain
    body_words = boxes(body_top, body_bottom, True)
    assert body_words and not any(filler.grain(*b) for b in body_words)


def test_a_cells_printed_line_no_ocr_line_covers_is_found_and_specks_are_not() -> None:
    from PIL import Image, ImageDraw

    from transform.ocr.tables_grid import Grid, GridCell, ink_of
    from transform.ocr.tables_read import _Slot, _uncovered

    dpi = 200.0
    img = Image.new("L", (800, 400), 255)
    d = ImageDraw.Draw(img)
    for x in (100, 700):
        d.line([(x, 50), (x, 350)], fill=0, width=2)
    for y in (50, 350):
        d.line([(100, y), (700, y)], fill=0, width=2)
    d.rectangle([150, 100, 600, 125], fill=0)  # a printed line an OCR'd line covers
    d.rectangle([150, 180, 500, 205], fill=0)  # a printed line no OCR'd line covers
    for x in range(150, 600, 40):
        d.point((x, 280), fill=0)  # specks of a scan's grain
    grid = Grid([100.0, 700.0], [50.0, 350.0], [GridCell(0, 0)])
    slot = _Slot(grid.cells[0], 50.0, 350.0)
    k = 72.0 / dpi
    covered = [(150 * k, 100 * k, 600 * k, 125 * k)]
    [box] = _uncovered(ink_of(img), grid, slot, dpi, k, covered)
    assert box[1] <= 180 and box[3] >= 205 and box[0] <= 150 and box[2] >= 500 and box[3] < 280


@pytest.mark.slow
def test_sfax_p2_reads_its_two_date_columns_and_the_lines_tesseract_skipped(tmp_path: Path) -> None:

    from transform.evaluation import normalize
    from transform.model import Table
    from transform.model.walk import iter_blocks

    doc = read_corpus_page(FILES / "tn-sfax-ar-balagh-2022.pdf", 2)
    [table] = [b for _, b in iter_blocks(doc) if isinstance(b, Table)]
    rows = [[normalize(" ".join(s.text for s in c.sentences)) for c in row] for row in table.rows]
    assert [len(r) for r in rows] == [9, 9, 6, 6, 6]  # main: the two date columns one cell (8 in the first post)
    assert rows[0][7] == normalize("تاريخ ختم الترشحات") and rows[0][8] == normalize("تاريخ إجراء الامتحان")
    assert "2022" in rows[1][7] and "17" in rows[1][7]  # the closing date, a cell of its own
    assert "2022" in rows[1][8] and normalize("والأيام الموالية") in rows[1][8]  # the exam date, beside it
    # lines of the first post's task and of the second post's task that tesseract's layout skipped
    assert normalize("حمولتها 3.5 أطنان") in rows[1][3]  # main: `مكلف تب : - سياقة وسيلة نقل بضائع تفوق`
    assert normalize("تركيب و إصلاح أجزاء كهربائية") in rows[2][3]


def test_a_column_rule_read_as_the_alef_of_the_word_beside_it_is_taken_off() -> None:
    from transform.ocr.tables_grid import Grid, GridCell

    # Health's list of posts (ma-sante p4): `أقسم الصيدلة`, `أرئيس مصلحة ...` whose boxes end on the
    # division and post columns' right rules (x = 407.2 pt and 245.4 pt on the page)
    grid = Grid([57.0, 245.4, 407.2, 547.8], [150.0, 180.0], [GridCell(0, 0), GridCell(0, 1), GridCell(0, 2)])
    filler = _Filler(grid, 1.0, 6.0)
    division, post = filler.slots[(0, 1)], filler.slots[(0, 0)]
    assert filler.off_right_rule("أقسم", 408.1, division) == "قسم"
    assert filler.off_right_rule("أقسم", 407.2, division) == "قسم"
    assert filler.off_right_rule("أرئيس", 246.2, post) == "رئيس"
    assert filler.off_right_rule("الخاص", 406.4, division) == "الخاص"  # ends before the rule: its own alef
    assert filler.off_right_rule("المنقلة", 413.2, division) == "المنقلة"  # runs on into the next cell
    assert filler.off_right_rule("اب", 407.3, division) == "اب"  # two letters: left alone
    assert filler.off_right_rule("قسم", 407.8, division) == "قسم"
    placed = _Filler(grid, 1.0, 6.0)
    assert placed.place_words([("قسم", 380.0, 160.0, 404.0, 170.0), ("أقسم", 300.0, 160.0, 407.5, 170.0)], rtl=True)
    assert [p.text for p in placed.slots[(0, 1)].pieces] == ["قسم قسم"]
