"""Progress reporting: one Protocol for the CLI bar, logs and service jobs."""

from __future__ import annotations

import logging
from typing import Protocol

log = logging.getLogger("transform.progress")


class ProgressReporter(Protocol):
    def stage(self, source: str, stage: str, detail: str = "") -> None: ...

    def document_done(self, source: str, status: str) -> None: ...


class NullProgress:
    def stage(self, source: str, stage: str, detail: str = "") -> None:
        pass

    def document_done(self, source: str, status: str) -> None:
        pass


class LoggingProgress:
    def stage(self, source: str, stage: str, detail: str = "") -> None:
        log.info("%s: %s %s", source, stage, detail)

    def document_done(self, source: str, status: str) -> None:
        log.info("%s: %s", source, status)
