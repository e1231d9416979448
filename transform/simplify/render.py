"""Renderers ``darija`` and ``easy-french``: write what the simplify stage made for their target.

The simplify stage (:mod:`transform.simplify.stage`) has already made the track, added it to
``ctx.tracks`` (so braille, audio, video and html render it too) and left its result in
``ctx.products.simplified[target]``. A machine draft gives its text (with the draft header),
quality report, draft JSON and review file; a reviewed draft gives its text as it is.
"""

from __future__ import annotations

import json
from typing import ClassVar

from ..context import RunContext
from ..render import RENDERERS, artifact
from ..render.basic import plain_text
from ..result import Artifact
from .report import report_html
from .review import draft_path
from .review_file import write_review_file
from .rules import EASY_FRENCH

DRAFT_HEADER = {
    "ary": "مسودة من عند الماكينة، خاصها مراجعة قبل النشر.",
    EASY_FRENCH: "Brouillon fait par une machine : à relire avant publication.",
}


class _SimplifiedRenderer:
    name: ClassVar[str] = ""
    target: ClassVar[str] = ""
    simplified: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""

    def render(self, ctx: RunContext) -> list[Artifact]:
        lang = self.target
        sim = ctx.products.simplified.get(lang)
        if sim is None:  # the simplify stage said why (an error, or a warning)
            return []
        doc = sim.document
        path = ctx.file(lang, "txt")
        if sim.reviewed or sim.report is None:
            path.write_text(plain_text(doc), encoding="utf-8")
            return [artifact(ctx, path, self.name, lang, f"{doc.meta.review_state or 'draft'} text")]
        path.write_text(DRAFT_HEADER[lang] + "\n\n" + plain_text(doc), encoding="utf-8")
        arts = [artifact(ctx, path, self.name, lang, "machine-generated draft, to be reviewed")]
        qj = ctx.file(lang, "quality.json")
        qj.write_text(json.dumps(sim.report, ensure_ascii=False, indent=1), encoding="utf-8")
        qh = ctx.file(lang, "quality.html")
        qh.write_text(report_html(sim.report), encoding="utf-8")
        arts += [artifact(ctx, qj, self.name, lang, "quality report"), artifact(ctx, qh, self.name, lang, "quality report")]
        dp = draft_path(ctx.out_dir, ctx.stem, lang)
        dp.write_text(doc.model_dump_json(indent=1), encoding="utf-8")
        rp = write_review_file(doc, ctx.out_dir, ctx.stem, lang)
        arts += [artifact(ctx, dp, self.name, lang, "draft document (JSON) for the review workflow"),
                 artifact(ctx, rp, self.name, lang, "review file: edit, then `taysir review import`")]
        human = [s for s in sim.segments if s.status == "needs_human"]
        if human:
            tp = ctx.file(lang, "translation-tasks.txt")
            tp.write_text("".join(f"[{s.id}]\n{s.source}\n\n" for s in human), encoding="utf-8")
            arts.append(artifact(ctx, tp, self.name, lang, "segments a person must translate"))
        return arts


class DarijaRenderer(_SimplifiedRenderer):
    name: ClassVar[str] = "darija"
    target: ClassVar[str] = "ary"
    simplified: ClassVar[tuple[str, ...]] = ("ary",)
    description: ClassVar[str] = "Simplified Darija draft (.ary.txt), quality report and review file; adds the ary track."


class EasyFrenchRenderer(_SimplifiedRenderer):
    name: ClassVar[str] = "easy-french"
    target: ClassVar[str] = EASY_FRENCH
    simplified: ClassVar[tuple[str, ...]] = (EASY_FRENCH,)
    description: ClassVar[str] = "Easy-read French (FALC style) for French sources; adds the fr-x-falc track."


RENDERERS.register("darija", DarijaRenderer)
RENDERERS.register("easy-french", EasyFrenchRenderer)
