"""Protected spans (DARIJA_GUIDE §3.2 protect): amounts, percentages, dates, year ranges, law numbers,
acronyms and gazetteer names become placeholders ``⟦n⟧`` that no rewrite can touch.

Each span already carries its Darija written form (``مليار و 250 مليون درهم``, ``15 مارس 2026``,
``من 2022 حتى 2027``), so number preservation holds by construction and the gate checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ._rx import rx as _rx
from .data import resources
from .numbers import canonical_values, is_date_like, parse_number, write_amount

NUM = r"(?:\d{1,3}(?: \d{3})+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.\d])|\d+(?:[.,]\d+)?)"
SCALE = r"(?:مليار|مليارات|ملايير|مليون|ملايين|ألف|آلاف|الف)"
CURRENCY = r"(?:درهم|دراهم|الدراهم|الدرهم|د\.م\.?|DH|Dhs|DHS|MAD|dirhams?)"
CLITIC = r"(?P<cl>(?:و|ف)?(?:ب|ل)?)"
DECREE = r"(?<![\d.,/-])\d{1,2}([.-])\d{2}\1\d{1,4}(?![\d]|[.,/-]\d)"


@dataclass
class Span:
    text: str  # Darija written form
    kind: str  # amount | percent | date | range | law | number | entity | acronym | glossary
    source: str
    values: tuple[str, ...] = ()
    entity: str = ""  # gazetteer name, for M4
    glossary: str = ""  # glossary entry id
    definite: bool = True  # glossary: the source term had ال (idafa needs it)
    counted: bool = False  # a count before a noun (drop tanwin after it)


class Spans(list[Span]):
    def add(self, span: Span, clitic: str = "") -> str:
        self.append(span)
        return f" {clitic}⟦{len(self) - 1}⟧ "


def month_name(n: int) -> str:
    return resources().months[n][0]


@lru_cache(maxsize=1)
def _month_alt() -> tuple[str, dict[str, int]]:
    names: dict[str, int] = {}
    for n, (main, other, _fr) in resources().months.items():
        for name in (main, *other):
            names[name] = n
    return "|".join(regex.escape(x) for x in sorted(names, key=len, reverse=True)), names


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    return frozenset(n for n, _k, _fr in resources().gazetteer)


@lru_cache(maxsize=1)
def _gazetteer_rx() -> regex.Pattern[str] | None:
    names = sorted({n for n, _k, _fr in resources().gazetteer}, key=len, reverse=True)
    if not names:
        return None
    alt = "|".join(regex.escape(n) if not n.startswith("ال") else f"(?:ال|(?<=ل)ل){regex.escape(n[2:])}" for n in names)
    return regex.compile(rf"(?<![\p{{L}}⟦]){CLITIC}(?P<name>{alt})(?!\p{{L}})")


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in resources().glossary:
        for t in entry.terms:
            if _rx(r"[A-Z][A-Z0-9]{1,7}").fullmatch(t):
                out[t] = entry.id
    return out


def _amount(m: regex.Match[str], spans: Spans) -> str:
    src = m.group(0)
    vals = canonical_values(src.replace("MDH", " مليون درهم"))
    cur = bool(regex.search(CURRENCY + "|MDH", src))
    if len(vals) != 1 or vals[0].startswith(("date:", "law:")):
        return src
    value = float(vals[0])
    printed = regex.match(r"\d[\d.,]*", src.strip())
    if value < 10000 and value != int(value) and printed and not regex.search(SCALE, src):
        text = printed.group(0).rstrip(".") + (" درهم" if cur else "")  # 174,50 درهم stays as printed
    else:
        text = write_amount(value) + (" درهم" if cur else "")
    return spans.add(Span(text, "amount", src.strip(), (vals[0],), counted=not cur))


def protect(text: str, spans: Spans) -> str:
    """Replace protected spans in normalised MSA text with placeholders."""
    # acronyms known to the glossary (ONEE, INDH...) and unknown ones (kept, flagged)
    acr = _acronyms()

    def acronym(m: regex.Match[str]) -> str:
        a = m.group(0)
        if a in acr:
            return spans.add(Span(a, "glossary", a, glossary=acr[a]))
        return spans.add(Span(a, "acronym", a))

    # decree, dahir and law numbers in three parts (2.26.530, 1.15.83, 2-18-855) are one identifier: never cut,
    # never read as a decimal (the sentence splitter must not see a full stop inside them)
    def decree(m: regex.Match[str]) -> str:
        if is_date_like(m.group(0)):
            return m.group(0)
        return spans.add(Span(m.group(0), "law", m.group(0), ("law:" + m.group(0).replace("-", "."),)))

    text = regex.sub(DECREE, decree, text)
    text = regex.sub(r"\(\s*([A-Z][A-Z0-9]{1,7})\s*\)", r" \1 ", text)
    text = regex.sub(r"(?<![\p{L}\d])[A-Z][A-Z0-9]{1,7}(?![\p{L}\d])", acronym, text)
    gaz = _gazetteer_rx()
    if gaz is not None:
        def entity(m: regex.Match[str]) -> str:
            name = m.group("name")
            if not name.startswith("ال") and m.group("cl").endswith("ل") and ("ال" + name[1:]) in _gazetteer_names():
                name = "ال" + name[1:]  # للمجلس الاقتصادي... = ل + المجلس الاقتصادي...
            return spans.add(Span(name, "entity", m.group(0), entity=name), m.group("cl"))

        text = gaz.sub(entity, text)
    month_alt, month_of = _month_alt()

    def date_words(m: regex.Match[str]) -> str:
        n = month_of[m.group("m")]
        text_ = f"{int(m.group('d'))} {month_name(n)} {m.group('y')}"
        return spans.add(Span(text_, "date", m.group(0), tuple(canonical_values(text_))))

    text = regex.sub(rf"(?<!\d)(?P<d>\d{{1,2}}) (?P<m>{month_alt}) (?:سنة )?(?P<y>\d{{4}})(?!\d)", date_words, text)

    def date_slash_m(m: regex.Match[str]) -> str:
        d, mo, y = int(m.group(1)), int(m.group(3)), m.group(4)
        if not 1 <= mo <= 12 or not 1 <= d <= 31:
            return m.group(0)
        text_ = f"{d} {month_name(mo)} {y}"
        return spans.add(Span(text_, "date", m.group(0), tuple(canonical_values(text_))))

    text = regex.sub(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])", lambda m: date_slash_m(m), text)
    text = regex.sub(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])",  # ISO dates 2024-05-17
                     lambda m: date_slash_m(_rx(r"(\d+)(-)(\d+)-(\d+)").match(f"{m.group(3)}-{m.group(2)}-{m.group(1)}")) if 1 <= int(m.group(2)) <= 12 else m.group(0), text)
    # a phone number (0 first, groups of digits) is kept exactly as printed
    text = regex.sub(r"(?<![\d.,])(?<!\d )0\d{2,3}(?: \d{2,4}){1,4}(?![\d.,])", lambda m: spans.add(Span(m.group(0), "number", m.group(0), tuple(canonical_values(m.group(0))))), text)

    def year_range(m: regex.Match[str]) -> str:
        a, b = m.group("a"), m.group("b")
        return spans.add(Span(f"من {a} حتى {b}", "range", m.group(0), (a, b)))

    text = regex.sub(
        r"(?:(?:ما )?بين (?:سنتي |سنة )?(?P<a>(?:19|20)\d\d) و ?(?:سنة )?(?P<b>(?:19|20)\d\d)"
        r"|(?:من |منذ )?(?:سنة )?(?P<a>(?:19|20)\d\d) ?(?:إلى|الى|حتى) (?:سنة )?(?P<b>(?:19|20)\d\d)"
        r"|(?P<a>(?:19|20)\d\d) ?[-–—/] ?(?P<b>(?:19|20)\d\d))(?!\d)",
        year_range,
        text,
    )

    def clock(m: regex.Match[str]) -> str:  # 15:30 is one time, never cut at the colon
        return spans.add(Span(m.group(0), "number", m.group(0), tuple(canonical_values(m.group(0)))))

    text = regex.sub(r"(?<![\d:])([01]?\d|2[0-3]):[0-5]\d(?![\d:])", clock, text)
    text = regex.sub(r"(?<![\d.,])[%٪]\s?(\d+(?:[.,]\d+)?)(?![\d.,])", r"\1%", text)  # "%10" as printed = 10 %

    def percent(m: regex.Match[str]) -> str:
        n = m.group("n")
        return spans.add(Span(f"{n} ف المية", "percent", m.group(0), (canonical_values(n)[0],)))

    text = regex.sub(rf"(?<![\d.,])(?P<n>{NUM}) ?(?:%|٪|في المائة|في المئة|بالمائة|بالمئة|في المية)", percent, text)
    amount_rx = (
        rf"(?<![\d.,])(?:{NUM} ?{SCALE}?|(?:مليار|مليون))(?: و ?{NUM} ?{SCALE})*"
        rf"(?: ?(?:من )?{CURRENCY}| ?MDH)?(?![\p{{L}}\d])"
    )
    text = regex.sub(
        amount_rx,
        lambda m: _amount(m, spans) if (regex.search(SCALE + "|" + CURRENCY + "|MDH", m.group(0)) or " " in m.group(0).strip()) else m.group(0),
        text,
    )

    def law(m: regex.Match[str]) -> str:
        return spans.add(Span(m.group(1), "law", m.group(1), ("law:" + m.group(1).replace("-", "."),)))

    text = regex.sub(r"(?<![\d.,])(\d{1,3}\.\d{2})(?![\d.,]*\d)", law, text)
    # two-part article and identifier numbers with a hyphen (المادة 11-17 of a finance law): one identifier, as the
    # source writes it (year ranges and dates were taken before)
    text = regex.sub(r"(?<![\d.,/-])(\d{1,3}-\d{1,3})(?![\d.,/-]*\d)", law, text)

    def number(m: regex.Match[str]) -> str:
        src = m.group(0)
        value = parse_number(src)
        label = regex.search(r"(?:^|\s)(?:ص|ص\.|صفحة|الصفحة|عدد|رقم|العدد|الرقم)\s*$", m.string[: m.start()])
        # a page, issue or file number is an identifier, written as printed (ص 10155), never as an amount
        shown = write_amount(value) if value >= 10000 and value == int(value) and not label else src
        return spans.add(Span(shown, "number", src, tuple(canonical_values(src)), counted=True))

    text = regex.sub(rf"(?<![\d.,⟦]){NUM}(?![\d⟧])", number, text)
    return " ".join(text.split())


def restore(text: str, spans: Spans) -> str:
    """Put the Darija forms of the spans back (recursively: a span may contain others)."""
    for _ in range(3):
        new = regex.sub(r"⟦(\d+)⟧", lambda m: spans[int(m.group(1))].text, text)
        if new == text:
            break
        text = new
    return text
