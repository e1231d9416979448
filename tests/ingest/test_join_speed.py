"""A block's lines joined in one step when no line asks more than a space: the same text as the line-by-line loop."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from transform.ingest.pdf_block_group import _Group, _join_lines, join_lines
from transform.ingest.pdf_text import page_lines

from ._realpages import copy_pages

EDGES = [
    [], [""], ["", ""], ["", "a"], ["a", ""], ["a", "", "b"], ["  a  ", " b "], ["écono-", "mique"], ["Béni Mellal-", "Khénifra"],
    ["ci-", "dessus"], ["a -", "b"], ["mot\u00ad", "suite"], ["(voir", "ci-dessous)"], ["voir (", "annexe)"], ["[1", "] note"],
    ["« texte", "« suite", "« fin"], ["texte", "« suite"], ["a", ")"], ["a", "]b"], ["a (b)", "c [d] e"], ["a - b", "c"],
    ["x", " - ", "y"], ["-", "a"], ["a", "-", "b"], ["«", "« a"], ["\u00a0a\u00a0", "b"], ["1-", "2"],
]


def test_edge_cases_join_as_the_loop_does() -> None:
    for texts in EDGES:
        assert join_lines(texts) == _join_lines(texts), texts


def test_real_pages_join_as_the_loop_does(tmp_path: Path) -> None:
    # every run of 2 to 6 consecutive lines of Seine guide pages and a Bulletin's pages (hyphens cut at line ends,
    # brackets, « quoted articles »)
    seen = 0
    for name, pages in (("seine-normandie-guide-erc-2024.pdf", [2, 5, 9, 20]), ("bo-fr-loi-cadre-50-21.pdf", [1, 2, 3])):
        pdf = pdfium.PdfDocument(str(copy_pages(name, pages, tmp_path)))
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                texts = [ln.text for ln in page_lines(page, textpage, i + 1)]
                textpage.close()
                page.close()
                for n in range(2, 7):
                    for k in range(len(texts) - n + 1):
                        assert join_lines(texts[k : k + n]) == _join_lines(texts[k : k + n])
                        seen += 1
        finally:
            pdf.close()
    assert seen > 1000


def test_a_groups_text_is_its_lines_joined() -> None:
    class Line:
        def __init__(self, text: str) -> None:
            self.text = text

    for texts in EDGES:
        group = _Group(kind="paragraph", lines=[Line(t) for t in texts])  # type: ignore[misc]
        assert group.text == _join_lines(texts)
