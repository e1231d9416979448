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
