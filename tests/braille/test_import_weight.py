"""Braille runs in a process that never loads numpy.

numpy's wheels bring libquadmath, whose loading registers a printf hook in glibc; from then on every
``sprintf`` of the process takes glibc's slow path, and liblouis 3.24 formats its input and output
with ``sprintf`` on every call (debug text, whatever the log level): about 20 % more instructions
per translation. So numpy is imported only where audio samples or OCR images are handled.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import sys, tempfile
import transform
from transform.render import RENDERERS
RENDERERS.names()
assert "numpy" not in sys.modules, "import transform / listing renderers loaded numpy"
r = transform.convert(sys.argv[1], transform.TransformOptions(outputs=["braille"]), tempfile.mkdtemp())
assert r.status == "success", r.errors
assert "numpy" not in sys.modules, "a PDF -> braille conversion loaded numpy"
maps = open("/proc/self/maps").read()
assert "libquadmath" not in maps, "libquadmath is loaded"
print("ok")
"""


def test_pdf_to_braille_never_loads_numpy() -> None:
    out = subprocess.run([sys.executable, "-c", CODE, str(ROOT / "samples" / "budget-citoyen-2026.pdf")],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]
