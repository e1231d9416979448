"""The French text path's passes made cheaper without changing what they find (twenty-third session, docs/benchmarks.md
"Twenty-third session: the French text path").

The first two tests count the work a pass does on inputs it has nothing to find in: both fail on main at 8f20545
(scan_heads ran its passes over every text layer's groups; the stray search asked pdfium for the origin of each
character of a tall piece before looking for the line the stray would go to). The third checks that the per-line
tests now made in C read lines with and without the fields as getattr did (it fails on main too: restore_leads took
the lines, it takes the groups now). The last one reads real pages: the thin rules and path boxes of one shared walk
of a page's objects are those of each pass's own walk (pdf_walk, new: it fails on main)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest

from transform.ingest import pdf_boxes, pdf_scan_heads, pdf_strays, pdf_underlines, pdf_walk
from transform.ingest.base import TextLine
from transform.ingest.pdf_actual_text import restore_leads
from transform.ingest.pdf_block_group import _Group

FILES = Path(__file__).resolve().parents[2] / "tests" / "realdocs" / "files"


@dataclass
class _LayerLine(TextLine):
    baseline: float = 0.0  # a text layer's line carries its baseline (pdf_title_runs._ocr tells OCR'd lines by its absence)


def _group(kind: str, line: TextLine) -> _Group:
    return _Group(kind=kind, lines=[line], size=11.5, rtl=False, body=11.5, bold_level=2)


def test_scan_heads_leaves_a_text_layer_alone_without_running_its_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cover holding only a decree's title (a heading on an OCR'd page) read from a text layer: no pass runs."""
    ran: list[str] = []
    monkeypatch.setattr(pdf_scan_heads, "scan_titles", lambda groups: ran.append("scan_titles") or groups)
    monkeypatch.setattr(pdf_scan_heads, "scan_items", lambda groups: ran.append("scan_items") or groups)
    title = _group("paragraph", _LayerLine(text="Décret n° 2-26-530 du 12 mars 2026", x0=100, top=300, x1=480, bottom=312, size=11.5))
    groups = [title]
    assert pdf_scan_heads.scan_heads(groups) is groups
    assert ran == [] and title.kind == "paragraph"
    ocr = _group("paragraph", TextLine(text="Décret n° 2-26-530 du 12 mars 2026", x0=100, top=300, x1=480, bottom=312, size=11.5))
    pdf_scan_heads.scan_heads([ocr])
    assert ran == ["scan_titles", "scan_items"]  # an OCR'd page's groups still go through them


class _CountingCalls:
    """origin_y and size_at of a made-up page, counting the origins asked for."""

    def __init__(self, ys: dict[int, float]) -> None:
        self.ys, self.asked = ys, 0

    def origin_y(self, i: int) -> float:
        self.asked += 1
        return self.ys.get(i, 170.0)

    def size_at(self, i: int) -> float:
        return 8.0 if i in self.ys else 16.0


def _piece(text: str, start: int, rects: list[tuple[float, float, float, float]]) -> tuple:
    return (text, start, rects, min(r[0] for r in rects), max(r[1] for r in rects), max(r[2] for r in rects), min(r[3] for r in rects))


STYLES = [(16.0, b"", 0, 4, 0.0), (12.0, b"", 0, 25, 0.0)]
TALL_RECTS = [(480.0, 178.0, 492.0, 162.0), (521.0, 91.0, 524.0, 86.0), (300.0, 178.0, 479.0, 162.0)]


def test_stray_search_asks_pdfium_only_where_a_stray_can_be() -> None:
    """A tall piece whose far ink has no line beside it: no origin asked; far ink beside a line in a piece without a
    digit: none either; a real stray (``1`` of ``-1abc def``): its digit's origin, then the others' once."""
    far = _piece("- note text", 20, [(159.0, 91.0, 400.0, 81.0)])  # 121 pt from the far ink: no line beside it
    calls = _CountingCalls({1: 86.0})
    assert pdf_strays.take_strays(calls, "x" * 31, [_piece("-1abc def", 0, TALL_RECTS), far], STYLES)[2] == []  # type: ignore[arg-type]
    assert calls.asked == 0  # main asked for the 8 characters' origins
    note = _piece("- note text", 20, [(159.0, 91.0, 517.0, 81.0)])
    assert pdf_strays.take_strays(calls, "x" * 31, [_piece("-xabc def", 0, TALL_RECTS), note], STYLES)[2] == []  # type: ignore[arg-type]
    assert calls.asked == 0
    text = "-1abc def" + " " * 11 + "- note text"
    _, _, strays = pdf_strays.take_strays(calls, text, [_piece("-1abc def", 0, TALL_RECTS), note], STYLES)  # type: ignore[arg-type]
    assert [(s.digits, s.home, s.size) for s in strays] == [("1", 20, 8.0)]
    assert calls.asked == 1 + 7  # the digit, then the seven other characters that are no space


def test_box_and_lead_tests_read_lines_with_and_without_the_fields() -> None:
    """OCR'd lines have no ``box`` nor ``lead``: the per-line tests in C read them as None, as getattr did."""
    plain = TextLine(text="a", x0=0, top=0, x1=10, bottom=10)
    assert pdf_boxes.collapse_rows([plain, SimpleNamespace(box=None)]) is None
    a = SimpleNamespace(text=".1.2. التنوع", lead=(".1.2.", "2.1.2."))
    restore_leads([SimpleNamespace(lines=[plain, a]), SimpleNamespace(lines=[])])
    assert a.text == "2.1.2. التنوع" and a.lead is None and plain.text == "a"


class _CountingObjects:
    """``_chars`` with its page_objects calls counted."""

    def __init__(self, real: object) -> None:
        self.real, self.walks = real, 0

    def page_objects(self, *args: object) -> object:
        self.walks += 1
        return self.real.page_objects(*args)  # type: ignore[attr-defined]


@pytest.mark.skipif(pdf_walk._OBJECTS is None, reason="the optional extension _chars is not built (no C compiler)")
def test_one_walk_of_a_page_gives_the_rules_and_boxes_two_walks_gave(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real pages (two-column pages without rules, a page of many paths, underlined titles, a slide's chevrons): inside
    ``walked`` the thin rules and the path boxes are those of the pages' own walks, from one walk per page."""
    counting = _CountingObjects(pdf_walk._OBJECTS)
    monkeypatch.setattr(pdf_walk, "_OBJECTS", counting)
    rules = boxes = 0
    for name, numbers in [("bo-fr-loi-cadre-50-21", [1, 2]), ("seine-normandie-guide-erc-2024", [10]),
                          ("montpellier-tarifs-2014", [2]), ("cabestany-rob-2026", [10])]:
        path = FILES / f"{name}.pdf"
        if not path.exists():
            pytest.skip(f"{path.name} is missing")
        pdf = pdfium.PdfDocument(str(path))
        for no in numbers:
            page = pdf[no - 1]
            height = page.get_height()
            want_rules, want_boxes = pdf_underlines._thin_rules(page, height), pdf_boxes._page_paths(page)
            before = counting.walks
            with pdf_walk.walked(page):
                got_rules, got_boxes = pdf_underlines._thin_rules(page, height), pdf_boxes._page_paths(page)
            assert (got_rules, got_boxes) == (want_rules, want_boxes), (name, no)
            assert counting.walks == before + 1, (name, no)
            assert pdf_walk.objects(page, 20_000) is None  # forgotten when the block ends
            rules, boxes = rules + len(got_rules), boxes + len(got_boxes)
            page.close()
        pdf.close()
    assert rules >= 10 and boxes >= 20  # there were paths to find
