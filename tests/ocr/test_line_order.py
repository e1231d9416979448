"""Arabic lines that tesseract listed from the left are put back in logical order (tesseract.right_to_left)."""

from __future__ import annotations

from transform.ocr.render import PageImage
from transform.ocr.tesseract import logical_rtl_words, parse_tsv, right_to_left

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(words: list[tuple[str, int]]) -> str:
    """One line of words (text, left pixel), listed in the given order."""
    rows = [HEADER, "4\t1\t1\t1\t1\t0\t0\t100\t1000\t40\t-1\t"]
    rows += [f"5\t1\t1\t1\t1\t{n}\t{x}\t100\t{60}\t40\t91\t{w}" for n, (w, x) in enumerate(words, 1)]
    return "\n".join(rows) + "\n"


def _page() -> PageImage:
    from PIL import Image

    return PageImage(Image.new("L", (1200, 300), 255), 250.0, 1, 1200 * 72 / 250, 300 * 72 / 250)


def test_a_line_listed_from_the_left_is_read_right_to_left() -> None:
    # Tanger council agenda, a table cell: "6- الدراسة والمصادقة على مشروع ميزانية سنة 2021 ."
    # listed from the left: the sentence's end and the year first, the item number last
    listed = [(".", 10), ("2021", 80), ("الدراسة", 900), ("والمصادقة", 760), ("على", 680), ("مشروع", 560),
              ("ميزانية", 420), ("سنة", 330), ("6-", 1050)]
    line = parse_tsv(_tsv(listed), _page()).lines[0]
    assert line.text.split()[1:] == ["الدراسة", "والمصادقة", "على", "مشروع", "ميزانية", "سنة", "2021", "."]
    assert line.text.split()[0].strip("-") == "6"


def test_a_line_listed_right_to_left_keeps_tesseract_order() -> None:
    # overlapping boxes must not reorder words: "على" listed before "معاوضة" although its centre is further left
    listed = [("2-", 1100), ("المصادقة", 900), ("على", 700), ("معاوضة", 720), ("الوعاء", 500), ("2018", 300)]
    line = parse_tsv(_tsv(listed), _page()).lines[0]
    assert line.text == "2- المصادقة على معاوضة الوعاء 2018"
    words = [w for w, _x in listed]
    assert right_to_left(words, [x + 30.0 for _w, x in listed]) == words


def test_runs_are_reversed_not_sorted() -> None:
    words = ["Béni", "Mellal", "ولاية", "جهة", "12", "."]
    xs = [10.0, 90.0, 900.0, 800.0, 950.0, 990.0]  # listed from the left: first word left of the last
    assert right_to_left(words, xs) == [".", "12", "ولاية", "جهة", "Mellal", "Béni"]
    assert logical_rtl_words(right_to_left(words, xs))[-2:] == ["Béni", "Mellal"]
