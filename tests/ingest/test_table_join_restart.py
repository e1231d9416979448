"""A table cut by a page break is joined; a table that starts over on the next page is not.

The Sfax recruitment notice (tests/realdocs, tn-sfax-ar-balagh-2022) prints one ruled table per
page, each closed on its page with its header row and its spanning cells (the general
conditions, the dates) printed again in full: two tables, not one. A tariff table continued
on the next page, whose labels repeat inside the table, stays one table.
"""

from __future__ import annotations

from transform.ingest.pdf_table_join import join_continued_tables
from transform.model import Cell, Paragraph, Sentence, Table

HEAD = ["العدد", "الصنف", "الخطط", "الشروط العامة"]
GENERAL = ("على المترشح أن يكون : * تونسي الجنسية. * متمتعا بحقوقه المدنية وحسن السيرة. "
           "* سنه لا يقل عن 18 عاما ولا يتعدى 40 سنة")


def _cell(text: str, header: bool = False, rowspan: int = 1) -> Cell:
    return Cell(sentences=[Sentence(id=f"s{abs(hash(text)) % 10**8}", text=text)], header=header, rowspan=rowspan)


def _table(page: int, rows: list[list[str]], head: list[str] | None = None, span: int = 1) -> Table:
    """``span``: the first body row's last cell spans that many rows."""
    cells = [[_cell(t, header=True) for t in head]] if head else []
    cells += [[_cell(t, rowspan=span if (r == 0 and k == len(row) - 1) else 1) for k, t in enumerate(row)]
              for r, row in enumerate(rows)]
    return Table(id=f"t{page}", page=page, rows=cells)


def _shape(blocks) -> list[int]:
    return [len(b.rows) for b in blocks if isinstance(b, Table)]


def test_a_table_that_prints_its_spanning_cell_again_starts_over() -> None:
    p1 = _table(1, [["04", "4", "ساعي صفقات", GENERAL], ["04", "4", "سائق سيارة خفيفة", ""]], HEAD, span=2)
    # OCR read the repeated header and the repeated cell a little differently on page 2
    p2_head = ["العدد", "الضئف", "الخطط", "الشروط العامة"]
    p2 = _table(2, [["06", "5", "سائق في الوزن الثقيل", GENERAL.replace("تونسي", "توسي")],
                    ["03", "5", "كهربائي سيارات", ""]], p2_head, span=2)
    assert _shape(join_continued_tables([p1, Paragraph(id="n", page=1, sentences=[Sentence(id="x", text="1")]), p2])) == [3, 3]


def test_a_table_cut_by_the_page_break_is_joined() -> None:
    head = ["Prestation", "Unité", "Tarifs 2014"]
    p1 = _table(13, [["Location de plateau éducation physique et sportive", "heure", "12,50 €"],
                     ["Location de court de tennis", "heure", "6,10 €"]], head)
    # the continuation repeats a long label inside the table, with no header row of its own
    p2 = _table(14, [["Location de plateau éducation physique et sportive", "heure", "20,00 €"],
                     ["Autres usagers", "Unité", "Tarifs 2014"]])
    joined = join_continued_tables([p1, p2])
    assert _shape(joined) == [5]
    # with its header printed again (same text), the continuation is still joined, header dropped
    p3 = _table(14, [["Location de salle de réunion pour une demi-journée", "demi-journée", "40,00 €"]], head)
    assert _shape(join_continued_tables([_table(13, [["Location de salle polyvalente du quartier", "jour", "90 €"]], head), p3])) == [3]


def test_a_spanning_cell_read_with_heavy_ocr_noise_still_starts_over() -> None:
    noisy = ("ser LUS على المترشج أن يكون:: • تونسي الجنسية. Latin nee وحسن السيزة. ا • سنه لا يقل عن 18 "
             "ps عاما ولا يتعدى 40 سنة ےا ہے اا")
    p1 = _table(2, [["06", "5", "سائق في الوزن الثقيل", GENERAL]], HEAD, span=3)
    p2 = _table(3, [["08", "7", "عامل فلاحي", noisy]], ["العدد", "cal", "01 الخطط", "الشروط العامّة"], span=3)
    assert _shape(join_continued_tables([p1, p2])) == [2, 2]
    # the same noisy page without its header row printed again is a continuation
    p3 = _table(3, [["08", "7", "عامل فلاحي", noisy]])
    assert _shape(join_continued_tables([_table(2, [["06", "5", "سائق في الوزن الثقيل", GENERAL]], HEAD, span=3), p3])) == [3]


def test_a_formula_repeated_on_every_row_of_a_continued_table_joins() -> None:
    """Algeria's special accounts: each row's 'content' cell repeats one formula; the header row
    is printed again on each page. One table, not one per page."""
    head = ["N° Compte", "Intitulé", "Contenu", "Solde Au 31/12/2023"]
    formula = "Ce compte est ouvert par les dispositions de l'article {} de la loi de finances pour l'année"
    p1 = _table(10, [["302 020/000", "Caisse de solidarité", formula.format(111), "376 944 433 056"]], head)
    p2 = _table(11, [["302 078/000", "Fonds de revenus complémentaires", formula.format(155), "7 268 678 478"]], head)
    assert _shape(join_continued_tables([p1, p2])) == [3]
