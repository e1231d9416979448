"""build_structure asks the language of a one-sentence block once (for the document's
language and for the sentence); the answer must still follow each caller's default."""

from __future__ import annotations

import pytest

from transform.model import Document, DocumentMeta, Heading, Paragraph, Section, Sentence
from transform.model.text import Direction
from transform.structure import build_structure
from transform.structure.language import detect, detect_core, resolve_default

TEXTS = [
    "صادق مجلس الجهة على الميزانية",
    "المجلس غادي يبني الطريق ديال الدوار باش الناس يوصلو",
    "Le conseil régional a adopté le budget",
    "The regional council adopted the budget",
    "Sidi Bennour Khouribga",  # Latin letters, no function words
    "1 250 000",
    "",
    "Budget 2026 الميزانية",
    "الميزانية 2026 budget",
]


@pytest.mark.parametrize("default", [None, "ar", "fr", "en", "ary"])
def test_core_answer_with_default_is_detect(default: str | None) -> None:
    for text in TEXTS:
        assert resolve_default(detect_core(text), default) == detect(text, default), text


def _doc(*texts: str, heading: str | None = None) -> Document:
    blocks = [Heading(level=1, sentences=[Sentence(id="", text=heading, notes={})])] if heading else []
    blocks += [Paragraph(sentences=[Sentence(id="", text=t, notes={})]) for t in texts]
    return Document(meta=DocumentMeta(source_name="t", source_format="txt"), sections=[Section(blocks=blocks)])


def test_one_sentence_blocks_take_the_default_of_their_place() -> None:
    doc = build_structure(_doc("The council adopted the budget of the region.", "The plan is for the next years.", "Sidi Bennour Khouribga",
                               "1 250 000", "صادق مجلس الجهة على الميزانية"))
    assert doc.meta.lang == "en"
    blocks = doc.sections[0].blocks
    # counted as French for the document's language (no default there), but English where it stands
    assert blocks[2].lang == "en" and blocks[2].sentences[0].lang is None
    assert blocks[3].lang == "en" and blocks[3].sentences[0].lang is None  # no letters: inherits
    assert blocks[4].lang == "ar" and blocks[4].direction == Direction.RTL
    assert [s.id for b in blocks for s in b.sentences] == [f"s1-b{i}-1" for i in range(1, 6)]
    french = build_structure(_doc("Le conseil a voté le budget de la région.", "Sidi Bennour Khouribga"))
    assert french.meta.lang == "fr" and french.sections[0].blocks[1].lang == "fr"


def test_split_paragraph_sentences_are_detected_one_by_one() -> None:
    doc = build_structure(_doc("Le conseil a voté le budget. صادق مجلس الجهة على الميزانية. Il augmente.", heading="Budget"))
    para = doc.sections[0].blocks[0]
    assert [s.text for s in para.sentences] == ["Le conseil a voté le budget.", "صادق مجلس الجهة على الميزانية.", "Il augmente."]
    assert para.lang == "fr"
    assert [s.lang for s in para.sentences] == [None, "ar", None]
    assert para.sentences[1].direction == Direction.RTL and para.sentences[0].direction is None
