"""Legal structure: the units of Moroccan and French legal texts as headings.

A decree, a law or an order is divided into units whose labels open a line of their own:
``الكتاب / القسم / الباب / الفرع / المادة`` and ``Livre / Titre / Chapitre / Section /
Article``, each followed by an ordinal (``الأولى``, ``2``, ``premier``, ``II``, ``1er``,
``مكرر``, ``bis``) and, after a separator, an optional short title
(``الباب الأول: أحكام عامة``, ``Article 49. – Saisine du collège``).

:func:`legal_heading` tells whether a line is such a label and returns its unit's rank;
:func:`levels` turns the ranks found in one document into consistent heading levels (the
highest unit present gets the first level), so a decree that only has ``المادة`` gets its
articles at one level and a law with ``الباب`` and ``المادة`` gets two.

``الفصل`` is a chapter in texts that also number ``المادة`` (under ``الباب`` when the text uses both),
and an article (the older usage of codes and dahirs) in texts that do not: :func:`levels` settles it
per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# canonical ranks: book > part > title > chapter > section > sub-section > article
BOOK, PART, TITLE, CHAPTER, SECTION, SUBSECTION, ARTICLE = range(7)
FASL = 100  # الفصل: a chapter or an article, decided per document (see levels)

AR_UNITS = {"الكتاب": BOOK, "الجزء": PART, "القسم": TITLE, "الباب": CHAPTER, "الفصل": FASL, "الفرع": SECTION, "المادة": ARTICLE,
            "مادة": ARTICLE}  # Egyptian laws: ``مادة (1)``
FR_UNITS = {"livre": BOOK, "partie": PART, "titre": TITLE, "chapitre": CHAPTER, "section": SECTION,
            "sous-section": SUBSECTION, "article": ARTICLE, "art.": ARTICLE}

_AR_ORDINAL = (  # final yeh also as the Egyptian dotless one (``الباب الثانى``)
    "(?:ال)?(?:أول|أولى|ثان[يى]|ثانية|ثالث|ثالثة|رابع|رابعة|خامس|خامسة|سادس|سادسة|سابع|سابعة|ثامن|ثامنة|تاسع|تاسعة|"
    "عاشر|عاشرة|حاد[يى]|حادية|وحيد|وحيدة|فريد|فريدة|أخير|أخيرة|تمهيد[يى]|تمهيدية)(?:\\s+(?:عشر|عشرة))?"
)
# the tens, alone ("المادة العشرون") or after a unit ("المادة الحادية والعشرون", "المادة الثامنة والثلاثون")
_AR_TENS = "(?:ال)?(?:عشرون|عشرين|ثلاثون|ثلاثين|أربعون|أربعين|خمسون|خمسين|ستون|ستين|سبعون|سبعين|ثمانون|ثمانين|تسعون|تسعين|مائة|مئة)"
_AR_ORDINAL = f"(?:{_AR_ORDINAL}(?:\\s+و\\s*{_AR_TENS})?|{_AR_TENS})"
_NUMBER = "(?:[0-9\u0660-\u0669]+(?:[.\\-][0-9\u0660-\u0669]+)*|[IVXLC]+|[A-Z])"
_AR_LABEL = re.compile(
    f"^[«\"“(\\-–—*• ]*({'|'.join(AR_UNITS)})\\s+(?:\\(\\s*)?({_AR_ORDINAL}|{_NUMBER})"
    "(?:\\s*(?:مكرر(?:ة)?(?:\\s*مرتين)?|ثانيا|ثالثا))?(?:\\s*\\)\\s*)?"
    "(?:\\s*[.:\\-–—]+\\s*(?P<title>.*))?$"
)
_FR_ORDINAL = "(?:premier|première|unique|préliminaire|liminaire|1er|1re|ier)"
_FR_LABEL = re.compile(
    f"^[«\"“(\\-–—*• ]*({'|'.join(re.escape(u) for u in sorted(FR_UNITS, key=len, reverse=True))})\\s*({_FR_ORDINAL}|{_NUMBER})"
    "(?:\\s*(?:bis|ter|quater|quinquies))?"
    "(?:\\s*[.:\\-–—]+\\s*(?P<title>.*))?$",
    re.IGNORECASE,
)
# the ordinal written first ("QUATRIÈME PARTIE", "Deuxième titre"): a part, a title or a chapter
_FR_ORDINAL_WORD = "(?:premier|première|premiere|deuxième|deuxieme|second|seconde|troisième|troisieme|quatrième|quatrieme|" \
    "cinquième|cinquieme|sixième|sixieme|septième|septieme|huitième|huitieme|neuvième|neuvieme|dixième|dixieme)"
_FR_ORDINAL_FIRST = re.compile(
    f"^{_FR_ORDINAL_WORD}\\s+(livre|partie|titre|chapitre)(?:\\s*[.:\\-–—]+\\s*(?P<title>.*))?$", re.IGNORECASE)
MAX_TITLE_WORDS = 16
# what every label above starts with, looked for on the text as given (before its spaces are made one): the
# signs a label may open with (and any space), then a unit word or, for the ordinal written first, an ordinal
# word; most lines fail here at once instead of in each of the three patterns after the text is re-spaced
_MAY_BE_LABEL = re.compile(
    f"^[«\"“(\\-–—*•\\s]*(?:{'|'.join(AR_UNITS)}|(?i:{'|'.join(re.escape(u) for u in FR_UNITS)}|{_FR_ORDINAL_WORD[3:-1]}))"
)
_SENTENCE_END = re.compile(r"[;,،؛]\s*$")
# a title ending on a sum (``Art. 002 - Report à nouveau : 1 542 121,54€``): an item of a list of amounts, no unit's title
_AMOUNT_END = re.compile(r"\d,\d\d\s*(?:€|euros?)?$|€$")


@dataclass(frozen=True)
class LegalLabel:
    rank: int  # a canonical rank, or FASL
    unit: str  # the unit word as printed (lower case for French)
    title: str  # what follows the separator ("" when the label stands alone)


def legal_heading(text: str) -> LegalLabel | None:
    """The legal unit a line opens, when the line is a unit label (with at most a short title)."""
    if not _MAY_BE_LABEL.match(text):
        return None
    text = " ".join(text.split())
    if not text or len(text) > 200:
        return None
    m = _AR_LABEL.match(text)
    if m:
        unit = m.group(1)
        rank = AR_UNITS[unit]
    else:
        m = _FR_LABEL.match(text)
        # "QUATRIÈME PARTIE", "Deuxième titre": the unit word ends the label, which opens with a capital
        first = None if m or not text[0].isupper() else _FR_ORDINAL_FIRST.match(text)
        if m is None and first is None:
            return None
        m = m or first
        unit = m.group(1).lower()
        rank = FR_UNITS[unit]
        if first is None and unit != "art." and not text[m.start(1) + len(unit):][:1].isspace():
            return None  # "Articles", "Titres": the unit word needs a space before its number
    title = (m.group("title") or "").lstrip(" .:-–—").rstrip()
    if len(title.split()) > MAX_TITLE_WORDS or _SENTENCE_END.search(title):
        return None  # a sentence that goes on, not a heading
    if _AMOUNT_END.search(title):
        return None  # a budget article's line and its amount
    return LegalLabel(rank, unit, title)


def fasl_rank(ranks: set[int]) -> float:
    """Where ``الفصل`` stands among the ranks of one text: an article where no ``المادة`` is numbered; under
    ``الباب`` where both are used (``الباب الأول`` / ``الفصل الأول`` / ``الفرع`` / ``المادة``); else a chapter."""
    if ARTICLE not in ranks:
        return ARTICLE
    return CHAPTER + 0.5 if CHAPTER in ranks else CHAPTER


def levels(ranks: set[int], first: int = 1) -> dict[int, int]:
    """Heading level of each rank present in a document, from ``first`` down (at most 6)."""
    fasl = fasl_rank(ranks)
    resolved = {fasl if r == FASL else r for r in ranks}
    order = sorted(resolved)
    out = {r: min(6, first + order.index(r)) for r in order}
    if FASL in ranks:
        out[FASL] = out[fasl]  # type: ignore[index]
    return {r: lv for r, lv in out.items() if r in ranks}
