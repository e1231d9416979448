"""Which sentences and words of a block are in doubt: one reading for the review page and the trust measure.

A sentence carries a doubt of its own (``Sentence.doubt``, with the character spans it is unsure of in
``Sentence.unsure``; none: the whole sentence). A block (or a table cell) in doubt none of whose sentences carries a
doubt is in doubt throughout: each of its sentences takes the block's doubt, every word of them. When some sentence
of the block carries one, the reader has said where the doubt is: only those sentences, and in them only the
unsure spans (or all their words when they have none), are in doubt (``transform/ocr/line_doubt.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import Sentence

_TOKEN = re.compile(r"\S+")


def sentence_doubts(sentences: Sequence[Sentence], parent: str | None) -> list[str | None]:
    """The doubt of each sentence of a unit (a block, a list's items together, a table cell) whose doubt is
    ``parent``: its own, else the parent's when no sentence of the unit has one of its own."""
    if any(s.doubt for s in sentences):
        return [s.doubt for s in sentences]
    return [parent for _s in sentences]


def unsure_spans(sentence: Sentence, doubt: str | None) -> list[tuple[int, int]]:
    """The character spans of the sentence in doubt, given its doubt (as ``sentence_doubts`` says): its own spans,
    or the whole text."""
    if not doubt:
        return []
    if sentence.doubt and sentence.unsure:
        return [(a, b) for a, b in sentence.unsure]
    return [(0, len(sentence.text))] if sentence.text else []


def unsure_tokens(sentence: Sentence, doubt: str | None) -> list[bool]:
    """Per white-space token of the sentence's text: is it in doubt."""
    spans = unsure_spans(sentence, doubt)
    return [any(a < e and s < b for s, e in spans) for a, b in (m.span() for m in _TOKEN.finditer(sentence.text))]


SOURCE_DOUBT = "source_doubt"  # notes of a draft's sentence: the doubt of the source sentence of its segment
SOURCE_UNSURE = "source_unsure"  # ... and its unsure spans in the source text, "start-end start-end"


def carry(source: object, draft: object) -> int:
    """Give the first sentence of each segment of a simplified ``draft`` the doubt its source sentence carries
    (notes ``source_doubt``, ``source_unsure``: spans of the segment's source text), for the review page; how many.
    Segments are told by their ``segment`` note (else their id), as the review API groups them."""
    from .document import Document
    from .walk import iter_sentences

    if not isinstance(source, Document) or not isinstance(draft, Document):
        return 0
    own = {loc.sentence.id: loc.sentence for loc in iter_sentences(source) if loc.sentence.doubt}
    if not own:
        return 0
    done: set[str] = set()
    for loc in iter_sentences(draft):
        s = loc.sentence
        seg = s.notes.get("segment", s.id)
        src = own.get(seg)
        if src is None or seg in done or (s.source_text or src.text) != src.text:
            continue
        done.add(seg)
        s.notes[SOURCE_DOUBT] = str(src.doubt)
        if src.unsure:
            s.notes[SOURCE_UNSURE] = " ".join(f"{a}-{b}" for a, b in src.unsure)
    return len(done)


def spans_of(note: str | None) -> list[tuple[int, int]]:
    """``source_unsure``'s spans back as pairs (malformed parts left out)."""
    out = []
    for part in (note or "").split():
        a, _, b = part.partition("-")
        if a.isdigit() and b.isdigit() and int(a) < int(b):
            out.append((int(a), int(b)))
    return out
