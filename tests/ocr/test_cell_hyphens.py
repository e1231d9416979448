"""An OCR'd table cell's word cut by a hyphen at a line's end (tables_fill._joined): Haute-Saône p. 7's commune
``Haut-du-Them-Château-`` / ``Lambert`` is one name, joined as the text layer joins a line's cut word."""

from __future__ import annotations

from transform.ocr.tables_fill import _joined
from transform.ocr.tables_read import _Piece


def _cell(*lines: str) -> list[_Piece]:
    return [_Piece(t, 20.0 * n, 20.0 * n + 10, 0.0, 100.0) for n, t in enumerate(lines)]


def test_a_name_cut_at_a_lines_end_keeps_its_hyphen_and_loses_the_space() -> None:
    # frozen lines of Haute-Saône p. 7's cell (the communes of zone RM 21, one a line)
    assert _joined(_cell("Girefontaine", "Haut-du-Them-Château-", "Lambert", "Hautevelle"), False) == \
        "Girefontaine Haut-du-Them-Château-Lambert Hautevelle"


def test_a_french_word_cut_at_a_lines_end_is_one_word() -> None:
    assert _joined(_cell("des écono-", "mies de fonctionnement"), False) == "des économies de fonctionnement"


def test_dashes_numbers_and_arabic_cells_stay_as_read() -> None:
    assert _joined(_cell("Frais -", "divers"), False) == "Frais - divers"
    assert _joined(_cell("2022-", "2023"), False) == "2022- 2023"
    assert _joined(_cell("ci-", "dessus"), False) == "ci-dessus"
    assert _joined(_cell("المرسوم-", "رقم"), True) == "المرسوم- رقم"
