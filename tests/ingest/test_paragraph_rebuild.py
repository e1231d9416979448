"""Paragraphs rebuilt after the grouping (:mod:`transform.ingest.pdf_paragraphs`) on real text-layer pages.

The pages are copied out of the corpus PDFs (:mod:`tests.ingest._realpages`) and read without OCR.
What each test expects was checked on the page image (pypdfium2 at 150 dpi) and is what the truth
page of ``tests/realdocs/truth`` has.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.ingest.base import TextLine
from transform.ingest.pdf_block_group import _Group, join_lines
from transform.ingest.pdf_paragraphs import rejoin_paragraphs
from transform.ingest.pdf_text import page_lines

from ._realpages import block_text, corpus_page, read_pages


def _block_with(blocks: list[object], words: str) -> int:
    hits = [k for k, b in enumerate(blocks) if words in block_text(b)]
    assert len(hits) == 1, (words, [block_text(b)[:80] for b in blocks])
    return hits[0]


@pytest.fixture(scope="module")
def lf2024(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    """BO 7259 (finance law 2024), page 17."""
    return read_pages("bo-ar-7259-2023-lf2024.pdf", [16], tmp_path_factory.mktemp("lf2024"))


def test_lines_cut_one_by_one_are_joined_as_printed() -> None:
    # BO 7259, page 49, left column: in the whole document (its usual pitch 19-24 pt) the grouping cuts article 48's
    # five justified lines, set 26 pt apart, one paragraph per line. Every body line of the column given as a paragraph
    # of its own: the pass rebuilds the printed paragraphs, a short last line, a first line set in, a wider step and
    # the headings keeping them apart
    with corpus_page("bo-ar-7259-2023-lf2024.pdf", 49) as (page, textpage):
        lines = sorted((ln for ln in page_lines(page, textpage, 49) if ln.x1 < 300), key=lambda ln: ln.top)
    groups = [_Group(kind="heading" if ln.bold or ln.text.startswith("المادة") else "paragraph", lines=[ln], size=ln.size, rtl=True)
              for ln in lines]
    out = [(g.kind, len(g.lines)) for g in rejoin_paragraphs(groups)]
    assert out == [("heading", 1), ("paragraph", 5), ("paragraph", 3), ("heading", 1), ("heading", 1), ("paragraph", 4), ("paragraph", 2)]
    assert join_lines([ln.text for ln in rejoin_paragraphs(groups)[1].lines]).endswith("(286.308.000) درهم اعتمادات الأداء.")


def test_text_beside_a_table_keeps_its_paragraph(lf2024: list[object]) -> None:
    # page 17: the right-hand column beside a ruled table (its lines taken out, the column found spans the page):
    # the full lines of article 5's first paragraph are one paragraph, not one per line
    k = _block_with(lf2024, "الفصلين 9 و 10 وعنوان الباب الأول")
    text = block_text(lf2024[k])
    assert "ابتداء من فاتح يناير 2024" in text
    assert text.rstrip().endswith("كما تم تغييره وتتميمه :")


def test_second_first_line_set_in_opens_a_paragraph(tmp_path: Path) -> None:
    # decree 2.14.343, page 2: two visas, each a first line set in 28 pt, the first ending with "؛" (one line
    # each but for the date wrapping under the second): two paragraphs
    blocks = read_pages("adala-ar-decree-2-14-343.pdf", [1], tmp_path)
    k = _block_with(blocks, "وبعد استشارة المنظمات المهنية للمشغلين")
    assert block_text(blocks[k]).rstrip().endswith("تمثيلا؛")
    assert block_text(blocks[k + 1]).startswith("وبعد دراسة المشروع في مجلس الحكومة")


def _line(text: str, x0: float, x1: float, top: float) -> TextLine:
    return TextLine(text=text, x0=x0, top=top, x1=x1, bottom=top + 10.0, size=10.0)


def test_short_last_line_and_paragraph_gap_keep_paragraphs_apart() -> None:
    # a measure a bad join would pass must fail: a paragraph ending short, a wider step before the next one,
    # a first line set in, are all kept as the grouping made them
    column = [_line(f"full line {k} of the text going on", 50.0, 300.0, 100.0 + 14.0 * k) for k in range(4)]
    short = _line("and its short last line.", 50.0, 160.0, 156.0)
    gap = _line("A paragraph after a wider step going on", 50.0, 300.0, 180.0)
    set_in = _line("A paragraph set in going on and on", 70.0, 300.0, 194.0)
    groups = [_Group(kind="paragraph", lines=[*column, short]), _Group(kind="paragraph", lines=[gap]),
              _Group(kind="paragraph", lines=[set_in])]
    assert [len(g.lines) for g in rejoin_paragraphs(groups)] == [5, 1, 1]
    # the same lines cut one per paragraph, evenly spaced and full: joined again
    cut = [_Group(kind="paragraph", lines=[ln]) for ln in column]
    assert [len(g.lines) for g in rejoin_paragraphs(cut)] == [4]


def test_title_line_leaving_its_phrase_open_goes_on(tmp_path: Path) -> None:
    # BO 7262 (French), page 165: the minister's title set in small capitals over two lines spaced wider than the
    # text, the first ending with "ET DU": one paragraph, the visa under it apart
    blocks = read_pages("bo-fr-7262-2024.pdf", [164], tmp_path)
    k = _block_with(blocks, "LA MINISTRE DE LA TRANSITION ÉNERGÉTIQUE ET DU")
    assert block_text(blocks[k]).endswith("ET DU DÉVELOPPEMENT DURABLE,")
    assert block_text(blocks[k + 1]).startswith("Vu l’arrêté du ministre de l’énergie")
