"""Two printed lines that pdfium hands over as one line are read as two, not woven into one another.

Corpus pages (read through ``pdf_text.page_lines``): the ESEC opinion's table 1, whose two-line
cells are drawn higher than the one-line cells of their row (pp. 28-29), and its French notes,
which pdfium gives right to left with their two lines in one piece (p. 29, note 62); the
compte financier unique's and the Montpellier grants' ruled tables (French), whose wrapped labels
were woven the same way. Then the two rules on built rectangles and on pages that must not move.
"""

from __future__ import annotations

from tests.ingest._realpages import corpus_page, line_texts
from transform.ingest.pdf_calls import TextPageCalls, page_text
from transform.ingest.pdf_pieces import read_pieces
from transform.ingest.pdf_stacked import rect_under
from transform.ingest.pdf_two_lines import split_two_lines

CESE = "cese-ar-avis-biodiversite-2025.pdf"


def test_two_line_cells_of_an_arabic_table_are_two_lines() -> None:
    lines = line_texts(CESE, 28)
    assert not any("بشكلبالانهيار" in t or "البحرالمتوسط" in t for t in lines), lines
    row = next(t for t in lines if t.startswith("الميرلا الأبيض"))
    assert row == "الميرلا الأبيض المحيط الأطلسي مستغل بشكل مفرط (مهددَّ"
    assert "بالانهيار) في تراجع -" in lines
    assert "المتوسط مستغل بشكل مفرط في تراجع -" in lines
    lines = line_texts(CESE, 29)
    assert "الوردي المحيط الأطلسي مستغل بشكل مفرط (مهددَّ" in lines
    assert sum(t == "بالانهيار) في تراجع -" for t in lines) == 3  # three rows of the page say so


def test_a_french_note_of_an_arabic_page_is_cut_into_its_two_lines() -> None:
    lines = line_texts(CESE, 29)
    first = next(t for t in lines if t.startswith("62"))
    assert first == ("62 - UNEP/MAP-SPA/RAC, Conservation de la biodiversité marine et côtière dans la "
                     "sous-région de la Méditerranée occiden-")
    nxt = lines[lines.index(first) + 1]
    assert nxt.startswith("tale d’ici 2030 et au-delà. Ed. SPA/RAC – Tunis, 2021, 102 p, https://rac-spa.org/")


def test_wrapped_labels_of_french_ruled_tables_are_not_woven() -> None:
    lines = line_texts("cabestany-cfu-2024.pdf", 26)
    assert "2805 Concessions et droits similaires, brevets, licences," in lines
    assert "droits et valeurs similaires 54 360,80 54 360,80" in lines
    lines = line_texts("montpellier-subventions-2014.pdf", 2)
    assert "4612 ASSOCIATION DES PARCS ET JARDINS P TEMPS DES JARDINS EN LANGUEDOC" in lines
    assert "ROUSSILLON 500 €" in lines


def test_rect_under_needs_words_a_line_apart_one_over_the_other() -> None:
    line = (255.0, 216.7, 356.0, 205.6)  # left, top, right, bottom: a cell's first line
    assert rect_under([line], [(285.0, 201.9, 321.0, 190.6)])  # its second line, under it
    assert not rect_under([line], [(360.0, 216.0, 420.0, 205.0)])  # a word beside it, same line
    assert not rect_under([line], [(380.0, 201.9, 420.0, 190.6)])  # lower, but not under its text
    assert not rect_under([line], [(290.0, 222.0, 293.0, 218.0)])  # a vowel mark over it: no word
    assert not rect_under([line], [(290.0, 210.5, 300.0, 206.0)])  # a word of short letters in the line


def test_letters_on_an_arc_and_french_pages_keep_their_lines() -> None:
    # the magazine's `Dossier` title, its letters on rising baselines, and a Latin page: nothing cut
    for name, page_no in (("cabestany-budget-2024-cabesinfo.pdf", 1), ("bo-fr-7448-2025.pdf", 9)):
        with corpus_page(name, page_no) as (page, textpage):
            calls = TextPageCalls(textpage)
            text, _ = page_text(textpage)
            pieces, styles = read_pieces(calls, text, page.get_height())
            out, _ = split_two_lines(calls, pieces, styles, page.get_height())
            if name.startswith("cabestany"):
                assert out is pieces
            else:
                assert len(out) == len(pieces)  # a Latin line read in pdfium's order is joined, not woven
