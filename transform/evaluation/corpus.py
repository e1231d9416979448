"""The real-document corpus manifest (tests/realdocs/corpus.toml) and scoring one of its documents."""

from __future__ import annotations

import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document
from .fidelity import score_document
from .report import DocScore
from .truth import TruthFormatError, load_truth_dir


@dataclass
class CorpusDoc:
    id: str
    file: str
    root: Path  # the folder of corpus.toml
    kind: str = "other"
    langs: list[str] = field(default_factory=list)
    layer: str | None = None
    truth: list[int] = field(default_factory=list)
    fast: bool = False

    @property
    def path(self) -> Path:
        return self.root / self.file

    @property
    def truth_dir(self) -> Path:
        return self.root / "truth" / self.id

    def truth_files(self) -> list[Path]:
        d = self.truth_dir
        return sorted(d.glob("p[0-9][0-9][0-9]*.md")) if d.is_dir() else []


class CorpusError(ValueError):
    """corpus.toml is missing or malformed."""


def load_corpus(manifest: Path) -> list[CorpusDoc]:
    """Every ``[[doc]]`` of corpus.toml, in file order."""
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CorpusError(f"{manifest}: not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{manifest}: {exc}") from exc
    docs = []
    for k, entry in enumerate(data.get("doc", [])):
        if "id" not in entry:
            raise CorpusError(f"{manifest}: [[doc]] number {k + 1} has no id")
        docs.append(CorpusDoc(
            id=str(entry["id"]), file=str(entry.get("file", "")), root=manifest.parent, kind=str(entry.get("kind", "other")),
            langs=list(entry.get("langs", [])), layer=entry.get("layer"), truth=[int(p) for p in entry.get("truth", [])],
            fast=bool(entry.get("fast", False)),
        ))  # fmt: skip
    return docs


def read_document(path: Path, ocr: str = "auto") -> Document:
    """What Taysir reads from a file: ``ingest`` then ``build_structure`` (nothing written next to it)."""
    from ..context import RunContext
    from ..ingest import ingest
    from ..options import TransformOptions
    from ..structure import build_structure

    with tempfile.TemporaryDirectory(prefix="taysir-fidelity-") as tmp:
        options = TransformOptions.model_validate({"ocr": ocr})
        ctx = RunContext(options=options, out_dir=Path(tmp), stem=path.stem, source=path)
        return build_structure(ingest(path, ctx))


def score_corpus_doc(cd: CorpusDoc, ocr: str = "auto") -> DocScore:
    """Read and score one corpus document; a missing file, bad truth or reading failure becomes ``error``."""
    ds = DocScore(id=cd.id, file=cd.file)
    try:
        truth = load_truth_dir(cd.truth_dir)
    except TruthFormatError as exc:
        ds.error = f"bad truth page: {exc}"
        return ds
    listed, present = set(cd.truth), {t.page for t in truth}
    if not cd.file or not cd.path.is_file():
        ds.error = f"file missing: {cd.file or '(no file in corpus.toml)'}"
        return ds
    if listed - present:
        ds.error = f"truth page(s) listed in corpus.toml but not in truth/{cd.id}/: {sorted(listed - present)}"
        return ds
    t0 = time.perf_counter()
    try:
        doc = read_document(cd.path, ocr)
    except Exception as exc:  # the bench reports a reader failure per document and goes on
        ds.error = f"reading failed: {type(exc).__name__}: {exc}"
        ds.ingest_seconds = time.perf_counter() - t0
        return ds
    ds.ingest_seconds = time.perf_counter() - t0
    scored = score_document(doc, truth, cd.id)
    scored.file, scored.ingest_seconds = cd.file, ds.ingest_seconds
    return scored
