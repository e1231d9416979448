"""Arabic words a text layer prints glued with no gap, split where the document itself says where.

Some producers set a table's cells (a finance law's tax table, BO 7259) with no space character between
words and no gap a glyph's box could show (:mod:`pdf_respace` puts back only spaces drawn as gaps): the
reader gets ``علىالسكر``, ``أوالمركزات``, ``مصنوعاتسكرية``, ``تفوق8,5``, ``100غرام``. Read aloud or in
braille such a token is no word. Nothing on the page says where the space was, so a run of Arabic letters
is cut only where exactly one place qualifies (two say the evidence is weak; the parts are cut again), on
evidence beyond its own letters:

* **letters that end a word**: ``ة`` or ``ى`` followed by a letter (``ميزانيةالدولة``, ``علىالبارد``; not
  ``ء``, which ``ى`` carries inside ``تبتدىء``), both sides a word of the list or of the document;
* **a particle before the article**: ``على``, ``إلى``, ``أو`` glued to a word with ``ال``/``لل`` of
  :data:`MIN_ARTICLE` letters or more (no word holds them so); ``في``, ``من``, ``عن`` the same when the
  document prints that word on its own and the list knows it (``فيالق`` is a word: its rest is short);
* **after أو** a word of :data:`MIN_AFTER_OR` letters or more the document prints on its own and the list
  knows, the whole no word of the list as it stands (``أوأكثر``, ``أوغير``; ``أوضاع``, ``أوقات`` are words,
  and ``أولا``, ``أومن`` are printed so);
* **a preposition after a word**: ``في``, ``من``, ``على``... after a listed word of more than :data:`MIN_FIRST`
  letters ending in a letter that does not join (``صادرفي``), or after a word the document prints;
* **a pair the document prints spaced** elsewhere (``مصنوعات سكرية``), or a word the document prints glued to
  a listed word with the article (``منتجاتالألبان``; never after ``ل``: ``استغلال``): only on a page where
  the rules above found a glued token (a page that proved it drops spaces: ``سعرالبيع``, printed glued once
  on BO 7262 p. 30, a page that glues nothing else, stays);
* **letters against digits** (``تفوق8,5``, ``100غرام``, ``أو100``): cut where the document prints that word
  spaced before a number (``نسبة تفوق 41``) or after one (``500 غرام``), and never a month (``أكتوبر2019``),
  a single letter (``و20``, ``2015م``), a particle after a number (``540من``, ``1958إلى``: printed so) or a
  number that counts on with other numbers glued to words (``المحمية101``, ``البيئية102``: note calls).

Except for the first two (letters no word holds), the whole must be no word (``wordfix.real_word``). A token
no rule splits is left as read (the odd-token screen, ``ocr/odd_tokens.py``, puts those glued at an article
in doubt; :func:`mark_glued` those with a letter after ``ة`` or ``ى``). Runs once over a document's blocks (cells,
list items) on its text-layer pages whose language is Arabic (``PageReport.langs``), before their doubt is rated;
the document's words are gathered only when a sentence holds a junction some rule may cut (:data:`_CANDIDATE`),
and a sentence is looked at only then (the screen, the suspicion of :func:`glued_spans`, the walk of the words and
the note calls run in C when ``_glued.c`` is built: the same answers, tests/ingest/test_text_path_speed4_glued.py).
Every truth page of the corpus goes through unchanged
(tests/ingest/test_layer_glued_words.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any

from ..model import Heading, ListBlock, Paragraph, Table
from .bidi_chars import NON_JOINING

PARTICLES = frozenset({"على", "في", "من", "عن", "إلى", "الى", "أو", "او"})
PREPOSITIONS = frozenset({"على", "في", "من", "عن", "إلى"})
OR = frozenset({"أو", "او"})
_WORD_END = "ةى"  # letters that end a word (ى before ء is its seat: تبتدىء)
_NO_WORD_BEFORE_ARTICLE = frozenset({"على", "إلى", "الى", "أو", "او"})  # ى ends a word; no word starts أوال
MIN_ARTICLE = 5  # letters of a word with the article glued after a particle (``فيالق`` is a word: its rest is short)
MIN_AFTER_OR = 3  # letters of a word glued after أو without the article (أوغير; أولا and أومن are printed so)
MIN_FIRST = 3  # letters of a word before a preposition, of a word glued to digits, of each side of a pair
_AR = "\u0621-\u064a"
_L = "[\u0621-\u064a]"
# a token one of the rules may cut: a particle first, ة or ى before a letter, a preposition last, digits against
# letters (what unglue_text looks at); for the pairs' rule, two words of MIN_FIRST letters
_CANDIDATE = re.compile(rf"(?<!{_L})(?:(?:على|إلى|الى|في|من|عن)(?:ال|لل)|[أا]و{_L})|[\u0629\u0649][\u0622-\u064a]"
                        rf"|{_L}{{3}}(?:في|من|على|عن|إلى)(?!{_L})|{_L}[0-9]|[0-9]{_L}")
_PAIR_TOKEN = re.compile(rf"{_L}{{{2 * MIN_FIRST}}}")
_HEAD_MARKS, _TAIL_MARKS = "([«\"'-", ")]».,،؛:!؟\"'"  # marks before and after a word (as _EDGES)
_MARKS = _HEAD_MARKS + _TAIL_MARKS
_EDGES = re.compile(r"^([(\[«\"'-]*)(.*?)([)\]».,،؛:!؟\"']*)$")
_LETTERS = re.compile(rf"^[{_AR}]+$")
_MIXED = re.compile(rf"^[{_AR}0-9.,/%]+$")  # letters and digits (a decimal comma, a percent)
_RUNS = re.compile(rf"[{_AR}]+|[0-9][0-9.,/%]*")  # runs of letters, and numbers
_TOKEN = re.compile(r"\S+")
_CALL = re.compile(r"[\u0621-\u064a]([0-9]{1,4})(?![0-9%]|[.,/][0-9])")  # a whole number glued after a word (a note call?)
_END_INSIDE = re.compile("[\u0621-\u064a][\u0629\u0649][\u0622-\u064a]")  # ة or ى inside a token, then a letter (not ء)
_SUSPECT_END = re.compile("[\u0629\u0649][\u0622-\u064a]")  # screens a sentence for _END_INSIDE
_NUMBER_START = "(0123456789"
_NUMBER = re.compile(r"^\(?[0-9][0-9.,/%]*$")  # a number token (a bracket before it)


class Vocabulary:
    """The words a document prints on their own (cores of its tokens, Arabic letters only) and the pairs it prints
    spaced (two such tokens one after the other)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.memo: dict[tuple[str, bool], list[str]] = {}  # split_token's answers (a document repeats its tokens)
        self._texts = list(texts)
        self._text = "\n".join(t.replace("\n", " ") for t in self._texts)  # one string, a text to a line
        self.words: dict[str, int]  # the cores of letters only, how often printed
        self.before_number: set[str]  # words printed spaced before a number (``تفوق 41``)
        self.after_number: set[str]  # words printed spaced after a number (``500 غرام``)
        self.words, self.before_number, self.after_number = _VOCABULARY(self._texts)

    def pair(self, a: str, b: str) -> bool:
        """Are the words ``a`` and ``b`` printed one after the other, a space between (marks before ``a`` and
        around ``b`` aside)?"""
        needle, text = f"{a} {b}", self._text
        i = text.find(needle)
        while i >= 0:
            j = i + len(needle)
            if (i == 0 or text[i - 1].isspace() or text[i - 1] in _HEAD_MARKS) and (
                    j == len(text) or text[j].isspace() or text[j] in _TAIL_MARKS):
                return True
            i = text.find(needle, i + 1)
        return False

    @cached_property
    def calls(self) -> set[int]:
        """Numbers glued after words that count on one after another (100, 101, 102): a document's note calls."""
        glued = {int(n) for n in _CALLS(self._text)}
        return {n for n in glued if {n - 1, n + 1} & glued}

    def printed(self, word: str) -> bool:
        return word in self.words


def _vocabulary_py(texts: Sequence[str]) -> tuple[dict[str, int], set[str], set[str]]:
    """The words of ``texts`` (cores of their tokens, Arabic letters only) with how often each is printed, and those
    printed spaced before and after a number (the reference of the compiled ``_glued.vocabulary``)."""
    words: dict[str, int] = {}
    before: set[str] = set()
    after: set[str] = set()
    for text in texts:
        prev, number = "", False  # the word before (no mark after it); the token before was a number
        for tok in text.split():
            core = tok.strip(_MARKS)
            if core and _LETTERS.match(core):
                words[core] = words.get(core, 0) + 1
                if number:
                    after.add(core)
                prev, number = (core if tok.endswith(core) else ""), False
            else:
                is_number = tok[0] in _NUMBER_START and bool(_NUMBER.match(tok))
                if prev and is_number:
                    before.add(prev)
                prev, number = "", is_number
    return words, before, after


def _candidate_py(text: str) -> bool:
    """May a rule cut a token of ``text`` (the reference of the compiled ``_glued.candidate``)?"""
    return _CANDIDATE.search(text) is not None


def _suspect_py(text: str) -> bool:
    """A letter after ``ة`` or ``ى`` in ``text`` (the reference of the compiled ``_glued.suspect``)?"""
    return _SUSPECT_END.search(text) is not None


def _load_native() -> tuple[Any, Any, Any, Any]:
    """The compiled candidate screen, glue suspicion, vocabulary walk and note calls (``transform/ingest/_glued.c``:
    one walk each), or the Python ones when they are not built or hidden (``TAYSIR_HIDE_EXTENSIONS=1``)."""
    py = _candidate_py, _suspect_py, _vocabulary_py, _CALL.findall
    if os.environ.get("TAYSIR_HIDE_EXTENSIONS", "").strip().lower() in ("1", "true", "yes", "on"):
        return py
    try:
        from . import _glued  # type: ignore[attr-defined]
    except ImportError:
        return py
    return tuple(getattr(_glued, name, ref) for name, ref in zip(("candidate", "suspect", "vocabulary", "calls"), py,
                                                                   strict=True))  # type: ignore[return-value]


_IS_CANDIDATE, _IS_SUSPECT, _VOCABULARY, _CALLS = _load_native()


def _core(token: str) -> str:
    m = _EDGES.match(token)
    return m.group(2) if m else token


def _word(word: str) -> bool:
    from ..ocr.wordfix import real_word

    return real_word(word)


def _cuts(core: str, vocab: Vocabulary, pairs: bool) -> list[tuple[int, bool]]:
    """The places a run of Arabic letters may be cut (see the module docstring), each with whether the whole must
    be no word of the list for the cut to hold (a particle ending in ``ى`` or ``أو`` before the article is inside
    no word)."""
    out = []
    n = len(core)
    if pairs:
        spots: Iterable[int] = range(2, n - 1)
    else:  # where the other rules may cut: after a particle, before a preposition, after ة or ى
        spots = sorted({i for i in (2, 3, n - 3, n - 2) if 2 <= i < n - 1}
                       | {k + 1 for k in range(1, n - 2) if core[k] in _WORD_END})
    for i in spots:
        a, b = core[:i], core[i:]
        if a in PARTICLES and b.startswith(("ال", "لل")) and len(b) >= MIN_ARTICLE:
            if a in _NO_WORD_BEFORE_ARTICLE:
                out.append((i, False))
            elif vocab.printed(b) and _word(b):
                out.append((i, True))
            continue
        if a[-1] in _WORD_END and b[0] != "ء" and _known_or_printed(a, vocab) and _known_or_printed(b, vocab):
            out.append((i, False))  # ة and ى end a word: a letter after them starts the next one
            continue
        if b in PREPOSITIONS and len(a) > MIN_FIRST and a[-1] in NON_JOINING and _listed(a):
            out.append((i, True))  # صادرفي: a word ending in a letter that does not join, a preposition
            continue
        if not (vocab.printed(a) and (vocab.printed(b) or pairs and b.startswith(("ال", "لل")))):
            continue
        if a in OR and len(b) >= MIN_AFTER_OR and _word(b):
            out.append((i, True))
        elif b in PREPOSITIONS and len(a) >= MIN_FIRST and _word(a):
            out.append((i, True))
        elif pairs and len(a) >= MIN_FIRST and len(b) >= MIN_FIRST and vocab.pair(a, b) and _word(a) and _word(b):
            out.append((i, True))
        elif pairs and len(a) >= MIN_FIRST and a[-1] != "ل" and b.startswith(("ال", "لل")) and len(b) >= MIN_ARTICLE \
                and _word(a) and _word(b):  # a cut after ل is none (استغلال)
            out.append((i, True))
    return out


def _known_or_printed(word: str, vocab: Vocabulary) -> bool:
    return len(word) >= 2 and word[0] not in _WORD_END and (vocab.printed(word) or _word(word))


def _listed(word: str) -> bool:
    """A word of the list as it stands, with no proclitic taken off (``أوأكثر`` is no word, though ``أ`` and ``و``
    may each be one)."""
    from ..ocr.lexicon import ar_key, arabic_words, normalise_ar

    norm = normalise_ar(word)
    words = arabic_words()
    return norm in words or ar_key(norm) in words


def split_letters(core: str, vocab: Vocabulary, pairs: bool = False) -> list[str]:
    """A run of Arabic letters as the words it holds (itself when it is a word or no one cut qualifies)."""
    if len(core) < 2 * 2:
        return [core]
    cuts = _cuts(core, vocab, pairs)
    if len(cuts) != 1:
        return [core]
    i, whole = cuts[0]
    if whole and (_listed(core) if core.startswith(tuple(OR)) else _word(core)):
        return [core]
    return split_letters(core[:i], vocab, pairs) + split_letters(core[i:], vocab, pairs)


def _digit_side(run: str, vocab: Vocabulary, before: bool) -> bool:
    """May a run of letters glued to digits (``before`` them, or after) stand apart from them?"""
    from ..ocr.lexicon import normalise_ar
    from ..ocr.months import MONTHS, _month_for

    if run in PARTICLES:  # أو100; never 540من, 1958إلى (how some pages print a number's preposition)
        return before
    return (len(run) >= MIN_FIRST and run in (vocab.before_number if before else vocab.after_number) and _word(run)
            and normalise_ar(run) not in MONTHS and _month_for(run) is None)


def split_token(token: str, vocab: Vocabulary, pairs: bool = False) -> list[str]:
    """``token`` as the words it holds, its edge marks kept on its first and last part."""
    got = vocab.memo.get((token, pairs))
    if got is None:
        got = vocab.memo[token, pairs] = _split_token(token, vocab, pairs)
    return got


def _split_token(token: str, vocab: Vocabulary, pairs: bool) -> list[str]:
    if len(token) < 2 * 2 or not (_PAIR_TOKEN.search(token) if pairs else _IS_CANDIDATE(token)):  # no rule may cut it
        return [token]
    m = _EDGES.match(token)
    if m is None:
        return [token]
    head, core, tail = m.groups()
    if _LETTERS.match(core):
        parts = split_letters(core, vocab, pairs)
    elif _MIXED.match(core) and any(c.isdigit() for c in core):
        parts = _split_mixed(core, vocab, pairs)
    else:
        return [token]
    if len(parts) == 1:
        return [token]
    return [head + parts[0], *parts[1:-1], parts[-1] + tail]


def _split_mixed(core: str, vocab: Vocabulary, pairs: bool) -> list[str]:
    runs = [m.group(0) for m in _RUNS.finditer(core)]
    if "".join(runs) != core or len(runs) < 2:
        return [core]
    parts: list[str] = []
    for k, run in enumerate(runs):
        if k and (_letters(run) or _letters(runs[k - 1])):  # a boundary between letters and digits
            letters = run if _letters(run) else runs[k - 1]
            if _digit_side(letters, vocab, before=_letters(runs[k - 1])) and not (
                    not _letters(run) and run.isdigit() and int(run) in vocab.calls):  # a note call stays
                parts.append(run)
                continue
        if parts and k:
            parts[-1] += run
        else:
            parts.append(run)
    out: list[str] = []
    for p in parts:
        out += split_letters(p, vocab, pairs) if _letters(p) else [p]
    return out


def _letters(run: str) -> bool:
    return bool(_LETTERS.match(run))


def unglue_text(text: str, vocab: Vocabulary, pairs: bool = False) -> str:
    """``text`` with its glued tokens split (its other characters, spaces included, as they were)."""
    if not (_PAIR_TOKEN.search(text) if pairs else _IS_CANDIDATE(text)):  # no token a rule may cut
        return text
    toks = text.split(" ")
    memo, changed = vocab.memo, False
    for k, tok in enumerate(toks):
        parts = memo.get((tok, pairs))
        if parts is None:
            parts = split_token(tok, vocab, pairs)
        if len(parts) > 1:
            toks[k] = " ".join(parts)
            changed = True
    return " ".join(toks) if changed else text


def _sentences(blocks: Sequence[Any]) -> Iterator[tuple[int | None, Any]]:
    """(page, sentence) of every block, a table's cells and a list's items included."""
    for block in blocks:
        page = block.page
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    for sent in cell.sentences:
                        yield page, sent
        elif isinstance(block, ListBlock):
            yield from _items(page, block.items)
        elif isinstance(block, (Heading, Paragraph)):
            for sent in block.sentences:
                yield page, sent


def _items(page: int | None, items: Sequence[Any]) -> Iterator[tuple[int | None, Any]]:
    for item in items:
        for sent in item.sentences:
            yield page, sent
        yield from _items(page, item.children)


def unglue_blocks(blocks: Sequence[Any], text_pages: set[int]) -> Glued | None:
    """Split the glued tokens of the sentences on ``text_pages`` (1-based) in place, by the vocabulary of those
    pages; what :func:`mark_glued` needs afterwards (None: nothing to look at). A word pair the document prints
    spaced elsewhere is cut only on a page where the other rules found a glued token (a page that proved it drops
    spaces: ``سعرالبيع``, printed glued once on a page that glues nothing else, stays)."""
    sents = [(page, s) for page, s in _sentences(blocks) if page in text_pages]
    if not any(_IS_CANDIDATE(s.text) for _page, s in sents):  # no token any rule may cut (nor mark)
        return None
    vocab = Vocabulary(s.text for _page, s in sents)
    glued = Glued(vocab, text_pages)
    for page, s in sents:
        new = unglue_text(s.text, vocab)
        if new != s.text:
            s.text = new
            glued.proved.add(page)
    for page, s in sents:
        if page in glued.proved and (new := unglue_text(s.text, vocab, pairs=True)) != s.text:
            s.text = new
    return glued


class Glued:
    """A document's vocabulary and the pages that proved they glue words (:func:`unglue_blocks`)."""

    def __init__(self, vocab: Vocabulary, text_pages: set[int]) -> None:
        self.vocab = vocab
        self.text_pages = text_pages
        self.proved: set[int | None] = set()


def glued_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the tokens of ``text`` that are glued still (no rule could say where): a letter after one
    that ends a word (``ة``, ``ى``: ``مطليةأومغطاهبالقصدير``; a reversed run such as ``ةبسنلا`` too, misread
    anyway). No truth token of the corpus holds one (``تبتدىء``: ى before ء is its seat)."""
    if not _IS_SUSPECT(text):
        return []
    return [m.span() for m in _TOKEN.finditer(text) if _END_INSIDE.search(_core(m.group(0)))]


def mark_glued(blocks: Sequence[Any], glued: Glued | None) -> int:
    """Put the tokens :func:`glued_spans` finds on the text-layer pages in doubt (``odd_tokens.ODD``, as the
    odd-token screen does: the sentence's unsure spans, then its cell and table, or its block); a block, cell or
    table in doubt throughout is left so. Run after the blocks' doubt is rated. How many sentences took a doubt."""
    if glued is None or not _IS_SUSPECT(glued.vocab._text):  # no letter after ة or ى anywhere
        return 0
    from ..ocr.confidence import DOUBT_BELOW
    from ..ocr.line_doubt import _merge
    from ..ocr.odd_tokens import ODD

    def low(node: Any) -> bool:
        return node.confidence is not None and node.confidence < DOUBT_BELOW

    def throughout(node: Any, groups: Sequence[Sequence[Any]]) -> bool:
        """In doubt (by its code or its confidence) with none of its sentences carrying a doubt."""
        return (bool(node.doubt) or low(node)) and not any(s.doubt for g in groups for s in g)

    def mark(sentences: Sequence[Any]) -> int:
        n = 0
        for s in sentences:
            spans = glued_spans(s.text)
            if not spans:
                continue
            n += 1
            if s.doubt is None:
                s.doubt, s.unsure = ODD, _merge(spans, s.text)
            elif s.unsure:  # in doubt in places: those places and these
                s.unsure = _merge([tuple(x) for x in s.unsure] + spans, s.text)
        return n

    total = 0
    for b in blocks:
        if b.page not in glued.text_pages:
            continue
        if isinstance(b, Table):
            cells = [c for row in b.rows for c in row]
            if not _suspect(c.sentences for c in cells) or low(b) or (b.doubt and not any(c.doubt for c in cells)):
                continue
            hit = 0
            for c in cells:
                if not throughout(c, [c.sentences]) and (n := mark(c.sentences)):
                    hit += n
                    c.doubt = c.doubt or ODD
            b.doubt = b.doubt or (ODD if hit else None)
            total += hit
            continue
        if isinstance(b, ListBlock):
            groups = list(_item_groups(b.items))
        elif isinstance(b, (Heading, Paragraph)):
            groups = [b.sentences]
        else:
            continue
        if not _suspect(groups) or throughout(b, groups):
            continue
        hit = sum(mark(g) for g in groups)
        b.doubt = b.doubt or (ODD if hit else None)
        total += hit
    return total


def _suspect(groups: Iterable[Sequence[Any]]) -> bool:
    """Does a sentence of ``groups`` hold a letter after ``ة`` or ``ى`` (what any span of :func:`glued_spans` holds)?
    A block with none keeps its doubt as it is: :func:`mark_glued` passes it by."""
    suspect = _IS_SUSPECT
    return any(suspect(s.text) for g in groups for s in g)


def _item_groups(items: Sequence[Any]) -> Iterator[Any]:
    for item in items:
        yield item.sentences
        yield from _item_groups(item.children)
