"""The text-layer score's caches change its speed, never its answer.

``assess`` reads a page as whitespace-separated chunks and caches what each chunk and word
holds; a page must be judged the same whether its chunks were seen before (warm caches,
e.g. a good page of the same document), never seen (cold), or the caches overflowed.
"""

from __future__ import annotations

import random

import ocr_testkit as pdfkit
import pytest

from transform.ocr import layer_words
from transform.ocr.quality import assess, clear_caches, langs_of

LETTERS = [chr(c) for c in range(0x0621, 0x064B)]
SHIFT = str.maketrans(dict(zip(LETTERS, LETTERS[5:] + LETTERS[:5], strict=True)))


def _pages() -> list[str]:
    rnd = random.Random(5)
    good = [pdfkit.AR_TEXT, pdfkit.FR_TEXT, pdfkit.AR_TEXT + "\n" + pdfkit.FR_TEXT]
    bad = [
        pdfkit.AR_TEXT.translate(SHIFT),  # wrong glyph mapping
        "\n".join(" ".join(w[::-1] for w in ln.split()) for ln in pdfkit.AR_TEXT.splitlines()),  # visual order
        " ".join("".join(rnd.sample(w, len(w))) for w in pdfkit.FR_TEXT.split()),  # scrambled French
        pdfkit.AR_TEXT.replace("ا", "\ufe8d").replace("ل", "\ufedd"),  # presentation forms
        pdfkit.AR_TEXT.replace("م", "\ufffd"),  # replacement characters
        pdfkit.AR_TEXT.translate(SHIFT) + "\n" + pdfkit.FR_TEXT + "\n" + pdfkit.FR_TEXT,  # garbled Arabic half
    ]
    odd = ["  \n ", "12", "برنامج التنمية 2026", "l'été d’abord _x_ ''", "prix × 2 ÷ 3 ﻻ", "abc\x01def ghi\x7f"]
    return good + bad + odd


def _key(text: str) -> tuple[object, ...]:
    q = assess(text)
    return q.score, q.verdict, q.reason, q.langs, q.signals


def test_cold_warm_and_overflowing_caches_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages()
    clear_caches()
    cold = [_key(t) for t in pages]
    warm = [_key(t) for t in pages]
    assert warm == cold
    clear_caches()
    monkeypatch.setattr(layer_words, "CACHE_LIMIT", 7)  # caches cleared again and again while a page is read
    tiny = [_key(t) for t in pages]
    assert tiny == cold
    verdicts = [c[1] for c in cold]
    assert verdicts[:3] == ["good"] * 3
    assert all(v == "bad" for v in verdicts[3:9]), verdicts


def test_garbled_page_after_good_pages_of_the_same_words_is_caught() -> None:
    clear_caches()
    for _ in range(3):  # the words are known (and cached) as good ones
        assert assess(pdfkit.AR_TEXT).verdict == "good"
    backwards = "\n".join(" ".join(w[::-1] for w in ln.split()) for ln in pdfkit.AR_TEXT.splitlines())
    q = assess(backwards)
    assert q.verdict == "bad" and "backwards" in q.reason
    shifted = assess(pdfkit.AR_TEXT.translate(SHIFT))
    assert shifted.verdict == "bad" and "word lists" in shifted.reason


def test_page_languages_from_chunks_match_langs_of() -> None:
    rnd = random.Random(11)
    pieces = ["برنامج", "التنمية", "Décision", "du", "12", "×", "÷", "x÷y", "ab×", "ﻻ", "\u064e", "Œuvre", "l'été", "_", "\n", " "]
    for _ in range(500):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(2, 12)))
        q = assess(text)
        if q.verdict != "empty":
            assert q.langs == langs_of(text), text
