"""The Darija draft as the HTTP API shows and stores it.

Validation, edits and approval are the library's review API (:mod:`transform.simplify.review`),
the same one ``taysir review`` uses; this module only reads the draft kept in the database and
turns the library's review segments and problems into the API's models.
"""

from __future__ import annotations

from typing import Any

from transform.model import Document
from transform.simplify.review import ReviewProblem
from transform.simplify.review import segments as review_segments

from .schemas import Segment


def load(draft_json: str) -> Document:
    """The draft as stored in the database (a Document JSON)."""
    return Document.model_validate_json(draft_json)


def segments(draft: Document) -> list[Segment]:
    return [Segment(id=s.id, source=s.source, text=s.text, status=s.status, reasons=s.reasons, edited=s.edited, lang=s.lang)
            for s in review_segments(draft)]


def details(problems: list[ReviewProblem]) -> list[dict[str, Any]]:
    """Problems as ``error.details`` entries (one per segment and problem)."""
    return [p.model_dump() for p in problems]
