"""Paragraph starts read through the word alignment are not moved by a word read one letter off.

A form's label read `المدبنة` for `المدينة` beside a stray `0` and with `إلى` lost (decree
2.19.720 p. 5): three substitutions cost as many edits as an insertion, a substitution, a
match and a deletion, and the scorer took the shifted path, mapping the label's start onto
the next paragraph's. The alignment now takes the most exact matches among its cheapest paths.
A truly missing or extra start is still counted.
"""

from __future__ import annotations

import numpy as np

from transform.evaluation import parse_truth_page, score_document
from transform.evaluation.align import align
from transform.model import Document, DocumentMeta, Paragraph, Section, Sentence

TRUTH = (
    "---\npage: 5\nread: ocr\n---\n\nملف رقم\n\n(المدينة) في\n\nإلى\n\n"
    "السيد(ة) رئيس(ة) ذكر الاسم العائلي والشخصي في حالة التوفر على هوية المشغل\n\n"
    "مقاولة أو مؤسسة اسم المقاولة أو المؤسسة\n"
)
READ = ["ملف رقم 0", "(المدبنة) في", "السيد(ة) رئيس(ة) ذكر الاسم العائلي والشخصي في حالة التوفر على هوية المشغل",
        "مقاولة أو مؤسسة اسم المقاولة أو المؤسسة"]  # fmt: skip


def _doc(paragraphs: list[str]) -> Document:
    blocks = [Paragraph(page=5, sentences=[Sentence(id=f"s{k}", text=t)]) for k, t in enumerate(paragraphs)]
    return Document(meta=DocumentMeta(lang="ar"), sections=[Section(blocks=blocks)])


def _starts(paragraphs: list[str]):
    return score_document(_doc(paragraphs), [parse_truth_page(TRUTH)], "t").pages[0].paragraphs


def test_one_letter_off_label_keeps_its_start() -> None:
    p = _starts(READ)
    # ملف, (المدينة), السيد and مقاولة found; إلى lost with its word (its start falls on السيد, counted once)
    assert (p.tp, p.fp, p.fn) == (4, 0, 1)


def test_the_measure_still_counts_bad_starts() -> None:
    joined = _starts([READ[0], READ[1] + " " + READ[2], READ[3]])  # the label run into the letter
    assert (joined.tp, joined.fp, joined.fn) == (3, 0, 2)
    split = READ[2].split(" ذكر ")
    extra = _starts([*READ[:2], split[0], "ذكر " + split[1], READ[3]])  # a start inside a paragraph
    assert (extra.tp, extra.fp, extra.fn) == (4, 1, 1)


def test_most_matches_among_the_cheapest_paths() -> None:
    # truth 1 2 3 4 5 6 read 1 2 9 8 4 6 (9 a stray, 8 the word 3 one letter off, 5 lost): three
    # substitutions 3>9 4>8 5>4 or 9 inserted, 3>8, 4 matched, 5 deleted, three edits both ways
    al = align(np.array([1, 2, 3, 4, 5, 6]), np.array([1, 2, 9, 8, 4, 6]))
    assert al.edits == 3 and list(al.t2o) == [0, 1, 3, 4, -1, 5]
    assert list(al.exact) == [True, True, False, False, True, True]
