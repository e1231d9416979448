"""A page set sideways read in its own frame (issue 17): Bulletin officiel 7262's p. 27, a model
register turned a quarter on a portrait page, its running header and folio upright.

pdfium gives that page no line break at all (one "line" as tall as the page, header inside); the
page is read again from its glyphs (:mod:`transform.ingest.pdf_rotated`). Pages 25 to 29 are copied
into a small PDF (the odd pages' running header comes back on three of them) and read without OCR.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.evaluation.corpus import read_document
from transform.ingest.pdf_rotated import may_be_turned, turned_lines
from transform.ingest.pdf_text import page_lines
from transform.model import Heading, Table

from ._realpages import FILES, block_text, copy_pages, doc_blocks

NAME = "bo-fr-7262-2024.pdf"


def _cells(row: list[object]) -> list[tuple[str, int]]:
    return [(" ".join(s.text for s in c.sentences), c.colspan) for c in row]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> object:
    return read_document(copy_pages(NAME, [24, 25, 26, 27, 28], tmp_path_factory.mktemp("turned")), ocr="never")


def test_running_header_and_folio_are_furniture_not_body(doc: object) -> None:
    on_page = [f.text for f in doc.furniture if f.page == 3]  # type: ignore[attr-defined]
    assert any("BULLETIN OFFICIEL" in t for t in on_page), on_page
    assert any(t.strip().endswith("27") or t.strip() == "27" for t in on_page), on_page
    body = [block_text(b) for b in doc_blocks(doc) if getattr(b, "page", 3) == 3]
    assert not any("BULLETIN OFFICIEL" in t or "joumada II 1445 (4-1-2024)" in t for t in body)


def test_register_is_a_table_with_its_two_header_rows(doc: object) -> None:
    tables = [b for b in doc_blocks(doc) if isinstance(b, Table) and b.rows and _cells(b.rows[0])[:1] == [("Date", 1)]]
    assert len(tables) == 1
    rows = tables[0].rows
    assert _cells(rows[0]) == [("Date", 1), ("Heure", 1), ("Facture", 2), ("Matériel", 4),
                               ("Identité de la personne ayant livré le matériel", 2),
                               ("Identité de la personne ayant reçu le matériel", 3)]
    assert [t for t, _ in _cells(rows[1])] == ["Référence", "Date", "Désignation", "Quantité", "Unité",
                                               "N° de série ou n° du lot de fabrication", "Nom et prénom", "N° CNIE ou n° TS",
                                               "Nom et prénom", "N° CNIE ou n° TS", "Activité"]
    assert all(c.header for c in rows[0] + rows[1])


def test_blocks_in_the_turned_frame_in_reading_order(doc: object) -> None:
    texts = [block_text(b) for b in doc_blocks(doc)]
    heads = [block_text(b) for b in doc_blocks(doc) if isinstance(b, Heading)]
    assert "Annexe 2 :" in heads
    title = "Modèle du registre spécial des ventes des matériels contenant des substances pyrotechniques aux personnes ne disposant pas de dépôts autorisés"
    assert title in heads
    at = texts.index(title)  # p. 25 has key lines and a note of its own: those of p. 27 come after its title
    note = next(k for k, t in enumerate(texts) if k > at and t.startswith("Le texte en langue arabe a été publié"))
    assert texts[note].endswith("(28 décembre 2023).")
    assert texts.index("Annexe 2 :") == at - 1
    cnie = texts.index("CNIE : Carte Nationale d’Identité Electronique", at)
    assert at < cnie < texts.index("TS : titre de séjour au Maroc", at) < note


def test_upright_pages_are_left_alone() -> None:
    source = FILES / NAME
    if not source.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(source))
    try:
        for index in (25, 27):  # pages 26 and 28: upright text, a running header of their own
            page = pdf[index]
            textpage = page.get_textpage()
            lines = page_lines(page, textpage, index + 1)
            assert not may_be_turned(lines) or turned_lines(page, textpage, lines, index + 1) is None
            textpage.close()
            page.close()
    finally:
        pdf.close()


def _sideways_pdf(path: Path, quarter: int) -> Path:
    """A portrait page of our own: an upright running header and folio, four lines turned a quarter
    (90: running up the page, 270: down), the first line of the turned block printed first."""
    import ctypes

    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)

    def put(text: str, size: float, matrix: tuple[float, ...]) -> None:
        obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", size)
        buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        raw.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFPageObj_Transform(obj, *matrix)
        raw.FPDFPage_InsertObject(page.raw, obj)

    put("RUNNING HEAD OF THE REPORT", 9, (1, 0, 0, 1, 60, 800))
    put("12", 9, (1, 0, 0, 1, 530, 800))
    for k, text in enumerate(TURNED):
        put(text, 10, (0, 1, -1, 0, 150 + 14 * k, 100) if quarter == 90 else (0, -1, 1, 0, 450 - 14 * k, 740))
    raw.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(path))
    pdf.close()
    return path


TURNED = ["A wide register turned on its page", "first line of the note under the title,",
          "second line of the same note that goes on.", "Closing line set apart."]


@pytest.mark.parametrize("quarter", [90, 270])
def test_either_quarter_is_read_in_its_own_frame(tmp_path: Path, quarter: int) -> None:
    pdf = pdfium.PdfDocument(str(_sideways_pdf(tmp_path / f"s{quarter}.pdf", quarter)))
    page = pdf[0]
    textpage = page.get_textpage()
    try:
        lines = page_lines(page, textpage, 1)
        assert len(lines) == 1 and may_be_turned(lines)  # pdfium: one "line" with everything in it
        turned = turned_lines(page, textpage, lines, 1)
        assert turned is not None
        assert [ln.text for ln in turned] == ["RUNNING HEAD OF THE REPORT 12", *TURNED]
        assert turned[0].top < 0.12 * page.get_height()  # the upright header stays in the top margin
        assert all(a.bottom <= b.top for a, b in zip(turned, turned[1:], strict=False))  # the turned lines under it, in order
    finally:
        textpage.close()
        page.close()
        pdf.close()
