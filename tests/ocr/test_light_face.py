"""A light face's unknown words mended from a larger render's reading (light_face.py): the measure
that tells a light face, the words mended and the words left as read."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from transform.ingest.base import TextLine
from transform.ocr.light_face import LIGHT_RATIO, light_face, mend, stroke_ratio, word_counts
from transform.ocr.render import PageImage

NASKH = Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf")
DPI = 250.0
BODY = "وبناء على المذكرة الجوابية المدلى بها من طرف نائب المدعى عليه"


def _page(thin: bool) -> tuple[PageImage, list[TextLine]]:
    """Eight lines of 14 pt Naskh at 250 dpi, anti-aliased as a render is; ``thin``: every stroke
    made a pixel thinner on each side (a light face)."""
    img = Image.new("L", (1800, 1000), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(NASKH), 50)
    k = 72 / DPI
    lines = []
    for row in range(8):
        x0, top, x1, bottom = draw.textbbox((100, 80 + row * 110), BODY, font=font)
        draw.text((100, 80 + row * 110), BODY, font=font, fill=0)
        lines.append(TextLine(BODY, x0 * k, top * k, x1 * k, bottom * k))
    if thin:
        img = img.filter(ImageFilter.MaxFilter(3))
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    return PageImage(img, DPI, 1, img.width * k, img.height * k), lines


@pytest.mark.skipif(not NASKH.exists(), reason="Noto Naskh Arabic is needed to draw the test page")
def test_a_light_face_is_told_from_a_regular_one_by_its_strokes_against_its_lines() -> None:
    regular, lines = _page(thin=False)
    light, same = _page(thin=True)
    assert stroke_ratio(regular, lines) > LIGHT_RATIO + 0.01
    assert stroke_ratio(light, same) < LIGHT_RATIO - 0.01
    assert not light_face(regular, lines) and light_face(light, same)
    assert not light_face(light, same[:3])  # too few body lines to measure


def _line(text: str, top: float = 100.0) -> TextLine:
    return TextLine(text, 40.0, top, 550.0, top + 16.0, page=2)


# as the judgment's p. 2 reads them: kept (thickened, 250 dpi), the larger render (300 dpi), the other 250 dpi reading
KEPT = "المبالغ بصندوق المحكمة، لذلك ينعمس الحكم بعدم اختصاص هذه المحكمة لبنظر في الموضوع والحكم"
LARGER = "المبالغ بصندوق المحكمة، لذلك يلتمس الحكم بعدم اختصاص هذه المحكمة للنظر في الموضوع والحكم"
OTHER = "المبالغ بصندوق المحكمة. لذلك يلنمس الحكم بعدم اختصاص هذه المحكمة لنظر في الموضوع والحكم"


SECOND = "والحكم عليه بأداء الوجيبة المذكورة وفسخ عقد الكراء"


def test_unknown_words_are_mended_from_the_larger_reading() -> None:
    kept = [_line(KEPT)]
    seen = word_counts([kept])
    assert mend(kept, [_line(LARGER, 102.0)], seen, [_line(OTHER, 99.0)]) == 2
    assert kept[0].text == LARGER


def test_a_word_read_twice_or_read_alike_by_the_other_reading_stays() -> None:
    kept = [_line(KEPT)]
    seen = word_counts([kept, [_line("ينعمس لبنظر", 300.0)]])  # each read twice in the document
    assert mend(kept, [_line(LARGER)], seen, None) == 0
    # the other reading at 250 dpi reads the word alike: two readings against one (`الوجيبة`, right, stays)
    kept = [_line("والحكم عليه بأداء الوجيبة المذكورة وفسخ عقد الكراء")]
    larger = [_line("والحكم عليه بأداء الوخيمة المذكورة وفسخ عقد الكراء")]
    other = [_line("والحكم عليه بأداء الوجيبة المذكورة وفسخ عقد")]
    assert mend(kept, larger, word_counts([kept]), other) == 0
    assert "الوجيبة" in kept[0].text


@pytest.mark.parametrize(("kept", "larger"), [
    ("تقديم طلب بعرض", "تقديم طنب بعرض"),  # a known word is never touched (both ways)
    ("تقديم طنب بعرض", "تقديم طلب بعرض"),
    ("بتاريخ 2019/09/13 وأن", "بتاريخ 2019/09/18 وأن"),  # nor a number
    ("لذلك ينعمس الحكم", "لذلك يلتمسونهم الحكم"),  # more than a letter longer
    ("لذلك ينعمس الحكم", "لذلك مستقبل الحكم"),  # more than two letters off
    ("لذلك ينعمس الحكم", "لذلك يلتمس"),  # nothing aligned one for one
])
def test_nothing_but_an_unknown_word_a_letter_or_two_off_a_known_one_is_mended(kept: str, larger: str) -> None:
    lines = [_line(kept)]
    mend(lines, [_line(larger)], Counter(), None)
    assert lines[0].text == kept


def test_lines_that_do_not_overlap_are_not_matched() -> None:
    kept = [_line(KEPT, 100.0)]
    assert mend(kept, [_line(LARGER, 140.0)], word_counts([kept]), None) == 0


def test_only_a_light_page_is_read_a_third_time_and_mended(monkeypatch: pytest.MonkeyPatch) -> None:
    """strokes.reread_thickened's wiring, tesseract stubbed: page 0 is light (a 300 dpi reading, its
    words mend the kept one), page 1 is not (no third reading)."""
    from concurrent.futures import ThreadPoolExecutor

    from transform.model import PageReport
    from transform.ocr import strokes

    rendered: list[tuple[int, float]] = []

    def render(_pdf: object, i: int, dpi: float = 250.0) -> PageImage:
        rendered.append((i, dpi))
        return PageImage(Image.new("L", (10, 10), 255), dpi, i + 1, 10.0, 10.0)

    def read(pimg: PageImage, _langs: list[str], **_kw: object) -> tuple[list[TextLine], PageReport]:
        text = (LARGER if pimg.dpi == 300.0 else KEPT) if pimg.page == 1 else SECOND
        line = _line(text)
        line.confidence = 0.9
        return [line], PageReport(page=pimg.page, method="ocr", reason="OCR")

    monkeypatch.setattr(strokes, "render_page", render)
    monkeypatch.setattr(strokes, "light_face", lambda pimg, _lines: pimg.page == 1)
    first = [_line(OTHER), _line(SECOND)]
    for ln in first:
        ln.confidence = 0.8
    out = [[first[0]], [first[1]]]
    reports: list[PageReport | None] = [PageReport(page=1, method="ocr"), PageReport(page=2, method="ocr")]
    used = {0: (["ar"], False, None, "vector"), 1: (["ar"], False, None, "vector")}
    with ThreadPoolExecutor(2) as pool:
        strokes.reread_thickened(object(), pool, used, out, reports, 10.0, read)  # type: ignore[arg-type]
    assert sorted(rendered) == [(0, 250.0), (0, 300.0), (1, 250.0)]
    # page 0: the thickened reading kept (surer), its unknown words mended from the larger render
    assert out[0][0].text == LARGER and "2 unknown words read again from a 300 dpi render" in reports[0].reason
    # page 1: the thickened reading kept as it was read
    assert out[1][0].text == SECOND and "light face" not in reports[1].reason


# the judgment's p. 1, 2 and 4 as read once its watermark's edges are flattened (grey_ground.py): kept, larger, other
VOTED = [
    ("بالإفياغ وإفراغه هو ومن يقوم مقامه أو بإذنه من المحل التجاري المستخرج من المنزل الكائن بحي",
     "بالإفراغ وإفراغه هو ومن يقوم مقامه أو بإذنه من المحل التجاري المستخرج من المنزل الكائن بحي",
     "بالإفراغ وإفراغه هو ومن يقوم مقامه أو بإذنه من المحل التجاري المستخرج من المنزل الكائن بحي"),
    (".وبناء على المذكرة التعقيبية المدلى بها بجلسة 2020/01/29 من طرف نائب المدعين والقي جاء",
     "وبناء على للمذكرة التعقيبية المدلى بها بجلسة 2020/01/29 من طرف نائب المدعين والتي جاء",
     ".وبناء على المذكرة التعقيبية المدلى بها بجلسة 2020/01/29 من طرف نائب المدعين والتي جاء"),
    ("الإنذار بالإفراغ مؤسس ويتعين Les لذلك الحكم على المدعى عليه ومن يقوم مقامه بإفراغ انحل",
     "الإنذار بالإفراغ مؤسس ويتعين تبعا لذلك الحكم على المدعى عليه ومن يقوم مقامه بإفراغ انحل",
     "الإنذار بالإفراغ مؤسس ويتعين تبعا لذلك الحكم على المدعى عليه ومن يقوم مقامه بإفاغ حل"),
]
# words the document reads elsewhere (other lines of its kept reading)
ELSEWHERE = "الإنذار بالإفراغ والتي جاء فيها"


def test_a_word_both_other_readings_read_alike_as_the_document_reads_it_elsewhere_is_mended() -> None:
    kept = [_line(k, 100.0 + 30 * n) for n, (k, _l, _o) in enumerate(VOTED)]
    larger = [_line(lg, 100.0 + 30 * n) for n, (_k, lg, _o) in enumerate(VOTED)]
    other = [_line(o, 100.0 + 30 * n) for n, (_k, _l, o) in enumerate(VOTED)]
    seen = word_counts([kept, [_line(ELSEWHERE, 500.0)]])
    assert mend(kept, larger, seen, other) == 3
    assert kept[0].text.startswith("بالإفراغ وإفراغه")  # unknown to the list, read sound on p. 4
    assert kept[1].text.endswith("نائب المدعين والتي جاء")  # a known word, one letter off, as long
    assert "ويتعين تبعا لذلك" in kept[2].text  # a Latin token of an Arabic line, the other reading agreeing
    assert kept[1].text.startswith(".وبناء على المذكرة")  # the larger reading's other words are not taken


def test_a_latin_token_of_an_arabic_line_takes_the_larger_readings_word_the_document_reads() -> None:
    """p. 4's second `Les`: the other reading reads `Les` too, but the document reads `تبعا` (mended on
    the line before): the larger reading's Arabic word is taken."""
    kept = [_line("وحيث إن طلب التعويض عن التماطل له ما يبرره وتحدده المحكمة Les لسلطتها التقديرية 3")]
    larger = [_line("وحيث إن طلب التعويض عن التماطل له ما يبرره وتحدده المحكمة تبعا لسلطتها التقديرية في")]
    other = [_line("وحيث إن طلب التعويض عن التماطل له ما يبرره وتحدده المحكمة Les لسلطتها التقديرية في")]
    assert mend(kept, larger, Counter(), other) == 0  # nothing vouches for تبعا
    assert mend(kept, larger, Counter({"تبعا": 1}), other) == 1
    assert kept[0].text.endswith("المحكمة تبعا لسلطتها التقديرية 3")  # a number is never replaced


@pytest.mark.parametrize(("kept", "larger", "other", "elsewhere"), [
    # both others read يرتكر, but the document prints it nowhere: the right يرتكز stays
    ("يعد دفعا لا يرتكز على", "يعد دفعا لا يرتكر على", "يعد دفعا لا يرتكر على", ""),
    # a known word one letter off both others' reading, which the document does not print elsewhere
    ("بوالستة كاتية الضبط", "بوالستة كاتبة الضبط", "بوالستة كاتبة الضبط", ""),
    # a known word is never made shorter or longer (the right لمحكمة read محكمة twice)
    ("الرئيس الأول لمحكمة النقض", "الرئيس الأول محكمة النقض", "الرئيس الأول محكمة النقض", "محكمة"),
    # the other reading reads the kept word: two readings against one
    ("الدعوى وأتهم أدنوا", "الدعوى وأنهم أدنوا", "الدعوى وأتهم أدنوا", "وأنهم"),
    # a word read twice in the document
    ("المحكمة والقي جاء", "المحكمة والتي جاء", "المحكمة والتي جاء", "والقي والتي"),
    # a Latin token of a line with too few Arabic words
    ("(CV) الترشيح", "السيرة الترشيح", "السيرة الترشيح", "السيرة"),
])
def test_what_the_document_does_not_vouch_for_stays(kept: str, larger: str, other: str, elsewhere: str) -> None:
    lines = [_line(kept)]
    seen = word_counts([lines, [_line(elsewhere, 500.0)]])
    assert mend(lines, [_line(larger)], seen, [_line(other)]) == 0
    assert lines[0].text == kept


def test_the_other_reading_vouches_where_its_line_splits_a_word() -> None:
    """p. 2: the other 250 dpi reading split `أجل` (`أجا ل`), so its words do not align one for one with
    the kept line there; it reads `الإفراغ` on that line and not `الإقراغ`, which the document prints elsewhere."""
    kept = [_line("الكراء وبعد توصل المدعى عليه بتاريخ 2019/09/09 بإنذار من أجل الإقراغ وجل الوثائق المدلى بها من")]
    larger = [_line("الكراء وبعد توصل المدعى عليه بتاريخ 2019/09/09 بإنذار من أجل الإفراغ وجل الوثائق المدلى بها من")]
    other = [_line("الكراء وبعد توصل المدعى عليه بتاريخ 2019/09/09 بإنذار من أجا ل الإفراغ وجل الوثائق المدلى بها من")]
    seen = word_counts([kept, [_line("من أجل الإفراغ", 500.0)]])
    assert mend(kept, larger, seen, other) == 1
    assert "من أجل الإفراغ وجل" in kept[0].text


def test_a_letter_the_document_is_seen_to_confuse_settles_a_word_printed_nowhere_else() -> None:
    """p. 3 as first read: `يعتبر` is printed nowhere else and the list lacks it; both other readings read
    it, and the document reads `ب` as `ي` inside words (its profile, doc_profile.py)."""
    text = "داخل الأجل القانوني مما {} معه في حالة تماطل"
    learnt = {("ب", "ي", False)}
    kept = [_line(text.format("يعتير"))]
    others = [_line(text.format("يعتبر"))], [_line(text.format("يعتبر"))]
    assert mend(kept, others[0], word_counts([kept]), others[1], set()) == 0  # no profile: stays
    assert mend(kept, others[0], word_counts([kept]), others[1], learnt) == 1
    assert kept[0].text == text.format("يعتبر")
    # `يرتكز` (right) read `يرتكر` by both others: `ر` read `ز` is no confusion the document shows
    kept = [_line("يعد دفعا لا يرتكز على")]
    assert mend(kept, [_line("يعد دفعا لا يرتكر على")], word_counts([kept]), [_line("يعد دفعا لا يرتكر على")], learnt) == 0
