"""`taysir token create|list|revoke`: staff API tokens for the HTTP service (only hashes are stored)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from .serve import add_settings_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("token", help="manage staff API tokens of the HTTP service")
    tsub = p.add_subparsers(dest="token_command", metavar="ACTION", required=True)
    c = tsub.add_parser("create", help="create a token and print it (shown once)")
    c.add_argument("name", help="who or what uses it, e.g. 'amina' or 'intranet'")
    add_settings_args(c)
    c.set_defaults(func=run_create)
    ls = tsub.add_parser("list", help="list tokens (names and dates, never secrets)")
    add_settings_args(ls)
    ls.set_defaults(func=run_list)
    r = tsub.add_parser("revoke", help="revoke a token by name")
    r.add_argument("name")
    add_settings_args(r)
    r.set_defaults(func=run_revoke)


def run_create(args: argparse.Namespace) -> int:
    from service.cli_support import open_store, settings_from_args
    from transform.errors import OptionsError

    name = args.name.strip()
    if not name or len(name) > 100:
        raise OptionsError("A token name must be 1 to 100 characters.")
    store = open_store(settings_from_args(args))
    try:
        if store.tokens.exists(name):
            raise OptionsError(f"A token named {name!r} already exists.", hint="Choose another name or revoke it first.")
        secret = store.tokens.create(name)
    finally:
        store.close()
    print(secret)
    print(f"token {name!r} created; keep it secret, it is not shown again. Use: Authorization: Bearer <token>", file=sys.stderr)
    return 0


def _fmt(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M") if ts else "-"


def run_list(args: argparse.Namespace) -> int:
    from service.cli_support import open_store, settings_from_args

    store = open_store(settings_from_args(args))
    try:
        rows = store.tokens.all()
    finally:
        store.close()
    print(f"{'name':<24} {'created':<17} {'last used':<17} state")
    for r in rows:
        print(f"{r.name:<24} {_fmt(r.created_at):<17} {_fmt(r.last_used_at):<17} {'revoked' if r.revoked_at else 'active'}")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from service.cli_support import open_store, settings_from_args
    from transform.errors import OptionsError

    store = open_store(settings_from_args(args))
    try:
        ok = store.tokens.revoke(args.name)
    finally:
        store.close()
    if not ok:
        raise OptionsError(f"No active token named {args.name!r}.")
    print(f"token {args.name!r} revoked")
    return 0
