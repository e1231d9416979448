"""A numbered title broken after a line that fills its column (issue 17): BO 7259's p. 17 quotes an amended code whose
item ``«ع) المكوس الداخلية على الاستهلاك المفروضة على الإطارات`` runs against both edges of its column and ends on the
next line, ``«المطاطية ولو كانت مركبة على الأطواق``; main read the first line as a paragraph and the second as a heading
of its own (pdf_headings._join_full_line). Page 17 is copied and read without OCR."""

from __future__ import annotations

from pathlib import Path

from transform.model import Heading

from ._realpages import block_text, read_pages


def test_a_full_first_line_joins_the_heading_it_begins(tmp_path: Path) -> None:
    blocks = read_pages("bo-ar-7259-2023-lf2024.pdf", [16], tmp_path)
    titles = [block_text(b) for b in blocks if isinstance(b, Heading)]
    whole = [t for t in titles if "المكوس الداخلية على الاستهلاك المفروضة على الإطارات" in t]
    assert len(whole) == 1 and whole[0].startswith("«ع)") and whole[0].endswith("مركبة على الأطواق"), titles
    assert not any(t.lstrip("« ").startswith("المطاطية") for t in titles), titles
