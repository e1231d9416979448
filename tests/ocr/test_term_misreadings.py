"""Two misreadings of a long word of a fixed term, and a word two candidates away settled by the page.

Decree 2.19.720's model letters (a ~100 dpi scan) print ``المملكة المغربية`` and ``وزارة الشغل والإدماج
المهني`` in their letterhead; ``ara`` reads ``المفريبة``, ``المغريبة`` (ف for غ, the teeth's dots on
each other's tooth), ``المي`` (the stacked ``مهـ`` read ``م``, ``ن`` lost) and ``وذارة`` (ز read ذ),
beyond the one-letter repairs. The lines below are as tesseract listed them (words, confidences).
"""

from __future__ import annotations

from transform.ocr.collocations import terms
from transform.ocr.spelling import repair_unsure, sure_words


def test_a_long_term_word_two_misreadings_off_beside_its_other_word() -> None:
    assert repair_unsure(["المملكة", "المفريبة"], [89.0, 55.0]) == ["المملكة", "المغربية"]
    assert repair_unsure(["المملكة", "المغريبة"], [73.0, 70.0]) == ["المملكة", "المغربية"]
    # a known word read unsure that is the term's word with letters lost
    line = repair_unsure(["وذارة", "الشفل", "والإدماج", "المي"], [44.0, 63.0, 91.0, 35.0])
    assert line[2:] == ["والإدماج", "المهني"]


def test_what_two_misreadings_leave_alone() -> None:
    assert terms(["المملكة", "العربية"], [90.0, 30.0]) == ["المملكة", "العربية"]  # a known word re-dotted
    assert terms(["والإدماج", "المي"], [91.0, 88.0]) == ["والإدماج", "المي"]  # a known word read sure
    assert terms(["تاريخ", "الرسم"], [90.0, 90.0]) == ["تاريخ", "الرسم"]
    assert terms(["والإدماج", "المي"]) == ["والإدماج", "المي"]  # no confidences: as sure
    assert terms(["المملكة", "مغربية"], [90.0, 30.0]) == ["المملكة", "مغربية"]  # the article is no misreading
    assert terms(["الحد", "الأدق"], [90.0, 30.0]) == ["الحد", "الأدق"]  # a short word: one letter only


def test_a_word_the_page_prints_sure_settles_two_candidates() -> None:
    page = sure_words(["وزارة", "العدل"], [87.0, 90.0])  # the letterhead's وزارة العدل above the letter
    assert repair_unsure(["وذارة", "الشفل"], [44.0, 63.0], page) == ["وزارة", "الشغل"]
    assert repair_unsure(["وذارة", "الشفل"], [91.0, 89.0], page) == ["وزارة", "الشغل"]  # read fairly sure
    # without it, وزارة and ودارة (و + دارة) are both one letter off: left as read, not ودارة
    assert repair_unsure(["وذارة"], [44.0]) == ["وذارة"]


def test_a_hamza_seat_read_as_a_tooth_with_its_neighbours_dots_moved() -> None:
    # ``رئيس(ة)`` of the letter's address read ``رنبس(ة)`` at 22-74 % (pp. 5-7)
    assert repair_unsure(["السيد(ة)", "رنبس(ة)", "(ذكر"], [92.0, 74.0, 74.0]) == ["السيد(ة)", "رئيس(ة)", "(ذكر"]
    assert repair_unsure(["رنبس"], [30.0]) == ["رئيس"]
    # a run of teeth re-dotted without a hamza: right words no list holds stay
    assert repair_unsure(["تعتبر", "سنتيما", "بتنامي"], [40.0, 40.0, 40.0]) == ["تعتبر", "سنتيما", "بتنامي"]


def test_a_lone_latin_letter_does_not_keep_a_terms_words_apart() -> None:
    # p. 7: the letterhead's stars under the line read ``à`` between the two words
    assert repair_unsure(["المملكة", "à", "المغريبة"], [73.0, 41.0, 70.0]) == ["المملكة", "à", "المغربية"]
    assert terms(["المملكة", "de", "المغريبة"], [73.0, 41.0, 70.0]) == ["المملكة", "de", "المغريبة"]  # a word: apart
