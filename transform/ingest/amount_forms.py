"""Amounts as tables print them, read as numbers (issue 17, for :mod:`table_sums`).

French ``1 234,56`` and ``1.234,56``, English ``1,234.56``, Arabic-Indic digits with the Arabic decimal and
thousands separators (``٣٤٥٫٥``), a currency sign or code before or after (``€``, ``DH``, ``د.م.``), negatives
in brackets or with a minus; a blank cell or a dash is ``"blank"``, a percentage ``"percent"``, anything else
(words, a date, a dotted code, two numbers, an amount misread into a shape no amount has) None. Which mark is
the decimal one is decided for the whole table (:func:`decimal_mark`): ``1.250`` is a thousand and a quarter
in a French table, one and a quarter in an English one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789,\u066c")
_TRANSLATED = re.compile("[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]")  # a character _DIGITS changes
_SPACE = re.compile(r"[\s\u00a0\u202f\u2009\u066c']+")
_CURRENCY = re.compile(r"^(?:€|\$|DH|Dhs?|MAD|DA|DZD|EUR|د\.?\s?م\.?|درهم|دينار)\s*|\s*(?:€|\$|DH|Dhs?|MAD|DA|DZD|EUR|د\.?\s?م\.?|درهم|دينار|k€|M€)$",
                       re.IGNORECASE)
_BLANK = {"", "-", "–", "—", "−", "/", "néant", "-   -", "..", "…"}
_DECIMALS = re.compile(r"(?<=\d)([.,])\d{1,2}(?![\d.,])")  # a number's last mark and one or two digits
_SPACED = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?")  # 1 234 567,89
_ANY_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d[\d.,]*")
_GROUPED = {m: re.compile(r"\d{1,3}(?:" + re.escape(m) + r"\d{3})+") for m in ".,"}  # 1.234.567 or 1,234,567


class Amount(NamedTuple):  # a tuple: compared in C with the strings a cell may hold instead ("blank", "percent")
    value: Decimal
    decimals: int


def decimal_mark(texts: Iterable[str]) -> str:
    """The table's decimal mark: ``,`` unless more of its numbers end with ``.`` and one or two digits."""
    text = " ".join(texts)
    found = _DECIMALS.findall(text.translate(_DIGITS) if _TRANSLATED.search(text) else text)
    return "." if 2 * found.count(".") > len(found) else ","


@lru_cache(maxsize=8192)  # a table repeats its amounts (``0,00``, the same total twice): read each form once
def parse_amount(text: str, dec: str = ",") -> Amount | str | None:
    """The amount a cell holds; ``"blank"`` for an empty cell or a dash, ``"percent"`` for a percentage,
    None for anything that is not one number (words, a date, a code, two numbers)."""
    t = text.strip()
    if not t:
        return "blank"
    if not (_ANY_DIGIT.search(t) if t.isascii() else any(ch.isdigit() for ch in t)):  # words (most cells of a table of text): no number to read
        return "blank" if t.lower() in _BLANK else None
    if not t.isascii():  # NFKC and the digit table change nothing in ASCII
        t = unicodedata.normalize("NFKC", t).translate(_DIGITS).strip().replace("\u2212", "-")
    if "%" in t:
        return "percent" if _ANY_DIGIT.search(t) else None
    t = _CURRENCY.sub("", t).strip()
    neg = False
    if t.startswith("(") and t.endswith(")"):
        neg, t = True, t[1:-1].strip()
    if t[:1] in "-–" or t[-1:] == "-":
        neg, t = True, t.strip("-– ")
    t = _SPACE.sub(" ", t)
    if _SPACED.fullmatch(t):
        t = t.replace(" ", "")
    if not _NUMBER.fullmatch(t) or t[-1] in ".,":
        return None
    other = "." if dec == "," else ","
    marks = [ch for ch in t if ch in ".,"]
    if len(set(marks)) == 2:
        last = t.rfind(dec) > t.rfind(other)
        if not last or t.count(dec) > 1:
            return None
        whole, frac = t.rsplit(dec, 1)
        if not _GROUPED[other].fullmatch(whole):
            return None
        whole = whole.replace(other, "")
    elif marks and (len(marks) > 1 or (marks[0] != dec and re.fullmatch(r"\d{1,3}[.,]\d{3}", t))):
        if not _GROUPED[marks[0]].fullmatch(t):
            return None
        whole, frac = t.replace(marks[0], ""), ""
    elif marks:
        whole, frac = t.split(marks[0])
    else:
        whole, frac = t, ""
    try:
        value = Decimal(f"{whole}.{frac}" if frac else whole)
    except InvalidOperation:
        return None
    return Amount(-value if neg else value, len(frac))


def show(value: Decimal, places: int, like: str) -> str:
    """``value`` written as the total is (French ``1 234,56`` unless the total uses ``,`` for thousands)."""
    english = bool(re.search(r"\d,\d{3}(?!\d)", like)) and not re.search(r"\d,\d{1,2}$", like.strip())
    text = f"{abs(value):,.{places}f}"
    text = text if english else text.replace(",", " ").replace(".", ",")
    return f"-{text}" if value < 0 else text
