"""Headings and closing lines that held-out set 4 found read wrong (issue 17), each mended in a shared pass:

* an annex label counts only inside the official text whose title comes before it: a report's contents entry that
  opens like a title (``Arrêté et signatures``) does not make a statement labelled ``Annexe C`` 40 pages on an annex
  of it, and every heading after that label kept its level (the CFU of Cabestany read pp. 43-71 all at level 6);
* a bold sentence that states something (``Pour les autres collectivités, cet état est SANS OBJET.``) is no title;
* a bold line at body size between paragraphs set in the same bold (``Observations :`` on a statement's closing
  page printed all in bold) is no title: its weight does not set it apart;
* a statement's total (``TOTAL DES SUBVENTIONS : 8020€``) is no title;
* a text's dating formula (``Fait à Rabat, le ... (20 mai 2026).``) is a paragraph of its own, not the first line of
  its signatory's;
* a one-line bulleted heading over a paragraph is a list item (a slide's ``• Monde : ...``).

Synthetic groups, but for one page of the CFU read on its own (0.3 s).
"""

from __future__ import annotations

import pytest

from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_headings import _bulleted
from transform.ingest.pdf_levels import annex_levels
from transform.ingest.pdf_text import PdfLine
from transform.model import Heading

from ._realpages import block_text, read_pages


def _line(text: str, page: int = 1, bold: bool = False, size: float = 10.0) -> PdfLine:
    return PdfLine(text, 72.0, 100.0, 400.0, 100.0 + size, size=size, bold=bold, page=page, baseline=100.0 + size)


def _group(kind: str, *texts: str, level: int = 0, page: int = 1, bold: bool = False, size: float = 10.0) -> _Group:
    return _Group(kind=kind, lines=[_line(t, page, bold, size) for t in texts], size=size, level=level, body=10.0)  # type: ignore[misc]


def test_an_annex_label_after_the_text_closed_is_no_annex_of_it() -> None:
    heads = [_group("heading", "Arrêté et signatures", level=3, page=2),
             _group("heading", "I – INFORMATIONS GÉNÉRALES", level=2, page=5),
             _group("heading", "III – ÉTATS FINANCIERS", level=2, page=43),
             _group("heading", "Annexe C", level=3, page=43),
             _group("heading", "III – ÉTATS FINANCIERS", level=2, page=44),
             _group("heading", "Balance des comptes D", level=3, page=44)]
    annex_levels(heads)
    assert [h.level for h in heads] == [3, 2, 2, 3, 2, 3]


def test_an_annex_inside_its_text_is_levelled_as_before() -> None:
    heads = [_group("heading", "Décret n° 2-26-395 du 3 hija 1447", level=2, page=1),
             _group("heading", "Annexe", level=1, page=3),
             _group("heading", "Modèle de déclaration", level=1, page=3),
             _group("heading", "I. Identité", level=2, page=3)]
    annex_levels(heads)
    assert [h.level for h in heads] == [2, 3, 4, 5]


def test_a_stated_sentence_is_no_title_a_relative_clause_is() -> None:
    from transform.ingest.pdf_heading_drops import drop_stated_sentences

    groups = [_group("heading", "Pour les autres collectivités, cet état est SANS OBJET.", level=3, bold=True),
              _group("heading", "L’annexe est une pièce jointe au compte financier unique.", level=3, bold=True),
              _group("heading", "Modèle du procès-verbal relatif aux biens et services qui leur sont liés.", level=3),
              _group("heading", "Arrêté du ministre n° 12-25 portant ... qui est modifié.", level=2),
              _group("heading", "Questions diverses", level=3, bold=True)]
    drop_stated_sentences(groups)
    assert [g.kind for g in groups] == ["paragraph", "paragraph", "heading", "heading", "heading"]


def test_bold_among_bold_paragraphs_is_no_title() -> None:
    from transform.ingest.pdf_heading_drops import drop_bold_among_bold

    groups = [_group("paragraph", "Vu et certifié par le comptable qui déclare le compte exact.", bold=True),
              _group("heading", "Observations :", level=3, bold=True),
              _group("paragraph", "GARCIA Sandrine (1018057461-0), Inspecteur divisionnaire", bold=True)]
    drop_bold_among_bold(groups)
    assert groups[1].kind == "paragraph"
    plain = [_group("paragraph", "Le conseil a délibéré."), _group("heading", "Questions diverses :", level=3, bold=True),
             _group("paragraph", "Aucune question n'est posée.")]
    drop_bold_among_bold(plain)
    assert plain[1].kind == "heading"  # over text in body weight, the bold sets it apart
    larger = [_group("paragraph", "Texte en gras.", bold=True), _group("heading", "Titre", level=2, bold=True, size=14.0),
              _group("paragraph", "Texte en gras.", bold=True)]
    drop_bold_among_bold(larger)
    assert larger[1].kind == "heading"  # set larger: its size sets it apart


@pytest.mark.parametrize(("text", "total"), [
    ("TOTAL DES SUBVENTIONS : 8020€", True),
    ("Sous-total 1 250,00", True),
    ("Total général : 12 000 euros", True),
    ("المجموع 1250", True),
    ("Axe 2 « Appui à la généralisation du préscolaire en milieu rural » : 294 MDH", False),
    ("Totalement remboursé", False),
    ("Total des recettes de fonctionnement", False),
])
def test_a_total_line(text: str, total: bool) -> None:
    from transform.ingest.pdf_heading_drops import _TOTAL

    assert bool(_TOTAL.match(text)) == total


def test_the_dating_formula_is_a_paragraph_of_its_own() -> None:
    from transform.ingest.pdf_signature_groups import cut_datings

    g = _group("paragraph", "Fait à Rabat, le 3 hija 1447 (20 mai 2026).", "AZIZ AKHANNOUCH.")
    out = cut_datings([g])
    assert [[ln.text for ln in p.lines] for p in out] == [["Fait à Rabat, le 3 hija 1447 (20 mai 2026)."], ["AZIZ AKHANNOUCH."]]
    after = _group("paragraph", "sera publié au Bulletin officiel.", "Fait à Fès, le 15 hija 1442 (26 juillet 2021).")
    assert [len(p.lines) for p in cut_datings([after])] == [1, 1]
    # a dating cut over two lines, or one that runs on, stays as read
    cut = _group("paragraph", "Fait à Alger, le 22 Joumada El Oula 1446 correspondant au", "24 novembre 2024.")
    assert cut_datings([cut]) == [cut]
    running = _group("paragraph", "Le fait à retenir, le voici : la commune", "a voté le budget.")
    assert cut_datings([running]) == [running]


def test_a_bulleted_line_over_a_paragraph_is_a_list_item() -> None:
    groups = [_group("heading", "• Monde : la croissance mondiale résiste", level=3, size=14.0),
              _group("paragraph", "Pour les deux prochaines années, il est prévu une croissance.")]
    out = _bulleted(groups)
    assert [g.kind for g in out] == ["item", "paragraph"]
    assert out[0].lines[0].text == "Monde : la croissance mondiale résiste"
    over_heads = [_group("heading", "■ تعليق", level=4, size=14.0), _group("heading", "التوزيع حسب الدرجات:", level=5),
                  _group("paragraph", "ينتمي أغلب الموظفين")]
    assert [g.kind for g in _bulleted(over_heads)] == ["heading", "heading", "paragraph"]


@pytest.fixture(scope="module")
def closing(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return read_pages("cabestany-cfu-2024.pdf", [70], tmp_path_factory.mktemp("cfu71c"))


def test_a_statement_s_closing_page_keeps_its_two_titles_only(closing: list[object]) -> None:
    headings = [block_text(b) for b in closing if isinstance(b, Heading)]
    assert headings == ["V – ARRETE ET SIGNATURES V", "ARRETE ET SIGNATURES A"]
    texts = [block_text(b) for b in closing]
    assert "Observations :" in texts
