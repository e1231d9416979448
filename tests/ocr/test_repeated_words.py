"""A word printed on several scanned pages, voted in its phrase (`transform/ocr/repeated_words.py`, run by
`repeated_lines.vote_lines` after the line vote). The readings are frozen from decree 2.19.720's annex
(adala-ar-decree-2-19-720, pp. 5-8: one model letter printed four times; tesseract's lines as the line vote gets them
in the cached corpus run, `data/repeated_words/decree720-pp5-8.json`); no tesseract, under a second."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transform.ingest.base import TextLine
from transform.model import PageReport
from transform.ocr.confidence import OCR_LOW
from transform.ocr.repeated_lines import vote_lines

DATA = Path(__file__).resolve().parent / "data" / "repeated_words" / "decree720-pp5-8.json"


def _pages(texts: list[list[tuple[str, float]]]) -> list[list[TextLine]]:
    return [[TextLine(t, 0.0, 20.0 * n, 500.0, 20.0 * n + 12, page=p + 5, confidence=c) for n, (t, c) in enumerate(page)]
            for p, page in enumerate(texts)]


def _vote(texts: list[list[tuple[str, float]]]) -> list[list[TextLine]]:
    pages = _pages(texts)
    vote_lines(pages, [PageReport(page=i + 5, method="ocr") for i in range(len(pages))])
    return pages


@pytest.fixture(scope="module")
def read() -> list[list[tuple[str, float]]]:
    return [[(t, c) for t, c in page] for page in json.loads(DATA.read_text(encoding="utf-8"))["pages"]]


@pytest.fixture(scope="module")
def letter(read: list[list[tuple[str, float]]]) -> list[list[TextLine]]:
    return _vote(read)


def _line(page: list[TextLine], part: str) -> TextLine:
    found = [ln for ln in page if part in ln.text]
    assert len(found) == 1, (part, [ln.text for ln in page])
    return found[0]


def test_a_word_the_other_printings_read_in_its_phrase(letter: list[list[TextLine]]) -> None:
    """Lines the line vote cannot reach (their copies say more or less around the word): p. 5's `الحيوية`, `فمنا`,
    `الأموات`, p. 6's `المفريببة`, p. 8's `باسهه` and `مغالفة` take the word the other printings read beside the
    same words; a real word put for another real word leaves its line in doubt, dots alone do not."""
    p5, p6, _p7, p8 = letter
    assert _line(p5, "المديرية الجهوية").text.startswith("المديرية الجهوية ل ب")
    visit = _line(p5, "بمناسبة معاينة الوثائق)")
    assert "التي قمنا بها" in visit.text and visit.doubt is None
    agents = _line(p5, "العون الذي قام")
    assert agents.text == "العون الذي قام / أو الأعوان الذين قاموا بزيارة المراقبة" and agents.doubt == OCR_LOW
    assert "المملكة المغربية" in [ln.text for ln in p6] and not any("المفريببة" in ln.text for ln in p6)
    day = _line(p8, "(اليوم")
    assert day.text.endswith("في (اليوم باسمه وعدده") and day.doubt == OCR_LOW
    assert "بخصوص مخالفة/ مخالفات لأحكام" in _line(p8, "الموضوع").text


def test_a_word_glued_to_a_blank_s_bracket_is_voted_apart(read: list[list[tuple[str, float]]], letter: list[list[TextLine]]) -> None:
    """p. 6 reads `المعاينة)تي (اليوم`: the bracket glued to the word after it. Apart, `تي` stands where the three
    other printings read `في` in the same phrase (a short word of one length, one letter off): the line reads
    `المعاينة) في (اليوم`, in doubt (a real word put for another). A glued bracket the vote does not mend stays."""
    day = _line(letter[1], "(اليوم باسمه")
    assert day.text.startswith("المعاينة) في (اليوم باسمه") and day.doubt == OCR_LOW
    texts = [[("وبعد فإن اللجنة المكلفة بالمعاينة)في عين المكان قد أنجزت مهمتها", 0.9)],
             [("وحيث إن المدعية أدلت بالوثائق المدلى بها في الملف", 0.9)], [("سلام تام بوجود مولانا الإمام", 0.9)]]
    assert _vote(texts)[0][0].text == texts[0][0][0]  # printed once, nothing to mend: the reading stays as it came


def test_what_each_printing_says_its_own_way_is_kept(read: list[list[tuple[str, float]]], letter: list[list[TextLine]]) -> None:
    """The printings' own wording stays: each subject line's `ملاحظات`, `تنبيه بأجل`, `بدون أجل`, `أحكام` /
    `لأحكام`; p. 5's `بزيارة المراقبة` against the others' `بالمعاينة`; every number as read."""
    for before, after in zip(read, letter, strict=True):
        assert [t for t, _c in before if any(ch.isdigit() for ch in t)] == [ln.text for ln in after if any(ch.isdigit() for ch in ln.text)] \
            or all(sorted(c for c in t if c.isdigit()) == sorted(c for c in ln.text if c.isdigit())
                   for (t, _c), ln in zip(before, after, strict=True))
    assert _line(letter[0], "الموضوع").text.startswith("الموضوع: ملاحظات بشأن")
    assert "تنبيه بأجل بخصوص مخالفة أحكام" in _line(letter[1], "الموضوع").text
    assert "بدون أجل بخصوص مخالفة/ مخالفات لأحكام" in _line(letter[3], "الموضوع").text
    assert _line(letter[0], "العون الذي").text.endswith("بزيارة المراقبة")


def test_a_listed_word_never_gives_way_to_readings_known_only_with_a_pronoun(letter: list[list[TextLine]]) -> None:
    """`لهاته` (p. 6; tesseract's own list holds it) against three `لباته` (a word only as `لبات` with a pronoun):
    no count tells which is printed, so p. 6 keeps its reading and all four lines go in doubt."""
    lines = [_line(page, "ومعاينة الأفعال المخالفة") for page in letter]
    assert "المخالفة لهاته الأحكام" in lines[1].text
    assert [ln.doubt for ln in lines] == [OCR_LOW] * 4


def test_printings_that_each_misread_a_word_are_put_in_doubt(letter: list[list[TextLine]]) -> None:
    """`ننبهكم` read `نمكم`, `ننبيكم`, `ننهكم` on pp. 6-8 (in lines that are no copies of each other): no reading
    wins, none is guessed; the three lines go in doubt."""
    lines = [_line(page, "فإننا") for page in letter[1:]]
    assert [w for ln in lines for w in ln.text.split() if w.startswith("ن") and w.endswith("كم")] == ["نمكم", "ننبيكم", "ننهكم"]
    assert [ln.doubt for ln in lines] == [OCR_LOW] * 3


def test_a_phrase_said_again_elsewhere_is_no_printing() -> None:
    """Three pages of one judgment say `الوثائق المدلى بها`, a fourth `الوثائق المستدل بها`, each in its own sentence:
    the neighbours agree but the phrase around them does not, so nothing is voted."""
    texts = [
        [("وحيث إن المدعية أدلت بالوثائق المدلى بها في الملف التجاري", 0.9)],
        [("وبناء على الوثائق المدلى بها من طرف نائب المدعى عليه بالجلسة", 0.9)],
        [("وحيث تبين للمحكمة من الوثائق المدلى بها أن العقد لاغ", 0.9)],
        [("وأن الطرف الآخر لم ينازع في الوثائق المستدل بها أمام قاضي الدرجة الأولى", 0.9)],
    ]
    pages = _vote(texts)
    assert [ln.text for page in pages for ln in page] == [t for page in texts for t, _c in page]
    assert all(ln.doubt is None for page in pages for ln in page)
