"""Magazine spreads and slides read region by region (issue 17).

cabestany-budget-2024-cabesinfo prints two magazine pages side by side on one A3 landscape PDF page:
read as one page, the columns of the left page and of the right page were interleaved (a box crossing a
gutter hid the columns, and lines of different columns alternated), its Wingdings bullets read as
``l`` and its tables landed at the end of the page. cabestany-rob-2026 is a slide deck: page 15 has
its text on the left and two tables on the right; the tables, placed by their top, came before the
text. The real pages are read through the whole PDF ingester; synthetic lines check each rule, and
the order checker is shown to fail on the interleaved order.
"""

from __future__ import annotations

import pytest

from transform.ingest.base import TextLine
from transform.ingest.pdf_bullets import symbol_bullet
from transform.ingest.pdf_furniture import split_page_numbers, split_running_lines
from transform.ingest.pdf_layout import reading_order
from transform.ingest.pdf_regions import TableBox, spread_halves, table_slots
from transform.model import ListBlock, Table

from ._realpages import block_text, line_texts, read_pages


def in_order(texts: list[str], starts: list[str]) -> bool:
    """Every expected start opens a block, each after the one before (a block may hold several)."""
    at = 0
    for start in starts:
        found = next((k for k in range(at, len(texts)) if texts[k].startswith(start)), None)
        if found is None:
            return False
        at = found
    return True


SPREAD_STARTS = [
    "Les communes ont été",  # a drop cap: its first line stands apart
    "C’est dans cet esprit que le Conseil municipal",
    "De nombreux Maires de France",
    "Au fil des municipalités de Cabestany depuis 1977",
    "Malgré une bonne gestion, saine et exemplaire",
    "de l’inflation (hausse vertigineuse",
    "Et depuis 2011, date d’intégration forcée",
    "Toutes ces mesures nationales subies",
    "Pour les élus, \"cette situation est d’autant plus contestable",
]


@pytest.fixture(scope="module")
def spread(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return read_pages("cabestany-budget-2024-cabesinfo.pdf", [0], tmp_path_factory.mktemp("spread"))


@pytest.fixture(scope="module")
def slide(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return read_pages("cabestany-rob-2026.pdf", [14], tmp_path_factory.mktemp("slide"))  # page 15


def test_the_spread_is_read_page_after_page_and_column_after_column(spread: list[object]) -> None:
    texts = [t for t in map(block_text, spread) if t]
    assert in_order(texts, SPREAD_STARTS)
    # the article runs on from the foot of its first column into the second: one paragraph
    assert any("annonces gouvernementales de coupes budgétaires (12+10 milliards pour 2024, 20 milliards pour 2025) "
               "vont à contre-sens de leur préservation" in t for t in texts)
    # the article runs on into its fourth column, at the top of the right page, before the left page's boxes
    article_end = next(k for k, t in enumerate(texts) if t.startswith("Pour les élus, \"cette situation"))
    assert article_end < next(k for k, t in enumerate(texts) if "16,3 M EN FONCTIONNEMENT" in t)
    assert article_end < next(k for k, t in enumerate(texts) if t.startswith("Le contexte pour Cabestany"))
    # then the right page's boxes
    assert next(k for k, t in enumerate(texts) if "16,3 M EN FONCTIONNEMENT" in t) < next(k for k, t in enumerate(texts) if t.startswith("Comment se situe"))


def test_the_spread_bullets_are_list_items_and_tables_follow_their_box(spread: list[object]) -> None:
    items = [block_text(b) for b in spread if isinstance(b, ListBlock)]
    assert any(t.startswith("de l’inflation (hausse vertigineuse de l’énergie") and " | des réductions continues" in t for t in items)
    texts = [block_text(b) for b in spread]
    assert not any(t.startswith("l ") or " | l " in t for t in texts)  # no Wingdings `l` left
    # the icon list's items, set in two sizes (grouping reads them as headings), are a list (pdf_display_titles.bullet_runs)
    assert any(t.startswith("Accélération du plan de transition énergétique | Sobriété") for t in items)
    kinds = [("table", b.rows[0][0].sentences[0].text) if isinstance(b, Table) else ("text", block_text(b)) for b in spread]
    dgf = next(k for k, (kind, t) in enumerate(kinds) if kind == "table" and t.startswith("NIVEAU DE LA DGF"))
    box_end = next(k for k, (_, t) in enumerate(kinds) if "flagrante des dotations" in t)
    figures = next(k for k, (_, t) in enumerate(kinds) if "UN BUDGET DE" in t)
    assert box_end < dgf < figures  # the table under its box's text, before the next box
    tax = next(k for k, (kind, t) in enumerate(kinds) if kind == "table" and t.startswith("TAXE SUR LE FONCIER"))
    assert next(k for k, (_, t) in enumerate(kinds) if t.startswith("Comment se situe Cabestany")) < tax


def test_the_slide_text_comes_before_the_tables_beside_it(slide: list[object]) -> None:
    texts = [block_text(b) for b in slide]
    tables = [k for k, b in enumerate(slide) if isinstance(b, Table)]
    assert len(tables) == 2
    note = next(k for k, t in enumerate(texts) if t.startswith("Données non définitives"))
    first = next(k for k, t in enumerate(texts) if "Exécution du Budget Principal 2025" in t)
    assert first < note < tables[0] < tables[1]
    assert slide[tables[0]].rows[0][0].sentences[0].text.startswith("FONCTIONNEMENT - DÉPENSES")  # type: ignore[attr-defined]
    assert any("96,64 % en 2024 ;" in repr(b) for b in slide[first:note])  # a nested item, before the note and the tables


def test_the_order_check_fails_on_the_interleaved_reading() -> None:
    # what main read: the lines of two columns alternating, the tables first
    interleaved = ["Les communes ont été", "milliards pour 2024, 20 milliards pour 2025) vont à contre-sens de",
                   "reconnues pour leur efficacité et leur adaptabilité dans les", "De nombreux Maires de France",
                   "C’est dans cet esprit que le Conseil municipal de Cabestany,"]
    assert not in_order(interleaved, SPREAD_STARTS[:3])
    assert in_order(["Les communes ont été reconnues pour leur efficacité dans les crises.", "C’est dans cet esprit que le Conseil municipal",
                     "De nombreux Maires de France et d’élus"], SPREAD_STARTS[:3])


def _col(name: str, x0: float, top: float, n: int, width: float = 150.0) -> list[TextLine]:
    return [TextLine(f"{name} line {k} of the running text", x0, top + 12 * k, x0 + width, top + 12 * k + 9, 9.0) for k in range(n)]


def test_a_spread_is_read_half_by_half_even_when_its_columns_are_interleaved() -> None:
    left_a, left_b = _col("left-a", 40, 100, 20), _col("left-b", 210, 100, 20)
    right_a, right_b = _col("right-a", 640, 100, 20), _col("right-b", 810, 100, 20)
    box = [TextLine(f"box line {k} across the first gutter of the left page", 40, 400 + 12 * k, 340, 409 + 12 * k, 9.0) for k in range(6)]
    # the content stream alternates the two pages' lines
    lines = [ln for quad in zip(left_a, right_a, left_b, right_b, strict=True) for ln in quad] + box
    order, edges = reading_order(lines, wide=True)
    names = [ln.text.split(" line ")[0] for ln in order]
    assert names == ["left-a"] * 20 + ["left-b"] * 20 + ["box"] * 6 + ["right-a"] * 20 + ["right-b"] * 20
    assert {e.region for e in edges} == {2, 4}  # the first and the second half


def test_a_portrait_page_in_two_columns_is_not_a_spread() -> None:
    lines = _col("left", 50, 80, 50, 230) + _col("right", 310, 80, 50, 230)
    assert spread_halves(lines) is None
    order, edges = reading_order(lines, wide=True)
    assert [ln.text for ln in order] == [ln.text for ln in lines]
    assert {e.region for e in edges} == {0}


def test_a_wide_page_without_a_white_band_in_the_middle_is_read_as_before() -> None:
    lines = [TextLine(f"a wide landscape table row {k} of the annex", 40, 100 + 12 * k, 900, 109 + 12 * k, 9.0) for k in range(30)]
    assert spread_halves(lines) is None


def test_tables_are_placed_by_their_top_unless_they_know_their_region() -> None:
    lines = _col("text", 40, 100, 10, 300)
    edges = reading_order(lines, wide=True)[1]
    plain = table_slots(lines, edges, [(150.0, "t")])
    assert plain == [(5, "t")]  # before the first line under its top, as before
    beside = table_slots(lines, edges, [TableBox(50.0, "t", 500.0, 900.0, 300.0)])
    assert beside == [(10, "t")]  # a table right of all the text comes after it
    under = table_slots(lines, edges, [TableBox(150.0, "t", 40.0, 340.0, 200.0)])
    assert under == [(5, "t")]


def test_a_symbol_font_letter_opening_a_line_is_a_bullet() -> None:
    assert symbol_bullet("l de l’inflation (hausse", b"XVWBVT+Wingdings-Regular") == "• de l’inflation (hausse"
    assert symbol_bullet("n Une fiscalité", b"ZapfDingbats") == "• Une fiscalité"
    assert symbol_bullet("l de l’inflation", b"FMXXDD+Poppins-Regular") == "l de l’inflation"  # a text font: left alone
    assert symbol_bullet("la commune", b"Wingdings") == "la commune"  # a word, not a glyph and a space


def test_a_courier_o_before_a_word_in_another_font_is_the_sub_item_bullet() -> None:
    # Word / PowerPoint's second-level bullet: Courier New's `o`, the item in the body font
    assert symbol_bullet("o les orientations budgétaires", b"CourierNewPSMT", b"Calibri") == "• les orientations budgétaires"
    assert symbol_bullet("o les orientations", b"CourierNewPSMT", b"CourierNewPSMT") == "o les orientations"  # all Courier: text
    assert symbol_bullet("o les orientations", b"CourierNewPSMT") == "o les orientations"  # the next font unknown
    assert symbol_bullet("o j iil Jsa", b"Times-Roman", b"Times-Roman") == "o j iil Jsa"  # a text font: left alone
    assert symbol_bullet("l de l'inflation", b"CourierNew", b"Calibri") == "l de l'inflation"  # only the `o`


def test_the_sub_items_of_a_slide_lose_their_courier_o() -> None:
    lines = line_texts("cabestany-rob-2026.pdf", 4)
    items = [t for t in lines if t.lstrip("o• ").startswith(("les orientations budgétaires", "les engagements pluriannuels", "la structure et la gestion", "l’évolution rétrospective"))]
    assert len(items) == 5
    assert all(t.startswith("• ") for t in items), items


def test_a_spreads_two_folios_on_one_line_are_page_numbers() -> None:
    foot = [TextLine(t, 28, 808, 1157, 818, 9.5) for t in ("6• •7", "- 8 -   - 9 -", "6• •8", "2024 2025", "12 rue Aragon")]
    kept, numbers = split_page_numbers(foot, 841.9)
    assert [ln.text for ln in numbers] == ["6• •7", "- 8 -   - 9 -"]  # the left page's folio, then the next one's
    assert [ln.text for ln in kept] == ["6• •8", "2024 2025", "12 rue Aragon"]


def test_a_section_tab_printed_along_the_edge_of_every_spread_is_furniture() -> None:
    def page(n: int, tab_top: float, tab: str = "Dossier") -> list[TextLine]:
        body = [TextLine(f"page {n} body line {k} of the article", 80, 150 + 12 * k, 300, 159 + 12 * k, 9.0, page=n) for k in range(5)]
        return [TextLine(tab, 3, tab_top, 47, tab_top + 182, 52.7, page=n), *body]

    kept, furniture = split_running_lines([page(1, 328.7), page(2, 362.8)], [841.9, 841.9])
    assert [(f.page, f.text) for f in furniture] == [(1, "Dossier"), (2, "Dossier")]
    assert all(not ln.text.startswith("Dossier") for lines in kept for ln in lines)
    # printed once, or a different word on each page: text
    kept, furniture = split_running_lines([page(1, 328.7), page(2, 362.8, "Culture")], [841.9, 841.9])
    assert furniture == [] and [ln.text for ln in kept[1]][0] == "Culture"


def _spread(right_first_width: float) -> list[TextLine]:
    title = [TextLine("the title of the article across the left page", 40, 60, 490, 80, 20.0)]
    cols = [ln for x0, name in ((40, "col-a"), (195, "col-b"), (350, "col-c")) for ln in _col(name, x0, 100, 15, 140)]
    box = [TextLine(f"box line {k} of a frame across the first gutter", 40, 400 + 12 * k, 250, 409 + 12 * k, 9.0) for k in range(6)]
    right_a = _col("right-a", 640, 80, 10, right_first_width)
    right_b = _col("right-b", 920, 80, 20, 180)
    return title + cols + box + right_a + right_b


def test_an_article_running_on_across_the_gutter_is_read_before_the_boxes_under_it() -> None:
    order, _ = reading_order(_spread(140), wide=True)
    names = [ln.text.split(" line ")[0] if " line " in ln.text else "title" for ln in order]
    assert names == ["title"] + ["col-a"] * 15 + ["col-b"] * 15 + ["col-c"] * 15 + ["right-a"] * 10 + ["box"] * 6 + ["right-b"] * 20
    # a first column on the right page set otherwise (wider than the article's columns) is no run-on: after the boxes
    order, _ = reading_order(_spread(250), wide=True)
    names = [ln.text.split(" line ")[0] if " line " in ln.text else "title" for ln in order]
    assert names == ["title"] + ["col-a"] * 15 + ["col-b"] * 15 + ["col-c"] * 15 + ["box"] * 6 + ["right-a"] * 10 + ["right-b"] * 20


def test_only_text_layer_pages_are_read_as_spreads() -> None:
    # the same landscape lines as OCR gives them (no baseline): read as before, a scanned notice's table rows
    # may leave a white band down the middle (tn-sfax-ar-balagh-2022)
    from transform.ingest.pdf_blocks import group_lines, groups_to_blocks

    box = [TextLine(f"box line {k} across the first gutter of the left page", 40, 400 + 12 * k, 340, 409 + 12 * k, 9.0) for k in range(6)]
    lines = [ln for quad in zip(_col("left-a", 40, 100, 20), _col("right-a", 640, 100, 20), _col("left-b", 210, 100, 20),
                                _col("right-b", 810, 100, 20), strict=True) for ln in quad] + box
    as_landscape = [block_text(b) for b in groups_to_blocks(group_lines([lines], [[]], [1190.0], [842.0]))]
    as_before = [block_text(b) for b in groups_to_blocks(group_lines([lines], [[]], [1190.0]))]
    assert as_landscape == as_before
    assert reading_order(lines, wide=True)[0] != reading_order(lines)[0]  # the spread reading would differ
