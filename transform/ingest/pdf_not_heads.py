"""Lines set like headings that are fields of a page, not titles (the last pass of :func:`pdf_headings.refine_headings`
but one, after the levels: a field's size still takes its rank among the document's heading sizes).

A short label whose only value is a date, a reference number or a unit is a field of a cover, a notice or a table,
whatever its size and weight (the convention of ``tests/realdocs/README.md``: a table's caption is a paragraph):

* a **date field**: ``Publiée le : 18 février 2014`` -- a label of up to three words without a digit, a colon, and a
  date written with its month's name, the line's end (a noun phrase then a bare date, ``CR du conseil municipal 21
  janvier 2022``, is a meeting's title; a cover's dated line without a colon, ``صيغة محينة بتاريخ ...``, is left:
  demoting it moved the levels the document's heading sizes rank);
* a **reference field**: ``إحالة ذاتية رقم 2025/88`` -- a label without a digit, ``n°``/``رقم`` and a number with a
  slash, dot or dash in it, the line's end;
* a **unit field**: ``Unité : DA``, ``Unité : milliers de DH``, ``الوحدة : درهم``;
* a **formula**: ``Tarif journée (sans repas) = Revenu mensuel* x taux d’effort correspondant`` -- words on either
  side of an equals sign set apart by spaces, boxed and bold under a paragraph that announces it.

An official text's title (``Décret n° ...``, ``مرسوم رقم ...``), a legal heading and a numbered title keep their form
and are left alone: their label is a title's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import ANNEX_HEAD, TEXT_TITLE
from .pdf_title_runs import _NUMBERED

if TYPE_CHECKING:
    from .pdf_blocks import _Group

_MONTH = (r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
          r"يناير|فبراير|مارس|أبريل|ابريل|ماي|مايو|يونيو|يوليو|يوليوز|غشت|أغسطس|شتنبر|سبتمبر|أكتوبر|نونبر|نوفمبر|دجنبر|ديسمبر)")
_DAY = r"(?:1er|[0-9]{1,2})"
_LABEL = r"[^\W\d][^\d:：\s]*(?:\s+[^\d:：\s]+){0,2}?"  # a short label: up to three words, no digit in it
# "Publiée le : 18 février 2014", "صيغة محينة بتاريخ 22 أبريل 2010"
_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)\s+)?"
# what sets a date apart as a label's value: a colon, after a dating word or not (``Publiée le :``); a noun phrase then
# a date without one (``CR du conseil municipal 21 janvier 2022``, ``Séance publique du lundi ...``) is left alone
_DATING = r"(?:\s+(?:le|du|en\s+date\s+du|بتاريخ|في|يوم))?\s*[:：]\s*"
DATE_FIELD = re.compile(r"^" + _LABEL + _DATING + _WEEKDAY + _DAY + r"\s+" + _MONTH + r"\s+[0-9]{4}\s*$", re.IGNORECASE)
# "إحالة ذاتية رقم 2025/88", "Saisine n° 12/2024"
REFERENCE_FIELD = re.compile(r"^" + _LABEL + r"\s(?:رقم|n°|no|n\.)\s*[:：]?\s*[0-9]+(?:[/.\-][0-9]+)+\s*$", re.IGNORECASE)
# "Unité : DA", "Unité : milliers de DA", "(En milliers de DH)", "الوحدة : درهم"
UNIT_FIELD = re.compile(r"^\(?\s*(?:unit[ée]s?(?:\s+mon[ée]taire)?\s*[:：]|en)\s*(?:milliers?\s+de\s+|millions?\s+de\s+)?"
                        r"(?:DA|DH|MDH|DZD|MAD|dinars?|dirhams?|euros?|€)\s*\)?\s*$"
                        r"|^\(?\s*الوحدة\s*[:：]\s*(?:ألف\s+|مليون\s+)?(?:درهم|دينار|دج)\s*\)?\s*$", re.IGNORECASE)

FORMULA = re.compile(r"[^\W_][^=]*\s=\s+[^\W_]")  # "Tarif journée ... = Revenu mensuel* x taux d’effort"


def field_line(text: str) -> bool:
    """True when ``text`` (one heading's text, spaces squeezed) is a date, reference or unit field or a formula, not a title."""
    if TEXT_TITLE.match(text) or ANNEX_HEAD.match(text) or _NUMBERED.match(text):
        return False
    return bool(DATE_FIELD.match(text) or REFERENCE_FIELD.match(text) or UNIT_FIELD.match(text)
                or FORMULA.search(text))


def drop_field_lines(groups: list[_Group]) -> None:
    """Headings that are a date, reference or unit field or a formula (module docstring) become paragraphs."""
    for g in groups:
        if g.kind == "heading" and g.legal is None and g.lines and field_line(" ".join(g.text.split())):
            g.kind = "paragraph"
