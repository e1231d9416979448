"""``from transform.audio import narrate`` is the function, also after its submodule was imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_narrate_stays_the_function_after_the_submodule_is_imported() -> None:
    code = (
        "import inspect\n"
        "from transform.audio.narrate import synthesize_track\n"  # loads the submodule transform.audio.narrate
        "import transform.audio.render\n"
        "from transform.audio import narrate\n"
        "assert inspect.isfunction(narrate), type(narrate)\n"
        "assert list(inspect.signature(narrate).parameters)[:3] == ['doc', 'lang', 'out_base']\n"
        "import sys\n"
        "assert sys.modules['transform.audio.narrate'].synthesize_track is synthesize_track\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"
