"""A line pdfium joins across a spread's gutter is read as its two sides (issue 17).

cabestany-budget-2024-cabesinfo p. 2 prints two magazine pages side by side on one landscape PDF page.
The right page's title ends with ``l'avenir !`` set large on the same baseline as the left page's
lead (``Le budget de fonctionnement irrigue...``): pdfium gives both as one line, 487 points wide
of white in its middle, so the title was cut (``Investir pour`` alone) and ``l'avenir !`` opened
the lead's first line, read after the left page's columns. The line is now cut at that gap, each
side in its own half of the spread, with its own size.
"""

from __future__ import annotations

from pathlib import Path

from transform.ingest.pdf_text import page_lines
from transform.model import Heading, Paragraph

from ._realpages import block_text, corpus_page, read_pages

NAME = "cabestany-budget-2024-cabesinfo.pdf"


def test_the_joined_line_has_its_two_sides_with_their_own_size() -> None:
    with corpus_page(NAME, 2) as (page, textpage):
        lines = page_lines(page, textpage, 2)
    joined = [ln for ln in lines if "l'avenir !" in ln.text and "Le budget de fonctionnement" in ln.text]
    assert len(joined) == 1  # pdfium still joins them: the cut is ours
    left, right = sorted(joined[0].wide_parts, key=lambda p: p.x0)
    assert left.text.startswith("Le budget de fonctionnement irrigue") and "avenir" not in left.text
    assert right.text == "l'avenir !"
    assert right.size > 2.5 * left.size  # a display title beside a lead, not the lead's size


def test_the_title_is_whole_and_the_lead_opens_on_its_own_words(tmp_path: Path) -> None:
    texts = [(type(b), block_text(b)) for b in read_pages(NAME, [1], tmp_path)]
    assert (Heading, "Investir pour l'avenir !") in texts
    lead = [t for kind, t in texts if kind is Paragraph and "Le budget de fonctionnement irrigue" in t]
    assert len(lead) == 1
    assert lead[0].startswith("Le budget de fonctionnement irrigue au quotidien le service public communal. Ce sont des agents, des ressources")
    assert not any("l'avenir ! Le budget" in t for _, t in texts)
