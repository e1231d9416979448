"""A running line read otherwise on one page, and a paragraph told by the room its last line leaves.

* The model contract annexed to decree 2.17.355 (three scanned pages, OCR'd): Adala's header band
  is read as the same garbage on pp. 3 and 5 (a running line) but well on p. 4
  (``المملكة المغربية وزارة العدول ...``, 87 % alike): at the same place, it is the same line.
  The OCR'd lines are those tesseract gave the ingester on the real pages
  (``data/ocr_lines_running_place.json``, captured from ``transform.ocr.read_pages`` on 2026-12-05).
* Preuilly's minutes (text layer, set flush left): a line that ends a sentence with room left for
  the next line's first word was ended on purpose; Morocco's law 19.12 p. 6 (right to left): an
  article's two paragraphs. Pages are copied out of the corpus PDFs and read whole.

What each test expects was checked on the page image.
"""

from __future__ import annotations

import json
from pathlib import Path

from transform.evaluation import score_document
from transform.evaluation.truth import load_truth_dir
from transform.ingest import pdf, pdf_blocks, pdf_furniture
from transform.ingest.base import TextLine
from transform.ingest.pdf_block_runs import room_left, size_wobble
from transform.ingest.pdf_blocks import group_lines, groups_to_blocks
from transform.ingest.pdf_furniture import split_running_lines
from transform.model import Document, DocumentMeta, ListBlock, Paragraph, Section, Sentence

from ._realpages import block_text, read_pages

HERE = Path(__file__).resolve().parent
TRUTH = HERE.parents[0] / "realdocs" / "truth"
DOC = "adala-ar-decree-2-17-355"
LINES = json.loads((HERE / "data" / "ocr_lines_running_place.json").read_text(encoding="utf-8"))


def contract_pages() -> tuple[list[list[TextLine]], list[float]]:
    """The OCR'd lines of the contract's pp. 3-5, page by page, and the page heights."""
    entry = LINES[DOC]
    pages = [[TextLine(t, x0, top, x1, bottom, size, bold, int(page), confidence=conf)
              for t, x0, top, x1, bottom, size, bold, conf in rows]
             for page, rows in sorted(entry["pages"].items(), key=lambda kv: int(kv[0]))]
    return pages, [entry["height"]] * len(pages)


def test_header_band_read_well_on_one_page_goes_with_its_running_line() -> None:
    pages, heights = contract_pages()
    kept, furniture = split_running_lines(pages, heights)
    headers = {f.page: f.text for f in furniture if f.kind == "header"}
    assert set(headers) == {3, 4, 5}
    assert headers[4].startswith("المملكة المغربية وزارة العدول")
    body4 = [ln.text for ln in kept[1]]
    assert not any("المغربية" in t for t in body4)
    assert body4[0].startswith("وتتمثل مهمته")  # the page's first line of text stays
    assert len(body4) == len(pages[1]) - 2  # the header band and the page number ``-3-``
    assert [ln.text for ln in kept[0]][0] == "تموذج"  # p. 3: the contract's title under the band stays


def test_same_place_needs_similar_text_and_the_same_box() -> None:
    """A line at the band's place that says something else, or the band's text moved down by 5 pt
    (another line), is not the running line."""
    pages, heights = contract_pages()
    band = pages[1][0]
    other = TextLine("نموذج عقد العمل الخاص بالعاملة أو العامل المنزلي", band.x0, band.top, band.x1, band.bottom,
                     band.size, False, 4, confidence=0.9)
    moved = TextLine(band.text, band.x0, band.top + 5.0, band.x1, band.bottom + 5.0, band.size, False, 4, confidence=0.9)
    for line in (other, moved):
        pages2 = [pages[0], [line, *pages[1][1:]], pages[2]]
        kept, furniture = split_running_lines(pages2, heights)
        assert line.text in [ln.text for ln in kept[1]]
        assert not [f for f in furniture if f.page == 4 and f.kind == "header"]


def _furniture_left(blocks: list[object]) -> int:
    truth = [t for t in load_truth_dir(TRUTH / DOC) if t.page == 4]
    doc = Document(meta=DocumentMeta(source_name=f"{DOC}.pdf", source_format="pdf", page_count=5),
                   sections=[Section(blocks=blocks)])  # type: ignore[arg-type]
    return score_document(doc, truth, DOC).totals.furniture_leaked


def test_furniture_measure_fails_the_band_left_in_the_body(monkeypatch: object) -> None:
    """Scored against the truth of p. 4: the ingester's lines leave no furniture line in the body;
    the same pages read with the old rule (90 % alike only: the band stays on p. 4) leave its three
    lines there."""
    def blocks() -> list[object]:
        pages, heights = contract_pages()
        kept, _ = split_running_lines(pages, heights)
        return groups_to_blocks(group_lines(kept, [[] for _ in kept], [595.3] * len(kept), heights))

    assert _furniture_left(blocks()) == 0
    monkeypatch.setattr(pdf_furniture, "ALIKE", 90)  # type: ignore[attr-defined]
    assert _furniture_left(blocks()) == 3


def _score(blocks: list[object], doc: str, page: int) -> float:
    for b in blocks:
        if hasattr(b, "page"):
            b.page = page  # type: ignore[attr-defined]
    truth = [t for t in load_truth_dir(TRUTH / doc) if t.page == page]
    d = Document(meta=DocumentMeta(source_name=f"{doc}.pdf", source_format="pdf", page_count=page),
                 sections=[Section(blocks=blocks)])  # type: ignore[arg-type]
    return score_document(d, truth, doc).totals.paragraphs.f1


def _run_together(blocks: list[object]) -> list[object]:
    """A bad reading: every two paragraphs in a row read as one."""
    out: list[object] = []
    pending: Paragraph | None = None
    for b in blocks:
        if isinstance(b, Paragraph) and pending is not None:
            out.append(Paragraph(sentences=[Sentence(id="", text=block_text(pending) + " " + block_text(b))], page=b.page))
            pending = None
            continue
        if pending is not None:
            out.append(pending)
            pending = None
        if isinstance(b, Paragraph):
            pending = b
        else:
            out.append(b)
    if pending is not None:
        out.append(pending)
    return out


def test_minutes_sentence_ended_with_room_left_ends_its_paragraph(tmp_path: Path, monkeypatch: object) -> None:
    """Preuilly's minutes p. 5: ``... des cadres d'empois de fonctionnaires de catégories C.`` stops 31 pt
    short of the right margin, where ``Après`` would have fit: the next line opens the council's decision.
    Scored against the truth page; the page read without the rule, or with its paragraphs run
    together, scores lower."""
    blocks = read_pages("preuilly-pv-2020-07.pdf", [4], tmp_path)
    texts = [block_text(b) for b in blocks]
    ends = next(t for t in texts if "d’empois de fonctionnaires" in t)
    assert ends.endswith("de catégories C.")
    assert any(t.startswith("Après avoir examiné les conditions, le Conseil Municipal ACCEPTE") for t in texts)
    good = _score(blocks, "preuilly-pv-2020-07", 5)
    assert good >= 0.95
    assert _score(_run_together(read_pages("preuilly-pv-2020-07.pdf", [4], tmp_path)), "preuilly-pv-2020-07", 5) < good - 0.05
    monkeypatch.setattr(pdf_blocks, "room_left", lambda *_: False)  # type: ignore[attr-defined]
    old = read_pages("preuilly-pv-2020-07.pdf", [4], tmp_path)
    assert any("de catégories C. Après avoir examiné" in block_text(b) for b in old)
    assert _score(old, "preuilly-pv-2020-07", 5) < good


def test_article_of_two_paragraphs_right_to_left(tmp_path: Path) -> None:
    """Law 19.12 p. 6, article 14: its first paragraph ends ``... 24 ساعة متصلة.`` with room for ``يمكن``
    left at its end (the left one); its second paragraph stands apart."""
    texts = [block_text(b) for b in read_pages("adala-ar-law-19-12.pdf", [5], tmp_path)]
    assert "تستفيد العاملة أو العامل المنزلي من راحة أسبوعية لا تقل عن 24 ساعة متصلة." in texts
    assert any(t.startswith("يمكن باتفاق الطرفين تأجيل الاستفادة من الراحة الأسبوعية") for t in texts)


def test_room_left_needs_the_next_word_to_fit() -> None:
    """The line's own characters measure the room: a long next word that would not have fit keeps the
    paragraph going (ragged text broke the line there); a line too short to measure says nothing."""
    prev = TextLine("Le conseil municipal a voté le budget primitif de la commune.", 50.0, 100.0, 350.0, 110.0, 11.0, page=1)
    per = (prev.x1 - prev.x0) / len(prev.text)
    short = TextLine("Il sera transmis au préfet.", 50.0, 113.0, 200.0, 123.0, 11.0, page=1)
    long = TextLine("Administrativement parlant, il sera transmis.", 50.0, 113.0, 300.0, 123.0, 11.0, page=1)
    assert room_left(prev, short, 4 * per, 11.0)  # ``Il`` and a space fit in four characters' room
    assert not room_left(prev, long, 10 * per, 11.0)  # ``Administrativement`` does not fit in ten
    assert not room_left(prev, short, 1.2 * 11.0, 11.0)  # under 1.5 sizes of room: a justified line's slack
    tiny = TextLine("Vu.", 50.0, 100.0, 65.0, 110.0, 11.0, page=1)
    assert not room_left(tiny, short, 200.0, 11.0)


def test_paragraph_measure_fails_lines_run_together() -> None:
    """The measure the tests above rely on: a list block is left alone by the bad reading, paragraphs are joined."""
    a = Paragraph(sentences=[Sentence(id="", text="Un.")], page=1)
    b = Paragraph(sentences=[Sentence(id="", text="Deux.")], page=1)
    c = Paragraph(sentences=[Sentence(id="", text="Trois.")], page=1)
    lst = ListBlock(items=[], page=1)
    assert [block_text(x) for x in _run_together([a, b, c, lst])] == ["Un. Deux.", "Trois.", ""]


def test_ocr_layer_lines_a_point_apart_stay_one_paragraph(tmp_path: Path, monkeypatch: object) -> None:
    """Putanges' minutes p. 1 (a scan under ocrmypdf's invisible text: each line sized from its box,
    11 pt and 12 pt in one paragraph): ``... madame Chantal LEFOYER à monsieur Philippe MALLARD et`` /
    ``monsieur Kévin LEGENTIL ...`` and ``... de la DDFIP, avec`` / ``laquelle l'ensemble ...`` are one
    paragraph each. Scored against the truth page; read without the rule, the page scores lower."""
    def read() -> list[object]:
        return read_pages("putanges-pv-2024-03-25.pdf", [0], tmp_path)

    texts = [block_text(b) for b in read()]
    assert any(t.startswith("Absents ayant donné procuration") and t.endswith("à monsieur Sébastien BEAUFRERE") for t in texts)
    assert any("de la DDFIP, avec laquelle l'ensemble des documents" in t for t in texts)
    good = _score(read(), "putanges-pv-2024-03-25", 1)
    monkeypatch.setattr(pdf_blocks, "size_wobble", lambda *_: False)  # type: ignore[attr-defined]
    monkeypatch.setattr(pdf, "rejoin_paragraphs", lambda groups: groups)  # type: ignore[attr-defined]  # the grouping's rule alone (pdf_paragraphs mends this line too)
    old = read()
    assert any(block_text(b) == "monsieur Kévin LEGENTIL à monsieur Sébastien BEAUFRERE" for b in old)
    assert _score(old, "putanges-pv-2024-03-25", 1) < good


def test_size_wobble_limits() -> None:
    """A point apart, lower-case start after a full line that ends no sentence: one paragraph; a sentence's
    end, a capital, 2 points apart, a short line before or another style: not this rule."""
    prev = TextLine("à madame Sophie PICHONNIER, madame Chantal LEFOYER à monsieur Philippe MALLARD et", 63.0, 372.7, 514.4, 384.9, 12.0, page=1)
    nxt = TextLine("monsieur Kévin LEGENTIL à monsieur Sébastien BEAUFRERE", 63.0, 387.7, 338.0, 398.9, 11.0, page=1)
    assert size_wobble(prev, nxt, 12.0, 11.0, 0.7)
    assert not size_wobble(prev, nxt, 12.0, 10.0, 0.7)  # two points: another size
    assert not size_wobble(prev, nxt, 12.0, 11.0, 40.0)  # the line before stopped short
    ended = TextLine(prev.text + ".", prev.x0, prev.top, prev.x1, prev.bottom, 12.0, page=1)
    assert not size_wobble(ended, nxt, 12.0, 11.0, 0.7)
    capital = TextLine("Monsieur Kévin LEGENTIL", 63.0, 387.7, 200.0, 398.9, 11.0, page=1)
    assert not size_wobble(prev, capital, 12.0, 11.0, 0.7)
    bold = TextLine(nxt.text, nxt.x0, nxt.top, nxt.x1, nxt.bottom, 11.0, True, page=1)
    assert not size_wobble(prev, bold, 12.0, 11.0, 0.7)
