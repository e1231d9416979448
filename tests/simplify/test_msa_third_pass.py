"""MSA rules of the third pass of issue 18 (formal Arabic): decree formulas, official titles kept as printed,
Hijri dates as they are said, legal and labour-law vocabulary, the bare verb after "خاص X". Sentences written for
these tests (in the style of the development decrees and of law 19.12's development pages), each with the
Darija the rules must give; numbers are checked by the gates."""

from __future__ import annotations

import pytest

from transform.simplify.metrics import check_segment
from transform.simplify.msa import DocState, simplify_sentence
from transform.simplify.speak import speakable


def _darija(src: str) -> str:
    return " ".join(simplify_sentence(src, DocState()).pieces)


@pytest.mark.parametrize(("src", "present", "absent"), [
    # the closing formula of a decree: the minister applies it, then the publication (a passive, not "he publishes")
    ("يسند تنفيذ هذا المرسوم، الذي ينشر بالجريدة الرسمية، إلى وزير الداخلية.",
     ["وزير الداخلية هو اللي غادي يطبق هاد المرسوم", "والمرسوم غادي يتنشر ف الجريدة الرسمية"], ["يسند", "كينشر", "التنفيذ"]),
    ("ينشر هذا القرار بالجريدة الرسمية.", ["هاد القرار غادي يتنشر ف الجريدة الرسمية"], ["كينشر", "بالجريدة"]),
    # an official who is not a minister: the title goes through the lexicon, the formula is the same
    ("يسند تنفيذ هذا القرار إلى المدير العام للمكتب، كل فيما يخصه.",
     ["المدير العام للمكتب هو اللي غادي يطبق هاد القرار", "كل واحد ف اللي كيخصو"], ["يسند", "فيما"]),
    # a Hijri date is said without "من": 12 رمضان 1445; the Gregorian date follows with يعني
    ("مرسوم رقم 2.24.100 صادر في 12 من رمضان 1445 (22 مارس 2024).",
     ["2.24.100", "اللي خرج ف 12 رمضان 1445، يعني 22 مارس 2024"], ["من رمضان", "("]),
    # a minister's title is a name: never "الصيد ديال البحر" (also after ل)
    ("قرار لوزير الفلاحة والصيد البحري والتنمية القروية والمياه والغابات رقم 55.24 بتحديد ثمن البيع.",
     ["لوزير الفلاحة والصيد البحري والتنمية القروية والمياه والغابات رقم 55.24", "باش يتحدد الثمن ديال البيع"],
     ["ديال البحر", "ديال البادية"]),
    # a council meets (masculine, past): اللي تجمع, not "اللي كانت" nor a present "كتجمع"
    ("وبعد المداولة في مجلس الحكومة المنعقد بتاريخ 3 مارس 2024،", ["مجلس الحكومة اللي تجمع نهار 3 مارس 2024"],
     ["المنعقد", "كتجمع", "اللي كانت"]),
    # "الصادر بتنفيذه الظهير الشريف": the law came out by the dahir (not "باش يتنفذ الظهير")
    ("بناء على القانون رقم 12.90 الصادر بتنفيذه الظهير الشريف رقم 1.92.31 بتاريخ 15 من ذي الحجة 1412 (17 يونيو 1992)؛",
     ["اللي خرج بالظهير الشريف رقم 1.92.31", "15 ذي الحجة 1412، يعني 17 يونيو 1992"], ["بتنفيذه", "يتنفذ الظهير"]),
    # a phrase after the clitic ل + ال (للتغير = ل + التغير) is found
    ("يجب أن تساهم البرامج في التصدي للتغير المناخي.", ["للتغير ديال المناخ"], ["المناخي"]),
    # labour law: domestic workers, weekly rest, paid yearly leave
    ("تستفيد العاملات والعمال المنزليون من الراحة الأسبوعية ومن العطلة السنوية المؤدى عنها.",
     ["الخدامات والخدامين ديال الديور", "الراحة ديال السيمانة", "العطلة ديال العام مخلصة"], ["المنزليون", "الأسبوعية", "المؤدى"]),
    # "يتعين على X أن + verb": خاص X + the bare verb (no ك- after the modal's subject); a deadline "لا يتعدى"
    ("يتعين على المشغل أن يسلم الأجير شهادة العمل داخل أجل لا يتعدى 8 أيام.",
     ["خاص المشغل يعطي الخدام", "ف مدة ما كيفوتش 8 أيام"], ["كيعطي", "الأجير", "يتعدى"]),
    ("يجب على الجماعة أن توفر الماء للساكنة.", ["خاص الجماعة توفر الما للناس"], ["كتوفر"]),
    # the Moroccan month name outside a full date; "حيز التنفيذ"
    ("يدخل هذا القرار حيز التنفيذ ابتداء من فاتح يوليو 2025.", ["فاتح يوليوز 2025", "التطبيق"], ["يوليو ", "حيز"]),
    # the inspector's usual name; a sworn officer's letters in three copies
    ("يوجه العون المكلف بتفتيش الشغل رسالة التنبيه في ثلاثة نظائر.", ["كيصيفط مفتش الشغل", "نسخ"], ["العون", "نظائر", "كيوجه"]),
    # penalties: a fine is a ذعيرة, the amounts as printed
    ("يعاقب بغرامة من 500 إلى 2000 درهم كل من خالف أحكام هذه المادة.", ["ذعيرة", "من 500 ل 2000 درهم", "كل واحد"], ["غرامة", "كل من"]),
    ("لا يجوز تشغيل القاصرين في الأعمال الخطيرة.", ["ما يمكنش", "الصغار", "الخدمات الخطيرة"], ["يجوز", "القاصرين"]),
    # أن + a verb no file lists: the bare verb (not "بلي كيدلي"); أدلى ب / قام ب + noun: جاب / دار without ب
    ("يمكن للمشغل أن يطلب من العامل أن يدلي بشهادة طبية.", ["المشغل يقدر يطلب من الخدام يجيب شهادة"], ["بلي", "كيدلي", "بشهادة"]),
    ("ويمنع على الأشخاص الذاتيين أن يقوموا بأعمال الوساطة.", ["وممنوع على الناس العاديين يديرو أعمال السمسرة"], ["بأعمال", "كيديرو"]),
    # a definite participle after a definite noun becomes an اللي phrase; a nisba and a joint order's name do not
    ("وتسهر اللجنة على تتبع تنفيذ المشاريع المبرمجة.", ["المشاريع اللي مبرمجة"], ["المبرمجة"]),
    ("تطبق أحكام القرار المشترك على المطاحن الصناعية.", ["القرار المشترك", "المطاحن ديال الصناعة"], ["اللي مشترك"]),
    # domestic work and the southern provinces through the relational adjectives
    ("العمل المنزلي في الأقاليم الجنوبية.", ["الخدمة ديال الدار", "الأقاليم ديال الجنوب"], ["المنزلي", "الجنوبية"]),
    # limits: "ألا يقل عن" / "لا تقل عن" as Darija negations; a continuous rest; leave for a wedding
    ("يجب ألا يقل الأجر النقدي عن 60 في المائة من الحد الأدنى القانوني للأجر.",
     ["خاص ما ينقصش الخلصة بالفلوس", "60 ف المية", "السميك"], ["يقل", "النقدي", "ألا"]),
    ("يستفيد العامل المنزلي من راحة أسبوعية لا تقل عن 24 ساعة متصلة.",
     ["راحة ديال السيمانة ما تنقصش على 24 ساعة بلا ما تتقطع"], ["تقل", "متصلة", "هادشي"]),
    ("يستفيد من عطلة بمناسبة الزواج.", ["عطلة على قبل الزواج"], ["بمناسبة"]),
    # a subjunctive plural -وا that no file lists: the Darija plural -و, bare after بشرط
    ("شريطة أن يكونوا حاصلين على إذن مكتوب.", ["بشرط يكونو حاصلين"], ["يكونوا", "كيكون"]),
    # a name with the national adjective stays a name
    ("يدلي المترشح بنسخة من البطاقة الوطنية.", ["البطاقة الوطنية"], ["ديال البلاد"]),
])
def test_third_pass_rules(src: str, present: list[str], absent: list[str]) -> None:
    out = _darija(src)
    for p in present:
        assert p in out, (p, out)
    for a in absent:
        assert a not in out, (a, out)
    chk = check_segment(src, out, speakable(out))
    assert chk.gates_ok and not chk.numbers_new, (out, chk.reasons())


def test_flour_and_official_names_are_kept() -> None:
    """An office's full name and the House of Councillors stay as printed; subsidised flour agrees (المدعمة)."""
    out = _darija("يتم شراء القمح اللين الموجه لصنع الدقيق المدعوم من لدن المكتب الوطني المهني للحبوب والقطاني.")
    assert "المكتب الوطني المهني للحبوب والقطاني" in out and "الفرينة المدعمة" in out and "اللي كتصاوب منو" in out, out
    assert "ديال البلاد" not in out and "مدعوم" not in out, out
    out = _darija("كما وافق عليه مجلس المستشارين ومجلس النواب.")
    assert "مجلس المستشارين ومجلس النواب" in out and "الأعضاء" not in out, out


def test_special_flour_is_not_turned_into_dyal() -> None:
    """"الدقيق الخاص" is the special flour (not "الفرينة ديال"), and the amounts are kept."""
    out = _darija("يحدد ثمن الدقيق الخاص في 342,432 درهما للقنطار.")
    assert "الفرينة الخاصة" in out and "342,432 درهم" in out, out
    assert not out.rstrip(".").endswith("ديال"), out
