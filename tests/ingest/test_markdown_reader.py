"""Markdown is read by pandoc's CommonMark reader where the text reads the same there, else by
its ``markdown`` reader (issue 23: the ``markdown`` reader is several times slower).

"The same" is checked on the document model: every Markdown file of the repository gives the
same structure JSON whichever reader the scan picks, and the scan falls back for each construct
the two readers treat differently (shown on real pandoc runs, not assumed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transform.ingest import pandoc as pandoc_ingest
from transform.ingest.markup import FAST_MARKDOWN, markdown_reader
from transform.model import Document
from transform.model.walk import iter_sentences

from ._compare import ROOT, SAMPLES, load

REAL_PANDOC = pandoc_ingest._pandoc
FAST_FILES = sorted((SAMPLES / "src").glob("*.md")) + [ROOT / "tests" / "ingest" / "office" / "astral-source.md"]


def _every_markdown() -> list[Path]:
    found = []
    for top in ("samples", "tests"):
        found += [p for p in (ROOT / top).rglob("*.md") if ".venv" not in p.parts and "node_modules" not in p.parts]
    return sorted(found)


def _forced(reader: str | None, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every Markdown read use ``reader`` (None: what the scan picks); returns the readers the scan picked
    (the readers run when ``reader`` is None)."""
    used: list[str] = []

    def run(args: list[str], path: Path, **kw: object) -> bytes:
        args = list(args)
        used.append(args[1])
        if reader and args[0] == "-f" and (args[1] == "markdown" or args[1].startswith("commonmark")):
            args[1] = reader
        return REAL_PANDOC(args, path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pandoc_ingest, "_pandoc", run)
    return used


def _model(path: Path) -> str:
    doc = load(path).model_dump()
    doc["meta"].pop("source_sha256", None)
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


def _same_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The model read with the ``markdown`` reader equals the model read with the scan's pick;
    returns the reader the scan picked. When the scan picks ``markdown`` itself, the second reading would be
    the very same pandoc run: it is not made (78 of the 182 files; a fifth of the test's time)."""
    picked = _forced("markdown", monkeypatch)
    slow = _model(path)
    assert picked, f"{path}: not read by pandoc"
    if picked[-1] == "markdown":
        return "markdown"
    used = _forced(None, monkeypatch)
    fast = _model(path)
    assert fast == slow, f"{path}: the model differs between the readers"
    assert used == picked, f"{path}: the scan picked {picked}, then ran {used}"
    return used[-1]


@pytest.mark.parametrize("path", FAST_FILES, ids=lambda p: p.name)
def test_sources_take_the_fast_reader_with_the_same_model(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the samples' sources (divs with lang, pipe tables, footnotes, lists, bold) qualify
    assert _same_both_ways(path, monkeypatch) == FAST_MARKDOWN


@pytest.mark.slow
def test_every_markdown_file_gives_the_same_model(monkeypatch: pytest.MonkeyPatch) -> None:
    files = _every_markdown()
    assert len(files) >= 70  # samples, fixtures, the real-document corpus and its truth pages
    picked = [_same_both_ways(p, monkeypatch) for p in files]
    assert picked.count(FAST_MARKDOWN) >= 40  # the scan is not simply "always markdown"


PARAGRAPH_THEN_LIST = "# Ordre du jour\n\nLe conseil a examiné :\n- le budget 2027 ;\n- les subventions.\n"


def _texts(doc: Document) -> list[str]:
    return [loc.sentence.text for loc in iter_sentences(doc)]


def test_the_readers_really_differ_on_a_list_that_interrupts_a_paragraph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the measure can fail: forced onto the CommonMark reader this text becomes a list, while
    # pandoc's markdown reader (and so Taysir) keeps one paragraph
    src = tmp_path / "ordre.md"
    src.write_text(PARAGRAPH_THEN_LIST, encoding="utf-8")
    _forced(FAST_MARKDOWN, monkeypatch)
    forced = load(src)
    used = _forced(None, monkeypatch)
    ours = load(src)
    assert used == ["markdown"]
    assert any(b.kind == "list" for sec in forced.sections for sub in [sec, *sec.sections] for b in sub.blocks)
    assert not any(b.kind == "list" for sec in ours.sections for sub in [sec, *sec.sections] for b in sub.blocks)
    assert any("le budget 2027" in t and "examiné" in t for t in _texts(ours))


PANDOC_ONLY = {
    "list after a paragraph": PARAGRAPH_THEN_LIST,
    "grid table": "Texte.\n\n+-------+-------+\n| a     | b     |\n+=======+=======+\n| 1     | 2     |\n+-------+-------+\n",
    "simple table": "Texte.\n\n  Poste   Montant\n  ------- -------\n  A       12\n",
    "table caption": "| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: Budget\n",
    "definition list": "Budget\n:   ce que la Région prévoit de dépenser\n",
    "heading without blank line": "Un paragraphe\n# Titre\n",
    "nested list": "- a\n  - b\n",
    "fancy list": "a. premier\nb. second\n",
    "raw HTML": "Texte <span>en ligne</span>.\n",
    "dash typed as hyphens": "Période 2026--2027.\n",
    "math": "Le taux $x$.\n",
    "citation": "Voir @dupont2020.\n",
    "inline note": "Texte^[une note].\n",
    "image": "![logo](logo.png)\n",
    "pipe row without rule": "\n| Total | 100 |\n",
    "uneven pipe table": "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
    "title block": "% Titre\n% Auteur\n\nTexte.\n",
    "continuation line": "- un point\n  qui continue\n",
    "tab": "Texte\tavec tabulation.\n",
    "backslash before a letter": "C:\\dossier\n",
    "spaces aligning columns": "Poste      Montant\n",
    "bullet changes inside a list": "- un\n* deux\n",
    "number delimiter changes inside a list": "1. un\n2) deux\n",
    "text right after a comment": "# Titre\n\n<!-- note -->\nTexte.\n",
    "heading right after a comment": "Texte.\n\n<!-- note -->\n# Titre\n",
}


@pytest.mark.parametrize("name", sorted(PANDOC_ONLY))
def test_constructs_only_pandoc_markdown_reads_keep_its_reader(name: str) -> None:
    assert markdown_reader(PANDOC_ONLY[name]) == "markdown"


COMMON = {
    "headings and paragraphs": "# Titre\n\nUn paragraphe **gras** et *italique*.\n\n## Partie\n\nSuite.\n",
    "pipe table": "Texte.\n\n| Poste | Montant |\n|---|---:|\n| A | 12 |\n| B | 30 |\n\nSuite.\n",
    "footnote": "Texte.[^1]\n\n[^1]: La note.\n",
    "div with language": "::: {lang=ar dir=rtl}\n# عنوان\n\nنص.\n:::\n",
    "list after a blank line": "Points :\n\n- un\n- deux\n",
    "metadata block": "---\ntitle: Note   # a comment\n---\n\n# Titre\n\nTexte.\n",
    "comment block": "# Titre\n\nTexte.\n\n<!-- une remarque\n     sur deux lignes -->\n\nSuite **gras**.\n",
    "fenced code": "# Titre\n\nTexte.\n\n```\ncode  aligné\n```\n",
    "quotes and apostrophes": "# T\n\nLe \"budget\" et l'État « voté ».\n",
    "emphasis next to words and signs": "# T\n\nUn **gras**suivi, *it*alique, 5 * 3 * 2, **«x»** et __y__.\n",
    "links": "# T\n\nVoir [le site](https://region.ma) et [ref].\n\n[ref]: https://x.ma\n",
    "hard line breaks": "# T\n\nLigne un  \nligne deux\\\nligne trois.\n",
    "entities": "# T\n\nA &amp; B &nbsp;C &eacute;.\n",
    "setext headings and ellipsis": "Titre\n=====\n\nTexte.\n\nSous\n----\n\nSuite...\n",
    "lazy list continuation": "# T\n\n- un point\nqui continue\n- deux\n",
    "Arabic with quotes and bold": "::: {lang=ar dir=rtl}\n# عنوان\n\nنص \"مقتبس\" و**غامق**.\n:::\n",
}


@pytest.mark.parametrize("name", sorted(COMMON))
def test_plain_constructs_take_the_fast_reader(name: str) -> None:
    assert markdown_reader(COMMON[name]) == FAST_MARKDOWN


@pytest.mark.parametrize("name", sorted(COMMON))
def test_plain_constructs_read_the_same(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "doc.md"
    src.write_text(COMMON[name], encoding="utf-8")
    assert _same_both_ways(src, monkeypatch) == FAST_MARKDOWN
