"""Levels inside annexes whose label names the text they are annexed to (transform/ingest/pdf_levels.py, ``_label``
and ``_part_in_capitals``), on BO 7448's order and its two annexed forms (the whole issue read, pp. 20-25 OCR'd; about 30 s):
``Annexe I à l'arrêté ...`` one level under the order's title, the form's title one under the annex, and its parts in
capitals, whose Roman numbers OCR dropped, all one level under it (tests/realdocs/README.md, "levels nest as
printed"). Fails on main at 751cb97 (the parts came out at the order's level)."""

from __future__ import annotations

from itertools import takewhile

import pytest

from transform.evaluation.corpus import read_document
from transform.model import Heading

from ._realpages import FILES, block_text, doc_blocks


@pytest.mark.slow
def test_annexed_forms_nest_under_their_order() -> None:
    source = FILES / "bo-fr-7448-2025.pdf"
    if not source.exists():
        pytest.skip("the corpus file is missing")
    blocks = doc_blocks(read_document(source, ocr="auto"))  # the whole issue: a copied page loses its running header
    heads = [(b.level, block_text(b)) for b in blocks if isinstance(b, Heading)]
    start = next(k for k, (_, t) in enumerate(heads) if t.startswith("Arrêté du ministre de l’industrie"))
    heads = heads[start:]

    def level(start: str) -> int:
        return next(lv for lv, t in heads if t.startswith(start))

    order = level("Arrêté du ministre de l’industrie")
    at = [k for k, (_, t) in enumerate(heads) if t.startswith("Annexe")]
    assert len(at) >= 2 and {heads[k][0] for k in at[:2]} == {order + 1}
    model = level("Modèle du procès-verbal de prélèvement")
    assert model == order + 2
    second = list(takewhile(lambda h: h[0] > model, heads[at[1] + 2:]))  # up to the next annex or text
    parts = [lv for lv, t in second if not t.startswith("Personnes")]
    assert len(parts) >= 5 and set(parts) == {model + 1}  # the second form's parts, I. to VI.
    # the labels over a part's fields (``Personnes physiques :``), headings since pdf_scan_heads, one level under it
    assert {lv for lv, t in second if t.startswith("Personnes")} <= {model + 2}
    # the first form's title is a heading at the second's level (since a02ffba, pdf_heading_forms._model_titles, as its
    # truth page p020 writes it: until then it was read as a paragraph and this test took the parts from the annex on)
    assert heads[at[0] + 1][1].startswith("Modèle du procès-verbal de l") and heads[at[0] + 1][0] == model
    first = heads[at[0] + 2:at[1]]  # the first form's parts, I. to III., one level under its title, and its labels
    assert len([lv for lv, t in first if not t.startswith("Personnes")]) >= 3
    assert {lv for lv, t in first if not t.startswith("Personnes")} == {model + 1}
    assert {lv for lv, t in first if t.startswith("Personnes")} <= {model + 2}
