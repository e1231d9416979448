"""Labels of a document's series of tables, states and annexes set above their titles (run by
:func:`transform.ingest.pdf_headings.refine_headings`, before titles are joined and levels read).

A finance law prints its tables and states under a bare label: ``الجدول -ج-`` over ``(المادة 45)`` and the
budget title ``الباب الثاني ...``; ``ETAT « G »`` over ``PRELEVEMENTS OBLIGATOIRES ...``. Such a label, on a line
of its own and just above a heading of its page, is a heading too:

* over a legal unit (or with one short line in brackets between them, the article that brings the table in), it is
  a heading of its own at the bold heading level, above the unit;
* over another heading on its axis, it is that heading's first line (the state's letter and its name are one title).

An annex's bare label goes on with the line under it that names the text it is annexed to (``الملحق رقم II`` /
``بالقرار المشترك لوزير الداخلية ...``, ``Annexe 2`` / ``à l'arrêté ...``): one heading, as the annex's full title.
On an OCR'd page, which tells no weight, a paragraph that opens with the label and the text annexed to on one line
(``Annexe I à l'arrêté du ministre ... fixant ...``; ``ملحق المرسوم رقم ...``, the text named with its article), with
the lines just under it that go on with it (opening in small letters: ``et de la carte professionnelle ...``), is that
title too; so is such a paragraph read by OCR from a picture of text on a text-layer page (its lines carry OCR's
confidence).

:func:`transform.ingest.pdf_outline.numbering` reads such labels as a numbering (``series``), so the states of one
law are siblings, one level under the heading that introduces them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import ANNEX

if TYPE_CHECKING:
    from .pdf_blocks import _Group

# a bare label of a series: its kind, then a letter or a number, maybe in quotes, brackets or dashes
SERIES = re.compile(r"^(?:ETAT|Etat|État|TABLEAU|Tableau|الجدول|جدول)(?:\s*[«\"“(\-–]\s*|\s+)(?:[A-Z]|[0-9]{1,3}|[أبجدهوزحطيكلمنسعفصقرشت])"
                    r"\s*[»\"”)\-–]?\s*$")
# the complement of an annex's label: "to the order ...", "to the decree ..."
ANNEXED_TO = re.compile(r"^(?:بال|لل|ب|ل)(?:قرار|مرسوم|ظهير|قانون|منشور|مقرر)|^(?:à l['’]|au |à la )(?:arrêté|décret|loi|dahir|décision|circulaire)",
                        re.IGNORECASE)
# on the label's line, the text annexed to may take the article: "ملحق المرسوم رقم ..." (the decree's annex)
_ANNEXED_TO_LINE = re.compile(r"^ال(?:قرار|مرسوم|ظهير|قانون|منشور|مقرر)")
# an annex's label followed, on its line, by the text it is annexed to
ANNEX_LEAD = re.compile(r"^(?:(?:ال)?ملحق(?:\s+(?:رقم\s*)?[0-9\u0660-\u0669IVX]+)?|annexe(?:\s+(?:n°\s*)?[0-9IVXT]{1,4})?)\s*[:：\-–]?\s+",
                        re.IGNORECASE)  # OCR may read II as IT
MAX_ANNEX_WORDS = 60
MAX_ANNEX_LINES = 8  # an annex's label and the title of the text it is annexed to
GAP = 2.5  # sizes from the label's baseline to its heading's
NAME_GAP = 3.5  # sizes from the label's baseline to its name's, right under it on its axis (``ETAT « H »`` / ``DEPENSES FISCALES``)
AXIS = 2.0  # sizes between the centres of the label and its heading


def _baseline(g: _Group, last: bool = False) -> float:
    ln = g.lines[-1] if last else g.lines[0]
    return float(getattr(ln, "baseline", 0.0) or ln.bottom)


def _axis(g: _Group) -> float:
    return (g.lines[0].x0 + g.lines[0].x1) / 2


def _bracketed(g: _Group) -> bool:
    t = g.text.strip()
    return g.kind == "paragraph" and len(g.lines) == 1 and t[:1] in "()" and t[-1:] in "()" and len(t.split()) <= 4


def series_labels(groups: list[_Group]) -> list[_Group]:
    """The labels of the module docstring; returns the new list of groups."""
    out: list[_Group] = []
    skip: set[int] = set()
    for i, g in enumerate(groups):
        if i in skip:
            continue
        out.append(g)
        if g.kind not in ("paragraph", "heading") or g.legal is not None or len(g.lines) != 1 or not SERIES.match(g.text.strip()):
            continue
        k = i + 1
        if k < len(groups) and groups[k].lines and _bracketed(groups[k]):
            k += 1  # "(المادة 45)" between the label and the unit
        nxt = groups[k] if k < len(groups) else None
        if nxt is None or nxt.kind != "heading" or not nxt.lines or nxt.lines[0].page != g.lines[0].page:
            continue
        size = max(g.size, nxt.size, 1.0)
        prev = groups[k - 1]
        gap = GAP if nxt.legal is not None or k > i + 1 else NAME_GAP
        if not 0 < _baseline(nxt) - _baseline(prev, last=True) <= gap * size or abs(_axis(nxt) - _axis(g)) > AXIS * size:
            continue
        if nxt.legal is not None:
            if g.kind != "heading":
                g.kind, g.level = "heading", g.bold_level
        elif k == i + 1 and nxt.rtl == g.rtl:
            g.lines.extend(nxt.lines)  # one title: the label and the name under it
            g.kind, g.level = "heading", nxt.level or g.level or g.bold_level
            g.centred = g.centred or nxt.centred
            skip.add(k)
    return out


def annex_titles(groups: list[_Group]) -> list[_Group]:
    """An annex's bare label (a heading) and the lines under it that name the text it is annexed to: one heading."""
    out: list[_Group] = []
    for g in groups:
        h = out[-1] if out else None
        if (h is not None and h.kind == "heading" and h.legal is None and len(h.lines) == 1 and ANNEX.match(h.text.strip())
                and g.kind in ("heading", "paragraph") and g.legal is None and not g.note and g.lines
                and g.lines[0].page == h.lines[0].page and len(g.lines) < MAX_ANNEX_LINES and h.rtl == g.rtl
                and 0 < _baseline(g) - _baseline(h, last=True) <= GAP * max(h.size, g.size, 1.0)
                and ANNEXED_TO.match(g.text.strip())):
            h.lines.extend(g.lines)
            continue
        out.append(g)
    return out


def _ocr_annex_head(g: _Group) -> bool:
    """An OCR'd paragraph opening with an annex's label and the text it is annexed to (on a text-layer page, one read
    from a picture of text, whose lines carry OCR's confidence)."""
    if g.kind != "paragraph" or g.legal is not None or g.note or not g.lines or len(g.lines) >= MAX_ANNEX_LINES \
            or (hasattr(g.lines[0], "baseline") and g.lines[0].confidence is None):
        return False  # a text layer's lines carry their baseline: there the title's weight tells it
    text = g.text.strip()
    m = ANNEX_LEAD.match(text)
    rest = text[m.end():] if m is not None else ""
    return m is not None and (ANNEXED_TO.match(rest) is not None or _ANNEXED_TO_LINE.match(rest) is not None) \
        and len(text.split()) <= MAX_ANNEX_WORDS and not text.endswith((".", ":", "：", ";", "؛"))


def ocr_annex_titles(groups: list[_Group]) -> list[_Group]:
    """The OCR'd annex titles of the module docstring: one heading at the bold heading level each."""
    out: list[_Group] = []
    title: _Group | None = None
    for g in groups:
        if (title is not None and g.kind == "paragraph" and g.legal is None and not g.note and g.lines
                and g.lines[0].page == title.lines[-1].page and len(title.lines) + len(g.lines) <= MAX_ANNEX_LINES
                and 0 < _baseline(g) - _baseline(title, last=True) <= GAP * max(title.size, g.size, 1.0)
                and g.text.strip()[:1].islower()):
            title.lines.extend(g.lines)
            continue
        title = None
        if _ocr_annex_head(g):
            g.kind, g.level, title = "heading", g.bold_level, g
        out.append(g)
    return out
