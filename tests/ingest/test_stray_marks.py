"""A vowel mark that follows no letter (after a space, or opening a line) is dropped on every line of an Arabic
page, not only on lines re-read from glyph positions (transform/ingest/pdf_text.py, STRAY_MARKS): InDesign and Word
place marks as glyphs of their own, and pdfium may give one before the word it was drawn over. Left in, it made a
title start with a lone damma (so it was no longer the heading the truth has) and sat at the start of articles,
where braille and speech met a mark with no letter."""

from __future__ import annotations

import re

from ._realpages import line_texts

LONE_MARK = re.compile("(?:^| )[\u064b-\u0652\u0670]")


def test_a_title_does_not_open_with_a_lone_mark() -> None:
    # the CESE's opinion, p. 28: the bold title over the fish stocks (pdfium: "\t ُ استنزاف ...")
    titles = [t for t in line_texts("cese-ar-avis-biodiversite-2025.pdf", 28) if "استنزاف الموارد" in t]
    assert titles and titles[0].startswith("استنزاف الموارد")


def test_articles_do_not_open_with_a_lone_mark() -> None:
    # Egypt's law 8 of 2022, p. 1: two articles whose first word pdfium gives after a damma (main: "ُلاتخل", "ُيلغى")
    lines = line_texts("eg-ar-law-8-2022.pdf", 1)
    starts = [t for t in lines if "لاتخل أحكام" in t or "يلغى القانون رقم 1" in t]
    assert len(starts) == 2 and all(t.startswith(("لاتخل", "يلغى")) for t in starts)
    assert not any(LONE_MARK.search(t) for t in lines)


def test_a_word_space_after_a_tail_is_kept() -> None:
    # the CESE's opinion (InDesign): the tail of ر reaches under the next word, so the word space before ``ال`` is
    # drawn over the ر's box; main took it for Word's space inside a word and glued the words (13 times in the
    # document: "وتدهورالنظم", "المحورالثالث") (transform/ingest/pdf_kashida.mend, _article)
    assert any("وتدهور النظم" in t for t in line_texts("cese-ar-avis-biodiversite-2025.pdf", 28))
    assert any("المحور الثالث" in t for t in line_texts("cese-ar-avis-biodiversite-2025.pdf", 53))
    # ... while Word's spaces inside a word after و, ر stay removed (decree 2.22.630: "وبعد", "ولا", "والرخص")
    page2 = " ".join(line_texts("adala-arfr-decree-2-22-630.pdf", 2))
    assert "وبعد" in page2 and "و بعد" not in page2
    page18 = " ".join(line_texts("adala-arfr-decree-2-22-630.pdf", 18))
    assert "والرخص" in page18 and "الر خص" not in page18
