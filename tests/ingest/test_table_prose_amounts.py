"""Prose lines whose amounts stand at a tab stop are no table (issue 17, Putanges p. 6).

Minutes print a result's lines as sentences running into their amounts, each amount set at a tab stop:
``- un excédent de fonctionnement de l'exercice de      7 779,41€``. Over several lines the amounts line
up like a table's column, and the unruled-table search made two tables of p. 6's lines (the corpus's only
invented tables). The words before each amount end on a word that needs what follows (``de``) or on a
colon: prose (pdf_table_checks.sentence_rows). A label and its values stay a table. The same lines' legal
label (``Art. 002 - Report à nouveau : 1 542 121,54€``) is a list line, no article heading.
"""

from __future__ import annotations

from tests.ingest.test_pdf_tables_council import found_tables  # one page's tables, from its text layer
from transform.ingest.pdf_table_cells import GridCell
from transform.structure.legal import legal_heading


def _grid(rows: list[list[str]]) -> list[GridCell]:
    return [GridCell(row=r, col=c, members=[], text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]


def test_sentences_running_into_their_amounts_are_prose() -> None:
    from transform.ingest.pdf_table_checks import sentence_rows

    assert sentence_rows(_grid([
        ["- un excédent de fonctionnement de l'exercice de", "7 779,41€"],
        ["soit un excédent de fonctionnement cumulé de", "230 502,55€"],
        ["- un excédent d'investissement de l'exercice de", "15 981,19€"],
    ]))
    assert sentence_rows(_grid([
        ["- Art. 1068", "- Excédent de fonctionnement capitalisé", ":", "817 171,28€"],
        ["- Art. 002", "- Report à nouveau", ":", "1 542 121,54€"],
        ["- Art. 001", "- Déficit d'investissement reporté", ":", "- 1 216 147,42€"],
    ]))


def test_labels_and_their_values_stay_a_table() -> None:
    from transform.ingest.pdf_table_checks import sentence_rows

    assert not sentence_rows(_grid([
        ["Excédent de fonctionnement", "632 735,29€"],
        ["Déficit d'investissement", "- 763 923,86€"],
        ["Restes à réaliser", "398 976,14€"],
    ]))
    # one row that runs on among labels: still a table
    assert not sentence_rows(_grid([
        ["Dotation de", "1 200,00"], ["Subventions", "3 400,00"], ["Total", "4 600,00"]]))
    assert not sentence_rows(_grid([["Total de", "1 200,00"]]))  # a single row decides nothing


def test_putanges_result_lines_are_not_tables() -> None:
    # the kept ocrmypdf layer's lines of p. 6 (two results of the year, each amount at a tab stop)
    assert found_tables("putanges-pv-2024-03-25", 6) == []


def test_a_budget_article_line_with_its_amount_is_no_heading() -> None:
    assert legal_heading("- Art. 002 - Report à nouveau : 1 542 121,54€") is None
    assert legal_heading("Art. 1068 - Excédent de fonctionnement capitalisé : 817 171,28 €") is None
    assert legal_heading("Article 49. – Saisine du collège") is not None
    assert legal_heading("Art. 3 - Les crédits") is not None


def test_a_label_wrapped_over_two_rows_is_one_label() -> None:
    from transform.ingest.pdf_table_checks import join_wrapped_labels

    cells = _grid([["CLUB DE L'AMITIE", "200,00"], ["COMICE AGRICOLE DE", ""], ["PUTANGES", "320,00"],
                   ["Dépenses :", ""], ["Fournitures", "10,00"]])
    assert join_wrapped_labels(cells) == 1
    rows: dict[int, list[str]] = {}
    for c in cells:
        rows.setdefault(c.row, []).append(c.text)
    assert list(rows.values()) == [["CLUB DE L'AMITIE", "200,00"], ["COMICE AGRICOLE DE PUTANGES", "320,00"],
                                   ["Dépenses :", ""], ["Fournitures", "10,00"]]  # a group's title with its colon stays


def test_putanges_subsidy_row_keeps_its_wrapped_name() -> None:
    from transform.model.walk import cell_text

    rows = [[cell_text(c) for c in r] for t in found_tables("putanges-pv-2024-03-25", 9) for r in t.table.rows]
    assert ["COMICE AGRICOLE DE PUTANGES", "320,00"] in rows, rows
    assert not [r for r in rows if r and r[0] in ("COMICE AGRICOLE DE", "PUTANGES")]
