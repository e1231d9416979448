"""Words of a document's OCR'd tables that no list knows, put right by a word read elsewhere in them.

A table of posts repeats its words from cell to cell and page to page: Sfax's notice reads
`إثبات` right in two cells and `إثيات` in a third, `الثقيلة` right in one cell and `الثقيئة` in
another, `بانجاز` right on p. 4 and `باتجاز` on p. 3. An Arabic word of MIN_LETTERS letters or
more that the lists do not know (:func:`repeated_cells._known`) takes the one word of the same
length, one letter off, that the lists know and the document's OCR'd tables read elsewhere; two
such words (`سثه`: `سته`, `سنه`) leave it as read. Table cells only: over the corpus's truth, the
rule changes none of the 9,006 words of its tables with each document's table words as the
vocabulary, but 14 words of its paragraphs (`مستغل` beside `تستغل`, `الصائر` beside `الصادر`).
A word read twice in a row is read once (:func:`_unstuttered`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Sentence
from .repeated_cells import _ARABIC, _cell_text, _key, _known
from .wordfix import rare

if TYPE_CHECKING:
    from ..model import Table

MIN_LETTERS = 4  # shorter words: the lists hold every such key


def _one_off(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _vocabulary(tables: list[Table]) -> set[str]:
    out: set[str] = set()
    for t in tables:
        for row in t.rows:
            for cell in row:
                for tok in _cell_text(cell).split():
                    k = _key(tok)
                    if len(k) >= MIN_LETTERS and _ARABIC.fullmatch(k) and _known(k):
                        out.add(k)
    return out


_ENDINGS = ("ون", "ين", "ات", "ان", "ة")  # a sound plural, a dual, a feminine


def _inflected(key: str) -> bool:
    """A known or rare stem with the article and a plural, dual or feminine ending (`المتدرجون`: `متدرج`):
    a word the lists hold only in another form, not a misreading."""
    stem = key[2:] if key.startswith("ال") else key
    for end in _ENDINGS:
        base = stem[: -len(end)]
        if stem.endswith(end) and len(base) >= 3 and (_known(base) or rare(base)):
            return True
    return False


def _fixed(token: str, words: set[str]) -> str | None:
    k = _key(token)
    if len(k) < MIN_LETTERS or not _ARABIC.fullmatch(k) or _known(k) or _inflected(k) or k not in token:
        return None
    found = [w for w in words if _one_off(k, w)]
    return token.replace(k, found[0]) if len(found) == 1 else None


def _unstuttered(toks: list[str]) -> list[str]:
    """The cell's tokens without an Arabic word of MIN_LETTERS letters or more read twice in a row
    (Sfax p. 3's `صيانة مختلف تجهيزاتها تجهيزاتها`: the cell's last line read again beside the line
    above); no table cell of the corpus's truth prints a word twice in a row (one paragraph does,
    `الجدول الجدول`: paragraphs are not touched). The second reading goes, with its marks."""
    out: list[str] = []
    last = ""
    for tok in toks:
        k = _key(tok)
        if k and k == last and len(k) >= MIN_LETTERS and _ARABIC.fullmatch(k):
            continue
        out.append(tok)
        last = k or last
    return out


def words_from_tables(tables: list[Table]) -> int:
    """Put right, in ``tables`` (a document's OCR'd tables), the unknown words one letter off a
    word they read elsewhere (module docstring). Returns how many words changed."""
    words = _vocabulary(tables)
    changed = 0
    for t in tables:
        for row in t.rows:
            for cell in row:
                toks = _cell_text(cell).split()
                new = _unstuttered([_fixed(tok, words) or tok for tok in toks])
                if new != toks:
                    changed += sum(a != b for a, b in zip(new, toks, strict=False)) + len(toks) - len(new)
                    cell.sentences = [Sentence(id="", text=" ".join(new), notes={})]
    return changed
