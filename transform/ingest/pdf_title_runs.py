"""Titles on OCR'd pages, where sizes are estimates and weights mostly unknown (run first by
:func:`transform.ingest.pdf_headings.refine_headings`).

* **size cues**: a line read larger is a heading only with a second cue (centred, bold, numbered, much
  larger); a heading read with low confidence is noise (a logo, a stamp);
* **a title run**: centred lines at line spacing opening with the kind of an official text
  (``Arrêté n° ...`` / ``portant ...``) are its title;
* **a title's rest**: an official text's or a judgment's title printed over several lines around a stamp
  (``قرار ...`` / ``رقم ... بتاريخ ...`` / ``بفتح باب ...``; ``حكم المحكمة ...`` / ``رقم 2271`` /
  ``الصادر بتاريخ ...``) is one heading: the lines just under its first line that open like a title's
  rest (its number, its date, the word that links it to its object) or stand on the axis of the line
  above them;
* **a word over a title**: a centred word or two at body size right over a line read larger on their axis (a model
  form's ``نموذج`` / ``عقد العمل الخاص بالعاملة أو العامل المنزلي``) is one title with it;
* **a title's date under it**: the first heading of the document, one centred line at body weight, over a centred line on its axis
  that gives a year (``Procès-Verbal du Conseil Municipal`` / ``Séance du lundi 25 mars 2024``, printed three lines
  apart) is one title with it;
* **an article's label read with a garbled word**: a line of its own, centred or set apart from the lines above and
  below it, that opens with ``المادة`` and holds at most two short tokens before its colon (``المادة nl لى:`` for
  ``المادة الأولى:``) is that article's heading; its words are kept as read (never guessed);
* **a judgment's parts**: a line that is only the name of a part of a judgment (``الوقائع:``,
  ``التعليل``, ``لهذه الأسباب``, ``Par ces motifs``) is a heading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import _HAS_WORD, CONTINUES, FULL_STOP, SENTENCE_END, TEXT_TITLE

if TYPE_CHECKING:
    from .base import TextLine
    from .pdf_blocks import _Group

# a number or letter in front of a title ("1/", "2-", "A-", "I.", "1-2 :", "أ-")
_NUMBERED = re.compile(r"^\(?(?:[0-9\u0660-\u0669]{1,3}|[A-Za-z]|[IVXLC]{1,5}|[أبجدهوزحطي])(?:[-./)]|\s*[-–:])")
_AR_ORDINAL = re.compile(r"^(?:أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)ً?\s*[:\-–.]")  # "أولا: ..."
# the title of a court's judgment opens with its kind, as an official text's does
_JUDGMENT = re.compile(r"^(?:حكم|قرار|Jugement|Arrêt|Ordonnance)\b")
# a stamp printed or read before a title's first word ("---091 قرار"): dashes and digits
_STAMP = re.compile(r"^[\s\-–_.0-9\u0660-\u0669]*")
# the words that open the rest of a title: its number, its date, the word linking it to its object
_REST = re.compile(r"^(?:رقم|عدد|ع\.|صادر|الصادر|المؤرخ|بتاريخ|بشأن|بفتح|بتحديد|بتغيير|بتتميم|بتنفيذ|بتطبيق|بإحداث|بإصدار|"
                   r"بالموافقة|بالمصادقة|المتعلق|المتعلقة|يتعلق|تتعلق|حول|n°|N°|du|portant|relatif|relative|fixant)\b")
# the words that open what follows a title: the preamble, the enacting formula
_PREAMBLE = re.compile(r"^(?:إن|بناء|وبناء|وعلى|باسم|Vu|Le|La|Sur)\b")
# the parts of a judgment, named on a line of their own
_JUDGMENT_PART = re.compile(r"^(?:الوقائع|التعليل|ل?هذه الأسباب|المنطوق|في الشكل|في الموضوع|"
                            r"faits et procédure|par ces motifs)\s*[:：.]?(?:\s+\S{1,2})?$", re.IGNORECASE)  # a stray mark after it
LARGER = 1.2  # an OCR'd line this much larger than the body is set larger (sizes swing by 10-20 %)
MUCH_LARGER = 1.8  # ...and this much larger needs no other cue
DENSE = 0.33  # a line set at size s has letters at least this many s wide on average (Arabic and Latin type)
SPARSE = 1.0  # ...and at most this many s wide: a wider box holds something else (a mark, a stamp beside the words)
# an annex's label with its title on one line ("ملحق: نموذج طلب ...", "Annexe 2 : Liste ..."): a heading's own cue
_ANNEX_LEAD = re.compile(r"^(?:ال)?ملحق(?:\s+(?:رقم\s*)?[0-9\u0660-\u0669]+)?\s*[:：\-–]|^annexe(?:\s+(?:n°\s*)?[0-9IVX]+)?\s*[:：\-–]",
                         re.IGNORECASE)
MIN_CONFIDENCE = 0.5  # an OCR'd heading read with less confidence is noise more often than a title
MAX_TITLE_LINES = 8  # an official text's title on an OCR'd page
REST_GAP = 2.5  # sizes from one baseline of a title to the next (a title printed double-spaced around a stamp)
MAX_REST_WORDS = 30  # a part of a title this long is a paragraph
AXIS = 2.0  # sizes between the centres of two lines of one title


def _baseline(line: TextLine) -> float:
    return float(getattr(line, "baseline", 0.0) or line.bottom)


def _page(g: _Group) -> int | None:
    return g.lines[0].page if g.lines else None


def ocr_titles(groups: list[_Group]) -> list[_Group]:
    """The passes of the module docstring, in order (OCR'd pages only); returns the new list of groups."""
    if not any(map(_ocr, groups)):  # every pass but these two changes OCR'd groups only (``_ocr`` in each condition)
        groups = _dated_subtitle(list(groups))  # (a scan's invisible OCR layer is a text layer: these two look at it)
        _judgment_parts(groups)
        return groups
    _size_cues(groups)
    groups = _ocr_title_run(groups)
    groups = _title_rest(groups)
    groups = _word_over_title(groups)
    groups = _dated_subtitle(groups)
    _judgment_parts(groups)
    _garbled_articles(groups)
    return groups


def _ocr(g: _Group) -> bool:
    """Lines read by OCR (a text layer's lines carry their baseline)."""
    return bool(g.lines) and not hasattr(g.lines[0], "baseline")


def _size_cues(groups: list[_Group]) -> None:
    """On an OCR'd page sizes are estimates: a line set larger is a heading when another cue says so too.

    A one-line heading by size alone that is neither centred nor bold nor numbered (``1.``, ``أولا:``) nor an annex's
    label with its title (``ملحق: نموذج ...``) nor a table's title read much larger right over it is a
    paragraph when it is not much larger (an accented capital makes a name in a list look taller) or holds
    more letters than its size leaves room for (a body line whose size OCR overestimated) or far fewer (a short line
    whose box OCR stretched over a mark beside it: ``في الدرجة.`` over a page's width); several lines read
    at one larger size agree. So
    is a heading OCR read with low confidence (a logo, a stamp), but for a centred title set larger; a centred
    one-line title set larger stays a heading even when OCR reads a stray mark after it (``إعلان للعموم؛``)."""
    for i, g in enumerate(groups):
        if not (g.kind == "heading" or (g.kind == "paragraph" and g.level)) or g.legal is not None or not g.body or not _ocr(g):
            continue
        over_table = i + 1 < len(groups) and groups[i + 1].kind == "table"
        larger = g.size >= LARGER * g.body
        conf = min((ln.confidence for ln in g.lines if ln.confidence is not None), default=1.0)
        if g.kind == "heading" and conf < MIN_CONFIDENCE and not (g.centred and larger):
            g.kind = "paragraph"  # read with low confidence: noise more often than a title
            continue
        line = g.lines[0]
        if (g.kind == "heading" and len(g.lines) == 1 and not g.centred and not line.bold
                and not (_numbered(line.text.strip()) and not FULL_STOP.search(line.text)) and not _ANNEX_LEAD.match(line.text.strip())
                and not (over_table and g.size >= MUCH_LARGER * g.body and not SENTENCE_END.search(line.text))
                and (g.size < MUCH_LARGER * g.body or (line.x1 - line.x0) < DENSE * g.size * len(line.text)
                     or (line.x1 - line.x0) > SPARSE * g.size * len(line.text))):
            g.kind = "paragraph"
        elif (g.kind == "paragraph" and g.level and larger and g.centred and len(g.lines) == 1 and len(g.text.split()) <= 8
              and CONTINUES.search(g.text) and _HAS_WORD.search(g.text)):
            g.kind = "heading"


def _ocr_title_run(groups: list[_Group]) -> list[_Group]:
    """On an OCR'd page, centred lines at line spacing that open with the kind of an official text (``Arrêté n° ...``
    / ``portant ...`` / ``Niveau n° 2``) are its title, though OCR tells no weight for a block of several lines."""
    out: list[_Group] = []
    run: _Group | None = None
    for g in groups:
        if (run is not None and g.kind == "paragraph" and g.centred and _page(g) == _page(run) and g.size == run.size
                and len(run.lines) + len(g.lines) <= MAX_TITLE_LINES
                and 0 < _baseline(g.lines[0]) - _baseline(run.lines[-1]) <= 1.6 * (run.size or 10.0)):
            run.lines.extend(g.lines)
            continue
        if run is not None and not SENTENCE_END.search(run.text):
            run.kind, run.level = "heading", run.bold_level
        run = None
        if g.kind == "paragraph" and g.centred and g.legal is None and _ocr(g) and TEXT_TITLE.match(g.text) \
                and len(g.lines) <= MAX_TITLE_LINES:
            run = g
        out.append(g)
    if run is not None and not SENTENCE_END.search(run.text):
        run.kind, run.level = "heading", run.bold_level
    return out


def _numbered(text: str) -> bool:
    """A section label in front of the text: ``1.``, ``II -``, ``a)``, ``أولا:``."""
    return _NUMBERED.match(text) is not None or _AR_ORDINAL.match(text) is not None




def _axis(line: TextLine) -> float:
    return (line.x0 + line.x1) / 2


def _title_head(g: _Group, over_visas: bool = False) -> bool:
    """The first line of an OCR'd official text's or judgment's title: its kind opens it (after a stamp read into
    it, ``--091 قرار``), centred, or a heading already, or a line of a few words. ``over_visas``: the title's parts
    run on into the text's preamble (``إن وزير ...``, ``بناء على``, ``Vu``), so its kind may be glued to the next word
    and it may be set off-centre at body size (read a paragraph)."""
    if g.kind not in ("heading", "paragraph", "item") or g.legal is not None or g.note or not 1 <= len(g.lines) <= 2 \
            or not _ocr(g):
        return False
    text = _STAMP.sub("", g.text.strip())
    if not (TEXT_TITLE.match(text) or _JUDGMENT.match(text) or ((g.kind == "heading" or over_visas) and _KIND_GLUED.match(text))):
        return False  # a heading's first word may be glued to the next one ("قرارلوزيرة")
    return text[-1:] not in (":", "：", "؛", ";", ",", "،") and (g.kind == "heading" or g.centred or over_visas
                                                                 or len(text.split()) <= 3)


_KIND_GLUED = re.compile(r"^(?:ظهير|مرسوم|قرار|قانون|مقرر|منشور|حكم)")


def _rest_of(prev: _Group, p: _Group) -> bool:
    """Does ``p`` go on with the title whose last part is ``prev``? Just under it (within REST_GAP of the larger of
    their sizes), a few lines, opening like a title's rest or centred on the axis of the line above it."""
    if p.kind not in ("heading", "paragraph") or p.legal is not None or p.note or not p.lines or len(p.lines) > 3 \
            or _page(p) != _page(prev) or not _ocr(p):
        return False
    last = prev.lines[-1]
    size = max(prev.size, p.size, 1.0)
    gap = _baseline(p.lines[0]) - _baseline(last)
    text = p.text.strip()
    if not 0 < gap <= REST_GAP * size or len(text.split()) > MAX_REST_WORDS or _PREAMBLE.match(text) \
            or not _HAS_WORD.search(text) or last.text.rstrip().endswith((":", "：", "؛", ";")):
        return False
    return bool(_REST.match(text)) or abs(_axis(p.lines[0]) - _axis(last)) <= AXIS * size


def _title_rest(groups: list[_Group]) -> list[_Group]:
    """An OCR'd title printed over several lines (:func:`_title_head`, then each :func:`_rest_of` the one before) is
    one heading. A line or two read between them that lies wholly above the title's first line (the other column
    of a letterhead, read late) goes before the title."""
    out: list[_Group] = []
    i = 0
    while i < len(groups):
        g = groups[i]
        i += 1
        if not _title_head(g, over_visas=True):
            out.append(g)
            continue
        above, parts, j = _title_parts(groups, g, i)
        if not _title_head(g) and not (parts and j < len(groups) and _page(groups[j]) == _page(g) and _VISAS.match(groups[j].text.strip())):
            out.append(g)  # a paragraph opening with a text's kind is its title only over its visas
            continue
        if not parts:
            out.append(g)
            continue
        for p in parts:
            g.lines.extend(p.lines)
        if g.kind != "heading":
            g.kind, g.level = "heading", g.bold_level
        g.ordered = False
        out.extend(above)
        out.append(g)
        i = j
    return out


# what opens a decision's preamble right under its title: the authority (``إن وزير ...``), its first visa, ``Vu``
_VISAS = re.compile(r"^(?:إن\s|بناء على|وبناء على|Vu\b|VU\b|Le (?:ministre|préfet|président|maire)\b|La (?:ministre|préfète|présidente|maire)\b)")


def _title_parts(groups: list[_Group], g: _Group, i: int) -> tuple[list[_Group], list[_Group], int]:
    """The groups from ``i`` on that go on with the title whose first part is ``g``: (the lines read between that lie
    above its first line, the title's parts, the index of the first group after them)."""
    above: list[_Group] = []
    parts: list[_Group] = []
    j = i
    while j < len(groups) and len(g.lines) + sum(len(p.lines) for p in parts) < MAX_TITLE_LINES:
        p = groups[j]
        if not parts and len(above) < 2 and p.lines and _page(p) == _page(g) and p.lines[-1].bottom <= g.lines[0].top:
            above.append(p)
        elif _rest_of(parts[-1] if parts else g, p):
            parts.append(p)
        else:
            break
        j += 1
    return above, parts, j


LEAD_WORDS = 2  # words of a line printed small over the rest of its title


def _word_over_title(groups: list[_Group]) -> list[_Group]:
    """A centred word or two over a line read larger, on its axis, at line spacing: one title (see the module)."""
    out: list[_Group] = []
    skip = False
    for i, g in enumerate(groups):
        if skip:
            skip = False
            continue
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        if (nxt is not None and g.kind == "paragraph" and g.legal is None and not g.note and len(g.lines) == 1 and g.centred
                and _ocr(g) and len(g.text.split()) <= LEAD_WORDS and not _HAS_DIGIT.search(g.text) and not SENTENCE_END.search(g.text)
                and nxt.kind in ("paragraph", "heading") and nxt.legal is None and len(nxt.lines) == 1 and _ocr(nxt)
                and _page(nxt) == _page(g) and g.body and nxt.size >= LARGER * g.body and nxt.size > g.size
                and len(nxt.text.split()) <= MAX_REST_WORDS // 2 and not SENTENCE_END.search(nxt.text)
                and abs(_axis(nxt.lines[0]) - _axis(g.lines[0])) <= AXIS * nxt.size
                and 0 < _baseline(nxt.lines[0]) - _baseline(g.lines[0]) <= 1.6 * nxt.size):
            g.kind, g.level, g.size = "heading", nxt.level or g.bold_level, nxt.size
            g.lines.extend(nxt.lines)
            skip = True
        out.append(g)
    return out


_HAS_DIGIT = re.compile(r"[0-9\u0660-\u0669]")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DATE_GAP = 4.0  # sizes from a title's baseline to the baseline of its date under it
DATE_WORDS = 10


def _dated_subtitle(groups: list[_Group]) -> list[_Group]:
    """The document's first heading on the first page, one centred line at body weight (an OCR'd page, or a scan's
    invisible OCR layer, tells no weight), and the centred one-line paragraph right under it on its axis, at least
    0.8 of its size, of at most DATE_WORDS words giving a year and not ending a sentence: one heading."""
    k = next((i for i, g in enumerate(groups) if g.kind == "heading"), None)
    if k is None or k + 1 >= len(groups):
        return groups
    g, nxt = groups[k], groups[k + 1]
    if not (g.legal is None and len(g.lines) == 1 and g.centred and not g.lines[0].bold and _page(g) == _page(groups[0])
            and nxt.kind == "paragraph" and nxt.legal is None and not nxt.note and len(nxt.lines) == 1 and nxt.centred
            and not nxt.lines[0].bold and nxt.size >= 0.8 * g.size and _page(nxt) == _page(g) and len(nxt.text.split()) <= DATE_WORDS and _YEAR.search(nxt.text)
            and not SENTENCE_END.search(nxt.text)):
        return groups
    size = max(g.size, nxt.size, 1.0)
    if not (0 < _baseline(nxt.lines[0]) - _baseline(g.lines[0]) <= DATE_GAP * size
            and abs(_axis(nxt.lines[0]) - _axis(g.lines[0])) <= AXIS * size):
        return groups
    g.lines.extend(nxt.lines)
    return groups[:k + 1] + groups[k + 2:]


def _judgment_parts(groups: list[_Group]) -> None:
    """A line that names a part of a judgment (``الوقائع:``, ``في الموضوع:``, ``Par ces motifs``): a heading at the bold
    heading level (OCR may read it larger, a watermark beside it)."""
    for g in groups:
        if g.kind in ("paragraph", "heading") and len(g.lines) == 1 and g.legal is None and not g.note \
                and _JUDGMENT_PART.match(g.lines[0].text.strip()):
            g.kind, g.level = "heading", g.bold_level


# an article's label whose ordinal OCR garbled: the unit word, one or two short tokens, the colon that ends a label
_GARBLED_ARTICLE = re.compile(r"^المادة(?:\s+[^\s:：]{1,4}){1,2}\s*[:：]$")
APART_LINES = 0.5  # heights of paper above and below a label set apart


def _set_apart(groups: list[_Group], i: int) -> bool:
    """Is the one-line group ``groups[i]`` spaced off the groups of its page right above and below it?"""
    g = groups[i]
    line = g.lines[0]
    h = max(line.bottom - line.top, 1.0)
    for k in (i - 1, i + 1):
        if 0 <= k < len(groups) and groups[k].lines and _page(groups[k]) == _page(g):
            o = groups[k].lines[-1] if k < i else groups[k].lines[0]
            gap = line.top - o.bottom if k < i else o.top - line.bottom
            if gap < APART_LINES * h:
                return False
    return True


def _garbled_articles(groups: list[_Group]) -> None:
    """An OCR'd line ``المادة`` + one or two short tokens + ``:``, alone, centred or set apart, over text: an article's
    heading (see the module)."""
    from ..structure.legal import ARTICLE, LegalLabel

    for i, g in enumerate(groups):
        if not (g.kind == "paragraph" and g.legal is None and not g.note and len(g.lines) == 1 and _ocr(g)
                and _GARBLED_ARTICLE.match(" ".join(g.text.split()))):
            continue
        nxt = next((n for n in groups[i + 1:i + 3] if n.kind == "paragraph" and len(n.text.split()) >= 4), None)
        if nxt is None or _page(nxt) != _page(g) or not (g.centred or _set_apart(groups, i)):
            continue
        g.kind, g.legal, g.level = "heading", LegalLabel(ARTICLE, "المادة", ""), g.bold_level
