"""Per-run context handed to every stage and renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ErrorItem
from .model import Document
from .options import TransformOptions
from .products import Products
from .progress import NullProgress, ProgressReporter


@dataclass
class RunContext:
    """Everything a stage may read or write for one document.

    ``tracks`` maps a language (``ar``, ``fr``, ``ary``...) to the part of the
    document in that language (the simplified tracks are added by the simplify
    stage, before any renderer runs); renderers produce one file set per track.
    ``products`` carries what stages and renderers hand each other (simplification
    results, narration timelines and files, caption cues, the files written so far).
    """

    options: TransformOptions
    out_dir: Path
    stem: str
    source: Path | None = None
    document: Document | None = None
    tracks: dict[str, Document] = field(default_factory=dict)
    products: Products = field(default_factory=Products)
    errors: list[ErrorItem] = field(default_factory=list)
    progress: ProgressReporter = field(default_factory=NullProgress)
    memory: Any = None  # translation memory and term base (transform.simplify.memory.Memory), or None

    def file(self, lang: str | None, ext: str) -> Path:
        """Output path named so a person can tell files apart: ``budget.ary.brf``."""
        name = f"{self.stem}.{lang}.{ext}" if lang else f"{self.stem}.{ext}"
        return self.out_dir / name

    def warn(self, stage: str, message: str, **kw: Any) -> None:
        self.errors.append(ErrorItem(stage=stage, message=message, severity="warning", **kw))

    def track_langs(self) -> list[str]:
        wanted = self.options.languages
        return [lang for lang in self.tracks if wanted is None or lang in wanted]
