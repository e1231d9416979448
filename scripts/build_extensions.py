"""Build the optional compiled braille steps in place when a C source is newer than its module.

    .venv/bin/python scripts/build_extensions.py [--force]

``transform/braille/_speed.c``, ``_louis_quiet.c``, ``transform/ingest/_chars.c`` and ``_bidi.c`` are optional: without a C compiler the
Python steps run (``taysir doctor`` says which). ``pip install -e .`` builds them once; this
script rebuilds one whenever its ``.c`` file changed since (``scripts/setup.sh`` runs it), with
setuptools' own compiler settings, offline. Exit status 0 even when nothing could be built.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = {"transform.braille._speed": "transform/braille/_speed.c", "transform.braille._louis_quiet": "transform/braille/_louis_quiet.c",
              "transform.ingest._chars": "transform/ingest/_chars.c", "transform.ingest._bidi": "transform/ingest/_bidi.c"}
EXTENSIONS["transform.ingest._group"] = "transform/ingest/_group.c"  # the grouping's per-line loop (pdf_blocks._group_pages)
EXTENSIONS["transform.ingest._odd"] = "transform/ingest/_odd.c"  # the odd-token screen (odd_tokens.odd_spans)
EXTENSIONS["transform.ingest._glued"] = "transform/ingest/_glued.c"  # pdf_glued's candidate screen and vocabulary walk


def built_path(module: str) -> Path:
    return ROOT / (module.replace(".", "/") + str(sysconfig.get_config_var("EXT_SUFFIX")))


def stale(module: str, source: str) -> bool:
    so = built_path(module)
    return not so.is_file() or (ROOT / source).stat().st_mtime > so.stat().st_mtime


def build(modules: dict[str, str]) -> bool:
    from setuptools import Distribution, Extension  # the venv's setuptools; pyproject.toml is not read

    dist = Distribution({"name": "taysir-extensions", "ext_modules": [Extension(m, [s]) for m, s in modules.items()]})
    cmd = dist.get_command_obj("build_ext")
    cmd.inplace = True  # type: ignore[attr-defined]
    cmd.build_temp = str(ROOT / "build" / "extensions")  # type: ignore[attr-defined]
    try:
        dist.run_command("build_ext")
    except Exception as exc:  # noqa: BLE001 - a failed optional build leaves the Python steps in use
        print(f"build_extensions: not built ({type(exc).__name__}: {exc}); the Python steps are used", file=sys.stderr)
        return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--force", action="store_true", help="rebuild even when the modules are up to date")
    args = ap.parse_args()
    todo = {m: s for m, s in EXTENSIONS.items() if args.force or stale(m, s)}
    if not todo:
        return 0
    if shutil.which(sysconfig.get_config_var("CC").split()[0] if sysconfig.get_config_var("CC") else "cc") is None:
        print("build_extensions: no C compiler; the Python steps are used", file=sys.stderr)
        return 0
    os.chdir(ROOT)
    if build(todo):
        print("build_extensions: built " + ", ".join(sorted(todo)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
