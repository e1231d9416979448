"""Markdown exported by Word or converters is detected as Markdown and no markup reaches the text.

Such files start with the style sheet (in a ``<style>`` block, in an HTML comment, or as bare
CSS text whose asterisks a converter escaped), use ``**`` for bold, escape brackets (``\\[1\\]``)
and carry HTML fragments (spans, divs, whole tables).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import detect_format
from transform.ingest.text import TextIngester
from transform.model import Document
from transform.model.walk import iter_sentences
from transform.options import TransformOptions

from ._compare import SAMPLES, load
from ._office import grid, notes, tables, text_of

MARKUP = re.compile(r"\*\*|\\[\[\]*_#\-]|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?>|[{}]|@font-face|font-family|Mso\w+|/\*|\*/|<!--|-->|^#+\s|\|")
EXPORT = SAMPLES / "note-budget-2027.export.md"

WORD_CSS = """/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:"Traditional Arabic";
	panose-1:2 2 6 3 5 4 5 2 3 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin-top:0cm;
	margin-bottom:8.0pt;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
@page WordSection1
	{size:595.3pt 841.9pt;
	margin:70.85pt 70.85pt 70.85pt 70.85pt;}
@media print
	{p.MsoNormal {margin:0cm;}}
div.WordSection1
	{page:WordSection1;}
""" * 8  # Word writes several kilobytes of it: more than the old 4 KB sniffing window

BODY = """**Royaume du Maroc**

**Région Béni Mellal-Khénifra**

# Compte rendu de la session du 5 octobre 2026

Le Conseil a examiné le projet de budget **2027** \\[1\\] et l'a adopté par 41 voix.

<div align="center"><span style="color:red">Séance levée à 13 h 30.</span></div>

<table>
<tr><td><b>Rubrique</b></td><td><b>Montant (DH)</b></td></tr>
<tr><td>Fonctionnement</td><td>290 000 000</td></tr>
<tr><td>Équipement</td><td>1 028 400 000</td></tr>
</table>

\\- Décision n° 27/2026 ;

\\- Décision n° 28/2026.
"""

PREFIXES = {
    "style block": "<style>\n<!--\n" + WORD_CSS + "-->\n</style>\n\n",
    "css in a comment": "<!-- " + " ".join(WORD_CSS.split()) + " -->\n\n",
    "escaped css in a comment": "  <!-- " + " ".join(WORD_CSS.split()).replace("*", "\\*") + " -->\n\n",
    "bare css": WORD_CSS + "\n",
    "xml declaration and comment": '<?xml version="1.0" encoding="utf-8"?>\n<!-- exported -->\n',
}


def _markup(doc: Document) -> list[str]:
    return [loc.sentence.text for loc in iter_sentences(doc) if MARKUP.search(loc.sentence.text)]


@pytest.mark.parametrize("prefix", sorted(PREFIXES))
def test_word_markdown_is_markdown_and_clean(prefix: str, tmp_path: Path) -> None:
    path = tmp_path / "export.md"
    path.write_text(PREFIXES[prefix] + BODY, encoding="utf-8")
    assert detect_format(path) == "markdown"
    doc = load(path)
    assert _markup(doc) == []
    texts = [loc.sentence.text for loc in iter_sentences(doc)]
    assert texts[:2] == ["Royaume du Maroc", "Région Béni Mellal-Khénifra"]
    assert "Compte rendu de la session du 5 octobre 2026" in texts
    assert "Le Conseil a examiné le projet de budget 2027 [1] et l'a adopté par 41 voix." in [t.replace("’", "'") for t in texts]
    assert "Séance levée à 13 h 30." in texts
    assert "- Décision n° 27/2026 ;" in texts
    (table,) = tables(doc)  # the HTML table keeps its rows, cells and bold header row
    assert grid(table) == [
        [("Rubrique", True, 1, 1), ("Montant (DH)", True, 1, 1)],
        [("Fonctionnement", False, 1, 1), ("290 000 000", False, 1, 1)],
        [("Équipement", False, 1, 1), ("1 028 400 000", False, 1, 1)],
    ]


def test_the_markup_measure_catches_raw_markdown(tmp_path: Path) -> None:
    """The same file read as plain text (what happened before) fails the measure."""
    path = tmp_path / "export.md"
    path.write_text(PREFIXES["css in a comment"] + BODY, encoding="utf-8")
    ctx = RunContext(options=TransformOptions(), out_dir=tmp_path, stem="export", source=path)
    from transform.structure import build_structure

    raw = build_structure(TextIngester().ingest(path, ctx))
    found = " ".join(_markup(raw))
    for piece in ("font-family", "**", "\\[1\\]", "<table>", "<div"):
        assert piece in found


def test_sample_export_reads_like_its_source() -> None:
    """The sample's Word-style export (style sheet comment, **, \\[1\\], HTML fragments) reads clean,
    with the same notes as the Markdown source."""
    assert detect_format(EXPORT) == "markdown"
    head = EXPORT.read_text(encoding="utf-8")[:3000]
    assert head.startswith("<!-- /\\* Style Definitions \\*/") and "**" in EXPORT.read_text(encoding="utf-8") and "\\[1\\]" in EXPORT.read_text(encoding="utf-8")
    doc = load(EXPORT)
    assert _markup(doc) == []
    src = load(SAMPLES / "src" / "note-budget-2027.md")
    assert [text_of(n) for n in notes(doc)] == [text_of(n) for n in notes(src)]
    assert len(notes(doc)) == 6


def test_html_with_markdown_look_stays_html(tmp_path: Path) -> None:
    """A real HTML page is not taken for Markdown because its text has a `#` or a `-` line."""
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html><body><h1>Budget</h1>\n<p>- tiret</p>\n<p># 1</p></body></html>", encoding="utf-8")
    assert detect_format(path) == "html"
    frag = tmp_path / "fragment.html"
    frag.write_text("<p>Un paragraphe.</p>\n<p>Deux <b>paragraphes</b>.</p>\n", encoding="utf-8")
    assert detect_format(frag) == "html"
