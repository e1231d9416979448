"""Staff API tokens: only the SHA-256 of each secret is stored."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time

from sqlalchemy import select, update

from .db import Database
from .tables import TokenRow

TOKEN_PREFIX = "tsr_"
TOUCH_EVERY_S = 60.0  # last_used_at is refreshed at most this often, by flush_usage() (never on the request path)
CACHE_TTL_S = 5.0  # a verified token is trusted this long without a query (revocation by another process: <= 5 s)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class TokenRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, tuple[str, float]] = {}  # hash -> (name, valid until)
        self._lock = threading.Lock()
        self._used: dict[int, float] = {}  # token id -> last use not yet written (flush_usage)

    def create(self, name: str) -> str:
        """Create a token and return its secret (shown once, never stored)."""
        secret = new_secret()
        with self.db.write() as s:
            s.add(TokenRow(name=name, token_hash=hash_token(secret), created_at=time.time()))
        return secret

    def exists(self, name: str) -> bool:
        with self.db.read() as s:
            return s.scalar(select(TokenRow.id).where(TokenRow.name == name)) is not None

    def peek(self, secret: str) -> str | None:
        """The name of a recently verified token, from memory only (no query)."""
        hit = self._cache.get(hash_token(secret))
        return hit[0] if hit is not None and hit[1] > time.monotonic() else None

    def verify(self, secret: str) -> str | None:
        """The token's name when ``secret`` is a valid, unrevoked token; else None."""
        digest = hash_token(secret)
        now = time.monotonic()
        hit = self._cache.get(digest)
        if hit is not None and hit[1] > now:
            return hit[0]
        with self.db.read() as s:
            row = s.scalar(select(TokenRow).where(TokenRow.token_hash == digest))
        if row is None or row.revoked_at is not None or not secrets.compare_digest(row.token_hash, digest):
            return None
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[digest] = (row.name, now + CACHE_TTL_S)
        wall = time.time()
        if row.last_used_at is None or wall - row.last_used_at > TOUCH_EVERY_S:
            with self._lock:
                self._used[row.id] = wall  # written later by flush_usage(): checking a token never writes (a full disk)
        return row.name

    def flush_usage(self) -> int:
        """Write the pending ``last_used_at`` times (called every few seconds by the supervisor and the
        API's housekeeping task). Best effort: on failure they stay pending. Returns the rows written."""
        with self._lock:
            pending, self._used = self._used, {}
        if not pending:
            return 0
        try:
            with self.db.write() as s:
                for token_id, wall in pending.items():
                    s.execute(update(TokenRow).where(TokenRow.id == token_id).values(last_used_at=wall))
        except Exception:
            with self._lock:
                for token_id, wall in pending.items():
                    self._used.setdefault(token_id, wall)
            raise
        return len(pending)

    def all(self) -> list[TokenRow]:
        with self.db.read() as s:
            return list(s.scalars(select(TokenRow).order_by(TokenRow.created_at)))

    def revoke(self, name: str) -> bool:
        with self._lock:
            self._cache.clear()
        with self.db.write() as s:
            res = s.execute(update(TokenRow).where(TokenRow.name == name, TokenRow.revoked_at.is_(None)).values(revoked_at=time.time()))
            return bool(res.rowcount)

    def count_active(self) -> int:
        with self.db.read() as s:
            return len(list(s.scalars(select(TokenRow.id).where(TokenRow.revoked_at.is_(None)))))
