"""Staff web sessions ended by sign-out (server side).

A session lives in a signed cookie (``service/web/security.py``), so starting one and checking one
need no database write (a full disk never stops staff from signing in and deleting jobs). Signing
out writes the session id here; a copy of the cookie made before is refused from then on, by
every process. Rows are purged once the session would have expired anyway.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import delete, select

from .db import Database
from .tables import RevokedSessionRow


class SessionRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._local: set[str] = set()  # ended here even if the write failed (a full disk): refused by this process
        self._lock = threading.Lock()

    def revoke(self, sid: str, expires_at: float) -> None:
        with self._lock:
            self._local.add(sid)
        now = time.time()
        with self.db.write() as s:
            s.execute(delete(RevokedSessionRow).where(RevokedSessionRow.expires_at < now))
            if s.get(RevokedSessionRow, sid) is None:
                s.add(RevokedSessionRow(sid=sid, revoked_at=now, expires_at=expires_at))

    def is_revoked(self, sid: str) -> bool:
        if sid in self._local:
            return True
        (rows,) = self.db.select([("SELECT 1 FROM revoked_sessions WHERE sid = :sid", {"sid": sid})])
        return bool(rows)

    def count(self) -> int:
        with self.db.read() as s:
            return len(list(s.scalars(select(RevokedSessionRow.sid))))
