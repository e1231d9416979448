"""`taysir convert --outputs captions` runs the narration first and writes MP3, timeline, SRT and WebVTT."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from transform.model import Timeline

from .conftest import needs_tools

MD = """# Le budget régional

Le conseil a voté un budget de 2,8 milliards de dirhams. La loi n° 111.14 s'applique.

# الميزانية

صادق المجلس على الميزانية بمبلغ 1 250 000 000 درهم.
"""


@pytest.mark.slow
@needs_tools
def test_cli_captions_pull_in_audio(tmp_path: Path) -> None:
    src = tmp_path / "budget.md"
    src.write_text(MD, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "transform", "convert", str(src), "-o", str(out), "--outputs", "captions", "--json",
         "--options", json.dumps({"audio": {"rate": 160}, "captions": {"formats": ["vtt"]}})],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["status"] == "success", result["errors"]
    names = sorted(a["name"] for a in result["artifacts"])
    assert names == sorted(f"budget.{lang}.{ext}" for lang in ("ar", "fr") for ext in ("mp3", "timeline.json", "vtt"))
    tl = Timeline.model_validate_json((out / "budget" / "budget.fr.timeline.json").read_text(encoding="utf-8"))
    assert [c.kind for c in tl.cues] == ["heading", "sentence", "sentence"] and tl.chapters[0].title == "Le budget régional"
