"""The ``taysir`` command. Each sub-command lives in its own module in this package
and exposes ``register(subparsers)``; modules are discovered automatically."""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

from ..errors import ExitCode, TransformError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taysir",
        description="Accessible formats from official documents (Arabic, French, Darija).",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if mod.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{mod.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitCode.BAD_ARGS
    try:
        return int(args.func(args) or 0)
    except TransformError as exc:
        print(f"taysir: error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("taysir: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
