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
    """Pieces of one printed line (vowel marks set above it cut the line) lie side by side, or a
    letter sits under its own mark: they stay one line; only a piece lying under the text of a
    line is a line of its own."""
    line = [(300.0, 700.0, 420.0, 690.0)]  # "...لم ي" drawn at x 300-420, y 690-700
    assert not stacked(line, 250.0, 301.0, 700.0, 690.0)  # "َبلغ بعد" to its left, touching it by a point
    assert not stacked(line, 420.0, 500.0, 700.0, 690.0)  # or to its right
    assert not stacked(line, 310.0, 330.0, 699.0, 691.0)  # a letter cut from the word, on the same line
    assert not stacked([], 0.0, 100.0, 700.0, 690.0) and not stacked(line, 350.0, 350.0, 700.0, 690.0)
    mark = [(515.3, 675.7, 518.6, 672.0)]  # a damma's rectangle over the yeh pdfium cut from its word
    assert not stacked(mark, 515.1, 518.6, 671.4, 664.7)
    assert stacked(line, 310.0, 400.0, 686.0, 676.0)  # under the line's text: a line of its own
    # the magazine page: pdfium's line holds the paragraph's first line (x 82-450) and the heading's
    # last words (x 1100-1150); the paragraph's second line lies under the first
    assert stacked([(82.9, 685.1, 450.0, 674.0), (1100.0, 688.1, 1150.0, 662.7)], 82.5, 440.0, 671.1, 660.5)


def test_letter_under_its_own_mark_stays_in_its_word(tmp_path: Path) -> None:
    """The CESE report's summary opens with a yeh whose damma pdfium cut into a line of its own:
    the yeh lies under the mark's rectangle, and the first version of the rule took it for a line
    (``برز`` then a lone ``ي``)."""
    text = "\n".join(block_text(b) for b in read_pages("cese-ar-avis-biodiversite-2025.pdf", [8], tmp_path))
    assert "يُبرز رأي المجلس الاقتصادي والاجتماعي والبيئي" in text
    assert "\nي\n" not in text
