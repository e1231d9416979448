"""The simplify stage: one simplified track per target the outputs ask for, before any renderer runs.

``simplify_track`` picks the engine (``options.simplify.engine``; easy-read French always uses the
rules), calls it through the :class:`~transform.simplify.base.Simplifier` protocol and adds the
quality report. A document that already is a simplified draft for the target (a reviewed draft
being rendered again) is taken as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import LanguageNotSupportedError
from ..model.doubts import carry as carry_doubts
from . import SIMPLIFIERS
from .base import Simplification
from .report import build_report
from .reuse import reuse, termbase_scope
from .rules import EASY_FRENCH

if TYPE_CHECKING:
    from ..context import RunContext
    from ..model import Document

DRAFT_VARIANTS = ("simplified", "easy-read")


def is_simplified(doc: Document, target: str) -> bool:
    """``doc`` is itself a simplified draft for ``target`` (a reviewed draft rendered again)."""
    return doc.meta.variant in DRAFT_VARIANTS and doc.meta.lang == target


def stage_name(target: str) -> str:
    return f"simplify.{target}"


def simplify_track(ctx: RunContext, target: str) -> Simplification | None:
    """The simplified track for ``target``; None when there is nothing to simplify (a warning says why).

    Raises :class:`~transform.errors.TransformError` when the simplification fails.
    """
    with termbase_scope(ctx):  # the run's term base over the built-in glossary (transform.simplify.reuse)
        return _simplify_track(ctx, target)


def _simplify_track(ctx: RunContext, target: str) -> Simplification | None:
    doc = ctx.document
    assert doc is not None
    if is_simplified(doc, target):
        return Simplification.as_reviewed(doc)
    opts = ctx.options.simplify
    name = "rules" if target == EASY_FRENCH and opts.engine == "llm" else opts.engine
    engine = SIMPLIFIERS.create(name)
    try:
        sim = engine.simplify(doc, target, ctx)
    except LanguageNotSupportedError as exc:
        if target != EASY_FRENCH:
            raise
        ctx.warn(stage_name(target), exc.message, hint=exc.hint)  # an Arabic document: nothing to do, not a failure
        return None
    reuse(sim, ctx, target)  # approved segments from the translation memory; similar ones offered (transform.simplify.reuse)
    carry_doubts(doc, sim.document)  # the source sentences' own doubts, for the review page (model/doubts.py)
    sim.document.meta.source_name = sim.document.meta.source_name or doc.meta.source_name
    sim.provenance = sim.provenance or {"engine": getattr(engine, "name", name)}
    sim.report = build_report(sim, engine=sim.provenance.get("engine", name), target=target, provenance=sim.provenance)
    if not sim.report["gates_ok"]:
        ctx.warn(stage_name(target), "Some quality gates failed; see the quality report.", hint=ctx.file(target, "quality.html").name)
    for w in sim.warnings:
        ctx.warn(stage_name(target), w)
    return sim
