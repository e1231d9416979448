"""Set 4's text-layer table faults, on small synthetic inputs: a part titled again with ``(suite)`` over a table
going on from the page before marks its repeated header row (ingest/pdf_title_repeats.py); a one-column ruled list
is a table of one item a row, a framed box of prose parted by rules stays text (ingest/pdf_table_lists.py); a table's
last row carried alone over a page break joins it (ingest/pdf_table_carried.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import ingest
from transform.ingest.pdf_title_repeats import mark_repeated_heads
from transform.model import Cell, Heading, Paragraph, Sentence, Table
from transform.options import TransformOptions

HEAD = ("N° Compte", "Intitulé", "Contenu", "Solde Au 31/12/2023")


def _cells(*texts: str, header: bool = False) -> list[Cell]:
    return [Cell(sentences=[Sentence(id="s", text=t)] if t else [], header=header) for t in texts]


def _heading(text: str, page: int) -> Heading:
    return Heading(sentences=[Sentence(id="s", text=text)], page=page, level=4)


def _para(text: str, page: int) -> Paragraph:
    return Paragraph(sentences=[Sentence(id="s", text=text)], page=page)


def _part(page: int, *firsts: str) -> Table:
    return Table(page=page, rows=[_cells(*HEAD, header=True)] + [_cells(f, "Fonds", "Ce compte est ouvert", "1 000") for f in firsts])


def _accounts(second: str) -> list[object]:
    return [_heading("I : Comptes de commerce", 9), _para("Unité : DA", 9), _part(9, "301 001/000"),
            _heading("II : Comptes d'affectation spéciale", 9), _para("Unité : DA", 9), _part(9, "302 001/000"),
            _heading(second, 10), _part(10, "302 042/000", "302 051/000")]


def test_a_title_printed_again_with_suite_marks_the_repeated_header_row() -> None:
    blocks = _accounts("II : Comptes d'affectation spéciale (suite)")
    assert mark_repeated_heads(blocks) == 1
    assert [b.repeats_head for b in blocks if isinstance(b, Table)] == [0, 0, 1]


def test_another_title_keeps_its_header_row() -> None:
    for second in ("III : Comptes de prêts (suite)", "III : Comptes de prêts", "I : Comptes de commerce (suite)"):
        blocks = _accounts(second)  # another part's title (or the part before's: not the title over the table above)
        assert mark_repeated_heads(blocks) == 0, second


ITEMS = ["2020-038 Subvention exceptionnelle pour l'association sportive", "2020-039 Désignation des membres de la CLECT",
         "2020-040 Désignation du représentant au comité de programmation", "2020-041 Conseil d'administration du collège",
         "2020-042 Cantine - tarifs pour la rentrée scolaire 2020-2021"]
PROSE = ("Le conseil municipal, après en avoir délibéré, approuve à l'unanimité la convention passée avec la "
         "communauté de communes pour l'entretien des chemins ruraux et autorise le maire à la signer. ")


def _ruled_page(path: Path) -> Path:
    """A4: a one-column ruled list (five items, one a row, a blank row at its foot, a double rule after the second
    item), a framed box of prose parted by rules (three paragraphs of three lines), and a ruled grid of names and
    blank signatures (rows side by side: the page's paths are read)."""
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.add_page()
    doc.set_font("helvetica", "", 11)
    doc.set_line_width(0.5)
    x0, x1, y = 45.0, 518.0, 80.0
    tops = [y + 15 * k for k in range(len(ITEMS) + 2)]
    for k, top in enumerate(tops):
        doc.line(x0, top, x1, top)
        if k == 2:
            doc.line(x0, top + 1.5, x1, top + 1.5)
    doc.line(x0, tops[0], x0, tops[-1])
    doc.line(x1, tops[0], x1, tops[-1])
    for k, text in enumerate(ITEMS):
        doc.text(x0 + 3, tops[k] + 11, text)
    y = 230.0
    bands = [y + 50 * k for k in range(4)]
    for top in bands:
        doc.line(x0, top, x1, top)
    doc.line(x0, bands[0], x0, bands[-1])
    doc.line(x1, bands[0], x1, bands[-1])
    for top in bands[:-1]:
        doc.set_xy(x0 + 3, top + 3)
        doc.multi_cell(x1 - x0 - 6, 13, PROSE)
    y = 450.0
    rows = [("Noms", "Signatures"), ("Jean DUPONT", ""), ("Marie MARTIN", ""), ("Henri ROBERT", "")]
    for k, (name, sign) in enumerate(rows):
        doc.text(x0 + 3, y + 30 * k + 18, name)
        doc.text(250, y + 30 * k + 18, sign)
    for k in range(len(rows) + 1):
        doc.line(x0, y + 30 * k, 475, y + 30 * k)
    for x in (x0, 240.0, 475.0):
        doc.line(x, y, x, y + 30 * len(rows))
    doc.output(str(path))
    return path


def blocks_of(path: Path) -> list[object]:
    """The blocks of a small PDF read from its text layer (no OCR)."""
    doc = ingest(path, RunContext(options=TransformOptions(ocr="never"), out_dir=path.parent, stem=path.stem, source=path))
    return [b for sec in doc.sections for b in sec.blocks]


@pytest.fixture(scope="module")
def ruled_blocks(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return blocks_of(_ruled_page(tmp_path_factory.mktemp("ruled") / "minutes.pdf"))


def _rows(table: Table) -> list[list[str]]:
    return [[" ".join(s.text for s in c.sentences) for c in row] for row in table.rows]


def test_a_one_column_ruled_list_is_a_table_of_one_item_a_row(ruled_blocks: list[object]) -> None:
    tables = [b for b in ruled_blocks if isinstance(b, Table)]
    assert [_rows(t) for t in tables][0] == [[t] for t in ITEMS], [_rows(t) for t in tables]
    assert not any(c.header for c in tables[0].rows[0])  # the first item is set as the others: no header


def test_a_framed_box_of_prose_stays_text(ruled_blocks: list[object]) -> None:
    tables = [b for b in ruled_blocks if isinstance(b, Table)]
    assert len(tables) == 2 and _rows(tables[1])[0] == ["Noms", "Signatures"], [_rows(t) for t in tables]
    paragraphs = [" ".join(s.text for s in b.sentences) for b in ruled_blocks if isinstance(b, Paragraph)]
    assert sum(1 for p in paragraphs if "chemins ruraux" in p) == 3, paragraphs


COLS = (45.0, 95.0, 300.0, 400.0, 518.0)
LAST = ("13.3", "Identité de l'employeur", "", "")


def _carried_pdf(path: Path, foot: float, cols: tuple[float, ...] = COLS) -> Path:
    """Two A4 pages: a ruled table of four columns (a header row, then items with blank cells) from y 80 to
    ``foot``, and on page 2 one ruled band at the head of the page carrying the last item (columns ``cols``)."""
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.set_font("helvetica", "", 10)
    doc.set_line_width(0.5)
    doc.add_page()
    tops = [80.0 + 20 * k for k in range(int((foot - 80.0) // 20) + 1)]
    for k, top in enumerate(tops[:-1]):
        texts = ("N°", "Objet", "Constat", "Suite") if k == 0 else (f"{k}.1", f"Point de contrôle {k}", "", "")
        for x, text in zip(COLS, texts, strict=False):
            doc.text(x + 3, top + 14, text)
    for top in tops:
        doc.line(COLS[0], top, COLS[-1], top)
    for x in COLS:
        doc.line(x, tops[0], x, tops[-1])
    doc.add_page()
    for x, text in zip(cols, LAST, strict=False):
        doc.text(x + 3, 94.0, text)
    for top in (80.0, 100.0):
        doc.line(cols[0], top, cols[-1], top)
    for x in cols:
        doc.line(x, 80.0, x, 100.0)
    doc.set_xy(45, 120)
    doc.multi_cell(470, 14, "Observations sur la visite : le présent procès-verbal est dressé en deux exemplaires.")
    doc.output(str(path))
    return path


def _read_tables(path: Path) -> tuple[list[Table], list[str]]:
    from transform.structure import build_structure

    doc = build_structure(ingest(path, RunContext(options=TransformOptions(ocr="never"), out_dir=path.parent, stem=path.stem, source=path)))
    blocks = [b for sec in doc.sections for b in sec.blocks]
    texts = [" ".join(s.text for s in b.sentences) for b in blocks if isinstance(b, Paragraph)]
    return [b for b in blocks if isinstance(b, Table)], texts


def test_a_tables_last_row_carried_over_the_page_break_joins_it(tmp_path: Path) -> None:
    tables, _ = _read_tables(_carried_pdf(tmp_path / "report.pdf", foot=780.0))
    assert len(tables) == 1, [_rows(t) for t in tables]
    assert _rows(tables[0])[-1] == list(LAST) and not any(c.header for c in tables[0].rows[-1])


@pytest.mark.parametrize(("foot", "cols"), [(400.0, COLS), (780.0, (45.0, 95.0, 300.0, 518.0))])
def test_a_band_under_no_table_going_on_stays_text(tmp_path: Path, foot: float, cols: tuple[float, ...]) -> None:
    tables, texts = _read_tables(_carried_pdf(tmp_path / "report.pdf", foot=foot, cols=cols))
    assert len(tables) == 1 and _rows(tables[0])[-1] != list(LAST), [_rows(t) for t in tables]  # ends short, or other columns
    assert any("Identité de l'employeur" in t for t in texts), texts


FORM = [("Explosifs", "Quantité autorisée"), ("Explosifs", "Quantité livrée"), ("Détonateurs", "Quantité autorisée"),
        ("Détonateurs", "Quantité livrée"), ("Mèche lente", "Quantité autorisée"), ("Mèche lente", "Quantité livrée")]


def _shaded_rules_pdf(path: Path) -> Path:
    """One A4 page written by hand: a form's grid of three columns whose column rules are thin paths drawn one
    piece a row and whose row rules are shading objects painted through a clip 0.4 pt thick (``sh``), as a
    gazette's form draws them; two labels a row, the third column blank to fill in."""
    xs, top, step, height = (60.0, 200.0, 340.0, 480.0), 100.0, 24.0, 842.0
    ys = [top + step * k for k in range(len(FORM) + 1)]
    ops = ["0 g 0 G 0.4 w"]
    for k, (a, b) in enumerate(FORM):
        y = height - (ys[k] + 16)
        ops += [f"BT /F1 10 Tf {xs[0] + 4} {y} Td ({a}) Tj ET", f"BT /F1 10 Tf {xs[1] + 4} {y} Td ({b}) Tj ET"]
        for x in xs:  # a column rule's piece between this row's two row rules
            ops.append(f"{x} {height - ys[k] - 0.4} m {x} {height - ys[k + 1]} l S")
    for y in ys:
        ops.append(f"q {xs[0]} {height - y - 0.4} {xs[-1] - xs[0]} 0.4 re W n /Sh0 sh Q")
    stream = "\n".join(ops).encode("latin-1")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /Shading << /Sh0 6 0 R >> >> >>",
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /ShadingType 2 /ColorSpace /DeviceGray /Coords [0 0 1 0] "
            b"/Function << /FunctionType 2 /Domain [0 1] /C0 [0] /C1 [0] /N 1 >> >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def test_row_rules_drawn_as_shadings_part_the_forms_rows(tmp_path: Path) -> None:
    tables, texts = _read_tables(_shaded_rules_pdf(tmp_path / "form.pdf"))
    assert len(tables) == 1, (texts, [_rows(t) for t in tables])
    assert [r[:2] for r in _rows(tables[0])] == [list(r) for r in FORM], _rows(tables[0])
