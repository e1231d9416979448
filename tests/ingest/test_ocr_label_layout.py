"""A label's hanging line on a scan stays in its paragraph (transform/ingest/pdf_paragraphs.py, issue 17).

Decree 2.19.720 p. 7 (a model letter scanned at about 100 dpi, OCR'd): the subject line opens with the label
``الموضوع:`` and its second line is set in under the label's end (``التنظيمية الصادرة بتطبيقه.``). The grouping took
that inset for a first-line indent and made the second line a paragraph of its own. The lines below are that
page's OCR'd lines as read (boxes in points, sizes as estimated)."""

from __future__ import annotations

from tests.ingest._ocrlines import Row, paragraph_texts

PAGE = [  # (x0, top, x1, bottom, size, text)
    (143.4, 224.9, 424.5, 240.5, 13.5, "السيدلة) رنبس(ة) (ذكر الاسم العانلي والشخصي في حالة التوفر على هوية المشغل)."),
    (195.8, 243.6, 371.5, 257.5, 13.5, "مقاولة أو مؤسسة pal) المفاولة أو المإسة)"),
    (330.0, 263.2, 355.7, 273.6, 11.5, "العنوان."),
    (82.7, 288.0, 485.3, 303.6, 11.5, "الموضوع: تنبيه بدون أجل بخصوص مخالفة أحكام القانون رقم 65.99 المتعلق بمدونة الشغل و/أو النصوص"),
    (352.8, 309.9, 450.4, 320.3, 11.5, "الننظيمية الصادرة بتطبيقه."),
    (240.2, 327.2, 351.4, 339.6, 11.5, "سلام تام بوجود مولانا الإمام."),
    (244.2, 348.2, 462.0, 361.4, 11.5, "وبعد. نحن العون المكلف (أو الأعوان المكلفون) بتفتيش الشغل:"),
    (88.1, 368.1, 484.4, 379.6, 11.5, "• الاسم الشخصي والعائلي: ا ولد - سه"),
    (117.5, 386.5, 484.1, 396.9, 11.5, "• الصفة المبنية: ١ ١ 0 . مما"),
    (193.8, 404.4, 483.8, 415.3, 11.5, "• رقم البطاقةالمهنيةة س س"),
    (81.2, 424.2, 424.8, 438.0, 11.5, "بناء عاى الاختصاصبات الموكولة إلينا في عجال مراقبة تطبيق الأحكام النشريعية والتنظيمية المتعلقة"),
    (81.2, 440.6, 483.6, 455.6, 11.5, "بالشغل بمقتضى المادة 532 من الفانون رقم 65.99 المشار إليه أعلاه. ومعاينة الأفعال المخالفة لباته الأحكام ونوجيه"),
    (309.9, 462.2, 483.6, 474.0, 11.5, "تنبيات بشأنها طبقا للمادة 539 من نفس القانون؛"),
]


def _paragraphs(rows: list[Row]) -> list[str]:
    return paragraph_texts(rows)


def test_the_subject_lines_second_line_set_in_under_its_label_goes_on_its_paragraph() -> None:
    texts = _paragraphs(PAGE)
    subject = next(t for t in texts if t.startswith("الموضوع:"))
    assert subject.endswith("و/أو النصوص الننظيمية الصادرة بتطبيقه.")
    assert not any(t.startswith("الننظيمية") for t in texts)
    assert any(t.startswith("سلام تام") for t in texts)  # the greeting under it, a sentence's end above: its own paragraph
    # without the label, the same inset line is a paragraph's first line: no join
    texts = _paragraphs([row if not row[5].startswith("الموضوع:") else (*row[:5], row[5].replace("الموضوع:", "الموضوع"))
                         for row in PAGE])
    assert any(t.startswith("الننظيمية") for t in texts)
