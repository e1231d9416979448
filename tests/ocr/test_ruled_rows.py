"""A line read across the cells of a ruled row that is no table, cut at its rules (transform/ocr/ruled_rows.py,
seventeenth session).

The Santé decision's application forms (ma-sante-ar-decision-2023 pp. 2-3) close on one ruled row: ``تاريخ الطلب`` |
blank | ``توقيع المترشح(ة)`` | blank. Tesseract read it as one line (``à 6 الطلب توقيع المترشح(ة)`` on p. 2), one
paragraph where the truth has two. The frozen line below is p. 2's as the reader makes it (250 dpi, boxes in points);
the image is the real page. Every test but the negative ones fails on main (no such module, and the reading kept one
paragraph); the slow one shares the page's reading with test_dashed_form_tables.py within a test process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.ocr._pagebits import corpus_page, read_corpus_page
from transform.ingest.base import TextLine
from transform.ingest.pdf_tables import FoundTable
from transform.model import Paragraph, Table
from transform.ocr.render import PageImage
from transform.ocr.ruled_rows import cut_ruled_rows
from transform.ocr.tesseract import OcrResult

TOP, BOTTOM = 662.7, 683.1
# p. 2's row as tesseract listed its words (right to left), boxes in points
P2 = [("à", 500.3, TOP, 504.4, BOTTOM), ("6", 513.2, TOP, 520.1, BOTTOM), ("الطلب", 467.4, TOP, 495.4, BOTTOM),
      ("توقيع", 306.1, TOP, 325.4, BOTTOM), ("المترشح(ة)", 259.8, TOP, 301.4, BOTTOM)]
P2_TEXT = "à 6 الطلب توقيع المترشح(ة)"


def _line(text: str, words: list[tuple[str, float, float, float, float]],
          confs: list[float]) -> tuple[TextLine, OcrResult]:
    ln = TextLine(text=text, x0=min(w[1] for w in words), top=TOP, x1=max(w[3] for w in words), bottom=BOTTOM, size=21.6, page=2)
    ln.confidence, ln.doubt = 0.676, "ocr_low_confidence"
    result = OcrResult([ln], 65.0, len(words), line_conf={id(ln): sum(confs) / len(confs)}, rtl_words={id(ln): (text, words)},
                       word_confs={id(ln): confs})
    return ln, result


@pytest.fixture(scope="module")
def page2() -> PageImage:
    return corpus_page("ma-sante-ar-decision-2023.pdf", 1)


def test_the_forms_last_row_is_cut_at_its_rules_into_two_labels(page2: PageImage) -> None:
    words = [("تاريخ", 500.3, TOP, 520.1, BOTTOM), *P2[2:]]
    ln, result = _line("تاريخ الطلب توقيع المترشح(ة)", words, [80.0, 75.0, 70.0, 68.0])
    out = cut_ruled_rows([ln], [], page2, page2, result, "ara+fra", 30.0)
    assert [p.text for p in out] == ["تاريخ الطلب", "توقيع المترشح(ة)"]  # the right-hand cell first
    assert out[0].x0 == pytest.approx(467.4) and out[1].x1 == pytest.approx(325.4)
    assert all(p.fill for p in out)  # each label has its blank cell after it: a field's label, no heading
    assert all(p.doubt == "ocr_low_confidence" for p in out)  # the line's doubt stays on its parts
    assert [result.rtl_words[id(p)][0] for p in out] == ["تاريخ الطلب", "توقيع المترشح(ة)"]  # listed for the passes after
    assert result.line_conf[id(out[1])] == pytest.approx(69.0)  # the part's own words' confidence


def _reading(monkeypatch: pytest.MonkeyPatch, text: str, conf: float) -> list[tuple[int, int, int, int]]:
    """``read_rows`` answering ``text`` at ``conf`` for each crop (tesseract's answer on the reader's page image, which
    a test's rendering of the page does not reproduce byte for byte); the crops asked for are listed."""
    import transform.ocr.tesseract as tess

    asked: list[tuple[int, int, int, int]] = []

    def read_rows(pimg: PageImage, boxes: list[tuple[int, int, int, int]], langs: str, timeout: float) -> list[OcrResult]:
        assert langs == "ara"
        asked.extend(boxes)
        return [OcrResult([TextLine(text=text, x0=0, top=0, x1=1, bottom=1)], conf, 2) for _ in boxes]

    monkeypatch.setattr(tess, "read_rows", read_rows)
    return asked


def test_a_label_read_as_latin_beside_its_word_is_read_again_alone(page2: PageImage, monkeypatch: pytest.MonkeyPatch) -> None:
    # ``تاريخ`` read ``à 6`` across the row: the part alone, read with ara (41 % in the reading), is the form's label
    asked = _reading(monkeypatch, "تاريخ الطلب", 41.0)
    ln, result = _line(P2_TEXT, P2, [71.0, 66.0, 66.0, 70.0, 65.0])
    out = cut_ruled_rows([ln], [], page2, page2, result, "ara+fra", 30.0)
    assert [p.text for p in out] == ["تاريخ الطلب", "توقيع المترشح(ة)"]
    assert len(asked) == 1  # only the part holding Latin letters, one call
    assert out[0].doubt is not None and out[0].confidence is not None and out[0].confidence < 0.676  # the lower confidence
    assert out[1].confidence == 0.676


@pytest.mark.parametrize("text", ["تاريخ Ab الطلب", "تاريخ 6 الطلب", "تاريخ", "تاريخ الطلبيييي", "سجل المترشح"])
def test_a_rereading_is_refused_when_latin_a_number_or_an_unknown_word_stays(page2: PageImage, monkeypatch: pytest.MonkeyPatch,
                                                                            text: str) -> None:
    _reading(monkeypatch, text, 90.0)
    ln, result = _line(P2_TEXT, P2, [71.0, 66.0, 66.0, 70.0, 65.0])
    out = cut_ruled_rows([ln], [], page2, page2, result, "ara+fra", 30.0)
    assert [p.text for p in out] == ["à 6 الطلب", "توقيع المترشح(ة)"]  # cut, as read


def test_a_gap_of_blank_paper_is_no_cells_border() -> None:
    blank = PageImage(Image.new("L", (2070, 2924), 255), 250.0, 2, 595.0, 842.0)
    words = [("تاريخ", 500.3, TOP, 520.1, BOTTOM), *P2[2:]]
    ln, result = _line("تاريخ الطلب توقيع المترشح(ة)", words, [80.0, 75.0, 70.0, 68.0])
    lines = [ln]
    assert cut_ruled_rows(lines, [], blank, blank, result, "ara+fra", 30.0) is lines


def test_a_line_a_table_took_or_a_pass_rewrote_stays_whole(page2: PageImage, monkeypatch: pytest.MonkeyPatch) -> None:
    words = [("تاريخ", 500.3, TOP, 520.1, BOTTOM), *P2[2:]]
    ln, result = _line("تاريخ الطلب توقيع المترشح(ة)", words, [80.0, 75.0, 70.0, 68.0])
    table = FoundTable(Table(rows=[]), TOP - 5, BOTTOM + 5, 30.0, 530.0)
    lines = [ln]
    assert cut_ruled_rows(lines, [table], page2, page2, result, "ara+fra", 30.0) is lines
    ln.text = "تاريخ الطلب توقيع المترشحة"  # no longer the words as listed: where they stand is not known
    assert cut_ruled_rows(lines, [], page2, page2, result, "ara+fra", 30.0) is lines


def test_labels_in_arabic_letters_only_are_not_read_again(page2: PageImage, monkeypatch: pytest.MonkeyPatch) -> None:
    import transform.ocr.tesseract as tess

    monkeypatch.setattr(tess, "read_rows", lambda *a, **k: pytest.fail("no re-reading expected"))
    words = [("تاريخ", 500.3, TOP, 520.1, BOTTOM), *P2[2:]]
    ln, result = _line("تاريخ الطلب توقيع المترشح(ة)", words, [80.0, 75.0, 70.0, 68.0])
    assert len(cut_ruled_rows([ln], [], page2, page2, result, "ara+fra", 30.0)) == 2


@pytest.mark.slow
def test_the_application_forms_date_and_signature_are_two_paragraphs(tmp_path: Path) -> None:
    from transform.model.walk import iter_blocks

    doc = read_corpus_page(Path(__file__).resolve().parents[1] / "realdocs" / "files" / "ma-sante-ar-decision-2023.pdf", 2)
    paras = [" ".join(s.text for s in b.sentences) for _, b in iter_blocks(doc) if isinstance(b, Paragraph)]
    assert paras[-2:] == ["تاريخ الطلب", "توقيع المترشح(ة)"]  # main: one paragraph, ``à 6 الطلب توقيع المترشح(ة)``
