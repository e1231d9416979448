"""The trust measure at the sentence and word level (transform.evaluation.doubt, ``level``): a doubtful block whose
reader said which sentence and which words are in doubt counts only those; a wrong word in an unflagged sentence of a
flagged block is unflagged at the sentence level; doubt on every sentence catches every error and puts every right
word in doubt; a block with no sentence doubt counts whole at every level. Synthetic documents against a truth string.
"""

from __future__ import annotations

from transform.evaluation import parse_truth_page
from transform.evaluation.doubt import LEVELS, check, doubt_document, doubt_levels, totals
from transform.model import Document, DocumentMeta, ListBlock, ListItem, Paragraph, Section, Sentence

TRUTH = """---
doc: t
page: 1
read: ocr
lang: fr
furniture: []
---

Le conseil municipal approuve le budget primitif. Le montant des subventions est fixé à 12 500 euros.

La séance est levée à dix-neuf heures. Le maire remercie les élus.

- Approbation du procès-verbal
- Vote du budget primitif
"""

ONE = "Le conseil municipal approuve le budget primitif."
TWO_WRONG = "Le montaut des subventions est fixé à 12 500 euros."  # montaut: the one error
THREE, FOUR = "La séance est levée à dix-neuf heures.", "Le maire remercie les élus."


def _doc(first: list[Sentence], block_doubt: str | None, items: tuple[Sentence, Sentence] | None = None) -> Document:
    items = items or (Sentence(id="i1", text="- Approbation du procès-verbal"), Sentence(id="i2", text="- Vote du budget primitif"))
    blocks = [Paragraph(page=1, confidence=0.9, doubt=block_doubt, sentences=first),
              Paragraph(page=1, confidence=0.9, sentences=[Sentence(id="c", text=THREE), Sentence(id="d", text=FOUR)]),
              ListBlock(page=1, confidence=0.9, items=[ListItem(sentences=[items[0]]), ListItem(sentences=[items[1]])])]
    return Document(meta=DocumentMeta(lang="fr"), sections=[Section(blocks=blocks)])


def _totals(doc: Document):  # noqa: ANN202 - level -> totals
    got = doubt_levels(doc, [parse_truth_page(TRUTH)], "t")
    for pages in got.values():
        assert not check(pages)
    return {lv: totals(pages) for lv, pages in got.items()}


def test_the_wrong_word_in_an_unflagged_sentence_of_a_flagged_block_is_unflagged_below_the_block() -> None:
    first = [Sentence(id="a", text=ONE, doubt="ocr_low_confidence", unsure=[(3, 10)]), Sentence(id="b", text=TWO_WRONG)]
    t = _totals(_doc(first, "ocr_low_confidence"))
    assert t["block"].errors == t["sentence"].errors == t["word"].errors == 1
    assert t["block"].errors_doubt == 1  # the block holds it
    assert t["sentence"].errors_doubt == 0 and t["word"].errors_doubt == 0  # its own sentence is not in doubt
    assert t["sentence"].right_doubt == len(ONE.split()) and t["word"].right_doubt == 1  # "conseil" alone
    assert t["block"].right_doubt > t["sentence"].right_doubt > t["word"].right_doubt


def test_the_wrong_word_marked_is_caught_at_every_level_at_a_small_cost() -> None:
    first = [Sentence(id="a", text=ONE), Sentence(id="b", text=TWO_WRONG, doubt="ocr_weak_word", unsure=[(3, 10)])]
    t = _totals(_doc(first, "ocr_weak_word"))
    assert all(t[lv].errors_doubt == 1 and t[lv].recall == 1.0 for lv in LEVELS)
    assert t["word"].right_doubt == 0 and t["sentence"].right_doubt == len(TWO_WRONG.split()) - 1


def test_a_block_without_sentence_doubts_is_in_doubt_whole_at_every_level() -> None:
    first = [Sentence(id="a", text=ONE), Sentence(id="b", text=TWO_WRONG)]
    t = _totals(_doc(first, "digits_disagree"))
    assert t["block"].right_doubt == t["sentence"].right_doubt == t["word"].right_doubt == 16
    assert all(t[lv].errors_doubt == 1 for lv in LEVELS)


def test_doubt_on_every_sentence_catches_everything_and_every_right_word() -> None:
    first = [Sentence(id="a", text=ONE, doubt="x"), Sentence(id="b", text=TWO_WRONG, doubt="x")]
    doc = _doc(first, "x")
    for blk in doc.sections[0].blocks[1:]:
        blk.doubt = "x"
    t = _totals(doc)
    for lv in LEVELS:
        assert t[lv].recall == 1.0 and t[lv].false_alarms == 1.0, lv


def test_a_list_item_in_doubt_leaves_the_other_items_sound() -> None:
    items = (Sentence(id="i1", text="- Approbation du procès-verbal"),
             Sentence(id="i2", text="- Vote du budget primitif", doubt="ocr_weak_word", unsure=[(17, 25)]))
    doc = _doc([Sentence(id="a", text=ONE), Sentence(id="b", text=TWO_WRONG)], None, items)
    doc.sections[0].blocks[2].doubt = "ocr_weak_word"
    pages = doubt_document(doc, [parse_truth_page(TRUTH)], "t", level="word")
    assert totals(pages).right_doubt == 1  # "primitif" of the second item
    pages = doubt_document(doc, [parse_truth_page(TRUTH)], "t", level="sentence")
    assert totals(pages).right_doubt == 4  # the second item's words
