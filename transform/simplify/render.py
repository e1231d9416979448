"""Renderers ``darija`` and ``easy-french``: make the simplified track, write its text, quality report
and review file, and add it to ``ctx.tracks`` so braille, audio, video and html render it too."""

from __future__ import annotations

import json
from typing import ClassVar

from ..context import RunContext
from ..errors import LanguageNotSupportedError
from ..render import RENDERERS, artifact
from ..render.basic import plain_text
from ..result import Artifact
from . import SIMPLIFIERS
from .engine import Result
from .report import build_report, report_html
from .review import draft_path, write_review_file
from .rules import EASY_FRENCH

DRAFT_HEADER = {
    "ary": "مسودة من عند الماكينة، خاصها مراجعة قبل النشر.",
    EASY_FRENCH: "Brouillon fait par une machine : à relire avant publication.",
}


def _run_engine(ctx: RunContext, target: str) -> tuple[Result, str, dict[str, str]]:
    opts = ctx.options.simplify
    name = "rules" if target == EASY_FRENCH and opts.engine == "llm" else opts.engine
    engine = SIMPLIFIERS.create(name)
    assert ctx.document is not None
    run = getattr(engine, "run", None)
    if callable(run):
        res = run(ctx.document, target, ctx)
    else:  # a plain Simplifier (identity, plugins): wrap its Document
        from .engine import Segment

        doc = engine.simplify(ctx.document, target, ctx)
        from ..model import iter_sentences

        segs = [Segment(loc.sentence.id, loc.role, loc.sentence.source_text or "", loc.lang, [(loc.sentence.id, loc.sentence.text)],
                        loc.sentence.notes.get("speakable", loc.sentence.text), loc.sentence.notes.get("status", "needs_review"))
                for loc in iter_sentences(doc)]
        res = Result(doc, segs, ctx.document.meta.lang, "other")
    prov = ctx.shared.get(f"simplify:{target}:provenance", {"engine": getattr(engine, "name", name)})
    return res, prov.get("engine", name), prov


def _approved(ctx: RunContext, lang: str) -> bool:
    doc = ctx.document
    return doc is not None and doc.meta.variant in ("simplified", "easy-read") and doc.meta.lang == lang


class _SimplifiedRenderer:
    name: ClassVar[str] = ""
    target: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""

    def render(self, ctx: RunContext) -> list[Artifact]:
        lang = self.target
        arts: list[Artifact] = []
        if _approved(ctx, lang):  # re-rendering a reviewed draft: render it as it is
            assert ctx.document is not None
            doc = ctx.document
            ctx.tracks[lang] = doc
            path = ctx.file(lang, "txt")
            path.write_text(plain_text(doc), encoding="utf-8")
            return [artifact(ctx, path, self.name, lang, f"{doc.meta.review_state or 'draft'} text")]
        try:
            res, engine, prov = _run_engine(ctx, lang)
        except LanguageNotSupportedError as exc:
            if lang != EASY_FRENCH:
                raise
            ctx.warn(f"render.{self.name}", exc.message, hint=exc.hint)  # an Arabic document: nothing to do, not a failure
            return []
        doc = res.document
        doc.meta.source_name = doc.meta.source_name or (ctx.document.meta.source_name if ctx.document else "")
        ctx.tracks[lang] = doc
        path = ctx.file(lang, "txt")
        path.write_text(DRAFT_HEADER[lang] + "\n\n" + plain_text(doc), encoding="utf-8")
        arts.append(artifact(ctx, path, self.name, lang, "machine-generated draft, to be reviewed"))
        rep = build_report(res, engine=engine, target=lang, provenance=prov)
        qj = ctx.file(lang, "quality.json")
        qj.write_text(json.dumps(rep, ensure_ascii=False, indent=1), encoding="utf-8")
        qh = ctx.file(lang, "quality.html")
        qh.write_text(report_html(rep), encoding="utf-8")
        arts += [artifact(ctx, qj, self.name, lang, "quality report"), artifact(ctx, qh, self.name, lang, "quality report")]
        dp = draft_path(ctx.out_dir, ctx.stem, lang)
        dp.write_text(doc.model_dump_json(indent=1), encoding="utf-8")
        rp = write_review_file(doc, ctx.out_dir, ctx.stem, lang)
        arts += [artifact(ctx, dp, self.name, lang, "draft document (JSON) for the review workflow"),
                 artifact(ctx, rp, self.name, lang, "review file: edit, then `taysir review import`")]
        human = [s for s in res.segments if s.status == "needs_human"]
        if human:
            tp = ctx.file(lang, "translation-tasks.txt")
            tp.write_text("".join(f"[{s.id}]\n{s.source}\n\n" for s in human), encoding="utf-8")
            arts.append(artifact(ctx, tp, self.name, lang, "segments a person must translate"))
        if not rep["gates_ok"]:
            ctx.warn(f"render.{self.name}", "Some quality gates failed; see the quality report.", hint=qh.name)
        for w in res.warnings:
            ctx.warn(f"render.{self.name}", w)
        return arts


class DarijaRenderer(_SimplifiedRenderer):
    name: ClassVar[str] = "darija"
    target: ClassVar[str] = "ary"
    description: ClassVar[str] = "Simplified Darija draft (.ary.txt), quality report and review file; adds the ary track."


class EasyFrenchRenderer(_SimplifiedRenderer):
    name: ClassVar[str] = "easy-french"
    target: ClassVar[str] = EASY_FRENCH
    description: ClassVar[str] = "Easy-read French (FALC style) for French sources; adds the fr-x-falc track."


RENDERERS.register("darija", DarijaRenderer)
RENDERERS.register("easy-french", EasyFrenchRenderer)
