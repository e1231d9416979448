"""A table's totals are checked against the amounts they sum (issue 17, ``transform/ingest/table_sums.py``): a
well-formed wrong amount (``7 250,00`` read for ``1 250,00``) puts the total and the cells it sums in doubt, on
every path; correct tables, percentages, rates and nested budget lines are not doubted; the review page says
what does not add up. The budget tables here are our own, written in the style of a commune's budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import ingest
from transform.ingest.table_sums import SUMS, check_rows, mark_table, parse_amount
from transform.model import Cell, Document, DocumentMeta, Section, Sentence, Table
from transform.ocr.cell_doubt import cells_note
from transform.options import TransformOptions

HEAD = ["Chapitre", "Budget primitif 2026", "Réalisé 2025"]
BUDGET = [HEAD,
          ["011 Charges à caractère général", "1 250 400,00", "1 198 322,15"],
          ["012 Charges de personnel", "2 480 000,00", "2 391 870,40"],
          ["65 Autres charges de gestion courante", "318 950,00", "301 044,62"],
          ["66 Charges financières", "42 300,00", "44 915,08"],
          ["TOTAL DÉPENSES DE FONCTIONNEMENT", "4 091 650,00", "3 936 152,25"]]


def _misread(rows: list[list[str]], r: int, c: int, text: str) -> list[list[str]]:
    out = [list(row) for row in rows]
    out[r][c] = text
    return out


def _table(rows: list[list[str]], heads: int = 1) -> Table:
    return Table(rows=[[Cell(sentences=[Sentence(id="", text=t, notes={})] if t else [], header=r < heads) for t in row]
                       for r, row in enumerate(rows)])


def _flagged(table: Table) -> list[tuple[int, int, str]]:
    return [(r, c, " ".join(s.text for s in cell.sentences)) for r, row in enumerate(table.rows) for c, cell in enumerate(row)
            if cell.doubt == SUMS]


def test_amounts_in_their_printed_forms() -> None:
    cases = {"1 234,56": "1234.56", "1.234,56": "1234.56", "21 928,38€": "21928.38", "(1 250,00)": "-1250.00",
             "-694,17": "-694.17", "− 12": "-12", "٣٤٥٫٥": "345.5", "1\u202f250\u00a0000": "1250000", "12 500 DH": "12500"}
    for text, value in cases.items():
        got = parse_amount(text)
        assert not isinstance(got, str) and got is not None and str(got.value) == value, (text, got)
    assert parse_amount("1,234.56", ".").value == parse_amount("1 234,56").value  # type: ignore[union-attr]
    assert parse_amount("") == parse_amount("—") == "blank" and parse_amount("12,5 %") == "percent"
    for text in ("1.2.1.1.0.01.000", "12/03/2024", "2023-2024", "Total", "27 928/382"):
        assert parse_amount(text) is None, text


def test_a_wrong_amount_puts_its_column_in_doubt_at_the_right_cells() -> None:
    table = _table(_misread(BUDGET, 1, 1, "7 250 400,00"))  # a 1 read as a 7: written like every amount
    assert mark_table(table) == 5 and table.doubt == SUMS
    assert _flagged(table) == [(1, 1, "7 250 400,00"), (2, 1, "2 480 000,00"), (3, 1, "318 950,00"), (4, 1, "42 300,00"),
                               (5, 1, "4 091 650,00")]  # the total and the cells it sums; the other column adds up
    assert table.rows[5][1].note == "the column does not add up: total printed 4 091 650,00, cells add up to 10 091 650,00"
    assert " ".join(s.text for s in table.rows[1][1].sentences) == "7 250 400,00"  # no number changes
    note = cells_note(table.rows)
    assert note.startswith("row 2, column 2: 7 250 400,00; ") and note.endswith("cells add up to 10 091 650,00)")


def test_a_correct_table_percentages_and_rates_are_not_doubted() -> None:
    assert not check_rows(BUDGET, header=[True] + [False] * 5)
    shares = [["Secteur", "Part 2025", "Part 2026"], ["Voirie", "38,5 %", "40,1 %"], ["Écoles", "41,0 %", "39,2 %"],
              ["Sport", "20,5 %", "20,7 %"], ["Total", "100,0 %", "99,0 %"]]
    assert not check_rows(shares, header=[True] + [False] * 4)  # percentages are never summed
    rates = [["Commune", "Taux 2025", "Taux 2026"], ["Nord", "12,40", "12,90"], ["Sud", "10,15", "10,15"],
             ["Ensemble", "11,30", "11,50"]]
    assert not check_rows(rates, header=[True] + [False] * 3)  # a rate's header: not a sum
    years = [["Programme", "Début", "Fin"], ["Stade", "2024", "2027"], ["École", "2025", "2026"], ["Total", "2030", "2031"]]
    assert not check_rows(years, header=[True] + [False] * 3)  # years are not amounts
    one = [["Article", "Montant"], ["6061 Fournitures", "1 200,00"], ["6063 Entretien", "800,00"], ["Total", "2 600,00"]]
    assert not check_rows(one, header=[True, False, False, False])  # one column, nothing shows the rule holds


def test_nested_lines_detail_lines_and_side_by_side_tables_are_read_as_built() -> None:
    nested = [["Compte", "Libellé", "Débit", "Crédit"],
              ["10222", "FCTVA", "", "1 300,00"], ["10226", "Taxe d'aménagement", "", "56,85"],
              ["", "Sous-total compte 1022", "", "1 356,85"],
              ["10251", "Dons et legs", "", "90,00"], ["", "Sous-total compte 1025", "", "90,00"],
              ["", "Sous-total compte 102", "", "1 446,85"],
              ["1068", "Excédents capitalisés", "40,00", "4 499,37"], ["", "Sous-total compte 106", "40,00", "4 499,37"],
              ["", "Sous-total compte 10", "40,00", "5 946,22"]]
    tally: dict[str, int] = {}
    assert not check_rows(nested, header=[True] + [False] * 9, tally=tally) and tally["agree"] == tally["checked"] == 3
    detail = [["Recettes", "2025", "2026"], ["Impôts locaux", "900,00", "950,00"], ["dont taxe foncière", "600,00", "640,00"],
              ["Dotations", "300,00", "310,00"], ["Total", "1 200,00", "1 260,00"]]
    assert not check_rows(detail, header=[True] + [False] * 4)  # a "dont" line details the line above
    sides = [["Dépenses", "Montant", "Recettes", "Montant"], ["011 Charges", "57 000,00€", "002 Excédent", "230 502,55€"],
             ["022 Imprévues", "10 000,00€", "70 Ventes", "35 000,00€"], ["TOTAL", "67 000,00€", "TOTAL", "265 502,55€"]]
    assert not check_rows(sides, header=[True] + [False] * 3)
    found = check_rows(_misread(sides, 2, 3, "85 000,00€"), header=[True] + [False] * 3)  # the left table adds up
    assert [(f.total, f.summed) for f in found] == [((3, 3), [(1, 3), (2, 3)])]


def test_total_columns_and_arabic_tables() -> None:
    ar = [["الجهة", "التسيير", "الاستثمار", "المجموع"], ["طنجة", "١٢٠٠", "٣٠٠", "١٥٠٠"], ["فاس", "٨٠٠", "٢٠٠", "١٠٠٠"],
          ["الرباط", "٩٥٠", "٥٠", "١٠٠٠"], ["المجموع", "٢٩٥٠", "٥٥٠", "٣٥٠٠"]]
    assert not check_rows(ar, header=[True] + [False] * 4)
    found = check_rows(_misread(ar, 2, 1, "٢٠٠"), header=[True] + [False] * 4)  # ٨٠٠ read ٢٠٠: its row and its column
    assert sorted((f.total, f.across) for f in found) == [((2, 3), True), ((4, 1), False)]
    assert {(2, 1)} <= set(next(f for f in found if f.across).summed)


def _write_html(path: Path, rows: list[list[str]]) -> Path:
    head = "".join(f"<th>{t}</th>" for t in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in rows[1:])
    path.write_text(f"<html><body><h1>Budget primitif 2026</h1><table><tr>{head}</tr>{body}</table></body></html>",
                    encoding="utf-8")
    return path


def _read(path: Path) -> Table:
    ctx = RunContext(options=TransformOptions(), out_dir=path.parent, stem=path.stem, source=path)
    doc = ingest(path, ctx)
    from transform.model.walk import iter_blocks

    return next(b for _s, b in iter_blocks(doc) if isinstance(b, Table))


def test_through_the_library_an_office_table_with_a_wrong_amount(tmp_path: Path) -> None:
    table = _read(_write_html(tmp_path / "budget.html", _misread(BUDGET, 2, 2, "2 891 870,40")))
    assert table.doubt == SUMS
    assert [(r, c) for r, c, _t in _flagged(table)] == [(1, 2), (2, 2), (3, 2), (4, 2), (5, 2)]
    sound = _read(_write_html(tmp_path / "sound.html", BUDGET))
    assert sound.doubt is None and not _flagged(sound)
    assert '"note":' not in sound.model_dump_json() and '"suggestion":' not in sound.model_dump_json()


def _doc(table: Table) -> Document:
    table.page = 3
    return Document(meta=DocumentMeta(source_name="budget.pdf", source_format="pdf", lang="fr"), sections=[Section(blocks=[table])])


def test_the_review_page_says_what_does_not_add_up() -> None:
    from service.web.review_view import work_list
    from transform.simplify.engine import simplify_document
    from transform.structure import number_and_detect

    table = _table(_misread(BUDGET, 1, 1, "7 250 400,00"))
    mark_table(table)
    table.rows[1][1].suggestion = "1 250 400,00"
    wl = work_list(simplify_document(number_and_detect(_doc(table))).document)
    seg = next(s for s in wl.segments if s.source == "7 250 400,00")
    assert "source" in seg.needs and (2, 2, "7 250 400,00") in seg.cells and (6, 2, "4 091 650,00") in seg.cells
    assert seg.cell_hints[(6, 2)] == ("4 091 650,00", "10 091 650,00", "")
    assert seg.cell_hints[(2, 2)] == ("4 091 650,00", "10 091 650,00", "1 250 400,00")


@pytest.mark.parametrize(("lang", "words"), [("fr", ("total imprimé 4 091 650,00, somme des cases 10 091 650,00", "autre lecture")),
                                             ("ar", ("المجموع المطبوع 4 091 650,00", "قراءة أخرى"))])
def test_the_review_template_shows_the_sum_and_the_second_reading(lang: str, words: tuple[str, str]) -> None:
    from types import SimpleNamespace

    from service.web.render import TEMPLATES, environment

    source = (Path(TEMPLATES) / "review.html").read_text(encoding="utf-8")
    start = source.index('{% if "source" in s.needs %}')
    why = source[start:source.index("{% endif %}", source.index("{% endfor %}", start)) + len("{% endif %}")]
    seg = SimpleNamespace(needs=["source"], doubt=SUMS, page=3, cells=[(2, 2, "7 250 400,00")],
                          cell_hints={(2, 2): ("4 091 650,00", "10 091 650,00", "1 250 400,00")})
    html = environment(lang).from_string(why).render(s=seg, lang=lang, source_pages=False, doc=None)
    assert all(w in html for w in words) and "1 250 400,00" in html, html


def test_no_truth_table_of_the_corpus_is_doubted() -> None:
    """Every table of the hand-checked truth (tests/realdocs/truth/) passes: zero false alarms, and the totals
    found there agree (77 of the 90 checked on 2026-12-07; the others are not trusted as sums)."""
    from transform.evaluation.truth import load_truth_dir

    root = Path(__file__).resolve().parents[1] / "realdocs" / "truth"
    tally: dict[str, int] = {}
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for page in load_truth_dir(folder):
            for tb in page.tables():
                found += [(folder.name, page.page, f.note) for f in check_rows(
                    [[c.text for c in row] for row in tb.rows], [[c.colspan for c in row] for row in tb.rows], None,
                    [bool(row) and all(c.header for c in row) for row in tb.rows], tally)]
    assert not found, found
    assert tally["agree"] >= 70 and tally["tables"] >= 30, tally
