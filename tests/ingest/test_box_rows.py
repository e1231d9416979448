"""Rows of drawn boxes (a slide's chronology drawn as chevrons): each box's text is read whole, the boxes of a
row one after the other, rows top to bottom (pdf_boxes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import ingest
from transform.ingest.pdf_boxes import _rows, collapse_rows, expand_rows
from transform.ingest.pdf_layout import _read_columns
from transform.ingest.pdf_text import PdfLine
from transform.options import TransformOptions

ROWS = [
    [["03/02/2026 : Dépôt", "du projet de budget", "en mairie"],
     ["10/02/2026 : Avis", "de la commission", "des finances"],
     ["17/02/2026 : Vote", "du conseil", "municipal"]],
    [["24/02/2026 : Envoi", "au contrôle de légalité"],
     ["02/03/2026 : Affichage", "en mairie et en ligne"]],
]


def _chevrons(path: Path) -> Path:
    """A 16:9 slide: a title, then a row of three chevrons and, lower and set off to the right, a row of two; each
    chevron is a filled shape holding a bold date line and centred lines of text (as a presentation's process
    diagram is exported)."""
    from fpdf import FPDF

    doc = FPDF(orientation="L", unit="mm", format=(190, 338))
    doc.add_page()
    doc.set_font("helvetica", "", 16)
    doc.set_xy(15, 10)
    doc.cell(0, 10, "Le calendrier budgétaire")
    doc.set_fill_color(60, 110, 190)
    doc.set_text_color(255, 255, 255)
    for r, row in enumerate(ROWS):
        w, h, tip, y = 300 / len(row), 30, 12, 35 + 40 * r
        xs = [15 + 20 * r + k * (w - 8) for k in range(len(row))]
        for x in xs:  # the shapes first, then the texts (pdfium then reads the boxes' lines row by row)
            doc.polygon([(x, y), (x + w - tip, y), (x + w, y + h / 2), (x + w - tip, y + h), (x, y + h), (x + tip, y + h / 2)], style="F")
        for x, lines in zip(xs, row, strict=True):
            top = y + (h - 5 * len(lines)) / 2
            for k, text in enumerate(lines):
                doc.set_font("helvetica", "B" if k == 0 else "", 9)
                doc.set_xy(x + tip, top + 5 * k)
                doc.cell(w - 2 * tip, 5, text, align="C")
    doc.output(str(path))
    return path


@pytest.fixture(scope="module")
def chevron_texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = _chevrons(tmp_path_factory.mktemp("boxes") / "chevrons.pdf")
    doc = ingest(path, RunContext(options=TransformOptions(ocr="never"), out_dir=path.parent, stem=path.stem, source=path))
    return [" ".join(s.text for s in b.sentences) for b in doc.sections[0].blocks]


def test_each_chevron_is_one_paragraph_in_row_order(chevron_texts: list[str]) -> None:
    # the old reading put the second row's first box inside the first row ("... en mairie" / "24/02/2026 : Envoi
    # au contrôle de légalité 10/02/2026 : Avis ...")
    assert chevron_texts == ["Le calendrier budgétaire"] + [" ".join(box) for row in ROWS for box in row]


def _line(text: str, x0: float, top: float, x1: float, box: tuple[int, int] | None = None, rtl: bool = False) -> PdfLine:
    return PdfLine(text, x0, top, x1, top + 10, 10.0, False, 1, top + 8, rtl, box=box)


def test_a_right_to_left_row_is_read_from_its_right_hand_box() -> None:
    lines = [_line("عنوان الصفحة", 300, 20, 500, rtl=True),
             _line("الخطوة الأولى", 330, 60, 480, (0, 1), True), _line("الخطوة الثانية", 100, 60, 250, (0, 0), True),
             _line("إيداع المشروع", 340, 72, 470, (0, 1), True), _line("دراسة اللجنة", 110, 72, 240, (0, 0), True)]
    rows = collapse_rows(lines)
    assert rows is not None
    order, edges = _read_columns(rows[0])
    out, out_edges = expand_rows(order, edges, rows[1], _read_columns)
    assert [ln.text for ln in out] == ["عنوان الصفحة", "الخطوة الأولى", "إيداع المشروع", "الخطوة الثانية", "دراسة اللجنة"]
    assert out_edges[1].column == out_edges[2].column != out_edges[3].column == out_edges[4].column


def test_level_shapes_far_apart_make_no_row() -> None:
    # two callouts of a spread's halves that happen to be level (within a point), 90 points apart
    assert _rows([(317.0, 92.0, 524.0, 130.0), (616.0, 90.5, 816.0, 128.5)], 1190.0, 842.0) == []
    # chevrons: each one's point enters the next one's notch
    row = [(44.5, 99.4, 202.8, 162.7), (187.0, 99.4, 345.4, 162.7), (329.5, 99.4, 487.9, 162.7)]
    assert _rows(row, 960.0, 540.0) == [row]


def test_blocks_are_cut_between_boxes_and_joined_inside_one() -> None:
    from transform.ingest.pdf_block_group import _Group
    from transform.ingest.pdf_boxes import split_at_boxes

    first = [_line("19/12/2025 : Echec de la", 110, 100, 290, (0, 0)), _line("Commission", 150, 112, 250, (0, 0))]
    second = [_line("26/12/2025 : Promulgation", 400, 100, 560, (0, 1)), _line("de la loi spéciale", 420, 112, 540, (0, 1))]
    groups = [_Group(kind="paragraph", lines=[first[0]]), _Group(kind="paragraph", lines=[first[1], second[0]]),
              _Group(kind="paragraph", lines=[second[1]])]
    out = split_at_boxes(groups)
    assert [" ".join(ln.text for ln in g.lines) for g in out] == [
        "19/12/2025 : Echec de la Commission", "26/12/2025 : Promulgation de la loi spéciale"]
    # the same box number on the next page is another box
    other = _line("de la loi spéciale", 420, 20, 540, (0, 1))
    other.page = 2
    out = split_at_boxes([_Group(kind="paragraph", lines=[second[0]]), _Group(kind="paragraph", lines=[other])])
    assert len(out) == 2
