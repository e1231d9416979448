"""``page_lines`` looks for the stray-code sign of :mod:`glyph_codes` only on a page holding an
Arabic letter (``pdf_text.ARABIC_ANY``, one scan of a single class, several times cheaper on a
French page than the sign's alternation). The guard must never hide a sign: SIGN cannot match
without one of those letters, checked here against every character of the Basic Multilingual
Plane set beside every possible code.
"""

from __future__ import annotations

from transform.ingest.glyph_codes import SIGN
from transform.ingest.pdf_text import ARABIC_ANY

CODES = "aZ09'%][^`|~@#$&*+=<>_\\\u00c0\u00ff"  # each kind of SIGN's code class


def _bmp_without_arabic_letters() -> list[str]:
    return [chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF and not ARABIC_ANY.match(chr(c))]


def test_no_sign_without_an_arabic_letter() -> None:
    chars = _bmp_without_arabic_letters()
    assert len(chars) > 60_000
    for code in CODES:
        text = code.join(chars)  # every character with a code on each side
        assert not ARABIC_ANY.search(text)
        assert SIGN.search(text) is None, code


def test_guard_lets_the_signs_through() -> None:
    for text in ("ا'ملكة", "اkعتبارات", "ب]د", "Titre ب9"):
        assert ARABIC_ANY.search(text) and SIGN.search(text), text
    assert not ARABIC_ANY.search("Article premier : la région (2024) — « é »")
