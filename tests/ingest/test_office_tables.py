"""Tables from HTML, DOCX and ODT keep their header cells (``<th>``, ``<thead>``, Word's bold
first row, row headers in the body) and their merged cells (colspan, rowspan)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._compare import load
from ._office import OFFICE, grid, pandoc_convert, tables

H, B = True, False


def _html(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "t.html"
    path.write_text(f"<!DOCTYPE html><html><body><h1>Budget</h1>{body}</body></html>", encoding="utf-8")
    return path


def test_th_cells_in_head_and_body(tmp_path: Path) -> None:
    doc = load(_html(tmp_path, """
<table>
<tr><th>Domaine</th><th>2026</th><th>2027</th></tr>
<tr><th scope="row">Routes</th><td>380 000 000</td><td>412 500 000</td></tr>
<tr><th scope="row">Eau</th><td>265 000 000</td><td>237 500 000</td></tr>
</table>"""))
    (t,) = tables(doc)
    assert grid(t) == [
        [("Domaine", H, 1, 1), ("2026", H, 1, 1), ("2027", H, 1, 1)],
        [("Routes", H, 1, 1), ("380 000 000", B, 1, 1), ("412 500 000", B, 1, 1)],
        [("Eau", H, 1, 1), ("265 000 000", B, 1, 1), ("237 500 000", B, 1, 1)],
    ]


def test_thead_with_td_and_spans(tmp_path: Path) -> None:
    doc = load(_html(tmp_path, """
<table>
<thead><tr><td rowspan="2">Rubrique</td><td colspan="2">Montant (DH)</td></tr>
<tr><td>Prévu</td><td>Encaissé</td></tr></thead>
<tbody><tr><td>Impôts partagés</td><td>512 000 000</td><td>251 700 000</td></tr>
<tr><td>Taxes propres</td><td>75 000 000</td><td>38 900 000</td></tr></tbody>
<tfoot><tr><td>Total</td><td>587 000 000</td><td>290 600 000</td></tr></tfoot>
</table>"""))
    (t,) = tables(doc)
    assert grid(t) == [
        [("Rubrique", H, 1, 2), ("Montant (DH)", H, 2, 1)],
        [("Prévu", H, 1, 1), ("Encaissé", H, 1, 1)],
        [("Impôts partagés", B, 1, 1), ("512 000 000", B, 1, 1), ("251 700 000", B, 1, 1)],
        [("Taxes propres", B, 1, 1), ("75 000 000", B, 1, 1), ("38 900 000", B, 1, 1)],
        [("Total", B, 1, 1), ("587 000 000", B, 1, 1), ("290 600 000", B, 1, 1)],
    ]


def test_word_bold_first_row_is_the_header(tmp_path: Path) -> None:
    doc = load(_html(tmp_path, """
<table class=MsoTableGrid border=1>
<tr><td><p class=MsoNormal><b><span lang=FR>Domaine</span></b></p></td><td><p class=MsoNormal><b>Montant</b></p></td></tr>
<tr><td><p class=MsoNormal>Routes</p></td><td><p class=MsoNormal>380 000 000</p></td></tr>
<tr><td><p class=MsoNormal><b>Total</b></p></td><td><p class=MsoNormal><b>380 000 000</b></p></td></tr>
</table>"""))
    (t,) = tables(doc)
    assert [c[1] for c in grid(t)[0]] == [H, H]
    assert not any(c[1] for row in grid(t)[1:] for c in row)


def test_no_header_invented(tmp_path: Path) -> None:
    """A table whose cells are all plain (or all bold) gets no header row: the rule can fail."""
    doc = load(_html(tmp_path, """
<table><tr><td>Routes</td><td>380</td></tr><tr><td>Eau</td><td>265</td></tr></table>
<table><tr><td><b>Routes</b></td><td><b>380</b></td></tr><tr><td><b>Eau</b></td><td><b>265</b></td></tr></table>"""))
    for t in tables(doc):
        assert not any(c.header for row in t.rows for c in row)


@pytest.mark.parametrize("name", ["notes.odt", "notes.fodt", "endnotes.docx", "docx (pandoc)", "word-filtered.html"])
def test_office_tables_keep_header_and_spans(name: str, tmp_path: Path) -> None:
    path = pandoc_convert(OFFICE / "notes-source.md", tmp_path / "n.docx") if name == "docx (pandoc)" else OFFICE / name
    (t,) = tables(load(path))
    g = grid(t)
    if name == "word-filtered.html":
        assert g == [
            [("الباب", H, 1, 1), ("المبلغ بالدرهم", H, 2, 1)],
            [("التجهيز", B, 1, 2), ("الالتزامات", B, 1, 1), ("418 250 000", B, 1, 1)],
            [("الأداءات", B, 1, 1), ("301 640 000", B, 1, 1)],
        ]
        return
    assert g == [
        [("Rubrique", H, 1, 2), ("Montant (DH)", H, 2, 1)],
        [("Prévu", H, 1, 1), ("Encaissé [3]", H, 1, 1)],
        [("Impôts partagés", B, 1, 1), ("512 000 000", B, 1, 1), ("251 700 000", B, 1, 1)],
        [("Taxes propres", B, 1, 1), ("75 000 000", B, 1, 1), ("38 900 000", B, 1, 1)],
    ]
