"""Every hostile file gives a clear, typed error (or a correct reading) in bounded time and memory.

Each file is converted by the real CLI in a child process limited to 2 GiB of address
space and 90 s; a traceback, a signal or a timeout fails the test.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .corpus import CORPUS, HOSTILE_NAMES, build, simple_pdf

MEM_LIMIT = 2 * 1024**3
LOCAL_SECRET = b"root:x:0:0"  # the first line of /etc/passwd
TIME_LIMIT = 90


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))


def _convert(path: Path, out: Path) -> tuple[int, list[dict], str, float]:
    t0 = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "transform", "convert", str(path), "-o", str(out), "--outputs", "json,text", "--json"],
        capture_output=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limit,
        text=True,
    )
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return proc.returncode, rows, proc.stderr, time.monotonic() - t0


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_file(name: str, tmp_path: Path) -> None:
    path = build(name, tmp_path)
    code, rows, stderr, seconds = _convert(path, tmp_path / "out")
    assert "Traceback" not in stderr, stderr[-2000:]
    assert code >= 0, f"killed by signal {-code}"
    assert len(rows) == 1, stderr[-1000:]
    row = rows[0]
    expected = CORPUS[name][2]
    if row["status"] == "failure":
        err = row["errors"][0]
        assert err["code"] in expected, err
        assert len(err["message"]) > 20 and path.name in err["message"], err["message"]
        assert code == 2
    else:
        assert "ok" in expected, f"{name} was accepted: {row}"
    for out in (tmp_path / "out").rglob("*"):  # no local file (XXE, HTML include) ever reaches an output
        if out.is_file():
            assert LOCAL_SECRET not in out.read_bytes(), f"{out.name} holds the content of /etc/passwd"
    print(f"{name}: {row['status']} in {seconds:.1f}s")


def test_hostile_file_names_are_made_safe(tmp_path: Path) -> None:
    from transform.api import safe_stem

    for raw in HOSTILE_NAMES:
        stem = safe_stem(raw.replace("\x00", ""))
        assert stem and len(stem) <= 80
        assert "/" not in stem and "\\" not in stem and ".." not in stem
        assert "\u202e" not in stem


def test_pdf_with_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    path = tmp_path / "budget.docx"
    path.write_bytes(simple_pdf(b"Budget 2026"))
    from transform.ingest import detect_format

    assert detect_format(path) == "pdf"


@pytest.mark.slow
def test_one_huge_word_does_not_stall_braille(tmp_path: Path) -> None:
    """400,000 letters without a space: braille must give up or cut the word quickly, not run for minutes."""
    path = tmp_path / "word.txt"
    path.write_text("a" * 400_000 + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "transform", "convert", str(path), "-o", str(tmp_path / "out"), "--outputs", "braille", "--json"],
        capture_output=True, timeout=30, preexec_fn=_limit, text=True,
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr[-500:]
