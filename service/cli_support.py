"""Helpers for the `taysir serve`, `taysir worker` and `taysir token` commands."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from .settings import ServiceSettings
from .store import Store

ADMIN_TOKEN_FILE = "admin-token.txt"


def settings_from_args(args: argparse.Namespace, **extra: Any) -> ServiceSettings:
    overrides: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    for name in ("data_dir", "database_url", "redis_url"):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = value
    return ServiceSettings(**overrides)


def open_store(settings: ServiceSettings) -> Store:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return Store(settings.db_url, settings.data_dir)


def first_run_token(settings: ServiceSettings) -> tuple[str, bool]:
    """The operator token kept in ``<data>/admin-token.txt`` (mode 600); created when missing or revoked.

    Returns (token, created). The database holds only its hash; the file is for the operator of a
    local installation (delete it and revoke the token in production).
    """
    store = open_store(settings)
    try:
        path = Path(settings.data_dir) / ADMIN_TOKEN_FILE
        if path.is_file():
            token = path.read_text(encoding="ascii").strip()
            if token and store.tokens.verify(token):
                return token, False
        name, n = "admin", 1
        while store.tokens.exists(name):
            n += 1
            name = f"admin-{n}"
        token = store.tokens.create(name)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(token + "\n")
        return token, True
    finally:
        store.close()
