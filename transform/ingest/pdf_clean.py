"""Characters of a text-layer line mapped to what they stand for: symbol-font bullets, odd spaces,
soft and line-end hyphens, control characters, Arabic presentation forms (lam-alef ligatures),
unmapped glyphs inside Arabic words, Persian letter codes in Arabic words, justification kashida.
"""

from __future__ import annotations

import re
import unicodedata

from .ligatures import drop_kashida, restore_dropped_lam

# symbol-font bullets (private use area) mapped to real bullets, odd spaces to a space,
# pdfium's 0xFFFE (a hyphen it took for a soft one) back to a hyphen
CLEAN = str.maketrans({
    "\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓", "\uf02d": "-", "\u2219": "•",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\ufffe": "-",
})
SYMBOL_GLYPH = re.compile("[\uf020-\uf0ff]")  # Symbol/Wingdings glyphs without a Unicode value (boxes, arrows)
SYMBOL_LEAD = re.compile("^\\s*[\uf020-\uf0ff]\\s*(?=\\S)")
LINE_END_HYPHEN = re.compile("(\\w+)\ufffe(?=(\\w+))")  # pdfium joins a line cut by a hyphen and marks the hyphen U+FFFE
CLEAN_CHARS = {chr(k): v for k, v in CLEAN.items()}
NEEDS_CLEAN = re.compile("[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d\u2219\u00a0\u202f\u2009\u2007\ufffe]")
# control characters: glyphs without a Unicode value that producers write anyway. LibreOffice's kashida
# glyphs of justified Arabic come out as U+0002/U+0003 (or "0", see pdf_text), a soft hyphen as U+0002
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SOFT_HYPHEN_END = re.compile("(?<=[^\\W\\d_])[\x02\u00ad]+\\s*$")  # a word cut at the line end: the lines join without a space
PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFC]+")
ANY_CLEAN = re.compile("[\u06a9\u06cc\uf020-\uf0ff\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d\u2219\u00a0\u202f\u2009\u2007\ufffe\ufffd\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f\uFB50-\uFDFF\uFE70-\uFEFC\u0640]")


def clean_text(text: str) -> str:
    """Map symbol-font bullets and odd spaces; compose Arabic presentation forms (lam-alef
    ligatures...); remove justification kashida."""
    if not ANY_CLEAN.search(text):  # one scan: most lines need neither step
        return text
    if "\u00ad" in text or CONTROLS.search(text):  # soft hyphens and control characters go; one at the line end stays as U+00AD
        soft = bool(SOFT_HYPHEN_END.search(text))
        text = CONTROLS.sub("", text.replace("\u00ad", "")).rstrip() + ("\u00ad" if soft else "")
    if "\ufffe" in text:
        text = LINE_END_HYPHEN.sub(lambda m: m.group(1) + hyphen_join(m.group(1), m.group(2)), text)
    if NEEDS_CLEAN.search(text):  # a replace per character present: str.translate with a table is slow
        for ch in set(NEEDS_CLEAN.findall(text)):
            text = text.replace(ch, CLEAN_CHARS[ch])
    if SYMBOL_GLYPH.search(text):  # other symbol-font glyphs: a bullet at the start, nothing elsewhere
        text = SYMBOL_GLYPH.sub("", SYMBOL_LEAD.sub("• ", text, count=1))
    if PRESENTATION.search(text):
        text = PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    if "\ufffd" in text:
        text = UNMAPPED_IN_WORD.sub(_without_unmapped, text)
    if "\u06cc" in text or "\u06a9" in text:
        text = PERSIAN_SHAPES.sub(_arabic_letters, text)
    if "\u0640" in text:
        text = drop_kashida(restore_dropped_lam(text))
    return text


# Arabic words set with the Persian code points of two letters whose Arabic shapes they share
# (Egyptian and Gulf fonts): Farsi yeh (U+06CC) is the dotless alef maksura at a word's end and
# yeh inside it, keheh (U+06A9) is kaf. Words holding letters only Persian uses are left alone.
PERSIAN_SHAPES = re.compile("[\u0620-\u06d3]*[\u06a9\u06cc][\u0620-\u06d3]*")
_PERSIAN_ONLY = re.compile("[\u067e\u0686\u0698\u06af]")


def _arabic_letters(m: re.Match[str]) -> str:
    word = m.group(0)
    if _PERSIAN_ONLY.search(word):
        return word
    word = word.replace("\u06a9", "\u0643")
    if word.endswith("\u06cc"):
        word = word[:-1] + "\u0649"
    return word.replace("\u06cc", "\u064a")


# a glyph with no Unicode value inside an Arabic word: InDesign's fonts draw the teeth of seen and
# sad apart, and pdfium gives the piece U+FFFD (`الأسا�سي`, `الأق�صى`, `بمقت�ضى`)
UNMAPPED_IN_WORD = re.compile("[\u0621-\u064a]+(?:\ufffd[\u0621-\u064a]+)+")


def _without_unmapped(m: re.Match[str]) -> str:
    """The word without its U+FFFD when each stands before a letter of the seen family (the teeth
    drawn apart) or the word without them is a word of the lists; otherwise as it is (a page of
    U+FFFD garbage keeps its marks for the judge)."""
    word = m.group(0)
    if all(word[k + 1] in "\u0633\u0634\u0635\u0636" for k, ch in enumerate(word) if ch == "\ufffd"):
        return word.replace("\ufffd", "")
    from ..ocr.lexicon import known_ar, normalise_ar

    joined = word.replace("\ufffd", "")
    return joined if known_ar(normalise_ar(joined)) else word


def hyphen_join(head: str, tail: str) -> str:
    """What joins the two parts of a word cut by a hyphen at a line end: "" when the whole
    word is a French word (``écono-`` + ``mique``: hyphenation), "-" otherwise (``ci-`` +
    ``dessus``, ``Anne-`` + ``Marie``, ``Béni Mellal-`` + ``Khénifra``)."""
    if not head or not tail or not tail[0].islower() or not head[-1].isalpha():
        return "-"
    from ..ocr.lexicon import known_fr

    return "" if known_fr(head + tail) else "-"
