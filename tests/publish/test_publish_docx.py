"""DOCX through pandoc: real heading styles, RTL paragraphs for Arabic, header rows, glossary footnotes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from transform.model import Document
from transform.publish.docx import build_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def _paragraphs(path: Path) -> list[tuple[str | None, bool, str]]:
    """(style, right-to-left?, text) of every body paragraph."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        style = p.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)
        bidi = bool(p.xpath("w:pPr/w:bidi", namespaces=NS))
        out.append((style[0] if style else None, bidi, "".join(p.xpath(".//w:t/text()", namespaces=NS))))
    return out


def test_arabic_docx_headings_and_rtl(tracks: dict[str, Document], tmp_path: Path) -> None:
    out = build_docx(tracks["ar"], tmp_path / "budget.ar.docx")
    paras = _paragraphs(out)
    headings = [(s, t) for s, _, t in paras if s and s.startswith("Heading")]
    assert headings == [("Heading1", "ميزانية المواطن لجهة الشرق 2025"), ("Heading2", "الموارد"), ("Heading2", "النفقات")]
    body = [p for p in paras if p[2]]
    assert all(bidi for _, bidi, _ in body), [p for p in body if not p[1]]
    with zipfile.ZipFile(out) as zf:
        doc = zf.read("word/document.xml").decode()
    assert "<w:tblHeader" in doc  # the header row repeats on each page
    assert "توزيع الميزانية حسب البند" in doc  # table caption
    assert "1\u202f200\u202f000\u202f000" in doc  # grouped digits joined so right-to-left text keeps their order


def test_french_docx_is_ltr_with_arabic_run(tracks: dict[str, Document], tmp_path: Path) -> None:
    out = build_docx(tracks["fr"], tmp_path / "budget.fr.docx")
    paras = _paragraphs(out)
    assert ("Heading1", False, "Budget citoyen de la région de l’Oriental 2025") in paras
    mixed = next(p for p in paras if "Le programme" in p[2])
    assert mixed[1] is False  # a French paragraph...
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    runs = root.xpath('//w:r[w:rPr/w:rtl][contains(w:t, "خصصت")]', namespaces=NS)
    assert runs  # ...whose Arabic sentence is a right-to-left run


def test_darija_docx_has_glossary_footnotes(darija_track: Document, tmp_path: Path) -> None:
    out = build_docx(darija_track, tmp_path / "budget.ary.docx")
    paras = _paragraphs(out)
    assert paras[0][2].startswith("هاد النسخة")  # the "to be reviewed" notice comes first
    with zipfile.ZipFile(out) as zf:
        notes = zf.read("word/footnotes.xml").decode()
    # only the explanation the text does not already give becomes a footnote
    assert "الضريبة على القيمة المضافة: ضريبة كنخلصوها" in notes
    assert "وثيقة ساهلة" not in notes
    assert sum("وثيقة ساهلة" in p[2] for p in paras) == 1
