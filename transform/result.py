"""Results of a conversion."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, model_validator

from .errors import ErrorItem, ExitCode
from .model import Document

# Severities that never make a run less than a success; any other value (``error``, ``Error``,
# ``fatal``, a typo...) counts as an error, so that a status can only err on the side of caution.
NOT_ERRORS = frozenset({"warning", "info", "notice"})


def is_error(item: ErrorItem) -> bool:
    """True when ``item`` is an error (not a warning or a note)."""
    return str(item.severity).strip().lower() not in NOT_ERRORS


class ConversionStatus(StrEnum):
    SUCCESS = "success"
    PARTIAL_SUCCESS = "partial_success"
    FAILURE = "failure"


class Artifact(BaseModel):
    """One file produced by a renderer, relative to the output directory."""

    name: str  # file name relative to the output directory
    media_type: str
    role: str  # the output it belongs to: "braille", "audio", ...
    lang: str | None = None
    size: int = 0
    description: str = ""


class ConversionResult(BaseModel):
    source: str
    status: ConversionStatus = ConversionStatus.SUCCESS
    output_dir: str | None = None
    document: Document | None = None
    artifacts: list[Artifact] = []
    errors: list[ErrorItem] = []
    timings: dict[str, float] = {}
    exit_code: int = 0

    def path(self, artifact: Artifact) -> Path:
        assert self.output_dir is not None
        return Path(self.output_dir) / artifact.name

    def find(self, role: str, lang: str | None = None, suffix: str | None = None) -> list[Artifact]:
        """Artifacts of one output, optionally of one language and file suffix."""
        return [
            a
            for a in self.artifacts
            if a.role == role and (lang is None or a.lang == lang) and (suffix is None or a.name.endswith(suffix))
        ]

    def finish(self) -> ConversionResult:
        """Set ``status`` and ``exit_code`` from what the run produced (issue 21: statuses tell the truth).

        * ``success`` (exit 0): a document and no error item (warnings do not count);
        * ``partial_success`` (exit 4, ``ExitCode.PARTIAL``): some outputs made, at least one error;
        * ``failure``: no document (exit code of the error, else 2), or errors and no output at all (exit 5).
        """
        hard = [e for e in self.errors if is_error(e)]
        if self.document is None:
            self.status = ConversionStatus.FAILURE
            self.exit_code = self.exit_code or ExitCode.INPUT_FILE
        elif hard and not self.artifacts:  # every output asked for failed: nothing to hand over
            self.status = ConversionStatus.FAILURE
            self.exit_code = self.exit_code or ExitCode.OUTPUT
        elif hard:
            self.status = ConversionStatus.PARTIAL_SUCCESS
            self.exit_code = ExitCode.PARTIAL
        else:
            self.status = ConversionStatus.SUCCESS
            self.exit_code = 0
        return self

    @model_validator(mode="after")
    def _no_success_with_errors(self) -> ConversionResult:
        """A result built by hand cannot say ``success`` while listing an error (it is never promoted)."""
        if self.status == ConversionStatus.SUCCESS and any(is_error(e) for e in self.errors):
            self.finish()
        elif self.status == ConversionStatus.PARTIAL_SUCCESS and not self.exit_code:
            self.exit_code = ExitCode.PARTIAL
        return self


class Timer:
    """Context manager adding elapsed seconds to ``timings[name]``."""

    def __init__(self, timings: dict[str, float], name: str) -> None:
        self.timings, self.name = timings, name

    def __enter__(self) -> Timer:
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timings[self.name] = round(self.timings.get(self.name, 0.0) + time.perf_counter() - self.t0, 4)
