"""A light face's confused letters settled by the words the document reads sound (transform/ocr/doc_words.py).

Frozen lines in the manner of the Casablanca commercial court's judgment (ma-tc-casa-jugement-2271-2020), whose light
face tesseract reads ``ل`` as ``ن``/``ب``: ``وتكنيف`` for ``وتكليف``, ``الطنب`` for ``الطلب``, ``لبنظر`` for
``للنظر``, while the judgment reads those words sound on its other lines. No tesseract. The content tests fail on
main (no such module); the truth check holds the pass to changing no word of any truth document.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.ocr._pagebits import page_lines
from transform.ocr.doc_words import doc_words, settle_words

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_echoes import truth_documents_changed  # noqa: E402

P1 = [
    "بناء على المقال الافتتاحي المؤدى عنه الرسوم القضائية والذي تعرض فيه المدعية أنها تقدمت بالطلب.",
    "وحيث إن الطلب يرمي إلى الحكم على المدعى عليها بأدائها لفائدة المدعية المبلغ المذكور.",
    "وبناء على الأمر الصادر بتعيين خبير وتكليف الطرفين بالإدلاء بمستنتجاتهما.",
    "وحيث أحيل الملف على المحكمة للنظر في الطلب وفق القانون.",
]
P2 = [
    "وحيث إن الطلب مقدم ممن له الصفة والمصلحة وداخل الأجل فهو مقبول شكلا.",
    "وحيث أدرج الملف للنظر في جلسة علنية، وتقرر وتكليف كاتب الضبط بالتبليغ.",
    "وفي الموضوع: وحيث إن الطنب مؤسس وتكنيف المدعى عليها بالأداء، فتعين لبنظر فيه.",
    "وحيث إن الطلب ثابت بالوثائق، ويتعين الحكم وفق الطلب مع وتكليف المدعى عليها بالصائر.",
    "ويرى للنظر أن الطلب مبرر.",
]

# the judgment's OCR'd lines (pp. 1-4, cached tesseract) that hold الطلب, بإيداع, مبلغ or their misreadings
CASA = [
    [
        'المدعى عليه بأدائه لفائدتهم مبلغ 4400 درهم عن واجبات الكراء عن لئدة من فاتح دجنبر 2018 إلى',
    ],
    [
        'المدعون بحيازة الواجبات الكرائية وتكنيف أحد الورثة مرفوقا بالوكالة لحيازة الواجبات وأنه قام بإيداع',
        'الموضوع برفض الطنب وتحميل المدعين الصائر» وأرفق المذكرة بوثائق إيداع المبالغ بصندوق المحكمة',
        'الممنوح للمدعى عليه الذي توصل بالإنذار بأداء واجبات الكراء في 2019/08/07 ونم يقم بإبداع المبالغ',
        'فيها أنه توصل بالإنذار بتاريخ 2019/09/09 وأنه قام بإيداع المبالغ الكرائية بتاريخ 2019/09/13 أي',
    ],
    [
        'حيث إن الطلب قدم وفق الشروط الشكلية المتطلبة قانونا مما يتعين قبوله شكلا..',
        'حيث إن طلب المدعين يهدف إلى الحكم على الملحن عليه بأن يؤدي طم مبلغ 4.400 درهم',
        'وحيث عزز الطرف المدعي الطلب بنسخة لعقد كراء وصورة لشهادة الملكية ونسخة لإزالة',
        'وحيث دفع المدعى عليه أنه توصل بالإنذار بتاريخ 2019/09/9 من المدعين فقام بإيداع المبالغ',
        'بإيداع وصورة لوصل عروض عينية ملتمسا رفض الطلب وتحميل Re الصائر.',
        'وحساب رقم 5988 تبين أن المدعى عليه قد أودع مبلغ 4950 درهم عن واجبات الكراء المطالب بها',
    ],
    [
        'عليه بتاريخ 2019/08/7 لأداء مبلغ 4.400 درهم واجبات الكراء عن المدة من 2018/12/1 إلى',
        'مبلغ 500 درهم. لا',
        'في الشكل: بقبول الطلب.',
        'المحل التجاري المستخرج من المنزل الكائن بحي السلام سلا وبأداءه للمدعين مببغ 500 درهم',
    ],
]


def test_the_judgments_light_face_words_are_put_right_by_its_own_sound_readings() -> None:
    out = settle_words(CASA)
    changed = [(a, b) for p, o in zip(CASA, out, strict=True) for x, y in zip(p, o, strict=True) if x != y
               for a, b in zip(x.split(), y.split(), strict=True) if a != b]
    assert changed == [("الطنب", "الطلب"), ("بإبداع", "بإيداع"), ("مببغ", "مبلغ")]  # وتكنيف: no sound وتكليف, stays


def test_the_light_faces_misread_words_are_the_words_the_document_reads_sound() -> None:
    out = settle_words([P1, P2])
    assert out[0] == P1
    assert out[1][2] == "وفي الموضوع: وحيث إن الطلب مؤسس وتكليف المدعى عليها بالأداء، فتعين للنظر فيه."
    assert [a == b for a, b in zip(P2, out[1], strict=True)] == [True, True, False, True, True]


def test_a_word_the_list_knows_needs_more_sound_readings() -> None:
    # ``الطنب`` is a word: with ``الطلب`` read only three times it stays as printed; the unknown ``وتكنيف`` goes
    few = ["وحيث إن الطلب مقدم.", "وحيث إن الطلب ثابت.", "وحيث إن الطلب مبرر.", "وتكليف الطرفين.", "وتكليف الخبير.",
           "وتكليف الضبط.", "وحيث إن الطنب مؤسس وتكنيف الطرفين."]
    assert settle_words([few])[0][-1] == "وحيث إن الطنب مؤسس وتكليف الطرفين."


@pytest.mark.parametrize("pages", [
    # the word read twice: the document reads it so (a name, a term), not a misreading
    [["وتكليف الطرفين.", "وتكليف الخبير.", "وتكليف الضبط.", "وتكنيف أولى.", "وتكنيف ثانية."]],
    # the sound word read only twice: not enough
    [["وتكليف الطرفين.", "وتكليف الخبير.", "وتكنيف الضبط."]],
    # a first letter that may begin a word (a verb's person, a preposition): ``ترفع`` and ``برفع`` are both right
    [["برفع الدعوى.", "برفع الطلب.", "برفع الأمر.", "ترفع المدعية."]],
    # two sound words one letter off: which one is meant the document cannot say
    [["بيان أول.", "بيان ثان.", "بيان ثالث.", "بنان أول.", "بنان ثان.", "بنان ثالث.", "بتان الطرفين."]],
    # a Latin line is not read as Arabic
    [["Tribunal de commerce de Casablanca", "Tribunal de commerce", "Tribunal", "Tribunai"]],
])
def test_what_the_document_cannot_vouch_for_stays(pages: list[list[str]]) -> None:
    assert settle_words(pages) == pages


def test_only_sure_lines_count_a_word_sound_and_the_lines_keep_their_doubt() -> None:
    pages = page_lines([P1, P2], first_page=1)
    for ln in pages[1]:
        ln.confidence, ln.doubt = 0.55, "ocr_low_confidence"
    assert doc_words(pages) == 0  # ``وتكليف`` and ``للنظر`` read sure only once or twice (on the first page)
    pages[1][0].doubt = pages[1][1].doubt = pages[1][3].doubt = pages[1][4].doubt = None
    assert doc_words(pages) == 1
    assert "الطلب مؤسس وتكليف" in pages[1][2].text and "للنظر فيه" in pages[1][2].text
    assert pages[1][2].doubt == "ocr_low_confidence" and pages[1][2].confidence == 0.55


def test_no_word_of_any_truth_document_is_changed_by_its_pages_together() -> None:
    assert truth_documents_changed(settle_words) == []
