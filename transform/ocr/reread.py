"""Arabic words read unsure and unknown, read again at a larger scale; the word list settles it.

On office scans ``ara`` misreads a letter or two of a word and says so by a low confidence
(``الجهوبة``, ``رئبس``, ``المنعلق``, ``الأسامي``): the one-letter repair of :mod:`spelling` puts
some right, but not a word one letter off two listed words, nor one two letters off. The same
line read again alone (``--psm 13``), enlarged, often reads such a word right: the model sees
the letters bigger and without the layout's neighbours.

Only where the sign is there: the Arabic lines holding a word of three letters or more, Arabic
letters only, read under REREAD_CONF, that the word list does not know (:func:`spelling._word`,
after the one-letter repairs). Those lines are cut from the page image enlarged SCALE times and
read in one tesseract call (``ara``). A word is replaced by what the re-reading reads **at its
place** (the re-read words whose centre lies inside its box and in no other word's box of the
line) when that is one word, Arabic letters only, that the list knows, at most MAX_EDITS
letters from the first reading (a vote of the re-reading and the word list: a right word the
list lacks is left as read, since nothing known is read in its place). Every other word of the
line stays as first read, numbers included.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PIL import Image

from .lexicon import edits as _edits
from .lexicon import normalise_ar
from .spelling import _EDGES, _word

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

REREAD_CONF = 75.0  # Arabic words read under this confidence and unknown to the list are read again
SCALE = 1.5  # the page image enlarged this much for the re-reading
MAX_EDITS = 2  # letters a replacement may differ by (a word two letters off: المنعلق for المتعلق is one)
MAX_LINES = 40  # lines read again per page at most
MIN_LETTERS = 3
MIN_NEW_CONF = 50.0  # the replacement read at least this sure (and surer than the word it replaces)
_AR_WORD = re.compile("^[\u0621-\u064a]+$")


def unsure_unknown(words: list[str], confs: list[float], sure: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The words of an Arabic line (as tesseract lists them) that are read again: Arabic letters
    only (punctuation at their edges aside), three or more, read under REREAD_CONF, unknown, and
    not read sure elsewhere on the page (``sure``, :func:`spelling.sure_words`: a word the list lacks)."""
    out = []
    for w, c in zip(words, confs, strict=True):
        m = _EDGES.match(w)
        core = m.group(2) if m else w
        if (c < REREAD_CONF and len(core) >= MIN_LETTERS and _AR_WORD.match(core) and not _word(core)
                and normalise_ar(core) not in sure):
            out.append(w)
    return out


def in_place(listed: list[tuple[str, float, float, float, float]], confs: list[float], targets: list[str],
             new_words: list[tuple[str, float, float, float, float]], new_confs: list[float]) -> dict[int, str]:
    """{index in ``listed``: the word to put there} for each target word of the line (``listed``:
    its words with their boxes in points, as tesseract listed them) that the re-reading
    ``new_words`` reads as one known word at its place (module docstring)."""
    out: dict[int, str] = {}
    left = list(targets)
    for k, (word, *_box) in enumerate(listed):
        if word not in left:
            continue
        left.remove(word)
        at = at_place(listed, k, new_words)
        if at is None:
            continue
        m, n = _EDGES.match(word), _EDGES.match(new_words[at][0])
        if m is None or n is None:
            continue
        head, core, tail = m.groups()
        new, conf = n.group(2), new_confs[at]
        ok = (new != core and _AR_WORD.match(new) and len(new) >= MIN_LETTERS and _word(new)
              and abs(len(new) - len(core)) <= 1 and _edits(core, new) <= MAX_EDITS)
        if ok and conf >= MIN_NEW_CONF and conf > confs[k]:
            out[k] = f"{head}{new}{tail}"
    return out


def at_place(listed: list[tuple[str, float, float, float, float]], k: int,
             new_words: list[tuple[str, float, float, float, float]]) -> int | None:
    """The index in ``new_words`` (a re-reading of the line, boxes in points) of the one word read
    at the place of ``listed[k]``: its centre inside that word's box and in no other word's box
    of the line; None when there is not exactly one."""
    _word_, x0, top, x1, bottom = listed[k]
    others = [b for j, b in enumerate(listed) if j != k]
    inside = [j for j, w in enumerate(new_words) if x0 <= (w[1] + w[3]) / 2 <= x1 and w[2] < bottom and w[4] > top
              and not any(o[1] <= (w[1] + w[3]) / 2 <= o[3] for o in others)]
    return inside[0] if len(inside) == 1 else None


def put_words(result: OcrResult, ln: TextLine, listed: list[tuple[str, float, float, float, float]],
              put: dict[int, str]) -> int:
    """Write the words ``put`` (index in ``listed`` -> new text) into the line's text and its listed words; how many."""
    if not put:
        return 0
    from .tesseract import line_text

    listed = [(put[j], *b[1:]) if j in put else b for j, b in enumerate(listed)]
    ln.text = line_text([b[0] for b in listed], [(b[1] + b[3]) / 2 for b in listed], True)
    result.rtl_words[id(ln)] = (ln.text, listed)
    return len(put)


def reread_unsure(pimg: PageImage, result: OcrResult, timeout: float) -> int:
    """Read again the Arabic lines of ``result`` holding unsure unknown words (module docstring);
    the lines' texts and listings are changed in place. Returns the number of words replaced."""
    from .render import PageImage as _Image
    from .tesseract import _pad, read_rows

    picked = [ln for ln in result.lines if result.unsure_ar.get(id(ln)) and id(ln) in result.rtl_words
              and result.rtl_words[id(ln)][0] == ln.text][:MAX_LINES]
    if not picked:
        return 0
    size = (round(pimg.image.width * SCALE), round(pimg.image.height * SCALE))
    big = _Image(pimg.image.resize(size, Image.Resampling.LANCZOS), pimg.dpi * SCALE, pimg.page, pimg.width_pt,
                 pimg.height_pt)
    k = big.dpi / 72.0
    boxes = [_pad(big, int(ln.x0 * k), int(ln.top * k), int(ln.x1 * k) + 1, int(ln.bottom * k) + 1) for ln in picked]
    changed = 0
    for ln, sub in zip(picked, read_rows(big, boxes, "ara", timeout), strict=True):
        text, listed = result.rtl_words[id(ln)]
        new_words = [w for x in sub.lines for w in sub.rtl_words.get(id(x), ("", []))[1]]
        new_confs = [c for x in sub.lines for c in sub.word_confs.get(id(x), [])]
        confs = result.word_confs.get(id(ln), [])
        if len(new_confs) != len(new_words) or len(confs) != len(listed):
            continue
        put = in_place(listed, confs, result.unsure_ar[id(ln)], new_words, new_confs)
        changed += put_words(result, ln, listed, put)
    return changed
