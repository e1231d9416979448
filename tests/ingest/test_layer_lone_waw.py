"""The conjunction و parted from its word by a space the layer wrote but the page does not show
(pdf_waw): synthetic lines laid out right to left with the boxes a producer gives."""

from __future__ import annotations

from transform.ingest.pdf_clean import clean_text
from transform.ingest.pdf_waw import mend_boxes

LETTER = 5.0  # every letter 5 points wide, the band 10 points high


def layout(text: str, unseen: set[int], word_gap: float = 4.0, over_all: bool = False):
    """Boxes of ``text`` set right to left: a space is ``word_gap`` wide, except the spaces at ``unseen``
    (and every space when ``over_all``), whose glyph is drawn over the letter before it and the next
    letter set against that letter (0.3 apart; ``word_gap`` apart for the others when ``over_all``)."""
    boxes = []
    x = 500.0
    for i, ch in enumerate(text):
        if ch != " ":
            boxes.append((x - LETTER, 0.0, x, 10.0))
            x -= LETTER
        elif i in unseen:
            boxes.append((x + 1.0, 0.0, x + 4.0, 10.0))
            x -= 0.3
        elif over_all:
            boxes.append((x + 1.0, 0.0, x + 4.0, 10.0))
            x -= word_gap
        else:
            boxes.append((x - word_gap, 0.0, x, 10.0))
            x -= word_gap
    return lambda k: boxes[k]


LINE = "وحرر بالرباط الإمضاء: عزيز أخنوش و قعه بالعطف و زير الإدماج و التنمية المستدامة"


def test_waw_whose_space_the_page_does_not_show_joins_its_word() -> None:
    unseen = {i + 1 for i, ch in enumerate(LINE) if ch == "و" and LINE[i + 1] == " " and (i == 0 or LINE[i - 1] == " ")}
    assert len(unseen) == 3
    out = clean_text(mend_boxes(layout(LINE, unseen), LINE))
    assert "وقعه بالعطف" in out and "وزير الإدماج" in out and "والتنمية المستدامة" in out
    assert "و " not in out


def test_waw_printed_apart_keeps_its_space() -> None:
    text = "اسم و نسب وصفة الشخص الموظفون و الأعوان"
    assert mend_boxes(layout(text, set()), text) == text


def test_producer_drawing_every_space_tight_gives_no_evidence() -> None:
    # every word space of the page drawn over the letter before it, as tight as the و's: nothing to tell them apart
    text = "تدبير أمثل القصور في و النظام البيئي"
    unseen = {text.index("و ") + 1}
    assert mend_boxes(layout(text, unseen, word_gap=0.3, over_all=True), text) == text


def test_waw_ending_a_word_is_not_lone() -> None:
    text = "هو قعه أخنوش"
    unseen = {2}
    assert mend_boxes(layout(text, unseen), text) == text
