"""Regenerate the table test PDFs ``tests/resources/tables-*.pdf`` (committed; tens of KB each).

Run from the repository root: ``.venv/bin/python tests/resources/make_table_pdfs.py``.
Each document is written here as flat OpenDocument text (FODT: real LibreOffice tables,
tab stops, sections in columns, right-to-left paragraphs and tables) and LibreOffice
(headless, private profile) turns it into a PDF, the way council staff make their PDFs.
The texts are ours (invented figures for an imaginary commune). What each file holds and
what the tests expect is listed in ``tests/resources/README.md``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent

NS = " ".join(
    f'xmlns:{k}="{v}"'
    for k, v in {
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    }.items()
)

BASE_STYLES = """
<office:font-face-decls>
 <style:font-face style:name="Noto Sans" svg:font-family="'Noto Sans'"/>
 <style:font-face style:name="Noto Naskh Arabic" svg:font-family="'Noto Naskh Arabic'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="115%"/>
  <style:text-properties style:font-name="Noto Sans" fo:font-size="11pt" fo:language="fr" fo:country="FR"
   style:font-name-complex="Noto Naskh Arabic" style:font-size-complex="11pt" style:language-complex="ar" style:country-complex="MA"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="H1" style:family="paragraph" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold" style:font-size-complex="16pt" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph" style:default-outline-level="2">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold" style:font-size-complex="13pt" style:font-weight-complex="bold"/>
 </style:style>
</office:styles>
"""

AUTO_STYLES = """
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
 </style:page-layout>
 <style:style style:name="J" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/></style:style>
 <style:style style:name="R" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="start"/></style:style>
 <style:style style:name="RJ" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="justify"/></style:style>
 <style:style style:name="RH1" style:family="paragraph" style:parent-style-name="H1"><style:paragraph-properties style:writing-mode="rl-tb"/></style:style>
 <style:style style:name="RH2" style:family="paragraph" style:parent-style-name="H2"><style:paragraph-properties style:writing-mode="rl-tb"/></style:style>
 <style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="Num" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="RNum" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="end"/></style:style>
 <style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0cm"/></style:style>
 <style:style style:name="RCell" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb" fo:margin-bottom="0cm"/></style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Sect2" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
 <style:style style:name="Sect3" style:family="section"><style:section-properties><style:columns fo:column-count="3" fo:column-gap="0.6cm"/></style:section-properties></style:style>
 <style:style style:name="cb" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="top"/></style:style>
 <style:style style:name="cbm" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
 <style:style style:name="cn" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.05cm" style:vertical-align="top"/></style:style>
 <style:style style:name="cnm" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.05cm" style:vertical-align="middle"/></style:style>
 <style:style style:name="cnb" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.05cm" style:vertical-align="bottom"/></style:style>
 <style:style style:name="ch" style:family="table-cell"><style:table-cell-properties fo:border-top="none" fo:border-left="none" fo:border-right="none" fo:border-bottom="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
"""


def fodt(body: str, extra_styles: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f"{BASE_STYLES}<office:automatic-styles>{AUTO_STYLES}{extra_styles}</office:automatic-styles>"
        '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document>"
    )


def p(text: str, style: str = "Standard") -> str:
    """A paragraph; ``\\t`` in the text becomes a tab, ``**x**`` bold."""
    out = []
    for k, part in enumerate(re.split(r"\*\*", text)):
        segs = "<text:tab/>".join(escape(s) for s in part.split("\t"))
        out.append(f'<text:span text:style-name="B">{segs}</text:span>' if k % 2 else segs)
    return f'<text:p text:style-name="{style}">{"".join(out)}</text:p>'


def tab_style(name: str, stops: Iterable[tuple[float, str]], rtl: bool = False, leader: bool = False) -> str:
    """A paragraph style with tab stops at (cm, type) positions."""
    lead = ' style:leader-style="dotted" style:leader-text="."' if leader else ""
    tabs = "".join(f'<style:tab-stop style:position="{pos}cm" style:type="{kind}"{lead}/>' for pos, kind in stops)
    mode = ' style:writing-mode="rl-tb"' if rtl else ""
    return (
        f'<style:style style:name="{name}" style:family="paragraph"><style:paragraph-properties{mode} fo:margin-bottom="0.05cm">'
        f"<style:tab-stops>{tabs}</style:tab-stops></style:paragraph-properties></style:style>"
    )


def table_style(name: str, width_cm: float, cols_cm: list[float], rtl: bool = False) -> str:
    mode = ' style:writing-mode="rl-tb"' if rtl else ""
    out = f'<style:style style:name="{name}" style:family="table"><style:table-properties style:width="{width_cm}cm" table:align="center"{mode}/></style:style>'
    for k, w in enumerate(cols_cm):
        out += f'<style:style style:name="{name}.c{k}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>'
    return out


Cell = str | tuple[str, dict[str, int]]  # text, or (text, {"cols": n, "rows": n})


def table(name: str, ncols: int, header: list[list[Cell]], rows: list[list[Cell]], cell_style: str, rtl: bool = False,
          num_cols: Iterable[int] = (), head_style: str | None = None) -> str:
    """A LibreOffice table; a cell spanned over by its neighbour is written as ``None`` (a covered cell)."""
    nums = set(num_cols)
    para = "RCell" if rtl else "Cell"

    def row(cells: list[Cell | None], style: str) -> str:
        out = "<table:table-row>"
        for k, c in enumerate(cells):
            if c is None:
                out += "<table:covered-table-cell/>"
                continue
            text, span = (c, {}) if isinstance(c, str) else c
            attrs = ""
            if span.get("cols", 1) > 1:
                attrs += f' table:number-columns-spanned="{span["cols"]}"'
            if span.get("rows", 1) > 1:
                attrs += f' table:number-rows-spanned="{span["rows"]}"'
            pstyle = ("RNum" if rtl else "Num") if k in nums and text[:1].isdigit() else para
            lines = "".join(p(t, pstyle) for t in text.split("\n"))
            out += f'<table:table-cell table:style-name="{style}" office:value-type="string"{attrs}>{lines}</table:table-cell>'
        return out + "</table:table-row>"

    cols = "".join(f'<table:table-column table:style-name="{name}.c{k}"/>' for k in range(ncols))
    head = "".join(row(r, head_style or cell_style) for r in header)  # type: ignore[arg-type]
    body = "".join(row(r, cell_style) for r in rows)  # type: ignore[arg-type]
    return (f'<table:table table:name="{name}" table:style-name="{name}">{cols}'
            f"<table:table-header-rows>{head}</table:table-header-rows>{body}</table:table>")


# --- the documents -------------------------------------------------------------------------------

AR_INTRO = (
    "صادق مجلس الجماعة خلال دورته العادية لشهر أكتوبر على مشروع ميزانية سنة 2026، وقد روعي في إعداده "
    "ضبط نفقات التسيير وتوجيه الفائض نحو الاستثمار في البنيات الأساسية والخدمات القريبة من الساكنة. "
    "ويعرض الجدول الآتي الاعتمادات المفتوحة حسب الأبواب والبنود مقارنة بالسنة المالية السابقة."
)
AR_AFTER = (
    "وتبين هذه الأرقام أن نفقات التجهيز ارتفعت بوتيرة أسرع من نفقات التسيير، وهو ما ينسجم مع "
    "برنامج عمل الجماعة الذي يجعل من فك العزلة وتحسين الإنارة العمومية أولوية للسنوات الثلاث المقبلة."
)
AR_TABS_INTRO = "وتتوزع المداخيل المتوقعة حسب مصدرها كما يلي، دون احتساب الفائض المرحل من السنة الماضية:"


def ar_budget() -> str:
    styles = table_style("TA", 16.4, [3.0, 6.6, 3.4, 3.4], rtl=True) + tab_style("TabR", [(9.5, "left"), (13.5, "left")], rtl=True)
    rows: list[list[Cell | None]] = [
        [("التسيير", {"rows": 2}), "الأجور والتعويضات الممنوحة للموظفين والأعوان الجماعيين", "48 250 000", "51 400 000"],
        [None, "صيانة الطرق والمسالك القروية", "12 600 000", "14 100 000"],
        [("التجهيز", {"rows": 2}), "بناء وتجهيز مركب سوسيو رياضي بحي النهضة وملعب للقرب", "22 000 000", "35 500 000"],
        [None, "توسيع شبكة الإنارة العمومية بالدواوير", "6 300 000", "9 750 000"],
        [("المجموع", {"cols": 2}), None, "89 150 000", "110 750 000"],
    ]
    body = (
        p("ميزانية جماعة أولاد عياد برسم سنة 2026", "RH1")
        + p(AR_INTRO, "RJ")
        + table("TA", 4, [["الباب", "البند", "اعتمادات 2025", "اعتمادات 2026"]], rows, "cb", rtl=True, num_cols=(2, 3))  # type: ignore[arg-type]
        + p(AR_AFTER, "RJ")
        + p("المداخيل المتوقعة", "RH2")
        + p(AR_TABS_INTRO, "RJ")
        + p("المصدر\tالمبلغ بالدرهم\tالحصة", "TabR")
        + p("حصة الجماعة من الضريبة على القيمة المضافة\t58 400 000\t52,7 %", "TabR")
        + p("الرسوم المحلية المحصلة مباشرة\t21 900 000\t19,8 %", "TabR")
        + p("مداخيل الأملاك الجماعية\t9 450 000\t8,5 %", "TabR")
        + p("إمدادات الدولة والمجلس الإقليمي\t21 000 000\t19,0 %", "TabR")
        + p("ويخصص مبلغ الإمدادات حصرا لتمويل المشاريع المبرمجة في إطار الاتفاقيات الموقعة مع الشركاء.", "RJ")
    )
    return fodt(body, styles)


FR_INTRO = (
    "Le territoire de la province compte six communes dont la population a progressé de 9 % entre les deux "
    "derniers recensements. Le tableau suivant rappelle les chiffres utilisés pour dimensionner les équipements "
    "prévus par le plan d'action."
)


def fr_tabs() -> str:
    stops = [(8.5, "right"), (12.0, "right"), (16.4, "right")]
    styles = tab_style("Tab", stops) + tab_style("Toc", [(16.4, "right")], leader=True)
    body = (
        p("Plan d'action communal 2026-2031", "H1")
        + p("Sommaire", "H2")
        + p("1. Diagnostic territorial\t4", "Toc")
        + p("2. Orientations stratégiques et objectifs\t11", "Toc")
        + p("3. Programme des projets prioritaires\t19", "Toc")
        + p("4. Financement et phasage\t27", "Toc")
        + p("5. Suivi et évaluation\t33", "Toc")
        + p("La population des communes", "H2")
        + p(FR_INTRO, "J")
        + p("**Commune\tPopulation\tSuperficie (km²)\tDensité**", "Tab")
        + p("Ouled Ayad\t28 415\t112,5\t252,6", "Tab")
        + p("Souk Sebt Ouled Nemma\t61 870\t86,0\t719,4", "Tab")
        + p("Dar Ould Zidouh\t19 932\t143,8\t138,6", "Tab")
        + p("Aït Ouirra\t15 207\t205,3\t74,1", "Tab")
        + p("Ouled Mbarek\t22 748\t98,7\t230,5", "Tab")
        + p("Total\t148 172\t646,3\t229,3", "Tab")
        + p("Les priorités retenues par les habitants lors des réunions de concertation sont les suivantes :", "J")
        + p("• raccorder les douars isolés au réseau d'eau potable avant la fin de 2027 ;")
        + p("• créer deux centres de santé de proximité à Aït Ouirra et Ouled Mbarek ;")
        + p("• aménager 60 kilomètres de pistes rurales praticables en toute saison.")
    )
    return fodt(body, styles)


PLAN = [
    "Le diagnostic territorial a été conduit entre janvier et juin 2025 avec les services extérieurs de l'État, "
    "les associations de quartier et les représentants des douars. Il met en évidence un territoire contrasté : "
    "la plaine irriguée concentre l'essentiel de l'activité agricole et des emplois, tandis que les zones de piémont "
    "souffrent d'un enclavement persistant et d'un accès limité aux services de base.",
    "La croissance démographique reste soutenue dans les centres urbains, où l'extension des lotissements précède "
    "souvent la réalisation des réseaux. Les habitants interrogés citent en premier lieu l'assainissement, "
    "l'éclairage public et le transport scolaire comme des besoins urgents, avant l'emploi des jeunes.",
    "Sur le plan économique, la commune dispose d'atouts réels : une tradition oléicole reconnue, un souk "
    "hebdomadaire qui attire les acheteurs de toute la région et un potentiel touristique encore peu exploité "
    "autour des sources et des sentiers de montagne. Ces atouts demandent toutefois un accompagnement durable.",
    "Les finances communales se caractérisent par une forte dépendance aux transferts de l'État. Les recettes "
    "propres progressent lentement, faute d'un recensement à jour des locaux soumis aux taxes locales, et "
    "l'épargne dégagée chaque année ne couvre qu'une faible part des investissements programmés.",
    "Le plan retient donc une démarche progressive : consolider d'abord les services de base dans les quartiers "
    "sous-équipés, puis soutenir les filières porteuses par des projets conduits avec la province, la région et "
    "les coopératives, enfin moderniser l'administration communale pour mieux servir les usagers.",
    "Chaque projet fera l'objet d'une fiche précisant son coût, son calendrier, les partenaires associés et les "
    "indicateurs de suivi. Un comité de pilotage réunira deux fois par an les élus, les services techniques et "
    "les représentants de la société civile pour examiner l'avancement et proposer les ajustements nécessaires.",
]


def fr_columns() -> str:
    two = "".join(p(t, "J") for t in PLAN + PLAN[:2])
    three = "".join(p(t, "J") for t in PLAN[2:] + PLAN[:3])
    body = (
        p("Diagnostic et orientations", "H1")
        + f'<text:section text:name="S2" text:style-name="Sect2">{two}</text:section>'
        + p("Les orientations du plan", "H1").replace('text:style-name="H1"', 'text:style-name="H1"', 1)
        + f'<text:section text:name="S3" text:style-name="Sect3">{three}</text:section>'
    )
    return fodt(body)


MINUTES = [
    "L'an deux mille vingt-six, le mardi 10 mars à dix heures, le conseil de la commune s'est réuni en session "
    "ordinaire dans la salle des délibérations, sous la présidence de M. Ahmed Alaoui, président du conseil.",
    "Étaient présents : 24 membres sur 31. Absents excusés : Mme Naïma Tazi, M. Youssef Bennani, M. Omar Kettani. "
    "Le quorum étant atteint, le président a déclaré la séance ouverte et rappelé l'ordre du jour.",
    "Après présentation du projet de convention par le vice-président chargé des travaux, le débat a porté sur le "
    "tracé de la piste reliant le douar Aït Hammou au centre de la commune et sur le calendrier des travaux.",
    "Le conseil, après en avoir délibéré, approuve la convention de partenariat relative à l'aménagement de la "
    "piste rurale et autorise le président à la signer. Votants : 24. Pour : 21. Contre : 2. Abstention : 1.",
    "L'ordre du jour étant épuisé, la séance a été levée à douze heures trente.",
]


def fr_minutes() -> str:
    styles = tab_style("Sig", [(4.2, "center"), (12.4, "center")]) + table_style("TS", 16.4, [8.2, 8.2])
    sig_rows: list[list[Cell | None]] = [
        ["Le rapporteur de la commission", "Le directeur des services"],
        ["Signé : Rachid Amrani", "Signé : Latifa Chraibi"],
    ]
    body = (
        p("Procès-verbal de la session ordinaire du 10 mars 2026", "H1")
        + "".join(p(t, "J") for t in MINUTES[:2])
        + p("Ordre du jour", "H2")
        + p("1. Examen et approbation du procès-verbal de la session précédente.")
        + p("2. Convention de partenariat pour l'aménagement de la piste rurale d'Aït Hammou.")
        + p("3. Questions diverses.")
        + p("Délibération n° 12/2026", "H2")
        + "".join(p(t, "J") for t in MINUTES[2:])
        + p("Fait à Ouled Ayad, le 10 mars 2026.")
        + p("\tLe secrétaire du conseil\tLe président du conseil", "Sig")
        + p("\tSigné : Karim Benjelloun\tSigné : Ahmed Alaoui", "Sig")
        + p("\t(cachet et signature)\t(cachet et signature)", "Sig")
        + p("Visa des services", "H2")
        + table("TS", 2, [], sig_rows, "cn")  # type: ignore[arg-type]
    )
    return fodt(body, styles)


WRAP_ROWS = [
    ["Infrastructures et routes\nrurales", "412 500 000", "33 %"],
    ["Eau potable, assainissement\net irrigation", "237 500 000", "19 %"],
    ["Éducation et formation\nprofessionnelle", "150 000 000", "12 %"],
    ["Santé", "100 000 000", "8 %"],
    ["Agriculture et développement\nrural des zones de montagne", "75 000 000", "6 %"],
    ["Dépenses de fonctionnement", "275 000 000", "22 %"],
]


def fr_wrapped() -> str:
    styles = table_style("TW", 12.0, [5.0, 4.0, 3.0]) + table_style("TM", 12.0, [5.0, 4.0, 3.0])
    head: list[list[Cell]] = [["**Domaine**", "**Montant (DH)**", "**Part**"]]
    body = (
        p("Répartition des dépenses par domaine", "H1")
        + p("Le budget de la Région pour 2026 se répartit comme suit entre les grands domaines d'intervention, "
            "hors reports de crédits de l'exercice précédent :", "J")
        + table("TW", 3, head, WRAP_ROWS, "cn", num_cols=(1, 2))  # type: ignore[arg-type]
        + p("La même répartition, présentée par la commission des finances avec des montants centrés sur la hauteur de chaque ligne :", "J")
        + table("TM", 3, head, WRAP_ROWS, "cnm", num_cols=(1, 2), head_style="ch")  # type: ignore[arg-type]
        + p("Les montants sont exprimés en dirhams et arrondis au millier le plus proche.", "J")
        + p("Et une dernière fois, les montants alignés sur la dernière ligne de chaque libellé :", "J", )
        + table("TB", 3, head, WRAP_ROWS, "cnb", num_cols=(1, 2))  # type: ignore[arg-type]
    )
    return fodt(body, styles + table_style("TB", 12.0, [5.0, 4.0, 3.0]))


def fr_column_table() -> str:
    """A page set in two columns: a table laid out with tabs in the left column, prose in the right."""
    styles = tab_style("TabC", [(4.6, "right"), (7.2, "right")])
    rows = [("Commune", "Ménages", "Raccordés"), ("Ouled Ayad", "5 120", "4 870"), ("Aït Ouirra", "2 315", "1 402"),
            ("Ouled Mbarek", "4 006", "3 911"), ("Dar Ould Zidouh", "3 540", "2 988"), ("Total", "14 981", "13 171")]
    left = (p("Raccordement au réseau d'eau potable", "H2")
            + p("La situation des raccordements à la fin de 2025 se présente ainsi :", "J")
            + "".join(p(("**%s\t%s\t%s**" if k == 0 else "%s\t%s\t%s") % r, "TabC") for k, r in enumerate(rows))
            + "".join(p(t, "J") for t in PLAN[:2]))
    body = (p("Programme eau et assainissement", "H1")
            + f'<text:section text:name="S2" text:style-name="Sect2">{left}{"".join(p(t, "J") for t in PLAN[2:5])}</text:section>')
    return fodt(body, styles)


def fr_pagebreak() -> str:
    styles = table_style("TP", 16.4, [7.4, 3.0, 3.0, 3.0])
    douars = [
        "Aït Hammou", "Tizi n'Ouadou", "Ighrem", "Agoudal", "Taghbalout", "Bouzmou", "Anergui", "Imilchil centre",
        "Ait Bouguemez", "Tabant", "Zaouit Ahansal", "Tilouguite", "Ouaouizeght", "Tagleft", "Foum Jemaa",
        "Bzou", "Ait Taguella", "Tanant", "Demnate nord", "Sidi Boulkhalf", "Ait Majden", "Tamda Noumercid",
        "Bni Ayat", "Timoulilt", "Afourar", "Ait Ouaarda", "Moulay Issa Ben Driss", "Ait Mazigh",
    ]
    rows = [[d, f"{3 + (k * 7) % 19},{k % 10}", f"{120 + k * 37 % 400}", f"{2026 + k % 3}"] for k, d in enumerate(douars)]
    body = (
        p("Programme d'ouverture des pistes rurales", "H1")
        + "".join(p(t, "J") for t in PLAN[:4])
        + p("Le programme de la première tranche concerne les douars suivants :", "J")
        + table("TP", 4, [["**Douar**", "**Longueur (km)**", "**Ménages desservis**", "**Année**"]], rows, "cb", num_cols=(1, 2, 3))  # type: ignore[arg-type]
        + p("Les travaux seront confiés à des entreprises retenues par appel d'offres ouvert.", "J")
    )
    return fodt(body, styles)


DOCS = {
    "tables-ar-budget": ar_budget,
    "tables-fr-tabs": fr_tabs,
    "tables-fr-columns": fr_columns,
    "tables-fr-minutes": fr_minutes,
    "tables-fr-wrapped": fr_wrapped,
    "tables-fr-pagebreak": fr_pagebreak,
    "tables-fr-column-table": fr_column_table,
}


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer")
    return found


def _stable(pdf: Path) -> None:
    """Fixed dates and document ID, so that rebuilding gives the same bytes."""
    data = pdf.read_bytes()
    data = re.sub(rb"/(Creation|Mod)Date\(D:\d{14}", lambda m: b"/" + m.group(1) + b"Date(D:20260101000000", data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>", lambda m: re.sub(rb"(?<=<)[0-9A-Fa-f]+", lambda k: b"0" * len(k.group(0)), m.group(0)), data)
    pdf.write_bytes(data)


def main(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        srcs = []
        for name in names or list(DOCS):
            src = work / f"{name}.fodt"
            src.write_text(DOCS[name](), encoding="utf-8")
            srcs.append(src)
        subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(work), *map(str, srcs)],
            check=True, timeout=600, capture_output=True,
        )
        for src in srcs:
            pdf = work / f"{src.stem}.pdf"
            if not pdf.exists():
                sys.exit(f"LibreOffice did not write {pdf.name}")
            _stable(pdf)
            shutil.copy(pdf, HERE / pdf.name)
            print(f"{pdf.name}: {pdf.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
