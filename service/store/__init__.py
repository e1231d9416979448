"""The store: job, document, token and worker metadata in SQL (SQLite by default, PostgreSQL works),
and the files under the data directory."""

from __future__ import annotations

from pathlib import Path

from .db import Database
from .documents import DocumentRepo
from .jobs import TERMINAL, JobRepo, NewDocument
from .leases import LeaseRepo, owner_dead, owner_id
from .tables import DocumentRow, JobRow, TokenRow, WorkerRow
from .tokens import TokenRepo, hash_token


class Store:
    """Repositories over one database, plus the data directory layout."""

    def __init__(self, db_url: str, data_dir: Path) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.db = Database(db_url)
        self.db.create_all()
        self.jobs = JobRepo(self.db)
        self.documents = DocumentRepo(self.db)
        self.tokens = TokenRepo(self.db)
        self.leases = LeaseRepo(self.db)

    # files: data/jobs/<job>/uploads/<file>, data/jobs/<job>/docs/<doc>/...; data/published/<doc>/
    def job_dir(self, job_id: str) -> Path:
        return self.data_dir / "jobs" / job_id

    def doc_dir(self, job_id: str, doc_id: str) -> Path:
        return self.job_dir(job_id) / "docs" / doc_id

    def published_dir(self, doc_id: str) -> Path:
        return self.data_dir / "published" / doc_id

    def path(self, rel: str) -> Path:
        """Absolute path of a stored relative path, refusing anything outside the data dir."""
        p = (self.data_dir / rel).resolve()
        if not p.is_relative_to(self.data_dir):
            raise ValueError(f"path outside the data directory: {rel}")
        return p

    def rel(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.data_dir).as_posix()

    def close(self) -> None:
        self.db.dispose()


__all__ = [
    "TERMINAL", "Database", "DocumentRepo", "DocumentRow", "JobRepo", "JobRow", "LeaseRepo", "NewDocument",
    "Store", "TokenRepo", "TokenRow", "WorkerRow", "hash_token", "owner_dead", "owner_id",
]
