"""The store: job, document, token and worker metadata in SQL (SQLite by default, PostgreSQL works),
and the files under the data directory."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from pathlib import Path

from .claims import claimed, sweep_orphans
from .db import Database
from .documents import DocumentRepo
from .jobs import TERMINAL, JobRepo, NewDocument, QueueLimitReached
from .leases import LeaseRepo, owner_dead, owner_id
from .memory import MemoryRepo  # also registers the tm_entries and tb_terms tables before create_all
from .sessions import SessionRepo
from .tables import DocumentRow, JobRow, TokenRow, WorkerRow
from .tokens import TokenRepo, hash_token


class Store:
    """Repositories over one database, plus the data directory layout."""

    def __init__(self, db_url: str, data_dir: Path) -> None:
        self.data_dir = Path(data_dir).resolve()
        self._data_dir_str = str(self.data_dir)
        self._data_dir_prefix = self._data_dir_str.rstrip(os.sep) + os.sep
        self.db = Database(db_url)
        self.db.create_all()
        self.jobs = JobRepo(self.db)
        self.documents = DocumentRepo(self.db)
        self.tokens = TokenRepo(self.db)
        self.leases = LeaseRepo(self.db)
        self.sessions = SessionRepo(self.db)
        self.memory = MemoryRepo(self.db)  # translation memory and term base (service/store/memory.py)

    # files: data/jobs/<job>/uploads/<file>, data/jobs/<job>/docs/<doc>/...; data/published/<doc>/
    def job_dir(self, job_id: str) -> Path:
        return self.data_dir / "jobs" / job_id

    def doc_dir(self, job_id: str, doc_id: str) -> Path:
        return self.job_dir(job_id) / "docs" / doc_id

    def published_dir(self, doc_id: str) -> Path:
        return self.data_dir / "published" / doc_id

    def claim_job_dir(self, job_id: str) -> AbstractContextManager[Path]:
        """Hold ``data/jobs/<job_id>/`` while an upload fills it (see :mod:`.claims`)."""
        return claimed(self.job_dir(job_id))

    def sweep_orphan_job_dirs(self) -> list[str]:
        """Remove job folders left by uploads cut short by a crash (no job row, no live claim)."""
        return sweep_orphans(self.data_dir / "jobs", self.jobs.existing)

    def path(self, rel: str) -> Path:
        """Absolute path of a stored relative path, refusing anything outside the data dir.

        Lexical (no ``realpath`` system calls on the download path): the data dir is resolved once,
        stored paths are written by the service, and ``..`` or an absolute path is refused.
        """
        norm = os.path.normpath(os.path.join(self._data_dir_str, rel))
        if not norm.startswith(self._data_dir_prefix):
            raise ValueError(f"path outside the data directory: {rel}")
        return Path(norm)

    def rel(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.data_dir).as_posix()

    def close(self) -> None:
        self.db.dispose()


__all__ = [
    "TERMINAL", "Database", "DocumentRepo", "DocumentRow", "JobRepo", "JobRow", "LeaseRepo", "MemoryRepo", "NewDocument", "QueueLimitReached",
    "SessionRepo", "Store", "TokenRepo", "TokenRow", "WorkerRow", "hash_token", "owner_dead", "owner_id",
]
