"""The grouping's per-line loop in C (``_group.group_pages``) gives the Python loop's groups on real pages.

Each reading below runs with ``pdf_blocks._GROUP`` replaced by a checker that runs the extension and the Python
loop (``pdf_blocks._group_pages``, the reference) on the same prepared pages and compares their groups field by
field (``_group_parity``): French and Arabic text layers, a bilingual page, pages with tables, lists and a law's
articles, and an OCR'd Arabic scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.ingest import pdf_blocks

from ._group_parity import Checked, same_groups
from ._realpages import FILES, copy_pages

native = pytest.mark.skipif(pdf_blocks._GROUP is None, reason="the _group extension is not built")


def _checked_read(name: str, indexes: list[int], folder: Path, ocr: str = "never") -> Checked:
    path = copy_pages(name, indexes, folder)
    checker = Checked(pdf_blocks._GROUP)
    real = pdf_blocks._GROUP
    pdf_blocks._GROUP = checker
    try:
        read_document(path, ocr=ocr)
    finally:
        pdf_blocks._GROUP = real
    return checker


@native
@pytest.mark.parametrize(("name", "indexes"), [
    ("bo-fr-loi-cadre-50-21.pdf", list(range(8))),  # a law in two columns: articles, chapters, run-in labels
    ("seine-normandie-guide-erc-2024.pdf", [3, 9, 10, 19, 30]),  # a Word export: titles, lists, tables
    ("bo-ar-7259-2023-lf2024-tables.pdf", [0, 1, 2]),  # Arabic budget tables and their titles
    ("adala-ar-law-19-12.pdf", [0, 1, 2]),  # an Arabic law: المادة labels
    ("adala-arfr-decree-2-22-630.pdf", [0, 1]),  # Arabic sentences with French terms
    ("bo-fr-7448-2025.pdf", [0, 1, 2]),  # a bulletin's cover, contents (dot leaders) and first page
])
def test_c_loop_gives_the_python_groups(name: str, indexes: list[int], tmp_path: Path) -> None:
    checker = _checked_read(name, indexes, tmp_path)
    assert checker.calls >= 1
    assert checker.faults == []


@native
@pytest.mark.slow  # tesseract reads the page: about 10 s on a loaded machine
def test_c_loop_on_an_ocrd_scan(tmp_path: Path) -> None:
    """An Arabic scan read by tesseract: lines without a text layer's baseline, sizes snapped, items and headings."""
    checker = _checked_read("tn-sfax-ar-balagh-2022.pdf", [4], tmp_path, ocr="auto")
    assert checker.calls >= 1
    assert checker.faults == []


@native
def test_the_check_sees_a_difference(tmp_path: Path) -> None:
    """The comparison is no formality: one line's text, one field or one group less is told."""
    source = FILES / "bo-fr-loi-cadre-50-21.pdf"
    if not source.exists():
        pytest.skip("the corpus file is missing")
    kept: list[list[object]] = []

    class Keep(Checked):
        def group_pages(self, prepared, groups, pitch, hooks):  # type: ignore[no-untyped-def]
            super().group_pages(prepared, groups, pitch, hooks)
            kept.append(groups)

    real = pdf_blocks._GROUP
    pdf_blocks._GROUP = Keep(real)
    try:
        read_document(source, ocr="never")
    finally:
        pdf_blocks._GROUP = real
    groups = kept[0]
    assert same_groups(groups, list(groups)) is None
    import copy
    other = [copy.copy(g) for g in groups]
    k = next(i for i, g in enumerate(other) if g.lines)
    other[k].lines = [pdf_blocks._with_text(other[k].lines[0], other[k].lines[0].text + "x")] + other[k].lines[1:]
    assert "lines" in (same_groups(groups, other) or "")
    other = [copy.copy(g) for g in groups]
    other[k].centred = not other[k].centred
    assert "centred" in (same_groups(groups, other) or "")
    assert same_groups(groups, groups[:-1]) is not None
