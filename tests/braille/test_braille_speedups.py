"""The compiled steps (transform/braille/_speed.c) give exactly what the Python code they replace gives.

* ``lines`` (a paragraph's rows) against ``layout._lines_py``, on random cells and by hand;
* ``tidy`` (normalisation, checks and joining of a paragraph's sentences) against ``normalize.tidy``
  and the engine's joining rules, on random text; it may decline (None), never differ;
* ``translate`` against the ctypes call of ``LouisTranslator.translate``;
* whole documents (BRF, Unicode braille, page index) with and without the compiled steps, each
  in a fresh process (``TAYSIR_BRAILLE_SPEEDUPS=0``).
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from itertools import accumulate
from pathlib import Path

import pytest

from transform.braille import layout
from transform.braille._louis import LouisTranslator, speedups
from transform.braille.engine import _SEP, BLANK, BrailleEngine
from transform.braille.normalize import MAX_WORD, _char_class, common_pairs, nfc_inert, special_codes, tidy

from .conftest import needs_speedups

ROOT = Path(__file__).resolve().parents[2]
SPEED = speedups()


@needs_speedups
def test_the_compiled_steps_are_built_and_used() -> None:
    assert layout._lines is SPEED.lines  # noqa: SLF001
    engine = BrailleEngine(default_lang="ar")
    assert engine._lt.translate.__func__ is LouisTranslator._translate_c  # noqa: SLF001


# -- rows -----------------------------------------------------------------------------------------
A, B, C, D = "\u2801", "\u2803", "\u2809", "\u2819"


@pytest.mark.parametrize("impl", ["python", pytest.param("compiled", marks=needs_speedups)])
def test_rows_by_hand(impl: str) -> None:
    lines = layout._lines_py if impl == "python" else SPEED.lines  # noqa: SLF001
    s = BLANK
    text = s + A + B + s + C + D + A + s + s + B + s  # "ab cda  b" with blanks around
    assert lines(text, 40, 2, 0, False) == [s * 2 + A + B + s + C + D + A + s + s + B]  # one line: stripped, indented
    assert lines(text, 4, 0, 0, False) == [A + B, C + D + A, B]  # wraps at blanks, blanks between rows dropped
    assert lines(text, 4, 1, 2, False) == [s + A + B, s * 2 + C + D, s * 2 + A, s * 2 + B]  # "cda" longer than 2: cut
    assert lines(text, 8, 0, 0, True) == [s + A + B + s + C + D + A, s * 3 + B]  # centred: (8 - 6) // 2, (8 - 1) // 2
    assert lines(A * 9, 4, 0, 0, False) == [A * 4, A * 4, A]  # a word longer than a row is cut at the width
    assert lines(s * 5, 4, 0, 0, False) == []
    assert lines("", 4, 0, 0, False) == []
    assert lines(A + B, 1, 3, 3, False) == [A, B]  # indents capped at width - 1


@needs_speedups
def test_rows_equal_the_python_rows_on_random_cells() -> None:
    rnd = random.Random(5)
    alphabets = [BLANK, BLANK, A, B, "\u283f", "x", "\U0001f600"]
    for _ in range(20000):
        alphabet = alphabets[: rnd.randint(2, len(alphabets))]
        cells = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 130)))
        args = (cells, rnd.randint(1, 45), rnd.randint(0, 8), rnd.randint(0, 8), rnd.random() < 0.3)
        assert SPEED.lines(*args) == layout._lines_py(*args), args  # noqa: SLF001


# -- tidy -----------------------------------------------------------------------------------------
# pieces tidy() handles (known characters and the common replacements), and pieces it must leave to normalize()
PLAIN = ["1", "250", "000", "1234", " 12", "3 ", " ", "  ", "\u00a0", "\u202f", "\u066a", "\u066b", "\u066c", "\u0640",
         "\u200f", "\u200c", ".", ",", "%", "x", "é", "ب", "٣", "٠٠٠", "DH", "2026", "1 250 000", "a" * 150, _SEP]
OTHER = ["e\u0301", "\u064e", "ﻻ", "۱", "\t", "\n", "\U0001f600"]
PIECES = PLAIN + OTHER


def _safe(arabic: bool, drop: str) -> tuple[re.Pattern[str], bytes, str, str]:
    known = {c for p in PIECES for c in p} - {"\t", "\n", "ﻻ"} - set(drop)
    safe = {ord(c) for c in known if nfc_inert(c) and (c == " " or not c.isspace())} - special_codes(arabic) | {ord(_SEP)}
    bits = bytearray(8192)
    for c in safe:
        if c < 0x10000:
            bits[c >> 3] |= 1 << (c & 7)
    return re.compile("[^" + _char_class(sorted(safe))[1:]), bytes(bits), *common_pairs(arabic)


def _python_join(text: str, pieces: int, arabic: bool, unsafe: re.Pattern[str]) -> tuple[str, list[int]] | None:
    """What the engine's Python path makes of a paragraph of ``pieces`` sentences joined by _SEP."""
    if pieces == 1 and _SEP in text:
        return None
    norm = tidy(text, arabic, unsafe)
    if not norm:
        return None
    parts = norm.split(_SEP)
    if len(parts) != pieces or "" in parts or " " + _SEP in norm or _SEP + " " in norm:
        return None
    return " ".join(parts), [0, *accumulate([len(p) + 1 for p in parts[:-1]])]


@needs_speedups
@pytest.mark.parametrize("arabic", [True, False])
@pytest.mark.parametrize("drop", ["", "%", " ", ","])
def test_tidy_equals_the_python_path_whenever_it_answers(arabic: bool, drop: str) -> None:
    unsafe, bits, keys, values = _safe(arabic, drop)
    rnd = random.Random(len(drop) * 2 + arabic)
    answered = 0
    for _ in range(6000):
        text = "".join(rnd.choice(PLAIN if rnd.random() < 0.95 else OTHER) for _ in range(rnd.randint(0, 30)))
        pieces = text.count(_SEP) + 1 if rnd.random() < 0.8 else rnd.randint(1, 4)
        got = SPEED.tidy(text, pieces, bits, keys, values, MAX_WORD)
        want = _python_join(text, pieces, arabic, unsafe)
        if got is not None:
            answered += 1
            assert got == want, (text, pieces)
        else:  # declining is allowed only where the Python code has more to do
            assert want is None or max(map(ord, text)) > 0xFFFF or re.search(rf"\S{{{MAX_WORD + 1}}}", text), (text, pieces)
    assert answered > (200 if drop == " " else 500)  # answered often enough for the comparison to mean something


@needs_speedups
def test_tidy_declines_what_the_python_code_must_handle() -> None:
    _, bits, keys, values = _safe(True, "")
    t = SPEED.tidy
    assert t("سنة 2026\u00a0: ٦٥٪", 1, bits, keys, values, MAX_WORD) is None  # ":" is not known to these tables
    assert t("x" * (MAX_WORD + 1), 1, bits, keys, values, MAX_WORD) is None  # a long "word" to cut
    assert t("1" + _SEP + "  ", 2, bits, keys, values, MAX_WORD) is None  # an empty sentence
    assert t("1" + _SEP + "2", 3, bits, keys, values, MAX_WORD) is None  # fewer sentences than expected
    assert t("\U0001f600", 1, bits, keys, values, MAX_WORD) is None
    assert t("", 1, bits, keys, values, MAX_WORD) is None
    assert t(" 1 250\u00a0000 DH" + _SEP + "x\u0640x ٪ ", 2, bits, keys, values, MAX_WORD) == ("1250000 DH xx %", [0, 11])


# -- translate ------------------------------------------------------------------------------------
@needs_speedups
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_translate_equals_the_ctypes_call(lang: str) -> None:
    engine = BrailleEngine(default_lang=lang)
    lt, tables = engine._lt, engine.tables(lang)  # noqa: SLF001
    words = {
        "ar": ["تبلغ", "ميزانية", "الجهة", "2026", "1250000", "درهم.", "ڭ", "پ", "٦٥%", "ـ"],
        "fr": ["Le", "budget", "s'élève", "à", "1250000", "DH.", "Région", "78", "%", "«citoyen»"],
        "en": ["The", "Region", "spent", "1,250,000", "dirhams", "(78", "%)", "in", "2026."],
    }[lang]
    rnd = random.Random(len(lang))
    for _ in range(300):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 40)))
        starts = sorted(rnd.sample(range(len(text) + 2), min(4, len(text) + 2))) if rnd.random() < 0.7 else None
        assert lt._translate_c(tables, text, engine.mode, starts) == LouisTranslator.translate(lt, tables, text, engine.mode, starts)  # noqa: SLF001


# -- whole documents, in fresh processes ------------------------------------------------------------
DOCS_CODE = """
import hashlib, json, sys
sys.path.insert(0, "tests")
from braille.braille_docs import budget_doc
from transform.braille import BrailleOptions, to_brf, to_unicode, translate_document
from transform.braille._louis import speedups
from transform.braille.formats import to_index_json
from transform.model import Document, DocumentMeta, Paragraph, Section, Sentence
out = {"speedups": speedups() is not None}
rows = ["Le budget 2026 : 1 250 000 DH", "ميزانية ٦٥٪ ڭ پ", "\\u200fحرف\\u200e ـــ ﻻ", "x" * 230, "😀 ✓", "", "2026 250", "٬ ۱۲۳"]
mixed = Document(meta=DocumentMeta(lang="ar", direction="rtl", title="T"), sections=[Section(id="s", blocks=[
    Paragraph(id=f"p{i}", sentences=[Sentence(id=f"p{i}-{j}", text=rows[(i + j) % len(rows)], lang="fr" if (i + j) % 3 == 0 else None) for j in range(4)])
    for i in range(40)])])
for name, doc, lang, opts in [
    ("budget-ar", budget_doc("ar"), "ar", BrailleOptions()),
    ("budget-fr", budget_doc("fr"), "fr", BrailleOptions()),
    ("budget-ar-narrow", budget_doc("ar"), "ar", BrailleOptions(cells_per_line=12, lines_per_page=6)),
    ("mixed-note", mixed, "ar", BrailleOptions(unknown_chars="note")),
]:
    book = translate_document(doc, opts, lang)
    out[name] = [to_unicode(book), to_index_json(book, stem="x"), hashlib.sha256(to_brf(book)).hexdigest()]
print(json.dumps(out, ensure_ascii=False))
"""


@needs_speedups
def test_documents_are_the_same_without_the_compiled_steps() -> None:
    runs = []
    for flag in ("1", "0"):
        env = {**os.environ, "TAYSIR_BRAILLE_SPEEDUPS": flag}
        out = subprocess.run([sys.executable, "-c", DOCS_CODE], capture_output=True, text=True, timeout=180, cwd=ROOT, env=env)
        assert out.returncode == 0, out.stderr[-2000:]
        runs.append(json.loads(out.stdout))
    fast, slow = runs
    assert fast.pop("speedups") is True and slow.pop("speedups") is False
    assert fast == slow
    assert "⠼" in fast["budget-ar"][0] and fast["budget-ar-narrow"][0].count("\f") >= 3  # real braille, several pages
    assert "transcriber's note" in fast["mixed-note"][1]  # the unknown characters went through the general path


def test_startup_check_waits_for_liblouis_calls_on_other_threads() -> None:
    """liblouis is not thread-safe and the compiled call releases the GIL: the table check (/ready,
    taysir doctor) and the engine share one lock."""
    import threading

    from transform.braille import engine, tables

    assert engine._LOCK is tables.LOUIS_LOCK  # noqa: SLF001
    done = threading.Event()
    worker = threading.Thread(target=lambda: (tables.check_all(), done.set()), daemon=True)
    with tables.LOUIS_LOCK:  # a translation in progress
        worker.start()
        assert not done.wait(0.5)
    assert done.wait(60)


def test_hidden_extensions_run_the_python_steps_with_the_same_braille() -> None:
    """TAYSIR_HIDE_EXTENSIONS=1 (what --no-extensions sets) makes the loader behave as if nothing was
    built: no compiled steps, no quiet logger, doctor says so, and the braille is the same."""
    runs = []
    for hide in ("0", "1"):
        env = {**os.environ, "TAYSIR_HIDE_EXTENSIONS": hide}
        out = subprocess.run([sys.executable, "-c", DOCS_CODE], capture_output=True, text=True, timeout=180, cwd=ROOT, env=env)
        assert out.returncode == 0, out.stderr[-2000:]
        runs.append(json.loads(out.stdout))
    shown, hidden = runs
    assert hidden.pop("speedups") is False
    shown.pop("speedups")
    assert shown == hidden and "⠼" in hidden["budget-ar"][0]
    code = "import json; from transform.doctor import report; print(json.dumps(report()['liblouis']['extensions']))"
    env = {**os.environ, "TAYSIR_HIDE_EXTENSIONS": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout) == {"compiled_steps": "hidden", "quiet_logger": "hidden"}
