"""A gutter found on a one-column page does not reorder it (transform/ingest/pdf_layout._stacked): decree 2.77.756,
p. 3, has a short last line and the countersignatures at the right, the date line and the Prime Minister's signature
at the left, one under the other. Read as two right-to-left columns, the countersignatures came before the date line
above them (the scorer found the date "23 شوال 1397 (4 أكتوبر 1977)" and the signature out of order)."""

from __future__ import annotations

from pathlib import Path

from transform.ingest.pdf_layout import reading_order

from ._realpages import block_text, corpus_page, read_pages


def test_signatures_one_under_the_other_are_read_top_down() -> None:
    from transform.ingest.pdf_text import page_lines

    with corpus_page("adala-ar-decree-2-77-756.pdf", 3) as (page, textpage):
        order, _ = reading_order(page_lines(page, textpage, 3))
    texts = [ln.text for ln in order]
    at = {key: next(k for k, t in enumerate(texts) if t.startswith(key)) for key in ("وحرر بالرباط", "الوزير الأول", "وقعه بالعطف", "وزير المالية،")}
    assert at["وحرر بالرباط"] < at["الوزير الأول"] < at["وقعه بالعطف"] < at["وزير المالية،"]


def test_the_decree_closes_with_its_date_then_its_signatures(tmp_path: Path) -> None:
    texts = [block_text(b) for b in read_pages("adala-ar-decree-2-77-756.pdf", [2], tmp_path)]
    date = next(k for k, t in enumerate(texts) if "23 شوال 1397 (4 أكتوبر 1977)" in t)
    assert texts[date + 1].startswith("الوزير الأول")
    assert texts[date + 2] == "وقعه بالعطف:"


def test_side_by_side_columns_keep_their_order() -> None:
    # the Seine guide's two-column page 4: its columns' lines are level with each other
    from transform.ingest.pdf_text import page_lines

    with corpus_page("seine-normandie-guide-erc-2024.pdf", 4) as (page, textpage):
        lines = page_lines(page, textpage, 4)
    order, edges = reading_order(lines)
    columns = [e.column for e in edges if e.column >= 0]
    assert len(set(columns)) >= 2
    switches = sum(a != b for a, b in zip(columns, columns[1:], strict=False))
    assert switches <= 3  # the left column, the right one, then the notes under each: not interleaved by height
