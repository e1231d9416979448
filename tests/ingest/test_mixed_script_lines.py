"""Arabic lines that carry French terms and numbers, read on real text-layer pages.

* Word's Arabic lines holding French words write spaces inside Arabic words, drawn over the
  letter before them with the next letter against it (`ب ناء`, `سلام ت هم`): such a space
  parts nothing (pdf_kashida); a written space object is no kashida stroke (a date's
  `ربيع الآخر` was glued).
* A line whose French terms outnumber its Arabic letters, after an Arabic line, is still an
  Arabic line when its Latin letters outside brackets do not outnumber its Arabic ones
  (pdf_bidi.read_line); a French line with an Arabic word stays left to right.
"""

from __future__ import annotations

from tests.ingest._realpages import corpus_page, line_texts
from transform.ingest.pdf_kashida import mend

_texts = line_texts


def test_spaces_inside_words_and_the_glued_date() -> None:
    lines = _texts("adala-arfr-decree-2-22-630.pdf", 2)
    joined = "\n".join(lines)
    assert "بناء على القانون رقم 65.99 المتعلق بمدونة الشغل" in joined
    assert "وبعد المداولة في مجلس الحكومة المنعقد بتاريخ 8 ربيع الآخر 1444" in joined
    assert "قد تلحق الضرر بصحة الأجراء أو تعرض سلامتهم" in joined
    assert "الفصل الأول: تعاريف" in lines
    assert "يراد بما يلي في مدلول هذا المرسوم:" in lines
    for broken in ("ب ناء", "ب صح ة", "سلام ت هم", "ربيعالآخر", "تعاري ف"):
        assert broken not in joined
    # real word spaces stay (a bad repair would glue them)
    assert "رئيس الحكومة،" in lines and "رسم ما يلي:" in lines


def test_arabic_lines_with_more_french_letters_than_arabic() -> None:
    lines = _texts("adala-arfr-decree-2-22-630.pdf", 18)
    assert "1. مجال التوتر المنخفض جدا (Domaine très basse tension (T.B.T)):" in lines
    assert any(t.startswith("2. مجال التوتر المنخفض A (Domaine basse tension A (B.T.A)):") for t in lines)
    assert "(courant continu lisse)؛ ويشار إليها بعده ب (B.T.A.)؛" in lines
    # a French line of an Arabic document stays left to right
    lines = _texts("adala-arfr-decree-2-22-630.pdf", 2)
    assert "− الموصلات (Transmissions): أنظمة تضمن توصيل القوة، لاسيما الوصلات" in lines


def test_mend_leaves_pages_without_the_sign_alone() -> None:
    with corpus_page("adala-arfr-decree-2-22-630.pdf", 2) as (page, tp):
        text = tp.get_text_range()
        fixed = mend(page, tp, text)
    assert len(fixed) == len(text)  # same length: the text page's indices still hold
    changed = [i for i, (a, b) in enumerate(zip(text, fixed, strict=True)) if a != b]
    assert changed and all(text[i] == " " and fixed[i] == "\u0640" for i in changed)
    # every word space between two words of the first body line is kept
    start = text.index("رئيس الحكومة")
    assert fixed[start : start + 12] == "رئيس الحكومة"
