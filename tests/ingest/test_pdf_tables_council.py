"""Tables on the council documents of the real-document corpus (tests/realdocs/files/).

Pages checked against their rendered image and their truth page (tests/realdocs/truth/):
a framed title block and a magazine's callout boxes are not tables; a text column beside two
ruled tables pasted from a spreadsheet (drawn inside form XObjects) is not part of them; a
two-sided balance sheet ruled line by line on one side only keeps each label with its amount.
Each page is read through the real table search (pypdfium2 lines, the cheap test, pdfplumber's
finder on each grid), one page at a time.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf_table_checks, pdf_tables
from transform.ingest.pdf_furniture import split_page_numbers
from transform.ingest.pdf_table_cells import Glyphs, GridCell
from transform.ingest.pdf_text import page_lines
from transform.model import Document, Table
from transform.model.walk import iter_blocks, iter_sentences

from ._compare import load

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").split())


def found_tables(name: str, number: int) -> list[pdf_tables.FoundTable]:
    """The tables the finder makes of one page of a corpus PDF, read from its text layer alone."""
    pdf = pdfium.PdfDocument(FILES / f"{name}.pdf")
    try:
        page = pdf[number - 1]
        width, height = page.get_size()
        textpage = page.get_textpage()
        lines, _ = split_page_numbers(page_lines(page, textpage, number, None), height)
        found = pdf_tables.candidate(page, lines, height)
        tables = pdf_tables.find_tables(textpage, lines, found, width, height) if found else []
        textpage.close()
        page.close()
    finally:
        pdf.close()
    return tables


@cache
def page_tables(name: str, number: int) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Cell texts of the tables found on one page, row by row (a header cell marked ``*``)."""
    return tuple(
        tuple(tuple(("*" if c.header else "") + _norm(" ".join(s.text for s in c.sentences)) for c in row) for row in t.table.rows)
        for t in found_tables(name, number)
    )


def _texts(rows: tuple[tuple[str, ...], ...]) -> str:
    return " | ".join(c for row in rows for c in row)


# -- no table where the truth has none --------------------------------------------------------


def test_framed_title_block_is_not_a_table() -> None:
    """Page 13 of the compte financier unique: the framed title block (two title lines, each
    with its code `I`, `D` in a box of its own) is headings, not a 2x2 table; the balance
    sheet under it is the page's one table."""
    tables = page_tables("cabestany-cfu-2024", 13)
    assert len(tables) == 1, [t[0] for t in tables]
    assert "INFORMATIONS GÉNÉRALES" not in _texts(tables[0])
    assert tables[0][0] == ("*ACTIF NET (1)", "*Total", "*FONDS PROPRES ET PASSIF", "*Total")


def test_magazine_callouts_are_not_tables() -> None:
    """The budget dossier's second spread: callout frames, photo frames and a roundel touch
    the text and each other; the boxes they draw cut words (`ÉCO` | `L`...): no table."""
    assert page_tables("cabestany-budget-2024-cabesinfo", 2) == ()


def test_text_column_beside_tables_stays_out() -> None:
    """Slide 15 of the budget-orientation report: the list of execution rates on the left is
    text, the two chapter tables on the right (drawn inside form XObjects) are two tables of
    12 rows, header cells first, each row's chapter, label and amounts together."""
    tables = page_tables("cabestany-rob-2026", 15)
    assert len(tables) == 2, [t[0] for t in tables]
    spending, revenue = tables
    assert len(spending) == 12 and len(revenue) == 12
    assert spending[0] == ("*FONCTIONNEMENT - DÉPENSES", "*BP+DM 2025", "*CFU 2025")
    assert revenue[0] == ("*FONCTIONNEMENT - RECETTES", "*BP+DM 2025", "*CFU 2025")
    assert spending[2] == ("012", "CHARGES DE PERSONNEL ET FRAIS ASSIMILES", "9 253 000,00 €", "9 140 297,27 €")
    assert revenue[-1][-2:] == ("16 545 731,00 €", "15 720 295,93 €")
    for t in tables:
        assert "Taux d'exécution" not in _texts(t) and "en 2024" not in _texts(t)


# -- the tables that are there, with their cells right ----------------------------------------


def test_balance_sheet_rows_keep_labels_with_amounts() -> None:
    """The balance sheet rules the liabilities side line by line and the assets side only by
    group: every printed line is a row, the asset labels beside their amounts."""
    sheet = page_tables("cabestany-cfu-2024", 13)[0]
    rows = [tuple(c.lstrip("*") for c in r) for r in sheet]
    assert ("Immobilisations corporelles en cours", "2 838,58", "Emprunts souscrits auprès des établissements de crédit", "7 395,80") in rows
    assert ("Terrains", "7 125,32", "Résultat de l'exercice", "-694,17") in rows
    assert ("TOTAL ACTIF IMMOBILISÉ (I)", "101 939,04", "DETTES NON FINANCIÈRES", "") in rows
    assert rows[-1] == ("TOTAL GÉNÉRAL (I + II + III + IV )", "106 648,46", "TOTAL GÉNÉRAL (I + II + III + IV)", "106 648,46")
    assert len(rows) >= 25


def test_comparison_table_rows_with_amounts_per_inhabitant() -> None:
    """The magazine's grant comparison (rows parted by shading, not rules): one row per commune."""
    tables = page_tables("cabestany-budget-2024-cabesinfo", 1)
    dgf = [t for t in tables if "NIVEAU DE LA DGF/HABITANT" in _texts(t)]
    assert len(dgf) == 1
    assert dgf[0][0] == ("*NIVEAU DE LA DGF/HABITANT",)  # the title inside the frame, across both columns: the header
    rows = [tuple(c.lstrip("*") for c in r) for r in dgf[0]]
    assert ("Perpignan*", "257€/hab.") in rows and ("Le Barcarès*", "643€/hab.") in rows


def test_tables_elsewhere_kept() -> None:
    """The rules above keep the corpus's other tables: a role beside a name in two plain
    rows (the opinion's annex, page 57), a ruled Arabic form whose row numbers pdfium reads
    as one line over two rows (order 1033-21, page 8: no word cut), and a tariff table
    drawn inside form XObjects whose first column is closed by shading sides only
    (Montpellier tariffs, page 11)."""
    annex = page_tables("cese-ar-avis-biodiversite-2025", 57)
    assert len(annex) == 2 and len(annex[1]) == 2
    assert "عادل الكايز" in _texts(annex[1])
    form = page_tables("adala-ar-order-1033-21", 8)
    assert len(form) == 1 and len(form[0]) == 18
    tariffs = page_tables("montpellier-tarifs-2014", 11)
    rooms = [t for t in tariffs if "*Salles" in t[0]]
    assert len(rooms) == 1 and len(rooms[0]) >= 20
    assert any(r[:3] == ("*Salle d'exposition (RDC Hôtel de Ville - par quinzaine)", "U", "3 150,00 €") for r in rooms[0])


@pytest.fixture(scope="module")
def magazine() -> Document:
    return load(FILES / "cabestany-budget-2024-cabesinfo.pdf", ocr="never")


def test_callout_text_stays_in_the_text(magazine: Document) -> None:
    """What the invented tables took is read as text again: the investment callout's amount."""
    text = _norm(" ".join(loc.sentence.text for loc in iter_sentences(magazine)))
    assert "9,084 millions d'€ inscrits" in text or "9,084 MILLIONS D'€ INSCRITS" in text
    tables = [b for _, b in iter_blocks(magazine) if isinstance(b, Table)]
    assert all(b.page == 1 for b in tables)


# -- the rules on bad outputs -------------------------------------------------------------------


def _glyphs(words: list[tuple[str, float]]) -> Glyphs:
    """One line of characters, 5 pt wide each, touching inside a word, 3 pt between words."""
    line = SimpleNamespace(size=10.0, top=0.0, bottom=12.0)
    g = Glyphs([line])  # type: ignore[list-item]
    for word, x in words:
        for k, ch in enumerate(word):
            g.idx.append(len(g.idx))
            g.ch.append(ch)
            g.x0.append(x + 5 * k)
            g.x1.append(x + 5 * k + 5)
            g.cy.append(6.0)
            g.line.append(0)
            g.bold.append(False)
    return g


def test_cut_words_reject_a_grid_and_clean_cells_do_not() -> None:
    """Cells that part the letters of touching words are a frame drawn across text."""
    g = _glyphs([("ÉCOLES", 0.0), ("budget", 40.0)])
    cut = [GridCell(0, 0, [0, 1, 2]), GridCell(0, 1, [3, 4, 5]), GridCell(1, 0, [6, 7, 8]), GridCell(1, 1, [9, 10, 11])]
    assert pdf_table_checks.cuts_words(cut, g)
    whole = [GridCell(0, 0, [0, 1, 2, 3, 4, 5]), GridCell(0, 1, [6, 7, 8, 9, 10, 11])]
    assert not pdf_table_checks.cuts_words(whole, g)


def test_title_frame_rule() -> None:
    """Two rows of bold words in boxes: a title frame; a row of amounts makes it data, and two
    rows of plain words (a role beside a name) stay a table."""
    g = _glyphs([("TITRE", 0.0), ("I", 40.0), ("Bilan", 60.0), ("D", 100.0)])
    g.bold[:] = [True] * len(g.bold)

    def grid(texts: list[str]) -> list[GridCell]:
        spans = [(0, 5), (5, 6), (6, 11), (11, 12)]
        return [GridCell(k // 2, k % 2, list(range(*spans[k])), text=t) for k, t in enumerate(texts)]

    assert pdf_table_checks.title_frame(grid(["TITRE", "I", "Bilan", "D"]), g)
    assert not pdf_table_checks.title_frame(grid(["TITRE", "I", "Bilan", "7 125,32"]), g)
    three = grid(["TITRE", "I", "Bilan", "D"]) + [GridCell(2, 0, [], text="Réserves"), GridCell(2, 1, [], text="Report")]
    assert not pdf_table_checks.title_frame(three, g)
    g.bold[:] = [False] * len(g.bold)
    assert not pdf_table_checks.title_frame(grid(["TITRE", "I", "Bilan", "D"]), g)


def test_spanning_title_rule() -> None:
    """A first row of words across every column heads a ruled table; a row of amounts across
    it, or a table with no body under it, does not."""
    def table(first: str) -> list[GridCell]:
        return [GridCell(0, 0, [], colspan=2, text=first), GridCell(1, 0, [], text="Cabestany"), GridCell(1, 1, [], text="67"),
                GridCell(2, 0, [], text="Perpignan"), GridCell(2, 1, [], text="257")]

    cells = table("NIVEAU DE LA DGF/HABITANT")
    pdf_table_checks.spanning_title(cells, 2)
    assert cells[0].header and not any(c.header for c in cells[1:])
    cells = table("Total 2024")
    pdf_table_checks.spanning_title(cells, 2)
    assert not cells[0].header
    cells = table("NIVEAU DE LA DGF/HABITANT")[:3]
    pdf_table_checks.spanning_title(cells, 2)
    assert not cells[0].header
