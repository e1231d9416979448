"""`taysir inspect` and `taysir convert` on the samples and on bad files, through a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from transform.model import Document

from ._compare import SAMPLES

RES = Path(__file__).resolve().parents[1] / "resources"


def taysir(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "transform", *args], capture_output=True, text=True, timeout=180, cwd=cwd)


def test_inspect_outline_and_json() -> None:
    proc = taysir("inspect", str(SAMPLES / "budget-citoyen-2026.pdf"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "format=pdf" in out
    assert "[ar] الميزانية المواطنة لجهة بني ملال خنيفرة برسم سنة 2026" in out
    assert "[fr] Budget citoyen 2026 de la Région Béni Mellal-Khénifra" in out
    assert "table 8x3 [ar,rtl]" in out and "table 8x3 [fr,ltr]" in out
    proc = taysir("inspect", "--json", str(SAMPLES / "programme-developpement-regional.pdf"))
    assert proc.returncode == 0, proc.stderr
    doc = Document.model_validate_json(proc.stdout)
    assert doc.meta.lang == "ar" and doc.meta.page_count == 2


def test_inspect_bad_file_exit_code() -> None:
    proc = taysir("inspect", str(RES / "bad-encrypted-user.pdf"))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "bad-encrypted-user.pdf: the PDF is protected by a password" in proc.stderr


def test_convert_batch_summary_and_exit_code(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for f in (SAMPLES / "deliberation-conseil.pdf", SAMPLES / "deliberation-conseil.docx", RES / "bad-truncated.pdf"):
        shutil.copy(f, src / f.name)
    out = tmp_path / "out"
    proc = taysir("convert", str(src), "-o", str(out), "--outputs", "json,text")
    assert proc.returncode == 2, proc.stdout + proc.stderr  # one file failed: exit code of the worst failure
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    assert any(ln.startswith("success") and ln.endswith("deliberation-conseil.pdf") for ln in lines)
    assert any(ln.startswith("success") and ln.endswith("deliberation-conseil.docx") for ln in lines)
    assert any(ln.startswith("failure") and ln.endswith("bad-truncated.pdf") for ln in lines)
    assert "bad-truncated.pdf: the PDF is incomplete" in proc.stdout
    assert "2 of 3 documents converted completely" in proc.stdout
    text = (out / "deliberation-conseil" / "deliberation-conseil.fr.txt").read_text(encoding="utf-8")
    assert "Article premier" in text and "186 000 000" in text

    proc = taysir("convert", str(SAMPLES / "deliberation-conseil.pdf"), "-o", str(out), "--outputs", "json", "--json")
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout.splitlines()[-1])
    assert row["status"] == "success" and row["artifacts"][0]["name"] == "deliberation-conseil.json"
