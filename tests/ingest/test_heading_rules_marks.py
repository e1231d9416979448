"""Titles marked by a rule drawn under them on a text layer (transform/ingest/pdf_underlines.py) and the heading checks
of the ninth session (transform/ingest/pdf_headings.py, pdf_labels.py), on copied corpus pages read without OCR:
Montpellier's tariff deliberation (underlined part titles at body size and weight, underlined sentences that introduce
a list, a framed bold formula), the ESEC opinion (a bold underlined title over its list, a bold title over a table),
Algeria's states (a state's label and its name 3.3 sizes apart, a closing date and signature set a point larger) and
the compte financier unique (a part's title in capitals over a statement's title, grouped as one block)."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import block_text, corpus_page, read_pages
from transform.ingest.pdf_text import page_lines
from transform.ingest.pdf_underlines import mark_underlines
from transform.model import Heading


def headings(blocks: list[object]) -> list[str]:
    return [block_text(b) for b in blocks if isinstance(b, Heading)]


def texts(blocks: list[object]) -> list[str]:
    return [block_text(b) for b in blocks]


def test_rules_under_lines_are_found_only_under_titles() -> None:
    """Page 3 of the tariffs: five underlined titles (one bold); the framed formula (ruled above and under, the rules running
    across the page) and the table's ruled rows are not underlined."""
    with corpus_page("montpellier-tarifs-2014.pdf", 3) as (page, textpage):
        lines = page_lines(page, textpage, 3)
        assert mark_underlines(page, lines, page.get_height()) == 5
    marked = [ln.text for ln in lines if ln.underline]
    assert marked == ["➢ Modalités de détermination des tarifs", "➢ Taux applicables pour 2014",
                      "1-2 : La restauration scolaire :", "Modalités de détermination des tarifs", "A- Etablissement du revenu net mensuel (ressources – charges) :"]


def test_underlined_titles_are_headings_and_underlined_sentences_are_not(tmp_path: Path) -> None:
    blocks = read_pages("montpellier-tarifs-2014.pdf", [0, 2], tmp_path)
    found = headings(blocks)
    for title in ("Modalités de détermination des tarifs", "Taux applicables pour 2014",
                  "A- Etablissement du revenu net mensuel (ressources – charges) :"):
        assert title in found
    assert found.count("Modalités de détermination des tarifs") == 2
    assert not any(t.startswith("Tarif horaire = Taux horaire") for t in found)  # a formula, framed and bold
    all_text = texts(blocks)
    for sentence in ("Les orientations d’évolution pour 2014 sont les suivantes :",
                     "Les tarifs sont en effet fixés selon différentes modalités :"):
        assert sentence in all_text and sentence not in found  # underlined, but they introduce a list


def test_bold_titles_over_a_list_and_over_a_table(tmp_path: Path) -> None:
    """The ESEC opinion, p. 53: a bold underlined title that ends by introducing its list (``... تقوم على:``); p. 57: a
    bold line a little smaller than the body with a table above and under it."""
    found = headings(read_pages("cese-ar-avis-biodiversite-2025.pdf", [52, 56], tmp_path))
    assert "إرساء منظومة وطنية مهيكلة لتمويل التنوع البيولوجي، تقوم على:" in found
    assert "فريق الخبراء الذين واكبوا أشغال اللجنة" in found
    assert not any(t.startswith("إعداد خطة مالية") for t in found)  # the list's items stay items


def test_state_label_over_its_name_and_a_closing_formula(tmp_path: Path) -> None:
    blocks = read_pages("jora-fr-lf2025-etats.pdf", [0, 19, 20], tmp_path)
    found = headings(blocks)
    assert "ETAT « H » DEPENSES FISCALES" in found and "ETAT « H »" not in found
    assert not any(t.startswith(("Fait à Alger", "Abdelmadjid")) for t in found)
    assert any(t.startswith("Fait à Alger, le 22 Joumada El Oula 1446") for t in texts(blocks))


def test_a_part_title_in_capitals_and_a_statement_title_are_two_headings(tmp_path: Path) -> None:
    found = headings(read_pages("cabestany-cfu-2024.pdf", [12, 18], tmp_path))
    k = found.index("I – INFORMATIONS GÉNÉRALES ET SYNTHÉTIQUES I")
    assert found[k + 1] == "Bilan synthétique (en milliers d'euros) D"
    assert "II – EXECUTION BUDGETAIRE II" in found  # p. 19: the part's title set larger, a heading of its own already


def test_underlined_lead_ins_in_body_type_stay_text(tmp_path: Path) -> None:
    """Couthenans' minutes underline their lead-ins (``Rappel :``, ``Présentation à la population :``) in body type:
    paragraphs, as the truth has them; the numbered item title above them stays a heading."""
    with corpus_page("couthenans-cr-2022-10.pdf", 1) as (page, textpage):
        lines = page_lines(page, textpage, 1)
        mark_underlines(page, lines, page.get_height())
    assert {"Rappel :", "Présentation à la population :"} <= {ln.text for ln in lines if ln.underline}  # the rules are seen
    blocks = read_pages("couthenans-cr-2022-10.pdf", [0], tmp_path)
    found = headings(blocks)
    assert "1. Mise à jour du plan communal de sauvegarde" in found
    for lead in ("Rappel :", "Présentation à la population :", "Personnes nommées sur les divers postes/fiches actions :"):
        assert lead in texts(blocks) and lead not in found


class _Line:
    """A text line as the heading passes see it (an OCR'd line: no baseline)."""

    def __init__(self, text: str, top: float, size: float = 14.0) -> None:
        self.text, self.top, self.bottom = text, top, top + size
        self.x0, self.x1, self.size, self.bold, self.page, self.underline = 80.0, 540.0, size, False, 1, False
        self.confidence = 0.9


def test_an_enacting_formula_read_with_a_grave_and_a_long_lead_in_are_no_headings() -> None:
    """The Bulletin 5952 bis' scanned dahir: ``À DECIDE CE QUI SUIT :`` (OCR read its A as À) and ``ART. 2.-—Les citoyens
    ... à la question suivante :``, both set a size larger than the body, are text; a short title stays a heading."""
    from transform.ingest.pdf_blocks import _Group
    from transform.ingest.pdf_headings import _drop_open_ended

    texts_ = ["À DECIDE CE QUI SUIT :", "ART. 2.-—Les citoyens et les citoyennes admis à prendre part au référendum auront "
              "à répondre par oui ou par non à la question suivante :", "PROJET DE LA CONSTITUTION", "Les recettes :"]
    groups = [_Group(kind="heading", lines=[_Line(t, 100.0 + 30 * k)], size=14.0, level=2, body=12.0)
              for k, t in enumerate(texts_)]
    _drop_open_ended(groups)
    assert [g.kind for g in groups] == ["paragraph", "paragraph", "heading", "heading"]
