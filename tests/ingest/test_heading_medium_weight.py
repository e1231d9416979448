"""A medium weight set apart in its own colour at text size reads as bold (eleventh session, issue 17):
transform/ingest/pdf_calls.py ``TextPageCalls.bold``. The Cabestany budget spread sets its highlighted sub-titles
in white Poppins-Medium (weight 500) on a coloured band; main read them as body text and lost them as headings.
The same weight in black (a table's note) or at display size (a roundel's large words) stays as it was.
Each test fails on main at 1587a55 (the sub-titles read not bold, so no heading)."""

from __future__ import annotations

from pathlib import Path

from transform.model import Heading, Paragraph

from ._realpages import block_text, corpus_page, read_pages

DOC = "cabestany-budget-2024-cabesinfo.pdf"


def _lines(page_no: int) -> list[tuple[str, bool]]:
    from transform.ingest.pdf_text import page_lines

    with corpus_page(DOC, page_no) as (page, textpage):
        return [(ln.text, ln.bold) for ln in page_lines(page, textpage, page_no)]


def test_white_medium_sub_titles_read_bold_black_medium_does_not() -> None:
    lines = dict(_lines(1))
    for text in ("DES COUPES BUDGÉTAIRES", "NATIONALES METTENT EN PÉRIL", "NOS ÉQUILIBRES", "MOINS DE RECETTES ET"):
        assert lines[text] is True, text
    # the table's note in black Poppins-Medium is no bold line
    notes = [bold for text, bold in _lines(1) if text.startswith("(*) chiffres de 2023")]
    assert notes and not any(notes)


def test_highlighted_sub_titles_are_headings(tmp_path: Path) -> None:
    blocks = read_pages(DOC, [0], tmp_path)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert "DES COUPES BUDGÉTAIRES NATIONALES METTENT EN PÉRIL NOS ÉQUILIBRES" in heads
    assert "MOINS DE RECETTES ET PLUS DE DÉPENSES" in heads
    # the paragraph under the first one is still body text
    paras = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("De nombreux Maires de France") for t in paras)


def test_display_size_medium_is_no_heading(tmp_path: Path) -> None:
    """p. 2: the sub-titles are headings; the roundel ``C'EST AU BUDGET !`` (white medium, 30 pt) is not."""
    blocks = read_pages(DOC, [1], tmp_path)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert "UN TISSU SOCIAL DYNAMIQUE" in heads
    assert "DES PROPOSITIONS TOUT PUBLIC" in heads
    assert not any("BUDGET !" in t for t in heads)
    assert "ÉCOLES" in heads
