"""Deployment settings of the HTTP service (environment variables with the ``TAYSIR_`` prefix).

Per-run choices (outputs, engines...) are not here: they are ``transform.TransformOptions``,
sent with each job. Get the settings through :func:`get_settings` (cached), never at import time;
tests override the ``get_settings`` dependency or pass settings to ``create_app``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    """Everything an operator may tune; each field is ``TAYSIR_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="TAYSIR_", env_ignore_empty=True, extra="ignore")

    data_dir: Path = Field(Path("data"), description="Where the database, the queue, uploads and outputs live.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default sqlite:///<data_dir>/taysir.sqlite3 (a PostgreSQL URL works).")
    redis_url: str | None = Field(None, description="When set, jobs go through RedisHuey at this URL (many workers, many machines).")
    queue_name: str = Field("taysir", description="Name of the huey queue (several deployments can share one Redis).")

    llm_base_url: str = Field("", description="OpenAI-compatible endpoint for the `llm` simplifier; jobs cannot choose their own (empty: the llm engine is refused).")
    llm_model: str = Field("", description="Model name sent to TAYSIR_LLM_BASE_URL; its key is read from TAYSIR_LLM_API_KEY.")

    allow_gtts: bool = Field(False, description="Let jobs choose audio.engine='gtts' (sends document text to Google; needs internet).")

    host: str = Field("127.0.0.1", description="Address `taysir serve` listens on.")
    port: int = Field(8000, description="Port `taysir serve` listens on.")
    public_url: str | None = Field(None, description="Base URL printed by `taysir serve` (default http://host:port).")
    embedded_workers: int = Field(2, ge=0, description="Consumer threads started inside `taysir serve` (0: rely on `taysir worker`).")
    api_processes: int = Field(
        0, ge=0, le=64,
        description="HTTP server processes of `taysir serve` (0: one per two CPUs, at most 4). With more than one, the "
                    "embedded consumers run in the parent process and the API processes only answer requests.",
    )

    max_upload_mb: float = Field(100, gt=0, description="Largest request body accepted (all files of a job together), in MiB.")
    max_form_kb: float = Field(16, gt=0, description="Largest body of every other request (sign-in, sign-out, actions), in KiB: "
                                                    "enforced while reading, before any authentication.")
    max_json_mb: float = Field(8, gt=0, description="Largest body of a reviewed text (PUT/PATCH .../draft, the review page's form), in MiB.")
    header_timeout_s: float = Field(10, gt=0, description="Time a client has to send a request's headers (slow-header attacks).")
    body_idle_timeout_s: float = Field(30, gt=0, description="A request body that stalls this long is refused with 408.")
    body_min_rate_kbs: float = Field(1, ge=0, description="After body_grace_s, a request body must arrive at this average rate (KiB/s) "
                                                          "or it is refused with 408 (slow-body attacks; 0: no minimum).")
    body_grace_s: float = Field(10, ge=0, description="Seconds before body_min_rate_kbs applies.")
    max_connections: int = Field(512, ge=1, description="Open connections and requests per API process before new ones get 503.")
    min_free_mb: float = Field(512, ge=0, description="Free space kept on the data directory's disk for the database: uploads that would "
                                                     "use it get 507, conversions do not start below it and stop under half of it.")
    session_idle_s: int = Field(1800, gt=0, description="A staff web session unused this long ends.")
    session_max_s: int = Field(8 * 3600, gt=0, description="A staff web session ends this long after sign-in, used or not.")
    trusted_origins: list[str] = Field(default_factory=list, description="Origins (https://host[:port]) allowed to send state-changing "
                                                                         "requests besides the server's own (e.g. behind a proxy).")
    max_pages: int = Field(500, ge=1, description="Pages allowed per document (caps options.max_pages).")
    max_files_per_job: int = Field(20, ge=1, description="Files allowed in one job.")
    max_queue_depth: int = Field(100, ge=1, description="Documents waiting in the queue before new jobs get 429.")
    job_timeout_s: float = Field(900, gt=0, description="Wall-clock limit for converting (or re-rendering) one document.")
    sync_timeout_s: float = Field(60, gt=0, description="How long POST /v1/convert waits before answering 503.")
    max_wait_s: float = Field(60, gt=0, description="Longest ?wait= accepted by GET /v1/jobs/{id}.")

    worker_nice: int = Field(10, ge=0, le=19, description="Niceness of conversion processes, so the API stays responsive under load.")
    worker_mem_mb: int = Field(4096, ge=0, description="Address-space limit of each conversion process and the tools it starts, in MiB (0: none).")
    lease_s: float = Field(30, gt=0, description="A running document whose worker stops renewing its lease this long is re-queued.")
    max_attempts: int = Field(3, ge=1, description="Times a document is tried when its worker dies before it is marked failed.")

    webhook_secret: str | None = Field(None, description="Default HMAC-SHA256 key for completion webhooks (a job may give its own).")
    webhook_timeout_s: float = Field(10, gt=0, description="Timeout of one webhook delivery attempt.")
    webhook_retries: int = Field(5, ge=0, description="Extra delivery attempts after a failure.")
    webhook_backoff_s: float = Field(2, ge=0, description="Delay before the first retry; doubled at each retry.")
    webhook_allow_private: bool = Field(False, description="Allow webhook targets on loopback/private/link-local addresses.")

    cache_max_age_s: int = Field(3600, ge=0, description="Cache-Control max-age of public downloads.")
    publish_exclude_roles: list[str] = Field(
        default_factory=lambda: ["json"], description="Artefact roles never copied to the public catalogue."
    )
    publish_exclude_patterns: list[str] = Field(
        default_factory=lambda: ["*.quality.*", "*.review.*", "*review*.docx", "*.draft.json", "*.translation-tasks.txt", "*.structure.json"],
        description="File-name patterns (staff working files: quality reports, review files, drafts) never published.",
    )

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'taysir.sqlite3').resolve()}"

    @property
    def api_process_count(self) -> int:
        return self.api_processes or max(1, min(4, (os.cpu_count() or 1) // 2))

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def min_free_bytes(self) -> int:
        return int(self.min_free_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> ServiceSettings:
    """Settings read once from the environment (a FastAPI dependency; override it in tests)."""
    return ServiceSettings()
