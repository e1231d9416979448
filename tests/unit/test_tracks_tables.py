"""A table shared by two language tracks keeps each cell's own language."""

from __future__ import annotations

from transform.model import Cell, Document, DocumentMeta, Paragraph, Section, Sentence, Table
from transform.model.tracks import split_tracks
from transform.model.walk import iter_sentences


def _doc() -> Document:
    table = Table(id="t", rows=[[Cell(sentences=[Sentence(id="c1", text="الشركاء")]),
                                 Cell(sentences=[Sentence(id="c2", text="Région Béni Mellal-Khénifra", lang="fr")])]])
    body = [Paragraph(id="p1", sentences=[Sentence(id="s1", text="الميزانية ديال الجهة")]),
            Paragraph(id="p2", lang="fr", sentences=[Sentence(id="s2", text="Le budget de la Région.")]), table]
    return Document(meta=DocumentMeta(lang="ary"), sections=[Section(id="x", blocks=body)])


def test_cells_keep_their_language_in_the_other_track() -> None:
    tracks = split_tracks(_doc())
    assert set(tracks) == {"ary", "fr"}
    langs = {loc.sentence.id: loc.lang for loc in iter_sentences(tracks["fr"])}
    assert langs["c1"] == "ary"  # a Darija cell in the French track is still Darija (braille, voice)
    assert langs["c2"] == "fr"
    assert langs["s2"] == "fr"
    assert "s1" not in langs
    ary = {loc.sentence.id: loc.lang for loc in iter_sentences(tracks["ary"])}
    assert ary["c1"] == "ary" and ary["c2"] == "fr"
