"""The pipeline, stage by stage: ingest -> structure -> tracks -> simplify -> render.

=========  ==================================================  ===============================
stage      typed result                                        made by
=========  ==================================================  ===============================
ingest     Document: blocks as read from the file              transform.ingest
structure  Document: sections, sentences, languages, ids       transform.structure
tracks     ``ctx.tracks``: language -> Document                 transform.model.tracks
simplify   ``ctx.products.simplified``: target -> Simplification transform.simplify.stage
           (and the simplified track in ``ctx.tracks``)
render     list[Artifact]; ``ctx.products`` (timelines,        the renderers, in the order their
           narrations, caption cues, files so far)              declarations give (render.plan)
=========  ==================================================  ===============================

A simplification or a renderer that fails becomes an :class:`ErrorItem` (status
``partial_success``) and the others still run; only a document that cannot be read at all
raises.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from .context import RunContext
from .errors import ErrorItem, TransformError
from .ingest import ingest
from .model import Document, StageRecord
from .model.tracks import split_tracks
from .options import TransformOptions
from .render import RENDERERS
from .render.plan import Plan, make_plan, plan_outputs
from .result import Artifact, ConversionResult, Timer
from .simplify.stage import simplify_track
from .simplify.stage import stage_name as simplify_stage_name
from .structure import build_structure

log = logging.getLogger("transform.pipeline")
T = TypeVar("T")

__all__ = ["run_pipeline", "render_document", "plan_outputs", "make_plan", "stage_names"]


def run_pipeline(source: Path, ctx: RunContext) -> ConversionResult:
    """Convert one file. Raises TransformError only for problems of the whole document."""
    result = ConversionResult(source=str(source), output_dir=str(ctx.out_dir))
    plan = make_plan(ctx.options.outputs)
    ctx.out_dir.mkdir(parents=True, exist_ok=True)
    doc = ingest_stage(source, ctx, result)
    doc = structure_stage(doc, ctx, result)
    return _from_structure(doc, ctx, plan, result)


def render_document(doc: Document, ctx: RunContext) -> ConversionResult:
    """Render an existing Document (e.g. a reviewed Darija draft) without ingesting anything."""
    result = ConversionResult(source=doc.meta.source_name, output_dir=str(ctx.out_dir))
    plan = make_plan(ctx.options.outputs)
    ctx.out_dir.mkdir(parents=True, exist_ok=True)
    return _from_structure(doc, ctx, plan, result)


def _from_structure(doc: Document, ctx: RunContext, plan: Plan, result: ConversionResult) -> ConversionResult:
    tracks_stage(doc, ctx)
    simplify_stage(ctx, plan, result)
    render_stage(ctx, plan, result)
    result.document = doc
    result.errors.extend(ctx.errors)
    return result.finish()


def ingest_stage(source: Path, ctx: RunContext, result: ConversionResult) -> Document:
    """The file as a Document of blocks (format detected from the content)."""
    ctx.progress.stage(str(source), "ingest")
    with Timer(result.timings, "ingest"):
        return ingest(source, ctx)


def structure_stage(doc: Document, ctx: RunContext, result: ConversionResult) -> Document:
    """Sections, sentences, languages and stable ids."""
    ctx.progress.stage(result.source, "structure")
    with Timer(result.timings, "structure"):
        doc = build_structure(doc)
    doc.provenance.append(StageRecord(stage="ingest+structure", seconds=result.timings["ingest"] + result.timings["structure"]))
    if ctx.options.keep_intermediates:
        (ctx.out_dir / f"{ctx.stem}.structure.json").write_text(doc.model_dump_json(indent=1), encoding="utf-8")
    return doc


def tracks_stage(doc: Document, ctx: RunContext) -> dict[str, Document]:
    """One Document per language of the source (the simplify stage adds the simplified ones)."""
    ctx.document = doc
    ctx.tracks = split_tracks(doc)
    return ctx.tracks


def simplify_stage(ctx: RunContext, plan: Plan, result: ConversionResult) -> None:
    """The simplified tracks the outputs need (``ary``, ``fr-x-falc``), before any renderer runs."""
    for target in plan.simplify:
        stage = simplify_stage_name(target)
        sim = _isolated(ctx, result, stage, partial(simplify_track, ctx, target))
        if sim is not None:
            ctx.products.simplified[target] = sim
            ctx.tracks[target] = sim.document


def render_stage(ctx: RunContext, plan: Plan, result: ConversionResult) -> None:
    """Each renderer in plan order; what it writes is listed in the result and in ``ctx.products``."""
    for name in plan.outputs:
        arts = _isolated(ctx, result, f"render.{name}", partial(_render, ctx, name))
        if arts:
            result.artifacts.extend(arts)
            ctx.products.artifacts.extend(arts)


def _render(ctx: RunContext, name: str) -> list[Artifact]:
    return RENDERERS.create(name).render(ctx)


def _isolated(ctx: RunContext, result: ConversionResult, stage: str, step: Callable[[], T]) -> T | None:
    """Run one step; a failure becomes an ErrorItem and the run goes on."""
    ctx.progress.stage(result.source, stage)
    try:
        with Timer(result.timings, stage):
            return step()
    except TransformError as exc:
        log.warning("%s: %s failed: %s", result.source, stage, exc)
        result.errors.append(ErrorItem.from_exception(stage, exc))
    except Exception as exc:  # noqa: BLE001 - one broken step must not sink the others
        log.error("%s: %s crashed\n%s", result.source, stage, traceback.format_exc())
        result.errors.append(ErrorItem.from_exception(stage, exc))
    return None


def stage_names(options: TransformOptions) -> list[str]:
    """The progress stages a conversion with these options reports, in order."""
    plan = make_plan(options.outputs)
    return ["ingest", "structure"] + [simplify_stage_name(t) for t in plan.simplify] + [f"render.{n}" for n in plan.outputs]
