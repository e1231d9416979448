"""The trust measure (transform.evaluation.doubt) counts the errors a reader gets with no doubt on them.

Small synthetic documents against truth strings: a wrong word in a block read as sound is an
unflagged error; doubt on every block catches every error and puts every right word in doubt; a
perfect reading has no error; a wrong amount in a table counts in its own cell's doubt, not in the
doubt of a neighbouring cell; a word lost inside a block belongs to that block.
"""

from __future__ import annotations

from transform.evaluation import parse_truth_page
from transform.evaluation.doubt import LOST, check, doubt_document, totals
from transform.model import Cell, Document, DocumentMeta, Paragraph, Section, Sentence, Table

TRUTH = """---
doc: t
page: 1
read: ocr
lang: fr
furniture: []
---

Le conseil municipal approuve le budget primitif de la commune.

Le montant des subventions est fixé à 12 500 euros pour 2026.

| article | montant |
|---|---|
| fournitures | 3 200 |
| entretien | 1 450 |
"""


def _s(text: str) -> list[Sentence]:
    return [Sentence(id="s", text=text)]


def _doc(first: str, second: str, cells: tuple[str, str], doubts: tuple[str | None, str | None] = (None, None),
         cell_doubt: str | None = None) -> Document:  # fmt: skip
    table = Table(page=1, confidence=0.9, rows=[
        [Cell(sentences=_s("article"), header=True), Cell(sentences=_s("montant"), header=True)],
        [Cell(sentences=_s("fournitures")), Cell(sentences=_s(cells[0]), doubt=cell_doubt)],
        [Cell(sentences=_s("entretien")), Cell(sentences=_s(cells[1]))],
    ])  # fmt: skip
    blocks = [Paragraph(page=1, confidence=0.9, doubt=doubts[0], sentences=_s(first)),
              Paragraph(page=1, confidence=0.9, doubt=doubts[1], sentences=_s(second)), table]  # fmt: skip
    return Document(meta=DocumentMeta(lang="fr"), sections=[Section(blocks=blocks)])


RIGHT1 = "Le conseil municipal approuve le budget primitif de la commune."
RIGHT2 = "Le montant des subventions est fixé à 12 500 euros pour 2026."
WRONG2 = "Le montaut des subventions est fixé à 12 300 euros pour 2026."  # a misread word and a misread amount


def _measure(doc: Document):  # noqa: ANN202 - (page figures, totals)
    pages = doubt_document(doc, [parse_truth_page(TRUTH)], "t")
    assert not check(pages)  # the errors attributed are the scorer's own count
    return pages[0], totals(pages)


def test_perfect_reading_has_no_error() -> None:
    p, t = _measure(_doc(RIGHT1, RIGHT2, ("3 200", "1 450")))
    assert t.errors == 0 and t.missed == 0
    assert t.right == p.right == 30 and t.right_doubt == 0
    assert t.recall is None and t.false_alarms == 0.0


def test_wrong_words_in_a_sound_block_are_unflagged() -> None:
    p, t = _measure(_doc(RIGHT1, WRONG2, ("3 200", "1 450")))
    assert t.errors == 2  # montaut, and 300 for 500 (a word each)
    assert {(e.truth, e.read) for e in p.errors} >= {("montant", "montaut")}
    assert t.errors_doubt == 0 and t.recall == 0.0
    assert t.missed == 1 and t.missed_doubt == 0 and p.missed[0].truth == "12 500"


def test_doubt_on_the_wrong_block_only_catches_everything_at_a_small_cost() -> None:
    _p, t = _measure(_doc(RIGHT1, WRONG2, ("3 200", "1 450"), doubts=(None, "ocr_low_confidence")))
    assert t.recall == 1.0 and t.missed_recall == 1.0
    assert 0 < t.false_alarms < 0.4  # the right words of that one block
    assert t.units_doubt == 1 and t.units_doubt_clean == 0


def test_doubt_on_every_block_gives_recall_one_and_false_alarms_near_one() -> None:
    doc = _doc(RIGHT1, WRONG2, ("3 200", "1 450"), doubts=("ocr_low_confidence", "ocr_low_confidence"))
    next(b for b in doc.sections[0].blocks if isinstance(b, Table)).confidence = 0.5
    _p, t = _measure(doc)
    assert t.recall == 1.0 and t.missed_recall == 1.0
    assert t.false_alarms == 1.0
    assert t.units_doubt_clean == t.units_doubt - 1  # only the second paragraph held an error


def test_a_misread_cell_counts_in_its_own_cell_doubt() -> None:
    wrong_cell = ("3 280", "1 450")
    _p, t = _measure(_doc(RIGHT1, RIGHT2, wrong_cell))
    assert t.errors == 1 and t.errors_doubt == 0 and t.missed == 1
    _p, t = _measure(_doc(RIGHT1, RIGHT2, wrong_cell, cell_doubt="digits_disagree"))
    assert t.errors_doubt == 1 and t.missed_doubt == 1
    assert t.right_doubt == 1  # "3" of that cell, not the table's other cells
    _p, t = _measure(_doc(RIGHT1, RIGHT2, ("3 200", "1 480"), cell_doubt="digits_disagree"))
    assert t.errors == 1 and t.errors_doubt == 0  # the doubt is on another cell


def test_a_word_lost_inside_a_block_belongs_to_that_block() -> None:
    lost = "Le conseil municipal approuve le budget de la commune."  # "primitif" lost
    p, t = _measure(_doc(lost, RIGHT2, ("3 200", "1 450"), doubts=("ocr_low_confidence", None)))
    assert [(e.what, e.truth) for e in p.errors] == [("del", "primitif")]
    assert p.errors[0].unit != LOST and t.recall == 1.0


def test_a_garbage_block_counts_its_words_in_its_own_doubt() -> None:
    doc = _doc(RIGHT1, RIGHT2, ("3 200", "1 450"))
    doc.sections[0].blocks.insert(0, Paragraph(page=1, confidence=0.41, sentences=_s("ll1 ;ii' AC")))
    p, t = _measure(doc)
    assert [e.what for e in p.errors] == ["extra"] * 3 and t.recall == 1.0
    assert t.false_alarms == 0.0  # the garbage block holds no right word


def test_a_block_lost_whole_belongs_to_no_block() -> None:
    doc = _doc(RIGHT1, RIGHT2, ("3 200", "1 450"), doubts=("ocr_low_confidence", None))
    del doc.sections[0].blocks[1]  # the second paragraph not read at all
    p, t = _measure(doc)
    assert t.errors == t.errors_lost == len(RIGHT2.split())
    assert t.errors_doubt == 0 and {e.unit for e in p.errors} == {LOST}
    assert t.missed == 2 and t.missed_doubt == 0  # 12 500 and 2026
