"""A gazette's contents list holds its rubrics (issue 17, tests/realdocs/README.md: "a transcribed cover's masthead is
level 1 too, its contents list under it"): BO 7440's cover prints ``SOMMAIRE`` then the rubrics ``TEXTES GENERAUX``,
``TEXTES PARTICULIERS`` among the entries; main read them beside ``SOMMAIRE`` (pdf_levels.contents_rubrics). The
issue's own rubric on p. 3 stays level 1. The whole issue (13 pages, its body size is the issue's) is read without OCR."""

from __future__ import annotations

import pytest

from transform.evaluation.corpus import read_document

from ._realpages import FILES, doc_blocks, level_differences, outline

# truth of p. 1 (masthead 1, SOMMAIRE 2, TEXTES GENERAUX 3) and p. 3 (the rubric 1, the decree's title 2)
EXPECTED = [
    (1, "BULLETIN OFFICIEL"),
    (2, "SOMMAIRE"),
    (3, "TEXTES GENERAUX"),
    (3, "TEXTES PARTICULIERS"),
    (1, "TEXTES GENERAUX"),
    (2, "Décret n° 2-25-635"),
]


def test_contents_rubrics_under_the_contents_heading() -> None:
    path = FILES / "bo-fr-7440-2025.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    got = outline(doc_blocks(read_document(path, ocr="never")))
    assert level_differences(EXPECTED, got, absolute=True) == []


def test_the_comparison_fails_on_rubrics_beside_the_contents() -> None:
    flat = [(2 if text.startswith("TEXTES P") else lv, text) for lv, text in EXPECTED]
    assert level_differences(EXPECTED, flat, absolute=True) != []
