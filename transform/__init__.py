"""Taysir: accessible formats (simplified Darija, braille, narration, captioned video, HTML/EPUB)
from official documents in Arabic and French.

    >>> from transform import convert, TransformOptions
    >>> result = convert("budget.pdf", TransformOptions(outputs=["braille", "audio"]), "out")
"""

from __future__ import annotations

from .api import convert, convert_many, render
from .errors import (
    EngineError,
    ErrorItem,
    ExitCode,
    InputError,
    LanguageNotSupportedError,
    MissingDependencyError,
    OptionsError,
    OutputError,
    ToolError,
    TransformError,
    UnsupportedFormatError,
)
from .model import Document
from .options import TransformOptions
from .result import Artifact, ConversionResult, ConversionStatus

__version__ = "0.1.0"

__all__ = [
    "Artifact",
    "ConversionResult",
    "ConversionStatus",
    "Document",
    "EngineError",
    "ErrorItem",
    "ExitCode",
    "InputError",
    "LanguageNotSupportedError",
    "MissingDependencyError",
    "OptionsError",
    "OutputError",
    "ToolError",
    "TransformError",
    "TransformOptions",
    "UnsupportedFormatError",
    "convert",
    "convert_many",
    "render",
]
