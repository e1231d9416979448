"""Footnotes and endnotes are kept: a mark where the note is referred to, the note's text as a
``role="note"`` paragraph at the end of the referring section, and every output carries them.

The documents are our own text (tests/ingest/office/notes-source.md) as each program writes it:
pandoc's DOCX and HTML, LibreOffice's ODT, flat ODT and DOCX with endnotes, Word's filtered
HTML (made by tests/ingest/office/make_fixtures.py), and the Markdown source itself.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from transform.model import Heading, ListBlock, Paragraph, Table
from transform.model.walk import iter_sections

from ._compare import load
from ._office import OFFICE, norm, notes, numbers, pandoc_convert, text_of

SOURCE = OFFICE / "notes-source.md"
EXPECTED_NOTES = [
    ("fr", "[1] Dont 21 700 000 dirhams de recettes arriérées de 2025."),
    ("fr", "[2] Prévisions initiales de 1 250 000 000 dirhams."),
    ("fr", "[3] Montants arrêtés au 30 juin 2026."),
    ("fr", "[4] Hors dépenses de personnel (96 500 000 dirhams)."),
    ("fr", "[5] Y compris 12 reports de crédits de 2025."),
    ("ar", "[6] منها 21 700 000 درهم من مداخيل متأخرة عن سنة 2025."),
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("notes")
    return {
        "markdown": SOURCE,
        "docx (pandoc)": pandoc_convert(SOURCE, tmp / "notes.docx"),
        "html (pandoc)": pandoc_convert(SOURCE, tmp / "notes.html", "--standalone"),
        "odt (LibreOffice)": OFFICE / "notes.odt",
        "flat odt (LibreOffice)": OFFICE / "notes.fodt",
        "docx with endnotes (LibreOffice)": OFFICE / "endnotes.docx",
    }


KINDS = ["markdown", "docx (pandoc)", "html (pandoc)", "odt (LibreOffice)", "flat odt (LibreOffice)", "docx with endnotes (LibreOffice)"]


@pytest.mark.parametrize("kind", KINDS)
def test_notes_kept_with_their_marks(kind: str, made: dict[str, Path]) -> None:
    doc = load(made[kind])
    got = [(n.lang, text_of(n)) for n in notes(doc)]
    assert got == [(lang, norm(t)) for lang, t in EXPECTED_NOTES], got
    # the marks sit where the notes are referred to: a paragraph, a table cell, a heading, a list item
    secs = {norm(" ".join(s.text for s in sec.heading.sentences)): sec for sec, _ in iter_sections(doc) if sec.heading}
    recettes = secs["Recettes"]
    para = next(b for b in recettes.blocks if isinstance(b, Paragraph) and b.role is None)
    assert "612 300 000 dirhams [1]" in norm(" ".join(s.text for s in para.sentences))
    assert norm(" ".join(s.text for s in para.sentences)).endswith("49 % des prévisions [2].")  # the mark goes before the full stop
    table = next(b for b in recettes.blocks if isinstance(b, Table))
    assert "Encaissé [3]" in [norm(" ".join(s.text for s in c.sentences)) for row in table.rows for c in row]
    assert "Dépenses [4]" in secs
    items = next(b for b in secs["Dépenses [4]"].blocks if isinstance(b, ListBlock)).items
    assert norm(items[0].sentences[0].text) == "Engagements : 418 250 000 dirhams [5]."
    # each note closes the section that refers to it, after the section's own blocks
    assert [text_of(b)[:3] for b in recettes.blocks if getattr(b, "role", None) == "note"] == ["[1]", "[2]", "[3]"]
    assert recettes.blocks[-1].role == "note" and isinstance(recettes.blocks[-4], Table)
    assert [text_of(b)[:3] for b in secs["Dépenses [4]"].blocks[-2:]] == ["[4]", "[5]"]
    arabic = secs["مذكرة حول تنفيذ ميزانية 2026"]
    assert arabic.blocks[-1].role == "note" and arabic.blocks[-1].lang == "ar" and arabic.blocks[-1].direction == "rtl"
    # the numbers the notes hold reach the document (a budget note once lost 13 of them)
    assert {"21700000", "1250000000", "96500000", "12", "2025"} <= numbers(doc)


def test_notes_are_not_body_text_when_there_are_none(tmp_path: Path) -> None:
    """The measure can fail: a document without notes has no note paragraphs and no marks."""
    src = tmp_path / "plain.md"
    src.write_text("# Titre\n\nUn texte [sans] note de 2026.\n", encoding="utf-8")
    doc = load(pandoc_convert(src, tmp_path / "plain.docx"))
    assert notes(doc) == []
    assert all(b.role is None for sec, _ in iter_sections(doc) for b in sec.blocks)


def test_word_filtered_html_notes_header_row_and_spans() -> None:
    """Word's HTML: footnotes are links to ``#_ftn1`` and ``<div id=ftn1>`` at the end; the header
    row is bold cells; the page is in Windows-1256."""
    doc = load(OFFICE / "word-filtered.html")
    assert doc.meta.title == "حصيلة تنفيذ الميزانية"
    assert [(n.lang, text_of(n)) for n in notes(doc)] == [
        ("ar", "[1] منها 12 400 000 درهم من الاعتمادات المرحلة."),
        ("fr", "[2] Dont 12 400 000 dirhams de crédits reportés."),
    ]
    sec = doc.sections[0]
    body = [norm(" ".join(s.text for s in b.sentences)) for b in sec.blocks if isinstance(b, Paragraph) and b.role is None]
    assert body[0] == "بلغت الاعتمادات الملتزم بها 418 250 000 درهم [1] إلى غاية 30 يونيو 2026."
    assert body[1] == "Les engagements atteignent 418 250 000 dirhams au 30 juin 2026 [2]."


def test_heading_note_and_titles_keep_no_private_marker(made: dict[str, Path]) -> None:
    doc = load(made["docx (pandoc)"])
    for sec, _ in iter_sections(doc):
        for block in ([sec.heading] if sec.heading else []) + list(sec.blocks):
            if isinstance(block, (Heading, Paragraph)):
                for s in block.sentences:
                    assert "\ue000" not in s.text


@pytest.mark.slow
def test_every_output_carries_the_notes(tmp_path: Path) -> None:
    """HTML, EPUB, text, braille, narration and captions all have the notes (and their numbers)."""
    from transform import convert_many
    from transform.options import TransformOptions
    from transform.result import ConversionStatus

    (res,) = convert_many([OFFICE / "endnotes.docx"], TransformOptions(outputs=["json", "text", "html", "epub", "braille", "audio", "captions"]), tmp_path)
    assert res.status == ConversionStatus.SUCCESS, res.errors
    out = tmp_path / "endnotes"
    note_fr = "Hors dépenses de personnel (96 500 000 dirhams)."
    html = (out / "endnotes.fr.html").read_text(encoding="utf-8")
    assert "[4] Hors dépenses de personnel (96 500 000 dirhams)." in norm(html)
    assert note_fr in norm((out / "endnotes.fr.txt").read_text(encoding="utf-8"))
    with zipfile.ZipFile(out / "endnotes.fr.epub") as zf:
        xhtml = "".join(zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".xhtml"))
    assert note_fr in norm(xhtml)
    assert "منها 21 700 000 درهم من مداخيل متأخرة عن سنة 2025." in norm((out / "endnotes.ar.txt").read_text(encoding="utf-8"))
    # the narration reads the notes: their sentences are in the timeline and the captions
    doc = json.loads((out / "endnotes.json").read_text(encoding="utf-8"))
    note_ids = [s["id"] for sec in doc["sections"] for sub in [sec, *sec["sections"]] for b in sub["blocks"]
                if b.get("role") == "note" for s in b["sentences"]]
    assert len(note_ids) == 6
    timeline = (out / "endnotes.fr.timeline.json").read_text(encoding="utf-8")
    assert all(i in timeline for i in note_ids[:5])
    assert "[4] " + note_fr in norm((out / "endnotes.fr.vtt").read_text(encoding="utf-8"))
    # braille: the pages list the note sentences
    index = json.loads((out / "endnotes.fr.braille-index.json").read_text(encoding="utf-8"))
    on_pages = {sid for page in index["pages"] for sid in page["sentences"]}
    assert set(note_ids[:5]) <= on_pages
