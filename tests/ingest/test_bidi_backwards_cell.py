"""A Latin table cell whose characters pdfium gives right to left (the ESEC's `Technologies PGPR -`
printed `- PGPR Technologies`): read apart from its printed line, the cell is put back in order."""

from __future__ import annotations

from transform.ingest.pdf_bidi import logical_line

W = 5.0


def test_latin_cell_given_right_to_left_is_read_left_to_right() -> None:
    text = "Technologies PGPR -"  # first character drawn rightmost
    assert logical_line(text, lambda k: (500 - (k + 1) * W, 500 - k * W), 10.0, True) == "- PGPR Technologies"


def test_latin_cell_given_left_to_right_is_kept() -> None:
    text = "Technologies PGPR -"
    assert logical_line(text, lambda k: (100 + k * W, 100 + (k + 1) * W), 10.0, True) == text


def test_arabic_cell_is_left_to_its_own_repair() -> None:
    text = "مقاولات"  # right to left by nature: never taken for a backwards Latin line
    assert logical_line(text, lambda k: (500 - (k + 1) * W, 500 - k * W), 10.0, True) == text


def test_backwards_cell_in_brackets_opens_and_closes() -> None:
    text = ")rose Dorade)"  # the ESEC's p. 29: printed `(Dorade rose)`, both brackets coded `)`
    assert logical_line(text, lambda k: (500 - (k + 1) * W, 500 - k * W), 10.0, True) == "(Dorade rose)"
