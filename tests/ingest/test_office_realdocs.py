"""Office exports from the real-document corpus (tests/realdocs/files, see its SOURCES.md).

The INDH budget note of 2025 exists as Word's PDF, the Word DOCX, Word's filtered HTML and a
Markdown converted from that HTML: the four readings must hold the same numbers (the DOCX lost
its footnote and three numbers with it; the Markdown was read as plain text, CSS included).
Skipped when the corpus is not there (``TAYSIR_REALDOCS`` points at another copy).
"""

from __future__ import annotations

import re

import pytest

from transform.ingest import detect_format
from transform.model.walk import iter_sentences

from ._compare import load
from ._office import REALDOCS, notes, numbers, tables, text_of

INDH = {kind: REALDOCS / name for kind, name in {
    "pdf": "indh-cadrage-2025.pdf",
    "docx": "indh-cadrage-2025-docx.docx",
    "html": "indh-cadrage-2025-html.html",
    "md": "indh-cadrage-2025-md.md",
}.items()}
pytestmark = pytest.mark.skipif(not all(p.exists() for p in INDH.values()), reason=f"the real-document corpus is not in {REALDOCS}")
MARKUP = re.compile(r"\*\*|\\[\[\]*_#\-]|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?>|[{}]|@font-face|font-family|Mso\w+|/\*|\*/|<!--|-->")


def test_indh_budget_note_same_numbers_in_four_formats() -> None:
    readings = {kind: load(path) for kind, path in INDH.items()}
    ref = numbers(readings["docx"])
    assert {"62.350", "60.100", "29/04/2024"} <= ref  # the footnote's numbers are there
    for kind in ("pdf", "html", "md"):
        got = numbers(readings[kind])
        assert got == ref, (kind, sorted(ref - got), sorted(got - ref))
    for kind in ("docx", "html", "md"):
        (note,) = notes(readings[kind])
        assert text_of(note).startswith("[1] Dont 9 MDH correspondant aux suppléments consécutifs à la hausse du SMIG de 5%")


def test_indh_markdown_export_is_markdown_and_clean() -> None:
    assert detect_format(INDH["md"]) == "markdown"
    doc = load(INDH["md"])
    assert [loc.sentence.text for loc in iter_sentences(doc) if MARKUP.search(loc.sentence.text)] == []


def test_indh_word_html_table_has_its_header_row() -> None:
    (table,) = tables(load(INDH["html"]))
    assert [c.header for c in table.rows[0]] == [True] * 4
    assert not any(c.header for row in table.rows[1:] for c in row)


def test_form_with_three_footnotes() -> None:
    path = REALDOCS / "fr-justificatif-deplacement-2020.docx"
    found = [text_of(n) for n in notes(load(path))]
    assert [t[:3] for t in found if t.startswith("[")] == ["[1]", "[2]", "[3]"]
    assert len(found) == 7  # note 1 holds an introduction, two items and two paragraphs: kept apart


def test_odt_spaces_between_styled_spans() -> None:
    from transform.model.walk import iter_sentences as sentences

    texts = [loc.sentence.text for loc in sentences(load(REALDOCS / "rgaa-declaration-exemple.odt"))]
    assert "Ce document est placé sous licence ouverte 2.0 ou ultérieure." in texts
