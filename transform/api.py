"""The library's front door: ``convert`` one document, ``convert_many`` a batch."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .context import RunContext
from .errors import ErrorItem, TransformError
from .model import Document
from .options import TransformOptions
from .pipeline import render_document, run_pipeline
from .progress import NullProgress, ProgressReporter
from .result import ConversionResult, ConversionStatus

log = logging.getLogger("transform")


def safe_stem(name: str) -> str:
    """A file-name stem safe on every file system: letters, digits, ``-`` and ``_``, at most 80 characters."""
    stem = Path(name).stem if "." in name else name
    stem = re.sub(r"[^\w\-]+", "_", stem, flags=re.UNICODE).strip("._-")
    stem = re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", stem)
    return (stem or "document")[:80]


def convert(
    source: str | Path,
    options: TransformOptions | None = None,
    out_dir: str | Path = "taysir-out",
    *,
    progress: ProgressReporter | None = None,
    raises_on_error: bool = True,
    memory: object | None = None,
) -> ConversionResult:
    """Convert one document into the outputs named in ``options.outputs``.

    Files are written to ``out_dir/<stem>/``. A renderer that fails leaves an
    :class:`ErrorItem` and status ``partial_success``; a document that cannot be
    read raises :class:`TransformError` (or returns a failed result when
    ``raises_on_error`` is False). ``memory``: a translation memory and term base
    (:class:`transform.simplify.memory.Memory`) for the Darija draft, instead of the files named in
    ``options.simplify.memory``.
    """
    src = Path(source)
    options = options or TransformOptions()
    stem = safe_stem(src.name)
    ctx = RunContext(options=options, out_dir=Path(out_dir) / stem, stem=stem, source=src, progress=progress or NullProgress(), memory=memory)
    try:
        result = run_pipeline(src, ctx)
    except TransformError as exc:
        if raises_on_error:
            raise
        result = ConversionResult(
            source=str(src), status=ConversionStatus.FAILURE, errors=[ErrorItem.from_exception("convert", exc)], exit_code=exc.exit_code
        )
    except MemoryError:
        if raises_on_error:
            raise
        result = ConversionResult(
            source=str(src),
            status=ConversionStatus.FAILURE,
            errors=[ErrorItem(stage="convert", message=f"{src.name}: the document needs more memory than allowed.", code="too_large")],
            exit_code=2,
        )
    (progress or NullProgress()).document_done(str(src), result.status.value)
    return result


def render(doc: Document, options: TransformOptions | None = None, out_dir: str | Path = "taysir-out", stem: str | None = None) -> ConversionResult:
    """Render outputs from an existing Document (e.g. a reviewed Darija draft)."""
    options = options or TransformOptions()
    stem = stem or safe_stem(doc.meta.source_name or "document")
    ctx = RunContext(options=options, out_dir=Path(out_dir) / stem, stem=stem)
    return render_document(doc, ctx)


def expand_sources(sources: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every file inside given folders (sorted, hidden files skipped)."""
    out: list[Path] = []
    for s in sources:
        p = Path(s)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def _convert_one(args: tuple[Path, TransformOptions, Path]) -> ConversionResult:
    src, options, out_dir = args
    return convert(src, options, out_dir, raises_on_error=False)


def convert_many(
    sources: Iterable[str | Path],
    options: TransformOptions | None = None,
    out_dir: str | Path = "taysir-out",
    *,
    jobs: int = 1,
    progress: ProgressReporter | None = None,
) -> Iterator[ConversionResult]:
    """Convert a batch; a bad file yields a failed result and the batch goes on."""
    options = options or TransformOptions()
    files = expand_sources(sources)
    progress = progress or NullProgress()
    if jobs <= 1:
        for f in files:
            yield convert(f, options, out_dir, progress=progress, raises_on_error=False)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(_convert_one, [(f, options, Path(out_dir)) for f in files]):
            progress.document_done(result.source, result.status.value)
            yield result
