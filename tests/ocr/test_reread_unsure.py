"""Arabic words read unsure and unknown, read again enlarged; the word list settles it (reread.py, issue 17)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ocr.pages import ocr_page
from transform.ocr.render import PageImage, render_page, scan_resolution
from transform.ocr.reread import in_place, unsure_unknown

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def test_only_unsure_words_the_list_lacks_are_read_again() -> None:
    words = ["الثنمن", "المصاريف", "الثمن", "2023", "الطرقية", "في"]
    confs = [49.0, 60.0, 40.0, 30.0, 50.0, 20.0]
    # known words, numbers, words of two letters and a word the page reads sure elsewhere stay
    assert unsure_unknown(words, confs, {"الطرقيه"}) == ["الثنمن"]
    assert unsure_unknown(["الثنمن"], [90.0]) == []  # read sure: left as read


def test_a_word_is_replaced_only_by_one_known_word_read_surer_at_its_place() -> None:
    listed = [("فارق", 300.0, 10.0, 340.0, 20.0), ("الثنمن", 250.0, 10.0, 295.0, 20.0), ("المصاريف", 190.0, 10.0, 245.0, 20.0)]
    confs = [93.0, 49.0, 90.0]
    new = [("فارق", 301.0, 10.0, 339.0, 20.0), ("الثمن", 252.0, 10.0, 294.0, 20.0), ("المصاريف", 191.0, 10.0, 244.0, 20.0)]
    assert in_place(listed, confs, ["الثنمن"], new, [95.0, 93.0, 92.0]) == {1: "الثمن"}
    assert in_place(listed, confs, ["الثنمن"], new, [95.0, 45.0, 92.0]) == {}  # read again less sure
    far = [("فارق", 301.0, 10.0, 339.0, 20.0), ("الحكمة", 252.0, 10.0, 294.0, 20.0)]
    assert in_place(listed, confs, ["الثنمن"], far, [95.0, 93.0]) == {}  # three letters off: another word
    two = [("ال", 280.0, 10.0, 294.0, 20.0), ("ثمن", 252.0, 10.0, 278.0, 20.0)]
    assert in_place(listed, confs, ["الثنمن"], two, [95.0, 93.0]) == {}  # two words at its place


def test_a_word_misread_on_a_scanned_order_is_read_right_enlarged() -> None:
    path = FILES / "adala-ar-joint-order-1096-26.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        res = scan_resolution(pdf[2])
        full = render_page(pdf, 2)
    finally:
        pdf.close()
    h = full.image.height
    y0, y1 = round(h * 0.49), round(h * 0.56)
    band = PageImage(full.image.crop((0, y0, full.image.width, y1)), full.dpi, full.page, full.width_pt,
                     full.to_points(y1 - y0))
    lines, _report = ocr_page(band, ["ar", "fr"], timeout=300, scanned=True, why="test", scan_dpi=res[0] if res else None)
    text = " ".join(ln.text for ln in lines)
    assert "فارق الثمن المصاريف" in text and "الثنمن" not in text, text
