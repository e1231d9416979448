"""Amounts of a kept earlier OCR's layer that cannot be what the page prints.

A French amount is printed in groups of three digits with a decimal comma (`1 216 147,42 €`): a first group of one to
three digits, then groups of exactly three, then two cents. An earlier OCR's layer misreads such amounts in two ways our
word checks (foreign_layer.suspect_words) did not see, and a blind reader cannot tell a wrong amount:

* *a letter inside the amount* (`7T9,41`, `TT9,4€` for `779,41€`): a token holding a decimal comma between digits'
  places, with both digits and letters before or after it;
* *malformed digit groups* (`109 28,32` for `109 218,32`, `1216 147,42` for `1 216 147,42`): a token of cents whose
  integer part has fewer than three digits right after a group of digits (a group was cut short), or a group of four
  or more digits right before a three-digit group with cents (a space was lost); both only on an amount in euros
  (`€` or `euros` after its cents), since a table row read as one line sets a count or a year before a rate
  (`1947 35,04`, `Boite de 10 85,30`).

:func:`suspect_amounts` returns such tokens; foreign_layer puts their line in doubt, as for a misread word. Only the
kept foreign layers are judged so (decide.py calls the doubt measure on invisible layers only): a font's text layer
prints its amounts as they were typed.
"""

from __future__ import annotations

import re

_EDGE = re.compile(r"^[\"'“”‘’«»(\[{<:;+-]+|[\"'“”‘’«»)\]}>.,;:?!€]+$")
_CENTS = re.compile(r"^(\d{1,3}),\d{2}€?$")  # a group with its cents (`28,32`, `147,42€`)
_GROUP = re.compile(r"^\d+$")
_MIXED = re.compile(r"^(?=[^,]*\d|.*,\d)(?=.*[A-Za-z])[\dA-Za-z]{1,3},[\dA-Za-z]{1,2}€?$")  # `7T9,41`, `TT9,4€`


def suspect_amounts(text: str) -> list[str]:
    """The tokens of one layer line that make an amount no page prints (see the module docstring)."""
    tokens = text.split()
    out: list[str] = []
    for k, raw in enumerate(tokens):
        word = _EDGE.sub("", raw)
        if not word:
            continue
        if _MIXED.match(word) and re.search(r"\d", word):
            out.append(raw)
            continue
        cents = _CENTS.match(word)
        if not cents or k == 0:
            continue
        prev = _EDGE.sub("", tokens[k - 1])
        if prev != tokens[k - 1] or not _GROUP.match(prev):
            continue  # the previous token ends a phrase (`2024,`) or is no digit group
        euro = raw.rstrip(".,;:)").endswith("€") or (k + 1 < len(tokens) and tokens[k + 1].rstrip(".,;:") in ("€", "euros"))
        if euro and (len(cents.group(1)) < 3 or len(prev) >= 4):
            out.append(raw)
    return out
