"""Pagination and block layout: width, page length, page numbers, headings, lists, tables."""

from __future__ import annotations

from transform.braille import BrailleOptions, translate_document, translate_text
from transform.braille.engine import BLANK
from transform.braille.layout import wrap
from transform.model import Heading, Section, Sentence

from .braille_docs import budget_doc, doc_of, para

FR_WORDS = "Le conseil régional a adopté le programme de développement pour les cinq provinces de la région".split()


def long_doc(n_paras: int = 30):
    sections = []
    for s in range(3):
        blocks = [para(f"s{s}p{i}", " ".join(FR_WORDS[(i + k) % len(FR_WORDS)] for k in range(40)) + ".") for i in range(n_paras)]
        sections.append(Section(id=f"s{s}", heading=Heading(id=f"h{s}", level=2, sentences=[Sentence(id=f"h{s}-1", text=f"Partie {s + 1}")]), blocks=blocks))
    return doc_of("fr", sections)


def test_pagination_limits_and_page_numbers() -> None:
    opts = BrailleOptions(cells_per_line=32, lines_per_page=20)
    book = translate_document(long_doc(), opts, "fr")
    assert len(book.pages) > 5
    for n, page in enumerate(book.pages, 1):
        assert page.number == n
        assert len(page.rows) == 20  # body padded, number on the last line
        assert all(len(r) <= 32 for r in page.rows)
        last = page.rows[-1]
        num = translate_text(str(n), "fr")
        assert last == BLANK * (32 - len(num)) + num  # right end of the last line, nothing else on it
        assert page.rows[0] != ""  # never a blank line at the top of a page


def test_page_number_on_top_and_off() -> None:
    book = translate_document(long_doc(5), BrailleOptions(page_number_position="top", lines_per_page=10), "fr")
    assert book.pages[1].rows[0].endswith(translate_text("2", "fr"))
    off = translate_document(long_doc(5), BrailleOptions(page_numbers=False, lines_per_page=10), "fr")
    assert all(len(p.rows) <= 10 for p in off.pages)
    assert not any(r.endswith(translate_text("2", "fr")) and r.startswith(BLANK * 20) for p in off.pages for r in p.rows)


def test_no_word_split_unless_longer_than_line() -> None:
    cells = translate_text(" ".join(FR_WORDS * 3), "fr")
    lines = wrap(cells, 38, 40)
    assert all(len(line) <= 40 for _, line in lines)
    assert [w for _, line in lines for w in line.split(BLANK)] == cells.split(BLANK)
    long_word = "⠁" * 95
    parts = wrap(long_word + BLANK + "⠃⠃", 40, 40)
    assert [p for _, p in parts] == ["⠁" * 40, "⠁" * 40, "⠁" * 15 + BLANK + "⠃⠃"]


def test_heading_list_table_arabic(ar_doc) -> None:
    book = translate_document(ar_doc, BrailleOptions(), "ar")
    rows = [r for r in book.pages[0].rows[:-1]]
    heading = translate_text("ميزانية 2026", "ar")
    assert rows[0] == BLANK * ((40 - len(heading)) // 2) + heading  # level 1: centred, first line
    assert rows[1] == ""  # blank line after a level-1 heading
    para_cells = translate_text("تبلغ الميزانية 1 250 000 درهم. النسبة 78 %.", "ar")
    assert rows[2].startswith(BLANK * 2) and not rows[3].startswith(BLANK)  # first line indented 2, run-over at the margin
    assert rows[2] + BLANK + rows[3] == BLANK * 2 + para_cells
    assert rows[4] == ""  # blank line before the list
    dash = translate_text("-", "ar")  # 36-36 in Arabic braille
    assert dash == "⠤⠤"
    assert rows[5] == dash + BLANK + translate_text("الطرق", "ar")
    assert rows[6] == dash + BLANK + translate_text("الماء", "ar")
    assert rows[7] == ""
    # table: "header: value", first cell at the margin, others in cell 3
    assert rows[8] == translate_text("البرنامج: الطرق", "ar")
    assert rows[9] == BLANK * 2 + translate_text("المبلغ: 500 000 درهم", "ar")
    assert rows[10] == translate_text("البرنامج: الماء", "ar")
    assert rows[11] == BLANK * 2 + translate_text("المبلغ: 750 000 درهم", "ar")
    assert rows[9] == "⠀⠀⠁⠇⠍⠃⠇⠣⠐⠂⠀⠼⠑⠚⠚⠚⠚⠚⠀⠙⠗⠓⠍"  # ا ل م ب ل غ : 500000 د ر ه م


def test_table_and_list_french_grade1_hand_checked(fr_doc) -> None:
    from .test_braille_cells import dots

    book = translate_document(fr_doc, BrailleOptions(french="g1"), "fr")
    rows = book.pages[0].rows
    # unordered list marker "-" is 36 in French braille; R capital 46-1235
    assert rows[5] == dots("36-0-46-1235-135-136-2345-15-234")  # - Routes
    # Programme: Routes  (P capital 46-1234, colon 25), then "Montant: 500000 DH" in cell 3
    assert rows[9] == dots("0-0-46-134-135-1345-2345-1-1345-2345-25-0-6-156-3456-3456-3456-3456-3456-0-46-46-145-125")
    assert rows[8] == dots("46-1234-1235-135-1245-1235-1-134-134-15-25-0-46-1235-135-136-2345-15-234")


def test_heading_moves_to_next_page_with_its_text() -> None:
    sec = [Section(id="a", blocks=[para("p", *["Texte du paragraphe numéro un."] * 9)]),
           Section(id="b", heading=Heading(id="hb", level=2, sentences=[Sentence(id="hb-1", text="Suite")]), blocks=[para("q", "Fin.")])]
    book = translate_document(doc_of("fr", sec), BrailleOptions(lines_per_page=9, cells_per_line=30), "fr")
    heading = translate_text("Suite", "fr")
    for page in book.pages:
        body = [r for r in page.rows[:-1] if r]
        if body and body[-1].strip(BLANK) == heading:
            raise AssertionError("a heading was left alone at the bottom of a page")
    spans = {s.section_id: s for s in book.sections}
    assert spans["b"].title == "Suite"
    assert spans["b"].first_page >= spans["a"].first_page


def test_rtl_text_is_written_left_to_right_in_logical_order() -> None:
    # the first letter typed (ب) is the leftmost cell: braille is never mirrored for Arabic
    assert translate_text("بت", "ar") == "⠃⠞"


def test_index_maps_pages_to_sections_and_sentences(ar_doc) -> None:
    book = translate_document(budget_doc("ar"), BrailleOptions(), "ar")
    page = book.pages[0]
    assert page.sections == ["s1"]
    assert page.sentences[:3] == ["h-1", "p-1", "p-2"]
    assert "r1c1" in page.sentences
    assert len(page.sentences) == len(set(page.sentences))
