"""pandoc writes the DOCX with a small GHC heap hint: same file, less resident memory."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from transform._exec import pandoc
from transform.publish.docx import API_VERSION


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in sorted(z.namelist())}


def test_heap_hint_keeps_the_docx_identical(tmp_path: Path) -> None:
    paras = [{"t": "Para", "c": [{"t": "Str", "c": f"الجملة {i} من الميزانية."}]} for i in range(3000)]
    meta = {"lang": {"t": "MetaString", "c": "ar"}, "dir": {"t": "MetaString", "c": "rtl"}}
    ast = json.dumps({"pandoc-api-version": API_VERSION, "meta": meta, "blocks": paras}, ensure_ascii=False).encode("utf-8")
    exe = pandoc.binary()
    assert pandoc.takes_rts_options(exe)  # the bundled pandoc takes +RTS options
    ours = tmp_path / "ours.docx"
    pandoc.json_to_docx(ast, ours, timeout=120)
    plain = tmp_path / "plain.docx"
    subprocess.run([exe, "--sandbox", "-f", "json", "-t", "docx", "-o", str(plain)], input=ast, check=True, timeout=120)
    a, b = _members(ours), _members(plain)
    assert a == b
    assert "الجملة 2999 من الميزانية." in a["word/document.xml"].decode("utf-8")


def test_a_pandoc_that_refuses_runtime_options_is_run_without_them() -> None:
    assert pandoc.takes_rts_options("/bin/false") is False
