"""Headings, paragraph starts and numbers read from real pages (tests/realdocs/files), text layers only.

Each test names what a reader of the page sees on the printed page (checked on the page image) and
asserts it comes back: the shared mechanisms of pdf_blocks (centred titles over several lines, a
chapter's name under its label, bold numbered sub-headings, contents entries, enacting formulas),
pdf_furniture (a year is not a page number), the ODT reader (a table of contents) and the office
notes (a note of several paragraphs). Every document here reads in about a second.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation import read_document
from transform.evaluation.normalize import note_number, words
from transform.ingest.pdf_furniture import split_running_lines
from transform.ingest.pdf_text import PdfLine
from transform.model import Document, Heading, ListBlock, Paragraph
from transform.model.walk import iter_blocks

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def read(name: str) -> Document:
    path = next(FILES.glob(f"{name}.*"))
    return read_document(path, ocr="never")


def text(block: object) -> str:
    return " ".join(s.text for s in block.sentences)  # type: ignore[attr-defined]


def headings(doc: Document, page: int | None = None) -> list[tuple[int, str]]:
    return [(b.level, text(b)) for _, b in iter_blocks(doc) if isinstance(b, Heading) and (page is None or b.page == page)]


def paragraphs(doc: Document, page: int | None = None) -> list[str]:
    return [text(b) for _, b in iter_blocks(doc) if isinstance(b, Paragraph) and (page is None or b.page == page)]


@pytest.fixture(scope="module")
def loi_cadre() -> Document:
    return read("bo-fr-loi-cadre-50-21")


def test_centred_bold_title_over_three_lines_is_one_heading(loi_cadre: Document) -> None:
    """Bulletin officiel 7010, p. 1155: the law's title is three centred bold lines spaced wider than
    the text; the chapter's number (bold) and its name (italic) under it are one heading; the three
    asterisks closing the dahir are an ornament, not a heading."""
    found = headings(loi_cadre, 1)
    titles = [t for _, t in found]
    assert "Loi-cadre n° 50-21 relative à la réforme des établissements et entreprises publics" in titles
    assert "Chapitre V Dates d’entrée en vigueur" in titles
    assert not any(t.strip("* ") == "" for t in titles)  # no heading made of the ornament
    assert "Loi-cadre n° 50-21" not in titles and "Chapitre V" not in titles  # not cut per line
    # the articles stay headings below the chapter, and the text between them stays paragraphs
    levels = dict((t, lvl) for lvl, t in found)
    assert levels["Article 18"] == levels["Article 19"] > levels["Chapitre V Dates d’entrée en vigueur"]
    assert any(p.startswith("L’Etat procède à l’évaluation périodique") for p in paragraphs(loi_cadre, 1))


def test_bold_numbered_part_title_is_a_heading_not_a_list_item(loi_cadre: Document) -> None:
    """p. 1162: "I. – Exercice de la médecine / par des médecins étrangers", bold and centred on two
    lines, titles the part (not a list of one item); the law's title above it is one heading."""
    titles = [t for _, t in headings(loi_cadre, 8)]
    assert "I. – Exercice de la médecine par des médecins étrangers" in titles
    assert "Loi n° 33-21 modifiant et complétant la loi n° 131-13 relative à l’exercice de la médecine" in titles
    items = [text(it) for _, b in iter_blocks(loi_cadre) if isinstance(b, ListBlock) and b.page == 8 for it in b.items]
    assert not any("Exercice de la médecine" in t for t in items)


def test_title_with_its_subtitle_and_lettered_sub_headings() -> None:
    """INDH budget framing (Word PDF), p. 1: the centred title and its smaller bold subtitle are one
    heading; "a." and "b." (bold lines over their paragraph) are headings under the "Axe" heading
    and keep their letters and amounts; the letterhead lines stay paragraphs."""
    doc = read("indh-cadrage-2025")
    found = headings(doc, 1)
    assert found[0] == (1, "Cadrage budgétaire de l’exercice 2025 -Axes 2 et 3 du Programme 4 -")
    titles = [t for _, t in found]
    assert "a. Mise en œuvre des plans d’actions du préscolaire antérieurs : 214 MDH" in titles
    assert "b. Extension du préscolaire aux populations non encore desservies : 80 MDH" in titles
    axe = next(lvl for lvl, t in found if t.startswith("Axe 2"))
    assert all(lvl > axe for lvl, t in found if t[:2] in ("a.", "b."))
    assert paragraphs(doc, 1)[:2] == ["Royaume du Maroc", "Ministère de l’Intérieur"]


def test_enacting_formula_is_not_a_heading_and_articles_are() -> None:
    """Décret 2-26-395 (French, p. 3): "DÉCRETE:" is set large and bold but introduces the articles."""
    doc = read("adala-fr-decret-2-26-395")
    titles = [t for _, t in headings(doc, 3)]
    assert titles[:2] == ["ARTICLE PREMIER", "ART. 2."]
    assert "DÉCRETE:" in paragraphs(doc, 3)


def test_contents_entries_are_not_headings() -> None:
    """Bulletin officiel 7440, cover: the sommaire's bold entry titles and its entries (dot leaders
    and a page number) are paragraphs; "SOMMAIRE" and "TEXTES GENERAUX" stay headings; p. 3: the
    decree's nine-line bold title is a heading."""
    doc = read("bo-fr-7440-2025")
    cover = [t for _, t in headings(doc, 1)]
    assert "SOMMAIRE" in cover and "TEXTES GENERAUX" in cover
    assert not any(t.startswith(("Avenant à la convention", "Autorité marocaine", "Marché à terme", "Arrêté")) for t in cover)
    assert any(t.startswith("Décret n° 2-25-653 du 25 safar 1447 (19 août 2025) approuvant") for _, t in headings(doc, 3))


def test_annex_label_and_bold_numbered_form_parts() -> None:
    """Arrêté 1033-21 (Arabic), pp. 3-4: the annex label "ملحق" is a heading of its own above the
    form's title; the bold numbered parts ("2- ...", "أ- ...", "ب- ...") are headings, not list items
    or the tail of the list item above them."""
    doc = read("adala-ar-order-1033-21")
    p3 = [t for _, t in headings(doc, 3)]
    assert p3[:2] == ["ملحق", "نموذج التقرير المتعلق بزيارة المراقبة"]
    p4 = [t for _, t in headings(doc, 4)]
    assert p4 == ["2- أصناف الأجراء المتواجدين بمكان الزيارة وعددهم:",
                  "أ- أصناف وعدد أجراء المقاولة أو المؤسسة موضوع الزيارة بمكان الزيارة:",
                  "ب- عدد أجراء المقاولات الأخرى بمكان الزيارة:"]


def test_plain_numbered_clauses_are_items_and_the_page_number_goes() -> None:
    """Décret 2-14-343 (Arabic), p. 2: "1- يحدد ..." / "2- يحدد ..." are numbered items (their
    numbers kept); the page number "-2-" is furniture, not body text; the footnote keeps its number."""
    doc = read("adala-ar-decree-2-14-343")
    items = [text(it) for _, b in iter_blocks(doc) if isinstance(b, ListBlock) and b.page == 2 for it in b.items]
    assert [t[:9] for t in items[:2]] == ["1- يحدد ف", "2- يحدد ف"]
    assert "(66,56 درهم)" in items[1]
    body = " ".join(paragraphs(doc, 2) + items)
    assert "-2-" not in body.split()
    assert any(f.kind == "page_number" and f.page == 2 for f in doc.furniture)


def test_year_set_apart_is_text_and_a_day_before_a_month_no_note_call() -> None:
    """Montpellier, p. 1: "2013" printed alone under "lundi 16 décembre" near the top is the year of
    the meeting, not a page number. Preuilly minutes, p. 5: "26 Janvier 1984" starting a line is a
    date (the day number is not a footnote call moved to the line before)."""
    doc = read("montpellier-tarifs-2014")
    assert not any(f.text == "2013" for f in doc.furniture)
    page1 = [t for _, t in headings(doc, 1)] + paragraphs(doc, 1)
    assert any(t.endswith("lundi 16 décembre 2013") or t == "2013" for t in page1)
    pv = read("preuilly-pv-2020-07")
    visa = next(p for p in paragraphs(pv, 5) if "84-53" in p)
    assert "loi n° 84-53 DU 26 Janvier 1984" in visa


def _pline(txt: str, page: int, top: float) -> PdfLine:
    return PdfLine(text=txt, x0=280, top=top, x1=310, bottom=top + 10, size=10, bold=False, page=page, baseline=top + 8, rtl=False)


def test_years_that_count_up_with_the_pages_are_page_numbers() -> None:
    """A Bulletin numbers its pages through the year (2013, 2014...): bare years in the margin that
    go up with the pages are page numbers; the same year on two pages (a date) stays text."""
    body = [_pline("Texte du corps de la page", p, 400) for p in (1, 2, 3)]
    counting = [[body[0], _pline("2013", 1, 20)], [body[1], _pline("2014", 2, 20)], [body[2], _pline("2015", 3, 20)]]
    kept, furniture = split_running_lines(counting, [842.0] * 3)
    assert [[ln.text for ln in lines] for lines in kept] == [["Texte du corps de la page"]] * 3
    assert sorted(f.text for f in furniture if f.kind == "page_number") == ["2013", "2014", "2015"]
    same = [[body[0], _pline("2013", 1, 20)], [body[1]], [body[2], _pline("2013", 3, 20)]]
    kept, furniture = split_running_lines(same, [842.0] * 3)
    assert [ln.text for ln in kept[0]] == ["Texte du corps de la page", "2013"]
    assert not any(f.text == "2013" for f in furniture)


def test_odt_table_of_contents_is_read() -> None:
    """RGAA accessibility statement (ODT): the table of contents prints its entries with their page
    numbers; pandoc drops the whole index, the reader keeps it as paragraphs under its title."""
    doc = read("rgaa-declaration-exemple")
    paras = paragraphs(doc)
    assert "Droits de reproduction 1" in paras
    assert "Voies de recours 5" in paras
    k = paras.index("Droits de reproduction 1")
    assert paras[k + 1] == "Déclaration d’accessibilité 3"
    assert "Table des matières" in [t for _, t in headings(doc)]


def test_docx_note_of_several_paragraphs_keeps_them_apart() -> None:
    """Justificatif de déplacement (DOCX): note 1 has an introduction, two list items and two more
    paragraphs (the items' dashes typed); they stay five note paragraphs, the first with the note's mark."""
    doc = read("fr-justificatif-deplacement-2020")
    notes = [text(b) for _, b in iter_blocks(doc) if isinstance(b, Paragraph) and b.role == "note"]
    first = next(k for k, t in enumerate(notes) if t.startswith("[1] Ce document"))
    assert notes[first].endswith("qu’il s’agisse:") or notes[first].endswith("qu'il s'agisse:")
    assert notes[first + 1].startswith("- du trajet habituel")  # the dashes are typed in the note
    assert notes[first + 2].startswith("- des déplacements de nature professionnelle")
    assert notes[first + 5].startswith("[2] Indiquer tous les lieux")


def test_scorer_counts_a_note_number_once_and_still_drops_call_marks() -> None:
    """The note's own number at the start of its paragraph is text (``[1] Dont`` = ``1 Dont``); a call
    mark inside a sentence is not; a note that lost its number does not pass for one that kept it."""
    assert [w.key for w in words(note_number("[1] Dont 9 MDH"))] == ["1", "Dont", "9", "MDH"]
    assert [w.key for w in words(note_number("1 Dont 9 MDH"))] == ["1", "Dont", "9", "MDH"]
    assert [w.key for w in words(note_number("recettes[2] de 2025"))] == ["recettes", "de", "2025"]
    assert [w.key for w in words(note_number("Dont 9 MDH"))] != [w.key for w in words(note_number("[1] Dont 9 MDH"))]
