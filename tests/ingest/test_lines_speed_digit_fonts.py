"""The digit cross-check's font collection asks each text object once, through an unchecked prototype: the same
fonts, digits, glyph fingerprints, outlines, invisibility and runs as asking pdfium run by run (the reference
below), on pages with digits in several fonts (a Bulletin's tables, a bilingual budget, Arabic-Indic digits)."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from transform.ocr import digits
from transform.ocr.digit_glyphs import font_name, glyph_sig, outline

ROOT = Path(__file__).resolve().parents[2]
FILES = ROOT / "tests" / "realdocs" / "files"
CASES = [("bo-fr-loi-cadre-50-21", [2, 6]), ("bo-fr-7440-2025", [1, 10]), ("bo-ar-7259-2023-lf2024-tables", [1, 2]),
         ("budget-citoyen-2026", [1, 2, 3])]


def _reference(pdf: pdfium.PdfDocument, indexes: list[int]) -> dict[str, digits.FontDigits]:
    """collect_fonts as it was: every pdfium query through pypdfium2's checked bindings, run by run."""
    fonts: dict[str, digits.FontDigits] = {}
    for i in indexes:
        page = pdf[i]
        textpage = page.get_textpage()
        handles: dict[int, str] = {}
        for m in digits._DIGIT_RUN.finditer(textpage.get_text_range()):
            obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, m.start())
            if not obj:
                continue
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            addr = ctypes.cast(font, ctypes.c_void_p).value or 0
            name = handles.get(addr) or handles.setdefault(addr, font_name(font))
            fd = fonts.setdefault(name, digits.FontDigits(name))
            fd.invisible = fd.invisible or pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
            for d in set(m.group()) - fd.digits:
                fd.digits.add(d)
                fd.sigs[d] = sig = glyph_sig(font, d)
                if sig and sig not in digits._READ:
                    fd.outlines[d] = outline(font, d)
            if len(m.group()) >= 2 and len(fd.runs) < 4 * digits.MAX_RUN_CROPS:
                fd.runs.append((i, m.start(), m.end(), m.group()))
        textpage.close()
        page.close()
    return fonts


@pytest.mark.parametrize(("name", "pages"), CASES, ids=[c[0] for c in CASES])
def test_fonts_of_digit_runs_are_those_asked_run_by_run(name: str, pages: list[int]) -> None:
    path = FILES / f"{name}.pdf" if (FILES / f"{name}.pdf").exists() else ROOT / "samples" / f"{name}.pdf"
    pdf = pdfium.PdfDocument(str(path))
    try:
        indexes = [p - 1 for p in pages]
        got, want = digits.collect_fonts(pdf, indexes), _reference(pdf, indexes)
    finally:
        pdf.close()
    assert digits._TEXT_OBJECT is not None
    assert list(got) == list(want) and sum(len(fd.runs) for fd in got.values()) >= 5
    for key, fd in got.items():
        assert (fd.name, fd.digits, fd.sigs, fd.invisible, fd.runs) == (want[key].name, want[key].digits, want[key].sigs, want[key].invisible, want[key].runs)
        assert fd.outlines == want[key].outlines
