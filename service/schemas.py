"""Request and response models of the HTTP API (what OpenAPI shows)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

DocStatus = Literal["queued", "running", "success", "partial_success", "failure", "cancelled"]
JobState = Literal["queued", "running", "success", "partial_success", "failure", "cancelled"]
ReviewState = Literal["draft", "reviewed", "published"]


class ErrorItemOut(BaseModel):
    stage: str
    code: str
    message: str
    severity: str = "error"
    hint: str | None = None
    engine: str | None = None


class ArtifactInfo(BaseModel):
    path: str = Field(description="Path inside the job (and the bundle): <stem>/<file name>.")
    name: str
    media_type: str
    role: str = Field(description="The output it belongs to: text, braille, audio...")
    lang: str | None = None
    size: int
    sha256: str
    url: str


class DocumentStatus(BaseModel):
    id: str
    filename: str
    format: str
    size: int
    status: DocStatus
    stage: str | None = None
    stages_done: int = 0
    stages_total: int = 0
    progress: float = Field(0.0, ge=0, le=1)
    attempts: int = 0
    title: str | None = None
    languages: list[str] = []
    review_state: ReviewState | None = None
    has_draft: bool = False
    started_at: datetime | None = None
    finished_at: datetime | None = None
    errors: list[ErrorItemOut] = []
    artifacts: list[ArtifactInfo] = []


class WebhookInfo(BaseModel):
    url: str
    state: str | None = None
    attempts: int = 0
    error: str | None = None


class JobStatus(BaseModel):
    job_id: str
    status: JobState
    created_at: datetime
    finished_at: datetime | None = None
    progress: float = Field(0.0, ge=0, le=1)
    documents: list[DocumentStatus]
    webhook: WebhookInfo | None = None
    links: dict[str, str] = {}


class JobCreated(JobStatus):
    queue_position: int = Field(0, description="Documents waiting ahead of this job when it was accepted.")


class JobList(BaseModel):
    jobs: list[JobStatus]
    total: int


class ArtifactList(BaseModel):
    job_id: str
    artifacts: list[ArtifactInfo]


class Segment(BaseModel):
    id: str = Field(description="Sentence id (stable across review and re-rendering).")
    source: str = Field(description="The original sentence (MSA or French).")
    text: str = Field(description="The Darija text.")
    status: str = Field("ok", description="ok | needs_review | needs_human (from the simplifier), or reviewed.")
    reasons: list[str] = []
    edited: bool = False
    lang: str | None = None


class DraftView(BaseModel):
    document_id: str
    review_state: ReviewState | None
    revision: int
    rendered_revision: int
    render_state: str | None = None
    segments: list[Segment]


class SegmentEdit(BaseModel):
    id: str
    text: str


class DraftSubmit(BaseModel):
    revision: int | None = Field(None, description="The revision you edited (GET .../draft); a newer one gives 409.")
    segments: list[SegmentEdit]


class DocumentView(BaseModel):
    id: str
    job_id: str
    filename: str
    title: str | None
    status: DocStatus
    languages: list[str]
    review_state: ReviewState | None
    has_draft: bool
    draft_revision: int
    rendered_revision: int
    render_state: str | None = None
    render_error: str | None = None
    reviewed_by: str | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None
    published_at: datetime | None = None
    artifacts: list[ArtifactInfo] = []
    links: dict[str, str] = {}


class DocumentList(BaseModel):
    documents: list[DocumentView]


class PublicFile(BaseModel):
    name: str
    role: str
    lang: str | None
    media_type: str
    size: int
    url: str


class CatalogueEntry(BaseModel):
    id: str
    title: str
    languages: list[str]
    published_at: datetime
    formats: list[PublicFile]


class Catalogue(BaseModel):
    documents: list[CatalogueEntry]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str


class Check(BaseModel):
    ok: bool
    version: str | None = None
    detail: str | None = None


class Ready(BaseModel):
    ready: bool
    checks: dict[str, Check]


class Engines(BaseModel):
    outputs: dict[str, bool]
    simplifiers: dict[str, bool]
    tts: dict[str, bool] = {}
    braille: dict[str, bool] = {}
