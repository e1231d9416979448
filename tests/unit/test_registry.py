from __future__ import annotations

import sys
from pathlib import Path

import pytest

from transform.errors import OptionsError
from transform.registry import Registry


def test_broken_builtin_does_not_hide_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "taysir_broken_plugin.py").write_text("raise RuntimeError('bad plugin')\n")
    (tmp_path / "taysir_good_plugin.py").write_text("from tests.unit.test_registry import REG\nREG.register('good', dict)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    global REG
    REG = Registry("test.things", builtins=("taysir_broken_plugin", "taysir_absent_plugin", "taysir_good_plugin"))
    sys.modules["tests.unit.test_registry"] = sys.modules[__name__]
    assert REG.names() == ["good"]
    assert "taysir_broken_plugin" in REG.broken and "bad plugin" in REG.broken["taysir_broken_plugin"]
    assert "taysir_absent_plugin" not in REG.broken  # an absent optional feature is not an error
    with pytest.raises(OptionsError, match="not loaded because of errors: taysir_broken_plugin"):
        REG.get("missing")


REG: Registry[object] = Registry("test.things")


SLOW: Registry[object] = Registry("test.slow")


def test_first_use_from_many_threads_waits_for_the_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 21 item 4: the registry was marked loaded before its imports finished, so threads that
    used it at the same moment as the first one found it empty ("Unknown ... 'html'")."""
    import threading

    (tmp_path / "taysir_slow_plugin.py").write_text(
        "import time\nfrom tests.unit.test_registry import SLOW\ntime.sleep(0.5)\nSLOW.register('slow', dict)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules["tests.unit.test_registry"] = sys.modules[__name__]
    global SLOW
    SLOW = Registry("test.slow", builtins=("taysir_slow_plugin",))
    start = threading.Barrier(8)
    outcomes: list[object] = []

    def use() -> None:
        start.wait()
        try:
            outcomes.append(SLOW.get("slow"))
        except OptionsError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=use) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert outcomes == [dict] * 8, outcomes


def test_real_renderers_from_many_threads_in_a_fresh_process() -> None:
    """The same with the library's own registry, as a worker starting with jobs queued does."""
    import subprocess

    code = (
        "import threading\n"
        "from transform.render import RENDERERS\n"
        "b = threading.Barrier(8); bad = []\n"
        "def use():\n"
        "    b.wait()\n"
        "    try: RENDERERS.get('html'); RENDERERS.get('braille')\n"
        "    except Exception as e: bad.append(str(e))\n"
        "ts = [threading.Thread(target=use) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "print(len(bad)); print(bad[:1])\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=root)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "0", out.stdout
