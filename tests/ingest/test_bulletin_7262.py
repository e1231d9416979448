"""The French Bulletin officiel 7262 (tests/realdocs) read right: annex labels, run-in article labels,
double-spaced columns, numbers that open a line, a unit's exponent (issue 17).

Three of its pages (29, 30 and 165) are copied into a small PDF and read through the whole PDF
ingester; the mechanisms are also checked on hand-made lines, with the wrong readings they must avoid.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.ingest.pdf_blocks import group_lines, groups_to_blocks
from transform.ingest.pdf_text import PdfLine
from transform.model import Heading, Paragraph, Table

from ._realpages import block_text, read_pages

SOURCE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "bo-fr-7262-2024.pdf"


_text = block_text


@pytest.fixture(scope="module")
def blocks(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return read_pages(SOURCE.name, [28, 29, 164], tmp_path_factory.mktemp("bo7262"))  # pages 29, 30, 165


def test_annex_labels_are_headings_over_their_tables(blocks: list[object]) -> None:
    heads = [_text(b) for b in blocks if isinstance(b, Heading)]
    assert [h for h in heads if h.startswith("Annexe")] == ["Annexe 1", "Annexe 2", "Annexe 3"]
    kinds = [("A" if isinstance(b, Heading) and _text(b).startswith("Annexe") else "T") for b in blocks if isinstance(b, (Heading, Table))
             and (isinstance(b, Table) or _text(b).startswith("Annexe"))]
    assert kinds[:6] == ["A", "T", "A", "T", "A", "T"]  # each label right over its table


def test_run_in_article_label_stays_in_its_paragraph(blocks: list[object]) -> None:
    art = [b for b in blocks if _text(b).startswith("ART. 2. – Le présent arrêté sera publié")]
    assert len(art) == 1 and isinstance(art[0], Paragraph)
    assert not any(isinstance(b, Heading) and _text(b).startswith("ART.") for b in blocks)


def test_numbers_opening_a_line_and_exponents_are_kept(blocks: list[object]) -> None:
    texts = [_text(b) for b in blocks]
    assert any("promulguée par le dahir n° 1-23-91 du 30 joumada I 1445 (14 décembre 2023) ;" in t for t in texts)
    assert any("qui couvre une superficie de 1370,7 km², telles" in t for t in texts)
    assert any(t.endswith("joignant les points 18 et 1.") for t in texts)


def test_double_spaced_column_reads_as_paragraphs(blocks: list[object]) -> None:
    texts = [_text(b) for b in blocks]
    assert ("ART. 2. – Les limites du permis visé à l’article premier ci-dessus, qui couvre une superficie de 1370,7 km², "
            "telles qu’elles figurent sur la carte annexée à l’original du présent arrêté, sont définies comme suit :") in texts
    assert "ART. 3. – Le permis de recherche d’hydrocarbures « LOUKOS ONSHORE » est délivré pour une période initiale " \
           "d’une année et six mois à compter du 22 septembre 2023." in texts
    # the bold title of the next arrêté, spaced wider than its text, is one heading
    assert any(isinstance(b, Heading) and _text(b).startswith("Arrêté de la ministre de la transition énergétique et du développement durable n° 2924-23")
               and _text(b).endswith("« HUNT OIL COMPANY MOROCCO ».") for b in blocks)


def line(text: str, baseline: float, x1: float = 520.0, x0: float = 72.0, size: float = 10.0, bold: bool = False) -> PdfLine:
    return PdfLine(text=text, x0=x0, top=baseline - size, x1=x1, bottom=baseline + 2, size=size, bold=bold, page=1, baseline=baseline, rtl=False)


def _paragraphs(pages: list[list[PdfLine]]) -> list[str]:
    return [_text(b) for b in groups_to_blocks(group_lines(pages, [[] for _ in pages], [595.0] * len(pages)))]


def test_double_spacing_is_a_pitch_but_paragraph_spacing_stays_a_break() -> None:
    single = [line(f"Ligne pleine numéro {k} du texte courant qui va jusqu'au bout", 100 + 12 * k) for k in range(6)]
    single.append(line("et finit ici.", 172, x1=150))
    # double-spaced page: every step 23 points; paragraphs 29 points apart
    double = [line("Premier paragraphe dont la ligne va jusqu'au bout de", 100), line("la colonne, puis une autre ligne pleine qui", 123),
              line("continue encore sur toute la largeur et", 146), line("se termine ici.", 169, x1=200),
              line("Second paragraphe qui commence après un", 198), line("intervalle plus large que le pas des", 221),
              line("lignes et qui va encore sur toute la", 244), line("largeur avant de finir.", 267, x1=250)]
    for ln in double:
        ln.page = 2
    got = _paragraphs([single, double])
    assert got[-2:] == [
        "Premier paragraphe dont la ligne va jusqu'au bout de la colonne, puis une autre ligne pleine qui continue encore sur toute la largeur et se termine ici.",
        "Second paragraphe qui commence après un intervalle plus large que le pas des lignes et qui va encore sur toute la largeur avant de finir.",
    ]
    # a single-spaced page whose paragraphs are 23 points apart keeps them apart (the wide steps follow short last lines)
    spaced = [line("Un paragraphe d'une ligne pleine qui va jusqu'au", 100), line("bout.", 112, x1=110),
              line("Un autre paragraphe d'une ligne pleine qui va", 135), line("au bout.", 147, x1=120),
              line("Un troisième paragraphe d'une ligne pleine qui", 170), line("va au bout.", 182, x1=130)]
    assert _paragraphs([single, spaced])[-3:] == ["Un paragraphe d'une ligne pleine qui va jusqu'au bout.",
                                                  "Un autre paragraphe d'une ligne pleine qui va au bout.",
                                                  "Un troisième paragraphe d'une ligne pleine qui va au bout."]


def test_article_label_with_a_title_stays_a_heading() -> None:
    page = [line("Article 3. – Dispositions finales", 100, x1=250, bold=True),
            line("ART. 4. – Le présent arrêté sera publié au Bulletin officiel.", 130, x1=420),
            line("Le texte courant du paragraphe suivant qui va jusqu'au bout.", 160)]
    blocks = groups_to_blocks(group_lines([page], [[]], [595.0]))
    assert isinstance(blocks[0], Heading) and _text(blocks[0]) == "Article 3. – Dispositions finales"
    assert isinstance(blocks[1], Paragraph) and _text(blocks[1]).startswith("ART. 4. – Le présent arrêté")


def test_small_number_after_a_preposition_is_no_footnote_call() -> None:
    first = line("promulguée par le dahir n° 1-23-91 du", 100)
    nxt = line("30 joumada I 1445 (14 décembre 2023) ;", 112, x1=300)
    nxt.call = "30 "
    points = line("par la ligne des plus basses eaux joignant les points", 130)
    pts = line("18 et 1.", 142, x1=120)
    pts.call = "18 "  # no month after it: the word before announces the number
    other = line("la loi organique relative aux régions", 170)
    called = line("2 qui est citée ici en exemple.", 182, x1=300)
    called.call = "2 "  # after a full word that announces no number: a footnote call carried to the line start
    got = _paragraphs([[first, nxt, points, pts, other, called]])
    assert got[0] == "promulguée par le dahir n° 1-23-91 du 30 joumada I 1445 (14 décembre 2023) ;"
    assert got[1] == "par la ligne des plus basses eaux joignant les points 18 et 1."
    assert got[2] == "la loi organique relative aux régions[2] qui est citée ici en exemple."


def test_contents_entries_spaced_apart_stay_apart() -> None:
    """A sommaire's entries: their last lines reach the edge by dot leaders and the next entry starts 20 points
    lower; those steps are no double spacing (Bulletin officiel 7448, page 3)."""
    page: list[PdfLine] = []
    base = 100.0
    for k in range(5):
        page += [line(f"Arrêté n° {k} du ministre de l'enseignement supérieur,", base, x1=470),
                 line("fixant la liste des diplômes reconnus", base + 13, x0=95, x1=470),
                 line("équivalents .................................. 2", base + 26, x0=95)]
        base += 46
    got = _paragraphs([page])
    assert len(got) == 5 and got[0].startswith("Arrêté n° 0 ") and got[4].startswith("Arrêté n° 4 ")
