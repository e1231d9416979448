"""Free space on the data directory: a reserve that uploads and conversions must leave untouched.

When the disk under the data directory fills up, everything that writes fails at once: uploads,
conversions, the database (SQLite's WAL, PostgreSQL on the same disk) and the queue. Taysir keeps
``TAYSIR_MIN_FREE_MB`` free for the database: an upload that would eat into it is refused with 507
``storage_full`` before it is read, and again while it streams; a conversion does not start below it
and is stopped when it brings the free space under half of it (``service/queue/runner.py``); ``/ready``
reports it. Reads never need a write (token checks, sign-in), so the service can always be used to
delete old jobs, which frees the space.
"""

from __future__ import annotations

import errno
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .errors import InsufficientStorage

MiB = 1024 * 1024
# where the data of a deployment lands: the database (and SQLite queue) in data_dir, uploads and outputs
# under jobs/ (each may be its own file system). published/ is not watched: publishing copies a finished
# snapshot and refuses cleanly (503 storage_full) when it does not fit.
WATCHED = ("", "jobs")


@dataclass(frozen=True)
class SpaceReport:
    free: int  # bytes available to the service on the fullest watched file system
    reserve: int
    path: str  # which folder has the least room

    @property
    def ok(self) -> bool:
        return self.free >= self.reserve

    def describe(self) -> str:
        return f"{self.free / MiB:.0f} MiB free, reserve {self.reserve / MiB:.0f} MiB"


class Storage:
    """The free-space reserve of one data directory."""

    def __init__(self, data_dir: Path, reserve_bytes: int) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.reserve = max(0, int(reserve_bytes))

    def report(self) -> SpaceReport:
        best: SpaceReport | None = None
        seen: set[int] = set()
        for sub in WATCHED:
            path = self.data_dir / sub if sub else self.data_dir
            try:
                st = os.statvfs(path)
                dev = os.stat(path).st_dev
            except OSError:
                continue
            if dev in seen:
                continue
            seen.add(dev)
            free = st.f_bavail * st.f_frsize
            if best is None or free < best.free:
                best = SpaceReport(free, self.reserve, sub or ".")
        return best or SpaceReport(0, self.reserve, ".")

    def check_room(self, incoming: int = 0) -> None:
        """Raise 507 ``storage_full`` when ``incoming`` more bytes would leave less than the reserve."""
        rep = self.report()
        if rep.free - max(0, incoming) < self.reserve:
            raise InsufficientStorage(
                "The server's disk is nearly full: the upload was refused to keep the service working.",
                hint="Try again later. An administrator must free space (delete old jobs) or enlarge the disk.",
            )


_LOCK = threading.Lock()
_BY_DIR: dict[Path, Storage] = {}


def register(storage: Storage) -> Storage:
    """Make ``storage`` the guard of every path under its data directory (see :func:`for_path`)."""
    with _LOCK:
        _BY_DIR[storage.data_dir] = storage
    return storage


def for_path(path: str | Path) -> Storage | None:
    """The registered guard whose data directory holds ``path`` (conversion folders, for the runner)."""
    p = Path(path).resolve()
    with _LOCK:
        found = [s for d, s in _BY_DIR.items() if p == d or d in p.parents]
    return max(found, key=lambda s: len(s.data_dir.parts)) if found else None


def is_disk_full(exc: BaseException) -> bool:
    """True for "no space left" from the OS, SQLite ("database or disk is full") or PostgreSQL (53100)."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, OSError) and cur.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(cur).lower()
        if "database or disk is full" in text or "no space left on device" in text or "disk full" in text:
            return True
        if getattr(cur, "sqlstate", None) == "53100" or getattr(getattr(cur, "orig", None), "sqlstate", None) == "53100":
            return True
        cur = getattr(cur, "orig", None) or cur.__cause__ or cur.__context__
    return False
