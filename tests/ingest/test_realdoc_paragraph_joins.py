"""Paragraph joins and a part's running header on real text-layer pages (tests/realdocs/files).

The pages are copied out of the corpus PDFs (:mod:`tests.ingest._realpages`) and read whole, without
OCR; their blocks are scored against the hand-made truth page with the corpus scorer, and a bad
reading of the same page (lines cut into paragraphs, the running header put back into the body)
must fail the same measure. What each test expects was checked on the page image.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation import parse_truth_page, score_document
from transform.evaluation.normalize import strip_list_marker
from transform.evaluation.truth import load_truth_dir
from transform.ingest.base import TextLine
from transform.ingest.pdf_block_runs import own_axis
from transform.ingest.pdf_furniture import split_running_lines
from transform.ingest.pdf_layout import stray_marks
from transform.ingest.pdf_text import PdfLine
from transform.model import Document, DocumentMeta, ListBlock, ListItem, Paragraph, Section, Sentence

from ._realpages import block_text, read_pages

TRUTH = Path(__file__).resolve().parents[1] / "realdocs" / "truth"


def _on_page(blocks: list[object], page: int) -> list[object]:
    """The blocks read from a page copied alone, given back the page number they have in the corpus file."""
    for b in blocks:
        if hasattr(b, "page"):
            b.page = page  # type: ignore[attr-defined]
    return blocks


def _score(blocks: list[object], doc: str, page: int) -> tuple[float, int]:
    """(paragraph F1, furniture lines left in the body) of ``blocks`` against the truth of ``doc`` page ``page``."""
    truth = [t for t in load_truth_dir(TRUTH / doc) if t.page == page]
    d = Document(meta=DocumentMeta(source_name=f"{doc}.pdf", source_format="pdf", page_count=page),
                 sections=[Section(blocks=blocks)])  # type: ignore[arg-type]
    t = score_document(d, truth, doc).totals
    return t.paragraphs.f1, t.furniture_leaked


def _lines_as_paragraphs(blocks: list[object], words: int = 8) -> list[object]:
    """A bad reading of the same page: every paragraph and item cut into paragraphs of a printed line's length."""
    out: list[object] = []
    for b in blocks:
        text = block_text(b) if isinstance(b, (Paragraph, ListBlock)) else ""
        if not text:
            out.append(b)
            continue
        w = text.replace(" | ", " ").split()
        out += [Paragraph(sentences=[Sentence(id="", text=" ".join(w[i:i + words]))], page=b.page)  # type: ignore[attr-defined]
                for i in range(0, len(w), words)]
    return out


@pytest.fixture(scope="module")
def seine_p4(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    return _on_page(read_pages("seine-normandie-guide-erc-2024.pdf", [3], tmp_path_factory.mktemp("sn"), headings=True), 4)


def test_item_with_bold_words_and_notes_hanging_under_their_number(seine_p4: list[object]) -> None:
    """Water-agency guide, p. 4 (two columns, notes under both). A list item goes on over a line whose
    words are set bold (``règles de`` / ``compensation soient fixées dans le`` / ``PLU(i), ...``): the
    bold line starts in lower case, it is no heading. The notes' lines hang under their text, set in
    from the number: note 3 goes on over its second line and on at the foot of the right-hand column,
    note 4 over its second line."""
    texts = [block_text(b) for b in seine_p4]
    item = next(t for t in texts if "pas attendu que des règles de" in t)
    assert "règles de compensation soient fixées dans le PLU(i), qui s’appliqueraient à un projet précis ou un aménageur." in item
    note3 = [t for t in texts if "Pour rappel" in t]
    assert len(note3) == 1
    assert "conditionne toute création d’une nouvelle zone AU à l’étude de capacité des réseaux d’eau et d’assainissement" in note3[0]
    assert note3[0].rstrip().endswith("garantir un territoire habitable dans la durée.")
    assert any(t.endswith("Voir le site TURBEau pour assurer une compatibilité optimale du document d’urbanisme avec le SDAGE.")
               for t in texts)
    assert not any(t.startswith(("compensation soient", "d’une nouvelle zone", "d’eau et d’assainissement", "du document d’urbanisme"))
                   for t in texts)


def test_paragraph_measure_fails_the_guide_page_read_line_by_line(seine_p4: list[object]) -> None:
    """The corpus scorer on the truth of p. 4: the reading gets every paragraph start (F1 1.0); the same
    words cut into line-sized paragraphs fall far below the goal."""
    good, _ = _score(seine_p4, "seine-normandie-guide-erc-2024", 4)
    assert good == 1.0
    bad, _ = _score(_lines_as_paragraphs(seine_p4), "seine-normandie-guide-erc-2024", 4)
    assert bad < 0.5


def test_reference_line_centred_under_a_long_line_goes_on(tmp_path: Path) -> None:
    """Algeria's finance law, states (p. 1, its tables read apart): the reference in brackets under
    the state's title is printed on a long line and a shorter one centred under it; the second line
    goes on after the comma, its deeper start is no first-line indent."""
    blocks = _on_page(read_pages("jora-fr-lf2025-etats.pdf", [0], tmp_path), 1)
    texts = [block_text(b) for b in blocks]
    assert any("1439 correspondant au 2 septembre 2018, modifiée et complétée, relative aux lois de finances)" in t for t in texts)
    assert not any(t.startswith("modifiée et complétée") for t in texts)
    good, _ = _score(blocks, "jora-fr-lf2025-etats", 1)
    assert good == 1.0
    assert _score(_lines_as_paragraphs(blocks, 5), "jora-fr-lf2025-etats", 1)[0] < 0.7


def test_centred_continuation_needs_the_sentence_to_go_on() -> None:
    """The long line's rule on made lines: a shorter line centred under it joins when it goes on from it
    (after a comma, or starting in lower case), not when it starts a sentence of its own, nor when it starts at the
    long line's start (a paragraph's last line)."""
    long = TextLine("(Art. 73 de la loi organique n° 18-15 du 22 septembre 2018,", 97.0, 160.0, 501.0, 169.0, 10.0, False, 1)
    under = TextLine("modifiée et complétée, relative aux lois de finances)", 193.0, 173.0, 401.0, 182.0, 10.0, False, 1)
    assert own_axis(long, under, 404.0, 10.0, inset=0.0)
    capital = TextLine("Modifiée et complétée, relative aux lois de finances)", 193.0, 173.0, 401.0, 182.0, 10.0, False, 1)
    ended = TextLine("(Art. 73 de la loi organique n° 18-15 du 22 septembre 2018)", 97.0, 160.0, 501.0, 169.0, 10.0, False, 1)
    assert not own_axis(ended, capital, 404.0, 10.0, inset=0.0)  # after a comma a capital goes on too (a name)
    last = TextLine("modifiée et complétée, relative aux lois", 97.0, 173.0, 305.0, 182.0, 10.0, False, 1)
    assert not own_axis(long, last, 404.0, 10.0, inset=0.0)


def test_running_header_of_one_part_of_a_bound_document(tmp_path: Path) -> None:
    """Cabestany's compte financier unique binds parts with their own running header: from p. 18 the
    budget execution's ``COMMUNE DE CABESTANY - MAIRIE DE CABESTANY - CFU - 2024`` tops each page (on
    about a fifth of the document's pages, too few for the document's share). Outermost and at the same
    place on three pages in a row, it is furniture; the part's title repeated under it
    (``II – EXECUTION BUDGETAIRE II``) stays, and the measure counts the header when it is put back."""
    # pages 1-4 and 7 (no such header) and 18-20 (the header and the part's title on the three; p. 20's title block
    # was read as a 2x2 table until its code `A2.1` stopped counting as data): on 3 of 8 pages, under the share (4),
    # as in the whole document (15 of 71 pages)
    blocks = read_pages("cabestany-cfu-2024.pdf", [0, 1, 2, 3, 6, 17, 18, 19], tmp_path)
    texts = [block_text(b) for b in blocks]
    assert not any("MAIRIE DE CABESTANY" in t for t in texts)
    assert sum("EXECUTION BUDGETAIRE" in t for t in texts) == 3
    truth = [t for t in load_truth_dir(TRUTH / "cabestany-cfu-2024") if t.page == 19]
    page19 = _on_page([b for b in blocks if getattr(b, "page", None) == 7], 19)  # the copy's seventh page
    header = Paragraph(sentences=[Sentence(id="", text="COMMUNE DE CABESTANY - MAIRIE DE CABESTANY - CFU - 2024")], page=19)

    def leaked(blocks: list[object]) -> int:
        d = Document(meta=DocumentMeta(source_name="cfu.pdf", source_format="pdf", page_count=19), sections=[Section(blocks=blocks)])  # type: ignore[arg-type]
        return score_document(d, truth, "cabestany-cfu-2024").totals.furniture_leaked

    assert page19 and leaked(page19) == 0
    assert leaked([header, *page19]) == 1


def _line(text: str, top: float, page: int, x0: float = 40.0, size: float = 10.0) -> TextLine:
    return TextLine(text, x0, top, x0 + 6.0 * len(text), top + size, size, False, page)


def test_part_header_rule_on_made_pages() -> None:
    """Eight pages: a part's header (outermost, same place) on pages 3-5 only goes; the part's title
    under it on pages 3 and 4 stays; the same header on two pages in a row, or at another place on the third, stays,
    and so does a signatory at the foot of pages 3-5 (a sentence's end)."""
    title = "II – Exécution budgétaire de la commune"

    def page(p: int, header: bool, left: float = 40.0) -> list[TextLine]:
        lines = [_line("Le compte est arrêté comme suit.", 300.0, p), _line("Les recettes sont en hausse.", 320.0, p)]
        if p in (3, 4):
            lines.insert(0, _line(title, 60.0, p))  # the part's title on its first two pages
        return ([_line("COMMUNE DE X - CFU - 2024", 20.0, p, left, 8.0)] if header else []) + lines

    heights = [842.0] * 8
    kept, furniture = split_running_lines([page(p, 3 <= p <= 5) for p in range(1, 9)], heights)
    assert [f.page for f in furniture if "CFU" in f.text] == [3, 4, 5]
    assert [ln.page for lines in kept for ln in lines if ln.text == title] == [3, 4]
    kept, furniture = split_running_lines([page(p, 3 <= p <= 4) for p in range(1, 9)], heights)
    assert not any("CFU" in f.text for f in furniture)
    moved = [page(p, 3 <= p <= 5, 40.0 if p < 5 else 300.0) for p in range(1, 9)]
    assert not any("CFU" in f.text for f in split_running_lines(moved, heights)[1])
    # the signatory closing an order on each of three pages in a row, at the foot: text, it ends with a full stop
    signed = [[*page(p, False), *([_line("AZZEDDINE El MIDAOUI.", 800.0, p)] if 3 <= p <= 5 else [])] for p in range(1, 9)]
    kept, furniture = split_running_lines(signed, heights)
    assert not furniture and [ln.page for lines in kept for ln in lines if ln.text.startswith("AZZEDDINE")] == [3, 4, 5]


def test_scorer_drops_an_item_number_set_apart_from_its_dash() -> None:
    """Egyptian law items are printed ``١ - القانون : ...``: the number and its dash, a space between, are
    the item's marker (the truth writes ``1.``), not words; the item's own words still count."""
    assert strip_list_marker("1 - القانون : قانون المنشآت الفندقية والسياحية .") == "القانون : قانون المنشآت الفندقية والسياحية ."
    assert strip_list_marker("12 – Travaux : 50 MDH") == "Travaux : 50 MDH"
    assert strip_list_marker("2 -3 jours") == "2 -3 jours"
    page = ("---\npage: 1\nread: text\n---\n\n1. القانون : قانون المنشآت الفندقية والسياحية .\n\n"
            "2. الوزير المختص : الوزير المعنى بشئون السياحة .\n")
    truth = [parse_truth_page(page)]

    def accuracy(items: list[str]) -> float:
        block = ListBlock(page=1, items=[ListItem(sentences=[Sentence(id="", text=t)]) for t in items])
        d = Document(meta=DocumentMeta(source_name="x.pdf", source_format="pdf", page_count=1), sections=[Section(blocks=[block])])
        return score_document(d, truth, "x").totals.word_accuracy_text

    assert accuracy(["1 - القانون : قانون المنشآت الفندقية والسياحية .", "2 - الوزير المختص : الوزير المعنى بشئون السياحة ."]) == 1.0
    assert accuracy(["1 - القانون : قانون المنشآت والسياحية .", "2 - الوزير المختص : الوزير المعنى بشئون السياحة ."]) < 1.0



def test_stop_and_vowel_sign_set_apart_by_the_text_layer(tmp_path: Path) -> None:
    """ESEC opinion on biodiversity (Arabic, Word layer). P. 5: the paragraph's last line ``جهة سوس- ماسة``
    has its full stop drawn a little lower, as a line of its own: it goes at the line's end and the
    paragraph is one. P. 9: a tanwin drawn apart between two lines of the summary's first paragraph is
    dropped instead of cutting it. Both pages then score every paragraph start on their truth."""
    blocks = read_pages("cese-ar-avis-biodiversite-2025.pdf", [4, 8], tmp_path)
    p5 = _on_page([b for b in blocks if getattr(b, "page", None) == 1], 5)
    p9 = _on_page([b for b in blocks if getattr(b, "page", None) == 2], 9)
    texts = [block_text(b) for b in p5]
    visit = [t for t in texts if "كما قام المجلس بزيارة ميدانية إلى" in t]
    assert len(visit) == 1 and visit[0].endswith("جهة سوس- ماسة[4].")
    assert not any(t.strip() in (".", "ً") for t in texts + [block_text(b) for b in p9])
    assert any("من أجل حكامة متجددة في خدمة تنمية ترابية مستدامة" in block_text(b) for b in p9)
    assert _score(p5, "cese-ar-avis-biodiversite-2025", 5)[0] == 1.0
    assert _score(p9, "cese-ar-avis-biodiversite-2025", 9)[0] == 1.0
    assert _score(_lines_as_paragraphs(p9, 12), "cese-ar-avis-biodiversite-2025", 9)[0] < 0.6


def test_stray_marks_on_made_lines() -> None:
    """A stop level with a right-to-left line's left end joins it; the same stop at the line's start
    side, a bullet before an item and a lone digit stay lines of their own."""
    line = PdfLine("جهة سوس- ماسة", 400.0, 527.0, 487.0, 539.0, 14.0, False, 5, rtl=True)
    stop = TextLine(".", 396.0, 534.0, 398.0, 536.0, 1.0, False, 5)
    assert [ln.text for ln in stray_marks([line, stop])] == ["جهة سوس- ماسة."]
    start_side = TextLine(".", 490.0, 534.0, 492.0, 536.0, 1.0, False, 5)
    bullet = TextLine("•", 380.0, 528.0, 384.0, 536.0, 10.0, False, 5)
    digit = TextLine("4", 396.0, 534.0, 398.0, 536.0, 10.0, False, 5)
    for other in (start_side, bullet, digit):
        assert len(stray_marks([line, other])) == 2
