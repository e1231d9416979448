"""The kashida mend asks pdfium for the text of a text object only when the object could be the stroke in a gap
(level with the gap, covering it, flat): pdfium scans the page's characters for each such question, and a page of
InDesign words holds a few hundred objects. Read from pdfium's text of two real pages: no full reading."""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from tests.ingest.test_word_cuts import _page  # one real page and its pdfium text, closed after
from transform.ingest import pdf_kashida

KASHIDA = "\u0640"


def _text_objects(page: pdfium.PdfPage) -> int:
    return sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,), max_depth=2))


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times pdfium is asked for a text object's text (FPDFTextObj_GetText)."""
    calls = [0]
    real = pdfium_c.FPDFTextObj_GetText

    def counting(*args: Any) -> Any:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(pdfium_c, "FPDFTextObj_GetText", counting)
    return calls


def test_stretched_words_mended_asking_few_objects(asked: list[int]) -> None:
    # the Egyptian law's first page: kashida glyphs without Unicode in its stretched words (96 text objects)
    for page, textpage, text in _page("eg-ar-law-8-2022.pdf", 0):
        objects = _text_objects(page)
        mended = pdf_kashida.mend_page(page, textpage, text)
        assert len(mended) == len(text)
        for cut, whole in (("ه ذا", "ه" + KASHIDA + "ذا"), ("القان ون", "القان" + KASHIDA + "ون")):
            assert cut in text and whole in mended and cut not in mended
        # the old walk asked every object twice (192 questions); only objects level with a gap are asked now
        assert 0 < asked[0] <= objects // 2, (asked[0], objects)


def test_a_page_without_strokes_asks_no_object(asked: list[int]) -> None:
    # CESE p. 23: three lone letters (the page is looked at), 199 text objects, every one of them words
    for page, textpage, text in _page("cese-ar-avis-biodiversite-2025.pdf", 22):
        assert pdf_kashida.suspect(text)
        assert _text_objects(page) > 100
        assert pdf_kashida.mend_page(page, textpage, text) == text
        assert asked[0] == 0  # (the old walk: 398)


def test_native_walk_and_boxes_match_pypdfium2() -> None:
    # _chars.text_objects and _chars.tight_boxes (one native call each) against pypdfium2's own walk and boxes
    if pdf_kashida._OBJECTS is None or pdf_kashida._TIGHT_ADDRESS is None:
        pytest.skip("the _chars extension is not built")
    for page, textpage, text in _page("eg-ar-law-8-2022.pdf", 0):
        walked: list[list[Any]] = []
        pdf_kashida._walk(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, 0, textpage, walked)
        native = pdf_kashida._text_objects(page, textpage)
        assert [o[:4] for o in native] == [o[:4] for o in walked] and len(native) > 50
        assert [pdf_kashida._textless(o[4], textpage) for o in native] == [pdf_kashida._textless(o[4], textpage) for o in walked]
        boxes = pdf_kashida._CharBoxes(textpage)
        indices = list(range(len(text))) + [len(text) + 5]  # (past the end: no box)
        boxes.prefetch(indices)
        for i in indices:
            try:
                expected: tuple[float, ...] | None = textpage.get_charbox(i)
            except pdfium.PdfiumError:
                expected = None
            if expected is None:
                with pytest.raises(pdfium.PdfiumError):
                    boxes(i)
            else:
                assert boxes(i) == expected
            try:
                loose = textpage.get_charbox(i, loose=True)
            except pdfium.PdfiumError:
                assert boxes.line_height(i) is None
            else:
                assert boxes.line_height(i) == loose[3] - loose[1]
