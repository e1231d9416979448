"""An infographic's key figures are no headings (pdf_display_titles.key_figures).

The municipal magazine's box ``EN CHIFFRES`` (p. 1 of its budget dossier) prints three key figures, each a bold
label at body size over a number set two or three times larger and lines of small type (``IMPÔTS LOCAUX`` / ``LE
CONSEIL MUNICIPAL A VOTÉ`` / ``+1%`` / ``EN FONCIER BÂTI``): each is one paragraph; the box's title is the heading.
The first label and its figure were grouped with the box's title (``EN CHIFFRES`` / ``UN BUDGET DE`` / ``25 M
d'€``): the title is cut from them."""

from __future__ import annotations

from tests.ingest._realpages import block_text, outline, read_pages


def test_key_figures_are_paragraphs_under_their_box_title(tmp_path) -> None:
    blocks = read_pages("cabestany-budget-2024-cabesinfo.pdf", [0], tmp_path)
    heads = [t for _, t in outline(blocks)]
    assert "EN CHIFFRES" in heads
    assert not any(t.startswith(("IMPÔTS", "LA DETTE", "UN BUDGET", "EN CHIFFRES UN")) for t in heads), heads
    texts = [block_text(b) for b in blocks]
    assert "UN BUDGET DE 25 M d'€ 16,3 M EN FONCTIONNEMENT 9,1 M EN INVESTISSEMENT" in texts
    assert "IMPÔTS LOCAUX LE CONSEIL MUNICIPAL A VOTÉ +1% EN FONCIER BÂTI" in texts
    assert any(t.startswith("LA DETTE/HABITANT 476 € (565€ EN 2023)") for t in texts)
    assert "Comparatif des taux d'imposition" in heads  # the next title is left alone


def test_figures() -> None:
    from transform.ingest.pdf_display_titles import _figure

    assert _figure("+1%") and _figure("476 €") and _figure("25 M d'€") and _figure("1 250 000")
    assert not _figure("IMPÔTS LOCAUX") and not _figure("2024 : bilan") and not _figure("%")
