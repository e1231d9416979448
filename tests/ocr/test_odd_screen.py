"""The odd-token screen in C (``transform/ingest/_odd.c``) answers as the module's Python screen, pattern by pattern.

``odd_tokens.odd_spans`` runs its patterns only on the texts the screen lets through, so a screen that drifts from the
patterns would silently drop odd tokens (or cost time): each pattern's positive and negative cases, then random
strings of the characters where the classes meet (the Latin block's signs, Arabic vowel marks, digits that are not
decimal, the underscore, white space that is not a space), are asked of both.
"""

from __future__ import annotations

import os
import random

import pytest

from transform.ocr import odd_tokens

try:
    from transform.ingest import _odd  # type: ignore[attr-defined]
except ImportError:  # not built: odd_tokens screens with its Python screen, asked below as the reference
    _odd = None
HIDDEN = os.environ.get("TAYSIR_HIDE_EXTENSIONS", "") not in ("", "0")

# (text, can a pattern find an odd token in it)
CASES = [
    # two scripts in one token
    ("الوردي)rose", True), ("nيجوز", True), ("II.-مرافق", True), ("قرار×", True), ("الطاقي:www.mem.gov.ma", True),
    ("قرار rose", False), ("و20 2015م", False), ("المادة (1)", False), ("Article 3 المادة", False),
    # a stray mark between letters
    ("R•ÉALISER", True), ("a×b", True), ("mot■mot", True), ("x€y", True), ("a%b", True), ("ab°c", True),
    ("élu·es", False), ("l'État", False), ("a-b", False), ("a/b", False), ("a_b", False), ("a • b", False),
    ("•début", False), ("fin•", False), ("3°a", False), ("a°3", False), ("a\u0651b", False), ("a\u0600b", True),
    ("a²•b", True), ("a•²", True), ("a_•b", False), ("n° 12", False), ("a×", False), ("×b", False),
    # Latin letters no French word holds
    ("Batrachochytriumsalmandrivorans", True), ("désimperméabilisation", False), ("Forêt-Auvräy", True),
    ("Sätrouver", True), ("ä", False), ("ä ã", False), ("aä", True), ("õx", True), ("1ä2", False), ("ää", True),
    ("abcdefghijklmnopqrstuvwxy", False), ("abcdefghijklmnopqrstuvwxyz", True), ("abcdefghijklm-nopqrstuvwxyz", False),
    ("ABCDEFGHIJKLMNOPQRSTUVWXY×", True),
    # two Arabic words glued at an article
    ("البيانللخاضع", True), ("المحورالأول", True), ("علىالسكر", True), ("ميزانيةالتسيير", True), ("سعرالبيع", True),
    ("استغلال", False), ("الإخلالات", False), ("علىلالسكر", False), ("علالسكر", False), ("علىالسك", False),
    ("على السكر", False), ("عل\u0640ىالسكر", True),
    # plain sentences
    ("", False), ("Le conseil municipal a délibéré.", False), ("قرار رقم 2.77.756 صادر في", False), ("   ", False),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_c_screen_and_the_python_screen_answer_each_case_alike(text: str, expected: bool) -> None:
    assert odd_tokens._screen_py(text) is expected
    assert odd_tokens._SCREEN(text) is expected


def test_random_strings_where_the_classes_meet_are_screened_alike() -> None:
    alphabet = ("aZéÀÿä ãåõ×÷" "ابلالتم" "\u0621\u064a\u0640\u064b\u0670\u0610" "•■€%°§#*~^|<>" "-'.,:;()[]+=&@\"«»\u2019\u00b7\u200b\u060c"
                "019٣²½_" " \t\u00a0\u2009\n")
    rng = random.Random(24)
    seen = {True: 0, False: 0}
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        want = odd_tokens._screen_py(text)
        assert odd_tokens._SCREEN(text) is want, text
        seen[want] += 1
    assert min(seen.values()) > 2000  # both answers well represented


@pytest.mark.skipif(_odd is None or HIDDEN, reason="the _odd extension is not built, or hidden")
def test_odd_spans_uses_the_compiled_screen_when_built() -> None:
    assert odd_tokens._SCREEN is _odd.screen
    assert odd_tokens.odd_spans("Le mot R•ÉALISER et علىالسكر") == [(7, 16), (20, 28)]
