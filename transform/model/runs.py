"""Runs of another language inside a sentence, found from script (computed on the fly, not stored).

A sentence keeps one ``lang`` in the model; this module finds, in its text, the stretches
written in another script: an Arabic place name in a French sentence, ``INDH`` or ``Afourar``
in an Arabic one. Every output that needs them (braille tables, HTML spans, caption isolates,
narration voices) calls :func:`runs` on the sentence's text.

Rules:

* letters decide: Arabic-script letters (and the marks on them) are Arabic, Latin-script
  letters are Latin; everything else (digits, spaces, punctuation, symbols, other scripts) is
  neutral;
* neutral characters between two letters of the same script belong to that script's run, so a
  number inside a Latin run (``PDR 2``) or between Arabic words stays in it; any other neutral
  stretch (between two scripts, at the ends) goes with the sentence's own language: a run
  never starts or ends with a space, a digit or punctuation, and a number is never split;
* the language of a run in the sentence's own script is the sentence's language; an Arabic run
  in a Latin sentence takes the document's Arabic-script language (``ar`` or ``ary``, ``ar``
  when it has none), a Latin run in an Arabic sentence the document's Latin-script language
  (``fr`` first, then ``en``; ``fr`` when it has none: Moroccan documents cite French);
* a sentence with no letter of its own script is one run of the other language (a heading in
  Arabic over a French paragraph, punctuation included);
* runs cover the text without gaps, in logical order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

_LATIN = "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\ufb00-\ufb06"
_MARK = "\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed"
# letters of either script (Arabic marks and digits are not letters: they are neutral unless inside a run)
_ARABIC_LETTERS = (
    "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefe"
)
_STRONG = re.compile(f"([{_ARABIC_LETTERS}]+)|([{_LATIN}]+)")
_ANY_ARABIC = re.compile(f"[{_ARABIC_LETTERS}]")
_ANY_LATIN = re.compile(f"[{_LATIN}]")
_ARABIC_LANGS = ("ar", "ary")
_LATIN_LANGS = ("fr", "en")


class Run(NamedTuple):
    """``text[start:end]`` is in ``lang``, written in direction ``dir`` (``rtl`` or ``ltr``)."""

    start: int
    end: int
    lang: str
    dir: str


def base(lang: str | None) -> str:
    return (lang or "").split("-")[0].lower()


def script_of(lang: str | None) -> str:
    """``arabic`` for ``ar``/``ary``, else ``latin`` (the scripts Taysir's languages use)."""
    return "arabic" if base(lang) in _ARABIC_LANGS else "latin"


def direction(lang: str | None) -> str:
    return "rtl" if script_of(lang) == "arabic" else "ltr"


def other_lang(script: str, doc_langs: Iterable[str] = ()) -> str:
    """The language a run in ``script`` takes when it is not the sentence's script."""
    langs = [base(x) for x in doc_langs]
    wanted = _ARABIC_LANGS if script == "arabic" else _LATIN_LANGS
    for w in wanted:
        if w in langs:
            return w
    return wanted[0]


def has_foreign(text: str, lang: str | None) -> bool:
    """True when ``text`` holds letters of the script that is not ``lang``'s (a cheap test first)."""
    if script_of(lang) == "arabic":
        return _ANY_LATIN.search(text) is not None
    return not text.isascii() and _ANY_ARABIC.search(text) is not None


def runs(text: str, lang: str | None, doc_langs: Iterable[str] = ()) -> list[Run]:
    """The runs of ``text`` (a sentence in ``lang``), covering it in logical order.

    One run when the sentence has no letter of the other script (most sentences).
    """
    own = script_of(lang)
    lang = lang or ""
    if not text or not has_foreign(text, lang):
        return [Run(0, len(text), lang, direction(lang))]
    foreign_lang = other_lang("latin" if own == "arabic" else "arabic", doc_langs)
    foreign_dir = direction(foreign_lang)
    # letter stretches of the other script, merged across neutral gaps that hold no letter of the own script
    spans: list[list[int]] = []
    last_script = None
    for m in _STRONG.finditer(text):
        script = "arabic" if m.group(1) else "latin"
        if script != own:
            if spans and last_script == script:
                spans[-1][1] = m.end()  # the gap since the previous foreign stretch holds no own letter
            else:
                spans.append([m.start(), m.end()])
        last_script = script
    if last_script is not None and not any((m.group(1) is not None) == (own == "arabic") for m in _STRONG.finditer(text)):
        return [Run(0, len(text), foreign_lang, foreign_dir)]  # no letter of its own script: all of it is the other language
    # marks after the last letter of a run belong to it
    out: list[Run] = []
    pos = 0
    for start, end in spans:
        while end < len(text) and re.match(f"[{_MARK}]", text[end]):
            end += 1
        if start > pos:
            out.append(Run(pos, start, lang, direction(lang)))
        out.append(Run(start, end, foreign_lang, foreign_dir))
        pos = end
    if pos < len(text):
        out.append(Run(pos, len(text), lang, direction(lang)))
    return out


def pieces(text: str, lang: str | None, doc_langs: Iterable[str] = ()) -> list[tuple[str, str, str]]:
    """``(piece of text, lang, dir)`` for each run: the runs as strings."""
    return [(text[r.start : r.end], r.lang, r.dir) for r in runs(text, lang, doc_langs)]
