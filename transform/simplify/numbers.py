"""Numbers for Darija: written amounts (``مليار و 250 مليون``), spoken words (DARIJA_GUIDE §3.5)
and canonical values for the number-preservation gate (M3)."""

from __future__ import annotations

from pathlib import Path

import regex

from ..lang.numbers_ary import UNITS, cardinal


def say_int(n: int, counted: bool = False) -> str:
    """A whole number in words: ``say_int(2026) == "ألفين و ستة و عشرين"``.

    ``counted`` gives the form used before a counted noun (``حداشر مركز``). The words come from
    :mod:`transform.lang.numbers_ary` (shared with the audio engine, same guide table).
    """
    return cardinal(n, counted)


def say_number(text: str, counted: bool = False) -> str:
    """Digits as written (``2,8``, ``1 250``, ``111.14``) in words."""
    t = text.replace("\u202f", " ").replace("\xa0", " ").strip()
    if regex.fullmatch(r"\d{1,3}(?:[ .]\d{3})+", t):
        return say_int(int(regex.sub(r"[ .]", "", t)), counted)
    m = regex.fullmatch(r"(\d+)[.,](\d+)", t)
    if m:
        head, tail = m.group(1), m.group(2)
        # decimals are read digit group by group: 2,8 -> جوج فاصلة تمنية ; 111.14 -> ... نقطة ربعطاش
        sep = "فاصلة" if "," in t else "نقطة"
        tail_words = " ".join(UNITS[int(d)] for d in tail) if tail.startswith("0") else say_int(int(tail))
        return f"{say_int(int(head))} {sep} {tail_words}"
    digits = regex.sub(r"\D", "", t)
    return say_int(int(digits), counted) if digits else t


def write_amount(value: float) -> str:
    """Written Darija amount in digits and scale words: 1250000000 -> ``مليار و 250 مليون``.

    Values below 10 000 stay plain digits (``4000``); a fractional part that is not
    a whole number of thousands stays as a decimal with a comma.
    """
    if value != int(value):
        if value >= 10**6 and round(value / 1000) * 1000 == round(value):
            value = round(value)
        else:
            return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    n = int(value)
    if n < 10000:
        return str(n)
    parts: list[str] = []
    for scale, word in ((10**9, "مليار"), (10**6, "مليون"), (1000, "ألف")):
        q, n = divmod(n, scale)
        if q:
            parts.append(word if q == 1 and scale > 1000 else f"{q} {word}" if q > 1 or scale == 1000 else word)
    if n:
        parts.append(str(n))
    return " و ".join(parts)


# ----------------------------------------------------------------- canonical values (M3)

_SCALES = {
    "مليار": 10**9, "مليارات": 10**9, "ملايير": 10**9, "ملياري": 10**9, "milliard": 10**9, "milliards": 10**9,
    "مليون": 10**6, "ملايين": 10**6, "مليوني": 10**6, "million": 10**6, "millions": 10**6,
    "ألف": 1000, "الف": 1000, "آلاف": 1000, "الاف": 1000, "ألفا": 1000, "mille": 1000,
}
_BARE_SCALES = {"مليار": 10**9, "مليون": 10**6, "milliard": 10**9, "million": 10**6}
WORD_NUMBERS = {
    # French (not un/une: articles), MSA and Darija 2..10
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "اثنان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "جوج": 2, "تلاتة": 3, "تلت": 3, "ربعة": 4, "تمنية": 8, "تسعود": 9,
}
def _months() -> dict[str, int]:
    """Month names (Moroccan, other Arabic spellings, French) -> number, from data/months.tsv."""
    out: dict[str, int] = {}
    for line in (Path(__file__).resolve().parent / "data" / "months.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        for col in cols[1:]:
            for name in col.split("|"):
                if name.strip() and " " not in name.strip():
                    out[name.strip().lower()] = int(cols[0])
    return out


MONTHS_NUM = _months()
_MONTH_ALT = "|".join(sorted(MONTHS_NUM, key=len, reverse=True))
_DATE_SLASH = regex.compile(r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])")
_DATE_WORDS = regex.compile(rf"(?<!\d)(\d{{1,2}})(?:er)?\s+(?:{_MONTH_ALT})\s+(?:سنة\s+)?(\d{{4}})(?!\d)", regex.I)
_LAW = regex.compile(r"(?<![\d.,])(\d{1,3}[.-]\d{2})(?![\d.,]*\d)")
_DECREE = regex.compile(r"(?<![\d.,/-])(\d{1,2}([.-])\d{2}\2\d{1,4})(?![\d]|[.,/-]\d)")
_NUM = regex.compile(r"(?<![\d\p{L}])(\d{1,3}(?:[ \u202f\xa0]\d{3})+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.\d])|\d+(?:[.,]\d+)?)(?!\d)")
_TOKEN = regex.compile(r"\d[\d.,]*|\p{L}+")


def _date_value(text: str) -> tuple[str, list[str]]:
    out: list[str] = []

    def slash(m: regex.Match[str]) -> str:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        out.append(f"date:{y:04d}-{mo:02d}-{d:02d}")
        return " "

    def words(m: regex.Match[str]) -> str:
        month = regex.search(_MONTH_ALT, m.group(0), flags=regex.I)
        mo = MONTHS_NUM[month.group(0).lower()] if month else 0
        out.append(f"date:{int(m.group(2)):04d}-{mo:02d}-{int(m.group(1)):02d}")
        return " "

    text = regex.sub(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])",
                     lambda m: (out.append(f"date:{m.group(1)}-{m.group(2)}-{m.group(3)}"), " ")[1] if 1 <= int(m.group(2)) <= 12 else m.group(0), text)
    text = _DATE_SLASH.sub(slash, text)
    text = _DATE_WORDS.sub(words, text)
    return text, out


def is_date_like(ident: str) -> bool:
    """``15.03.2026`` is a date, ``2.26.530`` a decree number."""
    parts = regex.split(r"[.-]", ident)
    return len(parts) == 3 and len(parts[2]) == 4 and parts[2][:2] in ("19", "20") and 1 <= int(parts[1]) <= 12


def parse_number(tok: str) -> float:
    t = tok.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):  # 25.000 and 1.250.000: thousands grouped with dots
        return float(t.replace(".", "").replace(",", "."))
    return float(t.replace(",", "."))


def canonical_values(text: str) -> list[str]:
    """The multiset of number values in ``text`` as canonical strings (note 1 of §4).

    Amounts with scale words are combined (``مليار و 250 مليون`` = ``2,8 milliards``-style sums),
    dates become ``date:YYYY-MM-DD``, law numbers ``law:111.14``; ``%`` counts as a plain number.
    """
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    text = regex.sub(r"(?<=\d)(?=[\u0621-\u064A])|(?<=[\u0621-\u064A])(?=\d)", " ", text)  # "07يوليوز 2015" is a date as printed
    text = regex.sub(r"(?<=\d\s?)MDH\b", " millions de dirhams", text)  # MDH = millions of dirhams
    text, values = _date_value(text)

    def law(m: regex.Match[str]) -> str:
        values.append("law:" + m.group(1).replace("-", "."))
        return " "

    text = _DECREE.sub(lambda m: m.group(0) if is_date_like(m.group(1)) else law(m), text)  # 2.26.530: one identifier (before dates: 2-18-855 is not a date)
    text = _LAW.sub(law, text)
    text = _NUM.sub(lambda m: " " + m.group(1).replace(" ", "").replace("\u202f", "") + " ", text)
    toks = [t for t in _TOKEN.findall(text)]
    nums: list[float] = []
    i, pending, total = 0, None, 0.0
    in_sum = False

    def flush() -> None:
        nonlocal pending, total, in_sum
        if pending is not None:
            total += pending
        if in_sum or pending is not None:
            nums.append(total)
        pending, total, in_sum = None, 0.0, False

    while i < len(toks):
        t = toks[i]
        low = t.lower()
        bare = low[1:] if low.startswith("و") and low[1:] in _SCALES else low
        if t[0].isdigit():
            if pending is not None:
                flush()
            tok = t.rstrip(".,")
            nxt_word = toks[i + 1].lower() if i + 1 < len(toks) else ""
            if regex.fullmatch(r"\d{1,3}\.\d{3}", tok) and (nxt_word in _SCALES or nxt_word[1:] in _SCALES):
                pending = float(tok)  # "1.250 مليار" = 1,25 milliard: a decimal point before a scale word
            else:
                pending = parse_number(tok)
        elif bare in _SCALES and (pending is not None or bare in _BARE_SCALES):
            total += (pending if pending is not None else 1.0) * _SCALES[bare]
            pending, in_sum = None, True
            # "مليار و 250 مليون": a following "و N scale" continues the sum
            nxt = [x.lower() for x in toks[i + 1 : i + 4]]
            if nxt[:1] and nxt[0] in ("و", "et"):
                nxt = nxt[1:]
            cont = len(nxt) >= 2 and nxt[0][0].isdigit() and nxt[1] in _SCALES and _SCALES[nxt[1]] < _SCALES[bare]
            # "28 ألف و 374": a plain number after "و" below the scale ends the sum
            has_and = toks[i + 1 : i + 2] and toks[i + 1].lower() in ("و", "et")
            if not cont and has_and and nxt and nxt[0][0].isdigit() and (len(nxt) < 2 or nxt[1] not in _SCALES) and parse_number(nxt[0]) < _SCALES[bare]:
                cont = True
            if not cont:
                flush()
        elif low in ("و", "de", "d", "et") and (in_sum or pending is not None):
            pass
        else:
            if pending is not None or in_sum:
                flush()
            if low in WORD_NUMBERS:
                nums.append(float(WORD_NUMBERS[low]))
        i += 1
    flush()
    for v in nums:
        values.append(f"{v:.6g}" if v != int(v) else str(int(v)))
    return values
