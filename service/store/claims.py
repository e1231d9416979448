"""Job folders being filled by an upload, and the sweep of folders no job owns.

An upload writes into ``data/jobs/<id>/`` before the job exists in the database (the row is
created once every file is received and checked). While it does, the receiving process holds an
exclusive ``flock`` on ``data/jobs/<id>/.claim``; the kernel drops that lock when the process ends,
even on ``kill -9``. At start-up, :func:`sweep_orphans` removes every job folder that has no row
in the database and whose claim nobody holds: what a crash in the middle of an upload left behind.
A folder without a claim file (an older layout) is only removed once it has been idle for
``idle_s`` seconds.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("service.store")
CLAIM = ".claim"


@contextmanager
def claimed(job_dir: Path) -> Iterator[Path]:
    """Create ``job_dir`` and hold its claim for the duration of the block."""
    job_dir.mkdir(parents=True, exist_ok=True)
    path = job_dir / CLAIM
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield job_dir
    finally:
        try:
            path.unlink(missing_ok=True)
        finally:
            os.close(fd)  # closing drops the lock


def _claim_free(path: Path) -> bool:
    """True when nobody holds the claim at ``path`` (it is kept locked only for this check)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def sweep_orphans(jobs_root: Path, known: Callable[[Iterable[str]], set[str]], *, idle_s: float = 600.0) -> list[str]:
    """Remove job folders under ``jobs_root`` that the database does not know and no upload holds.

    ``known(ids)`` returns the subset of ``ids`` that are jobs in the database. Returns the ids removed.
    """
    try:
        folders = [p for p in jobs_root.iterdir() if p.is_dir()]
    except FileNotFoundError:
        return []
    if not folders:
        return []
    unknown = {p.name for p in folders} - known([p.name for p in folders])
    removed = []
    now = time.time()
    for folder in folders:
        if folder.name not in unknown:
            continue
        claim = folder / CLAIM
        if claim.exists():
            if not _claim_free(claim):
                continue  # an upload is in progress in another process
            if known([folder.name]):
                continue  # its job was created while we looked
        elif now - _newest_mtime(folder) < idle_s:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder.name)
    if removed:
        log.warning("removed %d job folder(s) left by interrupted uploads: %s", len(removed), ", ".join(sorted(removed)))
    return removed


def _newest_mtime(folder: Path) -> float:
    newest = folder.stat().st_mtime
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            try:
                newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
            except OSError:
                pass
    return newest
