"""The French text path's second speed pass (docs/benchmarks.md, "Twenty-third session: the French text path",
second pass): passes that cannot fire on a document are not run there, and still find what they found where they can.

Each test counts the work a pass does on an input it has nothing to find in, and fails on main at cea3985 (the OCR
title passes ran over a text layer's groups; the repeated header rows were looked for with one table; the kept
foreign layer's amounts were settled over every document's lines)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from transform.ingest import pdf_title_repeats, pdf_title_runs
from transform.ingest.base import TextLine
from transform.ingest.pdf_block_group import _Group
from transform.model import Cell, Heading, Sentence, Table

OCR_ONLY = ("_size_cues", "_ocr_title_run", "_title_rest", "_word_over_title", "_garbled_articles")


@dataclass
class _LayerLine(TextLine):
    baseline: float = 0.0  # a text layer's line carries its baseline (pdf_title_runs._ocr tells OCR'd lines by its absence)


def _group(kind: str, line: TextLine) -> _Group:
    return _Group(kind=kind, lines=[line], size=11.5, rtl=False, body=11.5, bold_level=2)


def _counted(monkeypatch: pytest.MonkeyPatch, module: object, names: tuple[str, ...]) -> list[str]:
    ran: list[str] = []
    for name in names:
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _n=name, _f=real: ran.append(_n) or _f(*a))
    return ran


def test_ocr_titles_runs_only_the_passes_a_text_layer_can_meet(monkeypatch: pytest.MonkeyPatch) -> None:
    """A judgment read from a text layer: its part ``Par ces motifs`` still becomes a heading, no OCR-only pass runs;
    the same lines read by OCR go through every pass."""
    ran = _counted(monkeypatch, pdf_title_runs, OCR_ONLY)
    part = _group("paragraph", _LayerLine(text="Par ces motifs", x0=100, top=300, x1=200, bottom=312, size=11.5, page=1))
    body = _group("paragraph", _LayerLine(text="Le tribunal statue publiquement.", x0=100, top=330, x1=400, bottom=342, size=11.5, page=1))
    groups = [part, body]
    out = pdf_title_runs.ocr_titles(groups)
    assert out == [part, body] and out is not groups
    assert ran == []  # main ran the five OCR-only passes over the layer's groups
    assert (part.kind, part.level) == ("heading", 2)
    ocr = _group("paragraph", TextLine(text="Par ces motifs", x0=100, top=300, x1=200, bottom=312, size=11.5, page=1))
    pdf_title_runs.ocr_titles([ocr])
    assert ran == list(OCR_ONLY) and ocr.kind == "heading"


def _cells(*texts: str, header: bool = False) -> list[Cell]:
    return [Cell(sentences=[Sentence(id="", text=t)], header=header) for t in texts]


def _part(page: int) -> Table:
    return Table(page=page, rows=[_cells("Article", "Réalisations", header=True), _cells("6061", "1 200,00")])


def test_repeated_heads_are_looked_for_only_under_a_table_of_the_page_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables on pages 1 and 3 (none goes on from the page before): nothing is read of them; pages 1 and 2 under the
    same title: the header row printed again is marked."""
    ran = _counted(monkeypatch, pdf_title_repeats, ("_heads",))
    title = Heading(page=1, sentences=[Sentence(id="", text="Vue détaillée D1")])
    apart = [title, _part(1), Heading(page=3, sentences=[Sentence(id="", text="Vue détaillée D1")]), _part(3)]
    assert pdf_title_repeats.mark_repeated_heads(apart) == 0
    assert ran == []  # main read the header rows of both tables
    again = [title, _part(1), Heading(page=2, sentences=[Sentence(id="", text="Vue détaillée D1")]), _part(2)]
    assert pdf_title_repeats.mark_repeated_heads(again) == 1
    assert [t.repeats_head for t in again if isinstance(t, Table)] == [0, 1]


LONG = ("Le conseil de la commune a examiné le budget de l'année et les projets de voirie, "
        "d'éclairage public et d'assainissement prévus dans les quartiers de la ville. ")


def test_a_document_without_an_earlier_ocr_layer_settles_no_amounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of visible text: foreign_vouch.vouch (a kept earlier OCR's amounts) is not run; the page reads as before."""
    from fpdf import FPDF

    from transform.context import RunContext
    from transform.ingest import ingest
    from transform.ocr import pages
    from transform.options import TransformOptions

    calls: list[int] = []
    real = pages.vouch
    monkeypatch.setattr(pages, "vouch", lambda out: calls.append(len(out)) or real(out))
    doc = FPDF()
    doc.set_font("helvetica", size=11)
    doc.add_page()
    doc.multi_cell(0, 6, LONG * 6 + "Montant voté : 1 200,00 euros.")
    path = tmp_path / "visible.pdf"
    doc.output(str(path))
    read = ingest(path, RunContext(options=TransformOptions(), out_dir=tmp_path, stem=path.stem, source=path))
    assert [r.method for r in read.meta.pages] == ["text"]
    words = " ".join(s.text for sec in read.sections for b in sec.blocks for s in getattr(b, "sentences", []))
    assert "Montant voté : 1 200,00 euros." in words
    assert calls == []  # main settled amounts over every document's lines


def test_stray_search_tests_piece_heights_as_before() -> None:
    """The per-piece height test now made in C picks the pieces the old loop did: a piece of an unknown height (NaN)
    or an integer size, a piece of no font size, a tall one-rectangle piece are all left; the stray is still found.
    (An equivalence check: it passes on main too.)"""
    from transform.ingest import pdf_strays

    class Calls:
        def origin_y(self, i: int) -> float:
            return 86.0 if i == 1 else 170.0

        def size_at(self, i: int) -> float:
            return 8.0 if i == 1 else 16.0

    rects = [(480.0, 178.0, 492.0, 162.0), (521.0, 91.0, 524.0, 86.0), (300.0, 178.0, 479.0, 162.0)]
    tall = ("-1abc def", 0, rects, 300.0, 178.0, 524.0, 86.0)
    note = ("- note text", 20, [(159.0, 91.0, 517.0, 81.0)], 159.0, 91.0, 517.0, 81.0)
    nan = ("x", 9, rects, 0.0, float("nan"), 1.0, 0.0)
    lone = ("9", 10, rects[:1], 0.0, 178.0, 1.0, 0.0)
    nosize = ("-1abc def", 11, rects, 300.0, 178.0, 524.0, 86.0)
    styles = [(12, b"", 0, 25, 0.0), (12.0, b"", 0, 25, 0.0), (1.0, b"", 0, 1, 0.0), (1.0, b"", 0, 1, 0.0), (0.0, b"", 0, 1, 0.0)]
    text = "-1abc def" + " " * 11 + "- note text"
    out, pieces, strays = pdf_strays.take_strays(Calls(), text, [tall, note, nan, lone, nosize], styles)  # type: ignore[arg-type]
    assert [(s.digits, s.home) for s in strays] == [("1", 20)]
    assert out[1] == " " and pieces[0][0] == "- abc def" and pieces[1:] == [note, nan, lone, nosize]
    with pytest.raises(ValueError):
        pdf_strays.take_strays(Calls(), text, [tall, note], styles[:1])  # type: ignore[arg-type]
