"""Documents after conversion: the Darija draft, re-rendering, approval and publication."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import select, update

from .db import Database
from .jobs import INTERNALS, log, plain_text
from .tables import HAS_DRAFT_SQL, DocumentRow

DOC_SQL = (f"SELECT {', '.join(c.name for c in DocumentRow.__table__.columns)}, "
           f"{HAS_DRAFT_SQL} FROM documents WHERE id = :id")


class DocumentRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, doc_id: str) -> DocumentRow | None:
        """A read-only row (attribute access like the ORM object, ``has_draft`` included)."""
        (rows,) = self.db.select([(DOC_SQL, {"id": doc_id})])
        return rows[0] if rows else None

    def find(self, *, review_state: str | None = None, limit: int = 100, offset: int = 0) -> list[DocumentRow]:
        q = select(DocumentRow).order_by(DocumentRow.created_at.desc(), DocumentRow.position)
        if review_state:
            q = q.where(DocumentRow.review_state == review_state)
        with self.db.read() as s:
            return list(s.scalars(q.limit(limit).offset(offset)))

    def published(self) -> list[DocumentRow]:
        with self.db.read() as s:
            return list(s.scalars(select(DocumentRow).where(DocumentRow.review_state == "published").order_by(DocumentRow.published_at.desc())))

    def _update(self, doc_id: str, *conds: Any, **values: Any) -> bool:
        values.setdefault("updated_at", time.time())
        with self.db.write() as s:
            res = s.execute(update(DocumentRow).where(DocumentRow.id == doc_id, *conds).values(**values))
            return bool(res.rowcount)

    def save_draft(self, doc_id: str, draft_json: str, *, expected_revision: int, reviewer: str) -> bool:
        """Store reviewed text (optimistic: fails when someone saved in between)."""
        return self._update(
            doc_id,
            DocumentRow.draft_revision == expected_revision,
            DocumentRow.review_state.in_(("draft", "reviewed")),
            draft_json=draft_json, draft_revision=expected_revision + 1, review_state="draft",
            reviewed_by=reviewer, reviewed_at=time.time(), approved_by=None, approved_at=None,
        )

    def queue_render(self, doc_id: str) -> bool:
        return self._update(doc_id, DocumentRow.render_state.is_distinct_from("running"), render_state="queued", render_error=None)

    def finish_render(self, doc_id: str, owner: str, *, revision: int, artifacts: list[dict[str, Any]] | None, error: str | None) -> bool:
        values: dict[str, Any] = {"op": None, "lease_owner": None, "lease_expires": None}
        if error is None and artifacts is not None:
            values.update(render_state="done", render_error=None, rendered_revision=revision, artifacts_json=json.dumps(artifacts, ensure_ascii=False))
        else:
            if error and INTERNALS.search(error):
                log.warning("document %s: re-render failed: %s", doc_id, error[:2000])
                error = plain_text(error)
            values.update(render_state="failed", render_error=error)
        return self._update(doc_id, DocumentRow.lease_owner == owner, **values)

    def approve(self, doc_id: str, who: str, revision: int, *, draft_json: str | None = None) -> bool:
        extra = {"draft_json": draft_json} if draft_json is not None else {}
        return self._update(
            doc_id, DocumentRow.review_state == "draft", DocumentRow.draft_revision == revision,
            review_state="reviewed", approved_by=who, approved_at=time.time(), **extra,
        )

    def publish(self, doc_id: str, files: list[dict[str, Any]]) -> bool:
        return self._update(
            doc_id, DocumentRow.review_state == "reviewed",
            review_state="published", published_at=time.time(), published_json=json.dumps(files, ensure_ascii=False),
        )

    def describe(self, doc_id: str, *, title: str | None, summary: str | None, tags: list[str], who: str | None) -> bool:
        """Staff's title (None keeps the document's own), short summary and tags. ``who`` marks the title as set by a person."""
        values: dict[str, Any] = {"summary": summary, "tags_json": json.dumps(tags, ensure_ascii=False)}
        if title:
            values.update(title=title, title_by=who)
        return self._update(doc_id, **values)

    def unpublish(self, doc_id: str) -> bool:
        return self._update(doc_id, DocumentRow.review_state == "published", review_state="reviewed", published_at=None, published_json=None)

    def set_artifacts(self, doc_id: str, artifacts: list[dict[str, Any]], *, expected: str) -> bool:
        """Replace the document's file list if it is still ``expected`` (staff adding the sign-language video)."""
        return self._update(doc_id, DocumentRow.artifacts_json == expected, artifacts_json=json.dumps(artifacts, ensure_ascii=False))
