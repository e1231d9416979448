"""Database tables (SQLAlchemy 2): API tokens, jobs, documents, workers.

Times are UNIX seconds (floats) so every database (SQLite, PostgreSQL) stores them the same way.
JSON payloads (options, errors, artefact lists, the Darija draft) are stored as text.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class TokenRow(Base):
    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)  # sha256 hex of the secret
    created_at: Mapped[float] = mapped_column(Float)
    last_used_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    revoked_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class JobRow(Base):
    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[float] = mapped_column(Float, index=True)
    updated_at: Mapped[float] = mapped_column(Float)
    created_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    options_json: Mapped[str] = mapped_column(Text)
    sync: Mapped[bool] = mapped_column(Boolean, default=False)
    notified: Mapped[bool] = mapped_column(Boolean, default=False)  # completion handled once (webhook enqueued)
    webhook_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    webhook_secret: Mapped[str | None] = mapped_column(Text, nullable=True)
    webhook_state: Mapped[str | None] = mapped_column(String(16), nullable=True)  # pending | delivered | failed
    webhook_attempts: Mapped[int] = mapped_column(Integer, default=0)
    webhook_error: Mapped[str | None] = mapped_column(Text, nullable=True)


class DocumentRow(Base):
    """One uploaded file of a job: its conversion, its Darija draft and its publication."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_status", "status"), Index("ix_documents_review", "review_state"))

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(Text)
    stem: Mapped[str] = mapped_column(String(100))
    source_path: Mapped[str] = mapped_column(Text)  # relative to the data dir
    format: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)

    # conversion
    status: Mapped[str] = mapped_column(String(16))  # queued running success partial_success failure cancelled
    stage: Mapped[str | None] = mapped_column(String(64), nullable=True)
    stages_done: Mapped[int] = mapped_column(Integer, default=0)
    stages_total: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    enqueued_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    started_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    finished_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    errors_json: Mapped[str] = mapped_column(Text, default="[]")
    timings_json: Mapped[str] = mapped_column(Text, default="{}")
    artifacts_json: Mapped[str] = mapped_column(Text, default="[]")
    title: Mapped[str | None] = mapped_column(Text, nullable=True)  # the document's own title, or the one staff set
    title_by: Mapped[str | None] = mapped_column(String(100), nullable=True)  # who set the title (None: the document's own)
    summary: Mapped[str | None] = mapped_column(Text, nullable=True)  # a short summary written by staff
    tags_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # staff's tags (JSON list)
    languages_json: Mapped[str] = mapped_column(Text, default="[]")

    # the operation in progress (convert or render) and its lease
    op: Mapped[str | None] = mapped_column(String(16), nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lease_expires: Mapped[float | None] = mapped_column(Float, nullable=True, index=True)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)

    # review and publishing
    review_state: Mapped[str | None] = mapped_column(String(16), nullable=True)  # draft reviewed published
    draft_json: Mapped[str | None] = mapped_column(Text, nullable=True)  # the Darija track (a Document)
    draft_revision: Mapped[int] = mapped_column(Integer, default=0)
    rendered_revision: Mapped[int] = mapped_column(Integer, default=0)
    render_state: Mapped[str | None] = mapped_column(String(16), nullable=True)  # queued running done failed
    render_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    reviewed_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    approved_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    approved_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    published_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    published_json: Mapped[str | None] = mapped_column(Text, nullable=True)  # files copied for the public

    @property
    def has_draft(self) -> bool:  # SQL reads compute the same with HAS_DRAFT_SQL
        """Also a column of the lean rows ``JobRepo.get`` returns (which leave the draft out)."""
        return bool(self.draft_json)


class WorkerRow(Base):
    __tablename__ = "workers"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[float] = mapped_column(Float)
    last_seen: Mapped[float] = mapped_column(Float, index=True)


# ``has_draft`` as a column of the plain-SQL reads (JobRepo.get, DocumentRepo.get)
HAS_DRAFT_SQL = "CASE WHEN draft_json IS NULL OR draft_json = '' THEN 0 ELSE 1 END AS has_draft"


class RevokedSessionRow(Base):
    """A staff web session ended by sign-out before its expiry (its cookie, even copied, is refused)."""

    __tablename__ = "revoked_sessions"

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    revoked_at: Mapped[float] = mapped_column(Float)
    expires_at: Mapped[float] = mapped_column(Float, index=True)  # the row is useless after this: purged
