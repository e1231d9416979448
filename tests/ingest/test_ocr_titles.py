"""Titles of OCR'd Moroccan decisions and a judgment (transform/ingest/pdf_title_runs.py), on the lines tesseract
read from the corpus pages (``data/ocr_lines_titles.json``: text, box, size, bold, confidence, underline per line,
captured once from the pipeline's OCR of ma-narsa-ar-decision-2023 p1, ma-mtedd-ar-decision-2023 p1-2,
ma-tc-casa-jugement-2271-2020 p1 and p3 and ma-sante-ar-decision-2023 p3), so the tests run without tesseract.

A decision's title is printed over several lines around a stamped number and date (``قرار`` / ``بشأن فتح باب ...`` /
``شاغر ...``; ``قرار لوزيرة ...`` / ``رقم ... بتاريخ ...`` / ``بفتح باب ...``), a judgment's over four centred
lines double-spaced (``حكم المحكمة ...`` / ``رقم 2271`` / ``الصادر بتاريخ ...`` / ``في الملف رقم ...``): each is one
heading, as the truth pages have it. The judgment's parts (``الوقائع:``, ``في الموضوع:``) are headings; an article
label whose text introduces a list (``المادة الخامسة: يتكون ملف الترشيح من الوثائق التالية:``) is run in.
"""

from __future__ import annotations

import json
from pathlib import Path

from transform.ingest.base import TextLine
from transform.ingest.pdf_blocks import group_lines, groups_to_blocks
from transform.ingest.pdf_furniture import split_running_lines
from transform.model import Heading

HERE = Path(__file__).resolve().parent
LINES = json.loads((HERE / "data" / "ocr_lines_titles.json").read_text(encoding="utf-8"))


def _pages(doc: str, drop: tuple[str, ...] = ()) -> tuple[list[list[TextLine]], list[float], list[float]]:
    entry = LINES[doc]
    pages = []
    for page, rows in sorted(entry["pages"].items(), key=lambda kv: int(kv[0])):
        pages.append([TextLine(t, x0, top, x1, bottom, size, bold, int(page), confidence=conf, underline=und)
                      for t, x0, top, x1, bottom, size, bold, conf, und in rows if not any(d in t for d in drop)])
    n = len(pages)
    return pages, [entry["width"]] * n, [entry["height"]] * n


def headings(doc: str, drop: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(page, level, text) of the headings the ingester makes of the captured lines (furniture out first)."""
    pages, widths, heights = _pages(doc, drop)
    pages, _ = split_running_lines(pages, heights)
    groups = group_lines(pages, [[] for _ in pages], widths, heights)
    return [(b.page or 0, b.level, " ".join(s.text for s in b.sentences)) for b in groups_to_blocks(groups) if isinstance(b, Heading)]


def test_a_decision_title_around_its_stamped_number_is_one_heading() -> None:
    found = headings("ma-narsa-ar-decision-2023")
    assert [(p, lv) for p, lv, _ in found] == [(1, 1)]  # the title alone: not the last line's handwritten mark beside it
    title = found[0][2]
    assert title.startswith("--091 قرار بشأن فتح باب الترشيح") and title.endswith("من فئة رئيس مصصلحة")


def test_a_minister_s_title_takes_its_number_line_and_object_over_a_letterhead_read_late() -> None:
    found = headings("ma-mtedd-ar-decision-2023")
    titles = [t for p, _, t in found if p == 1]
    assert len(titles) == 1
    title = titles[0]
    assert title.startswith("قرارلوزيرة الانتقال الطاقي والتنمية المستدامة")
    assert "رقم" in title and title.endswith("بوزارة الانتقال الطاقي والتنمية المستدامة")
    # the article that introduces the list of documents stays a paragraph (its label is run in)
    assert not any("يتكون ملف الترشيح" in t for _, _, t in found)


def test_the_letterhead_line_read_late_goes_before_the_title() -> None:
    pages, widths, heights = _pages("ma-mtedd-ar-decision-2023")
    groups = group_lines(pages[:1], [[]], widths[:1], heights[:1])
    texts = [b for b in groups_to_blocks(groups)]
    order = [i for i, b in enumerate(texts) if hasattr(b, "sentences") and any("La Ministre" in s.text or "قرارلوزيرة" in s.text
                                                                               for s in b.sentences)]
    assert len(order) == 2 and "La Ministre" in texts[order[0]].sentences[0].text


def test_a_judgment_s_title_and_parts() -> None:
    found = headings("ma-tc-casa-jugement-2271-2020")
    assert [(p, lv) for p, lv, _ in found][:2] == [(1, 1), (1, 2)]
    title = found[0][2]
    assert title.startswith("حكم المحكمة التجارية بالدار البيضاء") and "2271" in title and title.endswith("2019/8219/11890")
    assert found[1][2] == "الوقائع:"
    parts = [t for p, _, t in found if p == 3]
    # OCR read the last one twice as large (a watermark); the deliberation formula above them is a paragraph (truth p3)
    assert parts == ["في الشكل:", "في الموضوع: 4"]


def test_without_its_title_lines_the_judgment_has_no_title() -> None:
    """The measure fails on a bad reading: the title's first line alone gives no heading (not a judgment's title
    kind), and the title lines cut from their first line are paragraphs."""
    found = headings("ma-tc-casa-jugement-2271-2020", drop=("حكم المحكمة",))
    assert not any("2271" in t for _, _, t in found)


def test_an_annex_label_with_its_title_keeps_its_size_cue() -> None:
    found = headings("ma-sante-ar-decision-2023")
    assert any(t.startswith("ملحق: نموذج طلب الترشم لشغل منصب رئيس مصلحة") for _, _, t in found)


def _group(kind: str, rows: list[list], rtl: bool = True) -> object:
    from transform.ingest.pdf_blocks import _Group

    lines = [TextLine(t, x0, top, x1, bottom, size, bold, 8, confidence=conf, underline=und)
             for t, x0, top, x1, bottom, size, bold, conf, und in rows]
    return _Group(kind=kind, lines=lines, size=lines[0].size, rtl=rtl, level=2 if kind == "heading" else 3, centred=True,
                  body=16.0, bold_level=3)


def test_an_annex_label_goes_on_with_the_text_it_is_annexed_to() -> None:
    """The joint order 1096.26's p8: ``الملحق رقم 11`` (II read as 11) over ``بالقرار المشترك ...`` in six lines: one heading
    (transform/ingest/pdf_labels.py ``annex_titles``); a title under its label that names no text stays apart."""
    from transform.ingest.pdf_labels import annex_titles

    rows = LINES["adala-ar-joint-order-1096-26"]["pages"]["8"]
    label, title, table = _group("heading", [rows[2]]), _group("paragraph", rows[3:9]), _group("paragraph", [rows[9]])
    out = annex_titles([label, title, table])
    assert len(out) == 2 and out[0].kind == "heading" and len(out[0].lines) == 7
    assert out[0].text.startswith("الملحق رقم 11 بالقرار المشترك لوزير الداخلية") and out[0].text.endswith("برسم موسم التسويق 2026-2027")
    other = _group("paragraph", [["نموذج رسالة الملاحظات", 200.0, 102.8, 400.0, 121.8, 18.5, False, 0.9, False]])
    assert len(annex_titles([_group("heading", [rows[2]]), other])) == 2
