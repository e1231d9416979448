from __future__ import annotations

from transform.model import Document, DocumentMeta, Paragraph, Section, Sentence, iter_sentences
from transform.model.text import Direction
from transform.model.tracks import split_tracks
from transform.structure import build_structure


def _doc() -> Document:
    from transform.model import Cell, Heading, Table

    blocks = [
        Heading(level=1, sentences=[Sentence(id="", text="الميزانية")]),
        Paragraph(sentences=[Sentence(id="", text="صادق المجلس على الميزانية. وبلغت 78 في المائة.")]),
        Heading(level=2, sentences=[Sentence(id="", text="Le budget")]),
        Paragraph(sentences=[Sentence(id="", text="Le conseil a voté. Le montant est de 2,8 milliards de dirhams.")]),
        Table(rows=[[Cell(sentences=[Sentence(id="", text="Poste")], header=True), Cell(sentences=[Sentence(id="", text="Montant")], header=True)],
                    [Cell(sentences=[Sentence(id="", text="Routes")]), Cell(sentences=[Sentence(id="", text="350 000 000")])]]),
    ]
    return Document(meta=DocumentMeta(source_name="x.md"), sections=[Section(blocks=blocks)])


def test_structure_nests_and_numbers() -> None:
    doc = build_structure(_doc())
    assert len(doc.sections) == 1
    top = doc.sections[0]
    assert top.id == "s1" and top.lang == "ar" and top.direction == Direction.RTL
    assert [s.id for s in top.blocks[0].sentences] == ["s1-b1-1", "s1-b1-2"]
    sub = top.sections[0]
    assert sub.id == "s1-1" and sub.lang == "fr" and sub.direction == Direction.LTR
    langs = {loc.sentence.text: loc.lang for loc in iter_sentences(doc)}
    assert langs["Le conseil a voté."] == "fr"
    assert langs["صادق المجلس على الميزانية."] == "ar"
    assert langs["350 000 000"] == "fr"  # numbers inherit the table's language


def test_json_round_trip_is_exact() -> None:
    doc = build_structure(_doc())
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert again.model_dump_json() == doc.model_dump_json()


def test_tracks_split_by_language() -> None:
    doc = build_structure(_doc())
    tracks = split_tracks(doc)
    assert set(tracks) == {"ar", "fr"}
    ar_text = [loc.sentence.text for loc in iter_sentences(tracks["ar"])]
    fr_text = [loc.sentence.text for loc in iter_sentences(tracks["fr"])]
    assert "Le conseil a voté." not in ar_text and "Le conseil a voté." in fr_text
    assert "350 000 000" in fr_text  # the French table goes to the French track
    assert tracks["ar"].meta.direction == Direction.RTL
