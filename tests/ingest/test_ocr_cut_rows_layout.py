"""Paragraphs OCR cut where the printed text runs on (transform/ingest/pdf_paragraphs.py, issue 17).

The lines are the corpus pages' OCR'd lines as read (boxes in points, sizes as estimated):

* the Santé decision p. 1 (a 200 ppi flatbed scan): the title's first row is read as two lines around the number and
  date stamped in blue over its dotted blanks, the stamp a third line (three paragraphs for one); a speck read as a
  full stop after ``بوزارة`` cuts a visa before its last word ``الصحة.``;
* decree 2.19.720 p. 6 (a model letter at about 100 dpi): the subject line read ``... النصوص التنظيمية.`` with a full
  stop the page does not print, its tail ``الصادرة بتطبيقه.`` set in under the label ``الموضوع:``.
"""

from __future__ import annotations

from tests.ingest._ocrlines import Row, paragraph_texts

SANTE_P1 = [  # (x0, top, x1, bottom, size, text)
    (378.1, 139.4, 544.9, 158.4, 15.0, "قرار لوزير الصحة والحماية الاجماعية رق)"),
    (169.1, 127.6, 226.4, 139.7, 12.5, "5 ماس 2023"),
    (56.4, 136.8, 261.2, 160.4, 21.0, "بتارك... serrer QU باب زاح لشغل"),
    (94.2, 160.1, 508.3, 182.6, 21.0, "المناصب الشاغرة لرؤساء الأقسام ورؤساء Hall بالإدارة المركزية لوزارة الصحة AU، الاجتاعية."),
    (370.9, 189.5, 546.0, 220.3, 32.5, "إن وزير الصحة والحماية Yi ske"),
    (53.6, 232.7, 534.5, 250.8, 15.0, "بناء على الظهير الشريف رقم 1.58.008 الصادر في 4 شعبان 1377 (24 فبراير 1958) مثانة النظام الأساسي العام للوظيفة."),
    (410.1, 256.3, 534.8, 273.6, 15.0, "العمومية حسما وقع تغييره وتنهه؛"),
    (95.0, 279.4, 534.8, 296.4, 15.0, "وعلى الظهير الشريف رقم 1.58.295 بشأن ضمان الوقاية من الأمراض العقلية ومعالجها وحباية المرضى المصابين يهاء."),
    (120.4, 305.3, 534.8, 322.0, 15.0, "وعلى المرسوم رقم 2.94.285 الصادر في 21 نوفمبر 1994 في شأن اختصاصات وتنم وزارة الصحة العمومية؛"),
    (99.6, 329.2, 535.1, 345.9, 15.0, "وعلى المرسوم 2.11.112 الصادر في 20 من رجب 1432 (23 يونيو 2011) في شأن امفتشيات العامة للوزارات؛."),
    (53.9, 352.2, 535.1, 372.4, 15.0, "وعلى المرسوم رقم 2.11.681 الصادر في 28 من ذي الحجة 1432 (25 نونبر 2011) في شأن كفتات تعيين رؤساء الأقسام"),
    (400.3, 376.1, 535.4, 393.1, 15.0, "ورؤساء المصالح بالإدارات العمومية؛"),
    (54.1, 399.5, 535.4, 418.2, 15.0, "وعلى المرسوم رقم، 2.72.373 بتاريخة فاح ريبع الثاني 1394 (24 أبريل 1974) بإحداث مختبر وطني لراقبة الأدوية والحضرات"),
    (500.0, 421.9, 535.4, 434.3, 15.0, "الصيدلية؛"),
    (54.4, 445.8, 535.7, 463.4, 15.0, "وعلى قرار وزير الصحة رقم 1299-13 الصادر في 5 جمادى الآخرة 1434 (16 أبريل 2013) بإعادة تنظم وإحداث بعض البنيات"),
    (423.1, 465.1, 535.7, 480.7, 15.0, "بالإدارة المركزية لوزارة الصحة."),
    (54.7, 491.0, 536.0, 508.6, 15.0, "وعلى قرار وزير الصحة والحماية الاجتماعية رقم 9237 الصادر في 14 يوليوز 2022 بإعادة تظم قسم الاعلام والتواصل بوزارة."),
    (509.2, 512.4, 536.0, 523.0, 12.5, "الصحة."),
    (55.0, 536.8, 536.3, 553.0, 15.0, "_وعلى قرار وزير الصحة وامانة الاجتماعية رقم 244.23 الصادر في 03 رجب 1344 (25 يناير 2023) بتحديد اختصاصات"),
    (210.8, 556.1, 536.5, 574.3, 15.0, "وتنظيم بعض الأقسام والمصاط التابعة للإدارة المركزية لوزارة الصحة والحماية، الاجةاعية."),
]

DECREE_P6 = [
    (142.0, 233.3, 426.0, 248.8, 11.5, "السيد(ة) رئبس(ة) (ذكر الاسم AT والشخصي في حالة النوفر على هوية المشفل)"),
    (194.7, 252.3, 371.5, 265.0, 11.5, "مقاولة أو مؤسسة ..........(اسم المقاولة أو المؤسسة)"),
    (305.9, 270.7, 356.5, 281.7, 11.5, "العنوان 1111"),
    (81.5, 294.0, 488.4, 308.4, 11.5, "الموضوع: تنبيه بأجل بخصوص مخالفة أحكام القانون رقم 6599 المتعلق بمدونة الشغل و/أو النصوص التنظيمية."),
    (392.3, 313.6, 452.7, 324.0, 11.5, "الصادرة بتطبيقه."),
    (241.1, 337.2, 353.1, 349.6, 11.5, "سلام نام بوجود مولانا الإمام."),
    (244.8, 358.3, 465.1, 371.2, 11.5, "ويعد. نحن العون المكلف (أو الأعوان المكلفون) بتفتيش الشغل:"),
    (81.2, 430.2, 424.8, 444.0, 11.5, "بناء عاى الاختصاصبات الموكولة إلينا في عجال مراقبة تطبيق الأحكام النشريعية والتنظيمية المتعلقة"),
    (81.2, 446.6, 483.6, 461.6, 11.5, "بالشغل بمقتضى المادة 532 من الفانون رقم 65.99 المشار إليه أعلاه. ومعاينة الأفعال المخالفة لباته الأحكام ونوجيه"),
    (309.9, 468.2, 483.6, 480.0, 11.5, "تنبيات بشأنها طبقا للمادة 539 من نفس القانون؛"),
]

def _paragraphs(rows: list[Row]) -> list[str]:
    return paragraph_texts(rows)


def _replace(rows: list[Row], start: str, row: Row) -> list[Row]:
    return [row if r[5].startswith(start) else r for r in rows]


def test_a_title_row_cut_around_its_stamp_is_one_paragraph_in_order() -> None:
    texts = _paragraphs(SANTE_P1)
    title = next(t for t in texts if t.startswith("قرار لوزير"))
    assert title == ("قرار لوزير الصحة والحماية الاجماعية رق) 5 ماس 2023 بتارك... serrer QU باب زاح لشغل المناصب الشاغرة"
                     " لرؤساء الأقسام ورؤساء Hall بالإدارة المركزية لوزارة الصحة AU، الاجتاعية.")
    assert not any(t.startswith(("5 ماس", "بتارك")) for t in texts)
    assert any(t.startswith("إن وزير") for t in texts)  # the line under the title stays its own paragraph
    # the same parts without a line under them spanning both sides (a letterhead's two blocks): left apart
    texts = _paragraphs(_replace(SANTE_P1, "المناصب", (300.0, 160.1, 508.3, 182.6, 21.0, "المناصب الشاغرة لرؤساء الأقسام")))
    assert any(t.startswith("بتارك") for t in texts)
    assert any(t == "5 ماس 2023" for t in texts)


def test_a_full_stop_read_at_a_full_lines_end_does_not_cut_off_the_sentences_last_word() -> None:
    texts = _paragraphs(SANTE_P1)
    assert any(t.endswith("قسم الاعلام والتواصل بوزارة. الصحة.") for t in texts)
    assert "الصحة." not in texts
    # a tail of three words is a sentence of its own: left apart
    texts = _paragraphs(_replace(SANTE_P1, "الصحة.", (400.0, 512.4, 536.0, 523.0, 12.5, "قسم الصحة العمومية.")))
    assert "قسم الصحة العمومية." in texts


def test_a_subject_lines_tail_after_a_full_stop_read_at_its_end_goes_on_its_paragraph() -> None:
    texts = _paragraphs(DECREE_P6)
    subject = next(t for t in texts if t.startswith("الموضوع:"))
    assert subject.endswith("و/أو النصوص التنظيمية. الصادرة بتطبيقه.")
    assert any(t.startswith("سلام نام") for t in texts)
    # a longer line under it is no tail: left apart
    texts = _paragraphs(_replace(DECREE_P6, "الصادرة", (352.3, 313.6, 452.7, 324.0, 11.5, "الصادرة بتطبيقه في الجريدة.")))
    assert any(t.startswith("الصادرة") for t in texts)
