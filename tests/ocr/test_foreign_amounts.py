"""Amounts of a kept earlier OCR's layer that no page prints put their line in doubt, and our reading of the
line votes on them (foreign_amounts.py, foreign_vote.py): frozen lines of ocrmypdf's layer on a French council's
minutes (a 200 ppi scan), with our reading of the same lines."""

from __future__ import annotations

import pytest

from transform.ingest.base import TextLine
from transform.ocr import confidence
from transform.ocr.foreign_amounts import suspect_amounts
from transform.ocr.foreign_layer import AMOUNT_CONFIDENCE, mark_suspect_lines, suspect_words
from transform.ocr.foreign_vote import vote_line

# (layer's line, the suspect token): the page prints 7 779,41€, 109 218,32€, 1 216 147,42€
MISREAD = [
    ("° Excédent d'exploitation : 7 TT9,4€", "TT9,4€"),
    ("- un excédent de fonctionnement de l'exercice de 7 7T9,41€", "7T9,41€"),
    ("- un excédent d'investissement antérieur reporté de 109 28,32€", "28,32€"),
    ("soit un déficit d'investissement de - 1216 147,42€", "147,42€"),
    ("- Art. 001 - Déficit d'investissement reporté : - 1216 147,42€", "147,42€"),
]
# amounts as pages print them, and a count or a year before a rate (a table row read as one line: no euro)
SOUND = [
    "soit un déficit d'investissement de - 1 216 147,42€",
    "- un excédent d'investissement antérieur reporté de 109 218,32 €",
    "Excédent d'exploitation : 7 779,41 euros",
    "APXIA 2,5mg Comprimé pelliculé Boite de 10 85,30 53,30",
    "Année 1947 35,04",
    "Total 2024, 150,00€",
]


@pytest.mark.parametrize(("line", "token"), MISREAD)
def test_a_misread_amount_of_a_foreign_layer_is_suspect(line: str, token: str) -> None:
    assert suspect_amounts(line) == [token]
    assert token in suspect_words(line)
    ln = TextLine(line, 0, 0, 100, 10)
    assert mark_suspect_lines([ln]) == 1 and ln.confidence is not None and ln.confidence < confidence.DOUBT_BELOW


@pytest.mark.parametrize("line", SOUND)
def test_amounts_as_printed_are_not_suspect(line: str) -> None:
    assert suspect_amounts(line) == [] and suspect_words(line) == []


@pytest.mark.parametrize(("layer", "ours", "voted"), [
    ("° Excédent d'exploitation : 7 TT9,4€", "• Excédent d'exploitation : 7 779,41€", "° Excédent d'exploitation : 7 779,41€"),
    ("- un excédent d'investissement antérieur reporté de 109 28,32€",  # ours cut at the comma
     "- un excédent d'investissement antérieur reporté de 109 218. 32€",
     "- un excédent d'investissement antérieur reporté de 109 218,32€"),
    # ours no better: digits of its own, its comma lost, or the layer's digits not all in it
    ("- un excédent de fonctionnement de l'exercice de 7 7T9,41€", "- un excédent de fonctionnement de l'exercice 777941€", None),
    ("- un excédent d'investissement antérieur reporté de 109 28,32€",
     "- un excédent d'investissement antérieur reporté de 109 213,52€", None),
])
def test_our_reading_votes_on_a_misread_amount(layer: str, ours: str, voted: str | None) -> None:
    new, n = vote_line(layer, ours)
    assert (new, n) == ((voted, 1) if voted else (layer, 0))


def test_a_voted_amounts_line_stays_in_doubt_and_is_counted() -> None:
    ln = TextLine("- un excédent d'investissement antérieur reporté de 109 218,32€", 0, 0, 100, 10)
    ln.confidence, ln.doubt = AMOUNT_CONFIDENCE, confidence.TEXT_UNSURE  # as foreign_vote.reread_suspects leaves it
    assert mark_suspect_lines([ln]) == 1 and ln.confidence < confidence.DOUBT_BELOW
