"""Per-language word choices used by :mod:`transform.lang.speakable`.

A verbaliser turns parsed numbers into words in one narration language. The
parsing (what is an amount, a date, a law number) lives in ``speakable.py`` and
is shared by all languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import numbers_ar, numbers_ary, numbers_fr


@dataclass(frozen=True)
class Verbaliser:
    lang: str
    point: str  # separator of law/decree number groups: 111.14
    percent: str
    currency: str  # dirham, generic form
    range_from: str
    range_to: str
    number_word: str  # n° -> numéro / رقم

    def cardinal(self, n: int, *, counted: bool = False, year: bool = False) -> str:
        raise NotImplementedError

    def decimal(self, int_part: int, frac: str) -> str:
        raise NotImplementedError

    def digits(self, s: str) -> str:
        raise NotImplementedError

    def month(self, m: int) -> str:
        raise NotImplementedError

    def date(self, d: int, m: int, y: int) -> str:
        return f"{self.cardinal(d)} {self.month(m)} {self.cardinal(y, year=True)}"

    def money(self, value: int | None, words: str, *, scaled: bool) -> str:
        """``words`` already says the number; add the currency word."""
        return f"{words} {self.currency}"

    def identifier(self, groups: list[str]) -> str:
        """Law and decree numbers, read group by group: ``111.14`` -> ``cent onze point quatorze``."""
        return f" {self.point} ".join(self._group(g) for g in groups)

    def _group(self, g: str) -> str:
        if len(g) > 1 and g.startswith("0"):
            return self.digits(g)
        return self.cardinal(int(g))


class FrenchVerbaliser(Verbaliser):
    def cardinal(self, n: int, *, counted: bool = False, year: bool = False) -> str:
        return numbers_fr.cardinal(n)

    def decimal(self, int_part: int, frac: str) -> str:
        return numbers_fr.decimal(int_part, frac)

    def digits(self, s: str) -> str:
        return numbers_fr.digits(s)

    def month(self, m: int) -> str:
        return numbers_fr.MONTHS[m - 1]

    def date(self, d: int, m: int, y: int) -> str:
        day = "premier" if d == 1 else numbers_fr.cardinal(d)
        return f"{day} {self.month(m)} {numbers_fr.cardinal(y)}"

    def money(self, value: int | None, words: str, *, scaled: bool) -> str:
        if value is not None and value >= 10**6 and value % 10**6 == 0:
            return f"{words} de dirhams"
        if value == 1:
            return f"{words} dirham"
        return f"{words} dirhams"

    def ordinal(self, n: int, feminine: bool) -> str:
        return numbers_fr.ordinal(n, feminine)


class ArabicVerbaliser(Verbaliser):
    _ACC_TO_SING = {"مليونا": "مليون", "ألفا": "ألف", "مليارا": "مليار"}

    def cardinal(self, n: int, *, counted: bool = False, year: bool = False) -> str:
        return numbers_ar.cardinal(n, "obl" if year else "nom")

    def decimal(self, int_part: int, frac: str) -> str:
        return numbers_ar.decimal(int_part, frac)

    def digits(self, s: str) -> str:
        return numbers_ar.digits(s)

    def month(self, m: int) -> str:
        return numbers_ar.MONTHS[m - 1]

    def money(self, value: int | None, words: str, *, scaled: bool) -> str:
        # the counted noun agrees with the last part of the number (classical tamyiz)
        if value is None:
            return f"{words} {self.currency}"
        if value % 1000 == 0:  # "خمسون مليون درهم": the scale word takes the noun (idafa)
            head, _, last = words.rpartition(" ")
            last = self._ACC_TO_SING.get(last, last)
            return f"{head} {last} درهم".strip()
        if value == 1:
            return "درهم واحد"
        if value == 2:
            return "درهمان"
        last2 = value % 100
        if 3 <= last2 <= 10:
            return f"{words} دراهم"
        if 11 <= last2 <= 99:
            return f"{words} درهما"
        return f"{words} درهم"


class DarijaVerbaliser(Verbaliser):
    def cardinal(self, n: int, *, counted: bool = False, year: bool = False) -> str:
        return numbers_ary.cardinal(n, counted=counted)

    def decimal(self, int_part: int, frac: str) -> str:
        return numbers_ary.decimal(int_part, frac)

    def digits(self, s: str) -> str:
        return numbers_ary.digits(s)

    def month(self, m: int) -> str:
        return numbers_ary.MONTHS[m - 1]


FR = FrenchVerbaliser("fr", "point", "pour cent", "dirhams", "de", "à", "numéro")
AR = ArabicVerbaliser("ar", "نقطة", "في المائة", "درهم", "من", "إلى", "رقم")
ARY = DarijaVerbaliser("ary", "نقطة", "ف المية", "درهم", "من", "حتى", "رقم")
VERBALISERS: dict[str, Verbaliser] = {"fr": FR, "ar": AR, "ary": ARY}


def verbaliser_for(lang: str) -> Verbaliser | None:
    """The verbaliser of a BCP-47 tag (``ar-MA`` -> MSA, ``ary`` -> Darija), or None."""
    tag = lang.lower()
    if tag in VERBALISERS:
        return VERBALISERS[tag]
    return VERBALISERS.get(tag.split("-")[0])
