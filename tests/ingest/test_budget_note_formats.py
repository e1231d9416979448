"""The same budget note in PDF, DOCX, HTML and Markdown: the same numbers and the same headings.

The note is our own (samples/src/note-budget-2027.md: Arabic then French, a budget table,
footnotes holding numbers, headings on three levels, Hijri + Gregorian dates). The samples are
built by scripts/make_samples.py: Markdown -> DOCX (pandoc) -> PDF (LibreOffice), the DOCX's
HTML export (LibreOffice) and a Markdown export made from that HTML the way Word-to-Markdown
converters write it. Numbers are compared as sets over the whole document (body, table cells,
list items, notes); note marks (``[1]``) are references, not numbers, and are left out.
"""

from __future__ import annotations

import pytest

from transform.model import Document

from ._compare import SAMPLES, load
from ._office import headings, notes, numbers

NAME = "note-budget-2027"
OFFICE_READINGS = {
    "markdown source": SAMPLES / "src" / f"{NAME}.md",
    "docx": SAMPLES / f"{NAME}.docx",
    "html export": SAMPLES / f"{NAME}.html",
    "markdown export": SAMPLES / f"{NAME}.export.md",
}
_cache: dict[str, Document] = {}


def reading(kind: str) -> Document:
    if kind not in _cache:
        _cache[kind] = load(SAMPLES / f"{NAME}.pdf" if kind == "pdf" else OFFICE_READINGS[kind])
    return _cache[kind]


EXPECTED_HEADINGS = [
    (1, "مذكرة تقديم مشروع ميزانية جهة بني ملال خنيفرة برسم السنة المالية 2027"),
    (2, "أولا: الإطار القانوني والمنهجي"),
    (2, "ثانيا: تقديرات الموارد"),
    (2, "ثالثا: توزيع النفقات"),
    (3, "نفقات التسيير"),
    (3, "نفقات التجهيز"),
    (2, "رابعا: الجدولة الزمنية"),
    (1, "Note de présentation du projet de budget de la Région Béni Mellal-Khénifra pour l'exercice 2027"),
    (2, "I. Cadre juridique et méthode"),
    (2, "II. Prévisions de recettes"),
    (2, "III. Répartition des dépenses"),
    (3, "Dépenses de fonctionnement"),
    (3, "Dépenses d'équipement"),
    (2, "IV. Calendrier"),
]
# numbers that only the footnotes hold: a reading that drops the notes loses them
ONLY_IN_NOTES = {"45000000", "12400000", "71200000", "64", "1447", "14", "2025"}


def test_markdown_source_is_the_reference() -> None:
    doc = reading("markdown source")
    assert headings(doc) == EXPECTED_HEADINGS
    nums = numbers(doc)
    assert len(nums) >= 40
    assert {"1318400000", "1250000000", "1028400000", "111.14", "5,5", "11,5", "1448", "2026", "2027"} | ONLY_IN_NOTES <= nums
    assert len(notes(doc)) == 6


@pytest.mark.parametrize("kind", ["docx", "html export", "markdown export"])
def test_office_readings_have_the_same_numbers_and_headings(kind: str) -> None:
    ref, doc = reading("markdown source"), reading(kind)
    assert numbers(doc) - numbers(ref) == set() and numbers(ref) - numbers(doc) == set()
    assert headings(doc) == headings(ref)
    assert len(notes(doc)) == 6


def test_the_number_measure_sees_lost_notes() -> None:
    """Without its notes a reading loses numbers: the set comparison would fail."""
    doc = reading("docx").model_copy(deep=True)
    for sec in doc.sections:
        stack = [sec]
        while stack:
            s = stack.pop()
            s.blocks = [b for b in s.blocks if getattr(b, "role", None) != "note"]
            stack.extend(s.sections)
    assert numbers(reading("markdown source")) - numbers(doc) == ONLY_IN_NOTES


def test_pdf_has_the_same_headings() -> None:
    assert headings(reading("pdf")) == headings(reading("markdown source"))


def test_pdf_has_the_same_numbers() -> None:
    ref, pdf = numbers(reading("markdown source")), numbers(reading("pdf"))
    assert ref - pdf == set(), sorted(ref - pdf)
    assert pdf - ref == set(), sorted(pdf - ref)
    # each note at a page foot is a note paragraph opening with its mark, as in the office readings
    assert [p.sentences[0].text[:3] for p in notes(reading("pdf"))] == ["[1]", "[2]", "[3]"] * 2
