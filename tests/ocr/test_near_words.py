"""A word that is no word, one misreading from one, read once: its line put in doubt (transform/ocr/near_words.py).

Frozen OCR'd lines of the corpus (cached tesseract): NARSA p. 2 (``لموذج`` beside two printings of ``نموذج``), the
Casablanca judgment p. 1 (``الآثي``: ``الآتي`` or ``الآني``), Santé p. 1 (``وحباية`` for ``وحماية``), decree 2.19.720
pp. 6-7 (``نوصلكم`` where p. 7 reads ``توصلكم``). No tesseract. Run through ``doc_words.doc_words`` (the document
pass that calls the flag), so the content tests fail on main; the truth check bounds what right words trip it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.ocr._pagebits import page_lines
from transform.ocr.doc_words import doc_words
from transform.ocr.near_words import AMBIGUOUS, suspect_words

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_echoes import TRUTH, _truth_texts  # noqa: E402

NARSA = [
    "• طلب الترشيح موجه الى السيد مدير الوكالة الوطنية للسلامة الطرقية حسب النموذج المعد لهذا الغرض (نموذج F1 )؛",
    "• ملخص للسيرة الذاتية للمترشح (ة) مرفوقا بصورة فوتوغرافية، (لموذج (F2 ؛",
    "• برنامج عمل المرشح والمنهجية المقترحة في شان تدبير المصلحة المراد شغلها وتطويرها والرفع من أدائها (نموذج (F3",
]
CASA = ["في جلستها العلنية الحكم الآثي نصه:", "وبعد المداولة طبقا للقانون أصدرت المحكمة الحكم الآتي:"]
SANTE = ["وعلى الظهير الشريف رقم 1.58.295 بشأن ضمان الوقاية من الأمراض العقلية ومعالجتها وحباية المرضى المصابين بها."]
D720_P6 = ["واحد منها(إتحديد أجل لكل تدبير ينمين على المشغل القيام به). وذلك ابتداء من تاريخ نوصلكم بهذا التنبيه:"]
D720_P7 = ["لذلك. فإننا ننبيكم إلى ضرورة اتخاذ التدابير التالية(بيان التدابير الواجب اتخاذها). فور توصلكم بهذا التنبهه:"]


def _doubts(pages: list[list[str]]) -> list[list[str | None]]:
    lines = page_lines(pages)
    doc_words(lines)
    return [[ln.doubt for ln in page] for page in lines]


def test_a_word_one_letter_from_a_word_the_document_prints_puts_its_line_in_doubt() -> None:
    assert _doubts([NARSA]) == [[None, AMBIGUOUS, None]]
    assert _doubts([D720_P6, D720_P7]) == [[AMBIGUOUS], [None]]


def test_a_word_one_dot_from_a_listed_word_puts_its_line_in_doubt_and_the_text_stays() -> None:
    lines = page_lines([SANTE, CASA[:1]])
    doc_words(lines)
    assert [ln.doubt for page in lines for ln in page] == [AMBIGUOUS, AMBIGUOUS]
    assert "وحباية" in lines[0][0].text and "الآثي" in lines[1][0].text  # nothing is guessed


def test_a_line_already_in_doubt_keeps_its_own_doubt() -> None:
    lines = page_lines([SANTE])
    lines[0][0].doubt = "ocr_low_confidence"
    doc_words(lines)
    assert lines[0][0].doubt == "ocr_low_confidence"


def test_refusals_a_word_read_twice_another_ending_a_listed_word() -> None:
    twice = [CASA[0], CASA[0]]  # read twice: a term or a name the lists lack, more likely than the same misreading
    assert suspect_words([twice]) == [[[], []]]
    ending = ["قائمة المترشحين المقبولين", "تودع طلبات المترشحات لدى المصلحة"]  # another ending of one stem
    assert suspect_words([ending]) == [[[], []]]
    assert suspect_words([CASA[1:]]) == [[[]]]  # الآتي is a word
    assert suspect_words([["the word Modele stays"]]) == [[[]]]  # not an Arabic line


def test_right_words_of_every_truth_document_seldom_trip_it() -> None:
    """Every truth document's pages as if they were its OCR'd reading: the Arabic words that trip the flag (names and
    rare forms the lists lack) are these 16 of about 21,000 (أجزاؤها came with held-out set 3, القرويات, ESEC p. 65,
    with held-out set 4, أؤدي, the Saudi law p. 3, with held-out set 5 and المعنونة, ESEC p. 63, with held-out set 6,
    all written after the rule: false alarms, the line only put in doubt); a wider rule shows here."""
    tripped = []
    for d in sorted(x for x in TRUTH.iterdir() if x.is_dir() and list(x.glob("p*.md"))):
        pages = [_truth_texts(p) for p in sorted(d.glob("p*.md"))]
        tripped += [w for page in suspect_words(pages) for found in page for w in found]
    assert sorted(tripped) == sorted("المشتغلة المنكسرة المتدرجون أجزاؤها الجعة وصيا جائحة تناهز مهيكلة متقي بنسامي فاهر والرقمنة القرويات أؤدي المعنونة".split())
