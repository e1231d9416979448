"""Number words and speakable text: French, Modern Standard Arabic, Darija (DARIJA_GUIDE.md §3.5)."""

from __future__ import annotations

import re

import pytest

from transform.lang import numbers_ar, numbers_ary, numbers_fr
from transform.lang.speakable import speakable

# DARIJA_GUIDE.md §3.5, "Output" table
GUIDE_TABLE = {
    12: "طناش",
    2026: "ألفين و ستة و عشرين",
    22: "تنين و عشرين",
    4000: "ربع آلاف",
    78: "تمنية و سبعين",
    11000: "حداشر ألف",
    317: "تلتمية و سبعطاش",
    250000: "ميتين و خمسين ألف",
    320000000: "تلتمية و عشرين مليون",
    1250000000: "مليار و ميتين و خمسين مليون",
    2800000000: "جوج مليار و تمنمية مليون",
    75000000: "خمسة و سبعين مليون",
    29: "تسعة و عشرين",
    9: "تسعود",
}


@pytest.mark.parametrize(("n", "words"), GUIDE_TABLE.items())
def test_darija_guide_table(n: int, words: str) -> None:
    assert numbers_ary.cardinal(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zéro"),
        (16, "seize"),
        (17, "dix-sept"),
        (21, "vingt et un"),
        (71, "soixante et onze"),
        (77, "soixante-dix-sept"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (91, "quatre-vingt-onze"),
        (200, "deux cents"),
        (201, "deux cent un"),
        (1000, "mille"),
        (2026, "deux mille vingt-six"),
        (80000, "quatre-vingt mille"),
        (200000, "deux cent mille"),
        (1_000_000, "un million"),
        (200_000_000, "deux cents millions"),
        (1_250_000_000, "un milliard deux cent cinquante millions"),
        (2_800_000_000, "deux milliards huit cents millions"),
    ],
)
def test_french_cardinals(n: int, words: str) -> None:
    assert numbers_fr.cardinal(n) == words


def test_french_ordinals() -> None:
    assert [numbers_fr.ordinal(n) for n in (1, 2, 5, 9, 21)] == [
        "premier",
        "deuxième",
        "cinquième",
        "neuvième",
        "vingt et unième",
    ]
    assert numbers_fr.ordinal(1, feminine=True) == "première"


@pytest.mark.parametrize(
    ("n", "nom", "obl"),
    [
        (2, "اثنان", "اثنين"),
        (12, "اثنا عشر", "اثني عشر"),
        (15, "خمسة عشر", "خمسة عشر"),
        (78, "ثمانية وسبعون", "ثمانية وسبعين"),
        (200, "مائتان", "مائتين"),
        (317, "ثلاثمائة وسبعة عشر", "ثلاثمائة وسبعة عشر"),
        (2026, "ألفان وستة وعشرون", "ألفين وستة وعشرين"),
        (4000, "أربعة آلاف", "أربعة آلاف"),
        (11000, "أحد عشر ألفا", "أحد عشر ألفا"),
        (100000, "مائة ألف", "مائة ألف"),
        (1_250_000_000, "مليار ومائتان وخمسون مليونا", "مليار ومائتين وخمسين مليونا"),
        (3_000_000, "ثلاثة ملايين", "ثلاثة ملايين"),
    ],
)
def test_msa_cardinals(n: int, nom: str, obl: str) -> None:
    assert numbers_ar.cardinal(n) == nom
    assert numbers_ar.cardinal(n, "obl") == obl


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # amounts: the same 1.25 billion written four ways
        ("1 250 000 000 DH", "fr", "un milliard deux cent cinquante millions de dirhams"),
        ("1.250.000.000 DH", "fr", "un milliard deux cent cinquante millions de dirhams"),
        ("1\u202f250\u00a0000\u00a0000 MAD", "fr", "un milliard deux cent cinquante millions de dirhams"),
        ("1 250 MDH", "fr", "un milliard deux cent cinquante millions de dirhams"),
        ("2,8 milliards de dirhams", "fr", "deux milliards huit cents millions de dirhams"),  # 2.8, never 28
        ("2,8 milliards d'habitants", "fr", "deux virgule huit milliards d'habitants"),
        ("1 250 DH", "fr", "mille deux cent cinquante dirhams"),
        ("78%", "fr", "soixante-dix-huit pour cent"),
        ("2,5 %", "fr", "deux virgule cinq pour cent"),
        ("le 15/03/2026", "fr", "le quinze mars deux mille vingt-six"),
        ("le 1/01/2027", "fr", "le premier janvier deux mille vingt-sept"),
        ("période 2022-2027", "fr", "période de deux mille vingt-deux à deux mille vingt-sept"),
        ("loi n° 111.14", "fr", "loi numéro cent onze point quatorze"),
        ("le décret n° 2.15.40", "fr", "le décret numéro deux point quinze point quarante"),
        ("art. 5", "fr", "article cinq"),
        ("M. Alami et Mme Bennani", "fr", "Monsieur Alami et Madame Bennani"),
        ("le 1er et la 2e", "fr", "le premier et la deuxième"),
        ("à 10h30", "fr", "à dix heures trente"),
        ("1 250 000 000 درهم", "ar", "مليار ومائتان وخمسون مليون درهم"),
        ("2,8 مليار درهم", "ar", "ملياران وثمانمائة مليون درهم"),
        ("15 درهما", "ar", "خمسة عشر درهما"),
        ("78%", "ar", "ثمانية وسبعون في المائة"),
        ("سنة 2026", "ar", "سنة ألفين وستة وعشرين"),
        ("في 64 جماعة", "ar", "في أربعة وستين جماعة"),  # oblique after a preposition
        ("15/03/2026", "ar", "خمسة عشر مارس ألفين وستة وعشرين"),
        ("2022-2027", "ar", "من ألفين واثنين وعشرين إلى ألفين وسبعة وعشرين"),
        ("القانون التنظيمي رقم 111.14", "ar", "القانون التنظيمي رقم مائة وأحد عشر نقطة أربعة عشر"),
        ("320 مليون د.م.", "ar", "ثلاثمائة وعشرون مليون درهم"),
        ("٢٠٢٦", "ar", "ألفين وستة وعشرين"),
        # Darija, DARIJA_GUIDE.md §3.5
        ("1 250 000 000 درهم", "ary", "مليار و ميتين و خمسين مليون درهم"),
        ("1.250.000.000 DH", "ary", "مليار و ميتين و خمسين مليون درهم"),
        ("1 250 MDH", "ary", "مليار و ميتين و خمسين مليون درهم"),
        ("2,8 مليار درهم", "ary", "جوج مليار و تمنمية مليون درهم"),
        ("78%", "ary", "تمنية و سبعين ف المية"),
        ("78 في المائة", "ary", "تمنية و سبعين ف المية"),
        ("2022-2027", "ary", "من ألفين و تنين و عشرين حتى ألفين و سبعة و عشرين"),
        ("15/03/2026", "ary", "خمسطاش مارس ألفين و ستة و عشرين"),
        ("11 000 درهم", "ary", "حداشر ألف درهم"),
        ("12 مدرسة", "ary", "طناشر مدرسة"),
    ],
)
def test_speakable(text: str, lang: str, expected: str) -> None:
    assert speakable(text, lang) == expected


@pytest.mark.parametrize("lang", ["fr", "ar", "ary"])
def test_no_digit_survives(lang: str) -> None:
    text = "Réf. 12/345/6789, tél 0522 12 34 56, 3.14159, 7-8, ١٢٣ et 99999999999999 et 2026م"
    out = speakable(text, lang)
    assert not re.search(r"\d", out), out
