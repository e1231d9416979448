"""Two marks a text layer glues to words: a stray digit filled white on white, which the page does
not show (``pdf_unseen``: order 1033.21's ``المراقبة(*)2``, ``الزيارة:3``), and a footnote call
raised after a closing quote (``"أشارك"3``: ``pdf_line_marks.NOTE_CALL``). Small PDFs made here."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF

from tests.ingest._realpages import line_texts
from transform.ingest.pdf_text import page_lines


def _lines(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        return [line.text for line in page_lines(page, page.get_textpage(), 1)]
    finally:
        pdf.close()


def test_a_white_digit_on_white_is_not_read(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format=(400, 300))
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.text(40, 30, "Article premier")
    # a white call digit drawn apart (pdfium puts it at the start of the next line), on the white page
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", size=9)
    pdf.text(250, 54, "3")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", size=14)
    pdf.text(40, 60, "Visite de controle:")
    pdf.text(40, 100, "Nature de la visite")
    # white text on a black box shows: it stays
    pdf.set_fill_color(0, 0, 0)
    pdf.rect(40, 130, 60, 30, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.text(60, 150, "4")
    pdf.text(70, 150, "Total")
    path = tmp_path / "white.pdf"
    pdf.output(str(path))
    lines = _lines(path)
    assert "Visite de controle:" in lines
    assert not any("3" in line for line in lines)
    assert "4 Total" in lines
    assert "Article premier" in lines and "Nature de la visite" in lines


def test_a_raised_call_after_a_closing_quote_is_a_note_mark(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format=(400, 300))
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.text(40, 30, "Article premier")
    quoted = 'sur la plateforme "Participer"'
    pdf.text(40, 60, quoted)
    width = pdf.get_string_width(quoted)
    pdf.set_font("Helvetica", size=9)
    pdf.text(40 + width + 0.5, 54, "3")  # raised, smaller: the call
    pdf.set_font("Helvetica", size=14)
    pdf.text(40 + width + 6, 60, ". Puis la visite")
    pdf.text(40, 90, 'la salle "B"2 du rez-de-chaussee')  # a digit on the line after a quote: no call
    path = tmp_path / "quote.pdf"
    pdf.output(str(path))
    lines = _lines(path)
    assert 'sur la plateforme "Participer"[3]. Puis la visite' in lines
    assert 'la salle "B"2 du rez-de-chaussee' in lines


def test_a_list_label_glued_to_its_item_gets_its_space() -> None:
    from transform.ingest.pdf_line_marks import label_space

    # decree 2.09.197 p. 10, Bulletin 7259 p. 17: Word drew the gap after the label and wrote no space
    assert label_space("ب-الأجراء الموسميون:") == "ب- الأجراء الموسميون:"
    assert label_space("«أ)المكوس الداخلية") == "«أ) المكوس الداخلية"
    assert label_space("2)الكحول") == "2) الكحول"
    # a number range, a label already spaced, a note's number in brackets, a hyphen inside a word: as they are
    for line in ("1-17 من", "أ- الأجراء", "(1)وضع علامة", "سلا-القنيطرة", "بالأجراء-الدائمين"):
        assert label_space(line) == line


def test_a_call_after_a_term_in_brackets_closes_the_bracket() -> None:
    from transform.ingest.pdf_line_marks import NOTE_CALL, _cut

    # CESE pp. 15, 16, 27, 28: a French term in brackets inside an Arabic sentence, its call after the bracket;
    # re-read from the glyphs, the bracket came with the opening code (`(One Health(6`)
    line = 'مقاربة "الصحة الواحدة" (One Health(6، التي تنطلق'
    m = NOTE_CALL.search(line)
    assert m is not None and m.group(0) == "6"
    assert _cut(line, [m.span()], marks=True) == 'مقاربة "الصحة الواحدة" (One Health)[6]، التي تنطلق'


def test_raised_calls_are_measured_from_the_first_word_when_the_middle_is_raised() -> None:
    from transform.ingest.pdf_line_marks import line_base

    ys = {0: 435.5, 1: 435.5, 2: 440.2}  # the middle character (2) is the call, raised 4.7 pt
    assert line_base(ys.__getitem__, 2, 435.5, 8.2) == 435.5
    assert line_base(ys.__getitem__, 1, 435.5, 8.2) == 435.5
    assert line_base(ys.__getitem__, 1, 435.0, 8.2) == 435.5  # on the line: its own baseline


def test_the_report_page_reads_the_calls_after_brackets() -> None:
    text = "\n".join(line_texts("cese-ar-avis-biodiversite-2025.pdf", 28))
    assert "(diagramme gris)[55]." in text and "gris(55" not in text


def test_a_call_set_apart_at_an_arabic_line_end_is_a_note_mark() -> None:
    # decree 2.09.197 p. 4: the call "2" after a heading, raised and smaller, a piece of its own at the line's left
    # end (where an Arabic line ends), a word space from the word: it was read as a word ("الأجراء 2")
    lines = line_texts("adala-ar-decree-2-09-197.pdf", 4)
    assert "2. المتوسط الشهري لعدد الأجراء[2]" in lines
    # the note's own number, opening its line at the right, stays a number
    assert any(line.startswith("2 المتوسط الشهري لعدد الأجراء يساوي") for line in lines)
