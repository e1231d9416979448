"""Doubt on the words of a kept earlier OCR's layer (a scan under somebody else's invisible text).

A scanner's or ocrmypdf's layer that our OCR sample agrees with is kept as it is (decide.py), yet it
is still another engine's guess, and its errors are of kinds our own passes put right on pages we
read ourselves (`ls` for `le`, `!l` for `Il`, `concemant`, `9 OODE` for `9 000€`, `1*` or `19°` for
`1er`, a check mark read `v`, `#_` or `Y`, Arabic-Indic digits for `Il`). Nothing is changed here:
each line is looked at word by word, and a line holding a word of such a kind gets a confidence
under the doubt threshold (`text_layer_unsure`), so that its block reaches the reviewer as "check
against the source" instead of sound. Lines without such a word keep the page's rating.

What makes a word suspect (:func:`suspect_words`), on lines whose letters are mostly Latin:

* a lower-case word the French word lists do not know but would know with one of the letter
  confusions OCR makes (`rn`/`m`, `ri`/`n`, `li`/`h`, `cl`/`d`, an accent added or lost...):
  `concemant` (`concernant`), `mériage` (`ménage`); an unknown word with no such neighbour is
  left alone (the lists lack many inflected forms: `excusés`, `ordonnancés`); a one- or
  two-letter lower-case word French does not have (`ls`, `ef`, `v`, a lone `l`);
* marks no word holds (`|`, `#`, `_`, `*`, `!` before or inside letters, `\\`): `!l`, `||`, `#_`, `1*`;
* digits glued to a letter they are confused with (`O`, `o`, `I`, `l`, `S`, `B`, `Z`): `2O24`, `1l`;
  a number followed by a degree sign (`19°`: `1er` misread; `n°` is left alone);
* a capitals-only word made of digits' look-alikes right after a number (`9 OODE`);
* a line-leading lone `v`, `V`, `Y` before a capitalised word (a check mark read as a letter);
* Arabic letters or Arabic-Indic digits in a Latin line;
* an amount no page prints: a letter inside it (`7T9,41`), or malformed digit groups (`109 28,32€`), foreign_amounts.py.

Capitalised words the lists do not know are left alone (names: `Leroux`, `Ecrepin`). The measure
is checked against all the French truth of the corpus (docs/ocr.md, last section).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .confidence import DOUBT_BELOW, FOREIGN_NOTE, TEXT_UNSURE
from .foreign_amounts import suspect_amounts
from .lexicon import FR_ELISION, known_fr

if TYPE_CHECKING:
    from ..ingest.base import TextLine

LOST_NOTE = "ink the earlier OCR left unread"  # its report when foreign_gaps read some (pdf.py: its tables in doubt)
SUSPECT_CONFIDENCE = round(DOUBT_BELOW - 0.1, 3)  # a line holding a suspect word: under the threshold
AMOUNT_CONFIDENCE = round(SUSPECT_CONFIDENCE - 0.01, 3)  # a line whose misread amount our reading voted on (foreign_vote)

_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]")
_ARABIC = re.compile("[\u0621-\u064a\u0660-\u0669\u06f0-\u06f9]")
_EDGE = re.compile(r"^[\"'“”‘’«»(\[{<.,;:?…]+|[\"'“”‘’«»)\]}>.,;:?!…]+$")
_MARKS = re.compile(r"[|#\\~^{}]|!(?=\w)|\d\*|_(?=[^_\s])|(?<=[^_\s])_|^_$")  # `!l`, `||`, `1*`, `#_`, a lone `_`
_WEB = re.compile(r"://|@|^www\.")
_WORD = re.compile(r"^[a-zà-öø-ÿœ][a-zà-öø-ÿœ'’-]*$")
_CAPITAL = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿœ'’-]{3,}$")
_GLUED = re.compile(r"^(?=.*\d)(?=.*[OoIl])[\dOoIl.,]+$")  # digits mixed with their look-alike letters only
_MONTHS = frozenset("janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre".split())
_DEGREE = re.compile(r"^\d{1,2}[°*]$")  # `19°` or `1*` before a month: `1er` misread
_NUMBER = re.compile(r"^\d[\d.,]*$")
_LOOKALIKE = re.compile(r"^(?=.*[OD])[ODQISBZE€]{3,}$")
_CHECK = re.compile(r"^[vVyYŸ✓][’”'\"_]*$")
_PUNCT_ONLY = re.compile(r"^(?:[^\w\s]|_)+$")
_BULLETS = {"-", "–", "—", "*", "_", "•", "·", "o", "°", "✓"}  # ✓: a check mark told by its shape (check_marks.layer_marks)
# French words of one or two letters, and short forms that stand alone (anything else this short is a misread)
_SHORT = frozenset(
    "a à y x ô au ce ci de du en et il je la le là lu ma me mi ne ni nu on ou où pu sa se si su ta te tu un va vu "
    "eu dû çà ah oh ha hé ex cf vs km kg cm mm ml ht tt an op in of to".split())


# OCR's letter confusions (read -> printed), tried one at a time on an unknown word
_CONFUSIONS = (("m", "rn"), ("rn", "m"), ("ri", "n"), ("n", "ri"), ("li", "h"), ("h", "li"), ("cl", "d"),
               ("d", "cl"), ("vv", "w"), ("ii", "ü"), ("l", "i"), ("i", "l"), ("c", "e"), ("e", "c"), ("u", "n"),
               ("n", "u"), ("ci", "cl"), ("f", "t"), ("t", "f"), ("é", "e"), ("è", "e"))
ENDING = 3  # an accent confusion is not tried in a word's last letters (`excusés` is no `excuses`)


def near_known(word: str, accents: bool = True) -> bool:
    """Would the French word lists know this unknown word with one of OCR's letter confusions undone?"""
    core = FR_ELISION.sub("", word.lower().replace("’", "'"))
    if len(core) < 4 or known_fr(core):
        return False
    for read, printed in _CONFUSIONS:
        start = core.find(read)
        while start >= 0:
            if read in "éè" and (not accents or start >= len(core) - ENDING):
                break
            if known_fr(core[:start] + printed + core[start + len(read):]):
                return True
            start = core.find(read, start + 1)
    return False


def _latin_line(text: str) -> bool:
    latin = len(_LATIN.findall(text))
    return latin >= 3 and latin > 2 * len(re.findall("[\u0621-\u064a]", text))


def suspect_words(text: str) -> list[str]:
    """The words of one line of an earlier OCR's layer that look misread (see the module docstring)."""
    if not _latin_line(text):
        return []
    tokens = text.split()
    out: list[str] = suspect_amounts(text)  # an amount no page prints (`7T9,41`, `109 28,32€`)
    first = 1 if tokens and (tokens[0] in _BULLETS or _PUNCT_ONLY.match(tokens[0]) or _CHECK.match(tokens[0])) else 0
    for k, raw in enumerate(tokens):
        if k == 0 and (raw in _BULLETS or _PUNCT_ONLY.match(raw)):
            continue  # a bullet, or a check mark read as marks only (taken for a bullet)
        if _WEB.search(raw) or raw in out:
            continue
        word = _EDGE.sub("", raw)
        prev = _EDGE.sub("", tokens[k - 1]) if k else ""
        after = _EDGE.sub("", tokens[k + 1]).lower() if k + 1 < len(tokens) else ""
        if k == 0 and _CHECK.match(raw) and len(tokens) > 1 and tokens[1][:1].isupper():
            out.append(raw)  # a check mark read as a letter
        elif _ARABIC.search(raw) or _MARKS.search(raw):
            out.append(raw)
        elif _GLUED.match(word) or (_DEGREE.match(word) and after in _MONTHS):
            out.append(raw)
        elif _NUMBER.match(prev) and _LOOKALIKE.match(word):
            out.append(raw)
        elif _WORD.match(word):
            if len(word) == 1 and raw[-1:] in ".,)’'":
                continue  # an enumerator (`b.`, `a)`) or an elided article
            if (len(word) <= 2 and word not in _SHORT) or near_known(word):
                out.append(raw)
        elif k == first and _CAPITAL.match(word) and near_known(word, accents=False):
            out.append(raw)  # a sentence's first word (`Déciare`): names elsewhere are left alone
    return out


def mark_suspect_lines(lines: Iterable[TextLine]) -> int:
    """Put lines holding a suspect word under the doubt threshold (``text_layer_unsure``); the others
    are left for the page's rating. Returns how many lines were put in doubt."""
    n = 0
    for ln in lines:
        if ln.confidence is None and suspect_words(ln.text):
            ln.confidence, ln.doubt = SUSPECT_CONFIDENCE, TEXT_UNSURE
            n += 1
        elif ln.confidence == AMOUNT_CONFIDENCE:  # in doubt since the vote, whatever it made of the amount
            n += 1
    return n


def note(count: int, mended: int = 0, lost: int = 0) -> str:
    """What the page's report adds when ``count`` of its lines were put in doubt (``confidence.apply``
    then rates the page's blocks by their lines, not by the page), ``mended`` words were replaced
    by our own reading (foreign_vote.py) and ``lost`` lines took in ink the layer left unread
    (foreign_gaps.py, in doubt too)."""
    out = f"; {mended} of its words read again and put right" if mended else ""
    if lost:
        out += f"; {lost} line{'s' if lost != 1 else ''} hold {LOST_NOTE}, read by our OCR"
    count += lost
    return out + (f"; {count} line{'s' if count != 1 else ''} hold {FOREIGN_NOTE}" if count else "")
