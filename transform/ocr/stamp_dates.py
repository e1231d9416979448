"""A stamped date's month the two models did not agree on, settled by the same date the document prints elsewhere
(issue 17).

stamp_months.py writes a date stamp's month only when ``ara`` and ``Arabic`` both name it firmly; ``ara`` alone is
no witness (it reads three of the corpus's five ruq'a ``مارس`` as ``ماي``), so a band one model names and the other
does not, or names otherwise, is left with its day and year (``10 2023``) and the months either model named firmly
(``Stamp.named``), its line in doubt. A decision prints its date more than once: in its title and under its
signature (MTEDD: p. 1's stamp ``10 مارس 2023``, p. 2's signature stamp ``10 2023`` where ``Arabic`` names ``مارس``
14 times and ``ara`` names ``ماي``). Once every page is read (:func:`settle_document`, from pages.read_pages), a
waiting date takes the month another line of the document prints between the same day and year, when that month is
one a model named for the band and no other month is so printed; the month is written as the document spells it.
The line stays in doubt (a stamped date always goes to the reviewer). Nothing is searched in a document without
such a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .month_names import MONTHS, normal

if TYPE_CHECKING:
    from ..ingest.base import TextLine

_SPELLINGS = {m: {normal(s) for s in names} for m, names in MONTHS.items()}


def waiting(ln: Any) -> list[tuple[list[str], tuple[int, ...]]]:
    """The line's stamped dates waiting for a month: (its two figures in the text's order, the months named)."""
    if not hasattr(ln, "stamp_months"):
        ln.stamp_months = []
    return ln.stamp_months  # type: ignore[no-any-return]


def _same(a: str, b: str) -> bool:
    return a == b or (a.isdigit() and b.isdigit() and int(a) == int(b))


def _month(word: str, named: tuple[int, ...]) -> int | None:
    w = normal(word)
    return next((m for m in named if w in _SPELLINGS[m]), None)


def printed_months(pages: Sequence[Sequence[TextLine]], pair: list[str], named: tuple[int, ...]) -> dict[int, str]:
    """The months of ``named`` the document prints between the figures of ``pair`` (in the text's order), each with
    its spelling as printed; a month of another name so printed is listed under -1."""
    found: dict[int, str] = {}
    for lines in pages:
        for ln in lines:
            toks = ln.text.split()
            for i in range(len(toks) - 2):
                if _same(toks[i], pair[0]) and _same(toks[i + 2], pair[1]) and not toks[i + 1][:1].isdigit():
                    m = _month(toks[i + 1], named)
                    if m is not None:
                        found.setdefault(m, toks[i + 1])
                    elif _month(toks[i + 1], tuple(MONTHS)) is not None:
                        found[-1] = toks[i + 1]
    return found


def settle_document(pages: Sequence[Sequence[TextLine]]) -> int:
    """Write the waiting stamped months the document vouches for (see the module doc); returns how many."""
    pending = [ln for lines in pages for ln in lines if getattr(ln, "stamp_months", None)]
    done = 0
    for ln in pending:
        for pair, named in ln.stamp_months:  # type: ignore[attr-defined]
            found = printed_months(pages, pair, named)
            if len(found) != 1 or -1 in found:
                continue
            text = ln.text.split()
            at = next((i for i in range(len(text) - 1) if text[i:i + 2] == pair), None)
            if at is not None:
                ln.text = " ".join([*text[:at + 1], next(iter(found.values())), *text[at + 1:]])
                done += 1
        ln.stamp_months = []  # type: ignore[attr-defined]
    return done
