"""Word misreads of French OCR'd lines that the words themselves tell, no image needed.

Held-out French scans (pages nobody tuned the reading on) showed misreads of kinds no earlier rule covered, each a
kind any French scan makes. Every rule here was put through every truth line, table cell and furniture line of the
corpus (6,135 texts, French and Arabic): none changed. The rules, token by token (:func:`french_fixes`):

* **an accent the word does not carry**: a word in small letters the French list does not know, that holds an accent
  (``téchnique``, ``tärd``), becomes the word with one accent taken off when exactly one such word is known
  (``technique``, ``tard``); ``ä``/``ö`` are no French letters at all; a French accent is judged on words of
  MIN_ACCENTED letters or more (``mèl``, printed so, is unknown to the list), never on a participle's final ``é``
  (``excusés``, ``ambrées``); a diaeresis letter read over an ``i`` goes when that makes a known word (``droïit``);
* **a letter read as two** (:func:`split_letters`): in an unknown word of MIN_SPLIT letters or more, ``ri`` for
  ``n``, ``rn``/``in`` for ``m``, ``cl`` for ``d``, ``li`` for ``h``, when exactly one known word comes of it
  (``conséquerice``);
* **an elided article read apart or as a capital**: ``l`` standing alone before a word of the list opening on a
  vowel or ``h`` is ``l'`` glued to it (``l intérêt`` -> ``l'intérêt``; after a number it is a litre); a word
  the list does not know, a capital ``P`` then small letters that are a word of the list opening on a vowel
  (``Pinstallation``), is that word after ``l'`` (``l’i`` read ``Pi``); a known word (``Pont``) stays; ``1'`` or
  ``I'`` before such a word is ``l'``; so is ``l`` glued to a known word of six letters or more opening on a vowel,
  the whole unknown (``léligibilité``), and ``P`` before a capitalised one (``PEtat``);
* **an article's l read J or I**: ``Ja`` (never French), ``Ia``, ``Ie``, ``Ies`` after a word in small letters (or a
  comma) and before one are ``la``, ``la``, ``le``, ``les``; ``dela`` is ``de la``;
* **a speck glued to a short word**: ``à.1 500`` (``à`` ends no sentence) is ``à 1 500``;
* **a space lost**: ``M.le`` (a title's abbreviation, its dot, an article) is ``M. le``; ``àMonsieur`` (``à`` glued
  to a capitalised word) is ``à Monsieur``, ``àla`` is ``à la``; a pronoun glued to a known word, the whole unknown
  (``ilest``), is two words;
* **a short word read twice**: ``déléguée de de`` (``de``, ``la``, ``et``... twice in a row, the same case) is one;
* **a lone ``j``** between two words in small letters (``j'`` elides, ``j)`` numbers a list item) is a speck: dropped;
* **an ordinal's raised e read as a degree sign**: ``de la 5° classe`` (a number of 2 or more with ``°`` after
  ``la``/``le``/``du``/``au``, before a noun of the list) is ``5e``; ``au sens du 1° du`` (a numbered clause) stays;
* **a raised ``er`` read as ``%`` or ``*``**: ``(1% alinéa)``, ``1* janvier`` before a word ``1er`` opens (a month,
  ``alinéa``, ``trimestre``...) is ``1er``;
* **an ordinal's raised e read as a euro sign**: ``(3€ alinéa)``, ``(1er et 6€ alinéas)``: a number of 2 to 99 with
  ``€`` after it, before a noun ranked by ordinals (:data:`ORDINAL_NOUNS`: ``alinéa``, ``paragraphe``, ``classe``...;
  no amount stands before them) is ``3e`` (latin_digits.py reads the ``22`` of ``(2e alinéa)`` again);
* **a Hijri month's rank read as a digit**: ``joumada 1 1417`` (the rank ``I`` or ``II`` of ``joumada``/``rabii``
  before the year) is ``joumada I 1417``.

:func:`latin_misreads.text_fixes` calls :func:`french_fixes` on every line of a French OCR'd page; the line's listed
words follow (``latin_misreads._retext``). :func:`no_phrase` tells a line made only of joining words (``Le et``), put
in doubt there; :func:`settle_accents` (called by ``doc_words``) settles a word's accent by the document's readings.
"""

from __future__ import annotations

import re
import unicodedata

from .lexicon import known_fr

_VOWEL = "aeiouyhàâäéèêëîïôöùûü"
MIN_ACCENTED = 5  # letters of a word whose French accent may be taken off (ä, ö: any word)
_FOREIGN = re.compile(r"[äö]")  # accents French never writes
_ACCENTED = re.compile(r"[àâäéèêëîïôöùûü]")
_LOW_WORD = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ]+$")
_EDGE = re.compile(r"^([(«\"“‘]*)(.*?)([,.;:!?)»\"”’]*)$")
_LOW_END = re.compile(r"[a-zà-ÿ],?$")
_CAP_P = re.compile(r"^P([aeiouyhàâéèêîôAEIOUÉÈ][a-zà-ÿ]{3,})([,.;:]?)$")
_GLUED_L = re.compile(r"^(l[aeiouyhàâéèêîô][a-zà-ÿ]{5,})([,.;:]?)$")  # léligibilité: l' lost its apostrophe
_PRONOUN_GLUED = re.compile(r"^(ils|il|elles|elle|on)([a-zà-ÿ]{3,})([,.;:]?)$")  # ilest: a pronoun glued to its verb
_A_WORD = re.compile(r"^à([a-zà-ÿ]{2,})([,.;:]?)$")  # àla: à glued to the next word
_ONE_ELIDED = re.compile(r"^[1I](['’])([aeiouyhàâéèêîô][a-zà-ÿ]+)([,.;:]?)$")  # 1'article, I'État read for l'
_ABBREV_ARTICLE = re.compile(r"^(M|MM|Mme|Mmes|Mlle|Me|Mgr|Dr)\.(le|la|les|l['’][A-Za-zÀ-ÿ]+)([,.;:]?)$")
_A_GLUED = re.compile(r"^à([A-ZÀ-Ý][a-zà-ÿ]+)([,.;:]?)$")
_A_DOT = re.compile(r"^à\.([0-9][0-9 ,.]*)$")
MIN_SPLIT = 7  # letters of a word whose letter pairs may be one letter split (a short word is too often another)
_SPLIT = (("ri", "n"), ("rn", "m"), ("in", "m"), ("cl", "d"), ("li", "h"))
_PARTICIPLE = frozenset({"", "e", "s", "es"})  # what follows the é of a past participle
_I_ARTICLES = {"Ja": "la", "Ia": "la", "Ie": "le", "Ies": "les"}
_DEGREE = re.compile(r"^([2-9]|[1-9][0-9])°$")
_ORDINAL_BEFORE = frozenset({"la", "le", "du", "au"})  # an ordinal's article (``de la 5e classe``)
_NOT_NOUNS = frozenset("des les une sur par pour dans avec sans sous que qui dont est ont".split())
_FUNCTION_WORDS = frozenset("de la le les des du et à au aux un une en par pour sur que qui".split())
_AFTER_FIRST = frozenset("alinéa paragraphe trimestre semestre échelon grade étage adjoint janvier février mars avril mai "
                         "juin juillet août septembre octobre novembre décembre".split())  # words 1er stands before
# nouns a text ranks by ordinals (``2e alinéa``, ``5e classe``), before which an amount in euros never stands
ORDINAL_NOUNS = frozenset("alinéa alinéas paragraphe paragraphes classe classes catégorie catégories trimestre trimestres "
                          "semestre semestres échelon échelons grade grades étage étages arrondissement "
                          "arrondissements".split())
_EURO_ORDINAL = re.compile(r"^(\(?)([2-9]|[1-9][0-9])€([),;]?)$")
_HIJRI = frozenset({"joumada", "jumada", "rabii", "rabia", "rebia", "rabiâ", "rebiâ"})
_RANKS = {"1": "I", "11": "II"}
_YEAR = re.compile(r"^1[34][0-9]{2}[,.;:)]?$")


def _split(tok: str) -> tuple[str, str, str]:
    m = _EDGE.match(tok)
    return m.groups() if m else ("", tok, "")  # type: ignore[return-value]


# The é of a word-forming prefix (déstockage, réimplanter, préfinancement): the list lacks many such words while
# knowing their stem, and the plain form it does know (destockage) is the misspelling, not the word.
_PREFIX_E = re.compile(r"(?:d|r|pr)é$")


def plain_accent(core: str) -> str | None:
    """The word of the list ``core`` (small letters, unknown to the list) is with one accent taken off, when exactly
    one such word is known; None otherwise."""
    if not _LOW_WORD.match(core) or len(core) < 3 or not _ACCENTED.search(core) or known_fr(core):
        return None
    if len(core) < MIN_ACCENTED and not _FOREIGN.search(core):  # mèl: a short word the list lacks
        return None
    found = set()
    for i, ch in enumerate(core):
        if _ACCENTED.match(ch) and not (ch == "é" and core[i + 1:] in _PARTICIPLE) \
                and not (ch == "é" and _PREFIX_E.match(core[:i + 1])):  # excusés: a participle the list lacks
            plain = core[:i] + unicodedata.normalize("NFD", ch)[0] + core[i + 1:]
            if known_fr(plain):
                found.add(plain)
    for i, ch in enumerate(core):
        if ch in "ïëü" and known_fr(plain := core[:i] + core[i + 1:]):  # droïit: a speck over an i read as one more
            found.add(plain)
    return found.pop() if len(found) == 1 else None


def split_letters(core: str) -> str | None:
    """The known word an unknown word in small letters is when one of its letter pairs is a letter split in two
    (``ri`` for ``n``: ``conséquerice``; ``rn`` for ``m``), exactly one such word; None otherwise."""
    if len(core) < MIN_SPLIT or not _LOW_WORD.match(core) or known_fr(core):
        return None
    found = set()
    for pair, letter in _SPLIT:
        at = core.find(pair)
        while at >= 0:
            if known_fr(word := core[:at] + letter + core[at + len(pair):]):
                found.add(word)
            at = core.find(pair, at + 1)
    return found.pop() if len(found) == 1 else None


def french_fixes(text: str) -> str:
    """``text`` with the module's word misreads put right (see the module doc)."""
    toks = text.split(" ")
    out: list[str] = []
    for i, tok in enumerate(toks):
        prev = out[-1] if out else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        head, core, tail = _split(tok)
        n_head, n_core, _n_tail = _split(nxt)
        low_before = bool(_LOW_END.search(prev))
        if (fixed := plain_accent(core) or split_letters(core)) is not None:
            tok = head + fixed + tail
        elif tok == "l" and not prev[-1:].isdigit() and n_core[:1] in _VOWEL and not n_head and _LOW_WORD.match(n_core) \
                and known_fr(n_core):
            toks[i + 1] = "l'" + nxt
            continue
        elif (m := _CAP_P.match(tok)) and not known_fr(tok.lower()) and known_fr(m.group(1).lower()):
            tok = f"l'{m.group(1)}{m.group(2)}"
        elif (m := _GLUED_L.match(tok)) and not known_fr(m.group(1)) and known_fr(m.group(1)[1:]):
            tok = f"l'{m.group(1)[1:]}{m.group(2)}"
        elif (m := _PRONOUN_GLUED.match(tok)) and not known_fr(m.group(1) + m.group(2)) and known_fr(m.group(2)):
            tok = f"{m.group(1)} {m.group(2)}{m.group(3)}"
        elif (m := _A_WORD.match(tok)) and known_fr(m.group(1)):
            tok = f"à {m.group(1)}{m.group(2)}"
        elif (m := _ONE_ELIDED.match(tok)) and known_fr(m.group(2)):
            tok = f"l{m.group(1)}{m.group(2)}{m.group(3)}"
        elif core in _I_ARTICLES and not head and low_before and n_core[:1].islower() and _LOW_WORD.match(n_core):
            tok = _I_ARTICLES[core] + tail
        elif tok == "dela" and nxt:
            tok = "de la"
        elif m := _A_DOT.match(tok):
            tok = f"à {m.group(1)}"
        elif m := _ABBREV_ARTICLE.match(tok):
            tok = f"{m.group(1)}. {m.group(2)}{m.group(3)}"
        elif m := _A_GLUED.match(tok):
            tok = f"à {m.group(1)}{m.group(2)}"
        elif tok == "j" and low_before and _LOW_WORD.match(nxt):
            continue
        elif tok == prev and tok in _FUNCTION_WORDS:  # déléguée de de: a short word read twice
            continue
        elif (m := _DEGREE.match(tok)) and prev.lower() in _ORDINAL_BEFORE and _LOW_WORD.match(n_core) \
                and len(n_core) >= 3 and n_core not in _NOT_NOUNS and known_fr(n_core):
            tok = f"{m.group(1)}e"
        elif tok in ("1%", "1*", "(1%", "(1*") and n_core.lower() in _AFTER_FIRST:  # (1% alinéa): a raised er
            tok = tok[:-1] + "er"
        elif (m := _EURO_ORDINAL.match(tok)) and n_core.lower() in ORDINAL_NOUNS:  # (3€ alinéa): a raised e
            tok = f"{m.group(1)}{m.group(2)}e{m.group(3)}"
        elif tok in _RANKS and prev.lower() in _HIJRI and _YEAR.match(nxt):
            tok = _RANKS[tok]
        out.append(tok)
    return " ".join(out)


SOUND = 3  # readings on sure lines that make a word the document's own spelling


def settle_accents(pages: list[list[str]], sure: list[list[bool]] | None = None) -> list[list[str]]:
    """A word read once in the document, with an accent, unknown to the French list, becomes the word the document
    reads SOUND times or more on sure lines that is the same but for that one accent taken off (``Léroux`` on a
    speckled page of minutes that print ``Leroux`` twenty times). As many pages and texts; only Latin words."""
    seen: dict[str, int] = {}
    good: dict[str, int] = {}
    for n, texts in enumerate(pages):
        for k, text in enumerate(texts):
            for tok in text.split():
                core = _split(tok)[1]
                seen[core] = seen.get(core, 0) + 1
                if sure is None or sure[n][k]:
                    good[core] = good.get(core, 0) + 1
    out = [list(texts) for texts in pages]
    for n, texts in enumerate(pages):
        for k, text in enumerate(texts):
            toks = text.split()
            for j, tok in enumerate(toks):
                head, core, tail = _split(tok)
                if seen.get(core) != 1 or len(core) < 4 or not core.isalpha() or not _ACCENTED.search(core.lower()) \
                        or known_fr(core.lower()):
                    continue
                found = {p for i, ch in enumerate(core) if _ACCENTED.match(ch)
                         if good.get(p := core[:i] + unicodedata.normalize("NFD", ch)[0] + core[i + 1:], 0) >= SOUND}
                if len(found) == 1:
                    toks[j] = head + found.pop() + tail
            out[n][k] = " ".join(toks) if toks != text.split() else text
    return out


_PHRASE_ENDS = frozenset("le la les de des du et à au aux un une en par pour sur que qui ou il on ne se sa son ses ce".split())


def no_phrase(text: str) -> bool:
    """Is a line of two words or more made only of short words that open or join a phrase (``Le et``: ``Le Préfet``
    under a signature's stroke)? Such a line is a phrase whose words were lost: its reading goes in doubt."""
    toks = [t.strip(",.;:").lower() for t in text.split()]
    return len(toks) >= 2 and all(t in _PHRASE_ENDS for t in toks)
