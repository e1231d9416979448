"""Helpers shared by sub-commands: options from arguments, progress bar."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ..errors import OptionsError
from ..options import TransformOptions


def add_option_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--outputs", default="json,text", help="comma-separated outputs (see `taysir outputs`), default: json,text")
    p.add_argument("--languages", default=None, help="comma-separated language tracks to render (ar,fr,ary...), default: all")
    p.add_argument("--ocr", choices=["auto", "always", "never"], default=None, help="when to OCR PDF pages (default auto)")
    p.add_argument("--options", default=None, metavar="JSON", help="full options as JSON (a file path or an inline JSON object)")
    p.add_argument("--memory", default=os.environ.get("TAYSIR_MEMORY") or None, metavar="FILE.tmx",
                   help="translation memory (TMX): reused in Darija drafts, learns approvals (default $TAYSIR_MEMORY)")
    p.add_argument("--termbase", default=os.environ.get("TAYSIR_TERMBASE") or None, metavar="FILE.tsv",
                   help="term base (TSV or TBX) over the built-in glossary (default $TAYSIR_TERMBASE)")


def options_from_args(args: argparse.Namespace) -> TransformOptions:
    data: dict[str, object] = {}
    if getattr(args, "options", None):
        raw = args.options
        if not raw.lstrip().startswith("{"):
            try:
                with open(raw, encoding="utf-8") as fh:
                    raw = fh.read()
            except OSError as exc:
                raise OptionsError(f"Cannot read the options file {args.options!r}: {exc.strerror}.") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise OptionsError(f"--options is not valid JSON: {exc.msg} at position {exc.pos}.") from None
    if getattr(args, "outputs", None):
        data["outputs"] = [o.strip() for o in args.outputs.split(",") if o.strip()]
    if getattr(args, "languages", None):
        data["languages"] = [o.strip() for o in args.languages.split(",") if o.strip()]
    if getattr(args, "ocr", None):
        data["ocr"] = args.ocr
    for flag in ("memory", "termbase"):  # options.simplify.memory.tmx / .termbase (transform/simplify/memory.py)
        if getattr(args, flag, None):
            simplify = data.setdefault("simplify", {})
            if isinstance(simplify, dict):
                simplify.setdefault("memory", {})["tmx" if flag == "memory" else "termbase"] = getattr(args, flag)
    try:
        return TransformOptions.model_validate(data)
    except Exception as exc:  # pydantic.ValidationError
        raise OptionsError(f"Invalid options: {exc}") from None


class BarProgress:
    """A one-line progress display on stderr (plain lines when not a terminal)."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.tty = sys.stderr.isatty()

    def stage(self, source: str, stage: str, detail: str = "") -> None:
        msg = f"[{self.done}/{self.total}] {source}: {stage} {detail}".rstrip()
        if self.tty:
            print("\r\033[K" + msg[:150], end="", file=sys.stderr, flush=True)

    def document_done(self, source: str, status: str) -> None:
        self.done += 1
        line = f"[{self.done}/{self.total}] {source}: {status}"
        print(("\r\033[K" if self.tty else "") + line, file=sys.stderr, flush=True)
