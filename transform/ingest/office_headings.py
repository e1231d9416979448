"""Headings of office and Markdown documents that do not mark them as headings.

Many Word, LibreOffice and Markdown documents write their titles as ordinary paragraphs that
only look like headings: a bold paragraph (``**...**`` in Markdown), a line in capitals, a
one-item numbered or bulleted list standing alone (``1. L'activité de la MPS``, numbered by
the word processor). pandoc reads them as paragraphs and lists. When a document marks none of
its headings (no ``Header`` block at all), they are found here, as the PDF reader does for a
short all-bold block at body size (docs/ingest.md, reading step 8):

* a **candidate** is a paragraph entirely bold or in capitals, or a list of one item without
  sub-items, of 1 to :data:`MAX_WORDS` words (note marks aside), with a word of two letters at
  least, not ending like a sentence or a run-in label (``.`` ``,`` ``;`` ``:`` ``،`` ``؛``
  ``!`` ``?``);
* a run of candidates becomes headings only when **body text follows** it: a paragraph that is
  not bold, a list, a table. Bold lines followed by more bold text (a letterhead over a rule,
  table cells laid out as bold paragraphs, amounts in bold) stay paragraphs;
* **levels** come from the numbering, in order of first appearance, as a reader infers an
  outline: the first kind of heading seen is level 1 (a plain title, ``1.``), the next kind
  level 2 (``Axe 2``, a bullet), then ``a.``...; ``1.2`` is one level below ``1.``.

A one-item numbered list keeps its number in the heading (``1. L'activité de la MPS``);
numbering that pandoc restarts at 1 in each such list goes on from the previous one. A
plain candidate that starts with a dash or in lower case goes on the heading above it (a
title on two lines: ``Cadrage budgétaire de l'exercice 2025`` / ``-Axes 2 et 3 -``). A run
of numbered candidates at the very end (only notes after them) is made headings too. A
document has one title: plain lines stacked over it in the first run are its letterhead
(``Coordination Nationale-INDH``) and stay paragraphs.
"""

from __future__ import annotations

import re

from ..model import Block, Heading, ListBlock, Paragraph, Sentence
from ..model.text import direction_for

MAX_WORDS = 25  # as the PDF reader's short all-bold block
MAX_ITEM_WORDS = 12  # a one-item list taken for a numbered heading
_NOTE = re.compile(r"\s*\[\d{1,3}\]")
_ENDS = re.compile(r"[.,;:\u060c\u061b!?\u061f…]$")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_LOWER = re.compile(r"[a-zà-ÿ]")
_ROMAN = re.compile(r"^[IVXLC]+[.)\-–]\s")
_DIGITS = re.compile(r"^(\d+(?:\.\d+)*)[.)\-–]?\s")
_LETTER = re.compile(r"^[a-zA-Z][.)]\s")
_CONTINUES = re.compile(r"^(?:[-–—]|[a-zà-ÿ])")  # a line that goes on from the line above
_WORD_NUMBER = re.compile(r"^[^\W\d_][^\W\d_’']+\s+(?:\d+|[IVXLC]+)\b")


def _plain(text: str) -> str:
    return _NOTE.sub("", text).strip()


def _block_text(b: Block) -> str:
    if isinstance(b, Paragraph):
        return " ".join(s.text for s in b.sentences)
    if isinstance(b, ListBlock) and len(b.items) == 1:
        return " ".join(s.text for s in b.items[0].sentences)
    return ""


def _short(text: str, limit: int) -> bool:
    t = _plain(text)
    return bool(t) and len(t.split()) <= limit and _LETTERS.search(t) is not None and not _ENDS.search(t)


def _capitals(text: str) -> bool:
    t = _plain(text)
    return len(t.split()) >= 2 and sum(ch.isalpha() for ch in t) >= 4 and any(ch.isupper() for ch in t) and not _LOWER.search(t)


def _candidate(b: Block, cue: tuple[str, str] | None) -> bool:
    if isinstance(b, Paragraph):
        if b.role is not None:
            return False
        text = _block_text(b)
        return (cue is not None and cue[0] == "bold" or _capitals(text)) and _short(text, MAX_WORDS)
    if isinstance(b, ListBlock) and cue is not None and cue[0] == "item":
        return not b.items[0].children and _short(_block_text(b), MAX_ITEM_WORDS)
    return False


def _body(b: Block, cue: tuple[str, str] | None) -> bool:
    """Body text after a run of candidates: a paragraph that is not bold, a list, a table."""
    if isinstance(b, Paragraph):
        return b.role is None and bool(_block_text(b).strip()) and not (cue is not None and cue[0] == "bold")
    return b.kind in ("list", "table")


def _kind(text: str, cue: tuple[str, str] | None, block: Block) -> str:
    """The numbering kind of a heading, which sets its level."""
    if isinstance(block, ListBlock):
        if not block.ordered:
            return "bullet"
        number = cue[1] if cue else ""
        return "letter" if number[:1].isalpha() else "digit1"
    if _ROMAN.match(text):
        return "roman"
    m = _DIGITS.match(text)
    if m:
        return f"digit{m.group(1).count('.') + 1}"
    if _LETTER.match(text):
        return "letter"
    if _WORD_NUMBER.match(text):
        return "word"
    return "plain"


def _letterhead(blocks: list[Block], cues: dict[int, tuple[str, str]], promote: list[bool]) -> None:
    """A document has one title: in the first run of headings, plain lines stacked over the last plain one
    (``Coordination Nationale-INDH`` over ``Cadrage budgétaire de l'exercice 2025``) are its letterhead."""
    first = next((k for k, up in enumerate(promote) if up), None)
    if first is None:
        return
    plain: list[int] = []
    for k in range(first, len(blocks)):
        text = _block_text(blocks[k])
        if not promote[k] or _kind(text, cues.get(id(blocks[k])), blocks[k]) != "plain" or _CONTINUES.match(text):
            break
        plain.append(k)
    for k in plain[:-1]:
        promote[k] = False


def infer_headings(blocks: list[Block], cues: dict[int, tuple[str, str]]) -> list[Block]:
    """The blocks with the paragraphs and one-item lists that look like headings made headings."""
    flags = [_candidate(b, cues.get(id(b))) for b in blocks]
    promote = [False] * len(blocks)
    i = 0
    while i < len(blocks):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(blocks) and flags[j]:
            j += 1
        if j < len(blocks) and _body(blocks[j], cues.get(id(blocks[j]))):
            for k in range(i, j):
                promote[k] = True
        elif j == len(blocks) or (isinstance(blocks[j], Paragraph) and blocks[j].role == "note"):
            # the document's last lines (only notes after them): numbered ones are headings
            for k in range(i, j):
                promote[k] = _kind(_block_text(blocks[k]), cues.get(id(blocks[k])), blocks[k]) != "plain"
        i = j
    _letterhead(blocks, cues, promote)
    if not any(promote):
        return blocks
    order: list[str] = []
    last_number = 0
    out: list[Block] = []
    for b, up in zip(blocks, promote, strict=True):
        if not up:
            out.append(b)
            continue
        cue = cues.get(id(b))
        text = _block_text(b)
        if isinstance(b, ListBlock) and b.ordered and cue is not None:
            number = cue[1]
            digits = number[:-1]
            if digits.isdigit():
                n = int(digits)
                if n == 1 and last_number >= 1:  # pandoc restarts each one-item list at 1
                    n = last_number + 1
                last_number = n
                number = f"{n}{number[-1]}"
            text = f"{number} {text}"
        kind = _kind(text, cue, b)
        prev = out[-1] if out else None
        if (kind == "plain" and _CONTINUES.match(text) and isinstance(prev, Heading) and prev is not None
                and prev.sentences and len(_plain(prev.sentences[0].text + " " + text).split()) <= MAX_WORDS):
            prev.sentences[0].text = f"{prev.sentences[0].text} {text}"  # a title's second line: "-Axes 2 et 3 -"
            continue
        if kind not in order:
            order.append(kind)
        lang = b.lang
        out.append(Heading(level=min(6, order.index(kind) + 1), sentences=[Sentence(id="", text=text)], lang=lang,
                           direction=b.direction or (direction_for(lang) if lang else None)))
    return out

