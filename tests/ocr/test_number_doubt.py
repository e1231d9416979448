"""A number the re-readings of its line read otherwise than the page, and that nothing settles,
leaves the line in doubt (``digits_disagree``: the reviewer's "check against the source"): set in
``numbers.recheck_numbers`` and kept through ``pages.ocr_page``'s confidence pass."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from ocr_testkit import CORPUS_FILES

from transform.ocr import confidence
from transform.ocr.numbers import contested
from transform.ocr.pages import ocr_page
from transform.ocr.render import render_page, scan_resolution

# Sfax p. 2's closing date, printed ``17 نوفمبر 2022``: the page read ``7 نوقمير 2022``, and its
# re-readings (ara, Arabic, ara at 1.5, Arabic at 1.5) read these
PAGE = "7 نوقمير 2022"
AGAIN = ["7 نوقمير 2022", "17 ئوقنېر 2022", "17 نوفمبر 2022", "2022 puis 17"]


def test_two_rereadings_reading_another_number_leave_the_line_in_doubt() -> None:
    assert contested(PAGE, {}, AGAIN)
    # one reading alone is not enough, nor readings that agree with the page, nor missing ones
    assert not contested(PAGE, {}, [AGAIN[0], AGAIN[1], None, None])
    assert not contested(PAGE, {}, [PAGE, PAGE, None, None])
    # a number the re-readings settled (changed) is not in doubt any more
    assert not contested(PAGE, {0: "17"}, AGAIN)
    # two readings proposing two different numbers do not agree on one
    assert not contested(PAGE, {}, ["17 نوفمبر 2022", "27 نوفمبر 2022"])


def test_the_sfax_notices_date_reaches_the_reviewer_in_doubt() -> None:
    path = CORPUS_FILES / "tn-sfax-ar-balagh-2022.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        res = scan_resolution(pdf[1])
        full = render_page(pdf, 1)
    finally:
        pdf.close()
    lines, report = ocr_page(full, ["ar", "fr"], timeout=300, scanned=True, why="test", scan_dpi=res[0] if res else None)
    dated = [ln for ln in lines if "نوقمير" in ln.text or "نوفمبر" in ln.text]
    assert dated, [ln.text for ln in lines]
    for ln in dated:  # read whole, or left in doubt: never a wrong day passed as sound
        assert "17" in ln.text.split() or ln.doubt == confidence.DIGITS, (ln.text, ln.doubt)
    if any(ln.doubt == confidence.DIGITS for ln in dated):  # and the page's report says so
        assert "check against the source" in report.reason, report.reason
