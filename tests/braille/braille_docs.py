"""Small Documents for the braille tests, built with the model (no ingest)."""

from __future__ import annotations

from transform.model import Cell, Document, DocumentMeta, Heading, ListBlock, ListItem, Paragraph, Section, Sentence, Table
from transform.model.text import direction_for


def para(sid: str, *texts: str) -> Paragraph:
    return Paragraph(id=sid, sentences=[Sentence(id=f"{sid}-{i}", text=t) for i, t in enumerate(texts, 1)])


def doc_of(lang: str, sections: list[Section], title: str | None = None) -> Document:
    return Document(meta=DocumentMeta(title=title, lang=lang, direction=direction_for(lang), source_name="t.md"), sections=sections)


def budget_doc(lang: str = "ar") -> Document:
    """A heading, a paragraph with an amount and a percentage, a list and a table with a header row."""
    if lang == "fr":
        head, p1, p2 = "Budget 2026", "Le budget atteint 1 250 000 DH.", "Le taux est de 78 %."
        items, hdr, rows = ["Routes", "Eau"], ["Programme", "Montant"], [["Routes", "500 000 DH"], ["Eau", "750 000 DH"]]
    else:
        head, p1, p2 = "ميزانية 2026", "تبلغ الميزانية 1 250 000 درهم.", "النسبة 78 %."
        items, hdr, rows = ["الطرق", "الماء"], ["البرنامج", "المبلغ"], [["الطرق", "500 000 درهم"], ["الماء", "750 000 درهم"]]
    table = Table(
        id="t",
        rows=[[Cell(sentences=[Sentence(id=f"h{i}", text=t)], header=True) for i, t in enumerate(hdr)]]
        + [[Cell(sentences=[Sentence(id=f"r{r}c{c}", text=t)]) for c, t in enumerate(row)] for r, row in enumerate(rows)],
    )
    lst = ListBlock(id="l", items=[ListItem(id=f"i{i}", sentences=[Sentence(id=f"i{i}-1", text=t)]) for i, t in enumerate(items)])
    sec = Section(id="s1", heading=Heading(id="h", level=1, sentences=[Sentence(id="h-1", text=head)]), blocks=[para("p", p1, p2), lst, table])
    return doc_of(lang, [sec])

