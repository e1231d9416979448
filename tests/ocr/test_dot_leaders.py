"""Dot leaders (fill-in blanks of a form) taken out of a page image before tesseract reads it, and
percent signs that ``ara`` reads as digits put back on finer scans.

The model contract annexed to decree 2.17.355 (``adala-ar-decree-2-17-355``, three page scans of
about 220 ppi) is a form: `الاسم الشخصي والعائلي: ..........`. Tesseract read its dotted blanks as
letters and digits (`A sd ANS مد دده`, `2111001`, `1 1 1 1 96-1111111`) and lost labels with them
(`العنوان:`); its `60%` came out as `9660`."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.evaluation.normalize import number_tokens
from transform.model.walk import iter_blocks
from transform.ocr.leaders import remove_leaders
from transform.ocr.numbers import SUSPECT_PERCENT
from transform.ocr.tesseract import SCRIPT_MODEL, installed_langs
from transform.ocr.votes import percent_signs

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
CONTRACT = FILES / "adala-ar-decree-2-17-355.pdf"
SFAX = FILES / "tn-sfax-ar-balagh-2022.pdf"
DPI = 250


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("L", (1200, 400), 255)
    return img, ImageDraw.Draw(img)


def _dots(draw: ImageDraw.ImageDraw, x0: int, y: int, n: int, pitch: int = 9, size: int = 5, jitter: list[int] | None = None) -> None:
    for k in range(n):
        dy = jitter[k % len(jitter)] if jitter else 0
        draw.rectangle((x0 + k * pitch, y + dy, x0 + k * pitch + size - 1, y + dy + size - 1), fill=0)


def test_a_row_of_dots_beside_a_label_is_painted_over_and_the_label_kept() -> None:
    img, draw = _page()
    draw.rectangle((700, 100, 1000, 160), fill=0)  # the label: a block of ink (letters)
    _dots(draw, 200, 155, 40)  # the blank: 40 dots on the label's baseline
    out = remove_leaders(img, DPI)
    assert out.count == 1 and out.dots >= 30
    a = np.asarray(out.image)
    assert (a[150:165, 190:570] > 200).all()  # every dot gone
    assert (a[100:161, 700:1001] == 0).all()  # the label untouched


def test_letter_dots_and_short_or_uneven_rows_are_not_leaders() -> None:
    img, draw = _page()
    # Arabic letters' dots: small blobs over and under strokes (ink within a line's height)
    for k in range(12):
        draw.rectangle((100 + k * 40, 200, 130 + k * 40, 215), fill=0)
        draw.rectangle((110 + k * 40, 185, 114 + k * 40, 189), fill=0)
        draw.rectangle((118 + k * 40, 185, 122 + k * 40, 189), fill=0)
    _dots(draw, 700, 100, 4)  # an ellipsis, not a blank
    _dots(draw, 700, 300, 10, jitter=[0, 7, 2, 11, 4])  # a light scan's letter dots: every height
    out = remove_leaders(img, DPI)
    assert out.count == 0
    assert out.image is img


def test_a_measure_that_paints_letters_would_fail_this_check() -> None:
    """The check above catches a detector that takes dots over strokes for a leader."""
    img, draw = _page()
    for k in range(12):
        draw.rectangle((100 + k * 9, 200, 104 + k * 9, 230), fill=0)  # a row of short strokes
    bad = img.copy()
    ImageDraw.Draw(bad).rectangle((90, 195, 220, 235), fill=255)  # what a careless painter leaves
    assert (np.asarray(bad)[200:231, 100:205] == 0).sum() == 0
    out = remove_leaders(img, DPI)
    assert (np.asarray(out.image)[200:231, 100:205] == 0).sum() > 0  # ours keeps them


def test_percent_suspects_and_the_sign_put_back() -> None:
    assert SUSPECT_PERCENT.search("المبلغ النقدي عن 9660 من الحد")
    assert SUSPECT_PERCENT.search("نسبة 74 90 من")
    for fine in ("سنة 1996", "17 أكتوبر 2022", "المادة 19", "19.12", "1960"):
        assert not SUSPECT_PERCENT.search(fine), fine
    page = "يجب الايقل المبلغ النقدي عن 9660 من الحد الأدلى"
    script = ["يجب الايقل المبلغ النقدي عن 60× من الد الأدلى", "يجب الا يقل المبلغ النقدي عن 60× من الحد الأدلى"]
    assert percent_signs(page, script) == ("يجب الايقل المبلغ النقدي عن 60 % من الحد الأدلى", 1)
    # one reading without the sign: nothing changes; a sign where ara read the number alone: nothing
    assert percent_signs(page, [script[0], "يجب الا يقل المبلغ النقدي عن 60 من الحد الأدلى"])[1] == 0
    assert percent_signs("عن 60 من الحد", ["عن 60× من الحد", "عن 60× من الحد"])[1] == 0


def _sentences(block):
    """A block's sentences, a list's items' included (a dashed line under a colon is a list item)."""
    yield from getattr(block, "sentences", [])
    for item in getattr(block, "items", []):
        yield from item.sentences


def _text(path: Path, page: int, folder: Path) -> tuple[str, str]:
    doc = read_corpus_page(path, page)
    body = " ".join(normalize(" ".join(s.text for s in _sentences(b))) for _, b in iter_blocks(doc))
    return body, doc.meta.pages[0].reason


def test_no_leader_is_found_on_a_light_scan_with_dotted_letters() -> None:
    """Sfax p. 1 (110 ppi, pale type): its letters' dots stand apart from their strokes at
    Otsu's threshold; none of them is taken for a leader."""
    if not SFAX.exists():
        pytest.skip("the corpus file is missing")
    import pypdfium2 as pdfium

    from transform.ocr.render import preprocess, render_scan, scan_resolution

    pdf = pdfium.PdfDocument(str(SFAX))
    try:
        res = scan_resolution(pdf[0])
        assert res is not None
        img = preprocess(render_scan(pdf, 0, res[1]), scanned=True)
    finally:
        pdf.close()
    assert remove_leaders(img.image, img.dpi).count == 0


@pytest.mark.slow
def test_the_model_contract_reads_its_labels_not_its_blanks(tmp_path: Path) -> None:
    if not CONTRACT.exists():
        pytest.skip("the corpus file is missing")
    body, reason = _text(CONTRACT, 3, tmp_path)
    assert "dot leaders taken out" in reason
    for label in ("الاسم الشخصي والعائلي", "العنوان", "تاريخ الازدياد", "وقع الاتفاق على ما يلي", "يتم تشغيل السيد"):
        assert label in body, label
    words = body.split()
    for junk in ("ANS", "2111001", "1111111", "PACE", "runs"):
        assert not any(junk in w for w in words), junk
    glued = [w for w in words if "....." in w and re.search("[\u0621-\u064a]", w)]
    assert len(glued) <= 1, glued  # dots glued to the words beside them (4 such words before)
    assert "المسلمة" in words  # read whole beside its blank (`للتعريف":...............المسلمة` before)


@pytest.mark.slow
def test_the_percentage_of_the_contract_is_read_with_its_sign(tmp_path: Path) -> None:
    if SCRIPT_MODEL["ara"] not in installed_langs():
        pytest.skip("the script model Arabic (tesseract-ocr-script-arab) is not installed")
    if not CONTRACT.exists():
        pytest.skip("the corpus file is missing")
    body, _reason = _text(CONTRACT, 4, tmp_path)
    numbers = [t.text.replace(" ", "") for t in number_tokens(body)]
    assert "60%" in numbers
    assert "9660" not in numbers
    assert "48" in numbers and "24" in numbers
