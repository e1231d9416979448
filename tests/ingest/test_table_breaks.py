"""Tables at a page break: joined when one table goes on, apart when a new one starts (``pdf_table_breaks``).

Montpellier's tariff schedule (tests/realdocs, montpellier-tarifs-2014) sets its two-column tables one under the
other, each under its own shaded title row (``Théâtre Gérard Philippe | Tarifs 2014`` ends page 12, ``Salle
polyvalente Albert Camus ... | Tarifs 2014`` opens page 13): two tables, read here from the pages' own text layer
through the real table finder. Its taxes table, cut by the break between pages 13 and 14 with no title row printed
again, stays one table. The Haute-Saône order's grids of communes (OCR'd scans: a box of one row per alert zone, its
code in the first cell) are made here as the reader gives them: ``RM 19`` closes page 6, ``RM 21`` opens page 7 and
goes on at the top of page 8 with its code cell empty.
"""

from __future__ import annotations

from transform.ingest.pdf_table_join import join_continued_tables
from transform.model import Cell, Sentence, Table

from .test_pdf_tables_council import found_tables

DOC = "montpellier-tarifs-2014"


def _page_tables(number: int) -> list[Table]:
    tables = [t.table for t in found_tables(DOC, number)]
    for t in tables:
        t.page = number
    return tables


def _first(table: Table) -> str:
    return " ".join(s.text for s in table.rows[0][0].sentences)


def _cell(text: str, header: bool = False) -> Cell:
    return Cell(sentences=[Sentence(id=f"s{abs(hash(text)) % 10**8}", text=text)] if text else [], header=header)


def _table(page: int, rows: list[list[str]], head: int = 0) -> Table:
    """``head``: how many leading rows are header cells (a schedule's label column is header cells too)."""
    return Table(id=f"t{page}", page=page,
                 rows=[[_cell(t, header=r < head or k == 0 and head > 0) for k, t in enumerate(row)]
                       for r, row in enumerate(rows)])


def test_a_table_under_its_own_title_row_at_the_top_of_the_page_is_a_table_of_its_own() -> None:
    theatre = _page_tables(12)[-1]
    salle = _page_tables(13)[0]
    assert _first(theatre) == "Théâtre Gérard Philippe" and _first(salle).startswith("Salle polyvalente Albert Camus")
    out = join_continued_tables([theatre, salle])
    assert [len(t.rows) for t in out if isinstance(t, Table)] == [9, 8]
    assert [_first(t) for t in out if isinstance(t, Table)] == ["Théâtre Gérard Philippe", _first(salle)]


def test_title_rows_sharing_a_long_ending_are_two_titles() -> None:
    """``Cours particuliers : Tarifs pour l'année scolaire 2013/2014`` ends page 7, ``Soirées et animations organisées
    en MPT : Tarifs pour l'année scolaire 2013/2014`` opens page 8: most of their words are the same, not the title."""
    out = join_continued_tables([_page_tables(7)[-1], _page_tables(8)[0]])
    assert [_first(t).split(" :")[0] for t in out if isinstance(t, Table)] == [
        "Cours particuliers", "Soirées et animations organisées en MPT"]


def test_a_table_cut_by_the_break_without_a_title_row_goes_on() -> None:
    schools = _page_tables(13)[-1]
    rest = _page_tables(14)[0]
    rows = len(schools.rows) + len(rest.rows)
    out = join_continued_tables([schools, rest])
    assert [len(t.rows) for t in out if isinstance(t, Table)] == [rows]


def test_a_section_row_spanning_the_table_at_the_top_of_the_page_goes_on() -> None:
    head = ["I – TAXES", "Unité", "Tarifs 2014"]
    above = _table(17, [head, ["Grand Bazar / Antiquaires", "u/jour", "30,00 €"]], head=1)
    section = Table(id="s", page=18, rows=[[Cell(sentences=[Sentence(id="x", text="Surplomb du domaine public")],
                                                 header=True, colspan=3)],
                                           [_cell("Taxation des climatiseurs", True), _cell("u"), _cell("150,00 €")]])
    assert [len(t.rows) for t in join_continued_tables([above, section]) if isinstance(t, Table)] == [4]


def test_a_title_row_printed_again_as_ocr_reads_it_is_dropped() -> None:
    head = ["Salles", "Unité", "TARIFS 2014"]
    above = _table(11, [head, ["Salle des fêtes", "jour", "90,00 €"]], head=1)
    again = _table(12, [["Salles", "Unite", "TARIFS 2O14"], ["Salle de réunion", "jour", "40,00 €"]], head=1)
    out = [t for t in join_continued_tables([above, again]) if isinstance(t, Table)]
    assert [len(t.rows) for t in out] == [3]


def test_a_box_with_a_key_of_its_own_is_a_new_grid_and_its_rest_goes_on() -> None:
    rm19 = _table(6, [["RM 19", "Aillevans Athesans-Étroitefontaine", "Courchaton Crevans", "Moffans-et-Vacheresse"]])
    rm21 = _table(7, [["RM 21", "Abelcourt Aillevillers-et-Lyaumont", "Échavanne", "Linexert Lomont"]])
    rest = _table(8, [["", "Champagney Chenebier", "La Chapelle-lès-Luxeuil", "Saint-Bresson"]])
    out = [t for t in join_continued_tables([rm19, rm21, rest]) if isinstance(t, Table)]
    assert [(_first(t), len(t.rows)) for t in out] == [("RM 19", 1), ("RM 21", 2)]


def test_a_table_of_several_rows_each_with_its_key_goes_on() -> None:
    """A key in the first cell starts a new grid only where each part is one box: rows with their own keys are the
    rows of one table."""
    above = _table(4, [["Q 1", "0.40 €", "0.13 €"], ["Q 2", "0.60 €", "0.20 €"]])
    below = _table(5, [["Q 3", "0.78 €", "0.26 €"]])
    assert [len(t.rows) for t in join_continued_tables([above, below]) if isinstance(t, Table)] == [3]


def test_a_header_row_with_one_word_put_for_another_is_a_header_of_its_own() -> None:
    """A statement's expenses, then its receipts (Cabestany's CFU): the same columns but ``titres émis`` for
    ``mandats émis``. Nearly the same letters, yet a word put for another: a new table."""
    head = ["Chapitre", "Intitulé", "Prévisions (a) (BP + DM + RAR N-1)", "Réalisations (mandats émis) (b)"]
    above = _table(18, [head, ["011", "Charges à caractère général", "1 000,00", "900,00"]], head=1)
    below = _table(19, [[*head[:3], "Réalisations (titres émis) (b)"], ["70", "Produits des services", "500,00", "450,00"]],
                   head=1)
    assert [len(t.rows) for t in join_continued_tables([above, below]) if isinstance(t, Table)] == [2, 2]
