"""Words tesseract read from a dotted or dashed rule: no letter is that flat.

A form's short dotted rules (the `-------` under a letterhead's line), the end of a fill-in blank
the leader finder left (leaders.py: a blank glued to a word, under a ruled band) and a dash-led
dotted line come back as words: `سات`, `سم`, `annee`, `avant`, `5`, `00`, `1`. Their boxes are the
rule's: a band of ink no higher than a dot. A letter or a digit, even of a footnote's small print,
stands higher than that, so such a word is no word:

* a box at most FLAT_IN high, whatever its width (a dotted rule's end, a speck row);
* a box at most LOW_IN high and at least LONG times as wide as it is high (a rule's stretch read
  as a lowercase word: `avant` over a blank's dots).

It is found where tesseract's words are gathered (tesseract.parse_tsv) and taken out of its line
once the re-readings are done (page_passes.kept_lines); a line left with nothing is dropped. The
re-readings see the line as before: taking the words out earlier changed what they chose (a line
emptied of its rule's words was read again as a row tesseract skipped, a stray word's line re-read
otherwise). The line's word listings (its words' boxes, by which the table and number passes cut
it) lose the same words: left as listed, the tables of the Sfax notice put a date in the wrong
cell.

A token of punctuation alone (`....`, `-`) is kept: it is no word for the reader either, and dots
are what the truth pages write for a blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .tesseract import OcrResult

FLAT_IN = 0.03  # a word box this high or less (inches) is a rule's: 7 pixels at 250 dpi, a 5 pt font's x-height
LOW_IN = 0.04  # ...or this high or less...
LONG = 4.0  # ...and this many times as wide as high (a rule's stretch)
_WORDISH = regex.compile(r"[\p{L}\p{N}]")


def flat_word(text: str, width: int, height: int, dpi: float) -> bool:
    """Is a word read with this box (pixels at ``dpi``) a rule's ink rather than a word?"""
    if height <= 0 or not _WORDISH.search(text):
        return False
    if height <= FLAT_IN * dpi:
        return True
    return height <= LOW_IN * dpi and width >= LONG * height


def without_flat(text: str, first: str, flat: list[str]) -> str:
    """A line's ``text`` without the words read from a rule's ink (``flat``). ``first`` is the line's text as first
    made: a word is taken out only when every token it stands as there was read flat (a real ``1`` of the same line
    is never taken for the flat one), and only as many times as it was (a re-reading that replaced the stray words of
    the line keeps the rest of it, the rule's words with it)."""
    tokens, made = text.split(), first.split()
    for w in set(flat):
        n = flat.count(w)
        if made.count(w) == n and 0 < tokens.count(w) <= n:
            tokens = [t for t in tokens if t != w]
    return " ".join(tokens)


def keep_listings(result: OcrResult, ln: TextLine, text: str) -> None:
    """``ln``'s text set to ``text`` (its rule's words taken out), and its words as tesseract listed them (the boxes
    the table and number passes read by) without those words, where the listing read as the line did."""
    if text == ln.text:
        return
    gone = set(ln.text.split()) - set(text.split())
    if id(ln) in result.rtl_words and result.rtl_words[id(ln)][0] == ln.text:
        listed = result.rtl_words[id(ln)][1]
        kept = [k for k, b in enumerate(listed) if b[0] not in gone]
        result.rtl_words[id(ln)] = (text, [listed[k] for k in kept])
        if id(ln) in result.word_confs and len(result.word_confs[id(ln)]) == len(listed):
            result.word_confs[id(ln)] = [result.word_confs[id(ln)][k] for k in kept]
    if id(ln) in result.word_boxes:
        result.word_boxes[id(ln)] = [b for b in result.word_boxes[id(ln)] if b[0] not in gone]
    ln.text = text
