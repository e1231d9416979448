"""A stretched lam-alef drawn as one glyph whose letters get a box each (the Egyptian Gazette,
law 8/2022 pp. 7 and 20: ``والسالمة`` for ``والسلامة``, ``وسالمته`` for ``وسلامته``): the two letters
share one origin, which two glyphs drawn one after the other never do (``ligatures.swap_shared_origins``).
``السالمة`` is a word too: only the geometry can tell."""

from __future__ import annotations

from tests.ingest._realpages import line_texts
from transform.ingest.ligatures import swap_shared_origins


def test_alef_and_lam_with_one_origin_are_swapped() -> None:
    text = "والسالمة والسالمة"
    # logical order, drawn right to left (each letter's origin left of the one before); the first
    # word's alef + lam (indices 4, 5) share an origin; the second's (13, 14) are two glyphs
    origins = {i: float(-i) for i in range(len(text))}
    origins[5] = origins[4]

    fixed, count = swap_shared_origins(text, origins.__getitem__)
    assert fixed == "والسلامة والسالمة" and count == 1


def test_a_line_in_visual_order_keeps_its_pairs() -> None:
    # a producer that emits a line in visual order (Chromium: each letter's origin right of the one
    # before) holds every lam-alef ligature as alef + lam with one origin: right as it is, reversed later
    text = "ميلاقألاب"  # بالأقاليم in visual order
    origins = {i: float(i) for i in range(len(text))}
    origins[6] = origins[5]

    assert swap_shared_origins(text, origins.__getitem__) == (text, 0)


def test_the_article_after_a_prefix_is_not_looked_at() -> None:
    # وال / بال: a one-letter prefix and the article, never a ligature to swap (and never asked for)
    asked: list[int] = []

    def origin(i: int) -> float:
        asked.append(i)
        return 0.0

    assert swap_shared_origins("والصحة بالبيئة", origin) == ("والصحة بالبيئة", 0)
    assert asked == []


def test_the_gazette_page_reads_the_stretched_word() -> None:
    text = "\n".join(line_texts("eg-ar-law-8-2022.pdf", 7))
    assert "والصحة ، والسلامة والصحة" in text
    assert "والسالمة" not in text
