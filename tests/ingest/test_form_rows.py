"""A bilingual form's rows (``pdf_form_rows``): BO 7262 p. 20's buyer's card prints each field as a French label on
the left, a dotted blank, the Arabic label on the right. On a French page the row reads left to right, each label
in its own script's order; an Arabic line with a Latin letter in it is no row; each row is a paragraph of its own."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest.base import TextLine
from transform.ingest.ligatures import LigatureProbe
from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_form_rows import is_form_row, read_row, split_form_rows
from transform.ingest.pdf_text import page_lines

ROOT = Path(__file__).resolve().parents[2]
CARD = ROOT / "tests/realdocs/files/bo-fr-7262-2024.pdf"


@pytest.fixture(scope="module")
def card_lines() -> list[str]:
    pdf = pdfium.PdfDocument(str(CARD))
    try:
        page = pdf[19]
        tp = page.get_textpage()
        try:
            return [ln.text for ln in page_lines(page, tp, 20, LigatureProbe())]
        finally:
            tp.close()
            page.close()
    finally:
        pdf.close()


@pytest.mark.parametrize(("french", "arabic"), [
    ("Carte n°", "بطاقة رقم"),
    ("Type", "نوعه"),
    ("Référence", "السند (1) مرجعه"),
    ("Date", "تاريخه"),
    ("Date de délivrance de la carte", "تاريخ تسليم البطاقة"),
])
def test_card_row_reads_left_to_right(card_lines: list[str], french: str, arabic: str) -> None:
    row = next(t for t in card_lines if t.startswith(french + " ") and arabic in t)
    assert row.startswith(french + " ") and row.endswith(" " + arabic)  # French label first, Arabic in its typed order
    assert is_form_row(row)


def test_card_lines_without_a_blank_unchanged(card_lines: list[str]) -> None:
    assert "بطاقة المشتري" in card_lines and "Carte d’acheteur" in card_lines


def _boxes(cells: list[tuple[str, float]]) -> tuple[str, object]:
    """A line as pdfium gives it and the x box of each character: ``cells`` are (text, left x) runs, 5 pt a character."""
    text, xs = "", []
    for run, x in cells:
        for k, _ in enumerate(run):
            xs.append((x + 5 * k, x + 5 * k + 5))
        text += run
    return text, lambda k: xs[k]


def test_arabic_line_with_a_roman_numeral_is_no_row() -> None:
    # an Arabic line quoting a Roman numeral before a dotted blank (BO 7259): no French label
    text, box = _boxes([("على الرخصة.", 300.0), (" ", 355.0), ("." * 20, 100.0), ("X«", 80.0)])
    assert read_row(text, box, 10.0, lambda: True) is None


def test_row_read_in_the_page_direction() -> None:
    # pdfium's order of an Arabic-majority row: the Arabic label (drawn right), the blank, the Latin label (drawn left)
    text, box = _boxes([("هعون", 400.0), (" ", 395.0), ("." * 20, 250.0), (" ", 240.0), ("Type", 200.0)])
    ltr = read_row(text, box, 10.0, lambda: True)
    rtl = read_row(text, box, 10.0, lambda: False)
    assert ltr is not None and ltr[0].startswith("Type ") and ltr[1] is False
    assert rtl is not None and rtl[0].endswith(" Type") and rtl[1] is True


def _line(text: str, top: float, page: int = 1) -> TextLine:
    return TextLine(text, 100.0, top, 500.0, top + 10.0, 10.0, True, page)


def test_rows_are_paragraphs_of_their_own() -> None:
    groups = [
        _Group(kind="heading", lines=[_line("Carte d’acheteur", 10.0), _line("Délivrée à .......... سلمت إلى", 22.0),
                                      _line("Type .......... نوعه", 34.0)], size=10.0, level=2),
        _Group(kind="heading", lines=[_line("Justificatif (1)", 46.0)], size=10.0, level=2),
        _Group(kind="paragraph", lines=[_line("Référence .......... السند (1) مرجعه", 46.0)], size=10.0),
    ]
    out = split_form_rows(groups)
    assert [(g.kind, [ln.text for ln in g.lines]) for g in out] == [
        ("heading", ["Carte d’acheteur"]),
        ("paragraph", ["Délivrée à .......... سلمت إلى"]),
        ("paragraph", ["Type .......... نوعه"]),
        ("paragraph", ["Justificatif (1)"]),  # a field's label between two rows: no heading
        ("paragraph", ["Référence .......... السند (1) مرجعه"]),
    ]


def test_groups_without_rows_untouched() -> None:
    groups = [_Group(kind="heading", lines=[_line("Annexe 3 :", 10.0)], size=12.0, level=3),
              _Group(kind="paragraph", lines=[_line("Nom : ....................", 22.0), _line("Prénom : ..........", 34.0)])]
    assert split_form_rows(groups) is groups


def test_label_beside_a_row_opens_it() -> None:
    # "Justificatif (1)", printed once left of the middle one of three rows, on its band
    side = TextLine("Justificatif (1)", 105.0, 299.3, 163.0, 308.2, 10.0, True, 1)
    row = TextLine("Référence .......... السند (1) مرجعه", 191.5, 298.8, 489.0, 307.9, 10.0, True, 1)
    below = TextLine("Date .......... تاريخه", 203.0, 317.8, 423.0, 325.6, 10.0, True, 1)
    groups = [_Group(kind="paragraph", lines=[row]), _Group(kind="heading", lines=[side], level=2),
              _Group(kind="paragraph", lines=[below])]
    out = split_form_rows(groups)
    assert [g.text for g in out] == ["Justificatif (1) Référence .......... السند (1) مرجعه", "Date .......... تاريخه"]
