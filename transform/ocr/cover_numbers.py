"""Numbers of a journal cover's rate box and subscription panel that tesseract reads with a wrong sign.

**A telephone number's one comma among its points, made a point.**

French and Moroccan telephone numbers are printed as five pairs of digits after a ``0``, points between them
(``05.37.76.54.13``). On a 200 ppi bilevel cover (BO 5952 bis p. 1, the subscription panel) the third point of one
of them came out a comma (``05.37,76.54.13``): the binarised point grew a tail. A token of exactly that form, five
pairs from a ``0`` with four signs between them of which one only is a comma, is a telephone number whatever the
line says (a decimal comma never stands between pairs of digits on both sides of points), and its comma is given
back as the point the others are. No digit is changed or added.

**A subscription's year read as a letter.** The rate box's period headers are ``6 mois`` and ``1 an``; printed small
and bold, the ``1`` of ``1 an`` comes out ``l`` glued to its word (``lan``, ``Lan``). ``lan`` is no French word (``l'an``
has its apostrophe): right after a period in months (``6 mois``, a column rule ``|`` between them or not) it is the
next period, ``1 an``. Over every tesseract answer of the corpus' OCR'd pages it fires on that cover's two readings.
"""

from __future__ import annotations

import re

PHONE = re.compile(r"(?<![\d.,])0\d(?:[.,]\d\d){4}(?![\d,]|\.\d)")


YEAR = re.compile(r"(\b[0-9]{1,2} ?mois(?: ?\|)? ?)[lLI]an\b")


def year_period(text: str) -> str:
    """``6 mois lan`` -> ``6 mois 1 an``: a subscription's year after its months (module docstring)."""
    return YEAR.sub(r"\g<1>1 an", text) if "an" in text and "mois" in text else text


def comma_phones(text: str) -> str:
    """``text`` with a telephone number's one comma among points made a point (module docstring)."""
    if "," not in text:
        return text

    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        return tok.replace(",", ".") if tok.count(",") == 1 else tok

    return PHONE.sub(fix, text)
