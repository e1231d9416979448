"""External programs: one module each under transform/_exec/, with command lines and probes; nothing else runs programs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from transform import doctor
from transform._exec import PROBES, ToolProbe, ffmpeg, tesseract
from transform.errors import MissingDependencyError

ROOT = Path(__file__).resolve().parents[2]


def _imports_subprocess(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name == "subprocess" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "subprocess":
            return True
    return False


def test_only_exec_modules_start_programs() -> None:
    offenders = [p.relative_to(ROOT).as_posix() for pkg in ("transform", "service") for p in sorted((ROOT / pkg).rglob("*.py"))
                 if _imports_subprocess(p) and "transform/_exec/" not in p.relative_to(ROOT).as_posix()]
    assert offenders == []
    assert _imports_subprocess(ROOT / "transform" / "_exec" / "_run.py")  # the check can see an import


def test_every_program_has_a_probe_listed_by_doctor() -> None:
    names = {"ffmpeg", "ffprobe", "espeak-ng", "tesseract", "pandoc", "chromium", "fontconfig", "piper", "file2brl"}
    assert names <= set(PROBES)
    rep = doctor.report()
    assert set(PROBES) | {"liblouis"} <= set(rep)
    for name in ("ffmpeg", "espeak-ng", "pandoc", "tesseract"):  # installed by scripts/setup.sh, needed by outputs
        assert rep[name]["ok"] and rep[name]["required"] and any(ch.isdigit() for ch in rep[name]["version"]), rep[name]


def test_missing_programs_required_or_optional() -> None:
    gone = ToolProbe("nothing", ("taysir-no-such-program",), install_hint="apt-get install nothing")
    assert not gone.available() and gone.version() is None
    with pytest.raises(MissingDependencyError, match="apt-get install nothing|not installed"):
        gone.require()
    optional = ToolProbe("maybe", ("taysir-no-such-program",), required=False)
    assert not optional.available() and not optional.required


def test_command_lines() -> None:
    cmd = tesseract.tsv_command(Path("/tmp/p.tif"), "ara+fra", 13)
    assert cmd[:3] == ["env", "OMP_THREAD_LIMIT=1", "tesseract"] and cmd[-4:] == ["ara+fra", "--psm", "13", "tsv"]
    meta = ffmpeg.chapters_metadata([(0, 1500, "Titre; n°=1 #a")], title="Budget\\2026", lang_tag="fra")
    assert meta.splitlines() == [";FFMETADATA1", "language=fra", "title=Budget\\\\2026", "[CHAPTER]", "TIMEBASE=1/1000",
                                 "START=0", "END=1500", "title=Titre\\; n°\\=1 \\#a"]
    enc = ffmpeg.encode_command(sample_rate=22050, outputs={"mp3": Path("a.mp3")}, bitrate_k=64, mp3_quality=7, lang_tag="ara", metadata=None)
    assert enc[enc.index("-ar") + 1] == "22050" and "libmp3lame" in enc and enc[-1] == Path("a.mp3")
