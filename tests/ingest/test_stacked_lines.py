"""A tall heading beside a paragraph must not weave two lines of the paragraph into one
(pdf_stacked): the magazine budget page prints ``Investir pour l'avenir !`` at three times the
size of the text lines to its left, and pdfium's line for it takes in the first of them."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import block_text, read_pages
from transform.ingest.pdf_stacked import stacked


def test_lines_beside_a_tall_heading_stay_whole(tmp_path: Path) -> None:
    text = " ".join(block_text(b) for b in read_pages("cabestany-budget-2024-cabesinfo.pdf", [1], tmp_path))
    # the two lines, each whole and in order (they were read "Leagentsbudget desderessources...")
    assert "Le budget de fonctionnement irrigue au quotidien le service public communal. Ce sont des" in text
    assert "agents, des ressources en intelligence et technicité mais aussi de l'énergie pour faire vivre nos" in text
    assert "Leagents" not in text and "desderessources" not in text


def test_pieces_beside_each_other_are_not_stacked() -> None:
    """Pieces of one printed line (vowel marks set above it cut the line) lie side by side: they stay
    one line; only a piece lying under the text of the line is a line of its own."""
    line = [(300.0, 700.0, 420.0, 690.0)]  # "...لم ي" drawn at x 300-420
    assert not stacked(line, 250.0, 301.0)  # "َبلغ بعد" to its left, touching it by a point
    assert not stacked(line, 420.0, 500.0)  # or to its right
    assert not stacked([], 0.0, 100.0) and not stacked(line, 350.0, 350.0)  # nothing before it; an empty piece
    assert stacked(line, 310.0, 400.0)  # under the line's text
    assert stacked([(80.0, 688.0, 450.0, 662.0), (1100.0, 688.0, 1150.0, 662.0)], 82.0, 440.0)
