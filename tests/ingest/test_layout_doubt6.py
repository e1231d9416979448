"""Layout doubt, sixth round: a table whose body rows hold values over two columns (transform/ingest/doubt_table_span.py,
code ``layout_table_span``), and the layout trust measure reporting its pair of figures (a reading that puts every
table and heading in doubt catches every wrong one and flags every right one). Synthetic blocks shaped as the
corpus's pages: BO 7259 p. 18's sugar-tax table, whose header cuts two dates where the body has one value."""

from __future__ import annotations

from service.web import words
from service.web.i18n import translations
from transform.evaluation import parse_truth_page
from transform.evaluation.layout_trust import layout_totals, layout_units
from transform.ingest.layout_doubt import CODES, TABLE_SPAN, mark_layout, table_doubt
from transform.model import Cell, Document, DocumentMeta, Heading, Paragraph, Section, Sentence, Table

from .test_layout_doubt import TRUTH  # the same truth page: a table, a heading, a total line


def _c(text: str, span: int = 1, header: bool = False, rowspan: int = 1) -> Cell:
    return Cell(sentences=[Sentence(id="c", text=text)], colspan=span, rowspan=rowspan, header=header)


def _sugar_table(spread: bool) -> Table:
    """Header: product, then two dates under the added sugar; body: a group row, then rows of values. ``spread``: the
    grid has a column the body never fills alone, so each body row holds its first value over two columns."""
    head = [[_c("بيان المنتجات", header=True), _c("السكر المضاف", span=3 if spread else 2, header=True), _c("الوحدة", header=True)],
            [_c("", header=True), _c("فاتح يناير 2024", header=True), _c("فاتح يناير 2025", span=2 if spread else 1, header=True),
             _c("", header=True)]]  # fmt: skip
    body = [[_c("1 - بسكويت ومنتجات الحلويات"), _c("", span=4 if spread else 3)]]
    for name, a, b in (("منتجات الحلويات", "41", "39"), ("مصنوعات سكرية صلبة", "64", "61"), ("شوكولاتة", "47", "46"),
                       ("عجينة الدهن", "58", "56")):  # fmt: skip
        body.append([_c(name), _c(f"نسبة تفوق {a}", span=2 if spread else 1), _c(f"نسبة تفوق {b}"), _c("100 كلغ")])
    return Table(page=18, rows=head + body)


def test_a_table_whose_body_rows_hold_values_over_two_columns_is_in_doubt() -> None:
    assert table_doubt(_sugar_table(spread=True), ocr=False) == TABLE_SPAN
    assert table_doubt(_sugar_table(spread=False), ocr=False) is None  # the same table on its own columns


def test_group_titles_and_a_rare_merged_value_put_no_table_in_doubt() -> None:
    rows = [[_c("Chapitre", header=True), _c("Libellé", header=True), _c("BP 2024", header=True), _c("BP 2025", header=True)]]
    for k in range(6):
        rows.append([_c(f"Section {k}", span=4)])  # a group's title alone in its row, over every column
        rows.append([_c(f"6{k}"), _c("Charges à caractère général"), _c("1 200,00"), _c("1 350,00")])
    rows.append([_c("65"), _c("Subventions"), _c("non voté", span=2)])  # one merged value among six rows
    assert table_doubt(Table(page=1, rows=rows), ocr=False) is None
    two = Table(page=1, rows=[[_c("a"), _c("b", span=2)], [_c("c"), _c("d", span=2)]])  # too few rows to tell
    assert table_doubt(two, ocr=False) is None


def test_labels_over_a_sub_label_column_that_some_body_rows_cut_put_no_table_in_doubt() -> None:
    """Cabestany's CFU p. 16: most labels spread over two columns because two taxes' rows cut them (SP, Gazole)."""
    rows = [[_c("Libellés", span=2, header=True), _c("Taux", header=True), _c("Produit N", header=True)],
            [_c("TICPE (part définie à l'art. 265)", rowspan=2), _c("SP"), _c("0,00"), _c("0,00")],
            [_c("Gazole"), _c("0,00"), _c("0,00")]]  # fmt: skip
    for name in ("Taxe sur les permis de conduire", "Taxe d'aménagement", "TFPB", "TFPNB", "CFE"):
        rows.append([_c(name, span=2), _c("41,76"), _c("0,00")])
    assert table_doubt(Table(page=16, rows=rows), ocr=False) is None
    rows[1:3] = []  # without the rows that cut the label column, the labels' second column is one the body lacks
    assert table_doubt(Table(page=16, rows=rows), ocr=False) == TABLE_SPAN


def test_the_pass_puts_the_span_doubt_on_the_table_and_the_review_page_has_words_for_it() -> None:
    t = _sugar_table(spread=True)
    put = mark_layout([Heading(page=18, level=6, sentences=[Sentence(id="h", text="«ض) الضرائب الداخلية على الاستهلاك")]), t])
    assert put[TABLE_SPAN] == 1 and t.doubt == TABLE_SPAN
    assert TABLE_SPAN in CODES
    text = words.DOUBTS.get(TABLE_SPAN)
    assert text and text != words.DOUBT_OTHER
    assert any("\u0600" <= ch <= "\u06ff" for ch in translations("ar").gettext(text))


def test_layout_trust_reports_the_pair_a_reading_in_doubt_everywhere_catches_all_and_flags_all() -> None:
    """Doubt on every table and heading is no good reading: every wrong unit caught, every right one a false alarm."""
    blocks = [Heading(page=1, level=2, sentences=[Sentence(id="h", text="Vote des subventions")]),
              Paragraph(page=1, sentences=[Sentence(id="p", text="Le conseil municipal approuve la liste des subventions suivantes pour l'exercice.")]),
              Table(page=1, rows=[[_c("Association", header=True), _c("Montant", header=True)], [_c("Club de l'amitié"), _c("200,00")],
                                  [_c("Chorale"), _c("100,00")]]),
              Heading(page=1, level=2, sentences=[Sentence(id="x", text="Total des subventions : 8020")])]  # fmt: skip
    for b in blocks:
        if not isinstance(b, Paragraph):
            b.doubt = "ocr_low_confidence"
    doc = Document(meta=DocumentMeta(lang="fr"), sections=[Section(blocks=blocks)])
    t = layout_totals(layout_units(doc, [parse_truth_page(TRUTH)], "t"))
    assert (t.wrong, t.wrong_doubt) == (1, 1)  # the total's line read as a heading
    assert (t.right, t.right_doubt) == (2, 2)  # the right heading and table: both false alarms
