"""A scanned decision's title block and a garbled article label (transform/ingest/pdf_title_runs.py, issue 17).

The lines are the corpus pages' OCR'd lines as read (boxes in points, sizes as estimated), frozen here:

* the MTEDD decision p. 1 (a 200 ppi flatbed scan): the title ``قرارلوزيرة ...`` (its kind glued to the next word),
  its number line read from the blue stamp and its subject line, over the preamble ``إن وزيرة ...``: one heading;
* the Santé decision p. 1: the article label ``المادة الأولى:`` in its shaded bar, read ``المادة nl لى:``, centred over
  the article's body: the article's heading, its words kept as read;
* a body paragraph that opens with ``قرار`` (a visa, a sentence) is never taken for a title.
"""

from __future__ import annotations

from tests.ingest._ocrlines import Row, groups

MTEDD_P1 = [  # (x0, top, x1, bottom, size, text)
    (203.0, 122.7, 406.4, 136.2, 17.0, 'قرارلوزيرة الانتقال الطاق والتنمية المستدامة'),
    (302.7, 143.1, 438.9, 162.1, 17.0, 'رقم : 10-3-23 بتاريخ 10'),
    (68.0, 165.0, 542.9, 179.4, 13.0, 'بفتح باب الترشيح لتشغيل خبير في الشؤون القانونية بموجب عقد بوزارة الانتقال الطاقي والتنمية المستدامة'),
    (360.0, 218.3, 530.8, 229.5, 11.0, 'إن وزيرة الانتقال الطاقي والتنمية المستدامة.'),
    (64.2, 237.6, 510.0, 250.3, 11.0, 'بناء على الظهير الشريف رقم 1.58.008 الصادر في 4 شعبان 1377 (24 فبراير 1958) بمثابة النظام الأسامي العام للوظيفة'),
    (265.2, 256.0, 509.8, 267.6, 11.0, 'العمومية حسبما وقع تغييره وتتميمه ولا سيما الفصل 6 المكرر منه؛'),
    (64.2, 275.0, 510.3, 287.4, 11.0, 'وعلى المرسوم رقم 2.15.770 الصادر في 5 من ذي القعدة 1437 (09 أغسطس 2016) بتحديد شروط وكيفيات التشغيل'),
    (387.4, 294.6, 510.3, 304.1, 11.0, 'بموجب عقود بالإدارات العمومية؛'),
    (64.2, 313.3, 510.3, 325.7, 11.0, 'وعلى قرار رئيس الحكومة رقم 3.95.17 الصادر في 11 من ذي القعدة 1438 (04 أغسطس 2017) بتحديد مقادير الأجور'),
]

SANTE_P1 = [
    (55.0, 536.8, 536.3, 553.0, 15.0, '_وعلى قرار وزير الصحة وامانة الاجتماعية رقم 244.23 الصادر في 03 رجب 1344 (25 يناير 2023) بتحديد اختصاصات'),
    (210.8, 556.1, 536.5, 574.3, 15.0, 'وتنظيم بعض الأقسام والمصاط التابعة للإدارة المركزية لوزارة الصحة والحماية، الاجةاعية.'),
    (55.3, 580.6, 536.5, 599.6, 15.0, 'وعلى ll النهائية للمقابلات الانتقائية لشغل مناصب رؤساء الأقسام ورؤساء المصاط بالإدارة المركزية لوزارة الصحة AU،'),
    (55.3, 601.1, 536.5, 620.6, 15.0, 'الاجتاعية gl التباري بشأنها بقرار السيد وزير الصحة Al الاجتماعية À، 22/2642 بنارية 01 مارس 2022 المعلن'),
    (429.7, 621.8, 536.8, 640.2, 15.0, 'عنه بنارية 19 أبريل 2022؛'),
    (496.8, 648.0, 552.4, 668.2, 27.0, 'قرر ما يلي:'),
    (278.5, 683.7, 330.0, 701.6, 18.5, 'المادة nl لى:'),
    (53.9, 704.7, 553.0, 707.3, 5.0, '(”غات -” / ار | ل|ا1ً_ر_- ااا<|إاّا [| |]_|-راا|ا |ا|ا|ا؟”"ا")©!0>0د- ااا 000 00 ااا ااا "“““——————'),
    (56.2, 719.7, 552.1, 737.9, 15.0, 'تعلن وزارة الصحة واخماية الاجتماعية عن فتح باب الزثح لشغل مناصب رؤساء الأقسام ورؤساء اللصاخ الشاغرة بالإدارة المركزية حسب Ù'),
    (478.7, 738.7, 551.8, 787.4, 49.5, 'الجدول 2'),
]

def _groups(rows: list[Row], width: float = 595.0) -> list[tuple[str, str]]:
    return [(g.kind, " ".join(" ".join(ln.text for ln in g.lines).split()))
            for g in groups(rows, width, rejoin=False) if g.lines]


def test_decision_title_with_its_number_line_is_one_heading() -> None:
    groups = _groups(MTEDD_P1, 588.0)
    heads = [t for k, t in groups if k == "heading"]
    assert heads[0].startswith("قرارلوزيرة الانتقال")
    assert "رقم : 10-3-23 بتاريخ 10" in heads[0] and heads[0].endswith("بموجب عقد بوزارة الانتقال الطاقي والتنمية المستدامة")
    assert not any(t.startswith(("رقم", "بفتح")) for _, t in groups)
    assert ("paragraph", "إن وزيرة الانتقال الطاقي والتنمية المستدامة.") in groups
    # without the preamble under it, a paragraph opening with a decision is a sentence about it: no title
    rows = [r for r in MTEDD_P1 if not r[5].startswith("إن ")]  # no preamble under it: a sentence about a decision
    rows = [r if not r[5].startswith("بناء") else (*r[:5], "وبعد الاطلاع على " + r[5]) for r in rows]
    assert not any(k == "heading" and t.startswith("قرار") for k, t in _groups(rows, 588.0))


def test_garbled_article_label_is_a_heading() -> None:
    groups = _groups(SANTE_P1)
    assert ("heading", "المادة nl لى:") in groups
    body = next(t for k, t in groups if t.startswith("تعلن وزارة الصحة"))
    assert ("paragraph", body) in groups
    # the label run into its article's first line stays text
    rows = [r if not r[5].startswith("المادة") else (56.0, r[1], 552.0, r[3], 15.0, "المادة nl لى: تعلن الوزارة عن فتح باب الترشح")
            for r in SANTE_P1]
    assert not any(k == "heading" and t.startswith("المادة") for k, t in _groups(rows))
