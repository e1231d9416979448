"""A line set so tightly between two others that its ink touches theirs, skipped by tesseract, read on the band no
OCR'd line covers (hidden_rows.py): Tangier's letterhead line comes back in its place; rules and a table's empty
bands are not lines."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr.hidden_rows import gaps, hidden_rows, letters
from transform.ocr.render import PageImage, preprocess, render_page
from transform.ocr.tesseract import OcrResult

from ._pagebits import FILES


def test_gaps_are_rows_no_line_covers_that_hold_ink() -> None:
    covered = np.array([1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1], dtype=bool)
    ink = np.array([1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1], dtype=bool)
    assert gaps(covered, ink, 3) == [(3, 6)]
    assert gaps(covered, ink, 4) == []


def test_rules_are_not_letters() -> None:
    m = np.zeros((40, 200), dtype=bool)
    m[:, 10] = True  # a table's column rule down the whole band
    m[20, :] = True  # a row rule across it
    assert not letters(m).any()
    m[5:15, 50:60] = m[5:15, 80:90] = True  # two glyphs
    kept = letters(m)
    assert kept[5:15, 50:60].all() and kept[5:15, 80:90].all() and not kept[:, 10].any() and not kept[20, 100:].any()


# the Tangier agenda's page 1 as tesseract read it (ara+fra, 250 dpi): the letterhead's fourth line, set so tightly
# that its ink touches the lines above and below, is in no line
_READ = [
    ("المملكة لا مغربية", 441.2, 20.2, 496.5, 33.4), ("00", 141.1, 21.6, 178.6, 34.3),
    ("وزارة الداخلية", 446.4, 33.4, 498.5, 45.8), ("ولاية حهة طنجة تطوان الحسيمة", 408.1, 45.2, 537.1, 57.6),
    ("جماعة طنجة", 443.2, 68.0, 501.4, 79.8), ("لإعلان للعموم؛", 224.4, 91.6, 341.3, 117.2),
    ("طبقاً لمقتضيات المادة 48 من القانون التنظيمي رقم 113.14 المتعلق بالجماعات الصادر بتنفيذه", 42.6, 124.4, 529.9, 144.0),
    ("الظهير الشريف رقم 1.15.85 الصادر في 20 رمضان 1436 الموافق ل 07يوليوز 22015 يُعلن رئيس", 35.7, 153.5, 529.6, 171.9),
    ("جماعة طنجة إلى علم العموم أن مجلس جماعة طنجة سيعقد أشغال دورته العادية لشهر أكتوبر", 71.7, 181.7, 529.3, 199.9),
    ("à «2020 (02) جلستين بقاعة الاجتماعات بمقر جهة طنجة تطوان الحسيمة الكائن بطريق العشاق", 46.9, 209.4, 530.2, 228.1),
    ("طنجة.وذلك يومي الأربعاء 07 و21 أكتوبر 2020 حسب الجدولة الزمنية أسفله. ويتضمن جدول أعمال", 39.2, 237.3, 529.6, 256.0),
    ("هذه الدورة النقط التالية:", 413.0, 266.4, 529.9, 281.4), ("الجدولة الزمنية للجدسات", 224.1, 292.6, 347.0, 307.6),
    ("• الجلسة الأولى: الأربعاء 07 أكتوبر 2020 من الساعة الثالثة والنصف (15:30) بعد الزوال إلى الساعة", 64.5, 334.4, 529.6, 349.6),
    ("السادسة والنصف (18:30) مساء :", 371.5, 350.8, 529.9, 365.8), ("القتضاع", 462.8, 383.0, 498.8, 397.7),
    ("عرض إخباري", 451.9, 410.1, 509.8, 421.6), ("التعمير والممتلكات", 442.9, 570.0, 519.0, 581.2),
    ("- تقرير إخباري للسيد الرئيس", 280.5, 402.9, 425.4, 418.5),
    ("1- تحديد حدود الطرق العامة مع نزع ملكية العقارات اللازمة لذلك.", 89.0, 432.9, 425.1, 448.7),
    ("2- المصادقة على معاوضة الوعاء العقاري الحبسي المخصص لبناء مركز", 53.3, 463.7, 425.1, 479.2),
    ("تحويل النفايات المنزلية والمشابهة لها.", 237.3, 492.5, 425.7, 506.3),
    ("3- تحيين المقرر الجماعي عدد 2018/178 بتاريخ 21 ماي 2018 المتعلق", 27.9, 522.1, 424.8, 537.7),
    ("بنزع ملكية جزء من الرسم العقاري 6/2432 الكائن بحي الرميلات قصد", 39.2, 551.5, 425.7, 567.1),
    ("تضمينه القيمة المالية المحددة من طرف اللجنة الإدارية للتقييم.", 117.2, 580.0, 425.7, 595.3),
    ("4- المصادقة على استخراج قطعتين أرضيتين من الملك العام الجماعي إلى", 54.4, 608.3, 425.4, 625.5),
    ("الملك الخاص الجماعي قصد تفويتهما للغير وفق الثمن المحدد من طرف اللجنة", 34.6, 638.5, 424.8, 654.3),
    ("الإدارية للتقييم.", 351.9, 666.1, 425.1, 681.4), ("5- تسمية الشوارع والأزقة .", 285.7, 693.5, 425.4, 710.8),
]


@pytest.mark.slow
def test_a_letterhead_line_between_two_read_ones_comes_back_in_its_place() -> None:
    path = FILES / "tanger-ar-session-2020-10.pdf"
    if not path.exists():
        pytest.skip("the corpus file is missing")
    pdf = pdfium.PdfDocument(str(path))
    try:
        image = preprocess(render_page(pdf, 0), scanned=False)  # as the reader prepares a rendered vector page
    finally:
        pdf.close()
    lines = [TextLine(text=t, x0=x0, top=top, x1=x1, bottom=bottom, page=1) for t, x0, top, x1, bottom in _READ]
    result = OcrResult(lines, 89.0, 211, {id(ln): 89.0 for ln in lines})
    assert hidden_rows(image, result, "ara+fra", 60.0) == 1
    texts = [ln.text for ln in result.lines]
    at = texts.index("ولاية حهة طنجة تطوان الحسيمة")
    assert texts[at + 1].rstrip(".") == "عمالة طنجة أصيلة"  # read with ara alone: ara+fra read its first word "Ale"
    assert texts[at + 2] == "جماعة طنجة"
    assert len(texts) == len(_READ) + 1  # nothing else on the page (the table's bands, the title's ornaments)


def _stacked_page() -> tuple[PageImage, OcrResult]:
    """A white page (200 dpi) with three lines set so tightly that their ink is one row; the first and the last read."""
    k = 200 / 72
    img = np.full((int(842 * k), int(595 * k)), 255, dtype=np.uint8)
    lines = []
    for n, (top, bottom) in enumerate([(100, 113), (113, 124), (124, 136), (300, 312), (330, 342)]):
        for x in range(100 + 7 * (n == 1), 500, 14):  # glyphs, the middle line's between the others' columns
            img[int(top * k):int(bottom * k), int(x * k):int((x + 6) * k)] = 0
        if n != 1:
            lines.append(TextLine(text="ligne lue", x0=100, top=top, x1=500, bottom=bottom - 1, page=1))
    result = OcrResult(lines, 90.0, 10, {id(ln): 90.0 for ln in lines})
    return PageImage(image=Image.fromarray(img), dpi=200, page=1, width_pt=595, height_pt=842), result


def _as_array(pimg: PageImage) -> PageImage:
    """The page with its pixels as an array: ``np.asarray`` takes it as is (no copy to count)."""
    return PageImage(image=np.asarray(pimg.image), dpi=pimg.dpi, page=1, width_pt=595, height_pt=842)  # type: ignore[arg-type]


def test_the_band_between_two_read_lines_is_found_without_a_boolean_copy_of_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import tracemalloc

    import transform.ocr.tesseract as tess

    pimg, result = _stacked_page()
    pimg = _as_array(pimg)
    asked: list[list[tuple[int, int, int, int]]] = []

    def read_rows(_pimg: PageImage, boxes: list[tuple[int, int, int, int]], _langs: str, _timeout: float) -> list[OcrResult]:
        asked.append(boxes)
        return [OcrResult([], 0.0, 0) for _ in boxes]

    monkeypatch.setattr(tess, "read_rows", read_rows)
    page = np.asarray(pimg.image).size
    tracemalloc.start()
    try:
        assert hidden_rows(pimg, result, "fra", 10.0) == 0  # the stub reads nothing
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(asked) == 1 and len(asked[0]) == 1
    x0, y0, x1, y1 = asked[0][0]
    assert (x0, y0, x1, y1) == (288, 304, 1411, 353)  # the middle line's band (113-124 pt), grown by REACH
    assert peak < 0.2 * page, (peak, page)  # the ink row's crop looked at, not a boolean copy of the whole page
