"""PDF tables found where they exist, with rows kept whole.

Inputs are PDFs made by LibreOffice from documents written for these tests
(``tests/resources/make_table_pdfs.py``; see tests/resources/README.md): a ruled Arabic
budget with merged cells and a table laid out with tabs, a French table laid out with tab
stops next to a contents list with dot leaders, prose in two and three columns, minutes with
signatures side by side, labels that wrap over two to four lines (amounts on the first
line, in the middle, on the last), a table in one column of a page set in two columns, a
table crossing a page break. Every table is read through the real ingest (pypdfium2,
pdfplumber's table finder) and checked cell by cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.ingest import pdf_table_grid, pdf_tables
from transform.ingest.pdf_table_cells import GridCell, looks_like_toc, plausible
from transform.model import Document, Table
from transform.model.text import Direction
from transform.model.walk import iter_blocks

from ._compare import load, normalise

RES = Path(__file__).resolve().parents[1] / "resources"
_cache: dict[str, Document] = {}


def doc(name: str, **options: object) -> Document:
    key = name + repr(sorted(options.items()))
    if key not in _cache:
        _cache[key] = load(RES / f"tables-{name}.pdf", **options)
    return _cache[key]


def tables(d: Document) -> list[Table]:
    return [b for _, b in iter_blocks(d) if isinstance(b, Table)]


def cells(t: Table) -> list[list[str]]:
    return [[normalise(" ".join(s.text for s in c.sentences)) for c in row] for row in t.rows]


def width(t: Table) -> int:
    return max(sum(c.colspan for c in row) for row in t.rows)


def row_of(t: Table, label: str) -> list[str]:
    found = [r for r in cells(t) if r and label in r]
    assert len(found) == 1, f"{label!r} should label exactly one row: {cells(t)}"
    return found[0]


# -- no table where there is none -------------------------------------------------------------

@pytest.mark.parametrize("name", ["fr-columns", "fr-minutes"])
def test_no_table_in_prose_columns_or_minutes(name: str) -> None:
    """Justified prose in two and three columns, minutes with two signature blocks side by
    side (tab stops, and a borderless table of two columns of names) hold no table."""
    assert tables(doc(name)) == []


def test_contents_list_and_bullets_are_not_tables() -> None:
    (t,) = tables(doc("fr-tabs"))  # only the population table, not the contents with dot leaders
    assert cells(t)[0] == ["Commune", "Population", "Superficie (km2)", "Densité"]


def test_finder_runs_only_on_candidate_regions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cheap test keeps prose pages away from the table finder, and the finder gets the
    edges of one grid, not of the whole page."""
    calls: list[int] = []
    real_find = pdf_tables.find_tables
    monkeypatch.setattr(pdf_tables, "find_tables", lambda *a: calls.append(1) or real_find(*a))
    load(RES / "tables-fr-columns.pdf")
    assert calls == []  # two pages of prose in columns: the finder never ran

    given: list[tuple[float, float, float, float]] = []
    real_cells = pdf_table_grid.grid_cells

    def spy(grid: pdf_table_grid.Grid, w: float, h: float, *rest: object) -> list[list[pdf_table_grid.Box]]:
        given.append((grid.x0, grid.top, grid.x1, grid.bottom))
        return real_cells(grid, w, h, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_table_grid, "grid_cells", spy)
    (t, _) = tables(load(RES / "tables-ar-budget.pdf"))
    assert len(given) == 1
    x0, top, x1, bottom = given[0]
    assert bottom - top < 300 and x1 - x0 < 480  # the table's frame, well inside the A4 page


# -- ruled Arabic budget ----------------------------------------------------------------------

def test_ruled_arabic_budget_merged_cells_and_headers() -> None:
    t, _ = tables(doc("ar-budget"))
    assert t.direction == Direction.RTL and t.lang == "ar"
    assert len(t.rows) == 6 and width(t) == 4
    got = cells(t)
    assert got[0] == ["الباب", "البند", "اعتمادات 2025", "اعتمادات 2026"]  # logical order: right to left
    assert all(c.header for c in t.rows[0])
    # the label that wraps over two lines stays one cell, bound to its amounts
    assert got[1] == ["التسيير", "الأجور والتعويضات الممنوحة للموظفين والأعوان الجماعيين", "48 250 000", "51 400 000"]
    assert got[2] == ["صيانة الطرق والمسالك القروية", "12 600 000", "14 100 000"]  # under the merged cell
    assert got[3] == ["التجهيز", "بناء وتجهيز مركب سوسيو رياضي بحي النهضة وملعب للقرب", "22 000 000", "35 500 000"]
    assert got[5] == ["المجموع", "89 150 000", "110 750 000"]
    assert (t.rows[1][0].rowspan, t.rows[3][0].rowspan, t.rows[5][0].colspan) == (2, 2, 2)
    # the first column labels rows of amounts: row header cells; amounts are data cells
    assert t.rows[1][0].header and t.rows[5][0].header
    assert not any(c.header for row in t.rows[1:] for c in row[-2:])


def test_arabic_table_laid_out_with_tabs() -> None:
    _, t = tables(doc("ar-budget"))
    assert t.direction == Direction.RTL
    assert cells(t) == [
        ["المصدر", "المبلغ بالدرهم", "الحصة"],
        ["حصة الجماعة من الضريبة على القيمة المضافة", "58 400 000", "52,7 %"],
        ["الرسوم المحلية المحصلة مباشرة", "21 900 000", "19,8 %"],
        ["مداخيل الأملاك الجماعية", "9 450 000", "8,5 %"],
        ["إمدادات الدولة والمجلس الإقليمي", "21 000 000", "19,0 %"],
    ]
    assert all(c.header for c in t.rows[0])


# -- French tables without ruling lines -------------------------------------------------------

def test_french_table_aligned_with_tabs() -> None:
    (t,) = tables(doc("fr-tabs"))
    assert len(t.rows) == 7 and width(t) == 4
    assert all(c.header for c in t.rows[0])  # bold words over columns of numbers
    assert row_of(t, "Souk Sebt Ouled Nemma") == ["Souk Sebt Ouled Nemma", "61 870", "86,0", "719,4"]
    assert row_of(t, "Total") == ["Total", "148 172", "646,3", "229,3"]
    assert all(row[0].header and not row[1].header for row in t.rows[1:])


@pytest.mark.parametrize("which", [0, 1, 2], ids=["amounts-on-first-line", "amounts-centred", "amounts-on-last-line"])
def test_wrapped_labels_stay_bound_to_their_amounts(which: int) -> None:
    t = tables(doc("fr-wrapped"))[which]
    assert len(t.rows) == 7 and width(t) == 3
    assert cells(t)[0] == ["Domaine", "Montant (DH)", "Part"]
    assert row_of(t, "Infrastructures et routes rurales")[1:] == ["412 500 000", "33 %"]
    assert row_of(t, "Eau potable, assainissement et irrigation")[1:] == ["237 500 000", "19 %"]
    assert row_of(t, "Éducation et formation professionnelle")[1:] == ["150 000 000", "12 %"]
    assert row_of(t, "Santé")[1:] == ["100 000 000", "8 %"]
    assert row_of(t, "Agriculture et développement rural des zones de montagne")[1:] == ["75 000 000", "6 %"]
    assert row_of(t, "Dépenses de fonctionnement")[1:] == ["275 000 000", "22 %"]


def test_table_in_one_column_of_a_page_in_two_columns() -> None:
    (t,) = tables(doc("fr-column-table"))
    assert cells(t) == [
        ["Commune", "Ménages", "Raccordés"],
        ["Ouled Ayad", "5 120", "4 870"],
        ["Aït Ouirra", "2 315", "1 402"],
        ["Ouled Mbarek", "4 006", "3 911"],
        ["Dar Ould Zidouh", "3 540", "2 988"],
        ["Total", "14 981", "13 171"],
    ]


def test_prose_beside_the_table_stays_in_the_text() -> None:
    text = " ".join(normalise(s.text) for _, blk in iter_blocks(doc("fr-column-table")) for s in getattr(blk, "sentences", []))
    assert "Le diagnostic territorial a été conduit" in text and "Sur le plan économique" in text
    assert "5 120" not in text  # the table's cells are not read twice


# -- a table across a page break --------------------------------------------------------------

def test_table_across_a_page_break_is_one_table() -> None:
    # ocr="never": the page of place names must be read from its text layer (the OCR judge
    # doubts pages of proper names; that is the OCR area's business, not the table's)
    (t,) = tables(doc("fr-pagebreak", ocr="never"))
    assert len(t.rows) == 29 and width(t) == 4  # the header printed again on page 2 is dropped
    assert cells(t)[0] == ["Douar", "Longueur (km)", "Ménages desservis", "Année"]
    assert sum(1 for r in cells(t) if r[0] == "Douar") == 1
    assert row_of(t, "Aït Hammou")[1:] == ["3,0", "120", "2026"]
    assert row_of(t, "Tilouguite")[1:] == ["4,1", "127", "2028"]  # first row on page 2
    assert row_of(t, "Ait Mazigh")[1:] == ["21,7", "319", "2026"]


# -- the content test on bad outputs ----------------------------------------------------------

def _grid(rows: list[list[str]]) -> tuple[list[GridCell], int, int]:
    out = [GridCell(r, c, [], text=text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return out, len(rows), max(len(r) for r in rows)


@pytest.mark.parametrize("rows", [
    [["Le secrétaire du conseil", "Le président du conseil"], ["Signé : Karim Benjelloun", "Signé : Ahmed Alaoui"], ["(cachet)", "(cachet)"]],
    [["Le diagnostic territorial a été conduit entre janvier et juin", "Le plan retient donc une démarche progressive qui consolide"],
     ["2025 avec les services extérieurs de l'État et les associations", "d'abord les services de base dans les quartiers sous-équipés"],
     ["de quartier. Il met en évidence un territoire très contrasté", "puis soutient les filières porteuses par des projets conduits"]],
    [["1. Diagnostic territorial", "4"], ["2. Orientations stratégiques", "11"], ["3. Programme des projets", "19"], ["4. Financement", "27"]],
    [["Paragraphe seul"], ["Une autre ligne"], ["Et une troisième"]],
    [["ةأرما", "", "40%"], ["", "30%", ""], ["لجر", "", "30%"], ["", "", "20%"], ["", "", "10%"]],
], ids=["signatures", "two-columns-of-prose", "contents-list", "one-column", "chart-labels"])
def test_content_test_rejects_what_is_not_a_table(rows: list[list[str]]) -> None:
    cells_, nrows, ncols = _grid(rows)
    assert not plausible(cells_, nrows, ncols, ruled=False)


def test_content_test_accepts_a_budget_and_spots_a_contents_list() -> None:
    budget, nrows, ncols = _grid([["Domaine", "Montant (DH)", "Part"], ["Santé", "100 000 000", "8 %"],
                                  ["Agriculture", "75 000 000", "6 %"], ["Total", "175 000 000", "14 %"]])
    assert plausible(budget, nrows, ncols, ruled=False)
    toc, _, _ = _grid([["1. Diagnostic", "4"], ["2. Orientations", "11"], ["3. Programme", "19"]])
    assert looks_like_toc(toc, 2, {1}, 0)
    assert not looks_like_toc(budget, 3, {1, 2}, 1)
