"""Tables of a scanned ministry decision (ma-sante-ar-decision-2023): the list of posts ruled with
dashed inner rules whose directorate and division cells span up to six rows, and the application
forms' label tables (labels, blank cells to fill in). See docs/ocr.md, 2026-12-05 eighth session."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.model import Table
from transform.model.walk import iter_blocks
from transform.ocr.render import preprocess, render_page
from transform.ocr.tables import _form, _OutCell
from transform.ocr.tables_grid import bridged, find_grids

SANTE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "ma-sante-ar-decision-2023.pdf"
needs_corpus = pytest.mark.skipif(not SANTE.exists(), reason="real-document corpus not present")


def _page(page: int):
    """The page as the OCR path reads it (200 ppi scan rendered at 250 dpi, deskewed), before
    its dot leaders are painted over."""
    pdf = pdfium.PdfDocument(str(SANTE))
    try:
        return preprocess(render_page(pdf, page - 1), scanned=True)
    finally:
        pdf.close()


def test_a_dashed_rule_is_bridged_and_a_row_of_words_stays_broken() -> None:
    import numpy as np

    dashes = np.zeros((1, 40), dtype=bool)
    dashes[0, [0, 1, 2, 4, 5, 6, 8, 9, 10]] = True  # dashes one pixel apart
    assert bridged(dashes, 1)[0, :11].all()
    words = np.zeros((1, 40), dtype=bool)
    words[0, 0:8] = words[0, 13:20] = True  # two words five pixels apart
    assert not bridged(words, 2)[0, 8:13].any()
    assert (bridged(words, 0) == words).all()


@needs_corpus
def test_the_list_of_posts_is_found_with_its_dashed_rules_and_spanning_cells() -> None:
    pimg = _page(4)
    big = [g for g in find_grids(pimg.image, pimg.dpi, pale=True) if g.nrows > 5]
    assert big == []  # main: the dashed column rules are not rules, no grid
    [grid] = [g for g in find_grids(pimg.image, pimg.dpi, pale=True, dashed=True) if g.nrows > 5]
    assert (grid.nrows, grid.ncols) == (23, 3)  # the header row and 22 posts
    # the directorate column (the rightmost) spans 2, 2, 1, 1, 3, 3, 1, 3 and 6 posts below its header
    spans = [c.rowspan for c in grid.cells if c.col == 2]
    assert spans == [1, 2, 2, 1, 1, 3, 3, 1, 3, 6]
    divisions = [(c.row, c.rowspan) for c in grid.cells if c.col == 1 and c.rowspan > 1]
    assert divisions == [(1, 2), (3, 2), (8, 2), (17, 3), (20, 3)]
    assert all(c.rowspan == 1 for c in grid.cells if c.col == 0)  # one post a row


def _cells(rows: list[list[str]]) -> list[_OutCell]:
    return [_OutCell(r, c, 1, 1, text, 1 if text else 0) for r, row in enumerate(rows) for c, text in enumerate(row)]


def test_a_forms_label_table_is_a_table_and_boxes_of_prose_are_not() -> None:
    labels = ["المنصب المعني", "المديرية", "الاسم العائلي والشخصي", "رقم التأجير", "الدرجة"]
    assert _form(_cells([[w, ""] for w in labels]))
    assert _form(_cells([["", ""], *[[w, ""] for w in labels[1:]]]))  # one label the OCR did not read
    assert _form(_cells([[w, "=}" if n == 2 else ""] for n, w in enumerate(labels)]))  # one stray mark
    assert not _form(_cells([[w, "x y"] for w in labels]))  # filled in: not blank, judged as any table
    assert not _form(_cells([["تاريخ الطلب", "", "توقيع المترشح(ة)", ""]]))  # one row: two labels
    assert not _form(_cells([["2023", ""], ["1977", ""], ["12", ""]]))  # numbers are no labels
    prose = "يتعين على المترشحين إرفاق طلباتهم بنسخة من الشهادات والوثائق المثبتة لمسارهم المهني"
    assert not _form(_cells([[prose, ""], [prose, ""], [prose, ""]]))
    assert not _form(_cells([["=}", ""], ["—", ""], ["|", ""]]))  # marks are no labels


def _tables(page: int) -> list[Table]:
    doc = read_corpus_page(SANTE, page)
    assert doc.meta.pages[0].method == "ocr"
    return [b for _, b in iter_blocks(doc) if isinstance(b, Table)]


def _texts(table: Table) -> list[list[str]]:
    return [[normalize(" ".join(s.text for s in c.sentences)) for c in row] for row in table.rows]


@needs_corpus
@pytest.mark.slow
def test_the_list_of_posts_reads_as_one_table_whose_cells_span_their_posts(tmp_path: Path) -> None:
    [table] = _tables(4)  # main: no table
    rows = _texts(table)
    assert len(rows) == 23 and all(c.header for c in table.rows[0])
    assert len(rows[0]) == 3 and rows[0][0] == normalize("المديرية")
    assert normalize("القسم") in rows[0][1]  # the shaded header's grain is read as letters beside it (OCR'd words)
    # logical order: directorate, division, post; a spanning cell sits in its first row only
    last = [n for n, row in enumerate(rows) if row and row[0] == normalize("مديرية التموين بالأدوية والمنتجات الصحية")]
    assert last == [17]
    assert table.rows[17][0].rowspan == 6 and table.rows[17][1].rowspan == 3
    assert rows[17][1] == normalize("قسم التموين")
    assert rows[20] == [normalize("قسم الصفقات وتدبير المخزون"), normalize("رئيس قسم الصفقات وتدبير المخزون")]
    assert rows[22] == [normalize("رئيس مصلحة تدبير المخزون")]
    assert table.rows[10][0].rowspan == 3 and rows[10][0].startswith(normalize("مديرية علم الأوبئة"))
    assert [len(r) for r in rows[1:]] == [3, 1, 3, 1, 3, 3, 3, 2, 1, 3, 2, 2, 3, 3, 2, 2, 3, 1, 1, 2, 1, 1]


@needs_corpus
@pytest.mark.slow
def test_an_application_forms_label_table_reads_as_a_table(tmp_path: Path) -> None:
    # the grey label cells read black on white (docs/ocr.md, fifteenth session): `مكان التعيين الحالي` was `المالي`
    [table] = _tables(2)  # main: no table
    rows = _texts(table)
    assert len(rows) == 8 and all(len(r) == 2 for r in rows)
    assert not any(c.header for row in table.rows for c in row)  # printed without header cells
    labels = [r[0] for r in rows]
    for label in ("المنصب المعني", "المديرية", "الدرجة", "مكان التعيين الحالي", "الوظيفة الحالية"):
        assert normalize(label) in labels
    assert labels[0] == normalize("المنصب المعني") and labels[-1] == normalize("الوظيفة الحالية")
