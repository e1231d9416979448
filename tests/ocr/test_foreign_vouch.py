"""A kept earlier OCR's amount settled by the amounts the document prints elsewhere (foreign_vouch.py; issue 17).

Putanges p. 6's layer reads ``163 923,86€`` where both crops read ``763 923,86€``; p. 4 prints ``763 923,86€`` on a
line read sound and the document never prints ``163 923,86``. Its ``1216 147,42€`` (no crop regrouped it) is
printed ``1 216 147,42€`` on p. 11.
"""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ocr.confidence import DIGITS
from transform.ocr.foreign_layer import AMOUNT_CONFIDENCE
from transform.ocr.foreign_vouch import vouch


def _line(text: str, conf: float | None = 0.99, votes: list | None = None) -> TextLine:
    ln = TextLine(text, 0, 0, 100, 10, confidence=conf)
    if votes is not None:
        ln.amount_votes = votes  # type: ignore[attr-defined]
        ln.confidence, ln.doubt = AMOUNT_CONFIDENCE, DIGITS
    return ln


def test_the_crops_reading_the_document_prints_replaces_the_layers() -> None:
    p4 = [_line("Déficit d'investissement : - 763 923,86€")]
    p6 = [_line("un déficit d'investissement de l'exercice de - 163 923,86€", votes=[("163 923,86€", "763 923,86€")]),
          _line("soit un déficit d'investissement de - 1216 147,42€", votes=[("1216 147,42€", None)])]
    p11 = [_line("la section 1 216 147,42€", conf=0.9)]
    assert vouch([p4, p6, p11]) == 2
    assert p6[0].text.endswith("- 763 923,86€") and p6[0].doubt == DIGITS  # still in doubt: the layer disagreed
    assert p6[1].text.endswith("- 1 216 147,42€")


def test_nothing_without_a_sound_printing_or_where_the_layers_amount_is_printed_too() -> None:
    waiting = [("163 923,86€", "763 923,86€")]
    unsure = [_line("- 763 923,86€", conf=0.5)]  # printed, but on a line in doubt
    p6 = [_line("de - 163 923,86€", votes=list(waiting))]
    assert vouch([unsure, p6]) == 0 and "163 923,86€" in p6[0].text
    both = [_line("- 763 923,86€"), _line("et 163 923,86€")]  # the document prints the layer's amount as well
    p6 = [_line("de - 163 923,86€", votes=list(waiting))]
    assert vouch([both, p6]) == 0 and "163 923,86€" in p6[0].text
    two = [_line("1 216 147,42€ et 12 161 47,42")]  # two ways to group the digits: no choice made
    p6 = [_line("de - 1216 147,42€", votes=[("1216 147,42€", None)])]
    assert vouch([two, p6]) == 1 and "1 216 147,42€" in p6[0].text  # `12 161 47,42` is no well-formed amount


def test_an_amount_put_right_reaches_the_table_built_from_the_layers_characters() -> None:
    # a table the ingester built from the layer's characters before any reading of ours (pdf_tables)
    from transform.model import Cell
    from transform.model.text import Sentence
    from transform.ocr.confidence import TEXT_UNSURE
    from transform.ocr.foreign_vouch import carry_into_cells

    rows = [[Cell(sentences=[Sentence(id="", text="Excédent reporté")]), Cell(sentences=[Sentence(id="", text="109 28,32€")])],
            [Cell(sentences=[Sentence(id="", text="Report")]), Cell(sentences=[Sentence(id="", text="222 723,14€")])]]
    line = _line("Excédent reporté 109 218,32€")
    line.amount_mends, line.doubt = [("109 28,32€", "109 218,32€")], TEXT_UNSURE  # type: ignore[attr-defined]
    assert carry_into_cells(rows, [line]) == 1
    assert [[c.sentences[0].text for c in r] for r in rows] == [["Excédent reporté", "109 218,32€"], ["Report", "222 723,14€"]]
    assert rows[0][1].doubt == TEXT_UNSURE and rows[1][1].doubt is None
