"""Underlined titles on scans (transform/ocr/weight.py ``mark_underlines``) and the headings they make
(transform/ingest/pdf_headings.py): Putanges' minutes, a 200 ppi scan under an earlier OCR's invisible layer,
print their item titles bold and underlined; the underline is measured on the page image."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from transform.ingest.pdf_blocks import group_lines, groups_to_blocks
from transform.ingest.pdf_text import page_lines
from transform.model import Heading, Paragraph
from transform.ocr.render import render_page
from transform.ocr.weight import mark_underlines, underlined

PUTANGES = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "putanges-pv-2024-03-25.pdf"
TITLES = ["Désignation du secrétaire de séance", "Approbation du compte-rendu de la séance du Conseil municipal du 19 février 2024"]


def _band(width: int = 300, height: int = 20) -> np.ndarray:
    return np.zeros((height, width), dtype=bool)


def test_a_rule_under_the_line_is_an_underline() -> None:
    band = _band()
    band[15, 10:290] = True  # a rule across nearly the whole width
    assert underlined(band)
    broken = _band()
    broken[15, 10:290] = True
    broken[15, 100:102] = False  # a scanned rule with a pixel gap: still one rule
    assert underlined(broken)


def test_a_rule_running_past_the_line_is_a_form_s_not_an_underline() -> None:
    band = _band(340)  # the line's 300 columns and 20 either side
    band[15, 30:310] = True  # stops under the line: an underline
    assert underlined(band, margin=20)
    band[15, 0:340] = True  # runs on past both ends: the rule of a form or a box
    assert not underlined(band, margin=20)


def test_words_and_a_short_lead_in_are_no_underline() -> None:
    words = _band()
    for x in range(0, 300, 40):  # the baseline strokes of words, a word space apart
        words[14, x:x + 28] = True
    assert not underlined(words)
    lead_in = _band()
    lead_in[15, 0:100] = True  # "Présents :" underlined at the start of a long line
    assert not underlined(lead_in)
    assert not underlined(_band())


@pytest.fixture(scope="module")
def page_one() -> tuple[list, object]:
    if not PUTANGES.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(PUTANGES))
    try:
        page = pdf[0]
        lines = page_lines(page, page.get_textpage(), 1)
        pimg = render_page(pdf, 0, 200)
        mark_underlines(pimg, lines)
        width, height = page.get_size()
    finally:
        pdf.close()
    return lines, (width, height)


def test_the_titles_of_the_scanned_minutes_are_underlined(page_one: tuple[list, object]) -> None:
    lines, _ = page_one
    marked = [ln.text for ln in lines if ln.underline]
    assert marked == TITLES  # not the bold attendance lines, not the underlined lead-ins ("Présents :")


def test_underlined_titles_become_headings(page_one: tuple[list, object]) -> None:
    lines, (width, height) = page_one
    blocks = groups_to_blocks(group_lines([lines], [[]], [width], [height]))
    heads = [" ".join(s.text for s in b.sentences) for b in blocks if isinstance(b, Heading)]
    assert all(t in heads for t in TITLES)
    paras = [" ".join(s.text for s in b.sentences) for b in blocks if isinstance(b, Paragraph)]
    assert "Madame Mauger est nommée secrétaire de séance." in paras  # the text under a title stays a paragraph
    assert not any(t.startswith("Nombre de conseillers") for t in heads)
    # the same lines without the image's underlines: no title found (the reading main gave)
    for ln in lines:
        ln.underline = False
    bare = groups_to_blocks(group_lines([lines], [[]], [width], [height]))
    assert not any(" ".join(s.text for s in b.sentences) in TITLES for b in bare if isinstance(b, Heading))
