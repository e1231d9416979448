"""Characters outside the Basic Multilingual Plane (emoji, mathematical letters, rare CJK) go
through every input and every output: no traceback, no empty file, the characters kept.

The PDF (tests/ingest/office/astral.pdf, made by LibreOffice from astral-source.md) is the input
that broke: pdfium gives such a character as two UTF-16 halves, and ``taysir inspect --json``
ended in ``surrogates not allowed`` while ``convert`` left 0-byte files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transform.ingest.unicode import display_name, fix_surrogates, repair_document
from transform.model import Cell, Document, DocumentMeta, ListBlock, ListItem, Paragraph, Section, Sentence, Table
from transform.model.walk import iter_sentences

from ._compare import load
from ._office import OFFICE, pandoc_convert

SOURCE = OFFICE / "astral-source.md"
ASTRAL = {"🌍", "👍", "𝟏", "𝐀", "𝔸", "𝒳", "𠀋", "😀"}


def test_surrogates_joined_or_replaced() -> None:
    rocket = "\ud83d\ude80"  # U+1F680 as two UTF-16 halves
    assert fix_surrogates("Budget " + rocket) == "Budget 🚀"
    assert fix_surrogates("\ude80\ud83d") == "🚀"  # halves put the wrong way round by right-to-left reordering
    assert fix_surrogates("a\ud83d b") == "a\ufffd b"
    assert fix_surrogates("تمام") == "تمام"
    doc = Document(meta=DocumentMeta(title="Titre " + rocket), sections=[Section(blocks=[
        Paragraph(sentences=[Sentence(id="", text="x " + rocket, notes={"k": rocket})]),
        ListBlock(items=[ListItem(sentences=[Sentence(id="", text=rocket)], children=[ListItem(sentences=[Sentence(id="", text="\udc00")])])]),
        Table(rows=[[Cell(sentences=[Sentence(id="", text="\U0001d400".encode("utf-16-le").decode("utf-16-le", "surrogatepass"))])]]),
    ])])
    repair_document(doc)
    dumped = doc.model_dump_json()  # raised "surrogates not allowed" before
    assert "🚀" in json.loads(dumped)["meta"]["title"]
    texts = [loc.sentence.text for loc in iter_sentences(doc)]
    assert texts == ["x 🚀", "🚀", "\ufffd", "𝐀"]


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/d\xe9lib\xe9ration 2026.md"
    path = Path(os.fsdecode(raw))
    path.write_bytes(b"# Budget\n\nTexte.\n")
    assert display_name(path) == "délibération 2026.md"
    doc = load(path)
    assert doc.meta.source_name == "délibération 2026.md"
    doc.model_dump_json()


def test_inspect_json_of_the_pdf_that_broke() -> None:
    proc = subprocess.run([sys.executable, "-m", "transform", "inspect", "--json", str(OFFICE / "astral.pdf")],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")[-1500:]
    doc = Document.model_validate_json(proc.stdout)
    text = " ".join(loc.sentence.text for loc in iter_sentences(doc))
    # every character arrives (their place in the line is the PDF reader's business, see docs/ingest.md)
    assert ASTRAL <= set(text) and "\ufffd" not in text


@pytest.mark.parametrize("kind", ["md", "docx", "odt", "html", "txt"])
def test_every_office_input_keeps_the_characters(kind: str, tmp_path: Path) -> None:
    if kind == "md":
        path = SOURCE
    elif kind == "txt":
        path = pandoc_convert(SOURCE, tmp_path / "a.txt", "-t", "plain")
    else:
        path = pandoc_convert(SOURCE, tmp_path / f"a.{kind}", *(["--standalone"] if kind == "html" else []))
    doc = load(path)
    texts = [loc.sentence.text for loc in iter_sentences(doc)]
    joined = " ".join(texts)
    assert ASTRAL <= set(joined)
    assert "Les habitants ont proposé 148 projets 👍 ; le jury en a retenu 𝟏𝟐 pour 2 400 000 dirhams." in [" ".join(t.split()) for t in texts]
    doc.model_dump_json()


@pytest.mark.slow
def test_every_output_from_the_pdf(tmp_path: Path) -> None:
    """All outputs but video (its own engineer's slow test): nothing empty, no traceback; braille,
    whose tables have no cells for emoji, writes a transcriber's note and a warning naming them."""
    outputs = "json,text,html,epub,docx,braille,darija,easy-french,audio,captions,bundle"
    proc = subprocess.run([sys.executable, "-m", "transform", "convert", str(OFFICE / "astral.pdf"), "-o", str(tmp_path / "out"),
                           "--outputs", outputs, "--json"], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    (row,) = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.startswith("{")]
    assert row["status"] == "success", row
    braille = [e for e in row["errors"] if e["stage"] == "render.braille"]
    assert any("🌍" in e["message"] and "transcriber's note" in e["message"] for e in braille), braille
    assert all(e["severity"] == "warning" for e in row["errors"]), row["errors"]
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert len(files) > 20
    assert [p.name for p in files if p.stat().st_size == 0] == []
    text = (tmp_path / "out" / "astral" / "astral.fr.txt").read_text(encoding="utf-8")
    html = (tmp_path / "out" / "astral" / "astral.fr.html").read_text(encoding="utf-8")
    for ch in ("🌍", "👍", "𝐀", "𠀋"):
        assert ch in text and ch in html


def test_inspect_on_a_console_that_is_not_utf8() -> None:
    """A Latin-1 console: the outline replaces what it cannot show, the JSON stays UTF-8."""
    env = dict(os.environ, PYTHONIOENCODING="latin-1")
    for args in (["inspect"], ["inspect", "--json"]):
        proc = subprocess.run([sys.executable, "-m", "transform", *args, str(SOURCE)], capture_output=True, timeout=120, env=env)
        assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr.decode("latin-1")[-800:]
    doc = Document.model_validate_json(proc.stdout.decode("utf-8"))
    assert doc.meta.title == "Budget participatif 2026 🌍"
