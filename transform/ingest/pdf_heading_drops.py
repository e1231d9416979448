"""The passes of :func:`pdf_headings.refine_headings` that take the heading kind away from blocks that are no
titles: a bold line that ends on a word no title ends on, a long lead-in ending with a colon, a formula, the enacting
formula read by OCR with a grave, a sentence set a point larger, a form's box label over its blank, and noise (the invocation, a logo's letters, a line in
a script the document hardly uses). Split from :mod:`pdf_headings` (its docstring lists the rules).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import ANNEX_HEAD, ENACTING, FULL_STOP, TEXT_TITLE
from .pdf_title_runs import _NUMBERED, MUCH_LARGER, _ocr

if TYPE_CHECKING:
    from .pdf_blocks import _Group

_OPEN_END = frozenset("et ou de des du la le les à au aux en pour par sur avec dans d' l' d’ l’ و في من على إلى عن أو ب".split())
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")  # a letter that is not a Latin one
_WORD3 = re.compile(r"(?:[^\W\d_][\u064b-\u065f\u0670]*){3}")  # a word of three letters (Arabic vowel marks aside)
_NOT_ALNUM = re.compile(r"[^\w\s\u064b-\u065f\u0670]|_")  # a sign: neither a letter, a digit, a vowel mark nor a space
_MARKS = re.compile(r"[\u064b-\u065f\u0670]")  # Arabic vowel marks
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_FORMULA = re.compile(r"\w\s*=\s*\w")  # words on both sides of an equals sign
# a French finite verb that makes a line a sentence, not a title (the auxiliaries and modals of a lead-in)
_FR_VERB = re.compile(r"(?<![\w'’-])(?:est|sont|sera|seront|peut|peuvent|doit|doivent)(?![\w'’-])")
INVOCATION = re.compile(r"^بسم\s+الله\s+الرحمن\s+الرحيم\W*$")
LONG_LEAD_IN = 12  # words of a heading at body weight ending with a colon: a sentence that introduces what follows
PLAIN_SENTENCE = 1.3  # a heading at body weight set less than this many times the body and ending with a full stop is a sentence
NOISE_LETTERS = 0.6  # a heading is mostly letters and digits
FOREIGN_SHARE = 0.05  # a document this little written in Latin letters has no heading in them
STRAY_LETTERS = 3  # a few Arabic letters in the heading of a document in Latin letters: a logo's noise


def _all_bold(g: _Group) -> bool:
    return bool(g.lines) and all(ln.bold for ln in g.lines)


def _drop_open_ended(groups: list[_Group]) -> None:
    """A bold heading (or an OCR'd one, which tells no weight) that ends on a word no title ends on, a
    long bold sentence ending with a colon, or a formula: a paragraph."""
    for g in groups:
        if g.kind != "heading" or g.legal is not None or not g.lines:
            continue
        end = g.lines[-1].text.strip()  # the joined text is not needed: its last line and its word count
        first = g.lines[0].text.strip()
        if ENACTING.match(first[:1].replace("À", "A") + first[1:]):
            g.kind = "paragraph"  # the enacting formula, its A read À by OCR ("À DECIDE CE QUI SUIT :")
            continue
        if not _all_bold(g):
            words = end.split()
            if _ocr(g) and words and words[-1].lower() in _OPEN_END:
                g.kind = "paragraph"  # an OCR'd line ending on a linking word: a letter's ``إلـــى`` over its addressee
                continue  # (its stretched tatweel read as an underline: OCR's underlines do not make it a title)
            if end.endswith((":", "：")) and sum(len(ln.text.split()) for ln in g.lines) >= LONG_LEAD_IN \
                    and not _NUMBERED.match(first) and not any(ln.underline for ln in g.lines):
                g.kind = "paragraph"  # a long sentence introducing what follows, set larger ("ART. 2.-—Les citoyens ... :")
            continue
        last = end.rstrip(" :：").rsplit(None, 1)[-1].lower() if end.rstrip(" :：") else ""  # "كما تم تعديله ب:" leads in
        underlined = all(ln.underline for ln in g.lines) and not _ocr(g) \
            and not _FR_VERB.search(" ".join(ln.text for ln in g.lines))  # bold and underlined on a text layer: a title, even one introducing a list
        # (not a French sentence stressed, its verb in it: "Les tarifs peuvent être ... classés selon la typologie suivante :")
        if (last in _OPEN_END and not (underlined and end.endswith((":", "：")))) or last.endswith(("d'", "l'", "d’", "l’")):
            g.kind = "paragraph"
        elif end.endswith((":", "：")) and sum(len(ln.text.split()) for ln in g.lines) >= 7 \
                and not _NUMBERED.match(g.lines[0].text.strip()) and not underlined:
            g.kind = "paragraph"
        elif any(_FORMULA.search(ln.text) for ln in g.lines):
            g.kind = "paragraph"  # a formula set in bold ("Tarif horaire = Taux horaire x Revenu ..."): no title


def _drop_plain_sentences(groups: list[_Group]) -> None:
    """A heading by its size alone, at body weight and set less than PLAIN_SENTENCE times the body, that ends with a
    full stop: a sentence of a passage set a point larger (a law's closing ``Fait à Alger, le ... 2024.`` and its
    signature ``Abdelmadjid TEBBOUNE.``), not a title."""
    for g in groups:
        if (g.kind == "heading" and g.legal is None and g.lines and not any(ln.bold for ln in g.lines) and not _ocr(g)
                and g.body and g.size < PLAIN_SENTENCE * g.body and FULL_STOP.search(g.lines[-1].text)):
            g.kind = "paragraph"


# a signature: a given name and a surname in capitals ("Max LEVITA", "Jean-Paul ALDUY", "Mme Anne DUPONT")
_SIGNATURE = re.compile(r"^(?:(?:M\.|Mme|Mlle|Monsieur|Madame)\s+)?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+(?:-[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+)?"
                        r"(?:\s+[A-Z\u00c0-\u00de]{2,}(?:[-'\u2019][A-Z\u00c0-\u00de]{2,})*){1,2}\s*$")


# a blank to fill in between words: dots (what OCR leaves of a dotted line) with a word after them
_BLANK = re.compile(r"\S\s*(?:\.\s?){2,}.*[^\W\d_]")
# a form's addressee to fill in: ``السيد (ة)``, the gender mark in brackets, which OCR reads as a digit (``السيد (5)``)
# once the blank's dots beside it are whitened with the leader (ocr/leaders.py)
_FORM_ADDRESSEE = re.compile(r"(?<!\S)(?:[وفب]?ال|[وف]?لل)?سيد\s*\(\s*[ة\d٠-٩]\s*\)")


def drop_blanks(groups: list[_Group]) -> None:
    """An OCR'd heading by its size alone (not centred, not much larger than the body) holding a blank to fill in
    between its words (``يستفيد السيد (6) .. 204 - راحة أسبوعية ...``, a form's sentence read a size larger) or the
    addressee's gender mark to fill in (``يستفيد السيد (5) 204``, its dots whitened with the leader): a form's line, a
    paragraph. A model's title set much larger keeps its blanks (``Motion de la commune de ... ou ...``)."""
    for g in groups:
        if g.kind == "heading" and g.legal is None and g.lines and _ocr(g) and not g.centred and g.body \
                and g.size < MUCH_LARGER * g.body and not any(ln.bold or ln.underline for ln in g.lines) \
                and (_BLANK.search(g.text) or _FORM_ADDRESSEE.search(g.text)):
            g.kind = "paragraph"


_DASH_TERM = re.compile(r"^([−–-])\s+\S.*[:：]$")  # "− نظام العزل (isolation):": a term a definition's dash opens


def drop_dash_terms(groups: list[_Group]) -> None:
    """A one-line bold heading opening with a dash and ending with a colon, right under a paragraph or item of its page
    that opens with the same dash (``− معاوقة الحماية (...): ...`` then ``− نظام العزل (isolation):``): the next term of a
    list of definitions, not a title."""
    for i, g in enumerate(groups[1:], 1):
        if g.kind != "heading" or g.legal is not None or len(g.lines) != 1 or not g.lines[0].bold:
            continue
        m = _DASH_TERM.match(g.lines[0].text.strip())
        prev = groups[i - 1]
        if m and prev.kind in ("paragraph", "item") and prev.lines and prev.lines[-1].page == g.lines[0].page \
                and prev.text.strip().startswith(m.group(1)):
            g.kind = "paragraph"


# a key to an abbreviation: the acronym in capitals, a colon (or an equals sign, a dash), what it stands for
_ABBREVIATION = re.compile(r"^([A-Z]{2,6})\s*[:=\-–]\s*(\S.*)$")
_ELIDED = re.compile(r"^(?:[dlDL]|qu|Qu)['’]")
KEY_EXTRA_WORDS = 4  # words of an abbreviation's expansion beyond one per letter


def _stands_for(acronym: str, words: list[str]) -> bool:
    """Do the initials of ``words`` (an elided ``d’`` taken off) spell ``acronym`` in order, the first word giving its
    first letter (words between them skipped: ``titre de séjour au Maroc`` for ``TS``)?"""
    initials = [w[:1].upper() for w in (_ELIDED.sub("", w) for w in words) if w[:1].isalpha()]
    if not initials or initials[0] != acronym[0] or len(words) > len(acronym) + KEY_EXTRA_WORDS:
        return False
    k = 0
    for c in initials:
        if k < len(acronym) and c == acronym[k]:
            k += 1
    return k == len(acronym)


def drop_abbreviation_keys(groups: list[_Group]) -> None:
    """A one-line heading that is the key to an abbreviation (``CNIE : Carte Nationale d’Identité Electronique``, ``TS :
    titre de séjour au Maroc`` under a model register that uses them): the acronym in capitals, a colon, and words whose
    initials spell it. A definition, a paragraph, not a title."""
    for g in groups:
        if g.kind != "heading" or g.legal is not None or len(g.lines) != 1:
            continue
        m = _ABBREVIATION.match(g.lines[0].text.strip())
        if m and _stands_for(m.group(1), m.group(2).split()):
            g.kind = "paragraph"


UNSURE_SHORT = 0.6  # an OCR'd heading of a few words read with less confidence is a stamp or a signature's scrawl
SHORT_WORDS = 3


def drop_unsure_short(groups: list[_Group]) -> None:
    """An OCR'd heading of at most SHORT_WORDS words, not centred, neither bold nor underlined, read with confidence under
    UNSURE_SHORT (``3 للم في`` under a mayor's signature, ``إمضاء وخاتم`` over a form's stamp): a paragraph."""
    for g in groups:
        if g.kind == "heading" and g.legal is None and g.lines and _ocr(g) and not g.centred \
                and not any(ln.bold or ln.underline for ln in g.lines) and len(g.text.split()) <= SHORT_WORDS \
                and min((ln.confidence for ln in g.lines if ln.confidence is not None), default=1.0) < UNSURE_SHORT:
            g.kind = "paragraph"


BOX_SPACE = 5.0  # line heights of blank under a form's box label, before the next block of its page


def drop_box_labels(groups: list[_Group]) -> None:
    """An OCR'd heading of one line, neither underlined nor numbered, right under a table (a form's grid) and over at
    least BOX_SPACE line heights of blank before the next block of its page: the label of a box to fill in (``رأي
    الرئيس المباشر حول كفاءة المترشح(ة)`` at the head of an empty frame), a paragraph; a title heads text under it."""
    for i, g in enumerate(groups):
        if not (0 < i < len(groups) - 1 and g.kind == "heading" and g.legal is None and len(g.lines) == 1 and _ocr(g)
                and not g.lines[0].underline and not _NUMBERED.match(g.text.strip()) and not groups[i - 1].lines):
            continue
        ln, nxt = g.lines[0], groups[i + 1]
        if nxt.lines and nxt.lines[0].page == ln.page and nxt.lines[0].top - ln.bottom >= BOX_SPACE * max(ln.bottom - ln.top, 1.0):
            g.kind = "paragraph"


def drop_signatures(groups: list[_Group]) -> None:
    """A one-line heading that is a person's name, a given name and a surname in capitals (``Max LEVITA`` centred in
    bold under a council's deliberation): the signature, a paragraph."""
    for g in groups:
        if g.kind == "heading" and g.legal is None and len(g.lines) == 1 and _SIGNATURE.match(g.lines[0].text.strip()):
            g.kind = "paragraph"


_DATE = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
_DATE_FIELD = re.compile(r"^[^\W\d][^\d:：]{0,40}?\s*[:：]\s*" + _DATE + r"\s*$")  # "Date d’édition : 18/02/2025"
_DATED = re.compile(r",\s+le\s+" + _DATE + r"\s*$")  # "... Maire A CABESTANY, le 03/04/2025"


def drop_dated_lines(groups: list[_Group]) -> None:
    """Not headings: a field, a short label without a digit, a colon and a date as its only value (``Date d’édition :
    18/02/2025`` closing a statement), and a line that ends on a place's date (``..., Maire A CABESTANY, le
    03/04/2025``: a signatory's place and date). A title may end on an amount (``Axe 2 ... : 294 MDH``), never on a
    bare date."""
    for g in groups:
        if g.kind == "heading" and g.legal is None and g.lines:
            text = " ".join(g.text.split())
            if _DATE_FIELD.match(text) or _DATED.search(text):
                g.kind = "paragraph"


_RELATIVE = re.compile(r"(?<![\w'’-])(?:qui|que|qu['’]\w*|dont|où|s['’]il|si)(?![\w'’-])", re.IGNORECASE)


def drop_stated_sentences(groups: list[_Group]) -> None:
    """Not headings: a French sentence that states something, its verb in its main clause (``est``, ``sont``, ``doit``
    ... with no ``qui``/``que``/``dont`` before it in the sentence) and a full stop at its end, whatever its size and
    weight (a statement's notice set bold a size up on a page of its own: ``Pour les autres collectivités, cet état est
    SANS OBJET.``). A title is a noun phrase: a verb in it belongs to a relative clause (``... des services qui leur
    sont liés.``); an official text's title, an annex label and a numbered title are left alone."""
    for g in groups:
        if g.kind != "heading" or g.legal is not None or not g.lines or g.rtl \
                or not g.lines[-1].text.rstrip().endswith((".", "!", "?", '"', "»", "”", "’", ")")):
            continue
        text = " ".join(g.text.split())
        if not FULL_STOP.search(text) or TEXT_TITLE.match(text) or ANNEX_HEAD.match(text) or _NUMBERED.match(text):
            continue
        verb = _FR_VERB.search(text)
        if verb is not None and not _RELATIVE.search(text, 0, verb.start()):
            g.kind = "paragraph"


# a statement's total: its word first, an amount last ("TOTAL DES SUBVENTIONS : 8020€", "Sous-total 1 250,00")
_TOTAL = re.compile(r"^(?:(?:sous[- ]?|montant\s+|grand\s+)?tota(?:l|ux)\b|(?:ال)?مجموع\b).*\d\s*(?:€|euros?|EUR|DH|MDH|dhs?|درهم)?\s*[.:]?$",
                    re.IGNORECASE)


_TOTAL_STARTS = frozenset(("tota", "sous", "mont", "gran", "مجمو", "المج"))


def drop_totals(groups: list[_Group]) -> None:
    """Not headings: a statement's total, its word first and an amount last (``TOTAL DES SUBVENTIONS : 8020€``
    centred and underlined under a minutes' list of grants): the list's closing line. A title may end on an amount
    (``Axe 2 ... : 294 MDH``); none opens with a total's word."""
    for g in groups:
        if g.kind == "heading" and g.legal is None and g.lines and len(g.lines) <= 2 \
                and g.lines[0].text.lstrip()[:4].lower() in _TOTAL_STARTS and _TOTAL.match(" ".join(g.text.split())):
            g.kind = "paragraph"


def _weight_only(g: _Group) -> bool:
    """A heading by weight alone: bold at the body's size on a text layer, not numbered."""
    return g.kind == "heading" and g.legal is None and bool(g.lines) and bool(g.body) and abs(g.size - g.body) <= 0.5 \
        and not _ocr(g) and _all_bold(g) and not _NUMBERED.match(g.lines[0].text.strip())


def _bold_text(n: _Group, page: int, size: float) -> bool:
    return n.kind == "paragraph" and n.legal is None and not n.note and bool(n.lines) and n.lines[0].page == page \
        and n.lines[-1].page == page and abs(n.size - size) <= 0.5 and _all_bold(n)


def drop_bold_among_bold(groups: list[_Group]) -> None:
    """Not headings: headings by weight alone (bold at the body's size, on a text layer, not numbered; one, or a few
    in a row) between two paragraphs of their page set in the same bold at the same size (a statement's closing page
    printed all in bold: ``Observations :`` between a certification and a signatory's line). Their weight does not
    set them apart from the text around them, and nothing else does."""
    i = 1
    while i < len(groups) - 1:
        if groups[i].kind != "heading" or not _weight_only(groups[i]):
            i += 1
            continue
        j = i
        page = groups[i].lines[0].page
        while j + 1 < len(groups) and _weight_only(groups[j + 1]) and groups[j + 1].lines[0].page == page:
            j += 1
        size = groups[i].size
        if j + 1 < len(groups) and _bold_text(groups[i - 1], page, size) and _bold_text(groups[j + 1], page, size):
            for g in groups[i:j + 1]:
                g.kind = "paragraph"
        i = j + 1


def _drop_noise(groups: list[_Group]) -> None:
    """Not headings: the invocation that opens an Arabic official text (``بسم الله الرحمن الرحيم``), a line that
    is mostly neither letters nor digits or has no word of three letters (``n° 2013 / 616``, OCR of a logo: ``D 4 DA PS SZ``),
    a line in Latin letters only in a document whose text has next to none, and a line with a stray Arabic letter
    or two in a document in Latin letters (a logo or a stamp read by OCR: ``E 1ل[ Préfecture``)."""
    latin_share: float | None = None
    for g in groups:
        if g.kind != "heading" or g.legal is not None or not g.lines:
            continue
        text = " ".join(ln.text for ln in g.lines).strip()  # what its characters are: no need to join cut words
        if (text[:1] == "ب" and INVOCATION.match(_MARKS.sub("", text))) or not _WORD3.search(text) \
                or len(_NOT_ALNUM.findall(text)) > (1 - NOISE_LETTERS) * (len(text) - text.count(" ")):
            g.kind = "paragraph"
            continue
        latin_only = _OTHER_LETTER.search(text) is None
        stray = len(_ARABIC.findall(text)) if not latin_only and not g.rtl else 0
        if latin_only or 0 < stray <= STRAY_LETTERS:
            if latin_share is None:  # counted once, only when such a heading shows up: the share of left-to-right lines
                ltr = rtl = 0
                for x in groups:
                    n = sum(len(ln.text) for ln in x.lines)
                    if x.rtl:
                        rtl += n
                    else:
                        ltr += n
                latin_share = ltr / (ltr + rtl) if ltr + rtl else 1.0
            if (latin_only and latin_share < FOREIGN_SHARE) or (stray and latin_share > 1 - FOREIGN_SHARE):
                g.kind = "paragraph"


REFERENCE_WORDS = 4  # words inside brackets from which a bracketed line is a reference, not a unit's label
# a figure with a decimal comma opening the line ("16,279 millions d'€ inscrits"): no outline is numbered so
_AMOUNT = re.compile(r"^[+\-−]?\d{1,3}(?:[ \u00a0\u202f.]\d{3})*,\d+(?!\S*[.)\-–/])")


def drop_asides(groups: list[_Group]) -> None:
    """Not headings either: a bold line at body size that opens in small letters, the rest of a sentence set on a
    line of its own (``soit excédent d'investissement de 527 749,99€`` under the items it sums up), and a line wholly
    in brackets of REFERENCE_WORDS words or more, the reference printed under a form's title (``(المادة 534 من القانون
    رقم 65.99 المتعلق بمدونة الشغل)``; a unit's label in brackets, ``(المادة الأولى)``, stays a heading), and a line
    opening with a figure written with a decimal comma, a key figure set large (``16,279 millions d’€ inscrits``)."""
    for g in groups:
        if g.kind != "heading" or g.legal is not None or not g.lines or len(g.lines) > 2:
            continue
        text = g.text.strip()
        if text[:1].isalpha() and text[:1].islower() and g.body and g.size <= g.body and not _NUMBERED.match(text):
            g.kind = "paragraph"
        elif _AMOUNT.match(text):
            g.kind = "paragraph"
        elif text[:1] in "(（" and text[-1:] in ")）" and len(text[1:-1].split()) >= REFERENCE_WORDS \
                and not any(c in text[1:-1] for c in "()（）"):
            g.kind = "paragraph"


def _open_brackets(text: str) -> int:
    """Round brackets opened in ``text`` and not closed there."""
    depth = 0
    for c in text:
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
    return depth


def drop_open_brackets(groups: list[_Group]) -> None:
    """A heading on a text layer that opens a round bracket it does not close, the block after it on its page closing
    it before opening any (a definition's bold term ``(Local ou emplacement de travail`` cut at the line's end,
    ``électriquement isolant): ...`` on the next line): the first line of a paragraph, no title (a title's
    brackets close in it)."""
    for g, nxt in zip(groups, groups[1:], strict=False):
        if g.kind != "heading" or g.legal is not None or not g.lines or _ocr(g) or not nxt.lines \
                or nxt.lines[0].page != g.lines[-1].page or not _open_brackets(g.text):
            continue
        after = nxt.lines[0].text
        close = after.find(")")
        if close >= 0 and "(" not in after[:close]:
            g.kind = "paragraph"
