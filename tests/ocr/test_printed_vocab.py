"""Printings of one line that split, settled by the words the document prints sound on its text-layer pages
(`transform/ocr/printed_vocab.py`, called by `repeated_lines.vote_lines`). The readings are frozen from decree
2.19.720 (adala-ar-decree-2-19-720): pp. 5-8 are four printings of one model letter (tesseract's lines and
confidences as the corpus run gets them), pp. 2-3 its articles on a text layer (lines as the PDF gives them); no
tesseract."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.model import PageReport
from transform.ocr.confidence import OCR_LOW
from transform.ocr.repeated_lines import vote_lines

ARTICLES = [  # the decree's pp. 2-3, text layer
    ("يجب أن تتضمن رسائل الملاحظات والتنبيهات المشار إليها في المادة 2 أعلاه، على", 0.894),
    ("1 -المخالفات التي تمت معاينتها وطبيعتها ؛", 0.894),
    ("-الأحكام التشريعية و/أو التنظيمية الجاري بها العمل المتعلقة بالمخالفة أو المخالفات", 0.894),
    ("التي تمت معاينتها؛", 0.894),
    ("يوجه العون المكلف بتفتيش الشغل التنبيهات المشار إليها في المادة 2 أعلاه، إما بأجل", 0.894),
    ("تحرر رسائل الملاحظات والتنبيهات، المشار إليها في المادة 2 أعلاه، في ثلاثة نظائر،", 0.894),
]
LETTER = [  # pp. 5-8 as read
    [("الموضوع: ملاحظات بشأن المخالفة/المخالفات لأحكام القانون رقم 65.99 المتعلق بمدونة الشغل و/ أو النصوص", 0.845),
     ("بمقتضى المادة 532 من القانون رقم 65.99 المشار إليه أعلاه. ومعاينة الأفعال المخالفة لباته الأحكام وتوجيه", 0.894),
     ("ملاحظات بشأنها طبقا للمادة 539 من نفس القانون؛", 0.894),
     ("والتنظيمية ذات الصلة بالمخالفة / المخالفات الثي نمت معاينتها).", 0.875),
     ("العون الذي قام / أو الأموات الذين قاموا بزيارة المراقبة", 0.858)],
    [("الموضوع: تنبيه بأجل بخصوص مخالفة أحكام القانون رقم 65.99 المتعلق بمدونة الشغلْ و/أو النصوص التنظيمية", 0.789),
     ("بمقتضى المادة 532 من القانون رقم 65.99 المشار إليه أعلاه. ومعاينة الأفعال المخالفة لهاته الأحكام وتوجيه تنيهات", 0.86),
     ("بشأنها طبقا للمادة 539 هن نفس القانون؛", 0.795),
     ("والتنظيمية ذات الصلة بالمخالفة / المخالفات التي تمت معاينتها).", 0.922),
     ("العون الذي فام / أو الأعوان الذين قاموا بالمعايدة", 0.827)],
    [("الموضوع: تنبيه بدون أجل بخصوص مخالفة أحكام القانون رقم 65.99 المتعلق بمدونة الشغل و/أو النصوص", 0.869),
     ("بالشغل بمقتضى المادة 532 من القانون رقم 65.99 المشار إليه أعلاه. ومعاينة الأفعال المخالفة لباته الأحكام ونوجيه", 0.807),
     ("تنبهات بشأنها طبقا للمادة 539 من نفس القانون؛", 0.91),
     ("والتنظيمية ذات الصلة بالمخالفة / المخالفات الني تمت معاينتها).", 0.819),
     ("العون الذي قام / أو الأعوان as فالموا بالمعاينة", 0.854)],
    [("الموضوع: تنبيه بدون أجل بخصوص مغالفة/ مخالفات لأحكام القانون رقم 65.99 المتعلق بمدونة الشغل و/أو", 0.919),
     ("المادة 532 من القانون رقم 65.99 المشار إليه أعلاه، ومعاينة الأفعال المخالفة لباته الأحكام وتوجيه تلبهات بشأنها", 0.861),
     ("طبقا للمادتين 539 و540من نفس القانون؟", 0.86),
     ("والتنظيمية ذات الصلة بالمخالفة / المخالفات التي نمت مهاينتها).", 0.842),
     ("العون الذي قام / أو الأعوان الذبن فالموا بالمعاينة", 0.825)],
]


def _vote(texts: list[list[tuple[str, float]]], methods: list[str]) -> list[list[TextLine]]:
    pages = [[TextLine(t, 0.0, 20.0 * n, 500.0, 20.0 * n + 12, page=p + 1, confidence=c) for n, (t, c) in enumerate(page)]
             for p, page in enumerate(texts)]
    vote_lines(pages, [PageReport(page=i + 1, method=m) for i, m in enumerate(methods)])
    return pages


def _line(page: list[TextLine], start: str) -> TextLine:
    return next(ln for ln in page if ln.text.startswith(start))


def test_the_reading_the_document_prints_settles_a_split() -> None:
    """`نمت` on pp. 5 and 8, `تمت` on pp. 6 and 7: both words the lists know, no majority; the decree's articles print
    `التي تمت معاينتها` sound, `نمت` never: every printing reads `تمت`, and p. 5's line is no longer in doubt."""
    pages = _vote([ARTICLES, *LETTER], ["text"] + ["ocr"] * 4)
    for page in pages[1:]:
        ln = _line(page, "والتنظيمية ذات الصلة")
        assert "المخالفات التي تمت معاينتها)." in ln.text, ln.text
        assert ln.doubt is None
    assert [ln.text for ln in pages[0]] == [t for t, _c in ARTICLES]  # the text layer is read, never changed


def test_a_word_no_printing_reads_right_comes_from_the_articles() -> None:
    """`تنيهات`, `تنبهات`, `تلبهات` (each a letter lost or a tooth misread from `تنبيهات`, which the articles print
    in `التنبيهات`): the three printings take it; p. 5's own wording `ملاحظات` stays."""
    pages = _vote([ARTICLES, *LETTER], ["text"] + ["ocr"] * 4)
    assert _line(pages[2], "بمقتضى").text.endswith("وتوجيه تنبيهات")
    assert _line(pages[3], "تنب").text == "تنبيهات بشأنها طبقا للمادة 539 من نفس القانون؛"
    assert "وتوجيه تنبيهات بشأنها" in _line(pages[4], "المادة 532").text
    assert _line(pages[1], "ملاحظات").text == "ملاحظات بشأنها طبقا للمادة 539 من نفس القانون؛"


def test_no_text_layer_no_evidence_the_split_stays_in_doubt() -> None:
    """The same printings without the articles: nothing tells `تمت` from `نمت`, so nothing is guessed (each keeps
    its reading, p. 5's line in doubt) and the three misread `تنبيهات` stay as read."""
    pages = _vote(LETTER, ["ocr"] * 4)
    assert "نمت" in _line(pages[0], "والتنظيمية").text and _line(pages[0], "والتنظيمية").doubt == OCR_LOW
    assert _line(pages[2], "تنب").text.startswith("تنبهات")


def test_two_printed_candidates_are_no_evidence() -> None:
    """Articles that print both `تمت` and `نمت` beside `معاينتها` settle nothing: p. 5 keeps `نمت`, in doubt."""
    both = [*ARTICLES, ("المخالفات التي نمت معاينتها", 0.9), ("التي نمت معاينتها", 0.9)]
    pages = _vote([both, *LETTER], ["text"] + ["ocr"] * 4)
    ln = _line(pages[1], "والتنظيمية")
    assert "نمت" in ln.text and ln.doubt == OCR_LOW


def test_a_printed_word_without_its_neighbour_is_no_evidence() -> None:
    """`تمت` printed twice, but never beside a word the line reads around it: the split stays."""
    elsewhere = [("قرارات تمت بالإجماع", 0.9), ("وقد تمت كذلك", 0.9)]
    pages = _vote([elsewhere, *LETTER], ["text"] + ["ocr"] * 4)
    assert "نمت" in _line(pages[1], "والتنظيمية").text


def test_printings_split_between_two_words_go_in_doubt() -> None:
    """`قاموا` on pp. 5-6, `فالموا` on pp. 7-8 (both words the lists know, near, no printed evidence): the line of
    p. 6 goes in doubt (p. 5's line says `بزيارة المراقبة` and is no copy); `أحكام` twice against `لأحكام` twice
    (a particle more: the printings differ so) puts no subject line in doubt."""
    pages = _vote([ARTICLES, *LETTER], ["text"] + ["ocr"] * 4)
    assert _line(pages[2], "العون").doubt == OCR_LOW
    assert [_line(p, "الموضوع").doubt for p in pages[1:]] == [None, None, None, None]
