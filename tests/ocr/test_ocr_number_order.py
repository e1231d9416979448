"""Numbers and dates of OCR'd Arabic lines read whole and in their printed order: numbers joined
by dashes (tesseract.py), a rendered page's two readings settling a date or a year and a date's
comma among slashes (number_readings.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_testkit import CORPUS_FILES, one_page

from transform.evaluation import normalize, read_document
from transform.evaluation.normalize import number_tokens
from transform.ingest.base import TextLine
from transform.model.walk import iter_blocks
from transform.ocr import confidence
from transform.ocr.number_readings import comma_dates, settle, settle_lines, well_formed
from transform.ocr.tesseract import logical_rtl_words

JUDGMENT = CORPUS_FILES / "ma-tc-casa-jugement-2271-2020.pdf"


def test_numbers_joined_by_dashes_keep_their_drawn_order() -> None:
    # what tesseract listed for the judgment's last page, p. 4: ``الفصول 1-3-31-32-50-124 و147`` and
    # ``القانون 16-49.`` (a full stop after the pair), each number a right-to-left run of its own
    assert logical_rtl_words(["124-50-32-31-3-1", "و147"]) == ["1-3-31-32-50-124", "و147"]
    assert logical_rtl_words(["القانون", "49-16."]) == ["القانون", "16-49."]
    assert logical_rtl_words(["2027-2022"]) == ["2022-2027"]
    # a decimal after the dash or before it is not a chain of numbers: left as read
    assert logical_rtl_words(["12-13.5", "1.5-2"]) == ["12-13.5", "1.5-2"]


def test_a_date_or_a_year_is_taken_from_the_other_reading_only_when_it_is_whole() -> None:
    assert well_formed("2019/09/6") and well_formed("11/03/2020") and well_formed("2019")
    # the measure itself: what a bad reading makes is not well formed
    for bad in ("2019,09/6", "2019096", "22019", "9", "2019/13/45", "2019/09", "3019"):
        assert not well_formed(bad), bad
    assert settle("متم يوليوز 9 بسومة 550", "متم يوليوز 2019 بسومة 550") == ("متم يوليوز 2019 بسومة 550", False)
    assert settle("بتاريخ 2019,09/6 أي", "بتاريخ 2019/09/6 أي")[0] == "بتاريخ 2019/09/6 أي"
    assert settle("يوليوز 22019 ما", "يوليوز 2019» ما")[0] == "يوليوز 2019 ما"
    # the kept reading's date is whole: the other reading's different digits never replace it
    assert settle("بتاريخ 2019/09/13 أي", "بتاريخ 2019/09/18 أي") == ("بتاريخ 2019/09/13 أي", False)
    # neither reading whole: the text stays and the disagreement is told
    assert settle("بتاريخ 6 أي", "بتاريخ 66 أي") == ("بتاريخ 6 أي", True)
    # a longer number is not a date that lost digits: ``2019`` has more digits than ``219``'s other reading
    assert settle("بتاريخ 219 أي", "بتاريخ 2019/09/06 أي")[0] == "بتاريخ 2019/09/06 أي"
    assert settle("رقم 20195 أي", "رقم 2019 أي")[0] == "رقم 20195 أي"  # one digit more at the end: not a stroke
    # a word the other reading made Latin with a digit in it (``ثاني`` read ``G1``, the judgment p. 4) is no number:
    # the broken date ``31``/``1`` (printed ``2019/07/31``) still faces its counterpart and is told
    assert settle("31 كما إنذار ثاني بتاريخ 2019/09/9", "1 كما إنذار G1 بتاريخ 2019/09/9") == (
        "31 كما إنذار ثاني بتاريخ 2019/09/9", True)


def test_lines_are_settled_with_the_line_at_the_same_place() -> None:
    kept = [TextLine("متم يوليوز 9 بسومة", 100, 100, 500, 115), TextLine("بتاريخ 6 أي", 100, 130, 500, 145)]
    other = [TextLine("متم يوليوز 2019 بسومة", 101, 99, 499, 114), TextLine("بتاريخ 66 أي", 100, 131, 500, 146),
             TextLine("سنة 2020", 100, 300, 500, 315)]
    assert settle_lines(kept, other) == 1
    assert kept[0].text == "متم يوليوز 2019 بسومة" and kept[0].doubt is None
    assert kept[1].text == "بتاريخ 6 أي" and kept[1].doubt == confidence.DIGITS


def test_a_dates_comma_among_slashes_is_a_slash() -> None:
    assert comma_dates("لجلسة 2020/03,11.") == "لجلسة 2020/03/11."
    assert comma_dates("بتاريخ 2019,09/6 أي") == "بتاريخ 2019/09/6 أي"
    # not a date once made a slash, or a decimal: left as read
    for text in ("12,5/3", "1,250/2020", "2020/13,45", "550,00 درهم"):
        assert comma_dates(text) == text


def _numbers(doc: object) -> list[str]:
    body = " ".join(normalize(" ".join(s.text for s in getattr(b, "sentences", []))) for _, b in iter_blocks(doc))
    return [t.text for t in number_tokens(body)]


def _in_order(tokens: list[str], expected: list[str]) -> bool:
    it = iter(tokens)
    return all(any(t == want for t in it) for want in expected)


@pytest.mark.slow
@pytest.mark.parametrize(("page", "expected", "in_doubt"), [
    # p. 3: the year after ``متم يوليوز`` and the deposit's date, which the thickened reading kept for
    # its letters read ``9`` and ``2019,09/6``; the hearing's date ``2020/03/11`` read with a comma
    (3, ["2020/03/04", "2020/03/11", "4.400", "2018", "2019", "550", "1000", "2019/09/9", "2019/09/13", "2019/09/6"], None),
    # p. 4: the articles applied, printed ``1-3-31-32-50-124``, and the law ``16-49.``; the notice's date
    # ``2019/07/31``, which neither page reading has whole (``31``), read alone (number_crops.py) and written
    (4, ["2018/12/1", "2019/07/31", "2019/09/9", "1-3-31-32-50-124", "147", "26", "16-49"], None),
])
def test_the_judgments_numbers_read_whole_and_in_order(tmp_path: Path, page: int, expected: list[str],
                                                       in_doubt: str | None) -> None:
    doc = read_document(one_page(JUDGMENT, page, tmp_path / f"p{page}.pdf"))
    assert doc.meta.pages[0].method == "ocr"
    tokens = _numbers(doc)
    assert _in_order(tokens, expected), tokens
    if in_doubt:
        doubts = [b.doubt for _, b in iter_blocks(doc) if in_doubt in " ".join(s.text for s in getattr(b, "sentences", []))]
        assert doubts == [confidence.DIGITS], doubts


def test_a_number_the_kept_reading_lost_digits_of_is_taken_in_doubt() -> None:
    """Casa p. 3: the thickened reading, kept, read the account ``5988`` as ``8``; the first reading had it
    whole. Two digits or more lost: the whole number is written and the line stays in doubt. One digit
    more (a stroke read as a digit) or a digit changed is only flagged."""
    assert settle("وحساب رقم 8 تبين 4950 درهم", "وحساب رقم 5988 تبين 4950 درهم") == ("وحساب رقم 5988 تبين 4950 درهم", True)
    assert settle("رقم 19 و 4", "رقم 119 و 4") == ("رقم 19 و 4", True)  # one digit more: flagged, not taken
    assert settle("رقم 5918 و 4", "رقم 5988 و 4") == ("رقم 5918 و 4", True)  # a digit changed: flagged only
    assert settle("رقم 5988 و 4", "رقم 5988 و 4") == ("رقم 5988 و 4", False)
