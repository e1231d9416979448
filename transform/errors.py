"""Typed errors shared by the library, the CLI and the HTTP service.

Every error carries an ``exit_code`` for the CLI and an ``http_status`` for the
service, plus a stable ``code`` string that API clients can match on::

    TransformError                 exit  http  code
    ├── OptionsError                 1    400  bad_options
    ├── InputError                   2    422  bad_input
    │   └── UnsupportedFormatError   2    415  unsupported_format
    ├── MissingDependencyError       3    503  missing_dependency
    ├── OutputError                  5    500  output_failed
    ├── EngineError                  7    502  engine_failed
    │   └── LanguageNotSupportedError 7   422  language_not_supported
    └── ToolError                    7    500  tool_failed

Messages are written for the person who will read them: what is wrong and what
to do about it.
"""

from __future__ import annotations

import errno
from enum import IntEnum

from pydantic import BaseModel


class ExitCode(IntEnum):
    """Process exit codes of the ``taysir`` command."""

    OK = 0
    BAD_ARGS = 1
    INPUT_FILE = 2
    MISSING_DEPENDENCY = 3
    PARTIAL = 4
    OUTPUT = 5
    ENGINE = 7
    INTERRUPTED = 130


class TransformError(Exception):
    """Base class: a problem the user can understand and act on."""

    exit_code: int = ExitCode.ENGINE
    http_status: int = 500
    code: str = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} {self.hint}"
        return self.message

    def to_dict(self) -> dict[str, object]:
        """Serialisable form used by the CLI (``--json``) and the HTTP service."""
        return {"code": self.code, "message": self.message, "hint": self.hint}


class OptionsError(TransformError):
    exit_code = ExitCode.BAD_ARGS
    http_status = 400
    code = "bad_options"


class InputError(TransformError):
    exit_code = ExitCode.INPUT_FILE
    http_status = 422
    code = "bad_input"


class UnsupportedFormatError(InputError):
    http_status = 415
    code = "unsupported_format"


class MissingDependencyError(TransformError):
    exit_code = ExitCode.MISSING_DEPENDENCY
    http_status = 503
    code = "missing_dependency"


class OutputError(TransformError):
    exit_code = ExitCode.OUTPUT
    http_status = 500
    code = "output_failed"


class EngineError(TransformError):
    exit_code = ExitCode.ENGINE
    http_status = 502
    code = "engine_failed"


class LanguageNotSupportedError(EngineError):
    http_status = 422
    code = "language_not_supported"


class ToolError(TransformError):
    exit_code = ExitCode.ENGINE
    http_status = 500
    code = "tool_failed"


class ErrorItem(BaseModel):
    """A problem recorded on a result without stopping the run."""

    stage: str
    message: str
    code: str = "error"
    severity: str = "error"  # "error" | "warning"
    engine: str | None = None
    hint: str | None = None

    @classmethod
    def from_exception(cls, stage: str, exc: BaseException, *, engine: str | None = None) -> ErrorItem:
        if isinstance(exc, TransformError):
            return cls(stage=stage, message=exc.message, code=exc.code, engine=engine, hint=exc.hint)
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):  # no server path in the message
            return cls(stage=stage, message="The disk is full: the output could not be written.", code=OutputError.code,
                       engine=engine, hint="Free disk space (or raise the quota) and convert the document again.")
        return cls(stage=stage, message=f"{type(exc).__name__}: {exc}", code="internal_error", engine=engine)
