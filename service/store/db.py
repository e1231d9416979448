"""Engine and sessions. SQLite gets WAL, a busy timeout and ``BEGIN IMMEDIATE`` for writes,
so the API, embedded consumers and ``taysir worker`` processes can share one file safely."""

from __future__ import annotations

import sqlite3
import threading
from collections import namedtuple
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from .tables import Base


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=20, max_overflow=20)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # A write transaction takes the lock at once: no "database is locked" on upgrade.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=20)
    return engine


class Database:
    """Sessions for reading (shared lock) and writing (exclusive on SQLite)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(write=True), expire_on_commit=False)
        db = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        self._sqlite_path = db if db and db != ":memory:" else None
        self._local = threading.local()
        self._raw: list[sqlite3.Connection] = []
        self._raw_lock = threading.Lock()

    def select(self, queries: Sequence[tuple[str, Mapping[str, Any]]]) -> list[list[Any]]:
        """Run read-only SQL statements (``:name`` parameters) in one snapshot; rows allow ``row.column``.

        The hot paths (job status polling, downloads) use this instead of the ORM: on SQLite it
        goes straight to a per-thread sqlite3 connection, about ten times cheaper than a pooled
        SQLAlchemy connection with compiled statements; other databases run the same SQL through
        the engine.
        """
        if self._sqlite_path is None:
            with self.engine.connect() as c:
                return [list(c.execute(text(sql), dict(params))) for sql, params in queries]
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open_raw()
        conn.execute("BEGIN")  # one snapshot for all the statements
        try:
            return [conn.execute(sql, params).fetchall() for sql, params in queries]
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def _open_raw(self) -> sqlite3.Connection:
        assert self._sqlite_path is not None
        conn = sqlite3.connect(self._sqlite_path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=30000")
        conn.row_factory = _named_row
        with self._raw_lock:
            self._raw.append(conn)
        return conn

    def create_all(self) -> None:
        # one write transaction (BEGIN IMMEDIATE on SQLite): processes starting together on a fresh
        # database wait for each other instead of failing with "database is locked"
        with self.engine.execution_options(write=True).begin() as conn:
            Base.metadata.create_all(conn)
            add_missing_columns(conn)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as s, s.begin():
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write() as s, s.begin():
            yield s

    def ping(self) -> None:
        with self.engine.connect() as c:
            c.execute(text("SELECT 1"))

    def dispose(self) -> None:
        with self._raw_lock:
            raw, self._raw = self._raw, []
        for conn in raw:
            conn.close()
        self._local = threading.local()
        self.engine.dispose()


def add_missing_columns(conn: Any) -> list[str]:
    """Columns added to a table after its database was created (``ALTER TABLE ... ADD COLUMN``): the store's
    migrations. A new column must be nullable or have a ``server_default``, so old rows stay valid."""
    insp = inspect(conn)
    added = []
    for table in Base.metadata.sorted_tables:
        if not insp.has_table(table.name):
            continue
        have = {c["name"] for c in insp.get_columns(table.name)}
        for col in table.columns:
            if col.name in have:
                continue
            ddl = f"ALTER TABLE {table.name} ADD COLUMN {col.name} {col.type.compile(dialect=conn.dialect)}"
            if col.server_default is not None:
                ddl += f" DEFAULT '{col.server_default.arg}'"  # type: ignore[attr-defined]
            conn.execute(text(ddl))
            added.append(f"{table.name}.{col.name}")
    return added


_ROW_TYPES: dict[tuple[str, ...], type] = {}


def _named_row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> Any:
    names = tuple(d[0] for d in cursor.description)
    cls = _ROW_TYPES.get(names)
    if cls is None:
        cls = _ROW_TYPES.setdefault(names, namedtuple("Row", names))  # type: ignore[misc]
    return cls(*values)
