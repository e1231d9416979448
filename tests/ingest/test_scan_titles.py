"""A scan's title page and its parts' titles (twenty-first session; transform/ingest/pdf_scan_titles.py and the specks
of pdf_page_titles._cover_levels).

Frozen OCR'd lines (box in points, estimated size, text, tesseract's mean confidence) of Adala's decree 2.26.530 and
joint order 1096.26, grouped by the reader's own line grouping. Each test but the two that check what must not change
fails on main at 01d2ab8 (checked by running this file against that commit's reader)."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_blocks import group_lines

Row = tuple[float, float, float, float, float, str, float]

# decree 2.26.530 p. 1: the cover, its title alone in the middle of the watermark (size over-estimated, a stray stop)
DECREE_COVER: list[Row] = [(151, 373, 444, 403, 53.5, "مرسوم في شأن الساعة القانونية.", 0.765)]
# decree 2.26.530 p. 2, whole
DECREE_P2: list[Row] = [
    (113, 73, 484, 98, 25.5, 'مرسوم رقم 2.26.530 صادر في 9 محرم 1448', 0.936),
    (126, 102, 470, 128, 25.5, '(25 يونيو 2026) في شأن الساعة القانونية!', 0.922),
    (419, 151, 497, 165, 16.0, 'رئيس الحكومة»', 0.851),
    (229, 178, 496, 192, 16.0, 'بناء على الدستور» لاسيما الفصول 89 و90 و92 منه؛', 0.883),
    (73, 205, 496, 221, 16.0, 'وبعد الاطلاع على المرسوم الملكي رقم 455.67 الصادر في 23 من صفر 1387', 0.934),
    (328, 225, 524, 242, 16.0, '(2 يونيو 1967) بشأن الساعة القانونية؛', 0.913),
    (82, 254, 496, 269, 16.0, 'وبعد المداولة في مجلس الحكومة المنعقد بتاريخ 9 محرم 1448 (25 يونيو 2026(«', 0.926),
    (416, 281, 475, 296, 16.0, 'رسم ما يلي:', 0.716),
    (267, 306, 329, 323, 16.0, 'المادة الأولى', 0.927),
    (71, 334, 497, 351, 16.0, 'يتم» عند حلول الساعة الثانية صباحا من يوم الأحد 20 سبتمبر 2026» الرجوع إلى', 0.912),
    (73, 356, 523, 372, 16.0, 'الساعة القانونية المحددة في تراب المملكة في التوقيت الزمني المتوسط لخط كرينويتش»', 0.881),
    (71, 376, 524, 393, 16.0, 'بموجب الفصل الأول من المرسوم الملكي المشار إليه أعلاه رقم 455.67 الصادر في', 0.929),
    (135, 399, 523, 414, 16.0, '23 من صفر 1387 (2 يونيو 1967(« وذلك بتأخير الساعة بستين (60) دقيقة.', 0.923),
    (267, 425, 329, 439, 16.0, 'المادة الثانية', 0.925),
    (71, 451, 496, 469, 16.0, 'ينسخ ابتداء من التاريخ المذكور في المادة الأولى أعلاه المرسوم رقم 2.18.855', 0.932),
    (136, 473, 524, 490, 16.0, 'الصادر في 16 من صفر 1440 (26 أكتوبر 2018) المتعلق بالساعة القانونية.', 0.933),
    (267, 500, 329, 512, 16.0, 'المادة الثالثة', 0.923),
    (302, 529, 496, 544, 16.0, 'ينشر هذا المرسوم في الجريدة الرسمية.', 0.927),
    (73, 556, 340, 571, 16.0, 'وحرر بالرباط في 9 محرم 1448 (25 يونيو 2026).', 0.918),
    (149, 581, 269, 597, 16.0, 'الإمضاء: عزيز أخنوش.', 0.92),
    (363, 610, 433, 624, 16.0, 'وقعه بالعطف:', 0.917),
    (282, 637, 495, 651, 16.0, 'الوزيرة المنتدبة لدى رئيس الحكومة المكلفة', 0.924),
    (302, 664, 468, 680, 16.0, 'بالانتقال الرقمي وإصلاح الإدارة»', 0.75),
    (342, 690, 446, 707, 16.0, 'الإمضاء: أمل الفلاح.', 0.928),
    (166, 758, 523, 771, 12.0, '1- الجريدة الرسمية عدد 7521 بتاريخ 13 محرم 1448 (29 يونيو 2026(« ص 3768.', 0.881),
]
# joint order 1096.26 p. 1: the running letterhead read as specks, then the title over six lines, its season last
ORDER_COVER: list[Row] = [
    (115, 41, 496, 46, 5.0, "AC | أ |", 0.732),
    (90, 42, 513, 52, 5.0, "لممنحلة المخربية 08 0 العذ مدمر مك التشر معر والذ : (ب", 0.638),
    (86, 329, 493, 353, 18.5, "قرار مشترك لوزير الداخلية ووزير الفلاحة والصيد البحري", 0.922),
    (75, 359, 503, 379, 18.5, "والتنمية القروية والمياه والغابات والوزير المنتدب لدى وزيرة", 0.924),
    (74, 388, 504, 411, 18.5, "الاقتصاد والمالية المكلف بالميزانية بتحديد شروط شراء القمح", 0.914),
    (80, 416, 497, 442, 18.5, "اللين الموجه لصنع الدقيق المدعوم وكذا شروط صنع الدقيق", 0.823),
    (101, 446, 477, 469, 18.5, "المذكور وتوضيبه وعرضه للبيع برسم موسم التسويق", 0.922),
    (239, 479, 333, 494, 24.0, "2027-2026", 0.967),
]
# joint order 1096.26 p. 2, whole
ORDER_P2: list[Row] = [
    (77, 73, 520, 99, 24.0, 'قرار مشترك لوزير الداخلية ووزير الفلاحة والصيد البحري', 0.922),
    (92, 105, 505, 128, 24.0, 'والتنمية القروية والمياه والغابات والوزير المنتدب لدى', 0.927),
    (82, 137, 515, 162, 24.0, 'وزيرة الاقتصاد والمالية المكلف بالميزانية رقم 1096.26', 0.931),
    (99, 169, 498, 195, 24.0, 'صادر في 18 من ذي الحجة 1447 (4 يونيو 2026)', 0.943),
    (97, 201, 499, 226, 24.0, 'بتحديد شروط شراء القمح اللين الموجه لصنع الدقيق', 0.904),
    (103, 233, 492, 258, 24.0, 'المدعوم وكذا شروط صنع الدقيق المذكور وتوضيبه', 0.919),
    (105, 265, 492, 290, 24.0, 'وعرضه للبيع برسم موسم التسويق 2026-2027[1]', 0.92),
    (418, 327, 489, 340, 16.0, 'وزير الداخلية', 0.832),
    (168, 354, 489, 369, 16.0, 'ووزير الفلاحة والصيد البحري والتنمية القروية والمياه والغابات»', 0.905),
    (169, 381, 489, 395, 16.0, 'والوزير المنتدب لدى وزيرة الاقتصاد والمالية المكلف بالميزانية:', 0.909),
    (71, 408, 496, 424, 16.0, 'بناء على القانون رقم 12.94 المتعلق بالمكتب الوطني المهني للحبوب والقطاني وبتنظيم', 0.924),
    (72, 429, 524, 445, 16.0, 'سوق الحبوب والقطاني» الصادر بتنفيذه الظهير الشريف رقم 1.95.8 بتاريخ', 0.855),
    (76, 450, 524, 466, 16.0, '22 من رمضان 1415 (22 فبراير 1995(« كما تم تتميمه ولا سيما المادتين 22 و23 منه؛', 0.917),
    (72, 478, 496, 493, 16.0, 'وعلى المرسوم رقم 2.96.305 الصادر في 13 من صفر 1417 (30 يونيو 1996)', 0.929),
    (72, 499, 524, 514, 16.0, 'لتطبيق القانون رقم 12.94 المتعلق بالمكتب الوطني المهني للحبوب والقطاني وبتنظيم سوق', 0.929),
    (319, 519, 524, 537, 16.0, 'الحبوب والقطاني ولا سيما المادة 12 «منه', 0.91),
    (408, 547, 475, 561, 16.0, 'قرروا ما يلي:', 0.734),
    (266, 573, 329, 589, 16.0, 'المادة الأولى', 0.929),
    (71, 600, 496, 617, 18.5, 'تحدد في المواد أدناه، شروط شراء القمح اللين الموجه لصنع الدقيق المدعوم وكذا شروط.', 0.866),
    (122, 623, 524, 638, 14.5, 'صنع الدقيق المذكور وتوضيبه وعرضه للبيع برسم موسم التسويق 2026-2027.', 0.917),
    (162, 758, 523, 771, 10.5, '1 - الجريدة الرسمية عدد 7521 بتاريخ 13 محرم 1448 (29 يونيو 2026(« ص 3770.', 0.904),
]
# joint order 1096.26 p. 3: a chapter's label and title on one full line over an article
ORDER_P3: list[Row] = [
    (78, 73, 518, 94, 16.0, "الباب الأول: شروط شراء القمح اللين الموجه لصناعة الدقيق المدعوم", 0.921),
    (266, 105, 329, 120, 16.0, "المادة الثانية", 0.92),
    (71, 134, 497, 150, 16.0, "يتم اقتناء القمح اللين الموجه لصنع الدقيق المدعوم عن طريق طلبات عروض ينظمها", 0.926),
    (71, 155, 524, 171, 16.0, "المكتب الوطني المهني للحبوب والقطاني؛ من لدن تجار الحبوب والتعاونيات الفلاحية المغربية", 0.888),
    (446, 219, 524, 232, 16.0, "القرار المشترك.", 0.925),
    (267, 244, 329, 256, 16.0, "المادة الثالثة", 0.92),
    (72, 271, 496, 289, 16.0, "يحدد ثمن بيع القمح اللين الموجه لصناعة الدقيق المدعوم لفائدة أرباب المطاحن", 0.921),
]


def _lines(rows: list[Row], page: int) -> list[TextLine]:
    return [TextLine(text=t, x0=x0, top=top, x1=x1, bottom=bottom, size=size, page=page, confidence=conf)
            for x0, top, x1, bottom, size, t, conf in rows]


def _read(*pages: list[Row]) -> list:
    n = len(pages)
    return group_lines([_lines(rows, k + 1) for k, rows in enumerate(pages)], [[] for _ in pages], [596.0] * n, [842.0] * n)


def _heads(groups: list) -> list[tuple[int, int, str]]:
    return [(g.lines[0].page, g.level, g.text) for g in groups if g.kind == "heading" and g.legal is None]


def test_a_title_page_holding_a_decree_title_alone() -> None:
    """The cover's title, read much larger than it is (its box is far narrower than its size allows), is the
    document's first heading, at level 1 like the text's own title on the next page."""
    heads = _heads(_read(DECREE_COVER, DECREE_P2))
    assert heads[0] == (1, 1, "مرسوم في شأن الساعة القانونية.")
    assert heads[1][:2] == (2, 1) and heads[1][2].startswith("مرسوم رقم 2.26.530")


def test_a_title_page_with_specks_and_its_season_under_the_title() -> None:
    """The season printed under the title (read at another size: digits) is the title's last line; the letterhead's
    garbled shadow does not make the cover a page of text: the title is level 1, as is the text's title after it."""
    groups = _read(ORDER_COVER, ORDER_P2)
    heads = _heads(groups)
    assert heads[0][:2] == (1, 1)
    assert heads[0][2].startswith("قرار مشترك") and heads[0][2].endswith("موسم التسويق 2027-2026")
    assert heads[1][:2] == (2, 1)
    assert not any(g.text.strip() == "2027-2026" for g in groups)
    # a third line of the letterhead's shadow: the specks now outweigh a fifth of the page, still no body text
    shadow = [(120, 48, 480, 54, 5.5, "مد يرية التشر يع و الد راسات ا لمم لكة", 0.41)]
    heads = _heads(_read(ORDER_COVER[:2] + shadow + ORDER_COVER[2:], ORDER_P2))
    assert heads[0][:2] == (1, 1) and heads[1][:2] == (2, 1)


def test_a_part_title_on_a_full_line_over_an_article() -> None:
    """``الباب الأول: ...`` filling its line, over ``المادة الثانية``: the chapter's heading, one level over the article."""
    groups = _read(ORDER_COVER, ORDER_P2, ORDER_P3)
    part = next(g for g in groups if g.text.startswith("الباب الأول"))
    article = next(g for g in groups if g.text.strip() == "المادة الثانية")
    assert part.kind == "heading" and part.legal is not None
    assert article.kind == "heading" and part.level == article.level - 1


def test_what_stays_a_paragraph() -> None:
    """A page whose one block does not open with a text's kind, or ends with a colon, is no title page; a part's label
    with a sentence over plain text is no heading; a line of digits under a paragraph stays apart."""
    plain = [(151, 373, 444, 403, 16.0, "الساعة القانونية في المملكة", 0.9)]
    colon = [(151, 373, 444, 403, 16.0, "قرار مشترك لوزير الداخلية ووزير الفلاحة:", 0.9)]
    for page in (plain, colon):
        groups = _read(page, DECREE_P2)
        assert next(g for g in groups if g.lines[0].page == 1).kind == "paragraph"
    run_in = [(78, 73, 518, 94, 16.0, "الباب الأول: شروط شراء القمح اللين الموجه لصناعة الدقيق المدعوم", 0.921),
              (71, 134, 497, 150, 16.0, "يتم اقتناء القمح اللين الموجه لصنع الدقيق المدعوم عن طريق طلبات عروض ينظمها", 0.926)]
    groups = _read(DECREE_P2, run_in)
    assert next(g for g in groups if g.text.startswith("الباب الأول")).kind != "heading"


def _ocr_line(row: tuple[float, float, float, float, float, str], page: int = 13) -> TextLine:
    x0, top, x1, bottom, size, text = row
    return TextLine(text=text, x0=x0, top=top, x1=x1, bottom=bottom, size=size, page=page, confidence=0.9)


def _para(rows: list[tuple[float, float, float, float, float, str]], kind: str = "paragraph", page: int = 13, level: int = 0):
    from transform.ingest.pdf_block_group import _Group

    return _Group(kind=kind, lines=[_ocr_line(r, page) for r in rows], size=14.5, rtl=False, level=level, body=13.0, bold_level=2)


def test_a_check_mark_inside_a_block_opens_an_item() -> None:
    """Putanges p. 13: the decision under its formula, read at a "heading" size (the page's body size came from its
    tables), ran on into the formula's paragraph; the check mark opens an item, its next line goes on with it. A line
    opening with a dash stays in its paragraph."""
    from transform.ingest.pdf_scan_heads import scan_heads

    g = _para([(65, 134, 457, 147, 14.5, "Après en avoir délibéré, le Conseil Municipal, à l'unanimité des Membres présents et"),
               (66, 149, 126, 161, 14.5, "représentés :"),
               (119, 160, 481, 174, 14.5, "✓ Vote le budget 2024 assainissement de PUTANGES/PUTANGES-LE-LAC, ainsi"),
               (137, 178, 176, 190, 14.5, "présenté.")])
    out = scan_heads([g])
    assert [(o.kind, o.text) for o in out] == [
        ("paragraph", "Après en avoir délibéré, le Conseil Municipal, à l'unanimité des Membres présents et représentés :"),
        ("item", "Vote le budget 2024 assainissement de PUTANGES/PUTANGES-LE-LAC, ainsi présenté.")]
    dash = _para([(65, 134, 457, 147, 14.5, "Le budget se présente en recettes et en dépenses,"),
                  (66, 149, 300, 161, 14.5, "- 200 000 € en dépenses, hors taxes.")])
    assert [o.kind for o in scan_heads([dash])] == ["paragraph"]


def test_dashed_lines_under_a_colon_are_items() -> None:
    """Decree 2.17.355 p. 4 (a model contract): ``يستفيد السيد (ة) من:`` over two dashed lines, read at one size with
    it: a paragraph and two items; a dash line under a line ending no colon stays in its paragraph."""
    from transform.ingest.pdf_scan_heads import scan_heads

    g = _para([(314, 521, 490, 539, 17.0, "يستفيد السيد (ة) من:"),
               (118, 540, 475, 562, 17.0, "- راحة أسبوعية كل يوم من الأسبوع لا تقل مدتها عن 24 ساعة"),
               (118, 588, 475, 605, 17.0, "- عطلة سنوية مدفوعة الأجر على ألا تقل مدتها عن يوم ونصف يوم عمل")], page=4)
    g.rtl = True
    assert [(o.kind, o.text) for o in scan_heads([g])] == [
        ("paragraph", "يستفيد السيد (ة) من:"),
        ("item", "راحة أسبوعية كل يوم من الأسبوع لا تقل مدتها عن 24 ساعة"),
        ("item", "عطلة سنوية مدفوعة الأجر على ألا تقل مدتها عن يوم ونصف يوم عمل")]
    # BO 5952 bis p. 2: the question's opening « read as a bullet, on a line set smaller than the article over it
    quote = _para([(80, 580, 478, 593, 12.0, "• Approuvez-vous le projet de la Constitution soumis à référendum ? »")], page=2)
    assert [o.kind for o in scan_heads([quote])] == ["paragraph"]


def test_a_series_title_read_at_body_size() -> None:
    """Putanges p. 15: ``20240325 20 Acquisition ...`` read at body size, where the minutes' other deliberations'
    titles (``20240325 3 ...``, ``20240325 4 ...``) are headings: a heading at their level, with its last word read on
    the next line (the title ended on ``de``). A paragraph opening with another code stays one."""
    from transform.ingest.pdf_scan_heads import scan_heads

    heads = [_para([(65, 100, 400, 113, 14.5, f"20240325 {n} Approbation du compte de gestion 2023 - commune,")],
                   kind="heading", page=n, level=2) for n in (3, 4)]
    title = _para([(67, 200, 519, 226, 13.0, "20240325 20 Acquisition de deux parcelles de terrain, sises sur Ja commune déléguée de de"),
                   (67, 222, 500, 239, 13.0, "Rabodanges, - .")], page=15)
    rest = _para([(67, 222, 500, 239, 13.0, "Rabodanges, - .")], page=15)
    title.lines = title.lines[:1]
    other = _para([(67, 300, 519, 313, 13.0, "20230101 2 Une autre délibération citée en exemple")], page=15)
    out = scan_heads([*heads, title, rest, other])
    made = next(o for o in out if o.text.startswith("20240325 20"))
    assert (made.kind, made.level) == ("heading", 2) and made.text.endswith("Rabodanges, - .")
    assert not any(o.text == "Rabodanges, - ." for o in out)
    assert next(o for o in out if o.text.startswith("20230101")).kind == "paragraph"
