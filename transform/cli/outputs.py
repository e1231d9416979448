"""`taysir outputs`: list the outputs this installation can make."""

from __future__ import annotations

import argparse

from ..render import RENDERERS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("outputs", help="list the available outputs")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    for name in RENDERERS.names():
        factory = RENDERERS.get(name)
        print(f"{name:<12} {getattr(factory, 'description', '')}")
    return 0
