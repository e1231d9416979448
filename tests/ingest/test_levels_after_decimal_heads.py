"""An unnumbered heading after decimal-numbered ones (issue 17, tests/realdocs/README.md "Levels nest as printed"): the
Seine-Normandie guide ends part 3.3.3 (p. 37) with the bold ``Coûts et financements de ces leviers``, set like
``3.3.2.``, and a box titled ``Anticiper``; ``3.3.2.``'s number put it at level 4, but the unnumbered heading kept its
size's level, 2, beside the guide's chapters (pdf_outline.outline_levels, the decimal heading's ``sibling`` rule). The
whole guide (42 pages, its levels come from its chapters' numbers) is read without OCR."""

from __future__ import annotations

import pytest

from transform.evaluation.corpus import read_document

from ._realpages import FILES, doc_blocks, level_differences, outline

# truth of p. 36 ("3.3.2." 4, "3.3.3." 4) and p. 37 ("Coûts ..." 5, "Anticiper" 6)
EXPECTED = [
    (4, "3.3.2. Leviers incitatifs"),
    (4, "3.3.3. Leviers opérationnels"),
    (5, "Coûts et financements de ces leviers"),
    (6, "Anticiper"),
]


@pytest.mark.slow
def test_an_unnumbered_heading_under_the_decimal_one_before_it() -> None:
    path = FILES / "seine-normandie-guide-erc-2024.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    got = outline(doc_blocks(read_document(path, ocr="never")))
    assert level_differences(EXPECTED, got, absolute=True) == []
    annexes = [lv for lv, text in got if text.startswith("ANNEXE")]
    assert annexes and max(annexes) <= 2, annexes  # the annexes after them are not taken for their siblings


def test_the_comparison_fails_on_the_size_level() -> None:
    flat = [(2 if text.startswith("Coûts") else lv, text) for lv, text in EXPECTED]
    assert level_differences(EXPECTED, flat, absolute=True) != []
