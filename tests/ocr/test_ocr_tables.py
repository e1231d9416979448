"""Ruled tables on OCR'd pages (transform/ocr/tables*.py): grids found in the page image, cells
filled with tesseract's lines, and no table where the rules do not draw a grid."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_testkit import one_page
from PIL import Image, ImageDraw, ImageFont

from transform.evaluation import normalize, read_document
from transform.ingest.base import TextLine
from transform.model import Paragraph, Table
from transform.model.walk import iter_blocks
from transform.ocr.pages import ocr_page
from transform.ocr.render import PageImage
from transform.ocr.tables import find_tables, tables_of
from transform.ocr.tables_grid import find_grids
from transform.ocr.tables_read import split_words

REALDOCS = Path(__file__).resolve().parents[1] / "realdocs" / "files"
DPI = 250.0
W, H = 2067, 2923  # A4 at 250 dpi
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("L", (W, H), 255)
    return img, ImageDraw.Draw(img)


def _grid(draw: ImageDraw.ImageDraw, xs: list[int], ys: list[int], skip: tuple[int, int] | None = None) -> None:
    """Rules at xs and ys; ``skip`` = (row rule index, column): that rule segment is not drawn (merged cells)."""
    for k, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if skip != (k, c):
                draw.rectangle([xs[c], y - 2, xs[c + 1], y + 2], fill=0)
    for x in xs:
        draw.rectangle([x - 2, ys[0], x + 2, ys[-1]], fill=0)


def _pt(px: float) -> float:
    return px * 72.0 / DPI


def _line(text: str, x0: int, y0: int, x1: int, y1: int) -> TextLine:
    return TextLine(text, _pt(x0), _pt(y0), _pt(x1), _pt(y1), size=11.0)


def _cell_texts(table: Table) -> list[list[str]]:
    return [[" ".join(s.text for s in c.sentences) for c in row] for row in table.rows]


def test_a_ruled_grid_gives_its_rows_columns_and_merged_cells() -> None:
    img, draw = _page()
    xs, ys = [200, 700, 1200, 1800], [400, 500, 600, 700, 800]
    _grid(draw, xs, ys, skip=(2, 0))  # no rule between rows 1 and 2 in the first column: one cell over two rows
    draw.rectangle([200, 1200, 1800, 1204], fill=0)  # a rule under the table touches nothing
    grids = find_grids(img, DPI)
    assert len(grids) == 1
    g = grids[0]
    assert (g.nrows, g.ncols) == (4, 3)
    assert all(abs(a - b) <= 2 for a, b in zip(g.xs, xs, strict=True)) and all(abs(a - b) <= 2 for a, b in zip(g.ys, ys, strict=True))
    merged = g.cell_at(2, 0)
    assert merged is not None and (merged.row, merged.rowspan, merged.colspan) == (1, 2, 1)
    assert len(g.cells) == 11


def test_frames_underlines_and_letterhead_rules_are_no_grid() -> None:
    img, draw = _page()
    draw.rectangle([150, 150, 1900, 154], fill=0)  # letterhead rule
    draw.rectangle([300, 400, 900, 403], fill=0)  # underlined title
    draw.rectangle([300, 470, 700, 473], fill=0)
    draw.rectangle([200, 600, 1800, 1000], outline=0, width=4)  # a frame around a paragraph
    draw.rectangle([200, 1200, 1800, 1203], fill=0)  # a rule with a short stroke hanging from it
    draw.rectangle([998, 1200, 1002, 1260], fill=0)
    assert find_grids(img, DPI) == []


def test_a_grid_of_words_becomes_a_table_with_header_cells_in_reading_order() -> None:
    img, draw = _page()
    xs, ys = [200, 800, 1800], [400, 480, 580, 680, 780]
    _grid(draw, xs, ys)
    lines = [
        _line("Commune", 250, 420, 500, 460), _line("Budget 2026", 850, 420, 1150, 460),
        _line("Vesoul", 250, 510, 450, 550), _line("1 250 000", 850, 510, 1100, 550),
        _line("Lure", 250, 610, 400, 650), _line("830 500", 850, 610, 1050, 650),
        _line("Luxeuil-les-Bains", 250, 710, 700, 750), _line("412 000", 850, 710, 1050, 750),
        _line("Texte sous le tableau.", 250, 900, 900, 940),
    ]
    pimg = PageImage(img, DPI, 1, _pt(W), _pt(H))
    found = find_tables(pimg, lines, "fra", 30)
    assert len(found) == 1
    t = found[0]
    assert _cell_texts(t.table) == [["Commune", "Budget 2026"], ["Vesoul", "1 250 000"], ["Lure", "830 500"],
                                    ["Luxeuil-les-Bains", "412 000"]]
    assert [c.header for c in t.table.rows[0]] == [True, True]
    assert not any(c.header for row in t.table.rows[1:] for c in row)
    assert t.took(lines[3]) and not t.took(lines[-1])  # the line under the table stays text
    # the same grid read right to left: the rightmost column comes first
    ar = [_line("البلدية", 850, 420, 1100, 460), _line("الميزانية", 250, 420, 500, 460),
          _line("طنجة", 850, 510, 1000, 550), _line("1250", 250, 510, 400, 550),
          _line("تطوان", 850, 610, 1000, 650), _line("830", 250, 610, 400, 650)]
    rtl = find_tables(pimg, ar, "ara", 30)[0].table
    assert _cell_texts(rtl)[:3] == [["البلدية", "الميزانية"], ["طنجة", "1250"], ["تطوان", "830"]]


def test_boxes_that_are_no_table_give_none() -> None:
    """Bad outputs the last word must refuse: one row of two boxes (signatures side by side), and
    prose set in ruled boxes."""
    img, draw = _page()
    _grid(draw, [200, 1000, 1800], [400, 700])
    pimg = PageImage(img, DPI, 1, _pt(W), _pt(H))
    signatures = [_line("Le président", 250, 450, 600, 490), _line("Le secrétaire", 1050, 450, 1400, 490)]
    assert find_tables(pimg, signatures, "fra", 30) == []
    img, draw = _page()
    _grid(draw, [200, 1000, 1800], [400, 1000, 1600])
    prose = " ".join(["le conseil délibère sur le budget de la commune et adopte les crédits"] * 5)
    boxes = [_line(prose, x, y, x + 700, y + 40) for x in (250, 1050) for y in (450, 1050)]
    assert find_tables(PageImage(img, DPI, 1, _pt(W), _pt(H)), boxes, "fra", 30) == []


def test_a_line_cut_at_a_column_rule_is_split_where_its_words_match() -> None:
    words = "من 79.1 إلى 80 كيلوغرام للهيكتوليتر 0,84".split()
    assert split_words(words, [None, "0,84 000"]) == ["من 79.1 إلى 80 كيلوغرام للهيكتوليتر", "0,84"]
    assert split_words("RM 21 Abelcourt".split(), ["RM 21", None]) == ["RM 21", "Abelcourt"]
    assert split_words("RM 21 Abelcourt".split(), ["Zzqx", None]) is None  # a reading that matches nothing: no cut


def _draw_text(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, size: int = 40) -> None:
    draw.text(xy, text, fill=0, font=ImageFont.truetype(FONT, size))


def test_tesseract_reads_a_ruled_table_and_nothing_else_as_one() -> None:
    """Through the real OCR: a page with an underlined title, a framed paragraph and a ruled
    table of three columns gives that table only; the framed paragraph stays text."""
    img, draw = _page()
    draw.rectangle([150, 150, 1900, 154], fill=0)
    _draw_text(draw, (300, 250), "Ordre du jour de la session")
    draw.rectangle([300, 310, 900, 313], fill=0)
    draw.rectangle([200, 400, 1850, 700], outline=0, width=4)
    _draw_text(draw, (250, 450), "Le conseil communal se réunit le mardi")
    _draw_text(draw, (250, 530), "dans la salle des délibérations.")
    xs, ys = [200, 600, 1400, 1850], [900, 1000, 1100, 1200, 1300]
    _grid(draw, xs, ys)
    rows = [("Point", "Objet", "Montant"), ("1", "Budget primitif", "120 000"),
            ("2", "Voirie communale", "45 300"), ("3", "Éclairage public", "8 750")]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            _draw_text(draw, (xs[c] + 40, ys[r] + 25), text)
    pimg = PageImage(img, DPI, 1, _pt(W), _pt(H))
    lines, rep = ocr_page(pimg, ["fr", "ar"], timeout=60, scanned=True, why="test")
    assert rep.method == "ocr"
    tables = tables_of(rep)
    assert len(tables) == 1, rep.reason
    assert "1 ruled table" in rep.reason
    cells = _cell_texts(tables[0].table)
    assert len(cells) == 4 and [c.header for c in tables[0].table.rows[0]] == [True, True, True]
    assert cells[0] == ["Point", "Objet", "Montant"]
    assert cells[2] == ["2", "Voirie communale", "45 300"]
    kept = [ln.text for ln in lines if not any(t.took(ln) for t in tables)]
    assert any("conseil communal" in t for t in kept) and any("Ordre du jour" in t for t in kept)
    assert rep.model_dump()["method"] == "ocr" and "_tables" not in rep.model_dump()


def _blocks(doc) -> list:  # type: ignore[no-untyped-def]
    return [b for _, b in iter_blocks(doc)]


def _texts(table: Table) -> list[list[str]]:
    return [[normalize(" ".join(s.text for s in c.sentences)) for c in row] for row in table.rows]


@pytest.mark.slow
def test_a_councils_agenda_grid_read_by_ocr_is_a_table(tmp_path: Path) -> None:
    """Tangier's session notice, page 2: a Word layer that maps letters to others, so OCR'd; its
    agenda is a ruled grid (sector | item, right to left) whose first cell spans two items."""
    doc = read_document(one_page(REALDOCS / "tanger-ar-session-2020-10.pdf", 2, tmp_path / "p2.pdf"))
    assert doc.meta.pages[0].method == "ocr"
    tables = [b for b in _blocks(doc) if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    rows = _texts(t)
    assert len(rows) == 6
    assert all(c.header for c in t.rows[0]) and rows[0][1] == normalize("النقطة")
    assert not any(c.header for row in t.rows[1:] for c in row)
    assert rows[1][0] == normalize("المالية") and t.rows[1][0].rowspan == 2
    assert len(rows[2]) == 1 and "2020" in rows[2][0]  # the second item under the spanning sector
    assert rows[5] == [normalize("العروض"), normalize("- عرض إخباري حول القضايا المعروضة أمام المحاكم.")]
    paras = [normalize(" ".join(s.text for s in b.sentences)) for b in _blocks(doc) if isinstance(b, Paragraph)]
    assert not any("المالية" in p or "العروض" in p for p in paras)  # the grid's lines are no paragraphs


@pytest.mark.slow
def test_a_price_list_in_one_ruled_box_is_one_row_per_printed_line(tmp_path: Path) -> None:
    """The wheat order's annex (a scan under a garbage layer): two ruled body cells, each a list
    of labels beside their prices; tesseract reads label and price as one line across the rule."""
    doc = read_document(one_page(REALDOCS / "adala-ar-joint-order-1096-26.pdf", 8, tmp_path / "p8.pdf"))
    tables = [b for b in _blocks(doc) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = _texts(tables[0])
    assert rows[0] == [normalize("نقط الزيادة أو التخفيض"), normalize("السعر بالدرهم عن كل نقطة")]
    assert all(c.header for c in tables[0].rows[0])
    assert len(rows) == 14  # the header, two group titles, 3 + 8 priced lines
    assert [normalize("من 79.1 إلى 80 كيلوغرام للهيكتوليتر"), "0,84"] in rows
    assert [normalize("الشوائب المختلفة: من 1,1 إلى 3 %"), "2,80"] in rows
    assert rows[5][0] == normalize("التخفيضات:") and rows[5][1] == ""
