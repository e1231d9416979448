"""The names a stamped month can carry, and the month a reading names (issue 17; :mod:`stamp_months`).

A closed vocabulary: the Gregorian months as Moroccan texts spell them, the Mashriq and the French-derived (Algerian,
Tunisian) spellings, and the Hijri months. A reading is compared with each spelling letter by letter, both levelled
(hamza seats, ta marbuta, alif maqsura, the Persian forms a model may put out, spaces): twice their longest common
subsequence over their lengths. A reading names a month only when it has three letters or more, is close to one of
its spellings (:data:`LEAST`) and clearly closer to it than to any other month's (:data:`MARGIN`). The Syriac names
of the Levant (``آب``, ``أيار``...) are no answer: no stamp of the corpus's offices carries them, and their short
names draw any short misreading (with them, ``ايا`` on NARSA's pale stamp named ``أيار`` and ``باب`` ``آب``). The four
that share a word with a Hijri month (``تشرين الأول``, ``كانون الثاني``...) stay as competitors (:data:`DECOYS`): a
reading nearest one of them, or as near one as to a month, names nothing.
"""

from __future__ import annotations

# month number (Gregorian 1-12, Hijri 101-112) -> its spellings (the first is written when the readings tie)
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "جانفي"),
    2: ("فبراير", "فيفري"),
    3: ("مارس",),
    4: ("ابريل", "أبريل", "أفريل"),
    5: ("ماي", "مايو"),
    6: ("يونيو", "جوان"),
    7: ("يوليوز", "يوليو", "جويلية"),
    8: ("غشت", "أغسطس", "أوت"),
    9: ("شتنبر", "سبتمبر"),
    10: ("أكتوبر",),
    11: ("نونبر", "نوفمبر"),
    12: ("دجنبر", "ديسمبر"),
    101: ("محرم",), 102: ("صفر",), 103: ("ربيع الأول",), 104: ("ربيع الآخر", "ربيع الثاني"),
    105: ("جمادى الأولى",), 106: ("جمادى الآخرة", "جمادى الثانية"), 107: ("رجب",), 108: ("شعبان",),
    109: ("رمضان",), 110: ("شوال",), 111: ("ذو القعدة",), 112: ("ذو الحجة",),
}
# Syriac names sharing a word with a Hijri month's: never written, but a reading as close to one of them as to a
# month names nothing (drawn in print faces, ``تشرين الأول`` was read near ``ربيع الأول``)
DECOYS = ("كانون الثاني", "تشرين الأول", "تشرين الثاني", "كانون الأول")
LEAST = 0.75  # a reading names a month when its likeness to one of its spellings is at least this
MARGIN = 0.15  # and this much over every other month's
MIN_LETTERS = 3  # a reading of fewer letters names nothing (``اي`` is part of many names)

_NORM = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ہ": "ه",
                       "ء": None, "ـ": None, " ": None})


def normal(text: str) -> str:
    """Arabic letters only, hamza seats, ta marbuta, alif maqsura and the Persian forms levelled."""
    return "".join(ch for ch in text.translate(_NORM) if "\u0621" <= ch <= "\u064a")


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def likeness(a: str, b: str) -> float:
    """Twice the longest common subsequence of two levelled words over their lengths (0 to 1)."""
    return 2 * _lcs(a, b) / (len(a) + len(b)) if a and b else 0.0


_LEVELLED = {m: tuple(normal(s) for s in names) for m, names in MONTHS.items()}
_DECOYS = {-k - 1: (normal(s),) for k, s in enumerate(DECOYS)}  # negative keys: never a month


def nearest(reading: str) -> int | None:
    """The month a reading names (see the module's doc), or None."""
    r = normal(reading)
    if len(r) < MIN_LETTERS:
        return None
    ranked = sorted(((max(likeness(r, s) for s in names), m) for m, names in (_LEVELLED | _DECOYS).items()),
                    reverse=True)
    (top, best), (second, _m) = ranked[0], ranked[1]
    return best if best > 0 and top >= LEAST and top - second >= MARGIN else None


def votes(readings: list[str]) -> dict[int, int]:
    """How many readings name each month."""
    out: dict[int, int] = {}
    for r in readings:
        if (m := nearest(r)) is not None:
            out[m] = out.get(m, 0) + 1
    return out
