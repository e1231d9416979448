"""The quiet debug logger (transform/braille/_louis_quiet.c): liblouis skips its per-call hex dump,
and the braille is the same as with liblouis as shipped.

Each case runs in a fresh process: whether liblouis uses the quiet logger is decided when
liblouis is loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import needs_quiet_logger

ROOT = Path(__file__).resolve().parents[2]

LOG_CODE = """
import json
from transform.braille._louis import quiet_logging
from transform.braille.tables import louis_module
louis = louis_module()
msgs = []
cb = louis.LogCallback(lambda level, msg: msgs.append(msg.decode("utf-8", "replace")))
louis.registerLogCallback(cb)
louis.setLogLevel(louis.LOG_ALL)
louis.translateString(["ar-ar-g1.utb"], "سلام 2026")
louis.setLogLevel(louis.LOG_INFO)
louis.registerLogCallback(None)
print(json.dumps({"quiet": quiet_logging(), "msgs": msgs}))
"""

BRAILLE_CODE = """
import json, sys
sys.path.insert(0, "tests")
from braille.braille_docs import budget_doc
from transform.braille import BrailleOptions, to_brf, translate_document, translate_text
from transform.braille._louis import quiet_logging
texts = {
    "ar": "تبلغ ميزانية الجهة برسم سنة 2026 ما مجموعه 1 250 000 000 درهم، أي ٦٥٪ من ڭ ݣ ڤ پ.",
    "fr": "Le Conseil régional a consacré 78 % des crédits, soit 2,8 milliards de DH, à Béni Mellal-Khénifra.",
    "en": "The Region spent 1,250,000 dirhams (78 %) on roads in 2026.",
}
out = {}
for lang, text in texts.items():
    out[lang] = translate_text(text, lang)
for lang in ("ar", "fr"):
    out["brf-" + lang] = to_brf(translate_document(budget_doc(lang), BrailleOptions(), lang)).decode("ascii")
out["fr-g1"] = translate_text(texts["fr"], "fr", BrailleOptions(french="g1"))
out["quiet"] = quiet_logging()
print(json.dumps(out, ensure_ascii=False))
"""


def _run(code: str, quiet: str) -> dict:
    env = {**os.environ, "TAYSIR_LOUIS_QUIET": quiet}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


@needs_quiet_logger
def test_quiet_logger_skips_the_hex_dump_only() -> None:
    quiet, stock = _run(LOG_CODE, "1"), _run(LOG_CODE, "0")
    assert quiet["quiet"] is True, "the _louis_quiet extension was not built or not loaded before liblouis"
    assert stock["quiet"] is False
    # liblouis as shipped dumps the input and the output as hex on every call ...
    assert any(m.startswith("Inbuf=0x00000633 ") for m in stock["msgs"]), stock["msgs"][:5]
    assert any(m.startswith("Outbuf=0x") for m in stock["msgs"]), stock["msgs"][-3:]
    # ... the quiet logger drops exactly those lines, every other log line is still written
    dumps = ("Inbuf=", "Outbuf=")
    assert not any(m.startswith(dumps) for m in quiet["msgs"]), quiet["msgs"][:5]
    assert [m for m in stock["msgs"] if not m.startswith(dumps)] == quiet["msgs"]
    assert any(m.startswith("Performing translation") for m in quiet["msgs"])


@needs_quiet_logger
def test_braille_is_the_same_with_and_without_the_quiet_logger() -> None:
    quiet, stock = _run(BRAILLE_CODE, "1"), _run(BRAILLE_CODE, "0")
    assert quiet.pop("quiet") is True and stock.pop("quiet") is False
    assert quiet == stock
    assert quiet["ar"].startswith("⠞⠃⠇⠣")  # real braille, not an empty result on both sides
    assert "\f" in quiet["brf-fr"] or quiet["brf-fr"].count("\r\n") >= 24


def test_too_late_is_reported_not_claimed() -> None:
    code = (
        "import louis\n"
        "from transform.braille._louis import load_quiet_logging, quiet_logging\n"
        "print(load_quiet_logging(), quiet_logging())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["False", "False"]


@needs_quiet_logger
def test_checking_renderers_first_keeps_the_quiet_logger() -> None:
    """The service lists the available outputs before converting: that check must not load liblouis itself."""
    code = (
        "from transform.render import RENDERERS\n"
        "assert RENDERERS.get('braille').available()\n"
        "from transform.braille import translate_text\n"
        "from transform.braille._louis import quiet_logging\n"
        "translate_text('سلام', 'ar')\n"
        "print(quiet_logging())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["True"]
