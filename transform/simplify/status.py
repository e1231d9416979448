"""Segment statuses and notices: one vocabulary for the engine, the quality report, the review API and the service.

A *segment* is what the simplifier made of one source sentence. Its status says whether it has a Darija
text and who vouches for it:

=================  ==========================================  ============  ===========================
status             meaning                                     Darija text   approval
=================  ==========================================  ============  ===========================
``ok``             machine draft, every check passed           yes           accepted by the approver
``needs_review``   machine draft, a check found something      yes           accepted by the approver
``check_source``   machine draft made from doubtful source     yes           accepted by the approver
                   text (OCR, broken text layer): compare
                   with the printed page
``needs_human``    no Darija text yet ("pending"): the track   no            **refused** until translated
                   shows the source text after the notice                    or kept in the source language
                   "not yet in Darija"
``reviewed``       written or edited by a person               yes           accepted
``kept_source``    a person chose to keep the source           no            accepted; outputs say "kept
                   language for this segment                                 in French / Arabic"
``from_memory``    an approved translation reused as it is     yes           accepted
                   from the translation memory
                   (:mod:`transform.simplify.reuse`)
=================  ==========================================  ============  ===========================

A segment without Darija text (``needs_human``, ``kept_source``) is written in the Darija track as two
sentences: a short Darija *notice* (:func:`notice_text`) and then the source sentence in its own language
(``Sentence.lang``). Every renderer already honours a sentence's own language, so the text, HTML, EPUB,
DOCX and braille show the notice before the source text, and the narration says the notice with the
Darija voice and reads the source with the source language's voice, without any special case.
"""

from __future__ import annotations

OK = "ok"
NEEDS_REVIEW = "needs_review"
CHECK_SOURCE = "check_source"
NEEDS_HUMAN = "needs_human"
REVIEWED = "reviewed"
KEPT_SOURCE = "kept_source"
FROM_MEMORY = "from_memory"

MACHINE = (OK, NEEDS_REVIEW, CHECK_SOURCE, NEEDS_HUMAN)
BY_PERSON = (REVIEWED, KEPT_SOURCE)
RESERVED = (FROM_MEMORY,)
ALL = MACHINE + BY_PERSON + RESERVED
NO_DARIJA = (NEEDS_HUMAN, KEPT_SOURCE)  # the track shows the notice and the source text
UNRESOLVED = (NEEDS_HUMAN,)  # approval and publication refuse a version that still has one
PENDING = "pending"  # the notice kind of a needs_human segment ("not yet in Darija")
KEPT = "kept"  # the notice kind of a kept_source segment ("kept in French")
_RANK = {OK: 0, FROM_MEMORY: 0, REVIEWED: 0, NEEDS_REVIEW: 1, CHECK_SOURCE: 2, KEPT_SOURCE: 3, NEEDS_HUMAN: 4}

# plain-language labels for staff (report, review pages); "ary" is what the Darija outputs say
LABELS: dict[str, dict[str, str]] = {
    OK: {"ar": "مسودة سليمة", "fr": "Brouillon sans alerte", "en": "draft, no finding"},
    NEEDS_REVIEW: {"ar": "مسودة تحتاج مراجعة", "fr": "Brouillon à relire", "en": "draft to check"},
    CHECK_SOURCE: {"ar": "قارن مع الوثيقة الأصلية", "fr": "À vérifier sur l'original", "en": "check against the source"},
    NEEDS_HUMAN: {"ar": "لم تترجم بعد إلى الدارجة", "fr": "Pas encore en darija", "en": "not yet in Darija"},
    REVIEWED: {"ar": "راجعها شخص", "fr": "Relu par une personne", "en": "reviewed by a person"},
    KEPT_SOURCE: {"ar": "تركت بلغة الأصل", "fr": "Gardé dans la langue d'origine", "en": "kept in the source language"},
    FROM_MEMORY: {"ar": "من ذاكرة الترجمة", "fr": "Repris de la mémoire de traduction", "en": "from the translation memory"},
}

_LANG_NAMES = {"fr": "بالفرنسية", "ar": "بالعربية", "en": "بالنجليزية"}
_NOTICES = {
    PENDING: "هاد الجملة باقي ما تكتبات بالدارجة، ها هي {lang}:",
    KEPT: "هاد الجملة خليناها {lang}:",
}


def notice_text(kind: str, source_lang: str) -> str:
    """The Darija notice written before a source sentence: ``pending`` ("not yet in Darija, here it is in
    French:") or ``kept`` ("we kept this sentence in French:")."""
    lang = _LANG_NAMES.get((source_lang or "").split("-")[0], "بلغة الأصل")
    return _NOTICES[kind].format(lang=lang)


def has_darija(status: str) -> bool:
    return status not in NO_DARIJA


def is_resolved(status: str) -> bool:
    """Acceptable in an approved version (translated, or explicitly kept in the source language)."""
    return status not in UNRESOLVED


def worst(*statuses: str) -> str:
    """The status that says the most (needs_human > kept_source > check_source > needs_review > ok)."""
    return max(statuses, key=lambda s: _RANK.get(s, 1))


def label(status: str, lang: str = "en") -> str:
    return LABELS.get(status, {}).get(lang, status)
