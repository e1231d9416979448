"""Pictures on text-layer pages become figure blocks in reading order (pdf_pictures), never nothing.

Couthenans' minutes (October 2022, p. 2) paste two pictures of the CCPH's model deliberation, side by side, between
the vote line of item 2 and the heading of item 3: about 550 words a reader sees and the reading dropped with no
trace. They are read by OCR (real tesseract) into two figures, left column first, marked as read from an image;
the rules that decide it (the screen, the candidates, decoration, placement) are checked on small made inputs."""

from __future__ import annotations

import pytest

from tests.ingest._realpages import FILES
from transform._exec import TESSERACT
from transform.ingest import pdf_pictures as pp
from transform.ingest.pdf_block_group import _Group, groups_to_blocks
from transform.ingest.pdf_text import PdfLine
from transform.model import Figure, Heading, PageReport, Paragraph

needs_tesseract = pytest.mark.skipif(not TESSERACT.available(), reason="tesseract is not installed")


def _line(text: str, top: float, x0: float = 60.0, x1: float = 530.0, page: int = 1) -> PdfLine:
    return PdfLine(text=text, x0=x0, top=top, x1=x1, bottom=top + 11.0, size=11.0, page=page, baseline=top + 9.0)


def _text(b: object) -> str:
    if isinstance(b, Figure):
        return " ".join(s.text for s in b.alt)
    return " ".join(s.text for s in getattr(b, "sentences", []))


@needs_tesseract
def test_couthenans_pictures_read_as_two_figures_in_place() -> None:
    import pypdfium2 as pdfium

    from transform.ingest.pdf import PdfIngester
    from transform.ingest.pdf_blocks import group_lines

    path = FILES / "couthenans-cr-2022-10.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    found: list[pp.PictureFigure] = []
    try:
        lines, _, width, height = PdfIngester()._read_page(pdf, 1, path.name, pictures=True, figures=found)
        pp.read_figures(pdf, found, [PageReport(page=2, method="text")])
    finally:
        pdf.close()
    blocks = groups_to_blocks(pp.place_figures(group_lines([lines], [[]], [width], [height]), found))
    figs = [k for k, b in enumerate(blocks) if isinstance(b, Figure)]
    assert len(figs) == 2
    left, right = (blocks[k] for k in figs)
    assert _text(left).startswith("MODELE DE DELIBERATION REVERSEMENT DE LA TAXE D'AMENAGEMENT")
    assert "Communauté de communes du Pays d'Héricourt" in _text(left)
    assert _text(right).startswith("Il est ainsi proposé au conseil municipal")
    assert "D'adopter le principe" in _text(right)
    assert len(_text(left).split()) + len(_text(right).split()) > 450
    for f in (left, right):
        assert f.doubt == pp.DOUBT and f.confidence is not None and 0.8 < f.confidence <= 1.0 and f.lang == "fr" and f.page == 2
    # between item 2's vote line and the heading of item 3, left column first
    assert _text(blocks[figs[0] - 1]).startswith("0 contre, 0 abstention, 11 pour")
    assert figs[1] == figs[0] + 1
    after = blocks[figs[1] + 1]
    assert isinstance(after, Heading) and _text(after).startswith("3. Motion sur les finances locales")
    # the page's own text is as before: no figure text in a paragraph
    assert not any("DELIBERATION" in _text(b) for b in blocks if isinstance(b, Paragraph))


def test_screen_needs_room_for_a_picture() -> None:
    full = [_line(f"ligne {k}", 60.0 + 14.0 * k) for k in range(52)]  # a page of text, top to bottom
    assert not pp.room_for_picture(full, 842.0)
    holed = full[:20] + full[40:]  # 280 points without a line
    assert pp.room_for_picture(holed, 842.0)
    assert not pp.room_for_picture([], 842.0)
    short = full[:30]  # text ending at mid-page: room under it
    assert pp.room_for_picture(short, 842.0)


def test_candidates_are_large_and_bare() -> None:
    lines = [_line("Voir document ci-dessous.", 100.0), _line("3. Motion", 500.0)]
    assert pp._candidate((57.0, 130.0, 287.0, 460.0), lines, 595.0, 842.0)  # a pasted picture
    assert not pp._candidate((57.0, 130.0, 87.0, 160.0), lines, 595.0, 842.0)  # a small logo
    assert not pp._candidate((57.0, 130.0, 400.0, 170.0), lines, 595.0, 842.0)  # one printed line high: a title
    assert not pp._candidate((0.0, 0.0, 595.0, 842.0), lines, 595.0, 842.0)  # a scan under the page
    assert not pp._candidate((40.0, 90.0, 550.0, 300.0), lines, 595.0, 842.0)  # text over it: a shaded box


def test_decoration_and_ocr_pages_are_no_figures() -> None:
    logo = [pp.PictureFigure(page=p, rect=(40.0, 30.0, 160.0, 110.0)) for p in (1, 2, 3)]
    photo = pp.PictureFigure(page=2, rect=(60.0, 300.0, 400.0, 520.0))
    scanned = pp.PictureFigure(page=4, rect=(60.0, 300.0, 400.0, 520.0))
    reports = [PageReport(page=4, method="ocr")]
    assert pp.kept_figures([*logo, photo, scanned], reports) == [photo]


def test_text_that_is_no_words_is_no_text() -> None:
    assert pp.holds_text("Le Maire expose que la loi de finances rend obligatoire pour les communes le partage des "
                         "produits de la taxe avec la communauté de communes", 90.0)
    assert not pp.holds_text("ee ss mm 000 ,, == ~~ oo Ll |i |l", 90.0)
    assert not pp.holds_text("Le Maire expose que la loi", 95.0)  # a label, not lines of words


def test_paragraphs_cut_at_wider_steps() -> None:
    lines = [_line("MODELE DE DELIBERATION", 10.0), _line("Le Maire expose que la loi", 30.0),
             _line("rend obligatoire le par-", 40.0), _line("tage des produits.", 50.0), _line("Il est proposé.", 70.0)]
    assert pp.paragraphs_of(lines) == ["MODELE DE DELIBERATION", "Le Maire expose que la loi rend obligatoire le partage des produits.",
                                       "Il est proposé."]


def test_figures_side_by_side_placed_after_the_text_above() -> None:
    above = _Group(kind="paragraph", lines=[_line("Voir document ci-dessous.", 100.0)])
    vote = _Group(kind="paragraph", lines=[_line("0 contre, 0 abstention, 11 pour", 120.0, x0=100.0, x1=230.0)])
    below = _Group(kind="heading", lines=[_line("3. Motion sur les finances locales", 480.0)])
    nxt = _Group(kind="paragraph", lines=[_line("Page suivante.", 60.0, page=2)])
    right = pp.PictureFigure(page=1, rect=(289.0, 150.0, 520.0, 460.0), paragraphs=["Il est ainsi proposé."], confidence=0.9, lang="fr")
    left = pp.PictureFigure(page=1, rect=(57.0, 140.0, 287.0, 460.0), paragraphs=["MODELE DE DELIBERATION"], confidence=0.9, lang="fr")
    blocks = groups_to_blocks(pp.place_figures([above, vote, below, nxt], [right, left]))
    assert [_text(b) for b in blocks] == ["Voir document ci-dessous.", "0 contre, 0 abstention, 11 pour", "MODELE DE DELIBERATION",
                                          "Il est ainsi proposé.", "3. Motion sur les finances locales", "Page suivante."]
    assert isinstance(blocks[2], Figure) and blocks[2].doubt == pp.DOUBT and blocks[2].page == 1
    # an Arabic page reads a row of pictures from the right
    for f in (left, right):
        f.lang = "ar"
    blocks = groups_to_blocks(pp.place_figures([above, vote, below, nxt], [right, left]))
    assert [_text(b) for b in blocks][2:4] == ["Il est ainsi proposé.", "MODELE DE DELIBERATION"]


def test_picture_without_text_is_a_figure_without_doubt() -> None:
    photo = pp.PictureFigure(page=1, rect=(60.0, 300.0, 400.0, 520.0), lang="fr")
    out = groups_to_blocks(pp.place_figures([_Group(kind="paragraph", lines=[_line("Texte.", 100.0)])], [photo]))
    assert isinstance(out[1], Figure) and out[1].alt == [] and out[1].doubt is None


def test_review_page_says_read_from_an_image() -> None:
    from service.web import words
    from service.web.i18n import translations

    text = words.DOUBTS.get(pp.DOUBT)
    assert text and text != words.DOUBT_OTHER and "image" in text
    arabic = translations("ar").gettext(text)
    assert arabic != text and "صورة" in arabic
