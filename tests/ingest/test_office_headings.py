"""Headings of office and Markdown documents that write them as bold paragraphs, capitals or
one-item numbered lists (no heading style anywhere): found from how they look, with levels
from their numbering (``transform/ingest/office_headings.py``).

Inputs are written here: a Markdown note as Word exports it (``**...**`` lines, a letterhead
in bold over a rule, a title on two bold lines, bold table cells laid out as paragraphs), the
same note made into a DOCX by pandoc (bold runs in plain paragraphs), and a LibreOffice-style
document whose section titles are one-item numbered lists.
"""

from __future__ import annotations

from pathlib import Path

from transform.model import Heading, Paragraph
from transform.model.walk import block_text, iter_blocks

from ._compare import load
from ._office import headings, norm, pandoc_convert

NOTE_MD = """**Royaume du Maroc**

**Ministère de l'Intérieur**

**------------------------------**

**Coordination régionale**

**Note de cadrage budgétaire 2026**

**-Axes 1 et 2 du programme -**

**Axe 1 « Appui au préscolaire » : 120 MDH**

**a. Plans d'action antérieurs : 80 MDH**

Les crédits restant à déléguer sont évalués à 80 MDH détaillés comme suit.

**Composantes**

**Montant**

**Travaux**

**60**

Equipement des salles et fonctionnement des unités.

**b. Extension aux douars non desservis : 40 MDH**

Cette enveloppe couvre 25 unités nouvelles dans 12 communes rurales.

**Axe 2 « Appui à la scolarité » : 200 MDH**

Le programme de soutien scolaire est poursuivi dans toutes les provinces.

**Les crédits sont délégués en deux tranches, la seconde au vu des rapports.**

Un bilan est présenté au comité régional.

**a. Contribution au transport scolaire : 50 MDH**
"""

EXPECTED = [  # "Coordination régionale", the letterhead line stacked over the title, is no heading
    (1, "Note de cadrage budgétaire 2026 -Axes 1 et 2 du programme -"),
    (2, "Axe 1 « Appui au préscolaire » : 120 MDH"),
    (3, "a. Plans d'action antérieurs : 80 MDH"),
    (3, "b. Extension aux douars non desservis : 40 MDH"),
    (2, "Axe 2 « Appui à la scolarité » : 200 MDH"),
    (3, "a. Contribution au transport scolaire : 50 MDH"),
]


def _paragraphs(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [norm(block_text(b)) for _, b in iter_blocks(doc) if isinstance(b, Paragraph)]


def test_bold_paragraphs_of_a_markdown_note_are_headings_with_levels(tmp_path: Path) -> None:
    src = tmp_path / "note.md"
    src.write_text(NOTE_MD, encoding="utf-8")
    doc = load(src)
    assert headings(doc) == EXPECTED
    paras = _paragraphs(doc)
    # a letterhead over a rule, bold cells and amounts followed by more bold text, and a bold
    # sentence stay paragraphs
    for text in ("Royaume du Maroc", "Ministère de l'Intérieur", "Coordination régionale", "Composantes", "Montant", "Travaux", "60",
                 "Les crédits sont délégués en deux tranches, la seconde au vu des rapports."):
        assert norm(text) in paras, text


def test_the_same_note_as_docx_gives_the_same_headings(tmp_path: Path) -> None:
    src = tmp_path / "note.md"
    src.write_text(NOTE_MD, encoding="utf-8")
    docx = pandoc_convert(src, tmp_path / "note.docx")
    assert headings(load(docx)) == EXPECTED


def test_one_item_numbered_lists_are_numbered_headings(tmp_path: Path) -> None:
    """Section titles as one-item lists (pandoc restarts each at 1: the numbering goes on),
    a bulleted one-item list under them a level below; a real list stays a list."""
    src = tmp_path / "bilan.md"
    src.write_text(
        "1. L'activité de la maison\n\nPlus de 12 500 visiteurs ont été accueillis en 2013.\n\n"
        "- Fréquentation mensuelle\n\nLa fréquentation est la plus forte en mars.\n\n"
        "1. Synthèse des besoins\n\nLes besoins sont présentés ci-dessous :\n\n"
        "- des brochures en arabe ;\n- des affiches ;\n- des dépliants.\n",
        encoding="utf-8",
    )
    doc = load(src)
    assert headings(doc) == [(1, "1. L'activité de la maison"), (2, "Fréquentation mensuelle"), (1, "2. Synthèse des besoins")]
    lists = [b for _, b in iter_blocks(doc) if b.kind == "list"]
    assert len(lists) == 1 and len(lists[0].items) == 3


def test_documents_with_heading_styles_are_left_as_they_are(tmp_path: Path) -> None:
    src = tmp_path / "styled.md"
    src.write_text("# Rapport\n\n**Un point important**\n\nLe texte du rapport.\n", encoding="utf-8")
    doc = load(src)
    assert headings(doc) == [(1, "Rapport")]
    assert norm("Un point important") in _paragraphs(doc)


def test_capitals_title_of_a_form(tmp_path: Path) -> None:
    """A Word form whose title is a line in capitals (its size set by a style pandoc does not read)."""
    src = tmp_path / "form.md"
    src.write_text("JUSTIFICATIF DE DÉPLACEMENT PROFESSIONNEL\n\nEn application de l'article 1er du décret :\n\n"
                   "Nom : . . . . . . . .\n\nPrénom : . . . . . . . .\n\nPIÈCES À JOINDRE : . . . .\n", encoding="utf-8")
    doc = load(pandoc_convert(src, tmp_path / "form.docx"))
    assert [(h.level, block_text(h)) for _, h in iter_blocks(doc) if isinstance(h, Heading)] == [
        (1, "JUSTIFICATIF DE DÉPLACEMENT PROFESSIONNEL")]  # capitals ending in ':' or dots are a field, not a title
