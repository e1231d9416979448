"""A short last line of an OCR'd paragraph keeps its paragraph's size (twenty-first session; the short lines of
transform/ingest/pdf_block_sizes._snap_ocr_sizes).

Frozen OCR'd lines of Haute-Saône's order p. 2 and MTEDD's decision p. 2 (box in points, estimated size, text). The
tests of the paragraphs fail on main at 01d2ab8 (checked against that commit's reader)."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_block_sizes import _snap_ocr_sizes
from transform.ingest.pdf_blocks import group_lines

PAGE2 = [
    (48, 67, 545, 79, 10.5, 'CONSIDÉRANT la situation hydrologique actuelle du département de la Haute-Saône et notamment la'),
    (49, 79, 546, 91, 10.5, "faiblesse de l'étiage des rivières tel qu'il peut être apprécié au moyen du réseau des mesures des débits"),
    (49, 93, 302, 103, 10.5, "des cours d'eau et la faiblesse du niveau des nappes ;"),
    (49, 111, 546, 124, 10.5, 'CONSIDÉRANT les niveaux bas à très bas des ressources déclarées par près de la moitié des'),
    (49, 126, 138, 136, 10.5, 'gestionnaires AEP ;'),
    (50, 148, 546, 160, 10.5, "CONSIDÉRANT que dans ce cadre, pour sécuriser les usages prioritaires de l'eau, il convient d'instaurer"),
    (49, 160, 546, 171, 10.5, "sans délai des économies de la ressource pour réduire le risque de rupture d'approvisionnement,"),
    (50, 173, 454, 184, 10.5, 'préserver la vie aquatique et de réduire la vulnérabilité du territoire aux sécheresses ;'),
    (50, 196, 504, 208, 10.5, "CONSIDÉRANT que l'alimentation en eau destinée à la consommation humaine est prioritaire ;"),
    (50, 219, 546, 232, 10.5, "CONSIDÉRANT la nécessité de concilier au mieux les usages économiques de l'eau et la préservation de"),
    (50, 234, 203, 244, 10.5, 'la vie et des milieux aquatiques ;'),
    (50, 257, 546, 268, 10.5, "CONSIDÉRANT la précocité et la sévérité de l'étiage actuel et les tendances météorologiques, certaines"),
    (50, 269, 546, 281, 10.5, "mesures de l'arrêté cadre départemental nécessitent d'être ajustées voire renforcées, notamment en"),
    (49, 281, 522, 293, 10.5, 'vue de limiter la dépendance à la ressource en eau, une aggravation de la situation étant probable ;'),
    (50, 306, 415, 317, 10.5, 'SUR la proposition du secrétaire général de la préfecture de la Haute-Saône ;'),
    (262, 367, 308, 379, 12.5, 'ARRÊTE'),
    (50, 422, 124, 433, 12.5, 'Article 1 : Objet'),
    (50, 445, 547, 457, 12.5, "Les usages de l'eau sont limités, à titre provisoire, par restrictions d'usage de l'eau pour les zones"),
    (50, 459, 91, 467, 12.5, "d'alerte :"),
    (120, 482, 305, 494, 10.5, ': Vallée Doubs - Ognon - Loue (RM 19).'),
    (120, 494, 297, 505, 10.5, '- Vosges Hautes - Saônoises (RM 21) ;'),
    (120, 506, 335, 516, 10.5, '- Plateau calcaire de la Haute-Saône (RM 22).'),
    (50, 543, 209, 551, 10.5, 'Article 2 : Mesures de restrictions'),
    (50, 566, 378, 577, 10.5, "Les restrictions d'usage de l'eau applicables sont de niveau : ALERTE."),
    (50, 590, 547, 601, 10.5, "Le détail des communes par zones d'alertes figure en annexes 1 et 2, et les mesures applicables sont"),
    (50, 603, 234, 612, 10.5, 'détaillées dans le tableau en annexe 3.'),
    (50, 638, 397, 650, 10.5, "Article 3 : particularité concernant l'abreuvement des animaux d'élevage"),
    (50, 662, 546, 674, 10.5, "Afin de respecter les bonnes conditions d'élevage, les besoins relatifs à l’abreuvement des animaux"),
    (50, 675, 546, 686, 10.5, 'constituent un usage prioritaire et ne sont pas concernés par les mesures de restrictions prévues à'),
    (50, 687, 547, 698, 10.5, "l'article 2. Les prélèvements dans les cours d'eau, réalisés aux fins d'abreuvement des animaux"),
    (50, 699, 547, 711, 10.5, "d'élevage, doivent veiller à maintenir dans le cours d’eau le débit minimum biologique (obligation de"),
    (50, 711, 547, 722, 10.5, 'maintenir 20 % du débit moyen interannuel - module). Ils ne doivent en aucun cas conduire à des'),
    (50, 727, 82, 733, 10.5, 'assecs.'),
]

MTEDD2 = [
    (173.09, 47.52, 538.56, 59.04, 11.0, 'المادة الثالثة: تحدد المهام المطلوب القيام بها والكفاءات المطلوبة في بطاقة '
     'المنصب المرفق بهذا القرار.'),
    (64.8, 79.49, 538.56, 92.16, 11.0, 'المادة الرابعة: تحدد مدة العقد الذي يتم بموجبه تشغيل الخبير في سنتين ويمكن '
     'تجديده لمدة محددة دون أن تتجاوز المدة الإجمالية'),
    (451.58, 96.77, 539.14, 112.03, 17.0, 'للعقد أربع (04) سنوات.'),
    (335.52, 127.58, 538.27, 138.53, 11.0, 'المادة الخامسة: يتكون ملف الترشيح من الوثائق التالية:'),
    (256.03, 147.17, 538.85, 158.4, 11.0, '- طلب الترشيح موجه إلى السيدة وزيرة الانتقال الطاقي والتنمية المستدامة؛'),
    (249.98, 166.75, 538.56, 178.27, 10.0, '- سيرة ذاتية (CV) تحمل صورة حديثة للمترشح وعنوانه الإليكتروني وهاتفه؛'),
    (64.22, 185.47, 538.56, 197.57, 11.0, '- نسخة مشهود بمطابقتها لأصل الشهادة المطلوبة أو إحدى الشهادات المعادلة المحددة '
     'طبقا للمقتضيات النظامية الجاري بها'),
    (64.22, 205.06, 520.13, 216.29, 11.0, 'العمل مصحوبة بنسخة من قرار المعادلة الجامعية صادرة عن الجهات المختصة بالنسبة '
     'للمترشحين الحاصلين على شهادات'),
    (281.95, 222.05, 520.13, 233.28, 11.0, 'مسلمة من طرف المعاهد والجامعات الخاصة والجامعات الأجنبية؛'),
    (312.77, 241.92, 538.56, 253.73, 11.0, '- نسخة مشهود بمطابقتها لأصل البطاقة الوطنية للتعريف؛'),
    (399.74, 261.5, 538.56, 274.18, 11.0, '- السجل العدلي أو بطاقة السوابق.'),
    (65.09, 282.53, 538.56, 294.05, 11.0, '- الشهادات والوثائق التي تثبت التوفر على التجربة المهنية المطلوبة والخبرة '
     'والكفاءات المطلوبة ذات الصلة بالمنصب المراد شغله.'),
    (63.94, 312.77, 537.7, 324.29, 11.0, 'المادة السادسة: يودع ملف الترشيح في ظرف مغلق يحمل اسم المنصب المراد الترشح له. '
     'في خمسة نظائر. مقابل وصل إيداع لدى'),
    (63.94, 329.18, 537.7, 342.72, 11.0, 'الكتابة العامة بقطاع الانتقال الطاقي. الكائن مقره بشارع ابو مروان السعدي ص.ب. '
     'مجمع الرباط 6208-أكدال. الرباط. وذلك'),
    (120.38, 348.19, 537.7, 360.58, 13.0, 'ابتداء من تاريخ نشر هذا القرار وإلى غاية يوم : 03 2023 في الساعة الثالثة بعد '
     'الزوال.'),
    (74.59, 376.99, 537.7, 388.22, 10.0, 'المادة السابعة: تتولى لجنة معينة بمقرر لوزيرة الانتقال الطاقي والتنمية المستدامة '
     'دراسة الترشيحات وإجراء المقابلات الانتقائية.'),
    (63.65, 403.49, 537.41, 416.45, 11.0, 'المادة الثامنة: بعد دراسة ملفات الترشيح. سيتم الإعلان عن لائحة المترشحات '
     'والمترشحين المقبولين لإجراء المقابلة الانتقائية أمام'),
    (63.65, 422.21, 537.41, 434.88, 11.0, 'اللجنة المذكورة في المادة السابعة أعلاه. وكذا تاريخ ومكان وكيفية إجرائها. عبر '
     'نشرها على بوابة التشغيل العمومي وعلى الموقع'),
    (63.65, 439.78, 537.41, 453.02, 11.0, 'الإلكتروني لقطاع الانتقال الطاقي والموقع الإليكتروني لقطاع التنمية المستدامة. '
     'المذكورين بالمادة التاسعة أسفله. وعبر تعليقها'),
    (177.12, 458.78, 537.7, 471.17, 11.0, 'بمدخل المقرين المركزين لقطاعي هذه الوزارة. كما يُعلن عن نتائج المقابلات '
     'الانتقائية بنفس الكيفية.'),
    (63.65, 477.79, 537.98, 489.31, 11.0, 'ويعتبر نشر لائحة المترشحات والمترشحين المقبولين لإجراء المقابلة الانتقائية وكذا '
     'زمان ومكان إجراء المقابلات الانتقائية بالبوابة'),
    (264.38, 495.07, 537.98, 506.88, 11.0, 'والموقعين المذكورين أعلاه. بمثابة استدعاء للمترشحات والمترشحين المعنيين.'),
    (63.36, 523.3, 537.41, 534.82, 11.0, 'المادة التاسعة: ينشر هذا القرار ومرفقاته على بوابة التشغيل العمومي '
     'www.emploi-public.ma وعلى الموقع الإلكتروني لقطاع'),
    (90.43, 544.61, 537.12, 556.13, 11.0, 'الانتقال وعلى . www.mem.gov.ma الموقع الإلكتروني لقطاع التنمية المستدامة: '
     '-www.environnement.gov.ma'),
    (231.55, 588.96, 295.49, 600.48, 11.0, 'وحرر بالرباط. في 10 2023'),
    (132.48, 635.33, 298.66, 655.49, 21.5, 'وزيرة الانتقال الطاقي والتنمية المسند امةرر'),
    (159.26, 710.5, 321.98, 732.67, 21.5, 'وزيرة الإند ل الطاقي والتنمية'),
    (171.07, 742.75, 268.42, 760.61, 21.5, 'ee سي'),
    (213.98, 727.78, 266.11, 744.77, 21.5, '١ مِة'),
    (224.93, 752.54, 300.67, 775.01, 29.5, 'إمضاد : ليلى'),
]


def _lines(rows: list[tuple[float, float, float, float, float, str]]) -> list[TextLine]:
    return [TextLine(text=t, x0=x0, top=top, x1=x1, bottom=bottom, size=size, page=2, confidence=0.9)
            for x0, top, x1, bottom, size, t in rows]


def test_a_short_last_line_stays_in_its_paragraph() -> None:
    """``d'alerte :`` (a low box: no ascender, no descender) left at its paragraph's estimated size while the line above
    it took the page's usual size was read as a heading's line and cut off; it ends the paragraph."""
    groups = group_lines([_lines(PAGE2)], [[]], [595.2], [841.7])
    texts = [g.text for g in groups]
    assert ("Les usages de l'eau sont limités, à titre provisoire, par restrictions d'usage de l'eau pour les zones"
            " d'alerte :") in texts
    assert "d'alerte :" not in texts


def test_a_short_line_under_a_heading_size_keeps_its_size() -> None:
    """A low line under a line that kept its own (larger) size, or of another estimated size than the line above it,
    keeps its own size: only a line of the same tesseract paragraph as a line that took the usual size follows it."""
    rows = PAGE2[:15] + [(262, 367, 308, 385, 16.0, "ARRÊTE"), (262, 390, 300, 397, 16.0, "ainsi"),
                         (50, 422, 124, 433, 12.5, "Article 1 : Objet"), (50, 435, 90, 442, 14.0, "d'alerte")]
    out = _snap_ocr_sizes(_lines(rows))
    assert [ln.size for ln in out[15:]] == [16.0, 16.0, 10.5, 14.0]


def test_a_last_line_read_at_a_size_of_its_own_ends_its_paragraph() -> None:
    """``للعقد أربع (04) سنوات.`` (its digits and brackets stand taller: a tesseract paragraph of its own, read at 17 pt
    under a body at 11) under the full line of its article that ends no sentence, at that line's start edge: the end
    of the article's paragraph."""
    groups = group_lines([_lines(MTEDD2)], [[]], [594.0], [840.0])
    article = next(g for g in groups if g.text.startswith("المادة الرابعة"))
    assert article.text.endswith("دون أن تتجاوز المدة الإجمالية للعقد أربع (04) سنوات.")
    assert not any(g.text == "للعقد أربع (04) سنوات." for g in groups)
