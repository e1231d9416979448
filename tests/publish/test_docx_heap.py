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


def test_trim_heap_gives_freed_memory_back() -> None:
    """What the DOCX and video outputs call before their child process starts: freed heap pages
    return to the system (glibc), so the pandoc/ffmpeg peak is not added to a bloated process."""
    import sys

    from transform._exec.heap import trim_heap

    code = (
        "import sys\nsys.path.insert(0, '.')\nfrom transform._exec.heap import trim_heap\n"
        "def rss(): return int(open('/proc/self/statm').read().split()[1]) * 4096 >> 20\n"
        "blocks = [bytearray(4000) for _ in range(50000)]\n"  # about 200 MB through malloc
        "keep = blocks[::50]\ndel blocks\n"  # freed, but pinned in the heap by the kept blocks
        "before = rss()\nassert trim_heap()\nprint(before, rss())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr[-2000:]
    before, after = map(int, out.stdout.split())
    assert before - after > 100, (before, after)
    assert trim_heap() is True


def test_the_memory_bound_still_holds_without_a_forked_limit(tmp_path: Path) -> None:
    """The bound is pandoc's own maximum heap: a DOCX needing more fails with a typed error."""
    import pytest

    from transform.errors import ToolError

    paras = [{"t": "Para", "c": [{"t": "Str", "c": f"الجملة {i} من الميزانية."}]} for i in range(20000)]
    ast = json.dumps({"pandoc-api-version": API_VERSION, "meta": {}, "blocks": paras}, ensure_ascii=False).encode("utf-8")
    with pytest.raises(ToolError, match="[Hh]eap"):
        pandoc.json_to_docx(ast, tmp_path / "small.docx", timeout=120, mem_limit_mb=4)
