"""Pages scanned sideways or upside down and turned upright before reading (orientation.py), told to staff:
the review page and the quality report name each such page so that a person checks it against the original;
the junk lines a turned page's reading leaves (the running header printed across the turned form) reach the
reviewer in doubt, never as sound."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from _pagebits import FILES, Line, corpus_page
from ocr_testkit import make_ctx

from service.web.render import render_html
from service.web.review_view import TURNED_WHY, WorkList, turned_pages, work_list
from transform._exec import tesseract as tess
from transform.model import Document, PageReport
from transform.ocr import orientation
from transform.simplify.engine import simplify_document
from transform.simplify.report import build_report, report_html


def _reports() -> list[PageReport]:
    ocr = "scanned page; OCR (fra+ara, 197 words, confidence 91%)"
    return [PageReport(page=1, method="text", reason="text layer looks sound (score 0.91)"),
            PageReport(page=2, method="ocr", reason=ocr + "; " + orientation.TURNED.format(how="sideways", deg=90, conf=19.0)),
            PageReport(page=3, method="ocr", reason=ocr),
            PageReport(page=4, method="ocr", reason=ocr + "; " + orientation.TURNED.format(how="upside down", deg=180, conf=26.0))]


def test_turned_pages_are_found_in_the_page_reports() -> None:
    assert orientation.turned_pages(_reports()) == [(2, 90), (4, 180)]
    doc = Document.model_validate({"meta": {"title": "t", "pages": [r.model_dump() for r in _reports()]}, "sections": []})
    assert [(t.page, t.why) for t in turned_pages(doc)] == [(2, TURNED_WHY["sideways"]), (4, TURNED_WHY["upside_down"])]
    plain = Document.model_validate({"meta": {"title": "t", "pages": [_reports()[0].model_dump()]}, "sections": []})
    assert turned_pages(plain) == []


def _box(html: str) -> str:
    box = re.search(r'<div class="notice" id="turned-pages">(.*?)</div>', html, re.S)
    assert box, html
    return box.group(1)


def test_review_page_names_turned_pages_with_their_images_in_french_and_arabic() -> None:
    doc = Document.model_validate({"meta": {"title": "t", "pages": [r.model_dump() for r in _reports()]}, "sections": []})
    wl = WorkList([], turned=turned_pages(doc))
    fr = _box(render_html("fr", "_turned_pages.html", wl=wl, doc={"id": "d1"}, source_pages=True))
    assert "redressées avant de les lire" in fr and "vérifiez-le sur l’original" in fr
    assert re.findall(r'href="/staff/documents/d1/pages/(\d+)\.png"', fr) == ["2", "4"]
    assert "numérisée de côté" in fr and "numérisée à l’envers" in fr
    ar = _box(render_html("ar", "_turned_pages.html", wl=wl, doc={"id": "d1"}, source_pages=True))
    assert "أدارتها الآلة" in ar and "قارن نصها بالأصل" in ar and "مُسحت مقلوبة" in ar
    assert "redress" not in ar and "turned" not in ar and "sideways" not in ar  # no French nor English in the Arabic page
    assert re.findall(r'href="/staff/documents/d1/pages/(\d+)\.png"', ar) == ["2", "4"]
    # a source without page images (a Word file) names the page without a link; no turned page, no notice
    assert "href" not in _box(render_html("fr", "_turned_pages.html", wl=wl, doc={"id": "d1"}, source_pages=False))
    assert 'id="turned-pages"' not in render_html("fr", "_turned_pages.html", wl=WorkList([]), doc={"id": "d1"}, source_pages=True)


def _quality(doc: Document) -> dict[str, Any]:
    return build_report(simplify_document(doc), engine="rules")


def test_quality_report_names_turned_pages_and_says_so_in_its_verdict(tmp_path: Path) -> None:
    from tests.simplify.conftest import make_doc

    doc = make_doc(tmp_path, "تبلغ ميزانية الجهة 2,8 مليار درهم.\n")
    clean = _quality(doc)
    assert clean["turned_pages"] == [] and "redressée" not in clean["verdict"]["summary"]["fr"]
    doc.meta.pages = _reports()
    rep = _quality(doc)
    assert [(p["page"], p["turn"], p["why"]["en"]) for p in rep["turned_pages"]] == [
        (2, 90, "page 2 was scanned sideways and turned upright: check it against the source"),
        (4, 180, "page 4 was scanned upside down and turned upright: check it against the source")]
    summary = rep["verdict"]["summary"]
    assert "2 page(s) de l'original numérisée(s) de côté ou à l'envers" in summary["fr"] and "قارن نصها بالأصل" in summary["ar"]
    page = report_html(rep)
    assert "la page 2 a été numérisée de côté et redressée avant lecture : vérifiez-la sur l’original" in page
    assert "مسحت الصفحة 4 مقلوبة" in page and "turned upright" not in page  # French and Arabic, no English


# --- end to end: a small crop of a French order turned a quarter, read by the pipeline, shown to staff


@pytest.fixture(scope="module")
def turned_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    if not (FILES / "hautesaone-arrete-eau-2023.pdf").exists():
        pytest.skip("the corpus files are missing")
    if "osd" not in tess.languages():
        pytest.skip("tesseract's osd.traineddata is not installed")
    from transform.ingest import ingest
    from transform.structure import build_structure

    pimg = corpus_page("hautesaone-arrete-eau-2023.pdf", 1, 150)
    img = pimg.image.crop((0, 0, pimg.image.width, round(pimg.image.height * 0.2)))
    path = tmp_path_factory.mktemp("turned") / "page.png"
    img.rotate(90, expand=True).save(path, dpi=(150, 150))  # turned a quarter counter-clockwise
    return build_structure(ingest(path, make_ctx(path.parent)))


@pytest.mark.slow
def test_a_turned_scan_reaches_the_review_page_and_the_quality_report(turned_doc: Document) -> None:
    assert orientation.turned_pages(turned_doc.meta.pages) == [(1, 90)]
    res = simplify_document(turned_doc)
    wl = work_list(res.document)
    assert [(t.page, t.why) for t in wl.turned] == [(1, TURNED_WHY["sideways"])]
    html = _box(render_html("fr", "_turned_pages.html", wl=wl, doc={"id": "x"}, source_pages=True))
    assert 'href="/staff/documents/x/pages/1.png"' in html
    rep = build_report(res, engine="rules")
    assert [p["why"]["en"] for p in rep["turned_pages"]] == ["page 1 was scanned sideways and turned upright: check it against the source"]
    assert "la page 1 a été numérisée de côté" in report_html(rep)


# --- junk lines of a turned page: frozen lines of BO 7262 p. 22 (a form printed sideways, read turned 90°
# clockwise; boxes in points in the turned frame, tesseract's confidence), the running header upright on the sheet
# read across its letters; its confidence raised here to what a sound line gets, which the doubt must not follow

HEADER = Line("آله -Z9ZL ج1 !7080910 II 21 (-1-ج020)", 774, 403, 784, 571)  # "N° 7262 ... (4-1-2024)", down the page
MARGIN = Line("TADIAAO 1-1119", 776, 245, 784, 350)
FORM = [Line("Modèles du bon de sortie et du passavant", 285, 46, 474, 57), Line("(يحتفظ به)", 129, 141, 170, 151),
        Line("يؤذن له بشراء الكميات التالية (10", 131, 189, 259, 203), Line("N°", 120, 160, 131, 168),
        Line("توقيع المكلف بتسليم Sul توقيع البائع", 520, 392, 710, 408), Line("في", 159, 375, 168, 387),
        Line("DÉVELOPPEMENT DURABLE", 65, 99, 110, 104)]
SOUND = [0.948, 0.907, 0.887, 0.957, 0.856, 0.948, 0.834]


def _lines(header_conf: float = 0.91, margin_conf: float = 0.88) -> list[Any]:
    from transform.ingest.base import TextLine

    out = [TextLine(ln.text, ln.x0, ln.top, ln.x1, ln.bottom, confidence=c) for ln, c in zip(FORM, SOUND, strict=True)]
    out += [TextLine(HEADER.text, HEADER.x0, HEADER.top, HEADER.x1, HEADER.bottom, confidence=header_conf),
            TextLine(MARGIN.text, MARGIN.x0, MARGIN.top, MARGIN.x1, MARGIN.bottom, confidence=margin_conf)]
    return out


def test_lines_read_across_a_turned_page_are_left_in_doubt() -> None:
    from transform.ocr.confidence import OCR_LOW, of_lines

    lines = _lines()
    assert orientation.doubt_junk(lines) == 2
    assert [ln.text for ln in lines if ln.doubt] == [HEADER.text, MARGIN.text]
    assert all(ln.doubt == OCR_LOW for ln in lines[-2:])
    assert of_lines(lines[-2:-1]) == (0.91, OCR_LOW)  # the header's block reaches the reviewer in doubt
    # a line whose words the lists do not know, read under JUNK_CONF, is junk too; known words or a sure reading are not
    from transform.ingest.base import TextLine

    junk = TextLine("TADIAAO NILATINA", 600, 73, 700, 79, confidence=0.8)
    names = TextLine("AZIZ AKHANNOUCH.", 600, 73, 700, 79, confidence=0.93)  # a name in capitals, read surely
    form = TextLine("(يحتفظ به البائع)", 348, 145, 410, 158, confidence=0.78)  # one of its two words known: not mostly unknown
    sound = TextLine("مكان الاستعمال أو التخزين", 395, 343, 489, 356, confidence=0.8)
    assert orientation.doubt_junk([junk, names, sound, form]) == 1 and junk.doubt == OCR_LOW
    assert names.doubt is None and sound.doubt is None and form.doubt is None


def test_a_turned_reading_leaves_its_junk_in_doubt_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from transform.ocr.render import PageImage

    pimg = PageImage(Image.new("L", (80, 120), 255), 100.0, 22, 57.6, 86.4)
    monkeypatch.setattr(orientation, "_osd", lambda *a, **k: (90, 7.0))
    rep = PageReport(page=22, method="ocr", reason="text layer rejected; OCR (fra+ara, 233 words, confidence 75%)")
    got = orientation.read_turned(pimg, pimg, {"osd", "fra"}, 10, lambda upright: (_lines(), rep)).reading
    assert got is not None
    lines, out = got
    assert [ln.text for ln in lines if ln.doubt] == [HEADER.text, MARGIN.text]
    assert orientation.quarter(out) == 90 and out.reason.endswith("; 2 lines read across the turned page left in doubt")


# frozen lines of a live reading of BO 7262 p. 22 alone (one-page PDF, read turned 90° clockwise): junk made of known
# words or with a short Latin word read from Arabic letters, read at 70-87 %, beside well-read lines
KNOWN_JUNK = [("المملكة pit", 0.702), ("oil بالخروج", 0.809), ("توقيع المكلف بتسليم su توقيع البائع", 0.865)]
WELL_READ = [("(يحتفظ به البائع)", 0.919), ("MINISTÈRE DE LA TRANSITION ÉNERGÉTIQUE ET OU", 0.909),
             ("يؤذن له بشراء الكميات التالية :", 0.9), ("رقم 22.16 عند طلبهاء و يلحق من بعد بسجل مدخلات و مخرجات", 0.933),
             ("- سيرة ذاتية (CV) تحمل صورة حديثة للمترشح", 0.8), ("(نموذج F1 )؛", 0.8), ("II. - يؤذن للحكومة في التمويل", 0.8),
             ("- تصميم TN-S (Schéma TN-S): صنف من المنشآت الكهربائية (TN)", 0.8), ("Royaume du Maroc", 0.75)]


def test_known_words_read_across_a_turned_page_are_left_in_doubt() -> None:
    from transform.ingest.base import TextLine
    from transform.ocr.confidence import OCR_LOW

    junk = [TextLine(t, 600, 73, 624, 79, confidence=c) for t, c in KNOWN_JUNK]
    sound = [TextLine(t, 500, 100, 719, 110, confidence=c) for t, c in WELL_READ]
    assert orientation.doubt_junk(junk + sound) == len(KNOWN_JUNK)
    assert all(ln.doubt == OCR_LOW for ln in junk) and all(ln.doubt is None for ln in sound)
    # read surely (90 % or more), a line with a stray short word is left as read
    sure = TextLine("المملكة pit", 600, 73, 624, 79, confidence=0.93)
    assert orientation.doubt_junk([sure]) == 0 and sure.doubt is None


def test_no_truth_line_is_stray_latin() -> None:
    # the rule checked against every line and table cell of the truth pages: none is flagged
    truth = Path(__file__).resolve().parents[1] / "realdocs" / "truth"
    seen = 0
    for page in sorted(truth.glob("*/p*.md")):
        for line in page.read_text(encoding="utf-8").split("---", 2)[2].splitlines():
            for part in [line, *line.split("|")]:
                if part.strip():
                    seen += 1
                    assert not orientation._stray_latin(part.strip()), (page.parent.name, page.name, part)
    assert seen > 4000
