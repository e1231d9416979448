"""A document's own confusion profile (transform/ocr/doc_profile.py).

Frozen OCR lines in the manner of decree 2.19.720's inspection forms (adala-ar-decree-2-19-720), whose scan reads the
``ت`` inside a word as ``ن`` (``المنعلقة``, ``والننظيمية`` put right by the page's spelling pass; ``انخاذها`` left),
and of the Casablanca judgment's light face (``ل`` read ``ن``). No tesseract. Each test fails on main (no such module,
no ``TextLine.mended``); the truth checks hold the pass to changing no right word of the corpus.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.ocr._pagebits import page_lines
from transform.ocr.doc_profile import AMBIGUOUS, learn, mend, mend_texts
from transform.ocr.doc_words import doc_words

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_echoes import TRUTH, _truth_texts  # noqa: E402

FORM = [
    "الموضوع: تنبيهات بخصوص المخالفات المتعلقة بالنصوص التشريعية والتنظيمية.",
    "وبعد، فقد تمت زيارة المقاولة المذكورة وتبين أن التدابير الواجب انخاذها لم تنفذ.",
    "لذا ننبهكم إلى ضرورة تسوية هذه الوضعية داخل الآجال.",
]
# what the page's spelling pass put right on the form's other lines (TextLine.mended): ت read ن inside a word
SETTLED = [("المنعلقة", "المتعلقة"), ("والننظيمية", "والتنظيمية")]


def _changed(before: list[list[str]], after: list[list[str]]) -> list[tuple[str, str]]:
    return [(a, b) for p, q in zip(before, after, strict=True) for x, y in zip(p, q, strict=True) if x != y
            for a, b in zip(x.split(), y.split(), strict=True) if a != b]


def test_a_word_the_documents_own_confusion_reaches_one_way_is_mended() -> None:
    out, doubt = mend_texts([FORM], SETTLED)
    assert _changed([FORM], out) == [("انخاذها", "اتخاذها")]
    assert doubt == [[False, False, False]]


def test_one_settled_word_teaches_no_confusion() -> None:
    out, _doubt = mend_texts([FORM], SETTLED[:1])
    assert out == [FORM]


def test_the_lines_the_page_passes_mended_teach_the_document_and_keep_their_confidence() -> None:
    pages = page_lines([FORM[:1], FORM[1:]])
    pages[0][0].mended = (("المنعلقة", "المتعلقة"), ("والننظيمية،", "والتنظيمية،"))  # punctuation is no letter
    pages[1][0].confidence, pages[1][0].doubt = 0.62, "ocr_low_confidence"
    assert doc_words(pages) == 1
    assert "الواجب اتخاذها لم" in pages[1][0].text
    assert (pages[1][0].confidence, pages[1][0].doubt) == (0.62, "ocr_low_confidence")


def test_a_word_two_learnt_confusions_reach_two_ways_stays_and_its_line_is_put_in_doubt() -> None:
    # the judgment's face reads both ل and ي as ن: الاحتنال is الاحتلال or الاحتيال, the page cannot say which
    settled = [("وتكنيف", "وتكليف"), ("الطنب", "الطلب"), ("المستنزمات", "المستلزمات"),
               ("التعنيمات", "التعليمات"), ("الحانية", "الحالية"), ("المعنومات", "المعلومات"),
               ("التعنين", "التعيين"), ("المدنية", "المديية")]
    prof = learn(Counter(), settled).learnt()
    assert ("ل", "ن", False) in prof and ("ي", "ن", False) in prof
    assert mend("الاحتنال", prof) == (None, True)
    pages = page_lines([["وحيث إن الاحتنال ثابت بالوثائق.", "وحيث إن الطلب مؤسس."]])
    pages[0][1].doubt = "ocr_low_confidence"
    for ln, (a, b) in zip(pages[0] * 4, settled, strict=True):
        ln.mended += ((a, b),)
    assert doc_words(pages) == 0
    assert pages[0][0].text == "وحيث إن الاحتنال ثابت بالوثائق." and pages[0][0].doubt == AMBIGUOUS
    assert pages[0][1].doubt == "ocr_low_confidence"  # a line in doubt keeps its own doubt


@pytest.mark.parametrize("word", [
    "نتوفر",  # a verb's person: ن and ل may both begin a word, a confusion learnt inside one does not hold there
    "الطنب",  # a word the list knows
    "بنسامي",  # a name: nothing the confusion makes of it is a word
])
def test_what_the_profile_cannot_vouch_for_stays(word: str) -> None:
    assert mend(word, {("ل", "ن", False)}) == (None, False)


def test_a_word_the_document_reads_three_times_is_its_own() -> None:
    lines = [f"السطر {n}: الواجب انخاذها." for n in range(3)]
    out, _doubt = mend_texts([lines], SETTLED)
    assert out == [lines]


# the confusions each OCR'd Arabic document of the corpus learns as read (cached tesseract answers, 2026-12-07)
AS_READ = {
    "adala-ar-joint-order-1096-26": {("د", "ذ", False)},
    "adala-ar-decree-2-19-720": {("ت", "ث", False), ("ت", "ن", False), ("ع", "غ", False), ("ف", "ق", False),
                                 ("ق", "ف", False), ("ي", "ب", False), ("ي", "ه", False)},
    "ma-tc-casa-jugement-2271-2020": {("ب", "ي", False), ("ب", "ي", True), ("ل", "ن", False), ("ه", "م", False)},
    "adala-ar-decree-2-17-355": {("ن", "ت", False)},
    "ma-narsa-ar-decision-2023": {("ن", "ت", False), ("ي", "ب", False)},
}


def _truth_docs() -> list[tuple[str, list[list[str]]]]:
    docs = sorted(d for d in TRUTH.iterdir() if d.is_dir() and list(d.glob("p*.md")))
    assert len(docs) >= 45
    return [(d.name, [_truth_texts(p) for p in sorted(d.glob("p*.md"))]) for d in docs]


def test_no_truth_word_of_a_document_is_changed_by_the_confusions_it_learns_as_read() -> None:
    docs = dict(_truth_docs())
    changed = [f"{name}: {w} -> {m}" for name, prof in AS_READ.items()
               for w in {tok for page in docs[name] for t in page for tok in t.split()}
               if (m := mend(w.strip("()[]«».,،؛:!؟\"'"), prof)[0])]
    assert changed == []


def test_no_word_of_any_truth_document_is_changed_by_what_its_own_pages_teach() -> None:
    changed = []
    for name, pages in _truth_docs():
        out, _doubt = mend_texts(pages)
        changed += [f"{name}: {a} -> {b}" for a, b in _changed(pages, out)]
    assert changed == []


def test_the_page_reading_keeps_what_its_spelling_pass_put_right_on_the_line() -> None:
    from PIL import Image

    from transform.ocr.render import PageImage
    from transform.ocr.tesseract import parse_tsv

    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    words = [("المخالفات", 900, 93), ("المنعلقة", 700, 41), ("بالنصوص", 500, 92)]  # read right to left, one unsure
    rows = [head, "4\t1\t1\t1\t1\t0\t0\t100\t1000\t40\t-1\t"]
    rows += [f"5\t1\t1\t1\t1\t{n}\t{x}\t100\t150\t40\t{c}\t{w}" for n, (w, x, c) in enumerate(words, 1)]
    page = PageImage(Image.new("L", (1200, 300), 255), 250.0, 1, 1200 * 72 / 250, 300 * 72 / 250)
    line = parse_tsv("\n".join(rows) + "\n", page).lines[0]
    assert line.text == "المخالفات المتعلقة بالنصوص"
    assert line.mended == (("المنعلقة", "المتعلقة"),)
