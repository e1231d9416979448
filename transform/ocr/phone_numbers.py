"""A telephone number's one comma among its points, read by tesseract on a small bold face, made a point.

French and Moroccan telephone numbers are printed as five pairs of digits after a ``0``, points between them
(``05.37.76.54.13``). On a 200 ppi bilevel cover (BO 5952 bis p. 1, the subscription panel) the third point of one
of them came out a comma (``05.37,76.54.13``): the binarised point grew a tail. A token of exactly that form, five
pairs from a ``0`` with four signs between them of which one only is a comma, is a telephone number whatever the
line says (a decimal comma never stands between pairs of digits on both sides of points), and its comma is given
back as the point the others are. No digit is changed or added.
"""

from __future__ import annotations

import re

PHONE = re.compile(r"(?<![\d.,])0\d(?:[.,]\d\d){4}(?![\d,]|\.\d)")


def comma_phones(text: str) -> str:
    """``text`` with a telephone number's one comma among points made a point (module docstring)."""
    if "," not in text:
        return text

    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        return tok.replace(",", ".") if tok.count(",") == 1 else tok

    return PHONE.sub(fix, text)
