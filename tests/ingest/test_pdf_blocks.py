"""Grouping PDF lines into blocks, on hand-made lines (geometry as a PDF page would give it)."""

from __future__ import annotations

from transform.ingest.pdf_blocks import drop_running_lines, group_lines, groups_to_blocks, join_lines
from transform.ingest.pdf_text import PdfLine
from transform.model import Heading, ListBlock, Paragraph


def line(text: str, baseline: float, size: float = 11.0, x0: float = 72.0, x1: float = 520.0, page: int = 1, bold: bool = False, rtl: bool = False) -> PdfLine:
    return PdfLine(text=text, x0=x0, top=baseline - size, x1=x1, bottom=baseline + 3, size=size, bold=bold, page=page, baseline=baseline, rtl=rtl)


def test_headings_paragraphs_and_lists() -> None:
    page = [
        line("Délibération du Conseil", 100, size=18, bold=True),
        line("Visas", 140, size=15, bold=True),
        line("Vu la loi organique n° 111.14 relative aux", 170),
        line("régions ;", 185),
        line("Considérant la nécessité d'agir ;", 210),  # a wider step: a new paragraph
        line("• Membres présents : 52", 240, x0=90),
        line("• Voix pour : 47, dont les membres", 257, x0=90),
        line("du bureau", 272, x0=109),  # hangs under the item text: continues the item
        line("Fait à Béni Mellal.", 300),
    ]
    blocks = groups_to_blocks(group_lines([page], [[]], [595.0]))
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Heading", "Heading", "Paragraph", "Paragraph", "ListBlock", "Paragraph"]
    assert isinstance(blocks[0], Heading) and blocks[0].level == 1
    assert isinstance(blocks[1], Heading) and blocks[1].level == 2
    assert isinstance(blocks[2], Paragraph) and blocks[2].sentences[0].text == "Vu la loi organique n° 111.14 relative aux régions ;"
    lst = blocks[4]
    assert isinstance(lst, ListBlock) and not lst.ordered
    assert [it.sentences[0].text for it in lst.items] == ["Membres présents : 52", "Voix pour : 47, dont les membres du bureau"]


def test_paragraph_goes_on_across_a_page_break_unless_complete() -> None:
    p1 = [line("Le budget est réparti entre les", 700)]
    p2 = [line("provinces de la région.", 80, page=2), line("Nouvelle phrase qui", 110, page=2), line("continue ici.", 125, page=2)]
    blocks = groups_to_blocks(group_lines([p1, p2], [[], []], [595.0, 595.0]))
    assert [b.sentences[0].text for b in blocks if isinstance(b, Paragraph)] == [
        "Le budget est réparti entre les provinces de la région.",
        "Nouvelle phrase qui continue ici.",
    ]


def test_running_headers_and_footers_are_dropped() -> None:
    pages = [
        [line("Région Béni Mellal-Khénifra — Budget 2026", 30, page=i), line(f"Texte de la page {i}.", 300, page=i), line(f"Page {i} / 4", 820, page=i)]
        for i in range(1, 5)
    ]
    kept = drop_running_lines(pages, [842.0] * 4)
    assert [[ln.text for ln in p] for p in kept] == [[f"Texte de la page {i}."] for i in range(1, 5)]


def test_join_lines_keeps_compound_hyphens() -> None:
    assert join_lines(["Béni Mellal-", "Khénifra"]) == "Béni Mellal-Khénifra"
    assert join_lines(["du", "budget"]) == "du budget"


def test_furniture_kept_apart_with_ocr_noise_alternating_headers_and_not_legal_units() -> None:
    from transform.ingest.pdf_furniture import split_running_lines

    pages = []
    for i in range(1, 7):
        header = "Nº 7010 – 25 hija 1442 BULLETIN OFFICIEL" if i % 2 else "BULLETIN OFFICIEL Nº 7010 – 25 hija 1442 (5-8-2021)"
        noise = ["mèl : : 5 5", "mèl: | 3 35", "mèl : 3"][i % 3]  # the same footer read by OCR, digits and signs differ
        pages.append([
            line(f"{1154 + i} {header}", 30, page=i),
            line(f"Article {10 + i}", 80, page=i),  # a legal unit at the top of every page: not furniture
            line(f"Texte de la page {i}.", 300, page=i),
            line(f"tél : 03 84 77 70 00 - {noise}", 800, page=i),
            line(f"- {i} -", 825, page=i),
        ])
    kept, furniture = split_running_lines(pages, [842.0] * 6)
    assert [[ln.text for ln in p] for p in kept] == [[f"Article {10 + i}", f"Texte de la page {i}."] for i in range(1, 7)]
    assert sorted({f.kind for f in furniture}) == ["footer", "header", "page_number"]
    assert [f.text for f in furniture if f.kind == "page_number"] == [f"- {i} -" for i in range(1, 7)]
