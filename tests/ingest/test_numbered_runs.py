"""Paragraphs of an OCR'd page numbered `1 -`, `2 -`, `3-` in sequence make a numbered list
(`transform/ingest/pdf_numbered_runs.py`). The lines are frozen from Sfax's notice p. 5
(tn-sfax-ar-balagh-2022, as tesseract reads the scan), the list of the documents to file."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_blocks import group_lines, groups_to_blocks
from transform.model import ListBlock, Paragraph

P5 = [  # the page's lines as the grouping gets them (x0, top, x1, bottom, size, text, underlined)
    (665.0, 70.3, 749.7, 80.1, 11.5, 'الوشائق المطلوبة للترشح.', True),
    (609.7, 100.5, 725.5, 112.0, 11.5, '• عند الترشح للامتحان المهني_:', True),
    (503.1, 116.9, 737.6, 129.3, 11.5, '1 - مطلب ترشّح مكتوب يحذّد فيه المترشح الإختصاص الذي إختاره', False),
    (603.4, 135.1, 739.0, 146.9, 11.5, '2 - نسخة من بطاقة التعريف الوطنية.', False),
    (400.3, 152.1, 739.0, 164.7, 11.5, '3 - نسخة مجردة من الشهادة العلمية أو المهنية مصحوبة بالنسبة للشهائد الأجنبية بشهادة معادلة.', False),
    (511.8, 170.8, 739.6, 181.4, 11.5, '4- ظرفان متنبران عليهما الاسم و اللقب و العنوان الكامل للمراسلة.', False),
    (620.4, 188.1, 720.0, 199.9, 11.5, '• _كيفية تقديم ملف الترشح :', True),
    (263.5, 205.3, 757.7, 219.2, 11.5, '• تودع ملفات الترشح بمكتب الضبط المركزي ببلدية صفاقس أو ترسل عن طريق البريد مضمون الوصول إلى بلدية صفاقس على العنوان التالي:', False),
    (553.2, 223.8, 747.1, 235.6, 11.5, 'بلدية صفاقس « شارع الحبيب بورقيبة 3029 صفاقس .', False),
    (558.1, 240.8, 758.3, 253.2, 11.5, '• حددٌ آخر أجل لقبول الترشحات ليوم 17 أكتوبر 2022', False),
    (404.6, 258.3, 737.3, 269.9, 11.5, 'و كل ملف يرد على البلدية بعد الأجل المحدد أو غير مكتمل بالوثائق المذكورة أعلاه يعتبر مرفوضا.', False),
    (451.9, 275.9, 737.3, 288.0, 11.5, 'و يكون طابع البريد أو تاريخ التضمين بمكتب الضبط المركزي بالبلدية دليل على ذلك.', False),
    (600.8, 294.3, 727.5, 306.1, 11.5, '** عند النجاح في الامتحان المهني :', True),
    (591.3, 311.3, 741.6, 322.6, 11.5, 'يجب على كل مترشح إضافة الوثائق التالية :', False),
    (400.0, 328.3, 728.4, 341.0, 11.5, '- مضمون من سجل السوابق العدلية (الأصل) لم يمض على تاريخ تسليمه أكثر من ثلاثة أشهر .', False),
    (460.2, 346.2, 727.8, 358.3, 11.5, '- مضمون من دفاتر الحالة المدنية لم يمض على تسليمه أكثر من ثلاثة أشهر.', False),
    (139.1, 363.5, 730.1, 376.4, 11.5, '- شهادة طبية ( الأصل) مسلمة من قبل طبيب مباشر حر أو من قبل طبيب صحة عمومية لم يمض على تسليمها أكثر من ثلاثة أشهر تثبت أن المترشح تتوفر فيه المؤهلات', False),
    (492.5, 381.9, 716.8, 393.7, 11.5, 'البدنية و الذهنية المفروضة ليمارس مهامه بكامل تراب الجمهورية.', False),
    (508.0, 398.9, 730.1, 409.8, 11.5, '- نسخة مشهود بمطابقتها للأصل من الشهادة العلمية أو المهنية.', False),
    (297.2, 416.7, 762.0, 429.4, 11.5, 'المرجع : قرار رئيس بلدية صفاقس المؤرخ في 30 سبتمبر 2022 المتعلق بفتح امتحان مهني لانتداب 38 عاملا من الوحدة الثانية .', False),
    (551.5, 433.4, 761.2, 446.7, 11.5, 'ملاحظة : لا يمكن التقدم للمشاركة في أكثر من امتحان مهني.', True),
    (241.1, 454.2, 333.8, 466.8, 23.0, 'للا رئيس البلدية', False),
    (243.6, 476.9, 318.5, 502.0, 23.0, 'للم في', False),
]


def _blocks(rows: list[tuple[float, float, float, float, float, str, bool]]) -> list:
    lines = [TextLine(text=t, x0=x0, top=top, x1=x1, bottom=bottom, size=size, page=5, confidence=0.8, underline=u)
             for x0, top, x1, bottom, size, t, u in rows]
    return groups_to_blocks(group_lines([lines], [[]], [841.92], [595.2]))


def test_four_numbered_paragraphs_are_one_numbered_list() -> None:
    lists = [b for b in _blocks(P5) if isinstance(b, ListBlock) and b.ordered]
    assert len(lists) == 1
    texts = [" ".join(s.text for s in it.sentences) for it in lists[0].items]
    assert [t.split()[0] for t in texts] == ["1", "2", "3", "4-"]  # the numbers stay in the text
    assert texts[1] == "2 - نسخة من بطاقة التعريف الوطنية."


def test_a_lone_numbered_line_or_a_run_not_from_1_stays_paragraphs() -> None:
    lone = [r for r in P5 if not r[5].startswith(("2 ", "3 ", "4-"))]  # "1 -" alone: a table cell read without its rules?
    assert not any(isinstance(b, ListBlock) and b.ordered for b in _blocks(lone))
    skipped = [r for r in P5 if not r[5].startswith("2 ")]  # 1, 3, 4: a run 3, 4 that does not start at 1
    blocks = _blocks(skipped)
    assert any(isinstance(b, Paragraph) and " ".join(s.text for s in b.sentences).startswith("1 -") for b in blocks)
    assert any(isinstance(b, Paragraph) and " ".join(s.text for s in b.sentences).startswith("4-") for b in blocks)
    assert not any(isinstance(b, ListBlock) and b.ordered for b in blocks)
    two = [r for r in P5 if not r[5].startswith(("3 ", "4-"))]  # 1, 2: a list of two
    lists = [b for b in _blocks(two) if isinstance(b, ListBlock) and b.ordered]
    assert len(lists) == 1 and len(lists[0].items) == 2
