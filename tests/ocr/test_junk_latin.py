"""A lone Latin word read unsure inside an Arabic line, that no pass read again, dropped as junk (junk_latin.py).

The lines are frozen from the cached readings of the corpus (tesseract's listing and word confidences after
lone_latin.py): decree 2.19.720's stretched ``المملكة`` read ``المملكة à المغربية`` (41 %), the Santé list's
``رئيس pal التموين`` (34 %), the judgment's ``وتحميل Re الصائر.`` (22 %); the Latin words the truth prints in
Arabic lines (``(CV)`` 94 %, ``(F2`` 76 %, ``www.emploi-public.ma`` 88 %, ``II`` 72 %) stay."""

from __future__ import annotations

import gc

from transform.ingest.base import TextLine
from transform.ocr.confidence import OCR_LOW
from transform.ocr.junk_latin import _MARKS, drop_junk_lines, drop_marked, mark_junk_latin
from transform.ocr.tesseract import OcrResult


def _page(*rows: tuple[tuple[str, float], ...]) -> tuple[list[TextLine], OcrResult]:
    """Lines of (word, confidence) pairs in reading order; listed right to left, 30 points a word."""
    lines: list[TextLine] = []
    rtl: dict[int, tuple[str, list[tuple[str, float, float, float, float]]]] = {}
    confs: dict[int, list[float]] = {}
    for n, row in enumerate(rows):
        words = [w for w, _c in row]
        listing = [(w, 400.0 - 30 * i, 20.0 * n, 425.0 - 30 * i, 20.0 * n + 10) for i, w in enumerate(words)]
        ln = TextLine(text=" ".join(words), x0=min(b[1] for b in listing), top=20.0 * n,
                      x1=max(b[3] for b in listing), bottom=20.0 * n + 10, page=1)
        ln.confidence = 0.8
        lines.append(ln)
        rtl[id(ln)] = (ln.text, listing)
        confs[id(ln)] = [c for _w, c in row]
    return lines, OcrResult(lines, 80.0, sum(map(len, rows)), {}, rtl_words=rtl, word_confs=confs)


_ARABIC = (("وعلى", 90.0), ("المرسوم", 91.0), ("رقم", 93.0), ("الصادر", 90.0), ("في", 95.0), ("شأن", 92.0))


def _dropped(*rows: tuple[tuple[str, float], ...]) -> list[TextLine]:
    lines, result = _page(*rows, _ARABIC)
    mark_junk_latin(lines, result)
    drop_marked([lines])
    return lines


def test_unsure_lone_latin_junk_is_dropped_and_its_line_put_in_doubt() -> None:
    lines = _dropped((("المملكة", 88.0), ("à", 41.2), ("المغربية", 90.0)),
                     (("رئيس", 90.0), ("pal", 33.5), ("التموين", 86.0)),
                     (("وتحميل", 91.0), ("Re", 22.2), ("الصائر.", 88.0)),
                     (("المديرية", 80.0), ("الجهوية", 82.0), ("ve]", 19.6), ("35", 81.9)))  # a dotted field's bracket
    assert [ln.text for ln in lines[:4]] == ["المملكة المغربية", "رئيس التموين", "وتحميل الصائر.", "المديرية الجهوية 35"]
    assert all(ln.doubt == OCR_LOW for ln in lines[:4])
    assert lines[4].doubt is None  # the line with no junk: untouched


def test_a_word_at_the_lines_edge_draws_its_box_in() -> None:
    lines = _dropped((("للسيارات", 88.0), ("الشاحنات", 90.0), ("الآلات", 87.0), ("ALAN", 42.9)))
    assert lines[0].text == "للسيارات الشاحنات الآلات"
    assert lines[0].x0 == 400.0 - 30 * 2  # the leftmost word left is the third listed


def test_real_latin_words_and_codes_stay() -> None:
    rows = ((("سيرة", 90.0), ("ذاتية", 91.0), ("(CV)", 94.2), ("تحمل", 90.0)),
            (("بوابة", 90.0), ("التشغيل", 90.0), ("www.emploi-public.ma", 87.7), ("وعلى", 91.0)),
            (("الملحق", 93.0), ("رقم", 95.0), ("II", 45.0), ("بهذا", 90.0)),  # a Roman number, even unsure
            (("المادة", 93.0), ("5", 95.0), ("bis", 36.1), ("من", 90.0)),  # a reference's ordinal
            (("مطلق", 90.0), ("G/2432", 40.0), ("أرمل", 90.0)),  # a code with a digit
            (("نموذج", 90.0), ("(F2", 75.9), ("؛", 90.0)),
            (("phase", 40.0), ("Masse", 41.0), ("دون", 90.0), ("أن", 90.0)),  # a French term of two words
            (("الحكم", 90.0), ("A1", 41.7), ("نصه:", 88.0)),  # a digit inside: not letters only
            (("الوثائق", 90.0), ("Maroc", 80.2), ("المدلى", 88.0)))  # read at 80 %: sure enough
    lines = _dropped(*rows)
    assert [ln.text for ln in lines[:-1]] == [" ".join(w for w, _c in row) for row in rows]
    assert all(ln.doubt is None for ln in lines)


def test_a_lone_latin_word_read_unsure_but_not_weak_is_kept_and_its_line_put_in_doubt() -> None:
    """Decree 2.19.720 p. 8 once its tall blank is painted out: ``أثناء`` read ``ei`` at 55 %, above the junk's
    50 %; dropped it would lose a word's place, kept sure it would hide the misreading. Kept, its line flagged."""
    lines = _dropped((("و", 90.0), ("ei", 55.0), ("زيارة", 91.0), ("المراقبة", 93.0), ("التي", 95.0), ("قمنا", 90.0)),
                     (("المحكمة", 90.0), ("Le", 51.3), ("المدلى", 88.0)),
                     (("بتشغيل", 90.0), ("خبيرين", 88.0), ("بموجب", 92.0), ("Mie", 74.0)))
    assert [ln.text for ln in lines[:3]] == ["و ei زيارة المراقبة التي قمنا", "المحكمة Le المدلى", "بتشغيل خبيرين بموجب Mie"]
    assert [ln.doubt for ln in lines] == [OCR_LOW, OCR_LOW, OCR_LOW, None]


def test_a_word_of_the_french_list_is_only_flagged() -> None:
    lines = _dropped((("ورؤساء", 80.0), ("Hall", 5.4), ("بالإدارة", 88.0)))  # a heavy face's المصالح; French ``hall``
    assert lines[0].text == "ورؤساء Hall بالإدارة"
    assert lines[0].doubt == OCR_LOW


def test_an_unsure_word_a_document_pass_replaced_leaves_its_line_in_doubt() -> None:
    """echoes.echo_document puts ``أثناء`` for decree 2.19.720 p. 8's ``ei`` (55 %) from the other printings: the line
    was read with a Latin token for a word, the word put in is the document's guess, the reviewer checks it."""
    lines, result = _page((("و", 90.0), ("ei", 55.0), ("زيارة", 91.0), ("المراقبة", 93.0), ("التي", 95.0)), _ARABIC)
    assert mark_junk_latin(lines, result) == 1
    lines[0].text = "و أثناء زيارة المراقبة التي"  # what the document-wide pass made of it
    assert drop_marked([lines]) == 0
    assert lines[0].text == "و أثناء زيارة المراقبة التي" and lines[0].doubt == OCR_LOW
    assert lines[1].doubt is None


def test_a_word_a_document_pass_replaced_is_not_dropped() -> None:
    """echoes.echo_document sets ``الصحة QU الاجتماعية`` right from the phrase another page prints: the mark
    finds no ``QU`` left and changes nothing, the line's doubt included."""
    lines, result = _page((("لوزارة", 88.0), ("الصحة", 90.0), ("QU", 23.0), ("الاجتماعية.", 86.0)), _ARABIC)
    assert mark_junk_latin(lines, result) == 1
    lines[0].text = "لوزارة الصحة والحماية الاجتماعية."  # what the document-wide pass made of it
    assert drop_marked([lines]) == 0
    assert lines[0].text == "لوزارة الصحة والحماية الاجتماعية." and lines[0].doubt is None


def test_nothing_is_marked_on_a_french_page_nor_on_a_line_read_again() -> None:
    lines, result = _page((("Le", 30.0), ("conseil", 40.0), ("municipal", 45.0), ("dl", 20.0), ("délibère", 40.0)))
    assert mark_junk_latin(lines, result) == 0  # no Arabic on the page
    lines, result = _page((("المملكة", 88.0), ("à", 41.2), ("المغربية", 90.0)), _ARABIC)
    lines[0].text = "المملكة المغربية"  # a pass read the line again: its listing no longer its text
    assert mark_junk_latin(lines, result) == 0


def test_a_lines_marks_go_with_it() -> None:
    lines, result = _page((("المملكة", 88.0), ("à", 41.2), ("المغربية", 90.0)), _ARABIC)
    mark_junk_latin(lines, result)
    key = id(lines[0])
    assert key in _MARKS
    del lines, result
    gc.collect()
    assert key not in _MARKS  # a page read and thrown away (a turned reading kept instead) leaves no marks behind


def _lines(*rows: tuple[str, float, float]) -> list[TextLine]:
    """Lines of (text, confidence, height), one under the other."""
    out = []
    for n, (text, conf, height) in enumerate(rows):
        ln = TextLine(text=text, x0=100.0, top=30.0 * n, x1=400.0, bottom=30.0 * n + height, page=1)
        ln.confidence = conf
        out.append(ln)
    return out


_BODY = (("بناء على الاختصاصات الموكولة إلينا في مجال مراقبة تطبيق الأحكام", 0.83, 12.4),
         ("الموضوع: ملاحظات بشأن المخالفة لأحكام القانون رقم 65.99", 0.84, 12.0))


def test_a_short_latin_line_read_unsure_on_a_page_of_arabic_is_dropped() -> None:
    lines = _lines(("eu:", 0.42, 11.8), *_BODY, ("[ea]", 0.28, 8.4), ("LS. A", 0.61, 4.0))  # decree 2.19.720, Sfax
    assert drop_junk_lines(lines) == 3
    assert [ln.text for ln in lines] == [t for t, _c, _h in _BODY]


def test_latin_lines_that_stay() -> None:
    rows = (("Royaume du Maroc", 0.96, 10.7),  # a letterhead's French, sure
            ("www.narsa.ma", 0.86, 6.0),
            ("NET contact@narsa.gov.ma", 0.46, 12.4),  # an address: no short Latin word only
            ("eu", 0.70, 11.0),  # read at 70 %: not unsure
            ("u—1|", 0.61, 10.4),  # a digit inside
            ("QUI BEN", 0.33, 25.6),  # taller than the page's lines: a form's framed box, left to the tables
            ("La Ministre", 0.5, 10.0))  # a word of more than three letters
    lines = _lines(*_BODY, *rows)
    assert drop_junk_lines(lines) == 0
    assert len(lines) == len(_BODY) + len(rows)
    french = _lines(("Le conseil municipal délibère", 0.9, 12.0), ("eu:", 0.42, 11.8))
    assert drop_junk_lines(french) == 0  # a page of French: its short words are words


def test_a_speck_read_as_a_digit_or_two_letters_is_dropped_whatever_its_confidence() -> None:
    lines = _lines(*_BODY, ("0", 0.94, 2.9), ("5 a", 0.92, 4.3), ("5", 0.64, 2.6))  # a dot, a word's dots, a stroke's end
    assert drop_junk_lines(lines) == 3
    assert [ln.text for ln in lines] == [t for t, _c, _h in _BODY]


def test_numbers_at_the_texts_height_stay() -> None:
    rows = (("04", 0.92, 7.5), ("1/1", 0.96, 7.2), ("-4-", 0.47, 8.6))  # a list's number, a footer's, a folio
    lines = _lines(*_BODY, *rows)
    assert drop_junk_lines(lines) == 0
    lines = _lines(*_BODY, ("2027-2026", 0.97, 4.0))  # more than three characters: no speck
    assert drop_junk_lines(lines) == 0


def test_a_lone_accented_letter_in_an_arabic_line_is_dropped_whatever_pass_made_the_line() -> None:
    """The Santé decision's p. 1 as its passes left it: a line the stray pass read again whole ends on ``Ù`` (the
    signature's initial over المرفق; its words' confidences no longer known), and ``À،`` stands for رقم."""
    end = TextLine("تعلن وزارة الصحة والحماية الاجتماعية عن فتح باب الترشح لشغل مناصب رؤساء الأقسام حسب Ù",
                   56, 720, 552, 738, page=1)
    mid = TextLine("الاجتماعية gl التباري بشأنها بقرار السيد وزير الصحة والحماية الاجتماعية À، 22/2642 بتاريخ 01 مارس 2022",
                   55, 601, 537, 621, page=1)
    keep = TextLine("وعلى المرسوم رقم 2.72.373 بتاريخ فاتح ربيع الثاني 1394", 54, 399, 535, 418, page=1)
    assert drop_marked([[end, mid, keep]]) == 2
    assert end.text.endswith("الأقسام حسب") and end.doubt == OCR_LOW
    assert "À" not in mid.text and "الاجتماعية 22/2642" in mid.text and mid.doubt == OCR_LOW
    assert keep.doubt is None


def test_lone_latin_letters_that_stay() -> None:
    """A check mark's ``X`` and a Roman ``I`` (the truth prints both on Arabic lines), a letter beside a Latin word, an
    accented letter on a French page."""
    lines = [TextLine("ضع علامة X في الخانة المناسبة", 50, 100, 500, 118, page=1),
             TextLine("المادة الأولى من القرار رقم I بهذا", 50, 130, 500, 148, page=1),
             TextLine("بوابة à www.emploi-public.ma الموقع الإلكتروني", 50, 160, 500, 178, page=1)]
    before = [ln.text for ln in lines]
    drop_marked([lines])
    assert [ln.text for ln in lines] == before
    fr = [TextLine("le conseil a délibéré à l'unanimité des membres présents", 50, 100, 500, 118, page=1)]
    drop_marked([fr])
    assert fr[0].text.startswith("le conseil a délibéré à")
