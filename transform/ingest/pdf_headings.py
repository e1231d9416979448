"""PDF headings that the size ranks miss or cut, and their levels (run once the groups are checked).

:mod:`pdf_block_kinds` decides headings block by block: a larger size, a short bold block at
body size, a legal unit. What it cannot see from one block alone is settled here, from the
blocks around it:

* **a title printed on several bold lines** that grouping cut apart (a title whose third
  line is set off by its underline or its centring, a title in a narrow sidebar) is one
  heading, and so is a numbered title whose full first line was taken for a paragraph and one
  cut where its size changes (:mod:`pdf_title_joins`);
* **a bold line set apart, at body size or a little smaller** (minutes whose item titles
  are printed in a frame at 11 pt over 12-pt text): one to two bold lines, spaced off the
  blocks above and below, that do not end like a sentence, are a heading (two such lines that grouping cut apart
  where a numbered title's second line hangs under its words are joined first: ``_cut_bold_pairs``);
* **a bold line in capitals over a plain paragraph** that grouping ran into the paragraph
  (``2020-047 REDEVANCE POUR OCCUPATION ...`` / ``A ce jour, ...``) is that paragraph's
  heading;
* never headings: a bold line that ends on a word that cannot end a title (``Direction
  Finances et``, ``في``; on an OCR'd page, which tells no weight, any line: a letter's ``إلـــى``), and a bold sentence of seven words or more that ends with a
  colon without a number in front (``Les tarifs sont fixés selon ... :`` introduces a list;
  ``1/ Pacte ... :`` and ``Questions diverses :`` title their part);
* **an underlined line** (a scan's item titles and a notice's parts, seen on the page image by
  :func:`transform.ocr.weight.mark_underlines`): one or two underlined lines, or a bulleted item
  underlined, of a few words that do not end a sentence with a full stop, are a heading (not the end
  of a sentence underlined for stress, opening in lower case; not a bilingual form's row, Arabic and
  French on one line; not a form's field or a list's item, ending on ``من:`` or ``؛``);
* **an underlined line on a text layer** (:mod:`pdf_underlines` finds the rule drawn under it): the same, but an
  underlined lead-in in body type that ends with a colon (``Rappel :``, ``Les tarifs sont fixés selon ... :``) stays
  text; bold and underlined, a title that introduces its list (``... تقوم على:``) is a heading;
* never headings either: a formula set in bold (``Tarif horaire = Taux horaire x ...``), the enacting formula OCR read
  with a grave (``À DECIDE CE QUI SUIT :``), a heading at body weight of LONG_LEAD_IN words or more ending with a colon,
  and one set less than PLAIN_SENTENCE times the body that ends with a full stop (a law's closing ``Fait à Alger, le
  ...`` and its signature, set a point larger);
* never a heading: a line on a text layer that opens a round bracket the next block closes (a definition's term cut
  at the line's end, :func:`pdf_heading_drops.drop_open_brackets`);
* never a heading: an OCR'd line under a form's grid over a blank to fill in (a box's label,
  :func:`pdf_heading_drops.drop_box_labels`);
* **a numbered part's title in capitals over a title in small letters**, grouped as one block (``I – INFORMATIONS
  GÉNÉRALES ...`` / ``Bilan synthétique ...``): two headings;
* a bold line set apart counts a table above or under it as space;
* the first page's letterhead, the levels after a title page and a text's title over its first unit are
  settled by :mod:`pdf_page_titles`; a report's part titles under its title pages and a title set in two sizes by
  :mod:`pdf_body_top`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..structure.legal import ARTICLE, FASL
from .pdf_block_kinds import (
    CONTINUES,
    FULL_STOP,
    MAX_HEADING_WORDS,
    SENTENCE_END,
    _leader,
)
from .pdf_body_top import body_parts, kicker_titles
from .pdf_caps_parts import caps_parts
from .pdf_display_titles import bold_leads, bullet_runs, comma_titles, key_figures, picture_titles, side_by_side
from .pdf_heading_drops import (
    _ARABIC,
    _LATIN,
    _OPEN_END,
    _WORD3,
    _all_bold,
    _drop_noise,
    _drop_open_ended,
    _drop_plain_sentences,
    drop_abbreviation_keys,
    drop_asides,
    drop_blanks,
    drop_bold_among_bold,
    drop_box_labels,
    drop_dash_terms,
    drop_dated_lines,
    drop_open_brackets,
    drop_signatures,
    drop_stated_sentences,
    drop_totals,
    drop_unsure_short,
)
from .pdf_heading_forms import form_headings
from .pdf_labels import annex_titles, ocr_annex_titles, series_labels
from .pdf_not_heads import drop_field_lines
from .pdf_numbered_heads import (
    decimal_subheads,
    restarted_series,
    split_bold_titles,
    split_group_titles,
    split_numbered_lines,
)
from .pdf_outline import numbering, opens_decimal, outline_levels
from .pdf_page_titles import _cover_levels, _masthead, _title_over_unit, cover_fields
from .pdf_panel_lines import contents_entries, panel_lines
from .pdf_quoted_heads import quoted_heads
from .pdf_title_joins import join_continued, join_full_line, join_title_lines
from .pdf_title_runs import (
    _NUMBERED,
    MIN_CONFIDENCE,
    _baseline,
    _ocr,
    _page,
    ocr_titles,
)

if TYPE_CHECKING:
    from .base import TextLine
    from .pdf_blocks import _Group

# a title does not end on an article, a preposition or a conjunction: the line goes on elsewhere
_LETTER = re.compile(r"[^\W\d_]")
_BULLET = re.compile(r"^[•◦▪●■‣∙]\s*(?=\S)")  # bullet glyphs (not a dash: "- Axes 2 et 3 ..." titles a part)
MAX_UNDERLINED_WORDS = 20  # an underlined line longer than this is a sentence stressed, not a title
MIN_CAPS = 0.6
CAPS_TITLE = 0.9  # a title in capitals (a numbered part's)
SMALL_HEAD = 0.65  # a bold line between body paragraphs set down to this share of the body is a sub-heading


def _run_in_articles(groups: list[_Group]) -> None:
    """An article's label whose "title" is a sentence that introduces what follows (``المادة الخامسة: يتكون ملف
    الترشيح من الوثائق التالية:``, five words or more ending with a colon), printed in the body's weight: the run-in
    label of the article's first paragraph, as one ending with a full stop is."""
    for g in groups:
        lab = g.legal
        if g.kind == "heading" and lab is not None and lab.rank in (ARTICLE, FASL) and len(g.lines) == 1 \
                and not g.lines[0].bold and len(lab.title.split()) >= 5 and lab.title.rstrip().endswith((":", "：")):
            g.kind, g.legal = "paragraph", None


def _bulleted(groups: list[_Group]) -> list[_Group]:
    """A heading whose first line opens with a bullet (``• Exécution du Budget ...`` set a size larger), right over a
    list's items (its sub-bullets): items of that list, one from each of its lines that opens with a bullet, the bullets
    taken off as a list item's are. So is a one-line bulleted heading on a text layer right over a paragraph (a slide's
    ``• Monde : la croissance ...`` set a size larger over its paragraphs: the bullet says list item, as the truth
    pages write it); one over headings (``■ تعليق`` over its parts) titles them."""
    from .pdf_block_group import _Group, _with_text

    out: list[_Group] = []
    for i, g in enumerate(groups):
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        if not (g.kind == "heading" and g.legal is None and g.lines and _BULLET.match(g.lines[0].text)
                and nxt is not None and nxt.lines and nxt.lines[0].page == g.lines[-1].page
                and (nxt.kind == "item" or (nxt.kind == "paragraph" and len(g.lines) == 1 and not _ocr(g)))):
            out.append(g)  # a bulleted heading over headings titles them ("■ تعليق" over its parts)
            continue
        for ln in g.lines:
            if _BULLET.match(ln.text):
                out.append(_Group(kind="item", lines=[], size=g.size, rtl=g.rtl, indent=g.indent, body=g.body,
                                  bold_level=g.bold_level))
                ln = _with_text(ln, _BULLET.sub("", ln.text, count=1))
            out[-1].lines.append(ln)
    return out


def refine_headings(groups: list[_Group]) -> list[_Group]:
    """The passes of the module docstring, in order; returns the new list of groups."""
    groups = ocr_titles(groups)
    _run_in_articles(groups)
    groups = _split_bold_lead(groups)
    groups = _split_numbered_caps(groups)
    groups = split_numbered_lines(groups)
    groups = split_group_titles(split_bold_titles(groups))
    groups = _cut_bold_pairs(groups)
    _set_apart_bold(groups)
    _underlined(groups)
    caps_parts(groups)
    decimal_subheads(groups)
    groups = annex_titles(series_labels(groups))
    groups = ocr_annex_titles(groups)
    picture_titles(groups)
    groups = comma_titles(side_by_side(groups))
    groups = join_title_lines(groups)
    groups = join_continued(join_full_line(groups))
    groups = _bulleted(groups)
    groups = bullet_runs(groups)
    groups = key_figures(groups)
    _drop_open_ended(groups)
    drop_open_brackets(groups)
    _drop_plain_sentences(groups)
    bold_leads(groups)
    _drop_noise(groups)
    drop_signatures(groups)
    drop_dated_lines(groups)
    drop_stated_sentences(groups)
    drop_bold_among_bold(groups)
    drop_totals(groups)
    drop_blanks(groups)
    drop_box_labels(groups)
    drop_unsure_short(groups)
    drop_dash_terms(groups)
    drop_abbreviation_keys(groups)
    drop_asides(groups)
    quoted_heads(groups)
    groups = form_headings(groups)
    panel_lines(groups)
    contents_entries(groups)
    fields = cover_fields(groups)
    _masthead(groups)
    outline_levels(groups)
    restarted_series(groups)
    _cover_levels(groups, fields)
    _title_over_unit(groups)
    body_parts(groups)
    kicker_titles(groups)
    drop_field_lines(groups)  # after the levels: a field's size still ranks the document's heading sizes
    leader = [bool(g.lines) and _leader(g.lines[-1].text) for g in groups]
    for i, g in enumerate(groups):
        if g.kind == "heading" and g.legal is None and g.lines and (
                leader[i] or (i + 1 < len(groups) and leader[i + 1] and groups[i + 1].kind == "paragraph"
                              and groups[i + 1].lines[0].page == g.lines[-1].page)):
            g.kind = "paragraph"  # a contents entry (dot leaders and a page number), or its first lines, is no heading
    return groups


def _caps_share(text: str) -> float:
    letters = _LETTER.findall(text)
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _split_bold_lead(groups: list[_Group]) -> list[_Group]:
    """A paragraph whose first line is bold capitals and whose other lines are plain: that line heads it."""
    from .pdf_blocks import _Group

    out: list[_Group] = []
    for g in groups:
        first = g.lines[0] if g.lines else None
        if (g.kind == "paragraph" and first is not None and len(g.lines) >= 2 and first.bold
                and not any(ln.bold for ln in g.lines[1:]) and g.size >= 0.85 * (g.body or g.size)
                and len(first.text.split()) >= 3 and not SENTENCE_END.search(first.text) and not CONTINUES.search(first.text)
                and _caps_share(first.text) >= MIN_CAPS):
            head = _Group(kind="heading", lines=[first], size=g.size, rtl=g.rtl, level=g.bold_level, centred=g.centred,
                          body=g.body, bold_level=g.bold_level)
            g.lines = g.lines[1:]
            g.centred = False
            out.extend([head, g])
            continue
        out.append(g)
    return out


def _split_numbered_caps(groups: list[_Group]) -> list[_Group]:
    """A heading of two lines whose first is a numbered part's title in capitals (``I – INFORMATIONS GÉNÉRALES ET
    SYNTHÉTIQUES``) and whose second opens with a capital in small letters (``Bilan synthétique (en milliers
    d'euros)``): the part's title and the title of the statement under it, two headings (the first one level up)."""
    from .pdf_block_group import _Group

    out: list[_Group] = []
    for g in groups:
        if (g.kind == "heading" and g.legal is None and len(g.lines) == 2 and numbering(g.lines[0].text) is not None
                and _caps_share(g.lines[0].text) >= CAPS_TITLE and _caps_share(g.lines[1].text) < MIN_CAPS
                and g.lines[1].text.strip()[:1].isupper() and numbering(g.lines[1].text) is None
                and not SENTENCE_END.search(g.lines[0].text) and not CONTINUES.search(g.lines[0].text)
                and g.lines[0].text.strip().rsplit(None, 1)[-1].lower() not in _OPEN_END):
            level = g.level or g.bold_level or 1
            out.append(_Group(kind="heading", lines=[g.lines[0]], size=g.size, rtl=g.rtl, level=max(1, level - 1),
                              centred=g.centred, body=g.body, bold_level=g.bold_level))
            g.lines = g.lines[1:]
        out.append(g)
    return out


def _gap_above(groups: list[_Group], i: int) -> float | None:
    """Baseline distance from the block before (None: it is on another page or there is none)."""
    g = groups[i]
    if i == 0 or not groups[i - 1].lines or _page(groups[i - 1]) != _page(g):
        return None
    return _baseline(g.lines[0]) - _baseline(groups[i - 1].lines[-1])


def _body_paragraph(g: _Group | None, page: int) -> bool:
    """A paragraph of body text on ``page``: at the body's size, not all bold."""
    return g is not None and g.kind == "paragraph" and g.legal is None and bool(g.lines) and _page(g) == page \
        and abs(g.size - g.body) <= 0.5 and not _all_bold(g)


def _between_body(groups: list[_Group], i: int) -> bool:
    """A one-line block, not centred, with body paragraphs of its page right above and under it, the one under it of
    two lines or more (the text it titles)."""
    g = groups[i]
    page = _page(g)
    nxt = groups[i + 1] if i + 1 < len(groups) else None
    return len(g.lines) == 1 and not g.centred and i > 0 and _body_paragraph(groups[i - 1], page) \
        and _body_paragraph(nxt, page) and nxt is not None and len(nxt.lines) >= 2


def _cut_bold_pairs(groups: list[_Group]) -> list[_Group]:
    """Two one-line bold paragraphs of one size a little smaller than the body, at line spacing on one page, spaced off
    the blocks around them as a pair, the first not ending a sentence: one title of two lines that grouping cut where its
    second line starts further in (a report's ``2.1.2.`` title, its words hung under its number), one block again (so
    :func:`_set_apart_bold` reads them as one heading)."""
    out: list[_Group] = []
    i = 0
    while i < len(groups):
        g = groups[i]
        n = groups[i + 1] if i + 1 < len(groups) else None
        if (n is not None and g.kind == n.kind == "paragraph" and g.legal is None and n.legal is None and not g.note
                and not n.note and len(g.lines) == len(n.lines) == 1 and _all_bold(g) and _all_bold(n) and g.size == n.size
                and g.rtl == n.rtl and 0.85 * g.body <= g.size < g.body and _page(g) == _page(n)
                and 0 < _baseline(n.lines[0]) - _baseline(g.lines[0]) <= 1.6 * g.size
                and not SENTENCE_END.search(g.lines[0].text) and not CONTINUES.search(g.lines[0].text)
                and _hung(g.lines[0], n.lines[0], g.rtl) and not _leader(n.lines[0].text.strip())):
            above = _gap_above(groups, i) if i and groups[i - 1].lines else None
            below = _gap_above(groups, i + 2) if i + 2 < len(groups) and groups[i + 2].lines else None
            if (above is None or above >= 1.5 * g.size) and (below is None or below >= 1.5 * g.size) and (above, below) != (None, None):
                g.lines = g.lines + n.lines
                g.flush_end = False
                out.append(g)
                i += 2
                continue
        out.append(g)
        i += 1
    return out


def _hung(first: TextLine, second: TextLine, rtl: bool) -> bool:
    """Does ``first`` open with a section number and ``second`` start further in (its words hung under the title's
    words, past the number)?"""
    t = first.text.strip()
    if numbering(t) is None and not opens_decimal(t):
        return False
    inset = first.x1 - second.x1 if rtl else second.x0 - first.x0
    return inset >= 0.5 * first.size


def _set_apart_bold(groups: list[_Group]) -> None:
    """One or two bold lines a little smaller than the body, spaced off the blocks around them: a heading. So is one
    bold line set smaller still (SMALL_HEAD times the body), not centred, between two paragraphs of body text (a
    report's lowest sub-heading in a small coloured type, ``• استنزاف الموارد ...`` in 10 pt over 14-pt text); a
    centred one is a caption."""
    for i, g in enumerate(groups):
        if g.kind != "paragraph" or g.legal is not None or not _all_bold(g) or len(g.lines) > 2 or g.note:
            continue
        if not (0.85 * g.body <= g.size < g.body or (SMALL_HEAD * g.body <= g.size < g.body and _between_body(groups, i))) \
                or g.flush_end:
            continue
        text = g.text
        words = len(text.split())
        if not 3 <= words <= MAX_HEADING_WORDS or SENTENCE_END.search(text) or CONTINUES.search(text):
            continue
        apart = 1.5 * g.size
        above = apart if i and not groups[i - 1].lines else _gap_above(groups, i)  # a table above or under it sets it apart
        below = (apart if not groups[i + 1].lines else _gap_above(groups, i + 1)) if i + 1 < len(groups) else None
        if (above is None or above >= apart) and (below is None or below >= apart) and (above, below) != (None, None):
            g.kind, g.level = "heading", g.bold_level


def _underlined(groups: list[_Group]) -> None:
    """One or two lines underlined whole (a paragraph, or a bulleted item: ``• عند الترشح للامتحان المهني :``) of
    two to MAX_UNDERLINED_WORDS words not ending with a full stop: a heading at the bold heading level."""
    for g in groups:
        if g.kind not in ("paragraph", "item") or g.legal is not None or g.note or not g.lines or len(g.lines) > 2 \
                or not all(ln.underline for ln in g.lines):
            continue
        text = g.text
        if text[:1].islower() or min((ln.confidence for ln in g.lines if ln.confidence is not None), default=1.0) < MIN_CONFIDENCE:
            continue  # the end of a sentence underlined for stress ("... en situation" / "d'alerte :"), or noise OCR read unsure
        if len(_ARABIC.findall(text)) >= 2 and len(_LATIN.findall(text)) >= 2:
            continue  # Arabic and French on one line: the row of a bilingual form, its cells ruled under
        if _translated_beside(g, groups):
            continue  # ...or on one row: a bilingual letterhead's line, its translation printed beside it
        words = text.rstrip(" :：").split()
        titled = _all_bold(g) and not _ocr(g)  # bold too, on a text layer: two cues (".. التنوع البيولوجي، تقوم على:")
        if text.rstrip().endswith((";", "؛")) or (words and words[-1].lower() in _OPEN_END and not titled):
            continue  # a form's field ("يستفيد السيد (ة) من:" over its line to fill in) or a list's item ("... ؛")
        if text.rstrip().endswith((":", "：")) and not _NUMBERED.match(text.strip()) and not _all_bold(g) and not _ocr(g):
            continue  # a lead-in underlined in body type ("Rappel :", "Les tarifs sont en effet fixés selon ... :")
        if 2 <= len(text.split()) <= MAX_UNDERLINED_WORDS and not FULL_STOP.search(text) and _WORD3.search(text):
            g.kind, g.level = "heading", g.bold_level


def _translated_beside(g: _Group, groups: list[_Group]) -> bool:
    """Does a line in the other script (Arabic beside Latin) stand on the row of ``g``'s first line, apart from it
    (the French block of a letterhead beside its Arabic block, an OCR'd page's row split at the emblem between them)?"""
    first = g.lines[0]
    arabic = len(_ARABIC.findall(g.text)) > len(_LATIN.findall(g.text))
    for other in groups:
        for ln in other.lines if other is not g else ():
            if ln.page != first.page or min(ln.bottom, first.bottom) - max(ln.top, first.top) <= 0.5 * min(
                    ln.bottom - ln.top, first.bottom - first.top) or min(ln.x1, first.x1) > max(ln.x0, first.x0):
                continue
            if (len(_ARABIC.findall(ln.text)) > len(_LATIN.findall(ln.text))) != arabic and len(ln.text.split()) >= 2:
                return True
    return False
