"""Latin words that ``ara+fra`` made of Arabic words, read again with the Arabic models.

With ``ara+fra`` tesseract can switch models inside a page: a short Arabic line comes out as
a French word (``تقديم`` -> ``essai``), Arabic words inside an Arabic line as short Latin
nonsense (``منه`` -> ``taie``, ``الطاقي`` -> ``GUN``, ``نوفمبر`` -> ``jui``). Such lines are read
again with the line's script alone (one tesseract call for the page, and one more with the
script model when it is installed) and a new reading replaces the line only when it is the
likelier one (:func:`_better`).

Two faults of the re-reading itself are allowed for (2026-12-05, eighth session):

* ``ara`` read on a line's crop drops a number's first digits now and then (``jui 17 2022``
  re-read ``7 نوفمبر 2022``, ``... 1982`` re-read ``82 ...``): a number of the new reading that
  ends the page reading's number in the same place is given the page reading's digits
  (:func:`splice_numbers`); a reading with a number that fits none is not taken (below).
* a capitalised stray read unsure (``GUN``) used to need a re-reading at least as confident as
  the line; a re-reading that keeps every other word of the line in order and only replaces
  the stray words may now be STRAY_MARGIN less confident, like a line of lower-case strays
  (:func:`keeps_the_rest`); Latin words read under UNSURE_LATIN_CONF in an Arabic line
  (``Mie``, ``Vis``) are replaced only so, at most UNSURE_MARGIN less confident;
* a re-reading that brings a number the page reading did not see (a box ``☐`` read ``D``,
  then ``6``) is not taken: it would invent a number.

Arabic lines are read again on their printed rows when their box reaches up to a faint trace (a
stamp taken out of the image), and a re-reading the Arabic word list vouches for is taken whole
when every Latin word of the line was a suspect (:mod:`stray_lines`, fourteenth session).

A form's label read as Latin in brackets (``(al) في``, ``ll) في annee``; sixteenth session): weak and
unsure words, listed by tesseract with their brackets, are told and replaced without them
(:func:`_bare_latin`); a short line's Latin words of a stray's form are strays whatever their
confidence on a page of Arabic; a line with words read from a rule's ink is read again on its other
words' box when that is much lower (:func:`stray_lines.word_span`); and the words a taken re-reading
read from a rule's ink are taken out with the line's own (:func:`carry_flat`).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest.base import TextLine
    from .render import PageImage
    from .tesseract import OcrResult

STRAY_WORDS = 3  # lines this short in the other script are suspect...
STRAY_CONF = 88.0  # ...when tesseract's confidence in them is below this
STRAY_MARGIN = 15.0  # a line re-read without its stray Latin words may lose this much mean confidence
STRAY_AR_SHARE = 0.85  # a line with at least this share of Arabic letters has its stray Latin words checked
SHORT_GAIN = 5.0  # a short line in the other script is replaced by a reading this much more confident
UNSURE_MARGIN = 5.0  # a line re-read in place of its unsure Latin words may lose this much mean confidence
_AR = re.compile(r"[\u0600-\u06ff]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_LONG_NUMBER = re.compile(r"\d{3,}")  # a line re-read for its unsure Latin words keeps these
_DIGITS = re.compile(r"\d+")
_LATIN_ONLY = re.compile(r"^[A-Za-zÀ-ÿ]+$")
_LATIN_WORD = re.compile(r"(?<![\w])[A-Za-zÀ-ÿ]+(?![\w])")
_PUNCT = "()[]{}.,:;،؛!?؟\"'«»“”-–_|*•"
_PERSIAN = re.compile("[\u06cc\u06a9\u06af\u067e\u0686\u0698]")  # letters Arabic does not use


def reread_stray_script(pimg: PageImage, result: OcrResult, langs: str, timeout: float, script: str | None = None) -> None:
    """Lines of one script with stray words of the other read again with the line's script
    alone; the likelier reading wins (:func:`_better`).

    With the script model installed, lines re-read with ``ara`` are also read with it and the
    more confident acceptable reading wins: ``ara`` alone read ``الحبوب bill؛`` as ``والقطانيء``
    at 72 %, the script model ``والقطاني»`` at 86 %. A script-model reading holding letters
    only Persian or Urdu use (ی ک گ پ چ ژ) is not a candidate."""
    from .stray_lines import line_box, sound, term_in_place, word_span
    from .tesseract import DOMINANT, MAX_RECOVER, _pad, read_rows

    if "+" not in langs:
        return
    ar = sum(len(_AR.findall(ln.text)) for ln in result.lines)
    lat = sum(len(_LAT.findall(ln.text)) for ln in result.lines)
    if ar + lat == 0:
        return
    picked: list[tuple[TextLine, str, bool]] = []  # line, language, short line
    if max(ar, lat) >= DOMINANT * (ar + lat):
        major, minor_re = ("ara", _LAT) if ar > lat else ("fra", _AR)
        picked += [(ln, major, True) for ln in result.lines
                   if len(ln.text.split()) <= STRAY_WORDS and minor_re.search(ln.text)
                   and result.line_conf.get(id(ln), 0.0) < STRAY_CONF]
    short = {id(ln) for ln, _l, _s in picked}
    # on a page of Arabic, the Latin words read unsure are strays too, whatever their case
    weak_latin = result.weak_latin if ar >= DOMINANT * (ar + lat) else {}
    unsure_latin = result.unsure_latin if ar >= DOMINANT * (ar + lat) else {}
    arabic_page = ar >= DOMINANT * (ar + lat)
    picked += [(ln, "ara", False) for ln in result.lines if id(ln) not in short
               and (_strays(ln.text, weak_latin.get(id(ln))) or _unsure(ln.text, unsure_latin.get(id(ln)))
                    or (arabic_page and _sure_latin(ln.text, result.rtl_words.get(id(ln)))))]
    picked = picked[:MAX_RECOVER]
    if not picked:
        return
    k = pimg.dpi / 72.0
    for lang in {lang for _ln, lang, _s in picked}:
        group = [(ln, is_short) for ln, lg, is_short in picked if lg == lang]
        spans = [word_span(ln, result.rtl_words.get(id(ln)), result.flat.get(id(ln))) for ln, _s in group]
        cuts = [(int(x0 * k), int(top * k), int(x1 * k) + 1, int(bottom * k) + 1, s)
                for (x0, top, x1, bottom), (_ln, s) in zip(spans, group, strict=True)]
        # a long line's box taller than its ink (a stamp's rows above it) cut to the ink's rows (stray_lines.py);
        # short lines (a table's cells among them) keep their box
        boxes = [line_box(pimg, cut[:4], _pad(pimg, *cut[:4])) if lang == "ara" and not cut[4] else _pad(pimg, *cut[:4])
                 for cut in cuts]
        readings = [read_rows(pimg, boxes, lang, timeout)]
        if script and lang == "ara":
            readings.append(read_rows(pimg, boxes, script, timeout))
        for n, (ln, is_short) in enumerate(group):
            before = result.line_conf.get(id(ln), 0.0)
            weak, unsure = weak_latin.get(id(ln)), _unsure(ln.text, unsure_latin.get(id(ln)))
            best: tuple[float, str, list[str]] | None = None
            for r, subs in enumerate(readings):
                sub = subs[n]
                text = " ".join(x.text for x in sub.lines)
                if not sub.lines or (r and _PERSIAN.search(text)):
                    continue
                if lang == "ara" and (text := splice_numbers(ln.text, text)) is None:
                    continue  # a number the page reading did not see: invented (a box ☐ read as 6)
                if not _better(ln.text, before, text, sub.confidence, is_short, weak, unsure) and not (
                        lang == "ara" and sound(ln.text, before, text, sub.confidence,
                                               _strays(ln.text, weak) + (weak or []) + unsure
                                               + (unsure_latin.get(id(ln)) or []), STRAY_MARGIN)):
                    # a short Arabic line's unsure Latin words of a stray's form are strays too (_short_strays)
                    # and on a page of Arabic, whatever their confidence (``(al) في``: a form's label in brackets)
                    here = (weak or []) + _short_strays(ln.text, _latin_words(ln.text) if arabic_page else unsure_latin.get(id(ln))) \
                        if is_short and lang == "ara" else weak
                    new, text = text, _in_place(ln.text, before, text, sub.confidence, here or None, unsure)
                    if not text and lang == "ara":  # whatever its confidence, a term's word beside its other word
                        text = term_in_place(ln.text, new, _strays(ln.text, weak)) or ""  # stray_lines.py
                if text and (best is None or sub.confidence > best[0]):
                    best = (sub.confidence, text, [w for x in sub.lines for w in sub.flat.get(id(x), ("", []))[1]])
            if best:
                result.line_conf[id(ln)], ln.text = best[:2]
                carry_flat(result, ln, best[2])
            elif lang == "ara" and not is_short:
                # the re-readings differ around the strays, or bring a number the page reading did not
                # see: each stray replaced by what they read in its place on the page (by_place)
                strays = _strays(ln.text, weak) + [w for w in unsure if w not in _strays(ln.text, weak)]
                sure = _sure_latin(ln.text, result.rtl_words.get(id(ln))) if arabic_page else []
                for sub in sorted((subs[n] for subs in readings), key=lambda s: -s.confidence):
                    if not sub.lines or sub.confidence < before - STRAY_MARGIN or _PERSIAN.search(
                            " ".join(x.text for x in sub.lines)):
                        continue
                    text = by_place(ln.text, result.rtl_words.get(id(ln)), strays, sure,
                                    [w for x in sub.lines for w in sub.rtl_words.get(id(x), ("", []))[1]])
                    if text:
                        ln.text = text
                        break


def carry_flat(result: OcrResult, ln: TextLine, flat: list[str]) -> None:
    """The words a re-reading that replaced ``ln``'s text read from a rule's ink (flat_words.py), listed
    with the line's own so that they are taken out too: a blank's dotted rule re-read with ``ara`` comes
    back a letter (``ا``, ``سم``) where the page reading's word for it (``annee``) was dropped."""
    old = result.flat.get(id(ln), ("", []))[1]
    if flat or old:
        result.flat[id(ln)] = (ln.text, old + flat)


def _better(old: str, before: float, new: str, conf: float, is_short: bool, weak: list[str] | None,
            unsure: list[str] | None = None) -> bool:
    """Is ``new`` (read at ``conf``) the likelier reading of the line read ``old`` at ``before``?

    A short line in the other script: a clearly higher confidence. A line with stray words:
    fewer of them and a mean confidence at most STRAY_MARGIN lower (none lower when its only
    strays are unsure capitalised words, and then its long numbers kept), or, whatever its
    strays, fewer of them with every other word of the line kept in order and at most
    STRAY_MARGIN less confidence. ``unsure``, the line's Latin words read under
    UNSURE_LATIN_CONF (``Mie`` at 59 %, ``Vis`` at 73 %): replaced only by a reading that keeps
    every other word and loses at most UNSURE_MARGIN of confidence."""
    strays = _strays(old, weak)
    fewer = len(_strays(new, weak and _latin_words(new))) < len(strays)
    if fewer and conf >= before - STRAY_MARGIN and keeps_the_rest(old, new, strays):
        return True
    if unsure and len(_latin_words(new)) < len(_latin_words(old)) and conf >= before - UNSURE_MARGIN \
            and keeps_the_rest(old, new, strays + [w for w in unsure if w not in strays]):
        return True
    if is_short:
        return conf > before + SHORT_GAIN
    return (fewer and conf >= before - (STRAY_MARGIN if not weak or _stray_latin(old) else 0.0)
            and (not weak or _LONG_NUMBER.findall(old) == _LONG_NUMBER.findall(new)))


def _in_place(old: str, before: float, new: str, conf: float, weak: list[str] | None, unsure: list[str] | None) -> str | None:
    """``old`` with its stray words replaced by the words ``new`` reads in their place, when
    the re-reading is confident enough (STRAY_MARGIN less at most, UNSURE_MARGIN when only
    unsure words are at stake); None when no stray could be replaced."""
    strays = _strays(old, weak)
    if not strays and not unsure:
        return None
    if conf < before - (STRAY_MARGIN if strays else UNSURE_MARGIN):
        return None
    return replace_strays(old, new, strays + [w for w in unsure or [] if w not in strays])


def replace_strays(old: str, new: str, strays: list[str]) -> str | None:
    """``old`` with each run of its ``strays`` that ``new`` reads as other words between the same
    neighbour(s) (words compared without their punctuation) replaced by those words, when they are
    Arabic words without digits; every other word of ``old`` as it was (``المدنية، Vis يكون``
    with ``المدنية. وألا يكون`` gives ``المدنية، وألا يكون``). A piece of the word the stray cut,
    read beside it, goes with it when the re-reading's word in their place begins or ends with it
    and the word list knows that word (:func:`_piece_of`: ``المادة nl لى:`` with ``المادة الأولى:``
    gives ``المادة الأولى:``). None when nothing was replaced."""
    ow, nw = old.split(), new.split()
    fold = [w.strip(_PUNCT) for w in ow], [w.strip(_PUNCT) for w in nw]
    out: list[str] = []
    changed = False
    for op, i1, i2, j1, j2 in SequenceMatcher(None, *fold, autojunk=False).get_opcodes():
        span, put = ow[i1:i2], nw[j1:j2]
        if (op == "replace" and (0 < i1 or i2 < len(ow)) and any(w.strip(_PUNCT) in strays for w in span)
                and all(w.strip(_PUNCT) in strays or _piece_of(w, put) for w in span)
                and all(_AR.search(w) and not _DIGITS.search(w) for w in put)):
            out += put
            changed = True
        else:
            out += span
    return " ".join(out) if changed else None


MAX_PIECE = 2  # Arabic letters of a word's piece left beside a stray (``المادة nl لى:`` for المادة الأولى:)


def _piece_of(word: str, put: list[str]) -> bool:
    """Is ``word`` a piece of a word the stray cut (:func:`replace_strays`): MAX_PIECE Arabic letters
    at most that begin or end one of the words ``put`` in its place, a word the Arabic list knows?"""
    from .lexicon import known_ar, normalise_ar

    piece = word.strip(_PUNCT)
    if not piece or len(piece) > MAX_PIECE or not all("\u0621" <= ch <= "\u064a" for ch in piece):
        return False
    for w in put:
        bare = w.strip(_PUNCT)
        if len(bare) > len(piece) and (bare.startswith(piece) or bare.endswith(piece)) and known_ar(normalise_ar(bare)):
            return True
    return False


def _short_strays(text: str, unsure: list[str] | None) -> list[str]:
    """A short Arabic line's unsure Latin words of a stray's form (lower-case, :func:`_stray_latin`'s
    shapes): on a line of two or three words the share of Arabic letters that makes a longer line's
    strays suspects is not reached (``المادة nl لى:``, 8 Arabic letters and 2 Latin)."""
    return [b for w in unsure or [] if (b := _bare_latin(w)) in _latin_words(text)
            and (len(b) <= 2 and not b.isupper() or len(b) <= 5 and b.islower())]


def keeps_the_rest(old: str, new: str, strays: list[str]) -> bool:
    """Does ``new`` hold every word of ``old`` but its ``strays``, in order (it only replaced
    them)? False when ``old`` has no stray or nothing else (nothing would vouch for ``new``)."""
    if not strays:
        return False
    rest = [w for w in old.split() if w not in strays and w.strip(_PUNCT) not in strays]
    if not rest or not any(_AR.search(w) or _DIGITS.search(w) for w in rest):
        return False
    words = new.split()
    kept = sum(b.size for b in SequenceMatcher(None, rest, words, autojunk=False).get_matching_blocks())
    return kept == len(rest)


def splice_numbers(old: str, new: str) -> str | None:
    """``new`` with each of its numbers that ends the number of ``old`` standing in its place
    (the digit runs of both in order) given ``old``'s digits: the re-reading of a line's crop
    lost the number's first digits (``7`` for ``17``, ``82`` for ``1982``). ``new`` as read when
    its numbers are ``old``'s in another order (the page reading misordered the line); None when
    a number of ``new`` is none of ``old``'s: the re-reading made it up."""
    olds = _DIGITS.findall(old)
    news = list(_DIGITS.finditer(new))
    if not news:
        return new
    fitted: list[str] = []
    i = 0
    for m in news:
        while i < len(olds) and not olds[i].endswith(m.group()):
            i += 1
        if i == len(olds):
            return new if _all_seen(olds, [m.group() for m in news]) else None
        fitted.append(olds[i])
        i += 1
    out, last = [], 0
    for m, digits in zip(news, fitted, strict=True):
        out += [new[last:m.start()], digits]
        last = m.end()
    return "".join(out) + new[last:]


def by_place(text: str, listed: tuple[str, list[tuple[str, float, float, float, float]]] | None, strays: list[str],
             sure: list[str], new_words: list[tuple[str, float, float, float, float]]) -> str | None:
    """``text`` (an Arabic line) with each of its ``strays`` and ``sure`` Latin words replaced by the
    words a re-reading ``new_words`` (with their boxes in points) reads at its place on the page:
    the words whose centre lies inside the Latin word's box and inside no other word's box of the
    line (``listed``: the line's words with their boxes, as tesseract listed them). They must be
    Arabic words without digits; a word read sure in Latin (``sure``: ``des`` at 84 %, ``US`` at
    88 %) is replaced only by words the Arabic word list knows, so that a real acronym (CNSS) stays.
    None when nothing was replaced."""
    from .lexicon import known_ar, normalise_ar

    if not listed or not new_words or not (strays or sure):
        return None
    boxes = listed[1]
    tokens = text.split()
    used: set[int] = set()
    changed = False
    words = [b[0] for b in boxes]  # tesseract's listing, the replacements put in: made a line again below
    for k, (word, x0, top, x1, bottom) in enumerate(boxes):
        bare = word.strip(_PUNCT)
        if bare not in strays and bare not in sure:
            continue
        others = [b for j, b in enumerate(boxes) if j != k]
        inside = [w for w in new_words if x0 <= (w[1] + w[3]) / 2 <= x1 and w[2] < bottom and w[4] > top
                  and not any(o[1] <= (w[1] + w[3]) / 2 <= o[3] for o in others)]
        put = [w[0].strip(_PUNCT) for w in sorted(inside, key=lambda w: -(w[1] + w[3]) / 2)]
        if not put or not all(w and _AR.search(w) and not _DIGITS.search(w) and not _LAT.search(w) for w in put):
            continue
        if bare not in strays and not all(known_ar(normalise_ar(w)) for w in put):
            continue
        words[k] = word.replace(bare, " ".join(put))
        spot = next((i for i, t in enumerate(tokens) if i not in used and t.strip(_PUNCT) == bare), None)
        if spot is None:
            continue
        tok = tokens[spot]
        start = tok.index(bare)
        tokens[spot] = tok[:start] + " ".join(put) + tok[start + len(bare):]
        used.add(spot)
        changed = True
    if changed and text == listed[0]:
        # the line made again from its listing: a Latin word and the number after it were one
        # left-to-right run (``dia 12``); made Arabic, the number stands before it (``12 منه``)
        from .tesseract import line_text

        listing = [(w, (b[1] + b[3]) / 2) for k, b in enumerate(boxes) for w in words[k].split()]
        return line_text([w for w, _x in listing], [x for _w, x in listing], True)
    return " ".join(tokens) if changed else None


def _sure_latin(text: str, listed: tuple[str, list[tuple[str, float, float, float, float]]] | None) -> list[str]:
    """The words of letters only, Latin, of a line almost all Arabic (whatever their confidence
    and case: ``des``, ``US``, ``À``); [] otherwise. Codes, addresses and numbers are not words."""
    ar, lat = len(_AR.findall(text)), len(_LAT.findall(text))
    if not listed or not lat or ar < STRAY_AR_SHARE * (ar + lat):
        return []
    return [b for w, *_box in listed[1] if (b := w.strip(_PUNCT)) and _LATIN_ONLY.match(b)]


def _all_seen(olds: list[str], news: list[str]) -> bool:
    """Is every number of ``news`` one of ``olds`` (each used once)?"""
    left = list(olds)
    for n in news:
        if n not in left:
            return False
        left.remove(n)
    return True


def _unsure(text: str, unsure: list[str] | None) -> list[str]:
    """The words of ``unsure`` still in ``text``, a line almost all Arabic; [] otherwise."""
    ar, lat = len(_AR.findall(text)), len(_LAT.findall(text))
    if not unsure or ar < STRAY_AR_SHARE * (ar + lat):
        return []
    return [b for w in unsure if (b := _bare_latin(w)) in _latin_words(text)]


def _latin_words(text: str) -> list[str]:
    return _LATIN_WORD.findall(text)


def _strays(text: str, weak: list[str] | None) -> list[str]:
    """The stray Latin words of a line: :func:`_stray_latin`'s, and ``weak``, the Latin words
    tesseract read under WEAK_LATIN_CONF on a page of Arabic (``Wall``, ``LUS``, ``Le`` for
    Arabic words of a light scan: capitalised, so not suspects by their form)."""
    found = _stray_latin(text)
    if weak:
        found += [b for w in weak if (b := _bare_latin(w)) in _latin_words(text) and b not in found]
    return found


def _bare_latin(word: str) -> str:
    """A listed Latin word without the punctuation tesseract read with it (``(ais)``, ``ll)``): the
    form :func:`_latin_words` finds in the line, by which strays are told and replaced."""
    return word.strip(_PUNCT)


def _stray_latin(text: str) -> list[str]:
    """Short lower-case Latin words in a line that is almost all Arabic: what ``ara+fra``
    makes of Arabic words it read with the French model (taie, al, bill, lei, ail). Names
    (Béni, Mellal) and acronyms (CNSS) are not suspects."""
    ar, lat = len(_AR.findall(text)), len(_LAT.findall(text))
    if ar < STRAY_AR_SHARE * (ar + lat):
        return []
    return [w for w in _LATIN_WORD.findall(text) if len(w) <= 2 and not w.isupper() or len(w) <= 5 and w.islower()]
