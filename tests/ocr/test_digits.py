"""Numbers are checked, not trusted: a font whose digit glyphs decode to other digits.

The input is made the way such PDFs come about: LibreOffice prints a decree with subsetted
Noto fonts, and the fonts' ToUnicode maps are rewritten with pikepdf so that the glyph "1"
decodes as "7" (and 7 as 1, 0 as 2, 2 as 0): the page shows `17 ماي 2021`, the text layer says
`71 ماي 0207`, and every letter test passes.
"""

from __future__ import annotations

import re
from pathlib import Path

import ocr_testkit as pdfkit
import pypdfium2 as pdfium
import pytest
from ocr_testkit import make_ctx

import transform.ocr.digits as digits_mod
from transform.ingest import INGESTERS
from transform.ingest.pdf import PdfIngester
from transform.model.walk import block_text
from transform.ocr import read_pages

NUMBERS_AR = ["2.21.517", "1442", "17 ماي 2021", "113.14", "1.15.85", "1 250 000", "2 970 450", "12,85", "6987", "27 ماي 2021"]


@pytest.fixture(scope="module")
def decree(work: Path) -> Path:
    return pdfkit.make_pdf(work / "decree.pdf", [(pdfkit.DECREE_AR, "ar"), (pdfkit.DECREE_FR, "fr")])


def ingester_lines(path: Path) -> list[list]:  # type: ignore[type-arg]
    """The text-layer lines as the PDF ingester reads them (one line per printed line)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [PdfIngester()._read_page(pdf, i, path.name)[0] for i in range(len(pdf))]
    finally:
        pdf.close()


def _text(doc) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(block_text(b) for b in doc.sections[0].blocks)


def test_the_reproduced_input_really_decodes_digits_wrong(decree: Path, work: Path) -> None:
    bad = pdfkit.remap_tounicode(decree, work / "decree-swapped.pdf", pdfkit.swap_digits)
    layer = "\n".join(pdfkit.page_texts(bad))
    assert "71 ماي 0207" in layer and "17 ماي 2021" not in layer
    assert "71 mai 0207" in layer


def test_digits_decoded_wrong_are_put_right_through_the_pdf_ingester(decree: Path, work: Path, tmp_path: Path) -> None:
    bad = pdfkit.remap_tounicode(decree, work / "decree-swapped-2.pdf", pdfkit.swap_digits)
    doc = INGESTERS.create("pdf").ingest(bad, make_ctx(tmp_path))
    text = _text(doc)
    for number in NUMBERS_AR:
        assert number in text, number
    for wrong in ("0207", "71 ماي", "71 mai", "0.07.571", "7 020 222"):
        assert wrong not in text, wrong
    # every number token of the document, in order, is what the sound document gives
    sound = _text(INGESTERS.create("pdf").ingest(decree, make_ctx(tmp_path)))
    assert re.findall(r"\d+", text) == re.findall(r"\d+", sound)
    corrected = [p for p in doc.meta.pages if "digits read from the printed glyphs" in p.reason]
    assert corrected and all(p.method == "text" for p in doc.meta.pages)  # the letters were right: no OCR of the page
    assert "prints 2 for the text layer's 0, 7 for 1, 0 for 2, 1 for 7" in corrected[0].reason


def test_only_the_broken_font_is_touched(decree: Path, work: Path, tmp_path: Path) -> None:
    """Only the Arabic font decodes wrong: its runs are translated, the others stay as they are."""
    bad = pdfkit.remap_tounicode(decree, work / "decree-naskh.pdf", pdfkit.swap_digits, fonts="Naskh")
    lines, reports = read_pages(bad, ingester_lines(bad), make_ctx(tmp_path))
    text = "\n".join(ln.text for page in lines for ln in page)
    sound = "\n".join(ln.text for page in ingester_lines(decree) for ln in page)
    assert re.findall(r"\d+", text) == re.findall(r"\d+", sound)
    assert "17 ماي 2021" in text and "0207" not in text
    assert "NotoSans" not in " ".join(r.reason for r in reports)  # only the Naskh fonts were put right


def test_a_sound_document_is_left_alone_and_checked_once(decree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = digits_mod.read_digit_images
    monkeypatch.setattr(digits_mod, "read_digit_images", lambda imgs, *a, **k: calls.append(len(imgs)) or real(imgs, *a, **k))
    digits_mod._READ.clear()
    text_pages = ingester_lines(decree)
    lines, reports = read_pages(decree, [list(p) for p in text_pages], make_ctx(tmp_path))
    assert all("digits" not in r.reason for r in reports)
    assert [ln.text for p in lines for ln in p] == [ln.text for p in text_pages for ln in p]
    assert len(calls) >= 1  # the fonts' digits were read...
    calls.clear()
    read_pages(decree, [list(p) for p in text_pages], make_ctx(tmp_path))
    assert calls == []  # ...and the second time the glyph cache answers, no tesseract


def test_drawn_digit_glyphs_read_as_digits(decree: Path) -> None:
    digits_mod._READ.clear()  # outlines are kept only for glyphs never read
    pdf = pdfium.PdfDocument(str(decree))
    try:
        fonts = digits_mod.collect_fonts(pdf, list(range(len(pdf))))
    finally:
        pdf.close()
    full = [fd for fd in fonts.values() if fd.digits >= set("0123456789")]
    assert full, {n: sorted(fd.digits) for n, fd in fonts.items()}
    for fd in full:
        img = digits_mod.draw_glyphs([fd.outlines[d] for d in "0123456789"])
        assert img is not None
        [(read, conf)] = digits_mod.read_digit_images([img], "0123456789", timeout=60)
        assert read == "0123456789" and conf >= 80, (fd.name, read, conf)


def test_a_glyph_read_two_ways_is_flagged_not_translated(decree: Path, work: Path, tmp_path: Path) -> None:
    """The page check confirms the permutation: where the glyphs a font decodes as one digit
    read as two different digits on the page, the runs are left in doubt (never guessed)."""
    bad = pdfkit.remap_tounicode(decree, work / "decree-swapped-3.pdf", pdfkit.swap_digits)
    pdf = pdfium.PdfDocument(str(bad))
    try:
        fonts = digits_mod.collect_fonts(pdf, list(range(len(pdf))))
        digits_mod.judge_fonts(fonts, 60)
        suspect = [fd for fd in fonts.values() if fd.verdict == "disagree"]
        assert suspect and all(fd.mapping.get("1") == "7" for fd in suspect if "1" in fd.digits)
        fd = suspect[0]
        fd.ambiguous.add("7")  # as if the page showed the glyph decoded "7" both as 1 and as 7
        text_pages = ingester_lines(bad)
        pages = {i: p for i, p in enumerate(text_pages) if digits_mod.has_digits(p)}
        results = digits_mod.correct_pages(pdf, pages, {fd.name: fd})
    finally:
        pdf.close()
    doubtful = [ln for p in pages.values() for ln in p if ln.doubt == "digits_disagree"]
    assert sum(d for _f, d, _n in results.values()) >= 1 and doubtful
    assert all("7" in ln.text for ln in doubtful)


def test_digits_of_an_invisible_ocr_layer_are_checked_on_the_page_image(decree: Path, work: Path, tmp_path: Path) -> None:
    """A scan with an invisible text layer whose digits are wrong (the layer decodes 1 as 7...):
    the glyphs of an invisible font cannot be trusted to be what is seen, so digit runs are cut
    from the page image; the disagreeing lines are flagged for the reviewer, not guessed."""
    swapped = pdfkit.remap_tounicode(decree, work / "decree-layer.pdf", pdfkit.swap_digits)
    scan = pdfkit.photo_scan(decree, work / "decree-scan-layer.pdf", 0, dpi=200, banner=None, layer=swapped)
    lines, reports = read_pages(scan, ingester_lines(scan), make_ctx(tmp_path))
    assert reports[0].method == "text", reports[0]  # the letters of the layer are sound: it is kept
    flagged = [ln for ln in lines[0] if ln.doubt == "digits_disagree"]
    assert flagged and any("0207" in ln.text for ln in flagged)
    assert "left in doubt" in reports[0].reason
