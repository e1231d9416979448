"""Paragraphs, headings, columns and page furniture on word-processor PDFs.

``decree-ar.pdf`` and ``plan-fr.pdf`` are LibreOffice exports of documents written for these
tests (``reading/make_pdfs.py``): justified paragraphs with first-line indents, legal units in
bold centred lines, a running header and a page-number footer on every page, a paragraph
that crosses a page break, a section in two columns (right to left in the Arabic one), optional
hyphens in French. The two-column page drawn line by line is written here with PDF operators.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from transform.context import RunContext
from transform.ingest import ingest
from transform.ingest.pdf_blocks import group_lines, groups_to_blocks
from transform.ingest.pdf_text import page_lines
from transform.model import Document, Heading, Paragraph
from transform.model.walk import block_text, iter_blocks
from transform.options import TransformOptions
from transform.structure import build_structure

READING = Path(__file__).resolve().parent / "reading"


def read(path: Path, tmp_path: Path) -> Document:
    ctx = RunContext(options=TransformOptions(ocr="never"), out_dir=tmp_path, stem="t", source=path)
    return ingest(path, ctx)


def blocks(doc: Document) -> list[tuple[str, int, str]]:
    return [(b.kind, getattr(b, "level", 0), block_text(b)) for _, b in iter_blocks(doc)]


def test_arabic_decree_paragraphs_headings_and_furniture(tmp_path: Path) -> None:
    doc = read(READING / "decree-ar.pdf", tmp_path)
    got = blocks(doc)
    headings = [(lvl, text) for kind, lvl, text in got if kind == "heading"]
    assert headings[0][0] == 1 and headings[0][1].startswith("قرار لرئيس مجلس الجهة رقم 12.26")  # a 2-line title, one heading
    # legal units: chapters under the title, articles under the chapters
    assert (2, "الباب الأول: أحكام عامة") in headings and (2, "الباب الثاني: مبالغ الدعم وشروطه") in headings
    assert [t for lvl, t in headings if lvl == 3] == ["المادة الأولى", "المادة 2", "المادة 3", "المادة 4", "المادة 5"]
    paragraphs = [text for kind, _, text in got if kind == "paragraph"]
    # one paragraph per printed paragraph: the two of المادة 2 apart, each whole
    assert any(p.startswith("يقصد بالمشروع المحلي") and p.endswith("داخل النفوذ الترابي للجهة.") for p in paragraphs)
    assert any(p.startswith("ولا يمكن أن يستفيد من الدعم") and p.endswith("من طرف المصالح المختصة.") for p in paragraphs)
    # the long paragraph of المادة 4 crosses the page break mid-sentence and stays one paragraph
    art4 = [p for p in paragraphs if p.startswith("تودع طلبات الدعم")]
    assert len(art4) == 1 and art4[0].endswith("وفق الكيفيات المنصوص عليها في النظام الداخلي للمجلس.")
    assert "1 250 000 درهم" in " ".join(paragraphs) and "12,5 %" in " ".join(paragraphs)
    # running header and page numbers: out of the body, kept as furniture
    body = "\n".join(text for _, _, text in got)
    assert "النشرة الرسمية للجهة –" not in body and "- 1 -" not in body
    kinds = {(f.page, f.kind) for f in doc.furniture}
    assert {(1, "header"), (2, "header"), (1, "page_number"), (2, "page_number")} <= kinds
    assert all("جهة بني ملال خنيفرة" in f.text for f in doc.furniture if f.kind == "header")
    # the annex in two columns is read right column first (the first project comes first)
    annex = [p for p in paragraphs if p.startswith("المشروع")]
    assert [p.split(":")[0] for p in annex] == ["المشروع الأول", "المشروع الثاني", "المشروع الثالث", "المشروع الرابع"]


def test_arabic_decree_sections_nest(tmp_path: Path) -> None:
    doc = build_structure(read(READING / "decree-ar.pdf", tmp_path))
    top = doc.sections[-2] if doc.sections[-1].heading and "الملحق" in doc.sections[-1].heading.sentences[0].text else doc.sections[-1]
    chapters = [s for s in top.sections if s.heading and s.heading.sentences[0].text.startswith("الباب")]
    assert len(chapters) == 2
    assert [s.heading.sentences[0].text for s in chapters[0].sections if s.heading] == ["المادة الأولى", "المادة 2"]


def test_french_plan_columns_hyphens_and_labels(tmp_path: Path) -> None:
    doc = read(READING / "plan-fr.pdf", tmp_path)
    got = blocks(doc)
    text = "\n".join(t for _, _, t in got)
    headings = [(lvl, t) for kind, lvl, t in got if kind == "heading"]
    assert headings[0] == (1, "Plan d'action communal 2026-2031 de la commune de Béni Mellal")  # two lines, one heading
    assert (2, "Chapitre premier Orientations générales") in headings  # a unit and its title, one heading
    assert [t for _, t in headings if t.startswith("Article")] == ["Article premier", "Article 3", "Article 4"]
    # "Article 2. – Les crédits ..." is a run-in label: it stays in its paragraph
    assert any(t.startswith("Article 2. – Les crédits nécessaires") for kind, _, t in got if kind == "paragraph")
    # optional hyphens at line ends: the words are whole, no letter lost
    for word in ("améliorer", "renforcer", "attractivité", "économique", "environnementaux", "développement", "Adoption", "Ouverture"):
        assert word in text, word
    assert "\u00ad" not in text and "ren-forcer" not in text
    # a bold phrase opening a paragraph does not make it a heading
    assert any(t.startswith("Objectif principal. Le plan vise") for kind, _, t in got if kind == "paragraph")
    # the signature block is kept, line by line
    assert text.endswith("Fait à Béni Mellal, le 25 juin 2026.\nLe Président du Conseil communal,\nSigné : Ahmed Benali")
    assert [f.text for f in doc.furniture if f.kind == "page_number"] == ["Page 1 sur 1"]


LEFT = ("Le conseil communal a examine le projet de budget presente par le president ainsi que les observations "
        "des commissions permanentes. Apres deliberation, le conseil a approuve les credits destines a l'entretien "
        "de la voirie et a l'eclairage public.")
RIGHT = ("Les depenses d'investissement prevoient la construction d'une bibliotheque municipale, la renovation du "
         "marche couvert et l'amenagement d'espaces verts dans les quartiers peripheriques de la commune.")


def _wrap(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return [*lines, cur]


def interleaved_pdf(path: Path) -> Path:
    """Two columns drawn line by line (left line, right line...): pdfium joins each pair into one line."""
    left, right = _wrap(LEFT, 48), _wrap(RIGHT, 48)
    ops = ["BT /F1 10 Tf"]
    for i in range(max(len(left), len(right))):
        y = 700 - 13 * i
        if i < len(left):
            ops.append(f"1 0 0 1 50 {y} Tm ({left[i]}) Tj")
        if i < len(right):
            ops.append(f"1 0 0 1 320 {y} Tm ({right[i]}) Tj")
    ops.append("ET")
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream("\n".join(ops).encode("latin-1"))
    pdf.save(path)
    return path


def test_columns_drawn_line_by_line_are_read_column_by_column(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(str(interleaved_pdf(tmp_path / "cols.pdf")))
    page = pdf[0]
    lines = page_lines(page, page.get_textpage(), 1)
    assert lines[0].text.startswith("Le conseil communal a examine le projet de Les depenses")  # pdfium joins the columns
    got = groups_to_blocks(group_lines([lines], [[]], [595.0]))
    assert [b.sentences[0].text for b in got if isinstance(b, Paragraph)] == [LEFT, RIGHT]
    assert not any(isinstance(b, Heading) for b in got)


def _ops_pdf(path: Path, ops: list[str]) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream("\n".join(["BT", *ops, "ET"]).encode("latin-1"))
    pdf.save(path)
    return path


def test_a_line_starts_on_its_first_words_baseline(tmp_path: Path) -> None:
    """pdfium joins a table label's last line with the amounts set 6 pt higher beside it
    ('rurales 412 500 000'): the line's baseline is the label's (where it starts), so that
    the label lines of the cell stay evenly spaced; a raised, smaller footnote number opening
    a line is passed over (the line sits on its words' baseline)."""
    path = _ops_pdf(tmp_path / "baselines.pdf", [
        "/F1 11 Tf 1 0 0 1 72 700 Tm (Infrastructures et routes) Tj",
        "1 0 0 1 72 683 Tm (rurales) Tj",
        "1 0 0 1 320 689 Tm (412 500 000) Tj",
        "1 0 0 1 72 600 Tm (Un paragraphe ordinaire sur une ligne.) Tj",
        "/F1 6 Tf 1 0 0 1 72 504 Tm (1) Tj",
        "/F1 9 Tf 1 0 0 1 78 500 Tm (Note de bas de page, ecrite plus petit.) Tj",
    ])
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    lines = page_lines(page, page.get_textpage(), 1)
    by_text = {ln.text: ln for ln in lines}
    joined = next(ln for ln in lines if ln.text.startswith("rurales"))
    assert "412 500 000" in joined.text  # one line for pdfium
    assert abs(joined.baseline - (842 - 683)) < 0.5  # the label's baseline, not the amounts' (842 - 689)
    assert abs(by_text["Infrastructures et routes"].baseline - (842 - 700)) < 0.5
    note = next(ln for ln in lines if "Note de bas" in ln.text)
    assert abs(note.baseline - (842 - 500)) < 0.5  # not the raised call's (842 - 504)
