"""Fill-in lines of a skewed, blurred scan taken out before tesseract reads the page, their labels kept.

Decree 2.19.720's model letters (``adala-ar-decree-2-19-720`` pp. 5-8, a ~100 dpi scan set a little
askew) print a dotted blank after each label (`• رقم البطاقة المهنية: ..........`). Along such a
line the dots climb a pixel every fifty or so and a blurred scan runs two, three or four of them
together, so the leader finder (leaders.py) found the blank in pieces and left the rest, which
tesseract read as words (`• رقم البطاقة lt عد en 0`, a line `nat née ee nnneeenennes ...`).
A long chain of dots may now slope and hold dots run together, and a found leader is carried on
over the thin clean ink beside its ends."""

from __future__ import annotations

import pytest
from ocr_testkit import band_lines

from transform.evaluation import normalize

# the band of page 7 from the greeting to the three labelled blanks (shares of the page height)
TRUTH = ["سلام تام بوجود مولانا الإمام", "وبعد نحن العون المكلف أو الأعوان المكلفون بتفتيش الشغل",
         "الاسم الشخصي والعائلي", "الصفة المهنية", "رقم البطاقة المهنية"]


@pytest.mark.slow
def test_the_blanks_of_a_skewed_model_letter_are_not_read_as_words() -> None:
    lines = band_lines("adala-ar-decree-2-19-720", 7, 0.38, 0.50)
    body = normalize(" ".join(lines))
    for label in ("الاسم الشخصي والعائلي", "الصفة المهنية", "رقم البطاقة"):
        assert label in body, (label, lines)  # each label kept
    assert not any("nnn" in ln or "née" in ln for ln in lines), lines  # no line made of a blank's dots
    # every word read beyond the printed ones is a blank read as letters (36 words on main's code)
    printed = sum(len(t.split()) for t in TRUTH)
    assert len(body.split()) <= printed + 3, lines


def test_the_skewed_blanks_are_found_whole_and_their_labels_left_as_printed() -> None:
    """Page 7's five blanks (three after a label, two with none) are each found as one leader over
    three inches long (main's code found them only in pieces under three inches); the labels at
    their right end are not touched."""
    import numpy as np
    import pypdfium2 as pdfium
    from ocr_testkit import CORPUS_FILES

    from transform.ocr.leaders import remove_leaders
    from transform.ocr.render import preprocess, render_page

    path = CORPUS_FILES / "adala-ar-decree-2-19-720.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        img = preprocess(render_page(pdf, 6), scanned=True)
    finally:
        pdf.close()
    out = remove_leaders(img.image, img.dpi)
    long = sorted((b for b in out.boxes if b[2] - b[0] >= 3 * img.dpi), key=lambda b: b[1])
    assert len(long) == 5, out.boxes
    before, after = np.asarray(img.image.convert("L")), np.asarray(out.image.convert("L"))
    for _x0, top, x1, bottom in long[:3]:  # the labelled blanks: the label's ink right of the blank as printed
        label = (slice(top, bottom), slice(x1 + 10, before.shape[1]))
        assert (before[label] < 128).sum() > 500  # a label is there
        assert (before[label] == after[label]).all()
