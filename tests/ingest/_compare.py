"""Helpers shared by the ingest tests: load a document through the real pipeline stages, compare texts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from rapidfuzz.fuzz import ratio

from transform.context import RunContext
from transform.ingest import ingest
from transform.model import Document
from transform.model.walk import iter_sentences
from transform.options import TransformOptions
from transform.structure import build_structure

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE_NAMES = ["budget-citoyen-2026", "programme-developpement-regional", "deliberation-conseil"]


def load(path: Path, **options: object) -> Document:
    ctx = RunContext(options=TransformOptions(**options), out_dir=path.parent, stem=path.stem, source=path)  # type: ignore[arg-type]
    return build_structure(ingest(path, ctx))


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def text_by_lang(doc: Document) -> dict[str, str]:
    """All sentence text in reading order, one string per effective language."""
    parts: dict[str, list[str]] = {}
    for loc in iter_sentences(doc):
        parts.setdefault(loc.lang, []).append(loc.sentence.text)
    return {lang: normalise(" ".join(p)) for lang, p in parts.items()}


def similarity(a: str, b: str) -> float:
    return ratio(a, b) / 100.0
