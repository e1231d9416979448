"""Make a sentence speakable: numbers, amounts, dates, law numbers and abbreviations in words.

``speakable(text, lang)`` returns the text a speech engine should read, in the
narration language (``fr``, ``ar`` for Modern Standard Arabic, ``ary`` for
Darija). Moroccan writing conventions are understood:

* thousands separated by spaces (also NBSP U+00A0, U+202F, U+2009) or dots:
  ``1 250 000 000``, ``1.250.000.000``;
* the decimal comma: ``2,8 milliards`` is 2.8 milliards (never 28);
* amounts with scale words and currencies: ``1 250 MDH``, ``2,8 مليار درهم``,
  ``DH``, ``Dhs``, ``MAD``, ``د.م.``, ``درهم``;
* percentages (``78%``, ``78 في المائة``), dates (``15/03/2026``), year ranges
  (``2022-2027``), law and decree numbers read group by group (``111.14``),
  French ordinals (``1er``, ``2e``), ``n°``, ``M.``, ``Mme``, ``art.``.

No digit is left in the result: anything not recognised is read digit by digit.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .numbers_ary import MONTHS as _MONTHS_ARY
from .verbalisers import Verbaliser, verbaliser_for

_MONTHS_AR = set(_MONTHS_ARY)

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPACES = "[ \u00a0\u202f\u2009]"
_NUM = (
    rf"\d{{1,3}}(?:{_SPACES}\d{{3}})+(?!\d)(?:,\d+)?"  # 1 250 000 000 / 1 250,5
    r"|\d{1,3}(?:\.\d{3})+(?![\d.])(?:,\d+)?"  # 1.250.000.000
    r"|\d{1,3}(?:,\d{3}){2,}(?![\d,])"  # 1,250,000 (English style, two groups or more)
    r"|\d+(?:[.,]\d+)?"
)
_SCALE = (
    r"milliards?|millions?|milliers?|mds|mrds?|md"
    r"|مليارات|ملايير|مليار|ملايين|مليون|آلاف|ألف"
)
_CUR = r"(?:de\s|d')?(?:dirhams?|DHS|DH|Dhs|dhs|Dh|MAD)(?![\w])|د\.م\.?|دراهم|درهما|درهم"
_PCT = r"%|pour\s?cent|في\s?الما?ئة|في\s?المئة|ف\s?المية"
_SCALE_WORDS = {
    "milliard": 10**9, "milliards": 10**9, "md": 10**9, "mds": 10**9, "mrd": 10**9, "mrds": 10**9,
    "million": 10**6, "millions": 10**6, "millier": 10**3, "milliers": 10**3,
    "مليار": 10**9, "مليارات": 10**9, "ملايير": 10**9, "مليون": 10**6, "ملايين": 10**6, "ألف": 10**3, "آلاف": 10**3,
}  # fmt: skip

AMOUNT = re.compile(
    rf"(?<![\d.,])(?P<num>{_NUM})"
    rf"(?:\s?(?P<mdh>MMDH|MMDHS|MDH|MDHS|KDH)(?![\w]))?"
    rf"(?:\s?(?P<scale>{_SCALE})(?![\w]))?"
    rf"(?:\s?(?P<cur>{_CUR}))?"
    rf"(?:\s?(?P<pct>{_PCT}))?",
    re.IGNORECASE,
)
DATE = re.compile(r"(?<![\d.,/])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d])")
YEAR_RANGE = re.compile(r"(?<![\d.,])((?:19|20)\d\d)\s?[-–—/]\s?((?:19|20)\d\d)(?![\d])")
NUM_RANGE = re.compile(r"(?<![\d.,])(\d+)\s?[–—-]\s?(\d+)(?![\d.,])")
IDENT = re.compile(r"(?<![\d.,])(\d{1,4}(?:[.\-/]\d{1,4})+)(?![\d])")
LAW_WORD = re.compile(
    r"(loi|décret|decret|dahir|arrêté|arrete|circulaire|n°|no|numéro|القانون|قانون|المرسوم|مرسوم|الظهير|ظهير|القرار|قرار|رقم|الدورية)\s*(?:organique|n°|رقم|التنظيمي)?\s*$",
    re.IGNORECASE,
)
ORDINAL_FR = re.compile(r"(?<![\d.,])(\d+)(ers?|res?|ères?|ème|èmes|eme|e)(?![\w])")
HOUR_FR = re.compile(r"(?<![\d.,])(\d{1,2})\s?h\s?(\d{2})?(?![\w])")
YEAR_AR = re.compile(r"(?<![\d.,])(\d{4})\s?(م|هـ)(?![\w])")

_ABBREV: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "fr": [
        (re.compile(r"\bMM\.(?=\s)"), "Messieurs"),
        (re.compile(r"\bM\.(?=\s+\w)"), "Monsieur"),
        (re.compile(r"\bMmes\b\.?"), "Mesdames"),
        (re.compile(r"\bMme\b\.?"), "Madame"),
        (re.compile(r"\bMlle\b\.?"), "Mademoiselle"),
        (re.compile(r"\bart\.(?=\s)"), "article"),
        (re.compile(r"\bArt\.(?=\s)"), "Article"),
        (re.compile(r"\betc\."), "et cetera."),
        (re.compile(r"(?<!\w)[nN][°º]\s?"), "numéro "),
        (re.compile(r"\b(?:MMDH|MMDHS)\b"), "milliards de dirhams"),
        (re.compile(r"\b(?:MDH|MDHS)\b"), "millions de dirhams"),
        (re.compile(r"\b(?:DH|DHS|Dhs|MAD)\b"), "dirhams"),
        (re.compile(r"(?<=\s)km²"), "kilomètres carrés"),
        (re.compile(r"(?<=\s)m²"), "mètres carrés"),
        (re.compile(r"(?<=\s)km\b"), "kilomètres"),
        (re.compile(r"(?<=\s)ha\b"), "hectares"),
        (re.compile(r"\s&\s"), " et "),
        (re.compile(r"%"), " pour cent"),
    ],
    "ar": [
        (re.compile(r"د\.م\.?"), "درهم"),
        (re.compile(r"(?<!\w)[nN][°º]\s?"), "رقم "),
        (re.compile(r"\b(?:MMDH|MMDHS)\b"), "مليار درهم"),
        (re.compile(r"\b(?:MDH|MDHS)\b"), "مليون درهم"),
        (re.compile(r"\b(?:DH|DHS|Dhs|MAD)\b"), "درهم"),
        (re.compile(r"(?<![\w])كلم(?![\w])"), "كيلومتر"),
        (re.compile(r"\s&\s"), " و"),
        (re.compile(r"[%٪]"), " في المائة"),
    ],
}
_ABBREV["ary"] = [(p, "ف المية") if r == " في المائة" else (p, r) for p, r in _ABBREV["ar"]]


def _parse(num: str) -> tuple[int, str]:
    """``"1 250,5" -> (1250, "5")``; dots/spaces between groups of three are thousands separators."""
    s = re.sub(_SPACES, "", num)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", s):
        s = s.replace(",", "")
    s = s.replace(".", ",")
    int_part, _, frac = s.partition(",")
    return int(int_part), frac


_NO_RANGE_FROM = {"de", "du", "entre", "pour", "en", "sur", "من", "بين", "خلال", "في", "ف"}
_NOT_NOUNS = {"و", "ف", "في", "من", "إلى", "حتى", "أو", "ولا"}
_NEXT_WORD = re.compile(r"\s*([\u0621-\u064a]+)")


_PREPOSITIONS = {"في", "من", "إلى", "على", "عن", "حتى", "بعد", "قبل", "منذ", "خلال", "لمدة", "بين"}


def _after_preposition(m: re.Match[str]) -> bool:
    """MSA: a number right after a preposition is read in the oblique case (في أربعة وستين جماعة)."""
    before = m.string[: m.start()].split()
    return bool(before) and before[-1] in _PREPOSITIONS


def _noun_follows(m: re.Match[str]) -> bool:
    """Darija: does a counted noun follow the number (then 11-19 take a final ر: حداشر درهم)?"""
    nxt = _NEXT_WORD.match(m.string, m.end())
    return nxt is not None and nxt.group(1) not in _NOT_NOUNS and nxt.group(1) not in _MONTHS_AR


class _Speaker:
    def __init__(self, v: Verbaliser) -> None:
        self.v = v

    def amount(self, m: re.Match[str]) -> str:
        v = self.v
        int_part, frac = _parse(m.group("num"))
        mdh, scale_word, cur, pct = m.group("mdh"), m.group("scale"), m.group("cur"), m.group("pct")
        mult = 1
        if mdh:
            mult = {"MMDH": 10**9, "MMDHS": 10**9, "MDH": 10**6, "MDHS": 10**6, "KDH": 10**3}[mdh.upper()]
            cur = cur or "DH"
        elif scale_word:
            mult = _SCALE_WORDS.get(scale_word.lower(), 1)
        value: int | None = None
        try:
            exact = Decimal(f"{int_part}.{frac or 0}") * mult
            value = int(exact) if exact == exact.to_integral_value() else None
        except InvalidOperation:
            value = None
        counted = bool(cur or mdh or scale_word) or (v.lang == "ary" and _noun_follows(m))
        # French keeps "deux virgule huit millions d'habitants"; amounts of money and Arabic are expanded
        expand = mult > 1 and (bool(cur) or v.lang != "fr")
        if value is not None and (expand or not frac):
            is_year = not counted and not pct and 1900 <= value <= 2099
            words = v.cardinal(value, counted=counted, year=is_year or _after_preposition(m))
            scaled = False
        else:
            words = v.decimal(int_part, frac) + (f" {scale_word}" if scale_word else "")
            scaled = bool(scale_word)
        if cur:
            words = v.money(value, words, scaled=scaled)
        if pct:
            words = f"{words} {v.percent}"
        return words

    def date(self, m: re.Match[str]) -> str:
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return m.group(0).replace(m.group(2), " ")
        return self.v.date(d, mo, y)

    def year_range(self, m: re.Match[str]) -> str:
        v = self.v
        before = m.string[: m.start()].rstrip().lower()
        a, b = v.cardinal(int(m.group(1)), year=True), v.cardinal(int(m.group(2)), year=True)
        last = before.split()[-1] if before.split() else ""
        lead = "" if last in _NO_RANGE_FROM else v.range_from + " "
        return f"{lead}{a} {v.range_to} {b}"

    def num_range(self, m: re.Match[str]) -> str:
        v = self.v
        return f"{v.cardinal(int(m.group(1)))} {v.range_to} {v.cardinal(int(m.group(2)))}"

    def identifier(self, m: re.Match[str]) -> str:
        raw = m.group(1)
        groups = re.split(r"[.\-/]", raw)
        before = m.string[max(0, m.start() - 40) : m.start()]
        is_law = LAW_WORD.search(before) is not None
        if not is_law:
            seps = set(re.findall(r"[.\-/]", raw))
            if seps == {"."} and (all(len(g) == 3 for g in groups[1:]) or (len(groups) == 2 and len(groups[1]) != 2)):
                return raw  # thousands or a decimal: left to the amount rule
            if seps != {"."}:
                return raw  # dates and ranges have their own rules
        if "-" in raw or "/" in raw:
            return ", ".join(self.v._group(g) for g in groups)
        return self.v.identifier(groups)

    def year_marker(self, m: re.Match[str]) -> str:
        words = self.v.cardinal(int(m.group(1)), year=True)
        return words + (" ميلادية" if m.group(2) == "م" else " هجرية")

    def ordinal_fr(self, m: re.Match[str]) -> str:
        suffix = m.group(2)
        return self.v.ordinal(int(m.group(1)), feminine=suffix.startswith(("re", "ère")))  # type: ignore[attr-defined]

    def hour_fr(self, m: re.Match[str]) -> str:
        h = int(m.group(1))
        words = f"{self.v.cardinal(h)} heure{'s' if h > 1 else ''}"
        if m.group(2) and int(m.group(2)):
            words += " " + self.v.cardinal(int(m.group(2)))
        return words

    def leftover(self, m: re.Match[str]) -> str:
        return " " + self.v.digits(m.group(0)) + " "


def speakable(text: str, lang: str) -> str:
    """The text to read aloud for one sentence in ``lang`` (``fr``, ``ar``, ``ary``; others unchanged).

    >>> speakable("Budget : 2,8 milliards DH (+12%).", "fr")
    'Budget : deux milliards huit cents millions de dirhams (+douze pour cent).'
    """
    v = verbaliser_for(lang)
    text = text.translate(_ARABIC_DIGITS).replace("\u0640", "").replace("٫", ",").replace("٬", "")
    if v is None:
        return text
    sp = _Speaker(v)
    base = "fr" if v.lang == "fr" else v.lang
    text = DATE.sub(sp.date, text)
    text = YEAR_RANGE.sub(sp.year_range, text)
    text = IDENT.sub(sp.identifier, text)
    if base == "fr":
        text = ORDINAL_FR.sub(sp.ordinal_fr, text)
        text = HOUR_FR.sub(sp.hour_fr, text)
    else:
        text = YEAR_AR.sub(sp.year_marker, text)
    text = NUM_RANGE.sub(sp.num_range, text)
    text = AMOUNT.sub(sp.amount, text)
    for pattern, repl in _ABBREV.get(base, []):
        text = pattern.sub(repl, text)
    text = re.sub(r"\d+", sp.leftover, text)
    return re.sub(r"[ \u00a0\u202f\u2009]{2,}", " ", text).strip()
