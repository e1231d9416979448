"""A framed scan under a few text-layer lines is OCR'd (transform/ocr/partial_scan.py).

BO 7448 p. 25 (annex III): three typed title lines over a scanned bilingual professional card whose
frame joined all its rows into one block, so the layer seemed to cover the page's text and the card
was never read (165 of its 222 truth words lost)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.model.walk import iter_blocks
from transform.ocr.partial_scan import clear_rules


def test_a_frames_sides_are_cleared_and_the_rows_inside_stay() -> None:
    ink = np.zeros((120, 200), dtype=bool)
    ink[10:110, 5:7] = True  # the frame's left and right sides, 100 px tall
    ink[10:110, 193:195] = True
    ink[30:40, 20:180] = True  # two rows of text inside
    ink[60:70, 20:150] = True
    ink[80:100, 60:62] = True  # a letter's stem, 20 px: under the limit
    out = clear_rules(ink, 30)
    assert not out[:, 5:7].any() and not out[:, 193:195].any()
    assert out[30:40, 20:180].all() and out[60:70, 20:150].all() and out[80:100, 60:62].all()
    rows = np.flatnonzero(out.any(axis=1))
    assert rows.min() == 30 and rows.max() == 99  # rows of text height now, not one 100-px block


def test_without_long_strokes_the_mask_is_left_as_it_is() -> None:
    ink = np.zeros((40, 40), dtype=bool)
    ink[5:15, 5:30] = True
    assert clear_rules(ink, 30) is ink


def _texts(doc) -> str:  # type: ignore[no-untyped-def]
    out = []
    for _, b in iter_blocks(doc):
        if hasattr(b, "sentences"):
            out.append(" ".join(s.text for s in b.sentences))
        elif hasattr(b, "items"):
            out.extend(" ".join(s.text for s in it.sentences) for it in b.items)
        elif hasattr(b, "rows"):
            out.extend(" ".join(s.text for c in row for s in c.sentences) for row in b.rows)
    return normalize(" ".join(out))


@pytest.mark.slow
def test_the_professional_card_under_the_annex_title_is_read() -> None:
    doc = read_corpus_page("bo-fr-7448-2025.pdf", 25)
    assert "inside its frames" in doc.meta.pages[0].reason  # main: "text layer looks sound (score 0.89)"
    body = _texts(doc)
    for words in ("ROYAUME DU MAROC", "Carte professionnelle", "Référence de l'assermentation", "Référence légale",
                  "Loi n°42-18", "19 novembre 2020", "Valable jusqu'au", "المرجع القانوني"):
        assert normalize(words) in body, words
    # the typed title first, then the card, recto before verso
    marks = [body.index(normalize(t)) for t in ("fixant les modèles", "Carte professionnelle", "Référence légale", "Les agents de l'autorité")]
    assert marks == sorted(marks)
