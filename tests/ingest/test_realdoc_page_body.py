"""A page set in a larger type than the document's body (tests/realdocs/files/bo-ar-7259-2023-lf2024.pdf).

The Arabic Bulletin's finance law opens with the dahir on p. 1, set in 16 pt and double spaced,
while the law's columns from p. 2 on are set in 11 pt: 16 pt is a heading size for the document,
and every line of p. 1 went on one "heading" that was then demoted to a single paragraph of the
whole page. The lines of pp. 1-2 are taken as the text layer gave them to the ingester
(``data/text_lines_paragraphs.json``, captured once from ``pdf_text``: text, box, size, bold,
baseline, direction, footnote call) and go through the same grouping code as in a real run. What
each test expects was checked on the page image.
"""

from __future__ import annotations

import json
from pathlib import Path

from transform.evaluation import score_document
from transform.evaluation.truth import load_truth_dir
from transform.ingest.pdf_blocks import _features, _marker, _page_body, group_lines, groups_to_blocks
from transform.ingest.pdf_text import PdfLine
from transform.model import Document, DocumentMeta, Heading, Paragraph, Section

HERE = Path(__file__).resolve().parent
TRUTH = HERE.parents[0] / "realdocs" / "truth"
DOC = "bo-ar-7259-2023-lf2024"
DATA_ALL = json.loads((HERE / "data" / "text_lines_paragraphs.json").read_text(encoding="utf-8"))
DATA = DATA_ALL[DOC]


def pages() -> list[list[PdfLine]]:
    return [[PdfLine(text=t, x0=x0, top=top, x1=x1, bottom=b, size=s, bold=bo, page=int(p), baseline=bl, rtl=r, call=c)
             for t, x0, top, x1, b, s, bo, bl, r, c in rows]
            for p, rows in sorted(DATA["pages"].items(), key=lambda kv: int(kv[0]))]


def blocks() -> list[object]:
    lines = pages()
    return groups_to_blocks(group_lines(lines, [[] for _ in lines], [DATA["width"]] * len(lines)))


def text(block: object) -> str:
    return " ".join(s.text for s in block.sentences)  # type: ignore[attr-defined]


def test_page_in_a_larger_type_reads_as_paragraphs() -> None:
    """P. 1: the dahir's title stays a heading; the visas, the enacting formula, the promulgation and
    the date are paragraphs of their own, as printed (each opens at the first-line indent or follows
    a line that ended its sentence short of the edge)."""
    page1 = [b for b in blocks() if getattr(b, "page", None) == 1]
    title = next(b for b in page1 if isinstance(b, Heading) and text(b).startswith("ظهير شريف رقم 1.23.91"))
    assert text(title).endswith("للسنة المالية 2024")
    paragraphs = [text(b) for b in page1 if isinstance(b, Paragraph)]
    for start in ("بناء على الدستور", "وعلى القانون التنظيمي رقم 130.13", "أصدرنا أمرنا الشريف بما يلي", "ينفذ وينشر بالجريدة الرسمية",
                  "وحرر في 30 من جمادى الأولى 1445"):
        assert sum(p.startswith(start) for p in paragraphs) == 1, start
    assert not any(len(p.split()) > 60 for p in paragraphs)  # no paragraph runs over the page


def test_day_before_min_and_a_hijri_month_is_no_footnote_call() -> None:
    """``بتاريخ`` / ``14 من شعبان 1436``: the day number opening the line (set small by the text
    layer, so read as a footnote call) is kept when ``من`` and a month follow it."""
    visa = next(text(b) for b in blocks() if isinstance(b, Paragraph) and text(b).startswith("وعلى القانون التنظيمي"))
    assert "بتاريخ 14 من شعبان 1436" in visa
    assert "[14]" not in visa


def test_page_body_needs_many_plain_lines_of_the_size() -> None:
    """The larger size is the page's body only on a page it fills: p. 2 (the law in 11 pt with a few
    16 pt headings) keeps its headings; p. 1 cut to its first six lines (the title and a few visas) too."""
    p1, p2 = pages()
    hsizes = [16.0, 23.0]
    assert _page_body(p1, _features([p1])[0], hsizes) == 16.0
    assert _page_body(p2, _features([p2])[0], hsizes) is None
    assert _page_body(p1[:6], _features([p1[:6]])[0], hsizes) is None


def test_ornament_stars_open_no_list_item() -> None:
    assert _marker("* *") is None and _marker("*") is None
    assert _marker("* un point de la liste") is not None


def test_paragraph_measure_fails_the_page_read_as_one_block() -> None:
    """The scorer on p. 1: the grouping now scores at least 0.8 on paragraph starts; the same words
    read as one paragraph under the title (what main read) fall under 0.5."""
    truth = [t for t in load_truth_dir(TRUTH / DOC) if t.page == 1]
    meta = DocumentMeta(source_name="x.pdf", source_format="pdf", page_count=2)
    good = blocks()
    assert score_document(Document(meta=meta, sections=[Section(blocks=good)]), truth, DOC).totals.paragraphs.f1 >= 0.8
    page1 = [b for b in good if getattr(b, "page", None) == 1]
    body = " ".join(text(b) for b in page1 if isinstance(b, Paragraph))
    merged = [b for b in page1 if isinstance(b, Heading)] + [Paragraph(sentences=[{"id": "", "text": body}], page=1)]
    bad = Document(meta=meta, sections=[Section(blocks=merged)])
    assert score_document(bad, truth, DOC).totals.paragraphs.f1 < 0.5


def test_contents_entries_in_a_larger_type_stay_apart() -> None:
    """Bulletin officiel 7262, p. 3 (its contents, set in 11 pt over a 10 pt body): each entry hangs
    under its first line and ends with dot leaders and its page number; the next entry starts at the
    column's edge. An entry's last line ends its block, so each entry is a paragraph of its own, also
    across the column break (the geometry and text of the page's lines)."""
    def entry(number: str, base: float, x: float, page_no: str) -> list[PdfLine]:
        texts = ["Arrêté de la ministre de la transition énergétique", f"et du développement durable n° {number}",
                 "du 6 joumada I 1445 (20 novembre 2023) accordant", "le permis de recherche d’hydrocarbures dit",
                 "« MOGADOR OFFSHORE » à l’Office national" + "." * 40 + f" {page_no}"]
        out = []
        for k, t in enumerate(texts):
            x0 = x if k == 0 else x + 22.3
            x1 = x + 262.3 if k == len(texts) - 1 else x + 236.6
            out.append(PdfLine(text=t, x0=x0, top=base + 12 * k - 9, x1=x1, bottom=base + 12 * k + 2, size=11.0, page=1,
                               baseline=base + 12 * k, rtl=False))
        return out

    lines = entry("2924-23", 94.4, 22.2, "166") + entry("2925-23", 160.0, 22.2, "167") + entry("2926-23", 94.4, 308.5, "168")
    body = [PdfLine(text="Texte du corps en dix points sur la ligne entière de la colonne.", x0=22.2, top=600 + 12 * k, x1=540.0,
                    bottom=611 + 12 * k, size=10.0, page=2, baseline=609 + 12 * k, rtl=False) for k in range(40)]
    found = [text(b) for b in groups_to_blocks(group_lines([lines, body], [[], []], [595.0, 595.0])) if getattr(b, "page", None) == 1]
    assert [t.split("n° ")[1][:7] for t in found] == ["2924-23", "2925-23", "2926-23"]
    assert all(t.endswith(("166", "167", "168")) for t in found)


def test_contents_entries_are_no_headings() -> None:
    """CESE opinion on biodiversity, p. 7 (its contents, bold 13 pt, with pp. 9-10 of the text): once
    each entry ends at its dot leaders and page number, no entry and no first line of an entry is a
    heading (the heading passes would make seven of them headings: ``المحور الأول: ...``, ``الملحق رقم 1: ...``)."""
    data = DATA_ALL["cese-ar-avis-biodiversite-2025"]
    lines = [[PdfLine(text=t, x0=x0, top=top, x1=x1, bottom=b, size=s, bold=bo, page=int(p), baseline=bl, rtl=r, call=c)
              for t, x0, top, x1, b, s, bo, bl, r, c in rows]
             for p, rows in sorted(data["pages"].items(), key=lambda kv: int(kv[0]))]
    blocks7 = [b for b in groups_to_blocks(group_lines(lines, [[] for _ in lines], [data["width"]] * len(lines)))
               if getattr(b, "page", None) == 7]
    assert not [text(b) for b in blocks7 if isinstance(b, Heading)]
    entries = [text(b) for b in blocks7 if isinstance(b, Paragraph)]
    assert sum("المحور" in t[:12] for t in entries) == 4  # one opens with a stray kasra, as the layer has it
    assert any(t.startswith("الملحق رقم 1") and t.rstrip().endswith("57") for t in entries)
