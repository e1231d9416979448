"""Two misreadings of single letters that the shape of Arabic script settles without a second word.

* **The tooth of ``ص``/``ض``/``ط``/``ظ`` read as a letter.** These letters are a loop with, for
  ``ص`` and ``ض``, a small tooth after it; on a blurred scan ``ara`` reads the tooth, or a speck at
  the loop's edge, as a letter of its own beside them: ``ضبرورة`` for ضرورة,
  ``إمضساء`` for إمضاء, ``إصسلاح`` for إصلاح. A word that is no word (:func:`wordfix.real_word`),
  in which taking out one tooth-like letter (``ب``, ``ت``, ``ث``, ``ن``, ``ي``, ``س``; not ``م``,
  which follows them in many words: ``المضمنة``) right before or after one of those four letters
  makes a word, only one, and that a word of the common list (not a rare form: ``المصبرة`` is no
  misread ``المصرة``), is that word. (``العرائنض`` for العرائض stays: العرائض is a rare form.)
* **A hamza under an alef inside a word.** ``إ`` stands only at a word's start, after a proclitic or
  the article (``الإدارة``, ``بإيداع``, ``لإعداد``); inside a word the alef of the ``لا`` ligature is
  read with a hamza under it (``ملإحظات`` for ملاحظات, ``العلإجات`` for العلاجات). An ``إ`` after
  anything else than such a prefix is ``ا`` when that makes a word (the word list folds hamzas, so
  the word as read passes for one too: the spelling, not the list, says it is wrong). Not after a
  lone ``ي`` (``يإحداث``): that is ``ب`` read ``ي`` (:func:`spelling.impossible_start`).

Any confidence: the first rule asks that the word as read be no word, the second that its spelling
be impossible. Put through every Arabic word of the corpus's truth pages, they change none
(tests/ocr/test_letter_marks.py).
"""

from __future__ import annotations

from .lexicon import AR_LETTERS
from .spelling import _EDGES, _NO_START, MIN_LETTERS, _known

LOOPS = "صضطظ"  # letters whose tooth or loop edge is read as a letter beside them
TOOTH_LIKE = "بتثنيس"  # letters a tooth or a speck there is read as
# what may stand before a word-initial إ: proclitics, the article, both
_HAMZA_PREFIXES = frozenset({
    "", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك", "لل", "ولل", "فلل",
    "ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال",
})


def tooth_letter(word: str) -> str:
    """``ضبرورة`` -> ضرورة: a tooth-like letter beside ``ص``, ``ض``, ``ط``, ``ظ`` taken out (module docstring)."""
    from .wordfix import real_word  # wordfix builds on spelling, as this module does

    m = _EDGES.match(word)
    if m is None:
        return word
    head, core, tail = m.groups()
    if len(core) < MIN_LETTERS + 1 or not AR_LETTERS.match(core) or not any(c in core for c in LOOPS) or real_word(core):
        return word
    found = {core[:i] + core[i + 1:] for i, ch in enumerate(core)
             if ch in TOOTH_LIKE and ((i > 0 and core[i - 1] in LOOPS) or (i + 1 < len(core) and core[i + 1] in LOOPS))}
    found = {cand for cand in found if real_word(cand)}
    if len(found) != 1 or not _known(cand := found.pop()):  # a rare form is no proof: المصبرة is no misread المصرة
        return word
    return f"{head}{cand}{tail}"


def inner_hamza(word: str) -> str:
    """``ملإحظات`` -> ملاحظات: an ``إ`` inside a word, after no prefix, is ``ا`` (module docstring)."""
    from .wordfix import real_word

    m = _EDGES.match(word)
    if m is None:
        return word
    head, core, tail = m.groups()
    i = core.find("إ", 1)
    if i < 0 or core[:i] in _HAMZA_PREFIXES or _NO_START.match(core) or not AR_LETTERS.match(core):
        return word
    cand = core[:i] + "ا" + core[i + 1:]
    return f"{head}{cand}{tail}" if "إ" not in cand and real_word(cand) else word
