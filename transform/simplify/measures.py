"""Measures a Moroccan reader would agree with (issue 18): is the draft Darija, or MSA with a few words swapped?

* **copy rate**: share of the source's content words (function words, numbers and protected names left
  out) that the draft keeps verbatim. Compared on matching keys (no tatweel, no diacritics, hamza forms
  unified), so a draft whose only change is tatweel or a hamza is a copy.
* **Darija markers per 100 tokens**: core Darija function words and forms (ديال، غادي، كاين، اللي، باش،
  the كـ present, the ما...ش negation...). ``ف`` and shared nouns are not markers: a function-word swap
  must not look like Darija.
* **MSA left per 100 tokens**: MSA function words (سوف، ليس، الذي، يتم، أن...), imperfect verbs without
  كـ / غادي or another Darija trigger, dual forms, nunation (accusative endings).
* **chrF** against human references, when there are references (:func:`transform.simplify.metrics.chrf`).

The word lists live in ``data/markers.json`` (staff can grow them). Every measure is tested on bad outputs
(a copied source, a function-word swap, a placeholder) in ``tests/simplify/test_measures.py``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache

import regex

from .data import resources
from .text import TASHKEEL, key, normalize, words

# a segment needs a person's eye when (per segment) ...
SEG_COPY_MAX = 0.75  # ... more than this share of its content words is copied (with at least SEG_MIN_WORDS)
SEG_MIN_WORDS = 4
UNCHANGED_MIN_WORDS = 3  # a segment with this many content words that is the source text is "not rewritten"
# the document gates (a mostly copied or MSA draft cannot pass) and the goals of issue 18
DOC_COPY_GATE, DOC_COPY_GOAL = 0.6, 0.5
DOC_MARKERS_GATE, DOC_MARKERS_GOAL = 4.0, 6.0
DOC_MSA_GATE, DOC_MSA_GOAL = 3.0, 1.0

_ARABIC_WORD = regex.compile(r"\p{Arabic}")
_KA = regex.compile(r"^[وف]?ك[يتن]\p{L}{2,}$")
_IMPERFECT = regex.compile(r"^(?P<c>[وف]?)(?P<f>س?)(?P<p>[يتن])(?P<s>\p{L}{2,})$")
_TANWIN = regex.compile(r"\p{Arabic}+[\u064B-\u064D]")
# after these words a bare imperfect is Darija (غادي يبني، باش تعاون، خاصها توفر، يقدر يشوف...)
LICENSING = frozenset(key(w) for w in (
    "غادي غاديين غادية غا باش حتى خاص خاصو خاصها خاصهم خاصنا خاصك خاصكم بغا بغات بغاو كيبغي كتبغي كيبغيو يقدر تقدر نقدر يقدرو "
    "تقدرو نقدرو كيقدر كتقدر كنقدر كيقدرو كتقدرو قدر قدرات قدرو واش اللي ما مايقدرش يمكن خصها خصو قبل بلا كان كانت كانو ولا").split())
NOT_VERB = frozenset(key(w) for w in (
    "يوم يوما يومين يومي يومية يوميا يونيو يوليوز يوليو يناير يد يدوي يمين يسار يقين يمن يهود ينبوع يمكن يعني يلا يالاه يا يتيم "
    "يقدر تقدر نقدر يبدو يافع تموز نوفمبر نونبر نيسان تشرين نحو نحن نسبة نظام نفس نقطة نوع نقل نمو نتيجة تقرير تاريخ ترتيب تنمية تمويل تعليم "
    "سياحي سياحية سيادي سيادة سياسي سياسية سياسة سيارة سيارات سيدي سيدة سينما سيولة سير سيرورة سيطرة سياق سياج تسيير").split())
MSA_FINAL_W = frozenset(key(w) for w in "يبدو تبدو يدعو تدعو ندعو يرجو نرجو ينمو تنمو يعلو يخلو يشكو يسمو".split())
TIME_DUALS = frozenset(key(w) for w in "ساعتين مرتين سيمانتين جمعتين ليلتين عامين يومين شهرين".split())


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    r = resources()
    out = dict(r.word_lists)
    out["msa"] = r.msa_markers
    out["darija"] = r.darija_markers
    out["verbs"] = frozenset(r.verbs)
    out["vocab"] = r.vocab
    return out


def _bare(k: str, vocab: frozenset[str]) -> str:
    """The word without its clitics (و ف ب ل ك, and لل = ل + ال) when that form is in ``vocab``."""
    if k in vocab:
        return k
    for pre in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"):
        if k.startswith(pre) and len(k) - len(pre) >= 2:
            rest = k[len(pre):]
            if rest in vocab:
                return rest
            if pre.endswith("ل") and rest.startswith("ل") and "ا" + rest in vocab:
                return "ا" + rest
    return k


@lru_cache(maxsize=1)
def _placeholders() -> tuple[str, ...]:
    from .french import NEEDS_HUMAN_LABEL
    from .status import KEPT, PENDING, notice_text

    return (NEEDS_HUMAN_LABEL, *(notice_text(k, lang).rstrip(":") for k in (PENDING, KEPT) for lang in ("fr", "ar", "")))


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    from .lexicon import NUMBER_WORDS

    return NUMBER_WORDS


def tokens(text: str) -> list[str]:
    """Arabic-letter words and digit groups of a text, normalised (no tatweel, no diacritics)."""
    return words(normalize(text))


def is_marker(k: str, prev: str = "") -> bool:
    """A core Darija marker (``k`` and ``prev`` are matching keys)."""
    ls = _lists()
    if _bare(k, ls["darija"]) in ls["darija"]:
        return True
    if _KA.match(k) and _bare(k, ls["not_ka_verbs"]) not in ls["not_ka_verbs"] and (k[1:] if k[0] in "وف" else k) not in ls["not_ka_verbs"]:
        return True
    if len(k) >= 3 and k.endswith("ش") and (prev in ("ما", "وما") or (k.startswith(("ما", "وما")) and len(k) >= 5)):
        return True  # ما يبقاش، ماكاينش
    return False


def is_imperfect(tok: str, k: str) -> bool:
    """An MSA imperfect verb form (ي- words that are not known nouns; ت-/ن- words only when listed or plural)."""
    return _imperfect(tok, k)


def _imperfect(tok: str, k: str) -> bool:
    ls = _lists()
    m = _IMPERFECT.match(k)
    if not m or k in NOT_VERB or (k[1:] if m.group("c") else k) in NOT_VERB:
        return False
    stem = m.group("s")
    if stem.endswith("و") and not stem.endswith("ون") and k not in MSA_FINAL_W:
        return False  # Darija plural: يديرو، يقدمو (MSA: يديرون)
    if tok.endswith(("ة", "ات")):
        return False  # a noun in ة or a feminine plural, not a verb (يوجه، ينبه are verbs)
    listed = key("ي" + stem) in ls["verbs"] or key("ي" + stem.removesuffix("ون").removesuffix("ان")) in ls["verbs"]
    if m.group("f"):
        return listed or stem.endswith("ون")  # سيبني، ستقوم، سيعملون
    if m.group("p") == "ي":
        return len(stem) >= 3 or listed
    # ت / ن: form V and VI verbal nouns look the same (تعاون، توسع): only MSA-specific verbs count
    v = resources().verbs.get(key("ي" + stem))
    return (v is not None and key(v.darija) != key(v.msa)) or (stem.endswith("ون") and len(stem) >= 4)


def _dual(k: str) -> bool:
    ls = _lists()
    b = _bare(k, ls["not_dual"])
    if b in ls["not_dual"] or b in TIME_DUALS or k in TIME_DUALS:
        return False
    if len(b) >= 5 and b.endswith(("تين", "تان")) and not b.endswith(("ستين", "ثلاثين")):
        return True
    return b.startswith("ال") and b.endswith("ان") and len(b) >= 7


def _nunation(k: str, prev_is_number: bool) -> bool:
    ls = _lists()
    b = _bare(k, ls["adverbial_accusatives"])
    if b in ls["not_nunation"] or k in ls["not_nunation"]:
        return False
    if b in ls["adverbial_accusatives"]:
        return True
    if len(k) >= 5 and k.endswith("يا") and not k.startswith(("ال", "وال")) and _bare(k, ls["vocab"]) not in ls["vocab"]:
        return True  # ماليا، صحيا، سنويا
    return prev_is_number and len(k) >= 4 and k.endswith("ا") and not k.endswith("اا") and not k.startswith(("ال", "ب", "ل"))


def msa_forms(text: str) -> list[tuple[str, str]]:
    """The MSA forms left in a Darija text: (word, kind) with kind function | verb | dual | nunation."""
    ls = _lists()
    out: list[tuple[str, str]] = [(m.group(0), "nunation") for m in _TANWIN.finditer(text)]
    toks = tokens(TASHKEEL.sub("", text))
    names = _names(text)
    prev = ""
    prev_num = False
    for tok in toks:
        if not _ARABIC_WORD.search(tok):
            prev, prev_num = tok, tok[0].isdigit()
            continue
        k = key(tok)
        kind = None
        if k in names or _bare(k, names) in names:
            kind = None
        elif _bare(k, ls["msa"]) in ls["msa"]:
            kind = "function"
        elif _imperfect(tok, k) and prev not in LICENSING and not (k.endswith("ش") and prev in ("ما", "وما")):
            kind = "verb"
        elif _dual(k):
            kind = "dual"
        elif _nunation(k, prev_num):
            kind = "nunation"
        if kind:
            out.append((tok, kind))
        prev, prev_num = (k[1:] if k.startswith("و") and k[1:] in LICENSING else k), False
    return out


def content_words(source: str, names: frozenset[str] = frozenset()) -> list[str]:
    """Matching keys of the source's content words (no function words, numbers, names or one-letter words)."""
    ls = _lists()
    out = []
    for tok in tokens(source):
        if not _ARABIC_WORD.search(tok):
            continue
        k = key(tok)
        if len(k) < 2 or _bare(k, ls["function_words"]) in ls["function_words"]:
            continue
        if k in _number_words() or (k[:1] == "و" and k[1:] in _number_words()):
            continue  # numbers written in words are numbers, like digits
        if k in names or _bare(k, names) in names:
            continue
        out.append(k)
    return out


@dataclass
class Measures:
    """What the measures found in one segment (or, summed, in a document)."""

    tokens: int = 0  # tokens of the Darija text
    content_words: int = 0  # content words of the source
    copied: int = 0  # of them, kept verbatim in the Darija text
    markers: int = 0  # core Darija markers in the Darija text
    msa_left: list[str] = field(default_factory=list)  # "word (kind)"
    unchanged: bool = False  # the Darija text is the source text (tatweel, diacritics, spaces aside)
    placeholders: int = 0  # placeholder or notice text where a translation should be

    @property
    def copy_rate(self) -> float:
        return round(self.copied / self.content_words, 4) if self.content_words else 0.0

    @property
    def markers_per_100(self) -> float:
        return round(100 * self.markers / self.tokens, 2) if self.tokens else 0.0

    @property
    def msa_per_100(self) -> float:
        return round(100 * len(self.msa_left) / self.tokens, 2) if self.tokens else 0.0

    def add(self, other: Measures) -> None:
        self.tokens += other.tokens
        self.content_words += other.content_words
        self.copied += other.copied
        self.markers += other.markers
        self.msa_left += other.msa_left
        self.placeholders += other.placeholders

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        d.update(copy_rate=self.copy_rate, markers_per_100=self.markers_per_100, msa_per_100=self.msa_per_100)
        return d

    def reasons(self) -> list[str]:
        """Per-segment findings, in words a reviewer understands (empty: nothing to say)."""
        out = []
        if self.placeholders:
            out.append("placeholder text instead of a translation")
        if self.unchanged:
            out.append("not rewritten: the Darija text is the source text")
        elif self.content_words >= SEG_MIN_WORDS and self.copy_rate > SEG_COPY_MAX:
            out.append(f"mostly copied from the source: {self.copied} of {self.content_words} words unchanged")
        if self.msa_left:
            out.append("MSA forms left: " + ", ".join(dict.fromkeys(self.msa_left)))
        return out


def _names(source: str) -> frozenset[str]:
    from .metrics import entities  # the gazetteer names of the source must be kept: they are not "copied"

    return frozenset(key(w) for name in entities(source) for w in name.split())


def measure(source: str, output: str, *, source_is_arabic: bool | None = None) -> Measures:
    """The measures of one segment: ``output`` (Darija) against its ``source`` sentence."""
    out_toks = tokens(output)
    m = Measures(tokens=len(out_toks))
    prev = ""
    for tok in out_toks:
        k = key(tok)
        if _ARABIC_WORD.search(tok) and is_marker(k, prev):
            m.markers += 1
        prev = k
    m.msa_left = [f"{w} ({kind})" for w, kind in msa_forms(output)]
    m.placeholders = sum(output.count(p) for p in _placeholders())
    arabic = source_is_arabic if source_is_arabic is not None else bool(_ARABIC_WORD.search(source))
    if not arabic:
        return m
    names = _names(source)
    src = content_words(source, names)
    m.content_words = len(src)
    have = Counter(key(t) for t in out_toks if _ARABIC_WORD.search(t))
    for k in src:
        if have[k] > 0:
            have[k] -= 1
            m.copied += 1
    src_keys = [key(t) for t in tokens(source)]
    out_keys = [key(t) for t in out_toks]
    if src_keys and src_keys == out_keys and any(_ARABIC_WORD.search(t) for t in src_keys):
        m.unchanged = len(src) >= UNCHANGED_MIN_WORDS  # a label of one or two words may stay as it is
    return m
