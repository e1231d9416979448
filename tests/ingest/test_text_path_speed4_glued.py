"""The glued-word pass's two walks in C (``transform/ingest/_glued.c``) answer as ``pdf_glued``'s Python references.

``pdf_glued`` screens each sentence and token with ``_glued.candidate`` (``_CANDIDATE.search``) and gathers a
document's words with ``_glued.vocabulary`` (the sentences it may put in doubt with ``_glued.suspect``, its note calls with ``_glued.calls``): a screen that drifts from the pattern would silently leave glued words
(or cost time), a vocabulary that drifts would cut differently. Each branch of the pattern is asked its positive and
negative cases, then random strings of the characters where the branches meet, then every line of the Arabic truth
pages of the corpus (with their words glued at random, as a table's cells print them).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from transform.ingest import pdf_glued

try:
    from transform.ingest import _glued  # type: ignore[attr-defined]
except ImportError:  # not built: pdf_glued runs its Python walks, asked below as the reference
    _glued = None
HIDDEN = os.environ.get("TAYSIR_HIDE_EXTENSIONS", "") not in ("", "0")
TRUTH = Path(__file__).resolve().parent.parent / "realdocs" / "truth"

# (text, may a rule cut a token of it)
CASES = [
    # a particle, then the article
    ("علىالسكر", True), ("إلىالمركز", True), ("الىالمركز", True), ("فيالقطاع", True), ("منالمواد", True),
    ("عنللجنة", True), ("على السكر", False), ("بفيالق", False), ("(علىال", True), ("فيال", True), ("فيا", False),
    # أو or او, then a letter, not after a letter
    ("أوغير", True), ("اول", True), ("أو غير", False), ("ماول", False), ("«أوب", True), ("أو", False), ("او1", True),
    # ة or ى, then a letter from آ
    ("ميزانيةالدولة", True), ("علىالبارد", True), ("تبتدىء", False), ("ةء", False), ("ىآ", True), ("ة ا", False),
    # three letters, then a preposition not followed by a letter
    ("صادرفي", True), ("يتضمن", True), ("ضمن", False), ("يتضمنه", False), ("كتبعلى", True), ("اليهإلى", True),
    ("كتبعن.", True), ("كتبعنه", False), ("ثمن من", False), ("ابجدمن", True), ("اب من", False),
    # a letter beside a digit
    ("تفوق8,5", True), ("100غرام", True), ("و20", True), ("2015م", True), ("و 20", False), ("abc12", False),
    ("é1", False), ("", False), ("12 34", False), ("ف١", False),
]


def _answers() -> list[object]:
    """The screens to compare with the pattern: the compiled one when built, and the one pdf_glued uses."""
    return [s for s in (getattr(_glued, "candidate", None), pdf_glued._IS_CANDIDATE) if s is not None]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_pattern_answers_each_case(text: str, expected: bool) -> None:
    assert pdf_glued._candidate_py(text) is expected
    for screen in _answers():
        assert screen(text) is expected, (screen, text)


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = ("عليإىافمنوأةآء" "ض" "\u064a\u064b\u0620\u0621\u0622" "0123456789" " \n\t\u00a0" "().,«»%-/"
                "ab")
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def test_the_compiled_screen_answers_as_the_pattern_on_random_strings() -> None:
    if _glued is None:
        pytest.skip("_glued is not built")
    for text in _random_texts(60_000, 7):
        assert _glued.candidate(text) is pdf_glued._candidate_py(text), text


def test_the_compiled_suspicion_and_note_calls_answer_as_the_patterns_on_random_strings() -> None:
    if _glued is None:
        pytest.skip("_glued is not built")
    for text in _random_texts(60_000, 5):
        assert _glued.suspect(text) is pdf_glued._suspect_py(text), text
        assert _glued.calls(text) == pdf_glued._CALL.findall(text), text


@pytest.mark.parametrize(("text", "calls"), [
    ("المحمية101 البيئية102", ["101", "102"]), ("ب12345", []), ("ب1234", ["1234"]), ("ب12%", []), ("ب12.5", []),
    ("ب12.", ["12"]), ("ب12/", ["12"]), ("ب12/3", []), ("12ب3 ج4", ["3", "4"]), ("a12", []), ("ب١٢", []),
])
def test_the_note_calls_of_a_text(text: str, calls: list[str]) -> None:
    assert pdf_glued._CALL.findall(text) == calls
    if _glued is not None:
        assert _glued.calls(text) == calls


def test_the_compiled_vocabulary_is_the_python_one_on_random_strings() -> None:
    if _glued is None:
        pytest.skip("_glued is not built")
    texts = _random_texts(20_000, 11)
    for k in range(0, len(texts), 40):
        chunk = texts[k:k + 40]
        words, before, after = _glued.vocabulary(chunk)
        ref = pdf_glued._vocabulary_py(chunk)
        assert (words, before, after) == ref, chunk
        assert list(words) == list(ref[0])  # the same order too


def _truth_lines() -> list[str]:
    lines = []
    for page in sorted(TRUTH.glob("*/p*.md")):
        text = page.read_text(encoding="utf-8")
        if any("\u0621" <= c <= "\u064a" for c in text):
            lines += [line for line in text.splitlines() if line.strip()]
    return lines


def test_the_compiled_walks_answer_as_python_on_the_truth_lines_glued_at_random() -> None:
    if _glued is None:
        pytest.skip("_glued is not built")
    lines = _truth_lines()
    assert len(lines) > 2000  # the Arabic truth pages of the corpus
    rng = random.Random(3)
    glued = ["".join(w + ("" if rng.random() < 0.3 else " ") for w in line.split(" ")) for line in lines]
    hits = 0
    for text in lines + glued:
        answer = _glued.candidate(text)
        assert answer is pdf_glued._candidate_py(text), text
        hits += answer
        assert _glued.suspect(text) is pdf_glued._suspect_py(text), text
        assert _glued.calls(text) == pdf_glued._CALL.findall(text), text
    assert 0 < hits < len(lines) * 2
    for texts in (lines, glued):
        assert _glued.vocabulary(texts) == pdf_glued._vocabulary_py(texts)


def test_pdf_glued_uses_the_compiled_walks_when_built() -> None:
    if _glued is None or HIDDEN:
        pytest.skip("_glued is not built, or hidden")
    assert pdf_glued._IS_CANDIDATE is _glued.candidate
    assert pdf_glued._VOCABULARY is _glued.vocabulary
    assert pdf_glued._IS_SUSPECT is _glued.suspect and pdf_glued._CALLS is _glued.calls


def test_a_glued_table_cell_is_cut_the_same_either_way() -> None:
    """The vocabulary and the cuts the pass makes, with the compiled walks and with the Python ones."""
    texts = ["السكر المحلى منتجات الألبان تفوق 41 في المائة", "أوالمركزات علىالسكر تفوق8,5 500 غرام", "100غرام"]
    vocab = pdf_glued.Vocabulary(texts)
    assert (vocab.words, vocab.before_number, vocab.after_number) == pdf_glued._vocabulary_py(texts)
    assert vocab.words["السكر"] == 1 and "تفوق" in vocab.before_number and "غرام" in vocab.after_number
    assert pdf_glued.unglue_text("علىالسكر تفوق8,5", vocab) == "على السكر تفوق 8,5"
