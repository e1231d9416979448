"""Speed-only changes in the table finder (issue 23, twelfth session), each checked against the step it replaces on
real pages: the page's path objects walked in one native call (``_chars.path_boxes`` against ``_path_bounds_py``,
form XObjects included), a ruled grid's characters placed in one native call (``_chars.place`` against
``pdf_table_grid._place``), and the per-line counts of ``_use`` and ``cuts_words`` (against the loops they replace)."""

from __future__ import annotations

import random
import types
from typing import Any

import pytest

from tests.ingest._realpages import corpus_page
from transform.ingest import pdf_table_cells, pdf_table_checks, pdf_table_glyphs, pdf_table_grid, pdf_tables
from transform.ingest.pdf_table_cells import GridCell
from transform.ingest.pdf_table_glyphs import Glyphs
from transform.ingest.pdf_table_rows import line_size
from transform.ingest.pdf_text import page_lines

SEINE = "seine-normandie-guide-erc-2024.pdf"
FORMS = "adala-ar-joint-order-1096-26.pdf"  # page 7: its rules drawn inside a form XObject
DECREE = "adala-ar-decree-2-13-531.pdf"  # page 3: a ruled table, Arabic cells with French ones


@pytest.mark.skipif(pdf_tables._PATHS is None, reason="the optional extension _chars is not built")
@pytest.mark.parametrize(("name", "page_no", "least"), [(SEINE, 16, 20), (FORMS, 7, 40), (DECREE, 3, 10)])
def test_native_path_walk_is_the_python_walk(name: str, page_no: int, least: int) -> None:
    with corpus_page(name, page_no) as (page, _):
        native, python = pdf_tables._path_bounds(page), pdf_tables._path_bounds_py(page)
    assert len(native) >= least
    assert native == python
    assert [tuple(map(type, p)) for p in native] == [tuple(map(type, p)) for p in python]
    assert all(ink in (pdf_tables.LIGHT, pdf_tables.DARK) for *_, ink, _ in native)


@pytest.mark.skipif(pdf_table_grid._PLACE is None, reason="the optional extension _chars is not built")
@pytest.mark.parametrize(("name", "page_no", "words"), [(SEINE, 16, "Pleine terre (PT)"), (DECREE, 3, "متصرف من الدرجة")])
def test_native_placement_is_the_python_loop(name: str, page_no: int, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real, placed = pdf_table_grid._PLACE, []

    def both(ch: Any, x0: Any, x1: Any, cy: Any, xs: Any, ys: Any, grid: Any, members: list[list[int]]) -> Any:
        ref = [list(m) for m in members]
        pdf_table_grid._place(types.SimpleNamespace(ch=ch, x0=x0, x1=x1, cy=cy), xs, ys, grid, ref)
        done = real(ch, x0, x1, cy, xs, ys, grid, members)
        assert done is True and members == ref
        placed.append(sum(map(len, members)))
        return done

    monkeypatch.setattr(pdf_table_grid, "_PLACE", both)
    with corpus_page(name, page_no) as (page, textpage):
        lines = page_lines(page, textpage, page_no)
        height = page.get_height()
        tables = pdf_tables.find_tables(textpage, lines, pdf_tables.candidate(page, lines, height), page.get_width(), height)
    assert placed and max(placed) > 100
    assert any(words in " ".join(s.text for s in c.sentences) for t in tables for row in t.table.rows for c in row)


def _old_use(cells: list[GridCell], g: Glyphs) -> dict[int, tuple[int, int]]:
    used, ink = [0] * len(g.lines), [0] * len(g.lines)
    members = {j for c in cells for j in c.members}
    for j in range(len(g.idx)):
        if g.ink(j):
            ink[g.line[j]] += 1
            used[g.line[j]] += j in members
    return {ln.start: (used[k], ink[k]) for k, ln in enumerate(g.lines) if ink[k]}


def _old_cuts(cells: list[GridCell], g: Glyphs) -> int:
    cell_of = {j: k for k, c in enumerate(cells) for j in c.members}
    cuts = 0
    for j in range(len(g.idx) - 1):
        a, b = cell_of.get(j), cell_of.get(j + 1)
        if a is None or b is None or a == b or g.line[j] != g.line[j + 1] or not (g.ch[j].isalnum() and g.ch[j + 1].isalnum()):
            continue
        size = line_size(g.lines[g.line[j]])
        if abs(g.cy[j] - g.cy[j + 1]) > 0.3 * size:
            continue
        left, right = (j, j + 1) if g.x0[j] <= g.x0[j + 1] else (j + 1, j)
        cuts += -size < g.x0[right] - g.x1[left] < 0.1 * size
    return cuts


def test_line_counts_and_cut_words_answer_as_before() -> None:
    with corpus_page(SEINE, 16) as (page, textpage):
        g = Glyphs.read(textpage, page_lines(page, textpage, 16), page.get_height())
    n = len(g.idx)
    assert n > 500 and g.line_bases() == [ln.baseline or ln.bottom for ln in g.lines]
    assert all(g.line_bases()[g.line[j]] == g.baseline(j) for j in range(n))
    rnd = random.Random(12)
    cut_seen = whole_seen = False
    for _ in range(60):
        k = rnd.randint(1, 6)
        cells = [GridCell(0, c, sorted(rnd.sample(range(n), rnd.randint(0, 200)))) for c in range(k)]
        assert pdf_tables._use(cells, g) == _old_use(cells, g)
        assert pdf_table_checks.cuts_words(cells, g) == (_old_cuts(cells, g) >= 2)
        # cells of consecutive characters: few or no cut words; every other character: many
        start = rnd.randrange(0, n - 400)
        runs = [GridCell(0, 0, list(range(start, start + 200))), GridCell(0, 1, list(range(start + 200, start + 400)))]
        alternate = [GridCell(0, 0, list(range(start, start + 400, 2))), GridCell(0, 1, list(range(start + 1, start + 400, 2)))]
        for cs in (runs, alternate):
            assert pdf_table_checks.cuts_words(cs, g) == (_old_cuts(cs, g) >= 2)
        cut_seen |= pdf_table_checks.cuts_words(alternate, g)
        whole_seen |= not pdf_table_checks.cuts_words(runs, g)
    assert cut_seen and whole_seen


def test_table_models_built_without_validation_are_pydantics(monkeypatch: pytest.MonkeyPatch) -> None:
    from transform.model import Table
    from transform.structure import built

    assert pdf_table_cells._TABLE is not Table  # the builder, not the class

    def tables() -> list[Any]:
        with corpus_page(DECREE, 3) as (page, textpage):
            lines = page_lines(page, textpage, 3)
            height = page.get_height()
            return pdf_tables.find_tables(textpage, lines, pdf_tables.candidate(page, lines, height), page.get_width(), height)

    fast = tables()
    monkeypatch.setattr(built, "ENABLED", False)
    slow = tables()
    assert fast and [t.table for t in fast] == [t.table for t in slow]
    assert [t.table.model_dump_json() for t in fast] == [t.table.model_dump_json() for t in slow]
    assert [t.table.model_fields_set for t in fast] == [t.table.model_fields_set for t in slow]
    cells = [c for t in fast for row in t.table.rows for c in row]
    assert any(c.header for c in cells) and any("متصرف" in s.text for c in cells for s in c.sentences)


@pytest.mark.skipif(pdf_table_glyphs._PLAIN is None, reason="the optional extension _chars is not built")
@pytest.mark.parametrize(("name", "page_no"), [(SEINE, 16), (DECREE, 3)])
def test_native_plain_text_is_the_python_loop(name: str, page_no: int) -> None:
    with corpus_page(name, page_no) as (page, textpage):
        g = Glyphs.read(textpage, page_lines(page, textpage, page_no), page.get_height())
    n, rnd = len(g.idx), random.Random(7)
    for _ in range(500):
        start = rnd.randrange(n)
        for members in ([rnd.randrange(n) for _ in range(rnd.randint(0, 60))], list(range(start, min(n, start + rnd.randint(0, 90))))):
            assert g.plain(members) == g.plain_py(members)
    whole = g.plain(list(range(n)))
    assert whole == g.plain_py(list(range(n))) and len(whole.split()) > 100
    assert g.plain([3, 1, 2, 2]) == g.plain_py([3, 1, 2, 2])  # out of order, a member twice


def test_lines_of_answers_once_per_list_of_members() -> None:
    from transform.ingest.pdf_table_spans import lines_of

    with corpus_page(SEINE, 16) as (page, textpage):
        g = Glyphs.read(textpage, page_lines(page, textpage, 16), page.get_height())
    members = list(range(0, 400))
    first = lines_of(GridCell(0, 0, members), g)
    assert len(first) >= 3 and lines_of(GridCell(1, 1, members), g) is first  # the same list: the same answer
    assert lines_of(GridCell(0, 0, list(members)), g) == first  # a copy: worked out again, equal
    members.append(400)  # a list that grew is read again
    again = lines_of(GridCell(0, 0, members), g)
    assert again is not first and sum(len(m) for _, m in again) == 401
