"""A percent sign both readings lost, put back where the column and the ink say so
(``transform/ocr/table_percent.lost_percents``).

The joint order 1096.26 (``adala-ar-joint-order-1096-26``) p. 9 prints a column of limits
``3 % (على الأكثر)``, ``6 % (على الأكثر)``; three cells read ``3 (على الأكثر)``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.ocr._pagebits import Line as _L
from tests.ocr._pagebits import corpus_page
from transform.ocr.render import PageImage
from transform.ocr.table_percent import lost_percents

PDF = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "adala-ar-joint-order-1096-26.pdf"
DPI = 250.0


@dataclass
class _Cell:
    col: int
    text: str


def _page(index: int = 8) -> PageImage:
    return corpus_page(PDF, index, DPI)


def _rows(after_x1: float = 202.2) -> tuple[list[_L], dict[int, tuple[str, list]]]:
    """p. 9's three lines that read ``3 (على الأكثر)``, tesseract's boxes (points), listed right to left."""
    lines, rtl = [], {}
    for top, three, word in ((358.8, 362.0, 360.6), (527.3, 530.5, 529.1), (560.7, 564.2, 562.8)):
        ln = _L("المختلفة 3 (على الأكثر)", 137.7, top, 451.9, top + 17.3)
        boxes = [("المختلفة", 300.0, top, 360.0, top + 15.0), ("3", 224.6, three, 230.7, three + 11.0),
                 ("(على", 176.5, word, after_x1, word + 15.5)]
        lines.append(ln)
        rtl[id(ln)] = (ln.text, boxes)
    return lines, rtl


def _cells() -> list[_Cell]:
    limits = ["3 (على الأكثر)", "3 % (على الأكثر)", "6 % (على الأكثر)", "6 % (على الأكثر)", "3 % (على الأكثر)",
              "3 (على الأكثر)", "3 (على الأكثر)"]
    return [c for t in limits for c in (_Cell(0, "البذور"), _Cell(1, t))]


def test_the_joint_orders_limits_get_their_sign_back() -> None:
    cells = _cells()
    lines, rtl = _rows()
    assert lost_percents(_page(), cells, lines, rtl) == 3  # type: ignore[arg-type]
    assert [c.text for c in cells if c.col == 1] == ["3 % (على الأكثر)"] * 2 + ["6 % (على الأكثر)"] * 2 + ["3 % (على الأكثر)"] * 3


def test_no_sign_without_the_ink_or_the_column() -> None:
    pimg = _page()
    cells = _cells()
    lines, rtl = _rows(after_x1=224.0)  # no gap between the number and the next word: nothing unread
    assert lost_percents(pimg, cells, lines, rtl) == 0  # type: ignore[arg-type]
    # the paper and the watermark where no digit stands: nothing to measure the ink by
    blank = _L("3 (على", 320.0, 493.6, 367.0, 510.9)
    assert lost_percents(pimg, _cells(), [blank], {id(blank): (blank.text, [  # type: ignore[arg-type]
        ("3", 360.0, 496.8, 366.1, 507.7), ("(على", 320.0, 495.4, 345.0, 510.9)])}) == 0
    # p. 5's `150 درهما`: a word space between the number and the word, on the watermark
    price = _L("للنخالة: 150 درهما", 309.6, 137.7, 408.4, 153.5)
    column = [_Cell(1, "150 درهما"), _Cell(1, "150 % درهما"), _Cell(1, "150 % درهما")]
    assert lost_percents(_page(4), column, [price], {id(price): (price.text, [  # type: ignore[arg-type]
        ("للنخالة:", 373.2, 138.0, 408.4, 150.3), ("150", 345.9, 139.4, 367.2, 150.3), ("درهما", 309.6, 138.5, 339.8, 151.5)])}) == 0
    one = [_Cell(1, "3 (على الأكثر)"), _Cell(1, "6 % (على الأكثر)"), _Cell(1, "3 (على الأكثر)")]
    lines, rtl = _rows()
    assert lost_percents(pimg, one, lines, rtl) == 0  # type: ignore[arg-type]  # one cell read with it only
    assert lost_percents(pimg, cells, [], {}) == 0  # type: ignore[arg-type]  # no line of the page shows it
