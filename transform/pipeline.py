"""The pipeline: ingest -> structure -> render, each renderer isolated."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from .context import RunContext
from .errors import ErrorItem, OptionsError, TransformError
from .ingest import ingest
from .model import Document, StageRecord
from .model.tracks import split_tracks
from .render import RENDERERS
from .result import ConversionResult, Timer
from .structure import build_structure

log = logging.getLogger("transform.pipeline")

# Renderers run in this order; an output's requirements are added before it.
ORDER = ["json", "text", "darija", "easy-french", "braille", "audio", "captions", "video", "html", "epub", "docx", "bundle"]


def plan_outputs(outputs: list[str]) -> list[str]:
    """Validate output names, add the outputs they require, and sort them in run order."""
    planned: list[str] = []

    def add(name: str, chain: tuple[str, ...] = ()) -> None:
        if name in planned:
            return
        if name in chain:
            raise OptionsError(f"Outputs depend on each other in a loop: {' -> '.join(chain + (name,))}.")
        factory = RENDERERS.get(name)  # raises OptionsError listing known names
        for req in getattr(factory, "requires", ()):
            add(req, chain + (name,))
        planned.append(name)

    if "all" in outputs:
        outputs = [n for n in RENDERERS.names() if n not in ("all",)]
    for name in outputs:
        add(name)
    rank = {n: i for i, n in enumerate(ORDER)}
    return sorted(planned, key=lambda n: (rank.get(n, len(ORDER)), n))


def render_all(ctx: RunContext, result: ConversionResult, outputs: list[str]) -> None:
    """Run each renderer; a failure becomes an ErrorItem and the others still run."""
    ctx.shared["artifacts"] = result.artifacts  # what earlier renderers made (the bundle lists them)
    for name in outputs:
        ctx.progress.stage(result.source, f"render.{name}")
        try:
            with Timer(result.timings, f"render.{name}"):
                renderer = RENDERERS.create(name)
                result.artifacts.extend(renderer.render(ctx))
        except TransformError as exc:
            log.warning("%s: %s failed: %s", result.source, name, exc)
            result.errors.append(ErrorItem.from_exception(f"render.{name}", exc))
        except Exception as exc:  # noqa: BLE001 - one broken renderer must not sink the others
            log.error("%s: %s crashed\n%s", result.source, name, traceback.format_exc())
            result.errors.append(ErrorItem.from_exception(f"render.{name}", exc))


def prepare(doc: Document, ctx: RunContext) -> None:
    ctx.document = doc
    ctx.tracks = split_tracks(doc)


def run_pipeline(source: Path, ctx: RunContext) -> ConversionResult:
    """Convert one file. Raises TransformError only for problems of the whole document."""
    result = ConversionResult(source=str(source), output_dir=str(ctx.out_dir))
    outputs = plan_outputs(ctx.options.outputs)
    ctx.out_dir.mkdir(parents=True, exist_ok=True)
    ctx.progress.stage(str(source), "ingest")
    with Timer(result.timings, "ingest"):
        doc = ingest(source, ctx)
    ctx.progress.stage(str(source), "structure")
    with Timer(result.timings, "structure"):
        doc = build_structure(doc)
    doc.provenance.append(StageRecord(stage="ingest+structure", seconds=result.timings["ingest"] + result.timings["structure"]))
    if ctx.options.keep_intermediates:
        (ctx.out_dir / f"{ctx.stem}.structure.json").write_text(doc.model_dump_json(indent=1), encoding="utf-8")
    prepare(doc, ctx)
    render_all(ctx, result, outputs)
    result.document = doc
    result.errors.extend(ctx.errors)
    return result.finish()


def render_document(doc: Document, ctx: RunContext) -> ConversionResult:
    """Render an existing Document (e.g. an approved Darija draft) without ingesting anything."""
    result = ConversionResult(source=doc.meta.source_name, output_dir=str(ctx.out_dir))
    outputs = plan_outputs(ctx.options.outputs)
    ctx.out_dir.mkdir(parents=True, exist_ok=True)
    prepare(doc, ctx)
    render_all(ctx, result, outputs)
    result.document = doc
    result.errors.extend(ctx.errors)
    return result.finish()
