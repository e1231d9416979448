"""Lines built natively (``_chars.plain_lines``) are the lines ``page_lines``' Python loop builds.

On pages without Arabic, a line of Latin text that needs no reading work (nothing to clean, no
footnote call possible, not joined with the next piece) is built in one native call per page;
every other line goes through the loop. The tests compare whole pages both ways (floats exactly),
check that the characters the native test accepts are ones ``pdf_bidi`` leaves alone (so a change
there shows up here), and that lines needing work are left to the loop.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf_text
from transform.ingest.ligatures import LigatureProbe
from transform.ingest.pdf_bidi import WordOrderProbe, clean_text, read_line

ROOT = Path(__file__).resolve().parents[2]
PDFS = [
    ROOT / "tests/realdocs/files/bo-fr-loi-cadre-50-21.pdf",  # two columns
    ROOT / "tests/realdocs/files/preuilly-pv-2020-07.pdf",  # minutes, a table page
    ROOT / "tests/realdocs/files/bo-fr-7440-2025.pdf",  # columns, tables, footnote calls
    ROOT / "tests/realdocs/files/montpellier-tarifs-2014.pdf",  # price tables
    ROOT / "tests/ingest/reading/plan-fr.pdf",
    ROOT / "samples/budget-citoyen-2026.pdf",  # bilingual: its Arabic pages go through the loop
]

native = pytest.mark.skipif(not pdf_text._PLAIN or pdf_text._NATIVE is None, reason="the optional extension _chars is not built (no C compiler)")


def _pages(path: Path, max_pages: int = 8) -> tuple[int, int]:
    """Compare every line of the first pages built with and without plain_lines; (lines, plain lines)."""
    pdf = pdfium.PdfDocument(str(path))
    lines = plain = 0
    try:
        for i in range(min(len(pdf), max_pages)):
            page = pdf[i]
            tp = page.get_textpage()
            try:
                got = pdf_text.page_lines(page, tp, i + 1, LigatureProbe())
                pdf_text._PLAIN = False
                try:
                    want = pdf_text.page_lines(page, tp, i + 1, LigatureProbe())
                finally:
                    pdf_text._PLAIN = True
                assert [dataclasses.astuple(x) for x in got] == [dataclasses.astuple(x) for x in want], f"{path.name} p. {i + 1}"
                assert all(type(x) is pdf_text.PdfLine for x in got)
                lines += len(got)
                text, _ = pdf_text.page_text(tp)
                if "\u0644" not in text:
                    calls = pdf_text.TextPageCalls(tp)
                    pieces, styles = pdf_text.read_pieces(calls, text, page.get_height())
                    built = pdf_text._NATIVE.plain_lines(pieces, styles, page.get_height(), i + 1, True, calls.bold, pdf_text.PdfLine)
                    plain += sum(x is not None for x in built)
            finally:
                tp.close()
                page.close()
    finally:
        pdf.close()
    return lines, plain


@native
@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_plain_lines_equal_the_loop(path: Path) -> None:
    lines, plain = _pages(path)
    assert lines >= 20
    if "budget" not in path.name:
        assert plain >= lines // 3  # the native lines are used, not only the loop


# every character class plain_lines accepts (see _chars.c, plain_char): a line of them is given back
# as it is by read_line (left to right) and by clean_text, and split() cuts it at the plain space only
ACCEPTED = (
    [chr(c) for c in range(0x21, 0x7F)]
    + [chr(c) for c in range(0xA1, 0x100) if c != 0xAD]
    + [chr(c) for c in range(0x100, 0x180)]
    + list("\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac")
)


def test_accepted_characters_need_no_reading_work() -> None:
    probe = WordOrderProbe()
    for ch in ACCEPTED:
        line = f"Le mot{ch}x  et {ch} fin"

        def box(k: int) -> tuple[float, float]:
            return float(k), float(k) + 1.0

        assert read_line(line, box, 10.0, True, probe) == (line, False), repr(ch)
        assert clean_text(line) == line, repr(ch)
        assert " ".join(line.split()) == line.replace("  ", " "), repr(ch)


@native
def test_lines_with_work_are_left_to_the_loop() -> None:
    def piece(text: str, top: float = 700.0, bottom: float = 690.0) -> tuple[object, ...]:
        return (text, 0, [(10.0, top, 200.0, bottom)], 10.0, top, 200.0, bottom)

    style = (10.0, b"Times", 0, 2, 100.0)
    texts = ["Un article du code", "Le\u00a0titre", "coupe\u00ad", "\u0627\u0644\u0645\u0627\u062f\u0629 1", "12 Le titre",
             "l\u2019article 3 du code", "   ", "Caf\u00e9  cr\u00e8me  "]
    pieces = [piece(t, 700.0 - 20 * k, 690.0 - 20 * k) for k, t in enumerate(texts)]
    styles = [style] * len(pieces)
    built = pdf_text._NATIVE.plain_lines(pieces, styles, 800.0, 1, False, lambda *a: False, pdf_text.PdfLine)
    assert built[0] is not None and built[0].text == "Un article du code" and built[0].top == 100.0 and built[0].bottom == 110.0
    assert built[1] is not None and built[1].text == "Le titre"  # a no-break space: a plain one (clean_text)
    assert built[2] is None and built[3] is None  # a soft hyphen, Arabic
    assert built[4] is None  # a number opening the line (a footnote's own number?)
    assert built[5] is None  # digits on a page where footnote calls may stand
    assert built[6] is None  # no letter
    assert built[7] is not None and built[7].text == "Caf\u00e9 cr\u00e8me" and built[7].count == len(texts[7])
    again = pdf_text._NATIVE.plain_lines(pieces, styles, 800.0, 1, True, lambda *a: True, pdf_text.PdfLine)
    assert again[5] is not None and again[5].text == "l\u2019article 3 du code" and again[5].bold is True
    # a piece followed by one starting inside its band may be joined with it: left to the loop
    joined = pdf_text._NATIVE.plain_lines([piece("Un mot"), piece("suite", 699.0, 689.0)], [style, style], 800.0, 1, True,
                                          lambda *a: False, pdf_text.PdfLine)
    assert joined[0] is None and joined[1] is not None
