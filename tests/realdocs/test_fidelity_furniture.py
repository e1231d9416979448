"""The scorer's furniture check: a page number or running header left in the body counts where it
stands (its own line, glued to a block's first or last words, at the page break inside a paragraph
that runs over it), never where the same digits are a body token (a note call in a table header,
an article's number, the council's web address inside a sentence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation import load_truth_dir, parse_truth_page, read_document, score_document
from transform.evaluation.truth import TruthPage
from transform.model import Block, Cell, Document, DocumentMeta, Paragraph, Section, Sentence, Table
from transform.model.walk import iter_blocks

HERE = Path(__file__).resolve().parent

PAGE = """---
page: 3
read: text
furniture:
  - "3"
  - "www.conseil-region.ma"
---

Les crédits (MDH) atteignent 214 MDH pour le préscolaire.

La demande se dépose sur le site www.conseil-region.ma du conseil avant le 30 juin.
"""

CROSSING = [
    '---\npage: 4\nread: text\nends_inside: true\nfurniture:\n  - "4"\n---\n\n'
    "Le conseil arrête les comptes de l'exercice 2025 et",
    '---\npage: 5\nread: text\nstarts_inside: true\nfurniture:\n  - "5"\n---\n\n'
    "les transmet au wali avant le 30/06/2026.\n\nArticle suivant sans titre.",
]


def _para(text: str, page: int) -> Paragraph:
    return Paragraph(page=page, sentences=[Sentence(id="x", text=text)])


def _leaked(blocks: list[Block], pages: list[TruthPage]) -> list[str]:
    doc = Document(meta=DocumentMeta(lang="fr"), sections=[Section(blocks=blocks)])
    s = score_document(doc, pages, "test")
    return sorted(i.truth for p in s.pages for i in p.issues if i.what == "furniture")


BUDGET = "Les crédits (MDH) atteignent 214 MDH pour le préscolaire."
SITE = "La demande se dépose sur le site www.conseil-region.ma du conseil avant le 30 juin."


def test_body_tokens_that_read_like_furniture_are_body() -> None:
    """A note call inside a sentence, the web address a sentence names (read a letter short), and a
    note call in a table's header cell: none is furniture left in the body (main counted all three)."""
    page = parse_truth_page(PAGE)
    blocks: list[Block] = [
        _para("Les crédits (MDH) 3 atteignent 214 MDH pour le préscolaire.", 3),
        _para(SITE.replace("www.conseil", "wwwconseil"), 3),
    ]
    assert _leaked(blocks, [page]) == []
    header = [Cell(sentences=[Sentence(id="h", text=t)], header=True) for t in ("Composantes", "Crédits (MDH) 3")]
    row = [Cell(sentences=[Sentence(id="c", text=t)]) for t in ("Travaux", "103")]
    table_page = parse_truth_page(
        '---\npage: 3\nread: text\nfurniture:\n  - "3"\n---\n\n| Composantes | Crédits (MDH) |\n|---|---|\n| Travaux | 103 |\n'
    )
    assert _leaked([Table(page=3, rows=[header, row])], [table_page]) == []


@pytest.mark.parametrize(
    "blocks",
    [
        [_para(BUDGET, 3), _para(SITE, 3), _para("3", 3)],  # its own line
        [_para(BUDGET, 3), _para(SITE + " 3", 3)],  # glued to the page's last words
        [_para("3 " + BUDGET, 3), _para(SITE, 3)],  # glued before its first words
        [_para(BUDGET, 3), _para("www.conseil-region.ma 3 " + SITE, 3)],  # footer and number glued together
    ],
    ids=["own-line", "end-of-block", "start-of-block", "footer-glued"],
)
def test_page_number_left_in_the_body_still_counts(blocks: list[Block]) -> None:
    leaked = _leaked(blocks, [parse_truth_page(PAGE)])
    assert "3" in leaked
    if len(blocks) == 2 and "www.conseil-region.ma 3" in " ".join(s.text for s in blocks[1].sentences):  # type: ignore[union-attr]
        assert leaked == ["3", "www.conseil-region.ma"]


def test_folio_inside_a_paragraph_over_the_page_break_counts() -> None:
    pages = [parse_truth_page(t) for t in CROSSING]
    good = "Le conseil arrête les comptes de l'exercice 2025 et les transmet au wali avant le 30/06/2026."
    bad = good.replace(" et les ", " et 4 les ")
    assert _leaked([_para(good, 4), _para("Article suivant sans titre.", 5)], pages) == []
    assert _leaked([_para(bad, 4), _para("Article suivant sans titre.", 5)], pages) == ["4"]


def test_corpus_page_note_call_is_not_furniture_but_a_lone_folio_is() -> None:
    """indh-cadrage-2025 page 1: its table's header cell ends with the note call ``1`` (the truth leaves
    calls out) and its folio is ``1``. Read as it is, nothing is left in the body; the folio read as a
    line of its own after the page's last paragraph is."""
    source = HERE / "files" / "indh-cadrage-2025.pdf"
    if not source.exists():
        pytest.skip("the corpus file is missing")
    pages = [p for p in load_truth_dir(HERE / "truth" / "indh-cadrage-2025") if p.page == 1]
    doc = read_document(source, ocr="never")
    s = score_document(doc, pages, "indh")
    assert s.totals.furniture_total == 1 and s.totals.furniture_leaked == 0
    blocks = [b.model_copy(deep=True) for _, b in iter_blocks(doc)]
    last = max(k for k, b in enumerate(blocks) if b.page == 1)
    blocks.insert(last + 1, _para("1", 1))
    bad = Document(meta=doc.meta.model_copy(deep=True), sections=[Section(blocks=blocks)])
    assert score_document(bad, pages, "indh").totals.furniture_leaked == 1
