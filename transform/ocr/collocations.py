"""Arabic words settled by the words around them, where the word list cannot tell.

The one-letter repairs of :mod:`spelling` and :mod:`wordfix` leave a misreading alone when it is
itself a word: on the light face of a court judgment ``ara`` reads the middle ``ه`` of ``بها``
("with it") as ``م`` (``بما``, "with what", at 60-91 %), ``ح``, ``ج``, or takes its ``ب`` for ``ي``
(``يما``), and no list can say which was printed. The sentence can:

* **a participle that takes ``ب`` and its pronoun.** The passive participle of a verb whose
  object is brought by ``ب`` (``أدلى ب``, to produce a document; ``استدل ب``, ``عمل ب``, ``سمح ب``,
  ``طالب ب``...) refers back to the noun it qualifies by ``ب`` and a pronoun: ``الوثائق المدلى
  بها``, ``القوانين المعمول بها``. ``بما`` there would leave the participle without its pronoun
  (the grammar has no ``المدلى بما``). So right after one of :data:`PARTICIPLES` a word of the
  shape of ``بها`` (``ب`` or ``ي``, then ``م``, ``ه``, ``ح``, ``ج`` or nothing, then ``ا``) is
  ``بها``, however sure the reading (a ``ء`` read after it is the semicolon's: ``المصابين يهاء.`` on the Santé
  decision for ``المصابين بها؛``). The list of participles is written from the grammar, not
  from any page;
* **``ني`` is no word** (``في`` read with its loop open, ``ني``): standing alone on an Arabic
  line it is ``في`` (the raw ``نيء`` is written with its hamza); ``هن`` (a pronoun) before a noun
  that stands as an adverb only after a preposition (``طرف``, ``أجل``, ``خلال``, ``قبل``: ``من طرف``,
  by) is ``من``, its ``م`` read ``ه`` (not before ``نفس`` or ``دون``, which a pronoun may start:
  ``هن دون السن``);
* **fixed terms of legal and administrative Arabic** (:data:`TERMS`, two words that go
  together, written from the language, not from any page: ``الحد الأدنى``, ``النظام الأساسي``,
  ``الإكراه البدني``): a word one letter off one word of a term, next to the other word of it in
  its place, is that word (``الحد الأدلى`` -> الحد الأدنى, ``النظام الأسامي`` -> النظام الأساسي,
  ``والأكراه البدني`` -> والإكراه البدني); a proclitic ``و``, ``ف``, ``ب``, ``ل`` before either word
  is kept;
* **``بتاريخ`` before a date**: a word one letter off ``بتاريخ`` (``يتاريخ``, ``بتاريغ``) right
  before a number is ``بتاريخ``, as ``رقم`` is settled before a number (:mod:`spelling`). Right before
  a whole date (a day and a month's name, or a date in figures) the word may be misread further at its
  end: a face that draws ``يخ`` as one small stacked glyph has it read ``ية`` or ``يخة`` (``بنارية 01
  مارس 2022``, itself a word of the list; ``بتاريخة فاتح ربيع``). There a word of six or seven letters whose first
  five are ``بتاري`` with at most one letter's dots misread (:func:`_misreadings`) is ``بتاريخ``
  (:func:`_date_word`); no word the truth prints before a date is so.

The article's ``ل`` lost between its ``ا`` and the word (``ا موضوع`` for الموضوع: the lone
``ا`` box touching the word's) is put back by :func:`join_article` (:mod:`glued` calls it, as it
changes the line's word count). A lone ``ا`` is no Arabic word.

Measured as a bad output would be: every pair of words of the corpus's truth pages run through
:func:`settle` changes no word (tests/ocr/test_collocations.py).
"""

from __future__ import annotations

import re

from .lexicon import edits as _edits
from .lexicon import normalise_ar
from .spelling import _EDGES, _GROUP, LOW_CONF, STROKES, _known

# passive (or passive-like) participles of verbs that take their object with ب: the participle
# refers back with ب and a pronoun (المدلى بها، المعمول به)
PARTICIPLES = frozenset({
    "المدلى", "المستدل", "المعمول", "المعترف", "المأذون", "المسموح", "المحكوم", "المصرح", "المطالب",
    "المتمسك", "المحتج", "المستشهد", "المدعى", "الموصى", "المرخص", "الموثوق", "المنوطة", "المنوط",
    # afflicted with (أصيب ب): المرضى المصابين بها
    "المصاب", "المصابة", "المصابين", "المصابون",
})
_PARTICIPLES = frozenset(normalise_ar(w) for w in PARTICIPLES)
# fixed two-word terms: a word one letter off one of them, next to the other, is that word
TERMS = (
    ("الحد", "الأدنى"), ("الحد", "الأقصى"), ("النظام", "الأساسي"), ("الإكراه", "البدني"),
    ("المملكة", "المغربية"), ("الجريدة", "الرسمية"), ("المدعى", "عليه"), ("كتابة", "الضبط"),
    ("النفاذ", "المعجل"), ("الجماعات", "الترابية"), ("الوظيفة", "العمومية"), ("حيز", "التنفيذ"),
    ("السلطة", "الحكومية"), ("الصفقات", "العمومية"), ("الحماية", "الاجتماعية"),
    ("الانتقال", "الطاقي"), ("الإدماج", "المهني"), ("التنمية", "المستدامة"), ("السلامة", "الطرقية"),
    # a certified copy, an organisation chart, the ministry of equipment and transport, a candidate's proposed
    # method; transport and logistics, in both its spellings (one letter apart: each stays itself, _term_word)
    ("طبق", "الأصل"), ("الهيكل", "التنظيمي"), ("التجهيز", "النقل"), ("المنهجية", "المقترحة"),
    ("النقل", "اللوجستيك"), ("النقل", "اللوجيستيك"),
    # an article of a text is feminine: its first is الأولى (الفصل الأول is masculine, another anchor)
    ("المادة", "الأولى"),
    # a form's labels: the date of the application, of tenure, of birth, of filing; the family and the first name; the
    # model of an application (a form's title)
    ("تاريخ", "الطلب"), ("تاريخ", "الترسيم"), ("تاريخ", "الازدياد"), ("تاريخ", "الإيداع"),
    ("الاسم", "العائلي"), ("الاسم", "الشخصي"), ("نموذج", "طلب"),
    # provided for (of a text, a card): the participle and the pronoun of what it refers to, each form a term, so that
    # one form is never made another (عليه one letter off عليها)
    ("المنصوص", "عليه"), ("المنصوص", "عليها"), ("المنصوص", "عليهم"), ("المنصوص", "عليهما"),
)
MIN_TERM_WORD = 3  # letters of the word put right (one letter off a shorter word settles nothing)
LONG_TERM_WORD = 6  # a term's word this long may be two edits off (a swap of two letters one edit), see _term_word
_BIHA = re.compile("^[بي][مهحج]?اء?$")  # بها as read on a light face: بما، يما، بحا، بجا، با; يهاء (its ؛ read ء)
_DATE_NEXT = re.compile(r"^[(\[]?\d")  # a number, or a date glued to its month (11مارس)
DATE_WORD = "بتاريخ"
_DATE_STEM = DATE_WORD[:5]  # بتاري: the word's start, read before a whole date (its end may be misread, see _date_word)
_FIGURE_DATE = re.compile(r"^[(\[]?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[)\].,،:]?$")  # 2019/09/9, 01-03-2022
# nouns that stand as adverbs only after a preposition (من طرف، من أجل، من خلال): the pronoun هن before
# one of them is من with its loop read open
_AFTER_MIN = frozenset(normalise_ar(w) for w in ("طرف", "أجل", "خلال", "قبل", "جراء", "لدن"))
MAX_JOIN_GAP = 0.5  # a lone ا this many line heights or closer to the next word is its article


def _split(word: str) -> tuple[str, str, str]:
    m = _EDGES.match(word)
    return m.groups() if m else ("", word, "")  # type: ignore[return-value]


def _after_participle(prev: str) -> bool:
    core = normalise_ar(_split(prev)[1])
    if core[:1] in ("و", "ف") and core[1:3] == "ال":
        core = core[1:]
    return core in _PARTICIPLES


def _one_off(a: str, b: str) -> bool:
    return len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _bare(core: str) -> tuple[str, str]:
    """(proclitic, word): ``والأكراه`` -> (و, الأكراه), ``للجماعات`` -> (ل, الجماعات); a proclitic is
    taken off only before the article or a word of the terms."""
    if core.startswith("لل") and len(core) > 4:
        return "ل", "ال" + core[2:]
    if len(core) > 3 and core[0] in "وفبل" and (core[1:3] == "ال" or core[1:] in _TERM_WORDS):
        return core[0], core[1:]
    return "", core


def _join(pro: str, word: str) -> str:
    return "لل" + word[2:] if pro == "ل" and word.startswith("ال") else pro + word


def _bare_forms(word: str) -> list[str]:
    return [word, word[2:]] if word.startswith("ال") and len(word) >= MIN_TERM_WORD + 2 else [word]


# each term as printed with or without its articles (كتابة ضبط المحكمة, حد أدنى)
_TERM_FORMS = tuple(dict.fromkeys((a, b) for x, y in TERMS for a in _bare_forms(x) for b in _bare_forms(y)))
_TERM_WORDS = frozenset(w for t in _TERM_FORMS for w in t)
_FIRSTS = frozenset(_TERM_FORMS)  # (first word, second word) of each term form
_SECONDS = frozenset((b, a) for a, b in _TERM_FORMS)  # (second word, first word)
# one letter that makes another word (المدعي is not المدعى) or a spelling (الإجتماعية as printed)
_OTHER_WORDS = frozenset({("ي", "ى"), ("ى", "ي"), ("ه", "ة"), ("ة", "ه"), ("إ", "ا"), ("أ", "ا"), ("آ", "ا")})


def _term_word(core: str, other: str, first: bool, unsure: bool = False) -> str | None:
    """The word of a term ``core`` was misread for, ``other`` (bare) standing next to it as the
    term's other word (``first``: ``core`` is the term's first word; ``unsure``: it was read under
    spelling.LOW_CONF). Two forms of a term in reach (``اللوجستيك`` one letter off, ``اللوجيستيك`` two): the one
    letter off; two at the same distance: none."""
    if len(core) < MIN_TERM_WORD or (core, other) in (_FIRSTS if first else _SECONDS):
        return None  # a word of a term beside its other word: another form of the term stays another
    found: dict[str, int] = {}
    for term in _TERM_FORMS:
        mine, anchor = (term[0], term[1]) if first else (term[1], term[0])
        if other != anchor or core == mine or len(mine) < MIN_TERM_WORD:
            continue
        if (near := _edits(core, mine)) != 1 and not _two_off(core, mine, unsure):
            continue
        if len(core) == len(mine) and {(x, y) for x, y in zip(core, mine, strict=True) if x != y} <= _OTHER_WORDS:
            continue
        found[mine] = near
    best = [mine for mine, near in found.items() if near == min(found.values())]
    return best[0] if len(best) == 1 else None


def _two_off(core: str, mine: str, unsure: bool) -> bool:
    """``core`` read for the long term word ``mine`` with two misreadings (:func:`_misreadings`), its
    first two letters (the article) read right: a word no list knows (``المفريبة`` for المغربية), or
    a known one read unsure that is ``mine`` with letters lost (``المي`` for المهني, its stacked ``هـ``
    and its ``ن`` lost); not a known word re-dotted (``العربية`` is no misread ``المغربية``) nor one
    read sure (``تاريخ الرسم`` is no misread تاريخ الترسيم)."""
    if len(mine) < LONG_TERM_WORD or core[:2] != mine[:2] or _misreadings(core, mine) > 2:
        return False
    return not _known(core) or (unsure and _lost_only(core, mine))


def _lost_only(read: str, word: str) -> bool:
    """``read`` is ``word`` with some of its letters left out."""
    rest = iter(word)
    return all(ch in rest for ch in read)


def _misreadings(read: str, word: str) -> int:
    """How many misreadings turn ``word`` into ``read``: a letter's dots or stroke misread (one of its
    skeleton group, or of spelling.STROKES), a letter lost or added, two adjacent letters' dots read on
    each other's letter (a swap) count one each; a letter read for one of another shape counts three."""
    d = [[i + j if not i * j else 0 for j in range(len(word) + 1)] for i in range(len(read) + 1)]
    for i in range(1, len(read) + 1):
        for j in range(1, len(word) + 1):
            a, b = read[i - 1], word[j - 1]
            sub = 0 if a == b else 1 if _GROUP.get(a, -1) == _GROUP.get(b, -2) or b in STROKES.get(a, "") else 3
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + sub)
            if i > 1 and j > 1 and a == word[j - 2] and read[i - 2] == b:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def terms(words: list[str], confs: list[float] | None = None) -> list[str]:
    """The words of an Arabic line with each word one letter off a word of a fixed term, next to
    the term's other word, put right (:data:`TERMS`); as many words as given. ``confs``: their
    confidences (a known word read unsure may be two letters off, :func:`_two_off`)."""
    return _terms(words, confs)


def _terms(words: list[str], confs: list[float] | None = None) -> list[str]:
    out = list(words)
    for i, w in enumerate(words):
        head, core, tail = _split(w)
        pro, bare = _bare(core)
        found = None
        unsure = confs is not None and confs[i] < LOW_CONF
        after, before = _beside(words, i, 1), _beside(words, i, -1)
        if after is not None:
            found = _term_word(bare, _bare(_split(words[after])[1])[1], True, unsure)
        if found is None and before is not None:
            found = _term_word(bare, _bare(_split(words[before])[1])[1], False, unsure)
        if found:
            out[i] = f"{head}{_join(pro, found)}{tail}"
    return out


_SPECK = re.compile(r"^[A-Za-zÀ-ÿ]$")  # one Latin letter: a speck read in an Arabic line (``المملكة à المغريبة``)


def _beside(words: list[str], i: int, step: int) -> int | None:
    """The index of the word beside ``words[i]`` (``step`` 1: after it, -1: before), a lone Latin
    letter between them passed over; None at the line's end."""
    k = i + step
    if 0 <= k < len(words) and _SPECK.match(words[k]):
        k += step
    return k if 0 <= k < len(words) else None


def term_pair(first: str, second: str) -> bool:
    """Do ``first`` and ``second`` (reading order, as read: punctuation, a proclitic kept) make a
    fixed term of :data:`TERMS`?"""
    a, b = (_bare(_split(w)[1])[1] for w in (first, second))
    return (a, b) in _TERM_FORMS


def settle(words: list[str]) -> list[str]:
    """The words of an Arabic line (tesseract's order: reading order for the Arabic words, a
    number right after the word before it) with the words their neighbours settle put right
    (module docstring); as many words as given."""
    words = _terms(words)
    out = list(words)
    for i, w in enumerate(words):
        head, core, tail = _split(w)
        if i and _BIHA.match(core) and core != "بها" and _after_participle(words[i - 1]):
            out[i] = f"{head}بها{tail}"
        elif core == "ني":
            out[i] = f"{head}في{tail}"
        elif core == "هن" and i + 1 < len(words) and normalise_ar(_split(words[i + 1])[1]) in _AFTER_MIN:
            out[i] = f"{head}من{tail}"
        elif (_one_off(core, DATE_WORD) and i + 1 < len(words) and _DATE_NEXT.match(words[i + 1])
              and not _known(core)) or _date_word(core, words, i):
            out[i] = f"{head}{DATE_WORD}{tail}"
    return out


def _date_word(core: str, words: list[str], i: int) -> bool:
    """Is ``core`` (``words[i]`` bare) ``بتاريخ`` read with its end misread, right before a whole date: a day and a
    month's name (``01 مارس``, ``فاتح ربيع``; a month's name or ``فاتح`` one letter off counts, as
    :func:`months.repair_months` puts them right), or a date in figures? Six or seven letters, the first five
    ``بتاري`` with at most one letter's dots misread (``بنارية``, ``بتاريخة``)."""
    if core == DATE_WORD or len(core) not in (6, 7) or _misreadings(core[:5], _DATE_STEM) > 1 or i + 1 >= len(words):
        return False
    if _FIGURE_DATE.match(words[i + 1]):
        return True
    from .months import _DAY, _is_month, repair_months  # months builds on spelling, as this module does

    dated = repair_months(words[i + 1:i + 5])
    return len(dated) > 1 and bool(_DAY.match(dated[0].strip("()[].,،:"))) and _is_month(_split(dated[1])[1])


def join_article(info: dict[str, list]) -> None:
    """A lone ``ا`` right before a word (its box touching the word's, the gap at most
    MAX_JOIN_GAP of the line's height) is the article with its ``ل`` lost: ``ا موضوع`` ->
    الموضوع when that is a known word. ``info``: a line's parallel lists (``words``, ``xs``,
    ``boxes``, ``heights``, ``confs``), changed in place; the word keeps its own confidence."""
    words = info["words"]
    joins = []
    for k in range(len(words) - 1):
        head, core, tail = _split(words[k + 1])
        if words[k] != "ا" or head or len(core) < 3 or core.startswith("ال") or not re.match("^[\u0621-\u064a]+$", core):
            continue
        x0, top, x1, bottom = info["boxes"][k]
        nx0, ntop, nx1, nbottom = info["boxes"][k + 1]
        height = max(bottom - top, nbottom - ntop, 1)
        if x0 - nx1 <= MAX_JOIN_GAP * height and x0 + x1 > nx0 + nx1 and _known("ال" + core):
            joins.append(k)
    if not joins:
        return
    for k in reversed(joins):
        x0, top, x1, bottom = info["boxes"][k]
        nx0, ntop, nx1, nbottom = info["boxes"][k + 1]
        box = (min(x0, nx0), min(top, ntop), max(x1, nx1), max(bottom, nbottom))
        info["words"][k:k + 2] = ["ال" + info["words"][k + 1]]
        info["boxes"][k:k + 2] = [box]
        info["xs"][k:k + 2] = [(box[0] + box[2]) / 2]
        info["heights"][k:k + 2] = [max(info["heights"][k], info["heights"][k + 1])]
        info["confs"][k:k + 2] = [info["confs"][k + 1]]
