"""Words tesseract read from a dotted or dashed rule (a box no letter is as flat as) taken out of their
lines once the re-readings are done (``flat_words``, ``tesseract.parse_tsv``, ``page_passes.kept_lines``).

The boxes are the ones tesseract gave on decree 2.19.720's scanned model letters (250 dpi): a form's
fill-in blank after ``الاسم الشخصي والعائلي:`` read ``1 00`` (5 and 6 pixels high), the blank after
``العنوان`` read ``avant`` (9 pixels high, 53 wide), a dash-led dotted line read ``0`` alone."""

from __future__ import annotations

from PIL import Image

from transform.ocr.page_passes import Tally, kept_lines
from transform.ocr.render import PageImage
from transform.ocr.tesseract import parse_tsv

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(lines: list[list[tuple[str, int, int, int, int, float]]]) -> str:
    """Tesseract's TSV for these lines of words (text, left, top, width, height, confidence), one block each."""
    rows = [HEAD]
    for n, words in enumerate(lines, 1):
        x0 = min(w[1] for w in words)
        y0 = min(w[2] for w in words)
        x1 = max(w[1] + w[3] for w in words)
        y1 = max(w[2] + w[4] for w in words)
        rows.append(f"4\t1\t{n}\t1\t1\t0\t{x0}\t{y0}\t{x1 - x0}\t{y1 - y0}\t-1\t")
        for k, (text, left, top, width, height, conf) in enumerate(words, 1):
            rows.append(f"5\t1\t{n}\t1\t1\t{k}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(rows) + "\n"


def _page() -> PageImage:
    return PageImage(Image.new("L", (2068, 2924), 255), 250, 5, 2068 * 72 / 250, 2924 * 72 / 250)


def _read(lines: list[list[tuple[str, int, int, int, int, float]]]) -> list[str]:
    page = _page()
    result = parse_tsv(_tsv(lines), page)
    return [ln.text for ln in kept_lines(result, page, Tally())]


# tesseract lists an Arabic line's words right to left
NAME = [("•", 1659, 1351, 12, 15, 91.0), ("الاسم", 1569, 1345, 64, 37, 88.0), ("الشخصي", 1460, 1329, 96, 60, 86.0),
        ("والعائلي:", 1337, 1329, 109, 60, 84.0), ("1", 1072, 1366, 49, 5, 40.0), ("00", 765, 1364, 65, 6, 38.0)]
ADDRESS = [("العنوان", 1149, 940, 89, 38, 88.0), ("avant", 1094, 960, 53, 9, 12.0)]
DASHES = [("0", 463, 2024, 5, 7, 90.0)]
SUBJECT = [("الموضوع:", 1566, 1075, 107, 44, 90.0), ("رقم", 1000, 1076, 50, 35, 88.0), ("65.99", 930, 1080, 60, 27, 95.0)]


def test_a_blanks_dots_read_as_digits_leave_the_line() -> None:
    assert _read([NAME]) == ["• الاسم الشخصي والعائلي:"]


def test_a_blank_read_as_a_lowercase_word_and_a_dotted_line_read_alone() -> None:
    assert _read([ADDRESS, DASHES, SUBJECT]) == ["العنوان", "الموضوع: رقم 65.99"]


def test_small_print_and_punctuation_are_no_rule() -> None:
    from transform.ocr.flat_words import flat_word

    # a 6 pt footnote's lowercase word (its x-height 10 pixels at 250 dpi), a number's digits, a dotted blank's dots
    assert not flat_word("ou", 22, 10, 250)
    assert not flat_word("une", 38, 10, 250)
    assert not flat_word("1", 8, 12, 250)
    assert not flat_word("........", 67, 6, 250)
    assert flat_word("سات", 127, 6, 250) and flat_word("avant", 53, 9, 250)


def test_a_real_token_like_a_flat_one_stays() -> None:
    from transform.ocr.flat_words import without_flat

    # the line's own ``1`` read with the rule's ``1``: which is which is not known, both stay
    assert without_flat("المادة 1 من 1", "المادة 1 من 1", ["1"]) == "المادة 1 من 1"
    # a re-reading that replaced a stray word kept the rule's word: it goes
    assert without_flat("(المدينة) في سات", "(ais) في سات", ["سات"]) == "(المدينة) في"


def test_the_lines_word_listing_is_kept_in_step() -> None:
    # the table and number passes read a line's words by their boxes where the listing reads as the line does
    page = _page()
    result = parse_tsv(_tsv([NAME]), page)
    (ln,) = kept_lines(result, page, Tally())
    text, listed = result.rtl_words[id(ln)]
    assert text == ln.text == "• الاسم الشخصي والعائلي:"
    assert [w for w, *_box in listed] == ["•", "الاسم", "الشخصي", "والعائلي:"]
    assert len(result.word_confs[id(ln)]) == 4
