"""The committed samples (samples/*.pdf, samples/*.docx) read back as their Markdown source says.

The source text of each sample is samples/src/<name>.md; it goes through the Markdown
ingester and the same structure stage, so both sides are split and labelled alike.
"""

from __future__ import annotations

import pytest

from transform.model import Document, Heading, ListBlock, Paragraph, Table
from transform.model.text import Direction
from transform.model.walk import iter_blocks, iter_sections, iter_sentences

from ._compare import SAMPLE_NAMES, SAMPLES, load, normalise, similarity, text_by_lang

EXPECTED_LANGS = {
    "budget-citoyen-2026": {"ar", "fr"},
    "programme-developpement-regional": {"ar"},
    "deliberation-conseil": {"fr"},
}

_cache: dict[str, Document] = {}


def doc(name: str, ext: str) -> Document:
    key = f"{name}.{ext}"
    if key not in _cache:
        path = SAMPLES / "src" / f"{name}.md" if ext == "md" else SAMPLES / key
        _cache[key] = load(path)
    return _cache[key]


@pytest.mark.parametrize("ext", ["pdf", "docx"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_text_matches_source(name: str, ext: str) -> None:
    want = text_by_lang(doc(name, "md"))
    got = text_by_lang(doc(name, ext))
    assert set(want) == EXPECTED_LANGS[name]
    assert set(got) == set(want), f"languages {set(got)} != {set(want)}"
    for lang in want:
        score = similarity(want[lang], got[lang])
        assert score >= 0.995, f"{name}.{ext} [{lang}] similarity {score:.4f}"


def _tables(d: Document) -> list[Table]:
    return [b for _, b in iter_blocks(d) if isinstance(b, Table)]


def _cells(t: Table) -> list[list[str]]:
    return [[normalise(" ".join(s.text for s in c.sentences)) for c in row] for row in t.rows]


@pytest.mark.parametrize("ext", ["pdf", "docx"])
def test_budget_tables(ext: str) -> None:
    tables = _tables(doc("budget-citoyen-2026", ext))
    assert len(tables) == 2  # the French table goes on over a page break in the PDF: joined again
    ar, fr = (_cells(t) for t in tables)
    assert ar[0] == ["المجال", "المبلغ بالدرهم", "الحصة"]
    assert ar[1] == ["البنيات التحتية والطرق القروية", "412 500 000", "33 في المائة"]
    assert ar[-1] == ["المجموع", "1 250 000 000", "100 في المائة"]
    assert fr[0] == ["Domaine", "Montant (DH)", "Part"]
    assert fr[1] == ["Infrastructures et routes rurales", "412 500 000", "33 %"]
    assert fr[-1] == ["Total", "1 250 000 000", "100 %"]
    assert len(ar) == len(fr) == 8
    for t in tables:
        assert all(c.header for c in t.rows[0]) and not any(c.header for row in t.rows[1:] for c in row[1:])
        if ext == "pdf":  # the first column labels rows of amounts: row header cells (th scope=row)
            assert all(row[0].header for row in t.rows[1:])
    assert tables[0].direction == Direction.RTL and tables[0].lang == "ar"
    assert tables[1].direction == Direction.LTR and tables[1].lang == "fr"


@pytest.mark.parametrize("ext", ["pdf", "docx"])
def test_unruled_table_and_deliberation_table(ext: str) -> None:
    (prog,) = _tables(doc("programme-developpement-regional", ext))  # no ruling lines in the PDF
    cells = _cells(prog)
    assert cells[0] == ["الإقليم", "عدد المشاريع", "الكلفة بالدرهم"]
    assert cells[3] == ["الفقيه بن صالح", "27", "1 600 000 000"]
    assert cells[-1] == ["المجموع", "168", "9 600 000 000"]
    (delib,) = _tables(doc("deliberation-conseil", ext))  # split over two PDF pages, header repeated
    cells = _cells(delib)
    assert len(cells) == 6
    assert cells[2] == ["Ministère de l’Intérieur (INDH)", "55 800 000", "30 %"]
    assert cells[3] == ["Office national de l’électricité et de l’eau potable", "37 200 000", "20 %"]


def _outline(d: Document) -> list[tuple[int, str, str]]:
    return [(depth, sec.id, normalise(" ".join(s.text for s in sec.heading.sentences))) for sec, depth in iter_sections(d) if sec.heading]


@pytest.mark.parametrize("ext", ["pdf", "docx"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_headings_nest_like_source(name: str, ext: str) -> None:
    assert _outline(doc(name, ext)) == _outline(doc(name, "md"))


def test_programme_outline_levels() -> None:
    d = doc("programme-developpement-regional", "pdf")
    outline = _outline(d)
    assert outline[0] == (1, "s1", "برنامج التنمية الجهوية لجهة بني ملال خنيفرة 2022-2027")
    assert (3, "s1-3-2", "إقليم أزيلال") in outline
    levels = [sec.heading.level for sec, _ in iter_sections(d) if sec.heading]
    assert sorted(set(levels)) == [1, 2, 3]
    azilal = next(sec for sec, _ in iter_sections(d) if sec.id == "s1-3-2")
    (lst,) = azilal.blocks
    assert isinstance(lst, ListBlock) and len(lst.items) == 3
    assert "75 كيلومترا" in lst.items[0].sentences[0].text


@pytest.mark.parametrize("ext", ["pdf", "docx"])
def test_blocks_have_language_and_direction(ext: str) -> None:
    d = doc("budget-citoyen-2026", ext)
    seen = set()
    for _, block in iter_blocks(d):
        assert block.lang in ("ar", "fr"), block
        assert block.direction == (Direction.RTL if block.lang == "ar" else Direction.LTR)
        seen.add((type(block).__name__, block.lang))
    assert {("Heading", "ar"), ("Paragraph", "ar"), ("ListBlock", "ar"), ("Table", "ar")} <= seen
    assert {("Heading", "fr"), ("Paragraph", "fr"), ("ListBlock", "fr"), ("Table", "fr")} <= seen
    for loc in iter_sentences(d):
        assert loc.direction == (Direction.RTL if loc.lang == "ar" else Direction.LTR)


def test_pdf_blocks_carry_pages_and_reports() -> None:
    d = doc("budget-citoyen-2026", "pdf")
    assert d.meta.page_count == 3 and [p.page for p in d.meta.pages] == [1, 2, 3]
    assert all(p.method == "text" for p in d.meta.pages)
    pages = [b.page for _, b in iter_blocks(d)]
    assert pages[0] == 1 and pages[-1] == 3 and pages == sorted(pages)


def test_numbers_dates_and_brackets_in_arabic_lines() -> None:
    text = " ".join(s.text for _, b in iter_blocks(doc("budget-citoyen-2026", "pdf")) if isinstance(b, Paragraph) for s in b.sentences)
    assert "ما قدره 1 250 000 000 درهم، منها 975 000 000 درهم" in text
    assert "يوم 02/03/2026، والمصادقة" in text
    assert "الحساب الإداري (حصيلة التنفيذ) قبل 30/06/2027." in text
    prog = " ".join(s.text for _, b in iter_blocks(doc("programme-developpement-regional", "pdf")) for s in getattr(b, "sentences", []))
    assert "(ولا سيما المبادرة الوطنية للتنمية البشرية INDH والمكتب" in prog
    assert "تنفيذ البرنامج (2022-2027) تجتمع" in prog


@pytest.mark.parametrize("ext", ["pdf", "docx"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_json_round_trip(name: str, ext: str) -> None:
    d = doc(name, ext)
    dumped = d.model_dump_json()
    back = Document.model_validate_json(dumped)
    assert back == d
    assert back.model_dump_json() == dumped


def test_heading_blocks_are_headings() -> None:
    d = doc("deliberation-conseil", "pdf")
    first = d.sections[0]
    assert isinstance(first.heading, Heading) and first.heading.level == 1
    assert normalise(first.heading.sentences[0].text) == "Délibération n° 27/2026 du Conseil de la Région Béni Mellal-Khénifra"
    articles = [sec for sec, _ in iter_sections(d) if sec.heading and sec.heading.sentences[0].text.startswith("Article")]
    assert [a.heading.level for a in articles] == [3, 3, 3, 3]


def test_pdf_from_a_second_producer() -> None:
    """Chromium/Skia PDF (tests/resources/ingest-chromium-ar.pdf): words emitted in visual order,
    a number typed with plain spaces drawn as "000 250 1", brackets mirrored."""
    from pathlib import Path

    d = load(Path(__file__).resolve().parents[1] / "resources" / "ingest-chromium-ar.pdf")
    texts = [normalise(s.text) for _, b in iter_blocks(d) for s in getattr(b, "sentences", [])]
    assert texts[0] == "الإطار العام للاستثمار"
    body = " ".join(texts[1:])
    assert "لا يمكن إلا الالتزام بالأقاليم خلال سنة 2026 (المرحلة الأولى) بمبلغ 1 250 000 درهم." in body
    assert "الاعتمادات الإضافية لإنجاز الطرق القروية والأسلاك الكهربائية." in body
