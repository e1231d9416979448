"""Heading levels of real pages: numbered outlines (``I.`` / ``A.`` / ``1/``) set the level where size and weight
do not (transform/ingest/pdf_outline.py), and the comparison used here fails on a wrong outline."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.ingest.pdf_outline import numbering

from ._realpages import outline, read_pages

# Cabestany's budget-orientation report (slides): the cover, then the first slide of each part. Part III
# is set smaller than parts I and II, and its "A." like the bullets under it. The truth nests as printed
# (tests/realdocs/README.md): the deck's title at level 1, "III." at level 2 and "A." at level 3 (page 14), though
# the parts are set as large as the title (pdf_levels.cover_title). A bulleted line set larger right over its sub-bullets
# ("• Principe du Rapport ..." on part I's slide) is a list item, as the truth of page 15 has "• Exécution du Budget
# Principal 2025 ..."; so is one over paragraphs ("• Monde : ..."), as the truth of pages 4, 6 and 10 writes it (held-out
# set 3; pdf_headings._bulleted).
ROB = [
    (1, "RAPPORT D'ORIENTATIONS BUDGÉTAIRES"),
    (2, "I. Indications liminaires"),
    (2, "II. Éléments généraux de contexte"),
    (3, "A. Aperçu de l'environnement macro-économique"),
    (2, "III. Situation et orientations budgétaires pour 2026"),
    (3, "A. Point sur l'exécution budgétaire 2025"),
]

# Couthenans' minutes: the agenda items, numbered "1/" ... "6/" and lettered "A/" ... "E/", are set like the
# "Ordre du jour" and "Questions diverses" headings that introduce them, and go one level under them.
COUTHENANS = [
    (1, "CR du conseil municipal 21 janvier 2022"),
    (2, "Ordre du jour"),
    (3, "1/ Pacte Financier et Fiscal de Solidarité (PFFS) 2021-2027 :"),
    (3, "2/ Rapport de la Commission Locale d’Évaluation des Charges Transférées (CLECT) 2016-2020 :"),
    (3, "3/ Convention CAUE :"),
    (3, "4/ Rapport du syndicat des eaux :"),
    (3, "5/ Aide à entreprise :"),
    (3, "6/ Travaux forestiers"),
    (2, "Questions diverses :"),
    (3, "A/ Equipement école :"),
    (3, "B/ Campagne de stérilisation des chats"),
    (3, "C/ Salle Charlie Chaplin"),
    (3, "D/ Diagnostic amiante et radon"),
    (3, "E/ Poste de relevage des Chevrets"),
]


# The Seine-Normandie guide, pp. 8-10: "2.1." under "2.", "2.1.1" under "2.1." as the numbers say, though
# all are set alike; the boxes' headings between them ("Co-bénéfices ...") close no numbered section, and the
# first heading of the copy, numbered "1.", is no title standing above "2.".
SEINE = [
    (1, "1. La disposition 3.2.2 du SDAGE"),
    (1, "2. Éviter, réduire, compenser la nouvelle imperméabilisation"),
    (2, "2.1. Éviter la création de nouvelles zones à urbaniser"),
    (3, "2.1.1 Cas de l’ouverture d’une zone à l’urbanisation"),
    (3, "2.1.2. Cas du renouvellement urbain"),
    (2, "2.2. Réduire les impacts de l’imperméabilisation des sols projetée"),
]


def wrong(expected: list[tuple[int, str]], got: list[tuple[int, str]]) -> list[str]:
    """Where an outline differs from the expected one (text or level), one line per heading; [] when equal."""
    out = [f"expected {e}, got {g}" for e, g in zip(expected, got, strict=False) if e != g]
    if len(expected) != len(got):
        out.append(f"{len(expected)} headings expected, {len(got)} read")
    return out


@pytest.mark.parametrize(
    ("name", "pages", "expected"),
    [
        ("cabestany-rob-2026.pdf", [0, 2, 5, 13], ROB),
        ("couthenans-cr-2022-01.pdf", [0, 1], COUTHENANS),
    ],
    ids=["rob-parts", "minutes-agenda"],
)
def test_real_pages_give_their_outline(tmp_path: Path, name: str, pages: list[int], expected: list[tuple[int, str]]) -> None:
    got = outline(read_pages(name, pages, tmp_path))
    assert wrong(expected, got) == []


def test_decimal_numbers_nest(tmp_path: Path) -> None:
    got = [(level, text) for level, text in outline(read_pages("seine-normandie-guide-erc-2024.pdf", [7, 8, 9], tmp_path))
           if text[:1].isdigit()]
    assert len(got) == len(SEINE)
    assert [level for level, _ in got] == [level for level, _ in SEINE]
    assert all(text.startswith(start) for (_, text), (_, start) in zip(got, SEINE, strict=True))


def test_the_comparison_fails_on_a_flat_or_padded_outline() -> None:
    flat = [(1, text) for _, text in COUTHENANS]  # every heading at level 1
    assert len(wrong(COUTHENANS, flat)) == len(COUTHENANS) - 1  # all but the title
    shifted = [(level + 1, text) for level, text in ROB]  # all one level too deep
    assert len(wrong(ROB, shifted)) == len(ROB)
    padded = COUTHENANS[:3] + [(3, "Les enjeux de ce pacte sont :")] + COUTHENANS[3:]  # a bold sentence made a heading
    assert wrong(COUTHENANS, padded)
    assert wrong(ROB, list(ROB)) == []
    assert wrong(ROB, [(3, t) if t.startswith("III.") else (lv, t) for lv, t in ROB])  # "III." out of its siblings' level


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("III. Situation et orientations", "roman"),
        ("IV – Annexes", "roman"),
        ("A. Point sur l'exécution", "upper"),
        ("C. Salle", "upper"),  # C is 100: no heading is numbered that far
        ("b) Contribution", "lower"),
        ("1/ Pacte Financier", "number"),
        ("2- أصناف الأجراء", "number"),
        ("1.2 Les dépenses", "decimal2"),
        ("2.1.3 Détail", "decimal3"),
        ("ثانيا: المحور", "ar-ordinal"),
        ("أ- أصناف وعدد", "ar-letter"),
        ("Ordre du jour", None),
        ("2024 en chiffres", None),
        ("Article 3", None),
    ],
)
def test_numbering_kinds(text: str, kind: str | None) -> None:
    assert numbering(text) == kind
