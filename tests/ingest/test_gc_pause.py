"""The cyclic collector is paused over a whole PDF reading and over the structure stage, and always resumes.

Every collection run while a document is read walks all of its lines and frees nothing; the one
that follows a pause walks all that the pause let build up. The PDF ingester therefore resumes
collection only once the reading's frame (every page's lines) is gone, and ``build_structure``
pauses it while it builds sentences. What is checked: the number of collections over one
ingest + structure of a real 8-page law (main before this change: five to six per run; a pause
that ends too early or in the wrong place gives more), and that collection is on again after a
reading, a structure stage and a reading that ends in a typed error.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from transform.context import RunContext
from transform.errors import InputError
from transform.ingest import ingest
from transform.options import TransformOptions
from transform.structure import build_structure

ROOT = Path(__file__).resolve().parents[2]
LAW = ROOT / "tests" / "realdocs" / "files" / "bo-fr-loi-cadre-50-21.pdf"
IMAGE_ONLY = ROOT / "tests" / "resources" / "bad-image-only.pdf"


def _read(path: Path, ocr: str = "auto") -> object:
    ctx = RunContext(options=TransformOptions(ocr=ocr), out_dir=path.parent, stem=path.stem, source=path)
    return build_structure(ingest(path, ctx))


def test_collections_during_a_reading_are_few_and_collection_resumes() -> None:
    assert gc.isenabled()
    _read(LAW)  # warm: imports and caches
    counts = [0, 0, 0]

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            counts[info["generation"]] += 1

    gc.callbacks.append(count)
    try:
        for _ in range(4):
            doc = _read(LAW)
    finally:
        gc.callbacks.remove(count)
    assert gc.isenabled()
    text = " ".join(s.text for sec in doc.sections for b in sec.blocks for s in getattr(b, "sentences", []))  # type: ignore[attr-defined]
    assert "loi-cadre" in text.lower() or "loi cadre" in text.lower()
    # one deferred young collection per reading at most (main: 5-6 per reading, and a middle-aged one every other)
    assert sum(counts) <= 4 * 2, counts


def test_collection_resumes_after_a_typed_error() -> None:
    assert gc.isenabled()
    with pytest.raises(InputError):
        _read(IMAGE_ONLY, ocr="never")
    assert gc.isenabled()


def test_a_pause_the_caller_made_is_left_alone() -> None:
    gc.disable()
    try:
        _read(LAW, ocr="never")
        assert not gc.isenabled()
    finally:
        gc.enable()
