"""Footnotes under a page set in two columns are read after both columns (issue 17).

The planning guide of the corpus (seine-normandie-guide-erc-2024, page 4) prints its notes in two
columns under the two columns of text; note 3 runs from the foot of the left column into the right
one. Read column by column, the left column's notes came between the two columns and split note 3.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.ingest.base import TextLine
from transform.ingest.pdf_layout import reading_order

from ._realpages import block_text, read_pages

SOURCE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "seine-normandie-guide-erc-2024.pdf"


_text = block_text


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    found = read_pages(SOURCE.name, [3], tmp_path_factory.mktemp("seine"))  # page 4
    return [t for t in map(_text, found) if t]


def test_notes_come_after_both_columns_in_order(texts: list[str]) -> None:
    right_last = next(i for i, t in enumerate(texts) if t.startswith("Par ailleurs, quand un schéma"))
    left_last = next(i for i, t in enumerate(texts) if t.startswith("Les acteurs de la planification"))
    notes = [i for i, t in enumerate(texts) if t[:4] in ("[1] ", "[2] ", "[3] ", "[4] ")]  # a note's own number
    assert [texts[i][:4] for i in notes] == ["[1] ", "[2] ", "[3] ", "[4] "]
    assert left_last < right_last < notes[0]
    assert texts[notes[1]].startswith("[2] Objectif zéro artificialisation nette (ZAN) des sols à l’horizon 2050 prescrit par la loi n° 2021-1104 du 22/08/2021")


def test_a_note_going_on_into_the_right_column_is_read_on(texts: list[str]) -> None:
    notes = " ".join(texts[next(i for i, t in enumerate(texts) if t.startswith("[1] ")):])
    assert ("à l’étude de capacité des réseaux d’eau et d’assainissement à la périphérie immédiate de la parcelle pour couvrir les besoins "
            "des nouvelles occupations (R.151-20 du CU). La disposition 4.1.3 du SDAGE va plus loin") in notes
    assert notes.endswith("garantir un territoire habitable dans la durée. [4] Voir le site TURBEau pour assurer une compatibilité optimale "
                          "du document d’urbanisme avec le SDAGE.")


def _line(text: str, x0: float, top: float, size: float) -> TextLine:
    return TextLine(text, x0, top, x0 + 200, top + size, size)


def _page(foot: list[TextLine]) -> list[TextLine]:
    left = [_line(f"left column line {k} of the body text", 50, 100 + 12 * k, 10) for k in range(20)]
    right = [_line(f"right column line {k} of the body text", 300, 100 + 12 * k, 10) for k in range(20)]
    return left + foot + right


def test_small_print_read_after_the_columns_only_when_it_is_a_note() -> None:
    # a note under the left column (small, apart from the text, opening with its number): after the right column
    order, _ = reading_order(_page([_line("1 A note under the left column", 50, 400, 8)]))
    assert order[-1].text == "1 A note under the left column"
    # a source line under a chart in the left column (small, apart, no note number): stays in its column
    order, _ = reading_order(_page([_line("Source: a survey of the council", 50, 400, 8)]))
    assert [ln.text for ln in order].index("Source: a survey of the council") == 20
    # body-size text opening with a number under the left column: a paragraph of the column, not a note
    order, _ = reading_order(_page([_line("2 paragraphs follow in the left column", 50, 400, 10)]))
    assert [ln.text for ln in order].index("2 paragraphs follow in the left column") == 20
