"""The table finder's characters read in one native call (``_chars.glyphs``, issue 23, twelfth session): the seven
lists ``Glyphs.read`` gives are those of the Python loop ``Glyphs.read_py`` (value and type, item by item), on real
ruled-table pages, French (the Seine guide) and Arabic with French cells (decree 2-13-531), for the regions the
finder reads and for every line of the page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest._realpages import corpus_page
from transform.ingest import pdf_table_glyphs, pdf_tables
from transform.ingest.pdf_table_glyphs import Glyphs
from transform.ingest.pdf_text import page_lines

FIELDS = ("idx", "ch", "x0", "x1", "cy", "line", "bold")
PAGES = [
    ("seine-normandie-guide-erc-2024.pdf", 16, "Pleine terre (PT)"),
    ("adala-ar-decree-2-13-531.pdf", 3, "متصرف من الدرجة"),
]


def _same(a: Glyphs, b: Glyphs) -> None:
    for f in FIELDS:
        x, y = getattr(a, f), getattr(b, f)
        assert len(x) == len(y), f
        assert x == y, f
        assert [type(v) for v in x] == [type(v) for v in y], f


@pytest.mark.skipif(pdf_table_glyphs._GLYPHS is None, reason="the optional extension _chars is not built")
@pytest.mark.parametrize(("name", "page_no", "words"), PAGES)
def test_native_glyphs_are_the_python_loops(name: str, page_no: int, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    regions: list[int] = []
    real = Glyphs.read.__func__  # type: ignore[attr-defined]

    def both(cls: Any, textpage: Any, lines: Any, height: float) -> Glyphs:
        a, b = real(cls, textpage, lines, height), cls.read_py(textpage, lines, height)
        _same(a, b)
        regions.append(len(a.idx))
        return a

    monkeypatch.setattr(Glyphs, "read", classmethod(both))
    with corpus_page(name, page_no) as (page, textpage):
        lines = page_lines(page, textpage, page_no)
        height = page.get_height()
        whole = Glyphs.read(textpage, lines, height)
        assert words in "".join(whole.ch).replace("\u0640", "") or words in " ".join(ln.text for ln in lines)
        assert len(whole.idx) > 400 and set(whole.line) == {k for k, ln in enumerate(lines) if ln.count > 0}
        assert not any(ch in "\r\n" for ch in whole.ch)
        found = pdf_tables.candidate(page, lines, height)
        assert found, "the page's table is a candidate"
        tables = pdf_tables.find_tables(textpage, lines, found, page.get_width(), height)
    assert tables and len(regions) >= 2  # the whole page, then each region the finder read
    cells = [" ".join(s.text for s in c.sentences) for t in tables for row in t.table.rows for c in row]
    assert any(words in c for c in cells)
