"""Arabic words that tesseract read unsure, put right against the word list by one letter.

On office scans (200 ppi flatbed, 110 ppi JPEG) ``ara`` makes one-letter
errors that a person reading the page never makes, and says so: the words come back at a
confidence well under that of the line's other words (20-60 % against 85-95 %).

* **Dots.** The letter's stroke is right, its dots are not (``الخاضة`` for الخاصة, ``المدبرية``
  for المديرية, ``تاربخ`` for تاريخ, ``الشروظ`` for الشروط): one letter is replaced by another of
  the same skeleton (the groups of :mod:`transform.ocr.months`).
* **A stacked letter lost.** Faces of the Naskh kind set ``م``, ``ح``, ``ج``, ``خ`` on top
  of the letter before (``لحـ``, ``تمـ``, ``جمـ``); the model reads the lower one and drops the
  other: ``والماية`` for والحماية, ``الاجتاعية`` for الاجتماعية, ``ضان`` for ضمان. One of those
  four letters is put back; so is the article's ``ل`` under one of them (``امحكمة`` for المحكمة,
  ``امرسوم`` for المرسوم).
* **A letter read twice** (``مصصلحة`` for مصلحة, ``الممصلحة``): one of the two is taken out.
* **``غ`` read ``ف``.** The ``غ`` of the middle of a word, its loop closed on a scan, comes out
  ``ف`` (``الشفل`` for الشغل, ``المفربية`` for المغربية, ``المشفل``): ``غ`` is tried in its place
  (the reverse was not seen; on the corpus's truth words it makes no new candidate).

* **Dots read as teeth, a medial ``ي`` read ``ه``.** ``س`` is tried for ``ث`` (``الثالسة`` for
  الثالثة: the three dots read as teeth; not ``ش``, which made ``مؤشرة`` ``مؤثرة``), and ``ي`` for a
  ``ه`` before a word's last two letters (``بالمقتضهات``, ``التنظهمية``; not in a pronoun's ``ها``:
  ``منها`` would become ``منيا``).

* **A final ``ح`` after ``ش`` read ``م``.** In ``الترشح``, ``المترشح`` (candidacy, candidate: the
  words of every application form) the bowl of the last ``ح``, set under the ``ش``'s tail, is read as
  the closed loop of ``م`` (``الترشم``, ``المترشم`` at 39-81 % on a 200 ppi ministry scan). Only
  after ``ش``: a final ``م`` turned ``ح`` anywhere would make ``المبرح`` of ``المبرم`` and
  ``تسلحكم`` of ``تسلمكم`` on the corpus's truth pages.

* **A fixed term's word first.** A word one letter off a word of a fixed term (:data:`collocations.TERMS`),
  beside the term's other word, is that word before any repair of its own: ``تارية الطلب`` is
  تاريخ الطلب, the date of the application on a form, where the stacked-letter repair alone made
  ``تجارية`` (commercial) of it.

* **A hamza's seat for a tooth.** ``ئ`` is read for the tooth of ``ن`` or ``ث`` (``بمدوئة`` for
  بمدونة, ``الورئة`` for الورثة), for a final ``ى`` (``يتعدئ``), and ``ن`` for ``ئ`` (``الطارنة``).

When several candidates are found, the only one made by changing a letter (its dots, its
stroke) is taken over those that put a letter back or take one out (:func:`one_candidate`:
``ممائل`` is مماثل, not مائل). A known word with a pronoun after it (``حالته``, ``باسمه``:
:func:`wordfix.suffixed`) is a word. Words read at LOW_CONF or more are :mod:`wordfix`'s.

A word is changed only when it was read under LOW_CONF, is Arabic letters (three or more,
punctuation at its edges kept), is no word the list knows (nor a month name, nor an imperfect
verb of a known stem: ``يحدد``), and exactly one such change makes a word the list knows (the
first letter keeps its dots: ``بحدد`` is ``ب`` and a listed stem): two candidates (``صان`` and ``ضمان`` for ``ضان``) leave it as it was read.
A word the page reads sure elsewhere (at SURE_CONF or more) is a word the list lacks, and stays.

A word that starts with ``ي`` before the article or ``إ`` (``يالعاملات``, ``يإحداث``) is no word:
no verb's prefix stands there, and ``ب`` is what was printed when that makes a known word; this
is done whatever the confidence (no truth word of the corpus starts so).

A comma printed close after a word that ends with a letter of the ``ه``, ``ض`` kind is read as a
final hamza glued to it (``أدناهء`` for أدناه،, ``العروضء``, ``نظائرء``): a word ending with ``ء`` that
the list does not know, whose letters before the ``ء`` are a known word (suffixes allowed), or end
with ``ه`` or ``ة`` (no word does before a final hamza), gets its comma back (:func:`comma_hamza`),
whatever its confidence. Not after ``ا``, ``و``, ``ي``, ``ى``, ``ز`` and the
hamza's seats, where a final hamza is part of many words the list lacks (``إنهاء``, ``جزء``): on the
corpus's 16,215 Arabic truth words, the rule changes none. After ``يا`` and ``ها`` (an adverb's ending,
a pronoun, on a word without the article) it is a comma only when the word as read is no word (nor a
rare form) and the word without it is one (``داخلياء``: داخليا،; ``اتحاداتهاء``: اتحاداتها،; not ``أشياء``,
``أولياء``, ``إنهاء``). After another ``ا`` the words so reached were misreadings all the same (``ويناء``
for وبناء): left as read.

One word is settled by its place rather than by the list: ``رقم`` ("number"), whose ``قم``
ligature is read ``رم``, ``رق``, ``رغ``, ``رف`` (``رتم`` on a light typeface), read unsure right
before a number (``رم 1.58.008``), is written ``رقم`` there. So it is, read unsure or fairly sure
(under VERY_SURE_CONF), before a form's dotted blank (``رق ..........``, where the number is to be
written or stamped) and before one of the nouns that ``رقم`` heads on forms (:data:`RAQM_NOUNS`:
``رم التأجير``, pay number, in a form's label cells): none of these two-letter words (``رق``, ``رف``...)
stands before a blank or such a noun; no truth page of the corpus prints one of them at all.
"""

from __future__ import annotations

import re

from ..ingest.bidi_chars import NON_JOINING
from .lexicon import AR_LETTERS, AR_PROCLITICS, ar_key, arabic_words, known_ar, normalise_ar
from .months import _SKELETONS, MONTHS, _month_for

LOW_CONF = 80.0  # words read under this confidence may be put right (70 until 2026-12-06, eleventh session)
SURE_CONF = 85.0  # ...unless the page reads the same word this sure elsewhere
VERY_SURE_CONF = 95.0  # words read this sure are left as read, and so are their other printings (wordfix.py)
MIN_LETTERS = 3
STACKED = "محجخ"  # letters a Naskh face stacks over the letter before them
# a letter read for another of a different stroke: what it may have been (ئ: a tooth with a hamza
# over it, read for the tooth of ن or ث, or for a final ى, and back from ن; not ق for غ: الطاقي; not
# ل for ا: العلمل -> العامل, but رليس -> رايس and التلجير -> التاجير, where ل was a hamza: رئيس, التأجير;
# س for ث, its three dots read as teeth: الثالسة -> الثالثة; not ش for ث: مؤشرة -> مؤثرة; ذ for ز, the
# dot over the same place on a bent stroke: وذارة -> وزارة, where the dot taken off alone made ودارة)
STROKES = {"ف": "غ", "ئ": "نث", "ن": "ئ", "س": "ث", "ذ": "ز"}
END_STROKES = {"ئ": "ىي"}  # at a word's end: يتعدئ for يتعدى
SHIN_END = {"م": "ح"}  # a word's last letter after ش: الترشم for الترشح (module docstring)
# inside a word, before its last two letters (not in a pronoun's ها, هم): a medial ي read ه (علهها, بالمقتضهات)
INNER_STROKES = {"ه": "ي"}
_GROUPS = _SKELETONS
_GROUP = {ch: k for k, group in enumerate(_GROUPS) for ch in group}
_NO_JOIN = NON_JOINING  # letters that do not join the next one: nothing is stacked on them
_VERB_PREFIX = "يتنأ"  # imperfect verbs are few in the list: a known stem after one of these is a word
_EDGES = re.compile(r"^([(\[«\"'-]*)(.*?)([)\]».,،؛:!؟\"']*)$")
_RAQM = re.compile(r"^ر(?:[قمغفعهة]|[تف]م)[)،,.]?$")
_NUMBER = re.compile(r"^[(\[]?\d+(?:[.\-/]\d+)*[)\].,،؛:]?$")
_FEMININE = re.compile(r"^(.*[\u0621-\u064a])(\(ة\)?[)\].,،؛:]*)$")  # المترشم(ة) -> المترشم + (ة)
_BLANK = re.compile(r"^[:.…_]*[.…_]{3,}")  # a form's dotted blank (dots, an ellipsis, underscores)
# nouns ``رقم`` heads on administrative forms (written from the language, not from a page): pay, card,
# telephone, identification, membership, filing, registration, account numbers
RAQM_NOUNS = frozenset(normalise_ar(w) for w in (
    "التأجير", "البطاقة", "الهاتف", "التعريف", "الانخراط", "الإيداع", "التسجيل", "الحساب", "التضعيف", "القيد",
))


def _known(word: str) -> bool:
    """A word of the list as it stands: its key, or its key after one proclitic (``و``, ``ب``...).
    No suffix is taken off (the lenient look-up of :func:`lexicon.known_ar` finds a word in
    most one-letter variants of a long word, which would settle nothing)."""
    norm = normalise_ar(word)
    words = arabic_words()
    if norm in words or ar_key(norm) in words:
        return True
    return len(norm) > 3 and norm[0] in AR_PROCLITICS and (norm[1:] in words or ar_key(norm[1:]) in words)


def _word(word: str) -> bool:
    """:func:`_known`, or a verb in the imperfect (``يحدد``, ``وتتعلق``) whose stem is known."""
    return _known(word) or any(_known(word[k + 1:]) for k in range(min(2, len(word) - 3))
                               if word[k] in _VERB_PREFIX and (k == 0 or word[0] in "وف"))


def _candidates(core: str, with_stacked: bool = True) -> dict[str, str]:
    """Every known word one dot-change or one stacked letter away from ``core`` (by its
    normalised form: ``تاريخ`` and ``تارىخ`` are one candidate). The first letter keeps its
    dots (``يحدد`` is no misread ``بحدد``: the list holds few verbs, and ``ب`` is a proclitic it
    strips), and a stacked letter is put inside the word after a letter that joins the next.
    ``with_stacked=False``: the changes of one letter only (no letter put back or taken out)."""
    found: dict[str, str] = {}
    norm = normalise_ar(core)
    for i, ch in enumerate(core[1:], 1):
        group = _GROUP.get(ch)
        if group is not None:
            for other in _GROUPS[group]:
                cand = core[:i] + other + core[i + 1:]
                key = normalise_ar(cand)
                if key != norm and key not in found and _known(cand):  # not a hamza or ta marbuta of the same word
                    found[key] = cand
        for other in (STROKES.get(ch, "") + (END_STROKES.get(ch, "") if i == len(core) - 1 else "")
                      + (INNER_STROKES.get(ch, "") if i < len(core) - 2 else "")
                      + (SHIN_END.get(ch, "") if i == len(core) - 1 and core[i - 1] == "ش" else "")):
            if _known(cand := core[:i] + other + core[i + 1:]):
                found.setdefault(normalise_ar(cand), cand)
    if not with_stacked:
        return found
    for i in range(1, len(core)):
        if core[i] == core[i - 1] and _known(cand := core[:i] + core[i + 1:]):  # a letter read twice
            found.setdefault(normalise_ar(cand), cand)
        if core[i - 1] == "ا" and core[i] in STACKED and _known(cand := core[:i] + "ل" + core[i:]):
            found.setdefault(normalise_ar(cand), cand)  # the article's ل under a stacked letter: امحكمة
        if core[i - 1] in _NO_JOIN:
            continue
        for letter in STACKED:
            cand = core[:i] + letter + core[i:]
            if _known(cand):
                found.setdefault(normalise_ar(cand), cand)
    return found


TEETH = "بتثنيئ"  # the letters written as one tooth, told apart by their dots (or hamza) only
MAX_TEETH_RUN = 3


def _teeth_run(core: str) -> dict[str, str]:
    """Every known word made by dotting again, as a whole, one run of two or three teeth inside
    ``core`` (after its first letter), two of them changed at least and a hamza's seat ``ئ`` among
    them where none was read: the hamza read as a tooth's dot, its neighbour's dots moved with it
    (``رنبس`` for رئيس). Any run re-dotted, or without the hamza, changed right words no list holds
    (``تعتبر`` -> تعبير, ``سنتيما`` -> سبينما). Asked only when no change of one letter makes a word
    (:func:`one_candidate`)."""
    from itertools import product

    found: dict[str, str] = {}
    norm = normalise_ar(core)
    i = 1
    while i < len(core):
        j = i
        while j < len(core) and core[j] in TEETH:
            j += 1
        if 2 <= j - i <= MAX_TEETH_RUN:
            for run in product(TEETH, repeat=j - i):
                if sum(a != b for a, b in zip(run, core[i:j], strict=True)) < 2 or "ئ" not in run or "ئ" in core[i:j]:
                    continue
                cand = core[:i] + "".join(run) + core[j:]
                key = normalise_ar(cand)
                if key != norm and key not in found and _known(cand):
                    found[key] = cand
        i = j + 1
    return found


def _core(word: str) -> str:
    m = _EDGES.match(word)
    return normalise_ar(m.group(2)) if m else word


class SureWords(set):
    """The page's words read at SURE_CONF or more; ``very``: those read at VERY_SURE_CONF or more."""

    very: frozenset[str] = frozenset()


def sure_words(words: list[str], confs: list[float]) -> SureWords:
    """The page's words read at SURE_CONF or more (normalised, punctuation off): a word the list
    lacks (``الطرقية``, road, of Morocco's road-safety agency) that the page prints again and
    tesseract reads sure there is a word, not a misreading. ``very`` holds the words read at
    VERY_SURE_CONF or more, what the repair of fairly sure words (wordfix.py) leaves alone: the
    same misreading comes back sure on every printing of a word (``الشفل`` at 84-93 % four times on
    one page)."""
    out = SureWords(_core(w) for w, c in zip(words, confs, strict=True) if c >= SURE_CONF)
    out.very = frozenset(_core(w) for w, c in zip(words, confs, strict=True) if c >= VERY_SURE_CONF)
    return out


def repair_word(word: str, sure: set[str] | frozenset[str] = frozenset()) -> str:
    """``word`` (read unsure) put right by one letter when the word list settles it; never a
    word of ``sure`` (:func:`sure_words`)."""
    m = _EDGES.match(word)
    if m is None:
        return word
    head, core, tail = m.groups()
    if len(core) < MIN_LETTERS or not AR_LETTERS.match(core) or normalise_ar(core) in sure:
        return word
    if _word(core) or normalise_ar(core) in MONTHS or _month_for(core) is not None:
        return word  # a month name one letter off is repair_months's, beside its number
    from .wordfix import suffixed, with_pronoun  # wordfix builds on this module

    if suffixed(core):
        return word  # a known word with a pronoun after it: حالته, باسمه (wordfix.py)
    found = one_candidate(core, sure) or with_pronoun(core)
    return f"{head}{found}{tail}" if found else word


def one_candidate(core: str, sure: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The known word ``core`` was misread for, when one settles it: the only candidate of
    :func:`_candidates`, or the only one made by changing a letter (its dots, its stroke) when
    others need a letter put back or taken out (``ممائل``: مماثل rather than مائل; ``سئة``: سنة
    rather than سمئة): a letter's dots are misread more often than a letter is lost. Among several,
    the only one the page reads sure elsewhere (``sure``: :func:`sure_words`) settles it: ``وذارة``
    is وزارة, printed sure in the letterhead, not ودارة."""
    found = _candidates(core)
    if not found and len(teeth := _teeth_run(core)) == 1:
        return next(iter(teeth.values()))
    if len(found) == 1:
        return next(iter(found.values()))
    if len(printed := [cand for key, cand in found.items() if key in sure]) == 1:
        return printed[0]
    changed = _candidates(core, with_stacked=False)
    return next(iter(changed.values())) if len(changed) == 1 and len(found) > 1 else None


_DEFINITE = re.compile("^(?:[وفبك]?ال|[وف]?لل)")  # a word with the article takes no pronoun (``الشهاء`` is no ``الشها``، )
_HAMZA_AFTER = frozenset("اويىزأإآئؤء")  # letters a final hamza follows in words (بناء، جزء، شيء): no comma read there
_NO_HAMZA = frozenset("هة")  # letters no word ends on before a final hamza (أدناهء, الحكمةء): a comma, list or not


def comma_hamza(word: str) -> str:
    """``أدناهء`` -> أدناه، : a comma read as a final hamza glued to a word (module docstring)."""
    m = _EDGES.match(word)
    if m is None:
        return word
    head, core, tail = m.groups()
    if core[-2:] in ('"ء', "'ء") and AR_LETTERS.match(core[:-2]) and len(core) > MIN_LETTERS + 1:
        return f"{head}{core[:-2]}،{tail.lstrip('،,.')}"  # يوما"ء: a comma read as a mark and a hamza
    if (len(core) > MIN_LETTERS + 1 and AR_LETTERS.match(core)
            and (core.endswith("ياء") or (core.endswith("هاء") and not _DEFINITE.match(core)))):
        from .wordfix import real_word  # wordfix builds on this module

        if not real_word(core) and real_word(core[:-1]):  # داخلياء: an adverb in ـيا and a comma; اتحاداتهاء
            return f"{head}{core[:-1]}،{tail.lstrip('،,.')}"
        return word
    if (len(core) < MIN_LETTERS + 1 or not core.endswith("ء") or core[-2] in _HAMZA_AFTER
            or not AR_LETTERS.match(core) or _word(core)):
        return word
    if core[-2] not in _NO_HAMZA and not known_ar(normalise_ar(core[:-1])):
        return word
    return f"{head}{core[:-1]}،{tail.lstrip('،,.')}"


_NO_START = re.compile("^ي(?=ال|إ)")


_YA_YA = re.compile("^([وف]?)ي(?=ي[\u0621-\u064a]{2,}$)")  # ييقى: the ب of يبقى read ي


_NO_VERB = re.compile("^([وف]?)ي(?=[\u0621-\u064a]{3,}ة$)")  # an imperfect verb never ends with ة


def impossible_start(word: str) -> str:
    """``يالعاملات`` -> بالعاملات, ``يإحداث`` -> بإحداث when that is a known word; ``يممارسة`` ->
    بممارسة, ``يجلسة`` -> بجلسة (``ي`` before a noun that ends with ``ة``: no verb does) when that is
    a known word and the word as read is none; ``ييقى`` -> يبقى, ``ييرره`` -> يبرره (a verb's ``ب``
    after its prefix ``ي`` read ``ي``) when that is a word and the word as read is neither known nor
    a rare form (``ييسر`` stays); ``تموذج`` -> نموذج (``ت`` and ``ن`` at a word's start, one skeleton)
    when the word as read is none, no other letter makes a word and the other first letter does; else as read."""
    m = _EDGES.match(word)
    if m is None:
        return word
    head, core, tail = m.groups()
    if _NO_START.match(core):
        cand = "ب" + core[1:]
        return f"{head}{cand}{tail}" if _known(cand) else word
    if len(core) >= MIN_LETTERS + 1 and core[0] in "تن" and AR_LETTERS.match(core):
        from .wordfix import real_word  # wordfix builds on this module

        cand = ("ن" if core[0] == "ت" else "ت") + core[1:]  # تموذج: the first letter's dots, ت for ن
        if not real_word(core) and _known(cand) and not _candidates(core):
            return f"{head}{cand}{tail}"
        return word
    if (v := _YA_YA.match(core)) and not _known(core):
        from .wordfix import rare  # wordfix builds on this module

        k = len(v.group(1)) + 1
        cand = core[:k] + "ب" + core[k + 1:]
        if _word(cand) and not rare(core):
            return f"{head}{cand}{tail}"
    if (v := _NO_VERB.match(core)) and not _known(core):
        from .wordfix import rare  # wordfix builds on this module

        k = len(v.group(1))
        cand = core[:k] + "ب" + core[k + 1:]
        if _known(cand) and not rare(core):
            return f"{head}{cand}{tail}"
    return word


def _raqm_before(word: str, conf: float, nxt: str) -> bool:
    """``رق ......``, ``رم التأجير``: ``رقم`` misread before a dotted blank or a noun of RAQM_NOUNS
    (module docstring), read under VERY_SURE_CONF."""
    if conf >= VERY_SURE_CONF or not _RAQM.match(word) or not nxt:
        return False
    return bool(_BLANK.match(nxt)) or normalise_ar(nxt.rstrip(":،,.")) in RAQM_NOUNS


def repair_unsure(words: list[str], confs: list[float], sure: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The words of an Arabic line (tesseract's order, which puts a number right after the word
    before it in reading) with the unsure ones put right (see the module docstring); ``sure``:
    the words the page reads sure elsewhere, left as they are."""
    from .letter_marks import inner_hamza, tooth_letter  # letter_marks builds on this module
    from .wordfix import nisba_end, pronoun_end, repair_fair  # wordfix builds on this module

    out = list(words)
    # a feminine mark in brackets after a word (المترشح(ة), a form's candidate, male or female): the
    # word is repaired without it, and it is put back after
    marks = [(m.group(1), m.group(2)) if (m := _FEMININE.match(w)) else (w, "") for w in words]
    words = [w for w, _ in marks]
    from .collocations import terms  # collocations builds on this module

    termed = terms(words, confs)  # a word one letter off a fixed term's, beside its other word, before any other repair
    for i, (w, c) in enumerate(zip(words, confs, strict=True)):
        if termed[i] != w:
            out[i] = termed[i]
            continue
        w = comma_hamza(w)
        if (ending := nisba_end(pronoun_end(tooth_letter(inner_hamza(w))))) != w:  # a word now: no more repairs
            out[i] = ending
            continue
        if _raqm_before(w, c, words[i + 1] if i + 1 < len(words) else ""):
            out[i] = "رقم"
            continue
        if c >= LOW_CONF:
            out[i] = repair_fair(impossible_start(w), c, sure)  # read fairly sure, no word (wordfix.py)
            continue
        if _RAQM.match(w) and i + 1 < len(words) and _NUMBER.match(words[i + 1]):
            out[i] = "رقم"
        else:
            out[i] = repair_word(impossible_start(w), sure)
    from .collocations import settle  # collocations builds on this module

    out = [w + mark for w, (_, mark) in zip(out, marks, strict=True)]
    return settle(out)  # words their neighbours settle: المدلى بما -> المدلى بها (collocations.py)
