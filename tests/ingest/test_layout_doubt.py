"""Layout decisions made on weak evidence carry a doubt (transform/ingest/layout_doubt.py), and the trust measure sees
whether each table and heading is right and in doubt (transform/evaluation/layout_trust.py). Each signal is shown
firing on the weak decision and not firing on a sound heading or table of the same kind. Synthetic blocks only."""

from __future__ import annotations

from service.web import words
from service.web.i18n import translations
from transform.evaluation import parse_truth_page
from transform.evaluation.layout_trust import layout_totals, layout_units
from transform.ingest.layout_doubt import CODES, HEADING_LINE, HEADING_RUN, TABLE_PROSE, TABLE_THIN, mark_layout
from transform.model import Cell, Document, DocumentMeta, Heading, Paragraph, Section, Sentence, Table


def _h(text: str, page: int = 1, level: int = 2) -> Heading:
    return Heading(page=page, level=level, sentences=[Sentence(id="s", text=text)])


def _p(text: str, page: int = 1) -> Paragraph:
    return Paragraph(page=page, sentences=[Sentence(id="s", text=text)])


def _t(rows: list[list[str]], page: int = 1, header: bool = False) -> Table:
    return Table(page=page, rows=[[Cell(sentences=[Sentence(id="c", text=c)], header=header and i == 0) for c in r] for i, r in enumerate(rows)])


LONG = "Le conseil municipal après en avoir délibéré approuve à l'unanimité le budget primitif de la commune pour l'exercice"


def test_a_heading_holding_a_date_in_digits_or_ending_with_an_amount_is_in_doubt() -> None:
    form = _h("Comptable(s) Ayant exercé au cours de la gestion M Jean DUPONT du 01/01/2024 au 18/02/2025")
    total = _h("TOTAL DES SUBVENTIONS : 8020€")
    assert mark_layout([form, total, _p(LONG)]) == {HEADING_LINE: 2}
    assert form.doubt == HEADING_LINE and total.doubt == HEADING_LINE


def test_sound_headings_with_dates_numbers_and_full_stops_take_no_doubt() -> None:
    sound = [
        "Dahir n° 1-21-89 du 15 hija 1442 (26 juillet 2021) portant promulgation de la loi-cadre n° 50-21.",
        "Article 103", "المادة 100", "Taux applicables pour 2014", "CR du conseil municipal 21 janvier 2022",
        "أمر ملكي رقم أ/92 بتاريخ 27 8 1412", "Arrêté du ministre de l'enseignement supérieur n° 2045",
        "حكم المحكمة التجارية بالدار البيضاء رقم 2271 ملف رقم 2019/8219/11890", "Séance du 12/03",
    ]
    heads = [_h(t) for t in sound]
    assert not mark_layout([*heads, _p(LONG)])
    assert all(h.doubt is None for h in heads)


def test_a_page_whose_words_are_mostly_headings_puts_its_headings_in_doubt() -> None:
    labels = ["Numéro", "Date", "Quantité autorisée", "Quantité livrée", "Explosifs", "Détonateurs", "Mèche lente",
              "Cordeau détonant", "Signature", "Nom et prénom", "Date de livraison", "Carte de contrôle"]
    form = [_h(t, page=3) for t in labels] + [_p("(1) en kilogrammes", page=3)]
    law = [b for n in range(12) for b in (_h(f"Article {n + 1}", page=4), _p(LONG, page=4))]
    got = mark_layout(form + law)
    assert got == {HEADING_RUN: 12}
    assert all(b.doubt == HEADING_RUN for b in form if isinstance(b, Heading))
    assert all(b.doubt is None for b in law)  # a law's page of article headings is no form


def test_a_thin_table_and_a_table_of_prose_on_an_ocr_page_are_in_doubt_and_sound_tables_are_not() -> None:
    column = _t([["Approbation du procès-verbal"], ["Vote du budget"], ["Questions diverses"]])
    one_row = _t([["Le Maire", "Le Secrétaire", "Le Trésorier"]])
    prose_rows = [[LONG, LONG + " suivant"], [LONG + " encore", "Vu le code général des collectivités territoriales et notamment son article"]]
    prose_ocr, prose_text = _t(prose_rows, page=2), _t(prose_rows, page=5)
    grid = _t([["Désignation", "Lot", "Quantité"], ["Farine", "A12", "3"], ["Sucre", "B7", "2"]], page=2, header=True)
    headed = _t([["Désignation", "Montant"], ["Subventions", "8 020,00"]], header=True)
    got = mark_layout([column, one_row, prose_ocr, prose_text, grid, headed], ocr_pages=[2])
    assert got == {TABLE_THIN: 2, TABLE_PROSE: 1}
    assert column.doubt == one_row.doubt == TABLE_THIN and prose_ocr.doubt == TABLE_PROSE
    assert prose_text.doubt is None and grid.doubt is None and headed.doubt is None


def test_a_block_already_in_doubt_keeps_its_own_code() -> None:
    h = _h("TOTAL DES SUBVENTIONS : 8020€")
    h.doubt = "ocr_low_confidence"
    assert not mark_layout([h])
    assert h.doubt == "ocr_low_confidence"


def test_every_layout_code_has_its_own_words_on_the_review_page() -> None:
    for code in CODES:
        text = words.DOUBTS.get(code)
        assert text and text != words.DOUBT_OTHER
        assert any("\u0600" <= ch <= "\u06ff" for ch in translations("ar").gettext(text))


TRUTH = """---
doc: t
page: 1
read: text
lang: fr
furniture: []
---

## Vote des subventions

Le conseil municipal approuve la liste des subventions suivantes pour l'exercice.

| Association | Montant |
|---|---|
| Club de l'amitié | 200,00 |
| Chorale | 100,00 |

Total des subventions : 8020
"""


def _read(total_heading: bool) -> Document:
    blocks = [_h("Vote des subventions"), _p("Le conseil municipal approuve la liste des subventions suivantes pour l'exercice."),
              _t([["Association", "Montant"], ["Club de l'amitié", "200,00"], ["Chorale", "100,00"]], header=True)]
    last = "Total des subventions : 8020"
    blocks.append(_h(last) if total_heading else _p(last))
    return Document(meta=DocumentMeta(lang="fr"), sections=[Section(blocks=blocks)])


def test_layout_trust_sorts_right_and_wrong_headings_and_tables_and_reads_their_doubt() -> None:
    truth = [parse_truth_page(TRUTH)]
    good = layout_units(_read(False), truth, "t")
    assert sorted((u.kind, u.verdict) for u in good) == [("heading", "right"), ("table", "right")]
    t = layout_totals(good)
    assert t.wrong == 0 and t.right == 2 and t.right_doubt == 0  # a sound output passes clean
    doc = _read(True)
    mark_layout([b for s in doc.sections for b in s.blocks])
    bad = layout_units(doc, truth, "t")
    wrong = [u for u in bad if u.wrong]
    assert [(u.kind, u.verdict, u.doubt) for u in wrong] == [("heading", "extra", HEADING_LINE)]
    t = layout_totals(bad)
    assert (t.wrong, t.wrong_doubt, t.right, t.right_doubt) == (1, 1, 2, 0)


def test_layout_trust_calls_a_table_of_prose_invented() -> None:
    doc = _read(False)
    doc.sections[0].blocks[1] = _t([["Le conseil municipal approuve", "la liste des subventions"], ["suivantes pour", "l'exercice."]])
    got = {(u.kind, u.verdict) for u in layout_units(doc, [parse_truth_page(TRUTH)], "t")}
    assert ("table", "invented") in got and ("table", "right") in got


def test_a_pdf_read_carries_the_doubt_on_its_heading(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    """The pass runs on a PDF's blocks: a line set large like a title but ending with an amount is a heading in doubt,
    the real title above it is not."""
    from fpdf import FPDF

    from transform.context import RunContext
    from transform.ingest import ingest
    from transform.options import TransformOptions

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    y = 70.0
    for text, size in (("Vote des subventions", 18), (LONG + " et charge le maire de son exécution.", 11),
                       ("Subventions aux associations : 8020", 18), (LONG + " sans observation du public présent.", 11)):
        pdf.set_font("helvetica", "B" if size > 11 else "", size)
        pdf.set_xy(70, y)
        pdf.multi_cell(455, size * 1.3, text)
        y = pdf.get_y() + 20
    path = tmp_path / "pv.pdf"
    pdf.output(str(path))
    doc = ingest(path, RunContext(options=TransformOptions(ocr="never"), out_dir=tmp_path, stem="pv", source=path))
    heads = {" ".join(s.text for s in b.sentences): b.doubt for sec in doc.sections for b in sec.blocks if isinstance(b, Heading)}
    assert heads == {"Vote des subventions": None, "Subventions aux associations : 8020": HEADING_LINE}, heads
