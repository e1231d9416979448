"""Every amount of a kept earlier OCR's layer read a second time from its ink (foreign_figures.py; issue 17).

Putanges' minutes keep ocrmypdf's layer; on p. 6 it reads ``163 923,86€`` for ``763 923,86€`` (well formed:
no doubt until now), ``7 7T9,41€`` for ``7 779,41€``, ``1216 147,42€`` for ``1 216 147,42€``; on p. 4
``7 TT9,4€``. The crops' readings below are what tesseract gave on the real page (300 dpi crop first, the
200 dpi sample's crop second); the end-to-end test reads p. 4's crops for real.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from transform.ingest.pdf_text import page_lines
from transform.ocr import foreign_figures
from transform.ocr.confidence import DIGITS
from transform.ocr.foreign_figures import verdict
from transform.ocr.render import PageImage, render_page

PDF = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "putanges-pv-2024-03-25.pdf"


def test_a_malformed_amount_takes_the_well_formed_reading_that_holds_its_digits() -> None:
    assert verdict("7 7T9,41€", ("7 779,41€", 82), ("7 719,41€", 63)) == ("take", "7 779,41€")
    assert verdict("7 TT9,4€", ("7 779,41€", 55), ("7 94", 29)) == ("take", "7 779,41€")  # a cent lost too
    assert verdict("109 28,32€", ("109 218,32€", 83), ("109 218,32€", 41)) == ("take", "109 218,32€")
    assert verdict("1216 147,42€", ("1 216 147,426", 65), ("1 216 14742", 77)) == ("take", "1 216 147,42€")  # € read 6
    # not taken: read unsure, malformed, with two digits more than the layer's digits and letters, or without its digits
    assert verdict("7 TT9,4€", ("7 779,41€", 40), ("", 0)) == ("", None)
    assert verdict("1216 147,42€", ("1216 147,42€", 73), ("1216 147,42€", 55)) == ("", None)
    # the layer's very digits regrouped by the sample's crop (not where a letter stands among them)
    assert verdict("1216 147,42€", ("1216 147,42€", 73), ("1 216 147,426", 56)) == ("take", "1 216 147,42€")
    assert verdict("1216 147,42€", ("1216 147,42€", 73), ("1 216 147,426", 40)) == ("", None)
    assert verdict("7 7T9,41€", ("", 0), ("779,41€", 90)) == ("", None)
    assert verdict("7 7T9,41€", ("117 779,41€", 90), ("", 0)) == ("", None)
    assert verdict("109 28,32€", ("109 218,35€", 90), ("", 0)) == ("", None)
    # one group is printed so (the corpus's truth: `1751,73`, `450000,00`, rates `8,3`): never rewritten on the crops'
    # word alone (both crops reading it spaced put it in doubt, foreign_figures.spaced_page decides)
    assert verdict("1751,73", ("1751,73", 90), ("1751,73", 90)) == ("", None)
    assert verdict("1751,73", ("1 751,73", 90), ("1 751,73", 90)) == ("doubt", "1 751,73")
    assert verdict("8,3", ("8,36", 90), ("8,36", 90)) == ("", None)


def test_a_well_formed_amount_both_crops_read_otherwise_is_in_doubt_never_changed() -> None:
    # the crops' common reading is kept for the document to vouch for (foreign_vouch.py), not written here
    assert verdict("163 923,86€", ("763 923,86€", 69), ("763 923,86€", 56)) == ("doubt", "763 923,86€")
    assert verdict("163 923,86€", ("763 923,86€", 69), ("783 923,86€", 56)) == ("doubt", None)
    # one crop reads it malformed, or reads the layer's digits: nothing to say
    assert verdict("1 726 557,53€", ("1 726 557,58", 73), ("1 726 557 58€", 77)) == ("", None)
    assert verdict("23 877,93€", ("23 877,98", 80), ("23 877,93", 62)) == ("", None)
    assert verdict("632 735,29€", ("632 735,29€", 92), ("632 735,29€", 84)) == ("", None)
    assert verdict("222 723,14€", ("222 723,146", 62), ("227", 0)) == ("", None)  # the sign read 6 is the sign


def test_one_group_the_print_spaces_is_regrouped_where_the_page_spaces_its_amounts() -> None:
    """Putanges p. 7: the layer's ``-1171,00€`` (its minus glued) where the page prints ``- 1 171,00€``; both crops
    read ``1 171,00`` (unsure: 33 and 29), and every other amount of four digits or more on the page is spaced."""
    from transform.ocr.foreign_figures import TOKEN

    assert [m.group() for m in TOKEN.finditer("Solde des « restes à réaliser » -1171,00€")] == ["1171,00€"]
    assert [m.group() for m in TOKEN.finditer("de -10 963,09€ et A-1234,56 ou 2020-1171,00")] == ["10 963,09€"]
    from transform.ocr.foreign_figures import spaced_page

    page = ["125 199,51€", "1171,00€", "0,00€", "230 502,55€", "10 963,09", "449,95€", "10 513,14€"]
    assert spaced_page(page, "1171,00€")
    assert not spaced_page(["125 199,51€", "1171,00€", "230 502,55€"], "1171,00€")  # two spaced amounts: too few
    assert not spaced_page([*page, "4500,00€"], "1171,00€")  # another amount printed in one group
    reads = (("1 171,00", 33.5), ("1 171,00€", 28.9))
    assert verdict("1171,00€", *reads, spaced=True) == ("take", "1 171,00€")
    assert verdict("1171,00€", *reads) == ("doubt", "1 171,00€")  # the page does not decide: in doubt, for the document
    assert verdict("1171,00€", ("1 171,00", 33.5), ("1171,00€", 80.0), spaced=True) == ("doubt", None)  # one crop of two
    assert verdict("1171,00€", ("1 171,00", 33.5), ("1171,00€", 80.0)) == ("", None)
    assert verdict("1171,00€", ("1 172,00", 33.5), ("1 172,00€", 28.9), spaced=True) == ("", None)  # other digits


def _lines(number: int) -> list:
    pdf = pdfium.PdfDocument(PDF)
    try:
        page = pdf[number - 1]
        textpage = page.get_textpage()
        lines = page_lines(page, textpage, number, None)
        textpage.close()
        page.close()
    finally:
        pdf.close()
    return lines


def test_the_layers_amounts_are_found_with_their_boxes_and_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [ln for ln in _lines(6) if any(k in ln.text for k in ("163 923", "soit un déficit", "7T9", "15 981"))]
    assert [ln.text.split()[-1] for ln in lines] == ["923,86€", "147,42€", "7T9,41€", "981,19€"]
    frozen = {"163 923,86€": (("763 923,86€", 69), ("763 923,86€", 56)),
              "1216 147,42€": (("1216 147,42€", 73), ("1216 147,42€", 55)),
              "7 7T9,41€": (("7 779,41€", 82), ("7 719,41€", 63)),
              "15 981,19€": (("15 981,19", 54), ("15 98,19€", 62))}
    asked: list[str] = []

    def boxes(textpage, ln, height):  # the real finder, its tokens noted in order
        out = real(textpage, ln, height)
        asked.extend(tok for tok, _ in out)
        return out

    real = foreign_figures._boxes
    monkeypatch.setattr(foreign_figures, "_boxes", boxes)
    blank = PageImage(Image.new("L", (1240, 1754), 255), 150, 6, 595, 842)
    monkeypatch.setattr(foreign_figures, "render_page", lambda pdf, i, dpi: blank)
    monkeypatch.setattr(foreign_figures, "read_lines", lambda images, timeout: (
        [frozen[t][0] for t in asked] + [frozen[t][1] for t in asked]))
    pdf = pdfium.PdfDocument(PDF)
    try:
        mended, doubted = foreign_figures.read_amounts(pdf, 5, lines, blank, 30)
    finally:
        pdf.close()
    assert asked == ["163 923,86€", "1216 147,42€", "7 7T9,41€", "15 981,19€"]
    assert (mended, doubted) == (1, 1)
    text = {ln.text.split()[-1]: ln for ln in lines}
    assert "- un excédent de fonctionnement de l'exercice de 7 779,41€" in [ln.text for ln in lines]
    assert text["779,41€"].doubt and text["923,86€"].doubt == DIGITS  # the text stays; the line in doubt
    assert "163 923,86€" in text["923,86€"].text
    assert text["923,86€"].amount_votes == [("163 923,86€", "763 923,86€")]  # for the document to settle
    assert "soit un déficit d'investissement de - 1216 147,42€" in [ln.text for ln in lines]  # every crop read it so
    assert text["981,19€"].doubt is None and text["147,42€"].doubt is None


@pytest.mark.slow  # two renders of one page and one tesseract call on its four amounts' crops
def test_page_4_amounts_read_again_from_the_scan() -> None:
    lines = _lines(4)
    pdf = pdfium.PdfDocument(PDF)
    try:
        sample = render_page(pdf, 3, 200)
        mended, doubted = foreign_figures.read_amounts(pdf, 3, lines, sample, 60)
    finally:
        pdf.close()
    amounts = [ln.text for ln in lines if "€" in ln.text]
    assert "Excédent d'exploitation : 7 779,41€" in " ".join(amounts), amounts
    assert any("- 763 923,86€" in t for t in amounts) and any("632 735,29€" in t for t in amounts)
    assert mended == 1 and doubted == 0

