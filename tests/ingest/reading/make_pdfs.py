"""Regenerate the PDFs of ``tests/ingest/reading/`` (committed, a few KB each).

Run from the repository root: ``.venv/bin/python tests/ingest/reading/make_pdfs.py``.
Needs LibreOffice (``soffice``) and the Debian fonts of scripts/apt-packages*.txt (DejaVu,
Noto). Every file is what a real producer writes (LibreOffice Writer's PDF export) from
text written here; nothing is edited after export, so what pdfium reads from them is what
it reads from council documents made the same way:

* ``ligatures-ar.pdf``: Arabic set in DejaVu Sans (page 1) and Noto Kufi Arabic (page 2),
  fonts whose lam-alef, lam-alef-maksura and ``الله`` ligatures are single glyphs mapped to
  several letters: pdfium emits those letters back to front (``االقتصادي``), the defect of
  the Bulletin officiel decrees made with Word; plus a paragraph stretched with kashida.
* ``numbers-ar.pdf``: Arabic lines mixing Hijri and Gregorian dates in brackets, decree and
  law numbers, percentages, amounts and dates with and without spaces (Noto Naskh Arabic).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

LIGATURE_TEXT = (
    "يهدف البرنامج إلى دعم النمو الاقتصادي والإيكولوجية المحلية، ولا يمكن تنفيذه إلا بتنسيق مع الإدارة.",
    "تعرض العلاقات مع الجماعات خلال الدورة الأولى، وتحدد الآلات والأجهزة المستعملة في الأشغال.",
    "والحمد لله وحده، وقد صادقت العمالة على لائحة الأعمال بالإجماع.",
)
KASHIDA_TEXT = "مـا تكـون الجهـة مسؤولـة عن تنفيذ البرنامـج في آجالـه، وصدر في 9 محرم 1448 هـ."

NUMBER_LINES = (
    "صدر بالرباط في 9 محرم 1448 (25 يونيو 2026) المرسوم رقم 2.26.530 بتطبيق القانون التنظيمي رقم 111.14 المتعلق بالجهات.",
    "طبقا للمادتين 12 و15 من القانون، بنسبة 12,5 % أو %12 من مبلغ 1 250 000 درهم.",
    "نشر بتاريخ 15 / 03 / 2026 وفي 2026/03/15 الظهير الشريف رقم 1.15.83 الصادر في 20 من رمضان 1436 (7 يوليو 2015).",
    "يغطي البرنامج الفترة (2022-2027) ويشمل مكتب INDH 2026 في الجهة.",
)


def _plain_ar(font: str, paras: list[str], style: str = "Left") -> str:
    """Paragraphs set flush right (LibreOffice's justified Kufi writes its kashida glyphs as spaces)."""
    from fodt import Doc

    d = Doc(font=font, size=12, rtl=True, lang="ar")
    for para in paras:
        d.p(para, style)
    return d.xml()


def main() -> None:
    sys.path.insert(0, str(HERE))
    import pikepdf

    with tempfile.TemporaryDirectory() as tmp:
        parts = [export_fodt(_plain_ar(font, paras), Path(tmp) / f"part{k}.pdf")
                 for k, (font, paras) in enumerate([("DejaVu Sans", [*LIGATURE_TEXT, KASHIDA_TEXT]),
                                                   ("Noto Kufi Arabic", list(reversed(LIGATURE_TEXT)))])]
        with pikepdf.new() as pdf:
            for part in parts:
                with pikepdf.open(part) as src:
                    pdf.pages.extend(src.pages)
            pdf.save(HERE / "ligatures-ar.pdf")
    export_fodt(_plain_ar("Noto Naskh Arabic", list(NUMBER_LINES), "Plain"), HERE / "numbers-ar.pdf")


# --------------------------------------------------------------------------- structured documents
# Written for these tests (a fictional regional decree and a fictional communal plan).

DECREE_AR = {
    "title": "قرار لرئيس مجلس الجهة رقم 12.26 صادر في 9 محرم 1448 (25 يونيو 2026) بتحديد كيفيات دعم المشاريع المحلية",
    "visas": [
        "إن رئيس مجلس الجهة،",
        "بناء على القانون التنظيمي رقم 111.14 المتعلق بالجهات، الصادر بتنفيذه الظهير الشريف رقم 1.15.83 بتاريخ 20 من رمضان 1436 (7 يوليو 2015)، ولا سيما المادتين 12 و15 منه؛",
        "وبناء على المرسوم رقم 2.26.530 الصادر في 3 ذي الحجة 1447 (20 مايو 2026) بتحديد مسطرة إعداد برنامج التنمية الجهوية وتتبعه وتحيينه وتقييمه وآليات الحوار والتشاور لإعداده؛",
        "وبعد مداولات المجلس في دورته العادية المنعقدة بتاريخ 15 / 03 / 2026،",
        "قرر ما يلي:",
    ],
    "units": [
        ("الباب الأول: أحكام عامة", []),
        ("المادة الأولى", [
            "يحدد هذا القرار كيفيات دعم المشاريع المحلية التي تقدمها الجماعات الترابية والجمعيات المعترف لها بصفة المنفعة العامة، "
            "وذلك في إطار تنفيذ برنامج التنمية الجهوية للفترة الممتدة من 2022 إلى 2027، مع مراعاة مبادئ الشفافية والمساواة وتكافؤ الفرص بين "
            "مختلف المجالات الترابية للجهة.",
        ]),
        ("المادة 2", [
            "يقصد بالمشروع المحلي في مدلول هذا القرار كل عملية محددة في الزمان والمكان تهدف إلى تحسين ظروف عيش الساكنة أو إلى تقوية "
            "البنيات التحتية الأساسية أو إلى دعم الأنشطة المدرة للدخل، ويتم إنجازها داخل النفوذ الترابي للجهة.",
            "ولا يمكن أن يستفيد من الدعم إلا المشروع الذي تتوفر فيه الشروط المنصوص عليها في المادة 3 بعده، والذي يتضمن دراسة تقنية "
            "ومالية مصادقا عليها من طرف المصالح المختصة.",
        ]),
        ("الباب الثاني: مبالغ الدعم وشروطه", []),
        ("المادة 3", [
            "لا يجوز أن يتجاوز مبلغ الدعم الممنوح لكل مشروع 1 250 000 درهم، ولا أن تفوق مساهمة الجهة نسبة 12,5 % من الكلفة الإجمالية "
            "للمشروع بالنسبة للجماعات التي يفوق عدد سكانها خمسين ألف نسمة، ونسبة %60 بالنسبة للجماعات القروية.",
        ]),
        ("المادة 4", [
            "تودع طلبات الدعم لدى مصالح الجهة داخل أجل لا يتعدى ثلاثين يوما من تاريخ نشر الإعلان عن طلب المشاريع، وتدرسها لجنة تقنية "
            "يرأسها المدير العام للمصالح أو من ينوب عنه، وتضم ممثلين عن المصالح الخارجية المعنية وعن الوكالة الجهوية لتنفيذ المشاريع. "
            "وتعد اللجنة تقريرا مفصلا عن كل طلب، يتضمن رأيها المعلل في قابلية المشروع للتنفيذ وفي ملاءمته لأولويات برنامج التنمية "
            "الجهوية، ويرفع هذا التقرير إلى رئيس المجلس قبل انعقاد الدورة الموالية للمجلس بخمسة عشر يوما على الأقل، قصد عرضه على "
            "المجلس للمصادقة عليه وفق الكيفيات المنصوص عليها في النظام الداخلي للمجلس.",
        ]),
        ("المادة 5", [
            "يسند تنفيذ هذا القرار إلى المدير العام للمصالح، وينشر بالنشرة الرسمية للجهة.",
        ]),
    ],
    "sign": ["وحرر ببني ملال في 9 محرم 1448 (25 يونيو 2026).", "رئيس مجلس الجهة،", "الإمضاء: أحمد بن علي."],
    "annex_title": "الملحق: المشاريع ذات الأولوية",
    "annex": [
        "المشروع الأول: تأهيل المسالك القروية بإقليم أزيلال، على طول ستين كيلومترا، لفك العزلة عن الدواوير الجبلية وتسهيل ولوج الساكنة إلى الخدمات الصحية والتعليمية.",
        "المشروع الثاني: تزويد الدواوير بالماء الصالح للشرب بإقليم خنيفرة، عبر إنجاز أثقاب مائية وخزانات وشبكات للتوزيع، بشراكة مع المكتب الوطني للكهرباء والماء الصالح للشرب.",
        "المشروع الثالث: إحداث مراكز للقرب لفائدة الشباب بإقليم الفقيه بن صالح، تضم فضاءات للتكوين والرياضة والأنشطة الثقافية، وتسيرها جمعيات محلية وفق دفتر تحملات.",
        "المشروع الرابع: دعم التعاونيات النسائية بإقليم بني ملال في مجال تثمين المنتجات المحلية، من خلال التكوين والتجهيز والمساعدة على التسويق والمشاركة في المعارض.",
    ],
}


def decree_ar() -> str:
    from fodt import Doc

    d = Doc(font="Noto Naskh Arabic", size=12, rtl=True, lang="ar",
            header="المملكة المغربية – جهة بني ملال خنيفرة – النشرة الرسمية للجهة", footer="- {n} -")
    d.p(DECREE_AR["title"], "Title")
    for v in DECREE_AR["visas"]:
        d.p(v, "Plain")
    for unit, paras in DECREE_AR["units"]:
        d.p(unit, "Unit")
        for para in paras:
            d.p(para, "Body")
    for k, line in enumerate(DECREE_AR["sign"]):
        d.p(line, "Sign" if k else "Plain")
    d.page_break()
    d.p(DECREE_AR["annex_title"], "Unit")
    d.columns(2, [(t, "Body") for t in DECREE_AR["annex"]])
    return d.xml()


PLAN_FR = [
    ("Plan d'action communal 2026-2031 de la commune de Béni Mellal", "Title"),
    ("Le présent document fixe les orientations du plan d'action communal adopté par le conseil lors de sa session ordinaire de juin "
     "2026. Il précise les priorités, les moyens et le calendrier des projets, ainsi que les modalités de suivi et d'évaluation.", "Body"),
]
PLAN_FR_COLUMNS = [
    ("Chapitre premier", "Unit"),
    ("Orientations générales", "Unit"),
    ("Article premier", "Unit"),
    ("La commune s'engage à amélio|rer la qualité des services publics de proximité et à ren|forcer l'attracti|vité "
     "économi|que du territoire, dans le respect des engagements environne|mentaux et des principes de bonne gouvernance.", "Body"),
    ("**Objectif principal.** Le plan vise une croissance durable et partagée, qui profite à l'ensemble des quartiers "
     "et des douars rattachés à la commune, en associant les habitants à chaque étape de la décision.", "Body"),
    ("Article 2. – Les crédits nécessaires à la réalisation du plan sont inscrits chaque année au budget communal, dans la "
     "limite des ressources disponibles et des financements obtenus auprès des partenaires institutionnels, notamment la "
     "région, l'Etat et les établissements publics concernés par les projets de développe|ment.", "Plain"),
    ("Article 3", "Unit"),
    ("Un comité de suivi, présidé par le président du conseil communal, se réunit au moins deux fois par an pour "
     "examiner l'état d'avancement des projets, proposer les ajustements nécessaires et préparer le rapport annuel "
     "d'exécution soumis au conseil lors de sa session d'octobre, avant l'Adop|tion du budget de l'exercice suivant "
     "et l'Ouver|ture des crédits correspondants.", "Body"),
    ("Article 4", "Unit"),
    ("Le rapport annuel d'exécution est publié sur le site de la commune et affiché au siège de la mairie, afin que "
     "chaque citoyen puisse prendre connaissance des résultats obtenus et des difficultés rencontrées.", "Body"),
]
PLAN_FR_SIGN = [("Fait à Béni Mellal, le 25 juin 2026.", "Sign"), ("Le Président du Conseil communal,", "Sign"),
                ("Signé : Ahmed Benali", "Sign")]


def plan_fr() -> str:
    from fodt import Doc

    d = Doc(font="Noto Serif", size=11, lang="fr", header="Commune de Béni Mellal – Plan d'action communal",
            footer="Page {n} sur {N}")
    for text, style in PLAN_FR:
        d.p(text, style)
    d.columns(2, PLAN_FR_COLUMNS)
    for text, style in PLAN_FR_SIGN:
        d.p(text, style)
    return d.xml()


def export_fodt(xml: str, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{out.stem}.fodt"
        src.write_text(xml, encoding="utf-8")
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf:writer_pdf_Export",
             str(src), "--outdir", tmp],
            check=True, capture_output=True, timeout=180,
        )
        shutil.move(str(Path(tmp) / f"{out.stem}.pdf"), out)
    return out


def structured() -> None:
    sys.path.insert(0, str(HERE))
    export_fodt(decree_ar(), HERE / "decree-ar.pdf")
    export_fodt(plan_fr(), HERE / "plan-fr.pdf")


if __name__ == "__main__":
    main()
    structured()
