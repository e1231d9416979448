"""A form's dotted blank parts the words it touches, in the truth and in the reading alike.

Decree 2.19.720's model letter prints its fill-in blanks glued to the words around them
(`ب.................(مكان`, `في..............(اليوم`); the truth writes them so, a reading may
keep the dots glued, spaced or drop them. A run of three dots or more is a gap between words
(tests/realdocs/README.md), so all three read the same; a wrong word beside a blank, or junk
where the blank is, still counts.
"""

from __future__ import annotations

from transform.evaluation import parse_truth_page, score_document
from transform.evaluation.normalize import words
from transform.model import Document, DocumentMeta, Paragraph, Section, Sentence

TRUTH = ("---\npage: 6\nread: ocr\n---\n\n"
         "التي قمنا بها ب.................(مكان وعنوان المعاينة) في..............(اليوم باسمه وعدده\n")


def _accuracy(read: str) -> tuple[float | None, int]:
    doc = Document(meta=DocumentMeta(lang="ar"), sections=[Section(blocks=[Paragraph(page=6, sentences=[Sentence(id="s", text=read)])])])
    t = score_document(doc, [parse_truth_page(TRUTH)], "t").totals
    return t.word_accuracy_ocr, t.errors_ocr


def test_a_blank_is_a_gap_between_words() -> None:
    assert [w.key for w in words("ب.................(مكان في..............(اليوم")] == ["ب", "مكان", "في", "اليوم"]
    assert [w.key for w in words("Fait à……le")] == ["Fait", "à", "le"]  # an ellipsis too (NFKC: three dots)
    assert [w.key for w in words("1.5 page 2..3")] == ["1.5", "page", "2..3"]  # two dots are no blank


def test_glued_spaced_or_dropped_blanks_read_the_same() -> None:
    for read in ("التي قمنا بها ب.................(مكان وعنوان المعاينة) في..............(اليوم باسمه وعدده",
                 "التي قمنا بها ب ....... (مكان وعنوان المعاينة) في ........ (اليوم باسمه وعدده",
                 "التي قمنا بها ب (مكان وعنوان المعاينة) في (اليوم باسمه وعدده"):
        assert _accuracy(read) == (1.0, 0), read


def test_a_wrong_word_beside_a_blank_still_counts() -> None:
    assert _accuracy("التي قمنا بها ب.......(مكن وعنوان المعاينة) في.......(اليوم باسمه وعدده")[1] == 1
    assert _accuracy("التي قمنا بها ب (مكان وعنوان المعاينة)تي (اليوم باسمه وعدده")[1] == 2  # junk glued, في lost
    assert _accuracy("التي قمنا بها ب (مكان وعنوان المعاينة) ms as باسمه وعدده")[1] == 2  # junk where the blank is
    assert _accuracy("التي قمنا بها ب................. وعنوان المعاينة) في اليوم باسمه وعدده")[1] == 1  # a word lost in it
