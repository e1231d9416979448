"""Footnote calls the line reading missed (pdf_line_marks): the CESE opinion sets calls after a
year (`منذ سنة 2010` + call 31, drawn left of the year: pdfium writes `312010`, a number that
changed its digits) and after a word whose last letter carries a vowel sign (`مستوطنِ28`,
`بحرياً13`, `سنوياً54`). A call becomes the model's note mark `[31]`; the truth and a reader leave
it out."""

from __future__ import annotations

from tests.ingest._realpages import line_texts
from transform.ingest.pdf_line_marks import number_calls


def _line(name: str, page: int, part: str) -> str:
    return next(t for t in line_texts(name, page) if part in t)


def test_call_after_a_year_is_cut_from_it() -> None:
    line = _line("cese-ar-avis-biodiversite-2025.pdf", 23, "المخصصة منذ سنة")
    assert "منذ سنة 2010[31]." in line
    assert "312010" not in line


def test_calls_after_a_vowel_sign() -> None:
    assert "نوع مستوطنِ[28]." in _line("cese-ar-avis-biodiversite-2025.pdf", 23, "نوع نباتي")
    assert "نوعا بحرياً[13]." in _line("cese-ar-avis-biodiversite-2025.pdf", 16, "الأوساط البحرية")
    assert "طن سنوياً[54]." in _line("cese-ar-avis-biodiversite-2025.pdf", 28, "تقدَّر بنحو")
    # numbers on the line itself stay whole
    assert "7.136" in _line("cese-ar-avis-biodiversite-2025.pdf", 16, "الأوساط البحرية")


def _origin(raised: set[int]):
    return lambda i: 105.0 if i in raised else 100.0  # PDF y: a raised glyph's origin is higher


def test_only_raised_digits_at_an_end_are_a_call() -> None:
    assert number_calls("سنة 312010.", [("سنة .312010", 0)], 100.0, 8.0, _origin({5, 6})) == "سنة 2010[31]."
    assert number_calls("سنة 20105", [("20105 سنة", 0)], 100.0, 8.0, _origin({4})) == "سنة 2010[5]"
    # on one baseline: a postcode, an account number
    assert number_calls("الرمز 66330", [("66330 الرمز", 0)], 100.0, 8.0, _origin(set())) == "الرمز 66330"
    # the whole run raised (a superscript line), or raised digits inside it: no call
    assert number_calls("312010", [("312010", 0)], 100.0, 8.0, _origin(set(range(6)))) == "312010"
    assert number_calls("312010", [("312010", 0)], 100.0, 8.0, _origin({2, 3})) == "312010"
    # decimals and grouped numbers are not runs of five or six digits
    assert number_calls("123456.78", [("123456.78", 0)], 100.0, 8.0, _origin({0})) == "123456.78"
