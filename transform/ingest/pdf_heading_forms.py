"""Headings on scanned forms and letters (passes of :func:`pdf_headings.refine_headings`, thirteenth session).

OCR'd pages tell no weight and only estimated sizes, so a letterhead, a signature's label or a smudge read large can
pass for a title, and a model letter's title printed at body size can pass for text:

* **noise is no heading**: an OCR'd heading read with confidence under NOISE (``القلوا نت سين تتا``, a stamp read
  as words) is a paragraph whatever its size or place (a centred title set larger is kept down to MIN_CONFIDENCE only);
* **a signature's label** (``إمضاء وخاتم``, ``التوقيع``, ``Signature et cachet``) is no heading;
* **a letterhead**: the lines stacked right under a state's name (``الجمهورية التونسية`` / ``وزارة الداخلية``, at line
  spacing, on its axis or on its edge) name the issuing office: no heading, even underlined; a title joined by grouping
  with the letterhead printed under it (a model letter's title over the scanned letter's ``المملكة المغربية``) ends
  where the state's name begins; a heading of several lines opening on a state's name is a letterhead's side block
  (one paragraph per line);
* **a model's title under an annex label**: a centred line of a few words right under an OCR'd annex label heading
  (``الملحق رقم 2`` / ``نموذج تنبيه بأجل``), on its axis, not ending a sentence, is the annex's title (a heading at the
  level the label's own title gets, see :mod:`pdf_labels`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .pdf_block_kinds import SENTENCE_END
from .pdf_page_titles import STATES, _plain
from .pdf_scan_heads import scan_heads
from .pdf_title_runs import _baseline, _ocr, _page

if TYPE_CHECKING:
    from .base import TextLine
    from .pdf_blocks import _Group

NOISE = 0.3  # an OCR'd line read with less confidence than this is a smudge, a stamp or a picture read as words
STACK_GAP = 1.8  # sizes from one baseline to the next within a letterhead's stack
STACK_LINES = 3  # lines of a letterhead under the state's name
AXIS = 2.0  # sizes between the centres of two lines on one axis
MODEL_WORDS = 12  # words of an annex's title under its label
_SIGN_WORD = r"(?:ال)?(?:إمضاء|امضاء|توقيع|خاتم|طابع)"
_SIGN_LABEL = re.compile(rf"^{_SIGN_WORD}(?:\s+و\s*{_SIGN_WORD})*\s*[:：.]?$|^(?:signature|cachet)(?:\s+et\s+(?:signature|cachet))?\s*[:：.]?$",
                         re.IGNORECASE)
# an annex's label alone on its line ("الملحق رقم 2", "ملحق 1", "Annexe II")
_ANNEX_LABEL = re.compile(r"^(?:ال)?ملحق(?:\s+رقم)?\s*[0-9\u0660-\u0669]+\s*[:：]?$|^annexe\s+(?:n°\s*)?[0-9IVX]+\s*[:：]?$", re.IGNORECASE)
_ANNEX = re.compile(r"^(?:ال)?ملحق|^annexe\b", re.IGNORECASE)  # an annex's heading, its label alone or with its title
_MODEL = re.compile(r"^(?:نموذج|mod[eè]le)\s+\S", re.IGNORECASE)  # a model's title ("Modèle du procès-verbal ...")
MODEL_LINES = 3
MODEL_GAP = 4.0  # sizes between an annex's title and the model's title under it (a blank line between)
# an official text's kind opening a title's first line, glued to the next word or not ("قرارلوزيرة")
_KIND_OPENS = re.compile(r"^[\s\-–_.0-9\u0660-\u0669]*(?:ظهير|مرسوم|قرار|منشور|مقرر|قانون|Dahir|Décret|Arrêté|Décision|Circulaire)")
# the first words of a state's name, as a letterhead opens (OCR may garble the rest: "المملكة à المغريبة")
_STATE_OPENS = frozenset(_plain(s).split()[0] for s in STATES)


def _conf(g: _Group) -> float:
    return min((ln.confidence for ln in g.lines if ln.confidence is not None), default=1.0)


def _axis(line: TextLine) -> float:
    return (line.x0 + line.x1) / 2


def form_headings(groups: list[_Group]) -> list[_Group]:
    """The passes of the module docstring, in order; returns the new list of groups."""
    groups = _state_blocks(_split_letterhead(groups))
    for g in groups:
        if g.kind == "heading" and g.legal is None and g.lines and _ocr(g) and (
                (_conf(g) < NOISE and not _text_title(g)) or (len(g.lines) == 1 and _SIGN_LABEL.match(g.text.strip()))):
            g.kind = "paragraph"
    _letterhead_stack(groups)
    _model_titles(groups)
    return scan_heads(groups)


def _text_title(g: _Group) -> bool:
    """An official text's title of several lines whose first line, read with confidence, opens with the text's kind
    (``قرار ...``, its kind glued to the next word or not): a stamp or handwriting read as noise in its number and date
    line does not make it noise (the line is the title's all the same)."""
    first = g.lines[0]
    return len(g.lines) >= 2 and (first.confidence is None or first.confidence >= NOISE) \
        and _KIND_OPENS.match(first.text.strip()) is not None


def _is_state(text: str) -> bool:
    return _plain(text) in STATES


def _split_letterhead(groups: list[_Group]) -> list[_Group]:
    """An OCR'd heading of several lines whose line after the first opens with the first word of a state's name, its
    line above ending a title (not on a linking word): the title ends there, the rest is a paragraph (the letterhead)."""
    from .pdf_block_group import _Group

    out: list[_Group] = []
    for g in groups:
        out.append(g)
        if g.kind != "heading" or g.legal is not None or len(g.lines) < 2 or not _ocr(g):
            continue
        cut = next((k for k, ln in enumerate(g.lines) if k and ln.text.split()
                    and _plain(ln.text.split()[0]) in _STATE_OPENS and len(ln.text.split()) >= 2), None)
        if cut is None:
            continue
        rest = g.lines[cut:]
        g.lines = g.lines[:cut]
        out.append(_Group(kind="paragraph", lines=rest, size=g.size, rtl=g.rtl, indent=g.indent, body=g.body,
                          bold_level=g.bold_level))
    return out


def _state_blocks(groups: list[_Group]) -> list[_Group]:
    """An OCR'd heading of several lines whose first line is a state's name (``ROYAUME DU MAROC`` / ``Ministère de la
    Santé`` / ...: a letterhead's side block set bold), or that begins right under a state's name alone on its line, is
    the letterhead: one paragraph per line (fourteenth session)."""
    from .pdf_block_group import _Group

    out: list[_Group] = []
    for g in groups:
        if g.kind != "heading" or g.legal is not None or len(g.lines) < 2 or not _ocr(g) or not (
                _is_state(g.lines[0].text) or (out and _under_state(out[-1], g))):
            out.append(g)
            continue
        out.extend(_Group(kind="paragraph", lines=[ln], size=g.size, rtl=g.rtl, indent=g.indent, body=g.body,
                          bold_level=g.bold_level) for ln in g.lines)
    return out


def _under_state(state: _Group, g: _Group) -> bool:
    """Does ``g`` begin at line spacing right under ``state``, a state's name alone on its line, on its axis or edge?"""
    if len(state.lines) != 1 or not _ocr(state) or not _is_state(state.text) or _page(state) != _page(g):
        return False
    prev, line = state.lines[0], g.lines[0]
    size = max(state.size, g.size, 1.0)
    gap = _baseline(line) - _baseline(prev)
    on_edge = abs(line.x1 - prev.x1) <= size if state.rtl else abs(line.x0 - prev.x0) <= size
    return 0 < gap <= STACK_GAP * size and (abs(_axis(line) - _axis(prev)) <= AXIS * size or on_edge)


def _letterhead_stack(groups: list[_Group]) -> None:
    """Headings among the STACK_LINES lines right under a state's name, each at line spacing under the one before and
    on its axis or its start edge: the office's name in the letterhead, a paragraph."""
    for i, g in enumerate(groups):
        if not g.lines or len(g.lines) != 1 or not _ocr(g) or not _is_state(g.text):
            continue
        prev = g.lines[-1]
        for nxt in groups[i + 1:i + 1 + STACK_LINES]:
            if not nxt.lines or len(nxt.lines) != 1 or _page(nxt) != _page(g) or nxt.legal is not None:
                break
            line = nxt.lines[0]
            size = max(g.size, nxt.size, 1.0)
            gap = _baseline(line) - _baseline(prev)
            on_axis = abs(_axis(line) - _axis(prev)) <= AXIS * size
            on_edge = abs(line.x1 - prev.x1) <= size if g.rtl else abs(line.x0 - prev.x0) <= size
            if not (0 < gap <= STACK_GAP * size and (on_axis or on_edge)) or nxt.size > 1.2 * g.size:
                break
            if nxt.kind == "heading":
                nxt.kind = "paragraph"
            prev = line


def _model_titles(groups: list[_Group]) -> None:
    """Under an OCR'd annex heading, on its page: a centred paragraph line on the axis
    of a label alone (``الملحق رقم 2``), at most twice its size below it, of at most MODEL_WORDS words not ending a sentence; or a paragraph of at most
    MODEL_LINES lines that opens with the word for a model (``Modèle du procès-verbal ...``, ``نموذج ...``) under an
    annex's label with its title, up to MODEL_GAP sizes below it. Either is the annex's title, a heading."""
    for g, nxt in zip(groups, groups[1:], strict=False):
        if not (g.kind == "heading" and g.legal is None and g.lines and _ocr(g) and _ANNEX.match(g.text.strip())
                and nxt.kind == "paragraph" and nxt.legal is None and not nxt.note and nxt.lines and _ocr(nxt)
                and _page(nxt) == g.lines[-1].page and _conf(nxt) >= NOISE):
            continue
        line, label = nxt.lines[0], g.lines[-1]
        size = max(g.size, nxt.size, 1.0)
        gap = _baseline(line) - _baseline(label)
        if not 0 < gap <= MODEL_GAP * size:
            continue
        alone = len(g.lines) == 1 and _ANNEX_LABEL.match(g.text.strip())
        if (alone and gap <= 2.0 * size and len(nxt.lines) == 1 and nxt.centred and 2 <= len(nxt.text.split()) <= MODEL_WORDS
                and not SENTENCE_END.search(nxt.text) and abs(_axis(line) - _axis(label)) <= AXIS * size) \
                or (len(nxt.lines) <= MODEL_LINES and _MODEL.match(nxt.text.strip())):
            nxt.kind, nxt.level = "heading", g.bold_level
