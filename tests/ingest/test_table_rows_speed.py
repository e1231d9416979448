"""Speed-only change in the cheap table test (issue 23, twelfth session): a row's labelled-field test
(a form's "label ........") searched every contents line of dot leaders with a pattern whose failure
is cubic in the line's length (the table test's 2 ms per page of the Seine guide, ten times its cost
without it). It now skips a line that does not end with a field, and the label starts at the first
word character: the same answers as main's pattern, on the guide's contents page and on short strings of the characters that matter."""

from __future__ import annotations

import random
import re

from tests.ingest._realpages import corpus_page
from transform.ingest import pdf_table_rows
from transform.ingest.pdf_table_rows import LEADER, Row
from transform.ingest.pdf_text import PdfLine, page_lines

SEINE = "seine-normandie-guide-erc-2024.pdf"
CONTENTS = 2  # 1-based: the guide's contents, lines of dot leaders ending with a page number
MAIN = re.compile(r"^(?P<label>.*?\w.*?)\s*[.…_](?:\s?[.…_]){3,}\s*$")  # main's pattern, the reference


def _main_answer(line: PdfLine) -> bool:
    if len(line.segments) < 2:
        return False
    m = MAIN.match(line.text)
    return m is not None and not LEADER.search(m["label"])


class _Counted:
    """The module's pattern, counting its searches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, text: str) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(text)


def test_contents_lines_not_searched_same_answers(monkeypatch) -> None:
    with corpus_page(SEINE, CONTENTS) as (page, textpage):
        lines = page_lines(page, textpage, CONTENTS)
    leaders = [ln for ln in lines if len(ln.segments) >= 2 and LEADER.search(ln.text)]
    assert len(leaders) >= 10, [ln.text for ln in lines]  # the contents' entries with their dots and page numbers
    counted = _Counted(pdf_table_rows.FIELD_AFTER_LABEL)
    monkeypatch.setattr(pdf_table_rows, "FIELD_AFTER_LABEL", counted)
    for ln in lines:
        row = Row(lines=[ln], top=ln.top, bottom=ln.bottom, size=ln.size)
        assert row.labelled_field == _main_answer(ln), ln.text
    assert not any(_main_answer(ln) for ln in leaders)  # a contents line ends with its page number, not a field
    assert counted.calls == 0  # none of the page's lines ends with a field: no search at all
    monkeypatch.undo()
    _same_answers_as_main_pattern()


def _same_answers_as_main_pattern() -> None:
    rng = random.Random(23)
    alphabet = "ab1_ .…\n\t-é٣\u00a0x"
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        line = PdfLine(text=text, x0=0.0, x1=100.0, top=0.0, bottom=10.0, size=10.0, page=1,
                       segments=[(0.0, 20.0), (60.0, 100.0)])
        row = Row(lines=[line], top=0.0, bottom=10.0, size=10.0)
        assert row.labelled_field == _main_answer(line), repr(text)
        new, old = pdf_table_rows.FIELD_AFTER_LABEL.match(text), MAIN.match(text)
        assert (new and (new.span(), new["label"])) == (old and (old.span(), old["label"])), repr(text)
        found += row.labelled_field
    assert found >= 30  # the strings hold labelled fields too, not only lines without one
    form = PdfLine(text="Nom du navire ............", x0=0.0, x1=300.0, top=0.0, bottom=10.0, size=10.0, page=1,
                   segments=[(0.0, 80.0), (150.0, 300.0)])
    assert Row(lines=[form], top=0.0, bottom=10.0, size=10.0).labelled_field
