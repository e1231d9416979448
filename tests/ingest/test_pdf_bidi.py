"""Logical order from glyph positions: the repairs pdfium's own bidi pass needs.

Each case lays out a line the way a word processor draws it (tokens left to right on the
page; an Arabic word's letters run right to left inside its slot), emits the tokens in
the scrambled order pdfium gives for such lines (cases taken from the samples), and
checks that the logical text comes back.
"""

from __future__ import annotations

import regex

from transform.ingest.pdf_bidi import clean_text, is_rtl_line, logical_line, visual_to_logical

ADV = 5.0  # glyph advance (points) at font size 10
GAP = "<gap>"  # a column gap (60 points)
ARABIC = regex.compile(r"\p{Script=Arabic}")


def scrambled(visual: list[str], emit: list[int], space: float = ADV) -> tuple[str, list[tuple[float, float]]]:
    """The text pdfium emits (tokens ``emit`` in that order, space separated) and each character's box
    (``space``: the advance of a space slot)."""
    slots: list[list[tuple[float, float]]] = []
    x = 0.0
    for tok in visual:
        if tok == GAP:
            slots.append([])
            x += 60.0
            continue
        adv = space if tok == " " else ADV
        boxes = [(x + adv * k, x + adv * (k + 1)) for k in range(len(tok))]
        if ARABIC.search(tok):
            boxes.reverse()  # the first letter of an Arabic word is its rightmost glyph
        slots.append(boxes)
        x += adv * len(tok)
    text: list[str] = []
    out: list[tuple[float, float]] = []
    for n, k in enumerate(emit):
        if n:
            text.append(" ")
            out.append((0.0, 0.0))
        text.append(visual[k])
        out.extend(slots[k])
    return "".join(text), out


def logical(visual: list[str], emit: list[int], rtl: bool = True, space: float = ADV) -> str:
    text, boxes = scrambled(visual, emit, space)
    return visual_to_logical(text, lambda i: boxes[i], rtl=rtl, size=10.0)


def test_number_groups_in_arabic_line() -> None:
    visual = ["درهم", " ", "1", " ", "250", " ", "000", " ", "000", " ", "قدره"]
    assert scrambled(visual, [10, 8, 6, 4, 2, 0])[0] == "قدره 000 000 250 1 درهم"  # what pdfium gives
    assert logical(visual, [10, 8, 6, 4, 2, 0]) == "قدره 1 250 000 000 درهم"


def test_date_followed_by_arabic_comma() -> None:
    visual = ["طبقا", " ", "،", "15", "/", "03", "/", "2026", " ", "بتاريخ"]
    assert logical(visual, [9, 6, 4, 7, 5, 2, 3, 0]) == "بتاريخ 15/03/2026، طبقا"


def test_period_after_number_at_line_start() -> None:
    assert logical(["وقد", " ", ".", "2026"], [2, 3, 0]) == "2026. وقد"


def test_brackets_mirrored_back_and_year_range_read_right_to_left() -> None:
    # Word and LibreOffice draw "(2022-2027)" in an Arabic run as "(2027-2022)"; the bracket glyphs are mirrored
    visual = ["تجتمع", " ", "(", "2027", "-", "2022", ")", " ", "البرنامج"]
    assert scrambled(visual, [8, 6, 3, 4, 5, 2, 0])[0] == "البرنامج ) 2027 - 2022 ( تجتمع"
    assert logical(visual, [8, 6, 3, 4, 5, 2, 0]) == "البرنامج (2022-2027) تجتمع"


def test_latin_words_inside_arabic_keep_their_order() -> None:
    visual = ["والمكتب", " ", "Office", " ", "INDH", " ", "البشرية"]
    assert logical(visual, [6, 4, 2, 0]) == "البشرية Office INDH والمكتب"


def test_column_gap_splits_runs() -> None:
    # a table row drawn right to left: amount in the right column, share in the left one
    visual = ["33", GAP, "412", " ", "500", " ", "000"]
    assert logical(visual, [2, 4, 6, 0]) == "412 500 000 33"


def test_arabic_inside_french_line() -> None:
    visual = ["Le", " ", "conseil", " ", "(", "الجهة", ")", " ", "vote"]
    assert logical(visual, [0, 2, 4, 5, 6, 8], rtl=False) == "Le conseil (الجهة) vote"


def test_pure_lines_are_left_alone() -> None:
    calls: list[int] = []

    def box(i: int) -> tuple[float, float]:
        calls.append(i)
        return (0.0, 0.0)

    assert logical_line("تقديم الميزانية.", box, 10.0) == "تقديم الميزانية."
    assert logical_line("Le budget 2026 (DH).", box, 10.0) == "Le budget 2026 (DH)."
    assert len(calls) <= 2  # at most one probe of the longest Arabic word, no per-character repair


def test_numbers_only_line_takes_its_context() -> None:
    visual = ["1", " ", "250", " ", "000"]
    text, boxes = scrambled(visual, [4, 2, 0])
    assert logical_line(text, lambda i: boxes[i], 10.0, context_rtl=True) == "1 250 000"


def test_direction_and_cleanup() -> None:
    assert is_rtl_line("الميزانية 2026 budget")
    assert not is_rtl_line("Budget 2026 الميزانية citoyen")
    assert clean_text("\uf0b7 Béni Mellal\ufffeKhénifra 1\u00a0250") == "• Béni Mellal-Khénifra 1 250"
    assert clean_text("\ufefb") == "لا"  # a lam-alef ligature (presentation form) becomes its two letters in order


def test_number_after_arabic_word_in_french_line() -> None:
    # "Chapitre 1 — الفصل 1": the Arabic word and its number are drawn right to left
    visual = ["Chapitre", " ", "1", " ", "—", " ", "1", " ", "الفصل"]
    assert logical(visual, [0, 2, 4, 8, 6], rtl=False) == "Chapitre 1 — الفصل 1"


def test_plain_spaces_in_numbers_and_words_in_visual_order() -> None:
    # Chromium draws "1 250 000" typed with plain spaces as "000 250 1", and pdfium emits some
    # Arabic words of its PDFs letter by letter from the left ("ةنس" for "سنة")
    visual = ["درهم", " ", "000", " ", "250", " ", "1", " ", "سنة"]
    text, boxes = scrambled(visual, [8, 6, 4, 2, 0])
    text = text.replace("سنة", "ةنس")
    k = text.index("ةنس")
    boxes[k : k + 3] = boxes[k : k + 3][::-1]
    assert visual_to_logical(text, lambda i: boxes[i], rtl=True, size=10.0) == "سنة 1 250 000 درهم"


def test_pieces_of_a_vowelled_line_are_read_in_place() -> None:
    # InDesign places Arabic vowel marks apart and pdfium cuts the line there; the pieces
    # "المجالات. ي" / "ُضاف إلى ذلك" (joined by a space that is no word space) are read again
    # from the glyph positions (measured on the CESE report): the written word spaces count
    # even where narrower than a gap test, the space between the pieces does not, the mark
    # stays in its word (its own box lies anywhere: here over another word)
    words = [("المجالات", 438.6, 480.9), (".", 434.7, 438.6), (" ", 0.0, 0.0), ("ي", 427.5, 431.2), (" ", 427.5, 427.5),
             ("ُ", 380.0, 382.0), ("ضاف", 400.6, 427.9), (" ", 397.1, 400.6), ("إلى", 380.3, 397.1), (" ", 376.8, 380.3), ("ذلك", 356.7, 376.8)]
    text = "".join(w for w, _, _ in words)
    boxes: list[tuple[float, float]] = []
    for word, x0, x1 in words:
        step = (x1 - x0) / len(word)
        boxes.extend((x1 - step * (k + 1), x1 - step * k) for k in range(len(word)))  # right to left in the word
    assert visual_to_logical(text, lambda i: boxes[i], rtl=True, size=14.0, pieces=True) == "المجالات. يُضاف إلى ذلك"


def test_paragraph_numeral_cited_after_its_article() -> None:
    # "المادة 247 - XXXXI": article 247, paragraph XXXXI; the page draws the numeral on the left, "XXXXI - 247"
    visual = ["أدناه", " ", "XXXXI", " ", "-", " ", "247", " ", "المادة", " ", "في"]
    assert logical(visual, [10, 8, 2, 4, 6, 0], space=2.5) == "في المادة 247 - XXXXI أدناه"
    visual = ["المحررات", " ", "-", " ", ".", "III", " ", "-", " ", ".", "129", " ", "المادة"]
    assert logical(visual, [12, 10, 9, 7, 5, 4, 2, 0], space=2.5) == "المادة 129. - III. - المحررات"


def test_outline_number_opening_a_line_keeps_its_drawn_order() -> None:
    # "II-3" opening a heading is one left-to-right run (nothing Arabic right of it): read as drawn
    visual = ["العامة", " ", "الأحكام", " ", "II", "-", "3"]
    assert logical(visual, [4, 5, 6, 2, 0]) == "II-3 الأحكام العامة"
    visual = ["العامة", " ", "الأحكام", " ", "II", " ", "-", " ", "3"]
    assert logical(visual, [4, 6, 8, 2, 0], space=2.5) == "II - 3 الأحكام العامة"
    # a Latin word before a number is not a numeral: one run, as drawn
    visual = ["أدناه", " ", "COVID", "-", "19", " ", "جائحة"]
    assert logical(visual, [6, 2, 3, 4, 0]) == "جائحة COVID-19 أدناه"
