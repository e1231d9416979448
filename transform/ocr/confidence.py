"""How sure the reader is of each line and block: one scale, one threshold.

Every line read from a PDF or an image gets ``confidence`` in 0..1 and, when it is in doubt, a
short ``doubt`` code; blocks take theirs from their lines. Two sources, put on one scale:

* a **text-layer** line: its page's text-layer score (:func:`transform.ocr.quality.assess`),
  or the agreement of the OCR sample that vouched for a borderline page, if higher;
* an **OCR'd** line: tesseract's mean word confidence over the line, divided by 100.

One threshold, :data:`DOUBT_BELOW`, applies to both. Measured on the samples scanned at 60 to
300 dpi (597 OCR'd lines against their text): lines under 70 % word confidence were wrong
(character similarity < 0.90) in 73 % of cases, lines at 70-80 % in 41 %, lines over 85 % in
about 20 % (mostly table cells cut differently from the truth). A text layer scored under 0.70
is at most one step above "borderline". Below the threshold a block reaches the reviewer as
"check against the source", never as sound.

Doubt codes: ``ocr_low_confidence``, ``text_layer_unsure``, ``digits_disagree`` (the digits of
the text layer differ from what the page prints and could not be put right, see digits.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from ..model import Block, PageReport

DOUBT_BELOW = 0.70
OCR_LOW = "ocr_low_confidence"
TEXT_UNSURE = "text_layer_unsure"
DIGITS = "digits_disagree"
DIGITS_NOTE = "left in doubt"  # a page report saying some of its digits could not be put right (digits.py)
FOREIGN_NOTE = "words an earlier OCR may have misread"  # a kept earlier OCR's layer whose lines are rated one by one (foreign_layer.py)
_RANK = {DIGITS: 3, OCR_LOW: 2, TEXT_UNSURE: 1}  # the doubt a block reports when its lines have several
MIN_LINE_CHARS = 3  # a shorter line (a bullet, a stray mark) does not decide a block's confidence alone


def rate(confidence: float | None, *, ocr: bool, doubt: str | None = None) -> tuple[float | None, str | None]:
    """(confidence, doubt) for a value on the 0..1 scale; ``doubt`` given by the caller wins."""
    if confidence is None:
        return None, doubt
    confidence = round(max(0.0, min(1.0, confidence)), 3)
    if doubt is None and confidence < DOUBT_BELOW:
        doubt = OCR_LOW if ocr else TEXT_UNSURE
    return confidence, doubt


def from_ocr(word_conf: float) -> tuple[float, str | None]:
    """A tesseract mean word confidence (0-100) on the common scale."""
    c, d = rate(word_conf / 100.0, ocr=True)
    assert c is not None
    return c, d


def from_text_layer(score: float | None, agreement: float | None = None) -> tuple[float | None, str | None]:
    """A page's text-layer score (or the OCR sample's agreement, if higher) on the common scale."""
    if score is None:
        return None, None
    return rate(max(score, agreement or 0.0), ocr=False)


def mark_lines(lines: Iterable[TextLine], confidence: float | None, doubt: str | None) -> None:
    """Give lines a confidence unless they already have one (an OCR'd line keeps its own)."""
    for ln in lines:
        if ln.confidence is None:
            ln.confidence = confidence
            if ln.doubt is None:
                ln.doubt = doubt


def of_lines(lines: Sequence[TextLine]) -> tuple[float | None, str | None]:
    """A block's (confidence, doubt) from its lines: its weakest line counts (lines of fewer
    than MIN_LINE_CHARS characters only when the block has nothing else), and the strongest
    doubt of its lines is kept."""
    rated = [ln for ln in lines if ln.confidence is not None]
    if not rated:
        return None, None
    full = [ln for ln in rated if len(ln.text.strip()) >= MIN_LINE_CHARS] or rated
    confidence = min(ln.confidence or 0.0 for ln in full)
    doubts = [ln.doubt for ln in full if ln.doubt]
    if doubts:
        return round(confidence, 3), max(doubts, key=lambda d: _RANK.get(d, 0))
    return round(confidence, 3), TEXT_UNSURE if confidence < DOUBT_BELOW else None


def apply(blocks: Sequence[Block], groups: Sequence[object], reports: Sequence[PageReport] = ()) -> None:
    """Rate the blocks (:func:`_rate`), then put in doubt the tokens no printed word can be, whatever read them
    (``odd_tokens.mark_odd``: letters of two scripts, a stray mark inside a word)."""
    from .odd_tokens import mark_odd

    _rate(blocks, groups, reports)
    mark_odd(blocks)


def _rate(blocks: Sequence[Block], groups: Sequence[object], reports: Sequence[PageReport] = ()) -> None:
    """Set ``confidence``/``doubt`` on blocks that have none, from the lines they were made of.

    A block on a page whose text layer was used takes the page's rating (all its lines share
    it), unless the page's report says some of its digits were left in doubt; a table holding a
    doubtful cell (``Cell.doubt``, :mod:`cell_doubt`) takes that cell's doubt. Other blocks
    (OCR'd pages, such pages) are matched to their line groups (``pdf_blocks.group_lines``:
    anything with ``lines``, ``text`` and, for tables, ``table``) by identity (tables) or by
    text (headings, paragraphs, list items), and rated by :func:`of_lines`.
    """
    from ..model import ListBlock, Table
    from ..model.walk import block_text
    from .cell_doubt import table_doubt
    from .line_doubt import mark

    for b in blocks:  # a table holding a doubtful cell is doubtful (a table joined across pages included)
        if isinstance(b, Table) and b.doubt is None:
            b.doubt = table_doubt(b.rows)
    page_rate = {r.page: from_text_layer(r.score) for r in reports if r.method == "text" and DIGITS_NOTE not in r.reason}
    by_line = {r.page for r in reports if FOREIGN_NOTE in r.reason}  # the page's rating unless its lines hold a doubt
    pending = [b for b in blocks if b.confidence is None
               and not (b.page in page_rate and b.page not in by_line and _set(b, page_rate[b.page]))]
    if not pending:
        return
    by_text: dict[str, list[TextLine]] = {}
    by_table: dict[int, list[TextLine]] = {}
    for g in groups:
        lines = list(getattr(g, "lines", None) or [])
        table = getattr(g, "table", None)
        if table is not None:
            by_table[id(table)] = lines
        elif lines:
            by_text.setdefault(_norm(str(getattr(g, "text", ""))), []).extend(lines)
    for b in pending:
        pairs: list = []  # (sentence, its lines): where in the block its doubt is (line_doubt.py)
        if isinstance(b, Table):
            lines = by_table.get(id(b), [])
        elif isinstance(b, ListBlock):
            pairs = [(it.sentences[0], by_text.get(_norm(" ".join(s.text for s in it.sentences)), []))
                     for it in _items(b.items) if len(it.sentences) == 1]
            lines = [ln for item in _items(b.items) for ln in by_text.get(_norm(" ".join(s.text for s in item.sentences)), [])]
        else:
            lines = by_text.get(_norm(block_text(b)), [])
            sents = getattr(b, "sentences", [])  # (a figure has none)
            pairs = [(sents[0], lines)] if len(sents) == 1 else []
        rating = of_lines(lines)
        prior = b.doubt
        _set(b, rating if b.page not in by_line or rating[1] else page_rate.get(b.page, rating))
        if pairs and lines:
            mark(pairs, b, prior is None and (b.doubt is None or b.doubt == rating[1]))


def _set(block: Block, rating: tuple[float | None, str | None]) -> bool:
    block.confidence, block.doubt = rating[0], block.doubt or rating[1]
    return True


def _norm(text: str) -> str:
    return " ".join(text.split())


def _items(items: list) -> list:  # type: ignore[type-arg]
    out = []
    for it in items:
        out.append(it)
        out.extend(_items(it.children))
    return out


def count_doubtful(blocks: Iterable[Block]) -> int:
    """How many blocks are in doubt (a ``doubt`` code, or a confidence under the threshold)."""
    return sum(1 for b in blocks if b.doubt or (b.confidence is not None and b.confidence < DOUBT_BELOW))


def reading_summary(doc: object) -> str | None:
    """One line for the CLI: how the pages were read and how many blocks are in doubt, e.g.
    "12 pages: 3 OCR'd, 1 unreadable; 5 of 140 blocks to check against the source"; None for
    documents without pages or ratings (office formats)."""
    from ..model import Document
    from ..model.walk import iter_blocks

    if not isinstance(doc, Document):
        return None
    pages = doc.meta.pages
    blocks = [b for _s, b in iter_blocks(doc)]
    doubtful = count_doubtful(blocks)
    if not pages and not any(b.confidence is not None for b in blocks):
        return None
    parts = []
    if pages:
        counts = {m: sum(1 for p in pages if p.method == m) for m in ("ocr", "unreadable")}
        how = [f"{counts['ocr']} OCR'd"] + ([f"{counts['unreadable']} unreadable"] if counts["unreadable"] else [])
        parts.append(f"{len(pages)} page{'s' if len(pages) != 1 else ''}: {', '.join(how)}")
    parts.append(f"{doubtful} of {len(blocks)} block{'s' if len(blocks) != 1 else ''} to check against the source")
    return "; ".join(parts)
