"""A gazette's rubric shift keeps a form's labels under their part (issue 17, heading levels): BO 7448's scanned
model forms (pp. 20, 23) print the parts ``I. IDENTITE ...`` large and the labels ``Personnes physiques :`` under
them smaller; OCR reads the parts above the text titles' level, the labels at it. The rubric shift
(``pdf_levels._rubric_shift``) moved the labels up to their part's level and left the parts in place, so the labels
came out as the parts' siblings (h5 for h6 in the truth). An unnumbered heading read under one the shift leaves in
place now stays under it; a numbered part read as small as the labels still takes the shift (its series levels it)."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_levels import rubric_levels


def _head(text: str, level: int, page: int = 20) -> _Group:
    return _Group(kind="heading", lines=[TextLine(text, 50.0, 100.0, 500.0, 112.0, page=page)], level=level)


# levels as read on the scanned pages (the text title and the labels at 3, the annex, the form's title, its parts at 2)
READ = [
    ("TEXTES GENERAUX", 3, 19),
    ("Arrêté du ministre de l'industrie et du commerce n° 1930-25 du 4 safar 1447 (29 juillet 2025)", 3, 19),
    ("Annexe I à l'arrêté du ministre de l'industrie et du commerce n° 1930-25", 2, 20),
    ("Modèle du procès-verbal de l'infraction", 2, 20),
    ("II. IDENTITE DU OU DES CONTREVENANTS", 2, 20),
    ("Personnes physiques :", 3, 20),
    ("Personnes morales :", 3, 20),
    ("III. DATE, HEURE ET LIEU DE LA CONSTATATION DE L'INFRACTION", 2, 20),
    ("IV. NATURE DE L'INFRACTION", 3, 20),
]


def _levels() -> dict[str, int]:
    heads = [_head(t, lv, p) for t, lv, p in READ]
    rubric_levels(heads)
    return {g.text: g.level for g in heads}


def test_form_labels_stay_under_their_part() -> None:
    got = _levels()
    assert got["TEXTES GENERAUX"] == 1
    assert got[READ[1][0]] == 2
    part = got["II. IDENTITE DU OU DES CONTREVENANTS"]
    assert got["Personnes physiques :"] == part + 1
    assert got["Personnes morales :"] == part + 1


def test_a_numbered_part_read_small_is_not_put_under_the_part_before() -> None:
    got = _levels()
    assert got["IV. NATURE DE L'INFRACTION"] == got["III. DATE, HEURE ET LIEU DE LA CONSTATATION DE L'INFRACTION"]
