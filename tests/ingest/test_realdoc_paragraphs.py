"""Paragraph boundaries and running furniture on real pages (tests/realdocs/files).

Text-layer pages are read whole (about a second each). OCR'd pages would cost tesseract several
seconds a page, so their lines are taken as tesseract gave them to the ingester on the real page
(``data/ocr_lines_realdocs.json``: text, box, size, bold, confidence per line, captured once from
``transform.ocr.read_pages``) and go through the same grouping and furniture code as in a real run.
What each test expects was checked on the page image.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transform.evaluation import read_document, score_document
from transform.evaluation.truth import load_truth_dir
from transform.ingest.base import TextLine
from transform.ingest.pdf_block_runs import own_axis
from transform.ingest.pdf_blocks import _marker, group_lines, groups_to_blocks
from transform.ingest.pdf_furniture import split_running_lines
from transform.model import Document, Paragraph, Section
from transform.model.walk import iter_blocks

HERE = Path(__file__).resolve().parent
FILES = HERE.parents[0] / "realdocs" / "files"
TRUTH = HERE.parents[0] / "realdocs" / "truth"
OCR_LINES = json.loads((HERE / "data" / "ocr_lines_realdocs.json").read_text(encoding="utf-8"))
A4_WIDTH, A4_HEIGHT = 595.2, 841.7


def ocr_pages(doc: str) -> tuple[list[list[TextLine]], list[float]]:
    """The OCR'd lines of the captured pages of ``doc``, page by page, and the page heights."""
    entry = OCR_LINES[doc]
    pages = []
    for page, rows in sorted(entry["pages"].items(), key=lambda kv: int(kv[0])):
        pages.append([TextLine(t, x0, top, x1, bottom, size, bold, int(page), confidence=conf)
                      for t, x0, top, x1, bottom, size, bold, conf in rows])
    return pages, [entry["height"]] * len(pages)


def blocks_of(pages: list[list[TextLine]]) -> list[tuple[int, str]]:
    """(page, text) of every block the ingester makes of these lines (furniture out first, as pdf.py does)."""
    pages, _ = split_running_lines(pages, [A4_HEIGHT] * len(pages))
    groups = group_lines(pages, [[] for _ in pages], [A4_WIDTH] * len(pages))
    out = []
    for b in groups_to_blocks(groups):
        if hasattr(b, "sentences"):
            out.append((b.page or 0, " ".join(s.text for s in b.sentences)))
        elif hasattr(b, "items"):
            out += [(b.page or 0, " ".join(s.text for s in it.sentences)) for it in b.items]
    return out


def text(block: object) -> str:
    return " ".join(s.text for s in block.sentences)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def bo_7440() -> Document:
    return read_document(FILES / "bo-fr-7440-2025.pdf", ocr="never")


def test_signature_blocks_and_a_line_read_over_two_printed_lines(bo_7440: Document) -> None:
    """Bulletin officiel 7440, p. 3 (two columns, one decree in each): the countersignature group,
    set off the column's middle on its own axis, is one paragraph with the minister's name; a visa
    whose line pdfium read over two printed lines (a tall box) is not cut after it."""
    paras = [text(b) for _, b in iter_blocks(bo_7440) if isinstance(b, Paragraph) and b.page == 3]
    assert ("Pour contreseing : Le ministre délégué auprès de la ministre de l’économie et des finances, "
            "chargé du budget, FOUZI LEKJAA.") in paras
    assert "Pour contreseing : La ministre de l’économie et des finances, NADIA FETTAH." in paras
    visa = [p for p in paras if p.startswith("Vu le décret n° 2-20-346")]
    assert len(visa) == 1 and visa[0].endswith("conclu entre l’Administration de la défense nationale et la société MBDA France ;")
    # the signatory above stays apart (it ends its sentence), and so does the place and date
    assert "AZIZ AKHANNOUCH." in paras and "Fait à Rabat, le 25 safar 1447 (19 août 2025)." in paras


def test_paragraph_starts_of_a_two_column_page_are_the_printed_ones(bo_7440: Document) -> None:
    """Every paragraph of p. 3 starts where the printed one starts (first words, in reading order)."""
    starts = [" ".join(text(b).split()[:3]) for _, b in iter_blocks(bo_7440) if isinstance(b, Paragraph) and b.page == 3]
    one_decree = ["LE CHEF DU", "Vu la loi", "Vu le paragraphe", "Vu le décret", "Sur proposition du", "DÉCRÈTE :",
                  "ARTICLE PREMIER. –", "ART. 2. –", "Fait à Rabat,", "AZIZ AKHANNOUCH.", "Pour contreseing :", "Le texte en"]
    other = ["LE CHEF DU", "Vu la loi", "Vu la loi", "Sur proposition de", "DÉCRÈTE :", "ARTICLE PREMIER. –", "ART. 2. –",
             "Fait à Rabat,", "AZIZ AKHANNOUCH.", "Pour contreseing :", "Le texte en"]
    assert starts == one_decree + other


def test_column_of_names_in_an_annex_grid_is_one_block() -> None:
    """Prefect's order (office scan read by OCR), annex p. 7: three columns of commune names set one
    under the other, evenly spaced (the cells of a grid ruled only between columns). Each column is
    one block, not a paragraph per name (57 one-word paragraphs before)."""
    pages, _ = ocr_pages("hautesaone-arrete-eau-2023")
    found = [t for p, t in blocks_of(pages) if p == 7]
    assert len(found) <= 8
    names = next(t for t in found if "Ailloncourt" in t).split()
    assert {"Ainvelle", "Amage", "Bassigney", "Belfahy", "Breuchotte", "Chagey"} <= set(names)
    assert len(names) >= 20
    assert any({"Lomont", "Lure", "Luze", "Magnivray"} <= set(t.split()) for t in found)


def test_two_columns_of_an_ocr_picture_keep_their_paragraphs() -> None:
    """Minutes (Couthenans, Oct. 2022), p. 3: a picture of a two-column motion read by OCR; the
    layout does not see its columns, yet each justified paragraph of the left column is one block
    (its lines stop where the others stop), ending where its sentence ends."""
    pages, _ = ocr_pages("couthenans-cr-2022-10")
    found = [t for _, t in blocks_of(pages)]
    inflation = next(t for t in found if t.startswith("Estimée pour 2022 et 2023"))
    assert inflation.endswith("des communes et de leurs intercommunalités.")
    assert any(t.startswith("Enfin, l'augmentation de 3,5%") and t.endswith("pour nos collectivités.") for t in found)
    assert not any(t.startswith(("1985, va faire", "hausse spectaculaire", "s'est poursuivie")) for t in found)


def test_unreadable_letterhead_and_ocr_page_numbers_are_furniture() -> None:
    """Joint order 1096.26 (a scan), pp. 2-6: the Ministry's calligraphed letterhead comes out of OCR
    as different garbage on every page (no text to match) and the page numbers as ``-1_``, ``_5-``:
    both are furniture; the body's first line under the letterhead stays."""
    pages, heights = ocr_pages("adala-ar-joint-order-1096-26")
    kept, furniture = split_running_lines(pages, heights)
    headers = {f.page for f in furniture if f.kind == "header"}
    assert headers == {2, 3, 4, 5, 6}
    numbers = {f.page: f.text for f in furniture if f.kind == "page_number"}
    assert numbers[2] == "-1_" and numbers[6] == "_5-" and numbers[3] == "-2-"
    body = [ln.text for lines in kept for ln in lines]
    assert any(t.startswith("قرار مشترك لوزير الداخلية") for t in body)
    assert any(t.startswith("الباب الأول") for t in body)
    assert not any("المملكة" in t or "مذيرية" in t for t in body)


def test_label_over_a_contents_list_is_furniture_a_signatory_is_not() -> None:
    """Bulletin officiel 7448: "Pages" printed over each column of the contents on pp. 2-4 (three
    pages of 43, too few for a running header) is furniture; the minister's name closing each of the
    orders on pp. 29-38, at the same height on every page, is body text."""
    doc = read_document(FILES / "bo-fr-7448-2025.pdf", ocr="never")
    labels = [f.page for f in doc.furniture if f.text == "Pages Pages"]
    assert labels == [2, 3, 4]
    body = [text(b) for _, b in iter_blocks(doc) if hasattr(b, "sentences")]
    assert not any(t.startswith("Pages") for _, b in iter_blocks(doc) if getattr(b, "page", 0) in (2, 3, 4) and hasattr(b, "sentences")
                   for t in [text(b)])
    assert sum("MIDAOUI" in t for t in body) >= 5


def test_code_article_reference_is_no_list_item() -> None:
    """"L. 2215-1, relatifs aux pouvoirs..." (a visa of the prefect's order, cut after "et") is the
    rest of a sentence, not an item "L."; "a) ..." and "1. ..." still open items."""
    assert _marker("L. 2215-1, relatifs aux pouvoirs du représentant de l'État") is None
    assert _marker("R. 211-3 du code de l'environnement") is None
    assert _marker("a) les usages prioritaires") is not None
    assert _marker("1. les usages prioritaires") is not None


def test_letterhead_lines_stay_apart_signature_lines_go_on() -> None:
    """Lines centred on an axis of their own make one paragraph only when the second goes on from
    the first: a letterhead's names (each with its capital) stay apart."""
    ministry = TextLine("Ministère de l'Intérieur", 400.0, 40.0, 520.0, 52.0, 11.0)
    wilaya = TextLine("Wilaya de Tanger", 420.0, 54.0, 500.0, 66.0, 11.0)
    assert not own_axis(ministry, wilaya, 500.0, 11.0, inset=30.0)
    title = TextLine("Le ministre délégué auprès", 38.0, 694.0, 145.0, 703.0, 10.0)
    wrapped = TextLine("de la ministre de l'économie", 36.0, 708.0, 150.0, 715.0, 10.0)
    assert own_axis(title, wrapped, 263.0, 10.0, inset=11.0)
    # left-aligned lines at the column's edge are a list, not a centred group
    assert not own_axis(title, wrapped, 263.0, 10.0, inset=0.0)


def test_paragraph_measure_fails_lines_read_as_paragraphs(bo_7440: Document) -> None:
    """The scorer's paragraph boundaries on p. 3: the real reading meets the goal (0.9); the same
    words cut into printed-line-sized paragraphs (a reader that keeps pdfium's lines) fall far below."""
    truth = [t for t in load_truth_dir(TRUTH / "bo-fr-7440-2025") if t.page == 3]
    good = score_document(bo_7440, truth, "bo-fr-7440-2025").totals.paragraphs.f1
    assert good >= 0.9
    cut: list = []
    for _, b in iter_blocks(bo_7440):
        if isinstance(b, Paragraph) and b.page == 3:
            w = text(b).split()
            cut += [Paragraph(sentences=[{"id": "", "text": " ".join(w[i:i + 9])}], page=3) for i in range(0, len(w), 9)]
        elif getattr(b, "page", None) == 3:
            cut.append(b)
    bad = Document(meta=bo_7440.meta, sections=[Section(blocks=cut)])
    assert score_document(bad, truth, "bo-fr-7440-2025").totals.paragraphs.f1 < 0.6


def test_unsure_first_rows_of_a_scanned_table_stay_body() -> None:
    """A grant table scanned over several pages: its first row on each page is read with low
    confidence at about the same height, but it reaches below the outer 8 % of the page and a box
    as tall as the page is OCR's noise: body, not a letterhead. The same rows set wholly inside the
    margin, under a well-read body, are furniture."""
    names = ["AMITIES", "AVENIR SANTE", "CHAMBERTE", "ECUSSON", "MARQUEROSE", "TAEKWONDO", "LANTISSARGUES", "REPAS",
             "VOEUX", "LUDOTHEQUE", "DEBROUILLARDS", "PAILLADE", "BOULISTE", "FUTSAL", "MERCURE", "TASTAVIN", "DREVON",
             "CULTURE", "JEUNES", "SPORTS"]

    def page(n: int, top: float, bottom: float) -> list[TextLine]:
        body = [TextLine(f"ASSOCIATION {names[(k * 7 + n * 3) % 20]} {names[(k + n * 5) % 20]}", 68.0, 90.0 + 14 * k, 300.0,
                         99.0 + 14 * k, 7.0, page=n, confidence=0.93) for k in range(20)]
        noise = TextLine("su DE anGENS DELETOUE"[n:], 0.0, 0.0, 595.0, 842.0, 7.0, page=n, confidence=0.3)
        first = TextLine(f"{names[n]} {names[n + 4]} {names[n + 9]}", 35.0, top, 554.0, bottom, 7.0, page=n, confidence=0.55)
        return [first, noise, *body]

    table = [page(n, 60.0, 72.0) for n in range(1, 5)]
    kept, furniture = split_running_lines(table, [842.0] * 4)
    assert not [f for f in furniture if f.kind == "header" and f.text.startswith(tuple(names))]
    assert all(any(ln.text.startswith(names[k + 1]) for ln in lines) for k, lines in enumerate(kept))
    letterhead = [page(n, 44.0, 56.0) for n in range(1, 5)]
    kept, furniture = split_running_lines(letterhead, [842.0] * 4)
    assert sorted(f.page for f in furniture if f.kind == "header" and f.text.startswith(tuple(names))) == [1, 2, 3, 4]
