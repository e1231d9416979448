"""The first page's titles and the document's levels (passes of :func:`pdf_headings.refine_headings`, split from it).

* **a letterhead** (headings stacked over the first page's largest title, set smaller) is no heading;
* **levels after a title page**: a first page holding nothing but its title (a cover) does not push the document's
  own headings down; the highest heading level used after it is 1, like the cover's title;
* **a cover's fields** are no headings: the name of the issuing state alone (``RÉPUBLIQUE FRANÇAISE``,
  ``المملكة المغربية``: the letterhead's first line, on a cover or over an annexed form), a line or two each giving an
  identifier after its label (``Numéro SIRET : 21660028800015``, ``POSTE COMPTABLE : 066028 ...``), and on the first
  page the year a statement covers (``ANNEE 2024``, ``Exercice 2025``), and a by-line, a past participle and ``par``
  (``Voté par Nature`` / ``BUDGET PRINCIPAL`` under a budget statement's title); they are no body text either, so the first
  page stays a title page (:func:`_cover_levels`);
* **a text's title over its first unit**: a centred line at body weight opening with the kind of an official text,
  right above a legal unit, is a heading.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .pdf_block_kinds import CONTINUES, ENACTING, MAX_HEADING_WORDS, SENTENCE_END, TEXT_TITLE
from .pdf_outline import numbering
from .pdf_title_runs import _ocr, _page

if TYPE_CHECKING:
    from .pdf_blocks import _Group

MASTHEAD = 0.9  # a letterhead line over the first page's title is set smaller than it
COVER_SHARE = 0.8  # share of a title page's characters its headings carry


# the names of states, as a letterhead's first line prints them (compared without accents, in capitals, spaces single)
STATES = frozenset((
    "REPUBLIQUE FRANCAISE", "ROYAUME DU MAROC", "REPUBLIQUE TUNISIENNE", "REPUBLIQUE ALGERIENNE DEMOCRATIQUE ET POPULAIRE",
    "المملكة المغربية", "الجمهورية التونسية", "الجمهورية الجزائرية الديمقراطية الشعبية", "المملكة العربية السعودية",
    "جمهورية مصر العربية",
))
# a field of a cover: a short label, a colon, an identifier (five digits or more first)
_FIELD = re.compile(r"^[^\W\d_][^\d:：]{0,40}\s[:：]\s*\d{5,}(?:\s+\S+){0,4}$")
# the year a statement covers, alone on its line
_PERIOD = re.compile(r"^(?:ANN[EÉ]E|Ann[ée]e|EXERCICE|Exercice|السنة(?: المالية)?|سنة)\s*[:：]?\s*(?:19|20)\d\d$")

# a by-line: a past participle and "par" ("Voté par Nature", "Présenté par le maire", "Financé par ..."): who made the
# document or how it was voted, a field of its cover
_BY_LINE = re.compile(r"^[A-ZÉ][a-zàâçéèêëîïôûü]+(?:é|ée|és|ées|is|ise|it|ite|u|ue|us)\s+par\s+\S")


def _plain(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in t if not unicodedata.combining(c)).upper().split())


def cover_fields(groups: list[_Group]) -> set[int]:
    """The fields of the module docstring: a state's name, identifiers after their labels and, on the first page, the
    year of a statement, read as headings by their size or weight, are paragraphs. Returns the ids of the first page's
    groups so made paragraphs (no body text: the page stays a title page for :func:`_cover_levels`)."""
    first = next((_page(g) for g in groups if g.lines), None)
    fields: set[int] = set()
    for g in groups:
        if g.kind != "heading" or g.legal is not None or not g.lines or len(g.lines) > 2:
            continue
        text = " ".join(ln.text.strip() for ln in g.lines)
        if _plain(text) in STATES or all(_FIELD.match(ln.text.strip()) for ln in g.lines) \
                or (_page(g) == first and len(g.lines) == 1 and _PERIOD.match(text.strip())) or _BY_LINE.match(text):
            g.kind = "paragraph"
            if _page(g) == first:
                fields.add(id(g))
    return fields


def _chars(groups: list[_Group]) -> int:
    return sum(len(ln.text) for g in groups for ln in g.lines)


def _masthead(groups: list[_Group]) -> None:
    """Headings stacked over the first page's largest title, set smaller, with no body text above it (``ROYAUME DU
    MAROC`` over ``BULLETIN OFFICIEL``, an office's name in a sidebar over the sitting's title) are its letterhead."""
    first = next((_page(g) for g in groups if g.lines), None)
    top: _Group | None = None
    for g in groups:
        if not g.lines:
            continue  # a table
        if _page(g) != first:
            break
        if g.kind == "heading" and g.legal is None and (top is None or g.size > top.size):
            top = g
    if top is None or _ocr(top):
        return  # OCR's sizes are estimates: the largest line of a scan is not surely its title
    above: list[_Group] = []
    for g in groups:
        if g is top:
            break
        if g.kind == "heading" and g.legal is None and g.size < MASTHEAD * top.size:
            above.append(g)
        elif g.kind in ("paragraph", "item") and (len(g.lines) > 1 or len(g.text.split()) > MAX_HEADING_WORDS):
            return  # body text before the title: it is no letterhead
    for g in above:
        g.kind = "paragraph"
    k = groups.index(top)
    sub = groups[k + 1] if k + 1 < len(groups) else None
    if (sub is not None and sub.kind == "heading" and sub.legal is None and len(sub.lines) == 1
            and sub.centred and not sub.lines[0].bold and sub.size < MASTHEAD * top.size and _page(sub) == first
            and numbering(sub.text) is None and any(
                g.kind == "paragraph" and len(g.lines) > 1 and _page(g) == first for g in groups[k + 2:])):
        sub.kind = "paragraph"  # the title's subtitle, centred under it at body weight (an edition's name), on a
        # first page that holds body text too (on a title page, the lines under the title are the document's titles)


def _cover_levels(groups: list[_Group], fields: set[int] | frozenset[int] = frozenset()) -> None:
    """A first page that holds nothing but headings (a title page; a speck of scan noise aside) does not push the
    document's own headings down: the headings after it start again at level 1. Without one, the levels in use
    are made to follow each other from 1 (a heading level left empty is a gap for a screen reader's outline),
    and the first heading of the first page, the title, over other headings of its level stands above them: they go one level down (unless one of them is
    written the other way, right to left or left to right: the title again in the document's other language).
    ``fields``: ids of the first page's blocks that are a statement cover's fields (:func:`cover_fields`), no body text."""
    first = next((_page(g) for g in groups if g.lines), None)
    if first is None:
        return
    # a line read at under half the body size on a scan (a garbled letterhead's shadow, a speck) is no body text
    cover = [g for g in groups if g.lines and _page(g) == first and not (_ocr(g) and g.body and all(ln.size < 0.5 * g.body for ln in g.lines))]
    titles = [g for g in cover if g.kind == "heading" and g.legal is None]
    rest = [g for g in groups if g.kind == "heading" and g.legal is None and g.lines and _page(g) != first]
    # the fields are no body text: they count with the titles (a cover of a title, a by-line and a year over the state's
    # name and a commune's)
    held = _chars(titles) + _chars([g for g in cover if id(g) in fields])
    if titles and rest and held >= COVER_SHARE * _chars(cover) and not any(g.legal is not None for g in cover):
        for g in titles:
            g.level = 1
        after = {lv: k + 1 for k, lv in enumerate(sorted({g.level or 1 for g in rest}))}  # from 1, none left empty
        for g in rest:
            g.level = after[g.level or 1]
        return
    used = sorted({g.level or 1 for g in groups if g.kind == "heading" and g.legal is None and g.lines})
    dense = {lv: k + 1 for k, lv in enumerate(used)}  # no level left empty above or between the levels in use
    for g in groups:
        if g.kind == "heading" and g.legal is None and g.lines:
            g.level = dense[g.level or 1]
    title = next((g for g in cover if g.kind == "heading"), None)
    if title is None or title.legal is not None or numbering(title.lines[0].text) is not None:
        return  # a numbered first heading ("1. La disposition ...") is the first of its siblings, not a title
    others = [g for g in groups if g.kind == "heading" and g.legal is None and g.lines and g is not title]
    peers = [g for g in others if (g.level or 1) == (title.level or 1)]
    if others and min(g.level or 1 for g in others) == (title.level or 1) \
            and not any(g.rtl != title.rtl for g in peers):
        for g in others:
            g.level = min(6, (g.level or 1) + 1)


def _title_over_unit(groups: list[_Group]) -> None:
    """A centred line or two at body weight that opens with the kind of an official text (``قانون ...``, ``Loi
    ...``), right above a legal unit on its page, is that text's title (a law printed after the law that
    promulgates it): a heading at the level of the document's other titles of texts (else its bold level)."""
    titles = [g.level or 1 for g in groups if g.kind == "heading" and g.legal is None and g.lines and TEXT_TITLE.match(g.text)]
    for g, nxt in zip(groups, groups[1:], strict=False):
        if (g.kind == "paragraph" and g.legal is None and g.centred and 1 <= len(g.lines) <= 2 and not g.note
                and nxt.kind == "heading" and nxt.legal is not None and nxt.lines and _page(nxt) == g.lines[-1].page
                and TEXT_TITLE.match(g.text) and not SENTENCE_END.search(g.text) and not CONTINUES.search(g.text)
                and not ENACTING.match(g.text.strip()) and len(g.text.split()) <= MAX_HEADING_WORDS):
            g.kind, g.level = "heading", min(titles) if titles else g.bold_level
