"""A French date stamp's day and month: ``2 3 MARS 2023``, its day letter-spaced, read whole by both models.

A préfecture's blue date stamp prints the day in spaced figures, the month in capitals and the year
(``2 3 MARS 2023``). ``stamps.read_all`` reads the stamp whole, four times with each model (``eng``, ``fra``), and
keeps the numbers both agree on: a number is two digits or more, so only the year is kept, and the line read
``Fait à Vesoul, le 2023``. Yet the readings said more: ``eng`` read ``2 3 MARS 2023`` four times of four, ``fra``
``2 3 MARS`` three times of four (once ``À 3 MARS``).

:func:`spaced_date` takes such a stamp's readings: in each reading, a French month's name (in capitals or not, full
or shortened as stamps print it: ``MARS``, ``JANV.``, ``DÉC``), the figures just before it joined (one or two tokens
of one or two digits: the spaced day) and the four digits just after it. A day and a month are kept only when
half the readings **of each model** or more give them (the two-model rule of ``stamps.read_all``), the day 1-31,
and the year is the one the stamp's agreed numbers hold (``ink.is_year``); the stamp's figures become
``[day, MONTH, year]`` as read (the month as most readings spell it). The line stays ``digits_disagree``: a stamped
date always goes to the reviewer. Arabic stamps (their month in ruq'a, ``stamp_months.py``) have no Latin month
and are left as they were.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# French months as stamps print them, accents and case aside, a final dot aside
MONTHS = {
    "JANVIER": 1, "JANV": 1, "FEVRIER": 2, "FEVR": 2, "FEV": 2, "MARS": 3, "AVRIL": 4, "AVR": 4, "MAI": 5,
    "JUIN": 6, "JUILLET": 7, "JUIL": 7, "AOUT": 8, "SEPTEMBRE": 9, "SEPT": 9, "OCTOBRE": 10, "OCT": 10,
    "NOVEMBRE": 11, "NOV": 11, "DECEMBRE": 12, "DEC": 12,
}
_DIGITS = re.compile(r"^[0-9]{1,2}$")


def month_of(token: str) -> int | None:
    """The month a token names (see MONTHS), else None."""
    plain = "".join(c for c in unicodedata.normalize("NFD", token.rstrip(".,")) if not unicodedata.combining(c))
    return MONTHS.get(plain.upper())


def parse(tokens: list[str]) -> tuple[str, str, str] | None:
    """(day, month as read, year) of one reading of a stamp, else None."""
    at = next((i for i, t in enumerate(tokens) if month_of(t)), None)
    if at is None or at + 1 >= len(tokens):
        return None
    day, k = "", at
    while k > 0 and _DIGITS.match(tokens[k - 1]) and len(day) + len(tokens[k - 1]) <= 2 and at - k < 2:
        day = tokens[k - 1] + day
        k -= 1
    year = tokens[at + 1].rstrip(".,")
    if not day or not (1 <= int(day) <= 31) or not (len(year) == 4 and year.isdigit()):
        return None
    return day, tokens[at], year


def _half(values: list, rs: list) -> set:
    counts = Counter(values)
    return {v for v, c in counts.items() if v is not None and 2 * c >= len(rs)}


def spaced_date(readings: dict[str, list[list[str]]], figures: list[str]) -> list[str] | None:
    """The stamp's figures as ``[day, month, year]`` when its readings give a French date (see the module doc), the
    year among ``figures`` (the numbers both models agreed on); else None."""
    from .ink import is_year

    years = [f for f in figures if is_year(f)]
    if len(years) != 1 or not readings or not all(readings.values()):
        return None
    days: set[str] | None = None
    months: set[int] | None = None
    spelt: Counter[str] = Counter()
    for rs in readings.values():
        parsed = [parse(r) for r in rs]
        pairs = [(p[0], month_of(p[1])) if p else None for p in parsed]
        d = _half([p[0] if p else None for p in pairs], rs)
        m = _half([p[1] if p else None for p in pairs], rs)
        days = d if days is None else days & d
        months = m if months is None else months & m
        spelt.update(p[1] for p in parsed if p)
    if not days or not months or len(days) != 1 or len(months) != 1:
        return None
    day, month = days.pop(), months.pop()
    name = next(s for s, _c in spelt.most_common() if month_of(s) == month)
    return [day, name, years[0]]
