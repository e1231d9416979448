"""Levels of a deliberation whose bold underlined lead-ins were read as headings (pdf_heading_drops._drop_open_ended)
and whose session date stood over its title (pdf_levels.dateline_over_title).

Montpellier's tariffs for 2014: ``Les tarifs peuvent être en outre classés selon la typologie suivante :`` and
``Pour plus de lisibilité, les tarifs sont classés en 3 catégories :``, bold and underlined, are sentences that
introduce a list (a French verb in them), not titles: read as headings, they pushed the parts ``1 – ...`` and every
heading under them one level down (the truth, pp. 1, 3 and 27: the title 1, ``1-2 :`` 3, ``Modalités ...`` 4). The
session's date ``Séance publique du lundi 16 décembre 2013`` over the title is a field of the registry's form."""

from __future__ import annotations

from tests.ingest._realpages import level_differences, outline, read_pages

TARIFFS = [
    (1, "Tarifs 2014 pour la Ville de Montpellier"),
    (2, "1 – Les tarifs relatifs aux services à la population"),
    (3, "1-1 : Les Etablissements d’Accueil du Jeune Enfant"),
    (4, "Modalités de détermination des tarifs"),
    (4, "Taux applicables pour 2014"),
    (3, "1-2 : La restauration scolaire"),
    (4, "Modalités de détermination des tarifs"),
]


def test_lead_ins_and_session_date_are_no_headings(tmp_path) -> None:
    heads = outline(read_pages("montpellier-tarifs-2014.pdf", [0, 1, 2], tmp_path))
    assert level_differences(TARIFFS, heads, absolute=True) == []
    texts = [t for _, t in heads]
    assert not any(t.startswith(("Séance publique", "Les tarifs peuvent", "Pour plus de lisibilité")) for t in texts), texts


def test_french_sentence_told_from_a_title() -> None:
    from transform.ingest.pdf_heading_drops import _FR_VERB

    assert _FR_VERB.search("Pour plus de lisibilité, les tarifs sont classés en 3 catégories :")
    assert not _FR_VERB.search("Modalités de détermination des tarifs :")
    assert not _FR_VERB.search("Rapport sur l'est de la région :")  # "l'est", a noun
    assert not _FR_VERB.search("إرساء منظومة وطنية مهيكلة لتمويل التنوع البيولوجي، تقوم على:")
