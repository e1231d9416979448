"""A right-hand page's title set in the largest type atop its last column is read first in its half of the spread
(pdf_half_titles)."""

from __future__ import annotations

from transform.ingest.pdf_layout import reading_order
from transform.ingest.pdf_text import PdfLine


def _line(text: str, x0: float, top: float, x1: float, size: float = 8.5) -> PdfLine:
    return PdfLine(text, x0, top, x1, top + size * 1.1, size, False, 1, top + size, False)


def _column(x0: float, top: float, n: int, word: str) -> list[PdfLine]:
    return [_line(f"{word} ligne {k} du texte courant de la colonne", x0, top + 11.5 * k, x0 + 150) for k in range(n)]


def _spread() -> list[PdfLine]:
    left = _column(60, 200, 24, "gauche") + _column(240, 200, 24, "milieu")
    callout = [_line("LES DÉPENSES", 640, 62, 780, 19.0), _line("EN INVESTISSEMENT", 640, 83, 800, 19.0)]
    white = _column(640, 200, 20, "blanche")
    title = [_line("ENJEUX", 1120, 65, 1150, 7.8), _line("Investir", 1075, 89, 1150, 22.6),
             _line("pour", 1075, 123, 1150, 34.3), _line("l'avenir !", 1010, 160, 1150, 34.3)]
    teal = [_line("SPORT", 1017, 252, 1080, 19.0)] + _column(1000, 275, 20, "verte")
    return left + callout + white + title + teal


def test_the_title_atop_the_last_column_comes_first_in_its_half() -> None:
    order, edges = reading_order(_spread(), wide=True)
    texts = [ln.text for ln in order]
    right = texts[48:]  # the two columns of the left half come first
    assert right[:6] == ["ENJEUX", "Investir", "pour", "l'avenir !", "LES DÉPENSES", "EN INVESTISSEMENT"]
    assert right.index("SPORT") > right.index("blanche ligne 19 du texte courant de la colonne")  # the rest as before


def test_a_subtitle_lower_down_stays_in_its_column() -> None:
    lines = [ln for ln in _spread() if ln.text not in ("Investir", "pour", "l'avenir !")]
    order, _ = reading_order(lines, wide=True)
    texts = [ln.text for ln in order][48:]
    assert texts[:2] == ["LES DÉPENSES", "EN INVESTISSEMENT"]
