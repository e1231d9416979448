"""The structure stage keeps each text's language and sentence pieces: the kept answers are
the computed ones, callers cannot change them, and the cache stays bounded."""

from __future__ import annotations

from transform.structure import _cache, language, segment
from transform.structure.language import detect_core
from transform.structure.segment import split_sentences

TEXTS = [
    "صادق مجلس الجهة على الميزانية. وتمت المصادقة بالإجماع.",
    "المجلس غادي يبني الطريق ديال الدوار باش الناس يوصلو",
    "Le conseil régional a adopté le budget. M. le président a levé la séance.",
    "The regional council adopted the budget of the region.",
    "Sidi Bennour Khouribga",
    "1 250 000",
    "",
    "Budget 2026 الميزانية",
]


def test_kept_answers_are_the_computed_answers() -> None:
    _cache.clear_caches()
    cold = [(detect_core(t), split_sentences(t)) for t in TEXTS]
    warm = [(detect_core(t), split_sentences(t)) for t in TEXTS]
    assert cold == warm
    assert [language._detect_core(t) for t in TEXTS] == [c for c, _ in cold]
    assert [segment._split_list(t) for t in TEXTS] == [p for _, p in cold]
    assert cold[0] == ("ar", ["صادق مجلس الجهة على الميزانية.", "وتمت المصادقة بالإجماع."])
    assert cold[1][0] == "ary" and cold[2][0] == "fr" and cold[3][0] == "en" and cold[6] == ("", [])
    assert cold[2][1] == ["Le conseil régional a adopté le budget.", "M. le président a levé la séance."]


def test_callers_get_their_own_list() -> None:
    pieces = split_sentences(TEXTS[2])
    pieces.append("changed")
    assert split_sentences(TEXTS[2]) == ["Le conseil régional a adopté le budget.", "M. le président a levé la séance."]


def test_the_cache_is_emptied_when_full() -> None:
    calls: list[str] = []

    def count(text: str) -> int:
        calls.append(text)
        return len(text)

    cache = _cache.TextCache(count, max_chars=10)
    assert cache.get("abcd") == 4 and cache.get("abcd") == 4 and calls == ["abcd"]
    assert cache.get("efghij") == 6 and cache.chars == 10
    assert cache.get("k") == 1  # past 10 characters: emptied first
    assert cache.chars == 1 and list(cache.answers) == ["k"]
    assert cache.get("abcd") == 4 and calls == ["abcd", "efghij", "k", "abcd"]
    _cache.clear_caches()
    assert detect_core(TEXTS[0]) == "ar"
