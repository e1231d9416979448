"""Misreads of French OCR'd pages that the ``ara+fra`` reading makes: letters read as digits, Arabic specks.

French pages are read with both models (``ara+fra``). On a scan of French prose that leaves:

* **an article read as digits**: ``de 12 corrélation`` (``la``), ``à 12 Nation``, ``une 101 organique``
  (``loi``), ``Virement de 13 section``. A token of two or three digits whose glyphs are those of a short
  French word (``1`` an ``l`` or ``I``, ``2``/``3`` an ``a``, ``0`` an ``o``, ``6`` an ``e``) is a candidate
  when the phrase wants that word there: after a preposition or a comma (or at the line's start for
  ``Il``) and before a singular French word the list knows (a plural, a month, ``mille``, ``bis``... follow a
  real number). The candidate's own box is then read again alone with ``fra`` (``--psm 8``; the page's
  crops in one call): the word is replaced only when that reading is the expected word at MIN_CONF or
  more. Otherwise the digits stay and the line is put in doubt (``ocr_low_confidence``): a real number
  is never changed on the phrase's evidence alone.
* **Arabic specks**: a bullet, a tick or a speck read as one to three Arabic letters with no Arabic word beside
  it (``ه Individualise``, ``Nom et prénom م``) on a page whose letters are Latin (FRENCH or more, the specks
  aside). The speck's box is read again with ``fra``: a capital A-Z read at MIN_CONF or more takes its place,
  moved before the line's words when its ink stands before them (``articles .ا 2212-2`` where the page prints
  ``L.``; a title's ``V.`` listed after it), else the speck is dropped. A lone token of four or five Arabic
  letters (``عام/ا`` where ``Vote`` is printed) is read the same way and replaced only by a word of the French
  list read at MIN_CONF or more; else it stays and its line is put in doubt.

Four text rules need no crop: a doubled apostrophe inside a word (``L’'INFRACTION``) is made one; a
diaeresis on a word in small letters the French list does not know, where the plain word is known
(``droïts``), is taken off; ``dé`` before an article or an infinitive of the list (``dé sécuriser``) and ``dés`` after a
noun (``entretien dés bâtiments``) are ``de`` and ``des`` (a die, ``dé``, follows a determiner); ``Nomet prénom`` is
``Nom et prénom`` (:func:`_glued_et`); then the word rules of :mod:`french_words` (accents, elisions, lost spaces).

Runs on every OCR'd page read with ``fra`` whose letters are Latin (its lone specks aside); reads crops (one
tesseract call) only where a candidate is found.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .confidence import OCR_LOW
from .crop_reads import pixel_box
from .french_words import french_fixes, no_phrase
from .lexicon import known_fr

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

FRENCH = 0.97  # share of Latin letters a page must have
MIN_CONF = 60.0  # a crop's reading must be this sure to be taken
PAD = 0.3  # the crop: the word's box grown by this share of its height on every side
MAX_CROPS = 40  # crops read per page at most
MAX_SPECK = 3  # Arabic letters a speck has at most
MAX_JUNK = 5  # Arabic letters a French word read as Arabic has at most (``Vote`` read ``عام/ا``)
_JUNK = "*"  # the wanted reading of such a word: any word of the French list

# the letters a digit's glyph is read for (lower case)
_GLYPHS = {"1": "li", "2": "a", "3": "a", "0": "o", "6": "e", "\u0661": "li"}  # \u0661: an Arabic-Indic one (``١١`` for ``Il``)
# the short words whose glyphs tesseract reads as digits, and where they stand
ARTICLES = ("la", "le", "loi")
PRONOUNS = ("il",)
# words after which French puts an article (a real number follows them too: the next word decides)
_BEFORE = frozenset(
    "de à a par sur dans pour avec sans sous entre vers que et ou dès selon une un du des au aux".split()
)
# words that follow a real number while singular
_AFTER_NUMBER = frozenset(
    "mille cent million milliard bis ter quater heure janvier février mars avril mai juin juillet août septembre "
    "octobre novembre décembre euro dirham km kg".split()
)
# short words that follow a real number too (``11 pour``: the votes), never an article nor ``Il``
_FUNCTION = frozenset("pour contre par sur les des une qui que quoi dont ont est".split())
# the words a noun ``dé``/``dés`` (a die) follows
_DETERMINERS = frozenset("un le du au ce son mon ton les des ces ses mes tes nos vos leurs aux de deux trois quelques "
                         "plusieurs".split())
_WORD = re.compile(r"^[A-Za-zÀ-ÿ’']+[,.;:]?$")
_AR = re.compile(r"[\u0621-\u064a]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_SPECK = re.compile(r"^[\u0600-\u06ff\"'”“/.,:;|]+$")
_LOW_END = re.compile(r"[a-zà-ÿ],?$")
_AFTER_ROMAN = frozenset("et du de des à au ou".split())
# offices and bodies an official text capitalises after a small article (``par le Président``); never a place's name
_TITLES = frozenset("Président Présidente Roi Chef Ministre Gouvernement Préfet Maire Conseil Chambre Parlement Tribunal "
                    "Cour Secrétaire Directeur Trésorier Receveur Royaume".split())
_GLUED_APOS = re.compile(r"^([A-Za-zÀ-ÿ]{3,})['’]([a-zà-ÿ]{2,})([,.;:]?)$")
_ELIDES = ("qu", "aujourd")  # jusqu', lorsqu', presqu'île, aujourd'hui: the first part elides
_LABEL_DASH = re.compile(r"^([A-Za-zÀ-ÿ0-9]+)\.(?:-?[—–]|--)([A-ZÀ-Ý][a-zà-ÿ]*)$")
_BRACE_L = re.compile(r"^\{([a-zà-ÿ]+)([,.;:]?)$")
_EURO_TWICE = re.compile(r"^([0-9]*(?:[kKM]|Mds?|Mrd))e€([,.;:]?)$")
_GLUED_ARTICLE = re.compile(r"^([a-zà-ÿ]{3,}[éiu])(l[ea])([,.;:]?)$")  # a past participle, then le/la
_APOS2 = re.compile(r"(?<=[A-Za-zÀ-ÿ])[’'][’'](?=[A-Za-zÀ-ÿ])")
_DIAERESIS = re.compile(r"[ïëü]")


def glyph_word(digits: str, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` whose letters are the glyphs of ``digits`` read as digits, if any."""
    for w in words:
        if len(w) == len(digits) and all(c in _GLYPHS.get(d, "") for d, c in zip(digits, w, strict=True)):
            return w
    return None


def _bare(word: str) -> str:
    return word.rstrip(",.;:").lower()


def digit_candidate(toks: list[str], i: int) -> str | None:
    """The word the digits ``toks[i]`` may stand for where the phrase wants it (see the module doc), else None."""
    tok = toks[i]
    if not (tok.isdigit() and 2 <= len(tok) <= 3) or i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    core = _bare(nxt)
    if (not _WORD.match(nxt) or len(core) < 3 or core in _AFTER_NUMBER or core in _BEFORE or core in _FUNCTION
            or core[-1] in "sx" or not known_fr(core)):
        return None
    prev = toks[i - 1] if i and toks[i - 1] != "|" else ""  # a column's rule starts a cell as a line starts
    lower = nxt[0].islower()
    if prev and ((lower and (prev.endswith(",") or _bare(prev) in _BEFORE)) or prev.lower() in {"de", "à"}):
        return glyph_word(tok, ARTICLES)
    if (not prev or prev.endswith(".")) and lower:
        word = glyph_word(tok, PRONOUNS)
        return word.capitalize() if word else glyph_word(tok, ARTICLES) if not prev else None
    return None


def speck(tok: str) -> bool:
    """A token of one to MAX_SPECK Arabic letters (a mark or quote beside them allowed), no Latin letter."""
    return bool(_SPECK.match(tok)) and 0 < len(_AR.findall(tok)) <= MAX_SPECK


def junk_word(tok: str) -> bool:
    """A token of MAX_SPECK + 1 to MAX_JUNK Arabic letters (marks beside them allowed), no Latin letter: on a French
    page, a French word the Arabic model read (``عام/ا`` for ``Vote``)."""
    return bool(_SPECK.match(tok)) and MAX_SPECK < len(_AR.findall(tok)) <= MAX_JUNK


def lone(toks: list[str], i: int) -> bool:
    """No Arabic letter in the tokens beside ``toks[i]``: a speck, not a letter of an Arabic phrase."""
    return not any(_AR.search(toks[j]) for j in (i - 1, i + 1) if 0 <= j < len(toks))


def text_fixes(text: str) -> str:
    """The two rules that need no crop: a doubled apostrophe in a word made one, an unknown diaeresis taken off."""
    text = _APOS2.sub("’" if "’" in text else "'", text) if _APOS2.search(text) else text
    if "dé" in text:
        text = _accented_de(text)
    if "et " in text:
        text = _glued_et(text)
    text = french_fixes(_word_rules(text))  # accents, elisions, lost spaces... (french_words.py)
    if not _DIAERESIS.search(text):
        return text
    out = []
    for tok in text.split(" "):
        core = tok.strip(",.;:()«»\"")
        if core.islower() and _DIAERESIS.search(core) and not known_fr(core):  # a name (Mickaël) is not touched
            plain = _DIAERESIS.sub(lambda m: {"ï": "i", "ë": "e", "ü": "u"}[m.group()], core)
            if known_fr(plain):
                tok = tok.replace(core, plain)
        out.append(tok)
    return " ".join(out)


def _word_rules(text: str) -> str:
    """Seven misreads a French phrase tells (every truth line of the corpus through them: none changed):

    * ``toutes Les cultures``, ``à La construction``: an article with a capital after a word in small letters (or a
      comma) and before one, or before an office or a body (``par Le Président``), inside a line, is in small letters;
    * ``titre Il ;``: ``Il`` after a word in small letters and before nothing, a mark or ``et``/``du``/``de``/``à``...
      is the Roman ``II`` (the pronoun opens a clause and a verb follows it);
    * ``cultures'et``: an apostrophe between two words of the list where the first elides nothing is a speck
      between two words;
    * ``PREMIER.-—Sera``: a dot, a run of dashes and a capital glued are an article label's dash, ``PREMIER. – Sera``;
    * ``de {a langue``: an opening brace glued to small letters, no brace closing it on the line, is an ``l`` when
      the ``l`` and the letters are a word of the list (``la``);
    * ``5 Mde€``: an amount's unit (``k``, ``M``, ``Md``) with an ``e`` before its euro sign is the sign read twice;
    * ``réunile ……``: a word the list does not know, in small letters, that is a known word of four letters or more
      ending as a past participle does (``é``, ``i``, ``u``) glued to ``le``/``la``, before nothing, a mark or a word
      in small letters, is the two words (``réuni le``, ``fixé la``). Without the ending, the list's gaps were split
      (``constitutionnelle``, ``interministérielle``, ``variole``: feminines it lacks).
    """
    toks = text.split(" ")
    out: list[str] = []
    for i, tok in enumerate(toks):
        prev, nxt = toks[i - 1] if i else "", toks[i + 1] if i + 1 < len(toks) else ""
        low_before = bool(_LOW_END.search(prev))
        if tok in ("Les", "La", "Le") and low_before and (nxt[:1].islower() or nxt.rstrip(",.;:") in _TITLES):
            tok = tok.lower()
        elif tok == "Il" and low_before and (not nxt or not _LAT.search(nxt) or nxt in _AFTER_ROMAN):
            tok = "II"
        elif (m := _GLUED_APOS.match(tok)) and not m.group(1).lower().endswith(_ELIDES) and known_fr(m.group(1).lower()) \
                and known_fr(m.group(2).lower()):
            tok = f"{m.group(1)} {m.group(2)}{m.group(3)}"
        elif m := _LABEL_DASH.match(tok):
            tok = f"{m.group(1)}. – {m.group(2)}"
        elif (m := _BRACE_L.match(tok)) and "}" not in text and known_fr("l" + m.group(1)):
            tok = f"l{m.group(1)}{m.group(2)}"
        elif m := _EURO_TWICE.match(tok):
            tok = f"{m.group(1)}€{m.group(2)}"
        elif (m := _GLUED_ARTICLE.match(tok)) and (not nxt or not _LAT.search(nxt) or nxt[:1].islower()) \
                and not known_fr(m.group(1) + m.group(2)) and known_fr(m.group(1)):
            tok = f"{m.group(1)} {m.group(2)}{m.group(3)}"
        out.append(tok)
    return " ".join(out)


def _accented_de(text: str) -> str:
    """``dé la`` and ``entretien dés bâtiments`` read for ``de``/``des``: a die (``dé``) comes after a determiner, never
    before an article; ``dés`` after a determiner or ``de`` (``les dés``, ``jeu de dés``) stays."""
    toks = text.split(" ")
    for i, tok in enumerate(toks):
        if tok not in ("dé", "dés") or i + 1 >= len(toks):
            continue
        prev, nxt = toks[i - 1].lower() if i else "", toks[i + 1]
        if prev in _DETERMINERS:
            continue
        if tok == "dé" and (nxt in ("la", "le", "les") or nxt.startswith(("l'", "l’")) or _verb(nxt)):
            toks[i] = "de"
        elif tok == "dés" and nxt[:1].islower() and _WORD.match(nxt) and known_fr(_bare(nxt)):
            toks[i] = "des"
    return " ".join(toks)


def _verb(word: str) -> bool:
    """An infinitive of the list (``dé sécuriser``: a die is never followed by a verb)."""
    return word.endswith(("er", "ir", "re")) and word.isalpha() and word.islower() and known_fr(word)


def _glued_et(text: str) -> str:
    """``Nomet prénom``: a word the list does not know, ending in ``et`` after a word it knows (three letters or more),
    before a word in small letters the list knows that is no function word, is the two words (``Nom et``). A name
    (``Graffet et des travaux``), a word in capitals (``SIRET``) stays."""
    toks = text.split(" ")
    for i, tok in enumerate(toks[:-1]):
        nxt = _bare(toks[i + 1])
        if (len(tok) >= 5 and tok.endswith("et") and tok[1:].islower() and tok.isalpha() and not known_fr(tok)
                and known_fr(tok[:-2]) and toks[i + 1][:1].islower() and len(nxt) >= 3 and nxt not in _BEFORE
                and nxt not in _FUNCTION and known_fr(nxt)):
            toks[i] = f"{tok[:-2]} et"
    return " ".join(toks)


def french_page(lines: list[TextLine]) -> bool:
    """Are the page's letters Latin (FRENCH of them or more), its lone specks aside?"""
    lat = ar = 0
    for ln in lines:
        toks = ln.text.split()
        lat += len(_LAT.findall(ln.text))
        ar += sum(len(_AR.findall(t)) for i, t in enumerate(toks) if not (speck(t) and lone(toks, i)))
    return lat > 0 and lat >= FRENCH * (lat + ar)


def latin_misreads(image: PageImage, lines: list[TextLine], result: OcrResult, timeout: float) -> int:
    """The page's misreads put right (see the module doc); how many words were changed or dropped."""
    if not french_page(lines):
        return 0
    done = 0
    todo: list[tuple[TextLine, int, str, tuple[float, float, float, float]]] = []
    for ln in lines:
        listed = result.word_boxes.get(id(ln))
        if listed is None:
            continue
        fixed = text_fixes(ln.text)
        if no_phrase(fixed):  # Le et: words lost under a signature's stroke (french_words.py)
            ln.doubt = ln.doubt or OCR_LOW
        if fixed != ln.text:
            done += 1
            _retext(result, ln, fixed)
            listed = result.word_boxes[id(ln)]
        toks = ln.text.split()
        if toks != [w for w, *_b in listed]:  # changed since tesseract listed it: its boxes no longer its words
            continue
        for i, tok in enumerate(toks):
            want = ("" if speck(tok) else _JUNK if junk_word(tok) else None) if lone(toks, i) else None
            want = digit_candidate(toks, i) if want is None else want
            if want is not None:
                todo.append((ln, i, want, listed[i][1:]))
    unconfirmed: list[tuple[TextLine, tuple, str]] = []
    if todo:
        done += _read_todo(image, todo[:MAX_CROPS], result, timeout, unconfirmed)
    from .latin_digits import reread_in_context  # digits read again with their neighbours (latin_digits.py)

    wanted: dict[tuple[int, int], str] = {}
    for ln, entry, want in unconfirmed:
        at = next((k for k, b in enumerate(result.word_boxes[id(ln)]) if b is entry), None)
        if at is None:
            ln.doubt = ln.doubt or OCR_LOW
        else:
            wanted[(id(ln), at)] = want
    return done + reread_in_context(image, lines, result, wanted, timeout)


def _read_todo(image: PageImage, todo: list, result: OcrResult, timeout: float, unconfirmed: list) -> int:
    """The candidates' crops read and put right; an article its crop did not confirm is added to ``unconfirmed``
    (line, listed word, the article) for a reading with its neighbours."""
    done = 0
    readings = _read(image, [box for *_r, box in todo], timeout)
    drops: dict[int, set[int]] = {}
    moves: dict[int, set[int]] = {}  # letters read for specks, put where their ink stands
    for (ln, i, want, _box), read in zip(todo, readings, strict=True):
        got = " ".join(w for w, _c in read)
        conf = min((c for _w, c in read), default=0.0)
        listed = result.word_boxes[id(ln)]
        if want == _JUNK:  # Arabic junk for a French word: a word of the French list, surely read, replaces it
            if len(read) == 1 and conf >= MIN_CONF and len(got) >= 2 and got.isalpha() and known_fr(got.lower()):
                listed[i] = (got, *listed[i][1:])
                done += 1
            else:
                ln.doubt = ln.doubt or OCR_LOW
        elif want:  # digits for a word: only the expected word, surely read, replaces them
            if got.lower() == want.lower() and conf >= MIN_CONF:
                listed[i] = (want, *listed[i][1:])
                done += 1
            else:
                unconfirmed.append((ln, listed[i], want))
        elif conf >= MIN_CONF and _latin_reading(got):
            listed[i] = (got, *listed[i][1:])
            moves.setdefault(id(ln), set()).add(i)
            done += 1
        else:
            drops.setdefault(id(ln), set()).add(i)
            done += 1
    for ln in {id(t[0]): t[0] for t in todo}.values():
        gone = drops.get(id(ln), set())
        listed = [b for k, b in enumerate(result.word_boxes[id(ln)]) if k not in gone]
        for k in sorted(moves.get(id(ln), set()), reverse=True):  # listed last, printed first (``V.`` before a title)
            word = result.word_boxes[id(ln)][k]
            rest = [b for b in listed if b is not word]
            if rest and word[3] <= min(b[1] for b in rest):
                listed = [word, *rest]
        result.word_boxes[id(ln)] = listed
        ln.text = " ".join(w for w, *_b in listed)
    return done


def _latin_reading(word: str) -> bool:
    core = word.rstrip(",.;:")
    return len(core) == 1 and "A" <= core <= "Z"


def _retext(result: OcrResult, ln: TextLine, text: str) -> None:
    """``ln``'s text set to ``text``, its listed words renamed in step when they were its words: the words both texts
    hold are aligned, and each stretch that changed gets as many boxes as it has new words, the stretch's box shared
    by their letters (``Nomet`` -> ``Nom et``, ``l intérêt`` -> ``l'intérêt``, a dropped speck: no box)."""
    listed = result.word_boxes[id(ln)]
    old, new = ln.text.split(), text.split()
    if [w for w, *_b in listed] == old:
        out: list = []
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op == "equal":
                out.extend(listed[i1:i2])
            elif i2 - i1 == j2 - j1:
                out.extend((p, *listed[k][1:]) for k, p in zip(range(i1, i2), new[j1:j2], strict=True))
            elif i2 > i1 and j2 > j1:
                x0, x1 = listed[i1][1], listed[i2 - 1][3]
                t, b = min(w[2] for w in listed[i1:i2]), max(w[4] for w in listed[i1:i2])
                parts = new[j1:j2]
                total = sum(len(p) for p in parts) or 1
                at = x0
                for p in parts:
                    nxt = at + (x1 - x0) * len(p) / total
                    out.append((p, at, t, nxt, b))
                    at = nxt
            # a stretch only dropped has no box; one only added (no old box) is left unlisted: counts differ below
        if len(out) == len(new):
            result.word_boxes[id(ln)] = out
    ln.text = text


def _read(image: PageImage, boxes: list[tuple[float, float, float, float]], timeout: float) -> list[list[tuple[str, float]]]:
    """Each word box (points) cut from the page image, padded, and read alone with ``fra`` (one tesseract call)."""
    from .tesseract import read_words

    k = image.dpi / 72.0
    crops = []
    for x0, t, x1, b in boxes:
        pad = PAD * (b - t)
        crops.append(pixel_box(x0, t, x1, b, k, image.image.width, image.image.height, pad))
    return [[(unicodedata.normalize("NFC", text), conf) for text, conf, _l, _r in words]
            for words in read_words(image, crops, "fra", 8, timeout, stem="latin")]
