"""Number groups of Arabic text-layer lines in the order they are printed (issue 17: numbers
identical and in order).

Two shapes pdf_visual_order / pdf_bidi used to reverse: a hyphenated pair of numbers drawn as one
left-to-right run inside an Arabic sentence (``المادة 11-17`` read ``17-11``), and an amount whose
last thousands group carries its decimals (``25 500,00`` read ``500,00 25``). Each page below is a
corpus page whose truth was checked on the page image.
"""

from __future__ import annotations

from tests.ingest._realpages import line_texts


def _line(name: str, page: int, word: str) -> str:
    found = [t for t in line_texts(name, page) if word in t]
    assert found, f"no line with {word!r} on p. {page} of {name}"
    return found[0]


def test_hyphenated_pair_drawn_left_to_right_in_a_sentence() -> None:
    # adala decree 2.13.531 p. 3: printed `المادة 11-17`, the text layer draws 11, the hyphen, 17
    line = _line("adala-ar-decree-2-13-531.pdf", 3, "تطبيقا")
    assert "المادة 11-17 من" in line
    assert "17-11" not in line


def test_thousands_group_with_its_decimals() -> None:
    # finance law 2024 p. 17: an excise rate printed `25 500,00` in an Arabic table line
    line = _line("bo-ar-7259-2023-lf2024.pdf", 17, "500,00")
    assert line.endswith("كذلك 25 500,00")


def test_amounts_with_decimals_in_a_row_of_figures() -> None:
    # ministry of justice performance project p. 2 (staff table) and decree 2.19.770 p. 4 (year, rate)
    lines = line_texts("ma-pdp-justice-2024.pdf", 2)
    assert "651 651 1 302 8,69" in lines
    assert "6 857 6 821 13 678 91,31" in lines
    assert "1947 35,04" in line_texts("adala-ar-decree-2-19-770.pdf", 4)
