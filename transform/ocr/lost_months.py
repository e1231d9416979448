"""A date read without its month: the line left in doubt, the month never guessed.

A decision's date is often stamped and its month written by hand (the Santé decision's title: ``15`` and ``2023``
stamped in blue, ``مارس`` in pen between them). The stamp pass (``stamps.py``) places the figures both its readings
agree on, and the handwritten month is read by nothing: the line says ``15 2023``. Its line was in doubt on that page
only because tesseract read the title unsure; a title read sure would have reached the review page as sound with a
date missing its month.

Here an OCR'd Arabic line (one no table took) holding a day (1-31) right before a year (1900-2099, or a Hijri year
1300-1499) with nothing between them (no month name, no sign) is put in doubt as a line with a number to check
(``confidence.DIGITS``: "check against the source"). Its text is left as it is: which month was written is not the
reader's to guess. A day and a year joined by a sign (``15/2023``), a list of figures (``12 2023 2024``, a third figure
next to them) and a French line are not dates of that kind. One regular expression per line; no image is looked at.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .confidence import DIGITS

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..ingest.pdf_tables import FoundTable

# a day, blanks, a year; neither touching another figure or a sign that joins figures
_DAY_YEAR = re.compile(r"(?<![\d.,/\-–])(?<!\d\s)\b(0?[1-9]|[12]\d|3[01])\s+((?:19|20|13|14)\d\d)\b(?![.,/\-–]?\d)(?!\s+\d)")
_AR = re.compile("[\u0621-\u064a]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LAT = re.compile("[A-Za-zÀ-ÿ]")


def month_lost(text: str) -> bool:
    """Does an Arabic line's text hold a day right before a year, with no month between them?"""
    return len(_AR.findall(text)) > len(_LAT.findall(text)) and _DAY_YEAR.search(text.translate(_DIGITS)) is not None


def mark_lost_months(lines: list[TextLine], tables: list[FoundTable]) -> int:
    """Put in doubt (``DIGITS``) each line no table took whose date lost its month; returns how many were marked."""
    marked = 0
    for ln in lines:
        if ln.doubt != DIGITS and month_lost(ln.text) and not any(t.took(ln) for t in tables):
            ln.doubt = DIGITS
            marked += 1
    return marked
