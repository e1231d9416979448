"""``_chars.plain_lines`` reads the boldness cache and leaves symbol-font bullets to the loop natively, with the
same lines as ``page_lines``' Python loop: on a spread whose Wingdings bullets read ``l `` (Cabestany's magazine)
and on pages of bold and plain text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf_text
from transform.ingest.ligatures import LigatureProbe
from transform.ingest.pdf_bullets import SYMBOL_CODES

ROOT = Path(__file__).resolve().parents[2]
FILES = ROOT / "tests" / "realdocs" / "files"
native = pytest.mark.skipif(not pdf_text._PLAIN or pdf_text._NATIVE is None, reason="the optional extension _chars is not built (no C compiler)")


def _page_lines(name: str, page_no: int, plain: bool) -> list[pdf_text.PdfLine]:
    pdf = pdfium.PdfDocument(str(FILES / f"{name}.pdf"))
    page = pdf[page_no - 1]
    tp = page.get_textpage()
    saved = pdf_text._PLAIN
    pdf_text._PLAIN = plain
    try:
        return pdf_text.page_lines(page, tp, page_no, LigatureProbe())
    finally:
        pdf_text._PLAIN = saved
        tp.close()
        page.close()
        pdf.close()


@native
@pytest.mark.parametrize(("name", "page_no"), [("cabestany-budget-2024-cabesinfo", 1), ("cabestany-budget-2024-cabesinfo", 2),
                                               ("bo-fr-loi-cadre-50-21", 1), ("montpellier-tarifs-2014", 3),
                                               ("seine-normandie-guide-erc-2024", 9), ("seine-normandie-guide-erc-2024", 15)])
def test_native_plain_lines_equal_the_loop_on_real_pages(name: str, page_no: int, monkeypatch: pytest.MonkeyPatch) -> None:
    real_bold = pdf_text.TextPageCalls.bold
    asked: list[bytes] = []

    def bold(self: pdf_text.TextPageCalls, index: int, name: bytes, flags: int) -> bool:
        asked.append(name)
        return real_bold(self, index, name, flags)

    monkeypatch.setattr(pdf_text.TextPageCalls, "bold", bold)
    want = _page_lines(name, page_no, False)  # the loop asks bold() once a line (and fills its cache)
    by_loop = len(asked)
    asked.clear()
    got = _page_lines(name, page_no, True)
    assert len(asked) <= by_loop - len(got) // 4  # the plain lines' boldness read from the cache, not asked line by line
    assert [dataclasses.astuple(x) for x in got] == [dataclasses.astuple(x) for x in want]
    assert any(ln.bold for ln in got) and any(not ln.bold for ln in got)
    if page_no == 1 and name.startswith("cabestany"):  # the Wingdings `l ` read as bullets
        assert "• de l’inflation (hausse vertigineuse" in [ln.text for ln in got]
    if name.startswith("seine"):  # bullets and digits on a page where footnote calls may stand: built natively
        assert sum(ln.text.startswith("• ") for ln in got) >= 5


def _piece(text: str, top: float = 700.0, bottom: float = 690.0) -> tuple[object, ...]:
    return (text, 0, [(50.0, top, 200.0, bottom)], 50.0, top, 200.0, bottom)


@native
def test_bold_cache_is_read_before_bold_of_and_symbol_lines_are_left_to_the_loop() -> None:
    style = (10.0, b"ABCDEF+Arial-BoldMT", 0x1_0000_0004, 3, 100.0)  # flags beyond the mask: the key keeps 0xFF00FF bits
    pieces = [_piece("Un titre gras"), _piece("l de l’inflation", 680.0, 670.0), _piece("Suite du texte", 660.0, 650.0)]
    asked: list[tuple[object, ...]] = []

    def bold_of(mid: int, font: bytes, flags: int) -> bool:
        asked.append((mid, font, flags))
        return False

    cache = {(b"ABCDEF+Arial-BoldMT", 0x1_0000_0004 & 0xFF00FF): True}
    built = pdf_text._NATIVE.plain_lines(pieces, [style] * 3, 800.0, 1, True, bold_of, pdf_text.PdfLine, cache, SYMBOL_CODES)
    assert built[1] is None  # `l ` then a word: the loop looks at its font (a Wingdings bullet?)
    assert [ln.bold for ln in (built[0], built[2])] == [True, True] and asked == []  # from the cache, bold_of not called
    missed = pdf_text._NATIVE.plain_lines(pieces, [style] * 3, 800.0, 1, True, bold_of, pdf_text.PdfLine, {}, SYMBOL_CODES)
    assert [ln.bold for ln in (missed[0], missed[2])] == [False, False] and len(asked) == 2
    unnamed = (10.0, b"", 4, 3, 100.0)  # no font name: never looked up (bold() does not cache it either)
    pdf_text._NATIVE.plain_lines([pieces[0]], [unnamed], 800.0, 1, True, bold_of, pdf_text.PdfLine, {(b"", 4): True}, SYMBOL_CODES)
    assert len(asked) == 3
    spaced = [_piece("Article\u00a01er\u202f:  les\u2009mots"), _piece("• Un point, 12 ans", 680.0, 670.0), _piece("Un mot2.", 660.0, 650.0)]
    per_piece = pdf_text._NATIVE.plain_lines(spaced, [style] * 3, 800.0, 1, [True, True, False], bold_of, pdf_text.PdfLine, cache, SYMBOL_CODES)
    assert [ln.text if ln is not None else None for ln in per_piece] == ["Article 1er : les mots", "• Un point, 12 ans", None]
    assert per_piece[0].count == len(spaced[0][0])  # the characters pdfium gave, spaces of every kind included
    old = pdf_text._NATIVE.plain_lines(pieces, [style] * 3, 800.0, 1, True, bold_of, pdf_text.PdfLine)  # seven arguments: as before
    assert old[1] is not None and old[1].text == "l de l’inflation"
