"""``لله`` read ``لل`` (a lam-lam-heh glyph whose ToUnicode holds the two lams only) and table cells
of lines pdfium cut into pieces (issue 17, text-layer pages).

Real pages: the Arabic Bulletin officiel 7259 (page 1, ``الحمد لله وحده``) and Montpellier's grant
list (page 2, a ruled table whose last row's amount lost its last characters: ``200 €`` read ``20``).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf_tables
from transform.ingest.ligatures import lost_heh
from transform.ingest.pdf_text import page_lines

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def _box(shared: set[int]) -> object:
    def box(i: int) -> tuple[float, float]:
        j = min(shared) if i in shared else i
        return float(100 - 10 * j), float(108 - 10 * j)
    return box


def _reach(value: float) -> object:
    return lambda i: value


def test_lost_heh_needs_one_two_letter_glyph_on_the_baseline() -> None:
    text = "الحمد لل وحده"
    at = text.index("لل")
    assert lost_heh(text, _box({at, at + 1}), _reach(0.0)) == [(at, at + 2)]
    # the same letters, but the glyph draws a final lam's bowl under the baseline: a real lam-lam
    assert lost_heh(text, _box({at, at + 1}), _reach(0.2)) == []
    # two glyphs of their own: two lams written as such
    assert lost_heh(text, _box(set()), _reach(0.0)) == []


def test_lost_heh_leaves_other_words_alone() -> None:
    word = "تحلل"  # a word ending on two lams: never given a heh, whatever its glyphs
    assert lost_heh(word, _box({2, 3}), _reach(0.0)) == []
    word = "أسماه الله وأعز"  # already whole
    assert lost_heh(word, _box({7, 8, 9}), _reach(0.0)) == []
    word = "هلل"  # ``الله`` back to front: a three-letter glyph, the ligature repair's business
    assert lost_heh(word, _box({0, 1, 2}), _reach(0.0)) == []
    word = "والل"  # the Allah family with its prefixes is restored
    assert lost_heh(word, _box({2, 3}), _reach(0.0)) == [(0, 4)]


def _lines(name: str, page_no: int) -> tuple[object, object, list[object]]:
    path = FILES / name
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[page_no - 1]
    tp = page.get_textpage()
    return page, tp, page_lines(page, tp, page_no)


def test_real_bulletin_page_reads_lillah() -> None:
    _, _, lines = _lines("bo-ar-7259-2023-lf2024.pdf", 1)
    texts = [ln.text for ln in lines]
    assert "الحمد لله وحده،" in texts
    assert any("يوسف الله وليه" in t for t in texts)  # a whole الله glyph stays as it is
    assert not any(t.endswith(" لل") or " لل " in t for t in texts)


def test_real_table_keeps_the_last_characters_of_a_cut_line() -> None:
    page, tp, lines = _lines("montpellier-subventions-2014.pdf", 2)
    width, height = page.get_size()
    found = pdf_tables.find_tables(tp, lines, pdf_tables.candidate(page, lines, height), width, height)
    rows = [[" ".join(s.text for s in c.sentences) for c in row] for t in found for row in t.table.rows]
    assert ["1608", "AMITIES FRANCO-COLOMBIENNES DE MONTPELLIER", "P", "ECHANGES LITTERAIRES MEDITERANEENS AMERIQUE LATINE",
            "200 €"] in rows
    assert ["1710", "AMICALE ARMENIENNE DE MONTPELLIER ET LA REGION AAM", "F", "", "300 €"] in rows


def test_lost_heh_wants_a_glyph_of_the_two_lams_only() -> None:
    word = "ولل"  # the waw drawn in the same box as the lams: a three-letter glyph, not the lost-heh one
    assert lost_heh(word, _box({0, 1, 2}), _reach(0.0)) == []
    assert lost_heh(word, _box({1, 2}), _reach(0.0)) == [(0, 3)]
