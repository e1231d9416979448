"""An OCR'd paragraph is not cut where a speck stretches one line's box (transform/ingest/pdf_paragraphs.py, issue 17).

Judgment ma-tc-casa p. 3 (court pages drawn as outlines, OCR'd): tesseract boxed two lines 28 and 38 points high
among lines of 19 (a stroke of the stamp, a speck under the line), so the step from the line above, bottom to
bottom, looked like a paragraph gap and two paragraphs were cut in the middle of a sentence (the second box,
``بإيداع ...``, also reaches into the next paragraph's first line). The lines below are
that page's OCR'd lines as read (boxes in points, sizes as estimated)."""

from __future__ import annotations

from tests.ingest._ocrlines import groups as grouped

PAGE = [  # (x0, top, x1, bottom, size, text)
    (71.1, 389.7, 525.0, 413.6, 17.0, "عن واجبات كراء المدة من فاتح دجنبر 2018 إل متم يوليوز 9 بسومة كرائية شهرية قدرها 550"),
    (71.1, 416.7, 524.7, 436.3, 17.0, "درهم ومبلغ 1000 درهم تعويضا عن التماطل في الأداء والحكم عليه بأداء الوجيبة المذكورة وفسخ عقد"),
    (71.1, 441.5, 524.7, 460.5, 17.0, "الكراء والمصادقة على الإنذار بالإفراغ وإفراغه هو ومن يقوم مقامه أو بإذنه من المحل التجاري"),
    (71.1, 464.3, 524.2, 492.2, 17.0, "المستخرج من المنزل الكائن بحي السلام سلا مع شمول الحكم بالنفاز المعجل في جميع مقتضياته"),
    (220.0, 489.0, 524.7, 512.9, 17.0, "وتحميل المدعى عليه الصائر وتحديد مدة الأكراه البدني في الأقصى."),
    (71.1, 519.6, 496.2, 538.3, 16.0, "وحيث عزز الطرف المدعي الطلب بنسخة لعقد كراء وصورة لشهادة الملكية ونسخة لإراثة"),
    (184.9, 543.5, 524.7, 561.3, 16.0, "وصورتي إنذارين ومحضري تبليغهما وقرار للسيد الرئيس الأول محكمة النقض."),
    (70.8, 572.8, 496.2, 591.6, 17.0, "وحيث دفع المدعى عليه أنه توصل بالإنذار بتاريخ 2019/09/9 من المدعين فقام بإيداع المبالغ"),
    (71.1, 595.3, 524.7, 614.3, 17.0, "الكرائية بتاريخ 2019/09/13 أي بعد أربعة أيام من توصله بالإنذار وأنه قبل ذلك تقدم بطلب إيداع"),
    (71.7, 618.3, 524.7, 637.3, 17.0, "مبالغ بصندوق المحكمة بتاريخ 2019/09/6 أي قبل توصله بالإنذار واستدل بصورة لطلب الإذن"),
    (168.8, 641.4, 524.2, 679.1, 17.0, "بإيداع وصورة لوصل عروض عينية ملتمسا رفض الطلب وتحميل الصائر."),
    (70.8, 672.5, 496.2, 689.8, 16.0, "وحيث إنه بالاطلاع على وثائق الملف ولا سيما وصل العروض العينية رقم 20212119005113"),
]


def test_a_line_boxed_taller_by_a_speck_does_not_cut_its_paragraph() -> None:
    groups = grouped(PAGE, confidence=0.9)
    starts = [g.lines[0].text.split()[0] for g in groups if g.kind == "paragraph"]
    assert "المستخرج" not in starts and "بإيداع" not in starts  # each goes on the sentence of the line above
    assert starts == ["عن", "وحيث", "وحيث", "وحيث"]  # the paragraphs the page opens with "وحيث" still stand apart
