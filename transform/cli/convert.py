"""`taysir convert FILES_OR_DIRS -o OUT --outputs ...`"""

from __future__ import annotations

import argparse
import sys

from ..api import convert_many, expand_sources
from ..errors import ExitCode, InputError
from ..ocr.confidence import reading_summary
from ..result import ConversionStatus
from ._common import BarProgress, add_option_args, options_from_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("convert", help="convert documents into accessible outputs")
    p.add_argument("sources", nargs="+", help="files or folders")
    p.add_argument("-o", "--out", default="taysir-out", help="output folder (default taysir-out)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="documents converted in parallel (default 1)")
    p.add_argument("--json", action="store_true", help="print the results as JSON lines")
    add_option_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    files = expand_sources(args.sources)
    if not files:
        raise InputError("No input files found.", hint="Give files or folders that contain documents.")
    progress = BarProgress(len(files))
    worst = 0
    rows = []
    for result in convert_many(files, options, args.out, jobs=args.jobs, progress=progress):
        rows.append(result)
        if result.status == ConversionStatus.FAILURE:
            worst = max(worst, result.exit_code or ExitCode.INPUT_FILE)
        elif result.status == ConversionStatus.PARTIAL_SUCCESS:
            worst = max(worst, ExitCode.PARTIAL)
        if args.json:
            print(result.model_dump_json(exclude={"document"}))
    if not args.json:
        print(f"\n{'status':<16} {'files':>5}  source", file=sys.stdout)
        for r in rows:
            print(f"{r.status.value:<16} {len(r.artifacts):>5}  {r.source}")
            summary = reading_summary(r.document)
            if summary:
                print(f"{'':<16} {'':>5}  read: {summary}")
            for e in r.errors:
                print(f"{'':<16} {'':>5}  {e.severity}: [{e.stage}] {e.message}" + (f" {e.hint}" if e.hint else ""))
            if r.output_dir and r.artifacts:
                print(f"{'':<16} {'':>5}  -> {r.output_dir}")
        ok = sum(r.status == ConversionStatus.SUCCESS for r in rows)
        print(f"\n{ok} of {len(rows)} documents converted completely; outputs under {args.out}/")
    return worst
