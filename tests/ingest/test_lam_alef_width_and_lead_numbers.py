"""A lam-alef glyph after a kashida that kept only its alef, found by its width, and numbers opening
a line of a font scaled by its text matrix (``1 Tf``) kept as text (issue 17, text-layer pages).

Real pages: the CESE opinion (page 9: ``فلا`` read ``فـا``, ``فضلا`` read ``فضـا`` on page 5, a
note's own number ``24 -`` on page 19) and the Arabic Bulletin officiel 7259 (page 1: ``14 من
شعبان 1436`` opening a line lost its day).
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import corpus_page, line_texts
from transform.ingest.ligatures import lams_before_wide_alefs
from transform.ingest.pdf_text import page_lines

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
USUAL = "كان ما بها لنا قال عام نال بات مات زاد"  # ten alefs after a letter, each 3 pt wide


def _page(word: str, alef_width: float) -> tuple[str, object]:
    text = USUAL + " " + word
    wide = len(USUAL) + 1 + word.index("\u0640\u0627") + 1

    def box(i: int) -> tuple[float, float]:
        return (0.0, alef_width) if i == wide else (0.0, 3.0)
    return text, box


def test_a_wide_alef_after_a_kashida_gets_its_lam_back() -> None:
    text, box = _page("فضـا", 8.8)  # as wide as lam + alef: the glyph of both
    assert lams_before_wide_alefs(text, box).endswith("فضلا")
    text, box = _page("فـا", 8.8)
    assert lams_before_wide_alefs(text, box).endswith("فلا")


def test_a_plain_alef_or_a_non_word_is_left_alone() -> None:
    text, box = _page("بمـا", 3.0)  # a kashida before a plain alef: justified ``بما``
    assert lams_before_wide_alefs(text, box) == text
    text, box = _page("الثـانـي", 8.8)  # a wide box, but ``الثلاني`` is no word: nothing is invented
    assert lams_before_wide_alefs(text, box) == text


_texts = line_texts


def test_real_opinion_page_reads_fala_and_fadlan() -> None:
    words = " ".join(_texts("cese-ar-avis-biodiversite-2025.pdf", 9)).split()
    assert "فلا" in words and "فا" not in words
    assert "خلال" in words and "خال" not in words
    words5 = " ".join(_texts("cese-ar-avis-biodiversite-2025.pdf", 5)).split()
    assert "فضلا" in words5 and "فضا" not in words5


def test_numbers_opening_a_line_of_a_scaled_font_are_no_calls() -> None:
    with corpus_page("bo-ar-7259-2023-lf2024.pdf", 1) as (page, textpage):
        lines = page_lines(page, textpage, 1)
    day = next(ln for ln in lines if ln.text.startswith("14 من شعبان 1436"))
    assert day.call == ""  # set in the line's own size: the day of a date, not a footnote call
