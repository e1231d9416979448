"""Progress reporting: one Protocol for the CLI bar, logs and service jobs."""

from __future__ import annotations

from typing import Protocol


class ProgressReporter(Protocol):
    def stage(self, source: str, stage: str, detail: str = "") -> None: ...

    def document_done(self, source: str, status: str) -> None: ...


class NullProgress:
    def stage(self, source: str, stage: str, detail: str = "") -> None:
        pass

    def document_done(self, source: str, status: str) -> None:
        pass

