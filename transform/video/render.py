"""The ``video`` output: per language track a captioned scaffold with a signer region,
its sidecars, and the interpreter's cue sheet and teleprompter track.

Files: ``<stem>.<lang>.mp4``, ``.video.json``, ``.cuesheet.html``, ``.cuesheet.pdf``,
``.teleprompter.vtt`` (and ``.srt``/``.vtt`` when the captions output did not write them).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from ..context import RunContext
from ..errors import ErrorItem, InputError, TransformError
from ..model import CaptionCue, Timeline
from ..products import CUES, NARRATION, TIMELINE
from ..render import RENDERERS, artifact
from ..result import Artifact
from .cuesheet import html_to_pdf, write_cue_sheet
from .scaffold import make_scaffold
from .subtitles import teleprompter_vtt

log = logging.getLogger("transform.video")
STAGE = "render.video"


def _captions_for(ctx: RunContext, lang: str, timeline: Timeline) -> list[CaptionCue]:
    """The cues the captions output built from this timeline (the video needs them, so it ran first)."""
    cues = ctx.products.cues.get(lang)
    if cues is None:  # the captions output failed for this language: the same cues, built here
        from ..audio.captions import make_captions

        cues = make_captions(timeline, ctx.options.captions)
    return list(cues)


def _title(ctx: RunContext) -> str | None:
    doc = ctx.document
    if doc is None:
        return None
    return doc.meta.title or doc.meta.source_name or None


class VideoRenderer:
    name: ClassVar[str] = "video"
    needs: ClassVar[tuple[str, ...]] = (TIMELINE, NARRATION, CUES)
    description: ClassVar[str] = (
        "Captioned MP4 scaffold per language with a reserved sign-language region, soft subtitles, "
        "and the interpreter's cue sheet (HTML/PDF) and teleprompter track."
    )

    def render(self, ctx: RunContext) -> list[Artifact]:
        arts: list[Artifact] = []
        done = 0
        failures: list[TransformError] = []
        for lang in ctx.track_langs():
            timeline = ctx.products.timelines.get(lang)
            if not isinstance(timeline, Timeline) or not timeline.cues:
                ctx.warn(STAGE, f"no narration timeline for {lang}: no video made for this language")
                continue
            try:  # one language failing must not cost the others their video
                arts.extend(self._track(ctx, lang, timeline))
                done += 1
            except TransformError as exc:
                failures.append(exc)
                ctx.errors.append(ErrorItem.from_exception(f"{STAGE}.{lang}", exc))
        if done == 0 and failures:
            ctx.errors.pop()  # reported once, by the pipeline, as this output's failure
            raise failures[-1]
        if done == 0 and ctx.track_langs():
            raise InputError(
                "No language track had a narration timeline, so no video could be made.", hint="Check the audio output's errors."
            )
        return arts

    def _track(self, ctx: RunContext, lang: str, timeline: Timeline) -> list[Artifact]:
        opts = ctx.options.video
        audio = ctx.products.narrations.get(lang)
        audio_path = Path(audio) if audio else None
        if audio_path is None or not audio_path.is_file():
            ctx.warn(STAGE, f"no narration audio for {lang}: the video has a silent sound track")
            audio_path = None
        cues = _captions_for(ctx, lang, timeline)
        mp4 = ctx.file(lang, "mp4")
        # The captions output writes <stem>.<lang>.srt/.vtt; write only the ones it did not.
        need_sidecars = [f for f in ("srt", "vtt") if not ctx.file(lang, f).exists()]
        res = make_scaffold(
            timeline,
            audio_path,
            cues,
            opts,
            mp4,
            title=_title(ctx),
            sidecars=need_sidecars,
            keep_ass=ctx.options.keep_intermediates,
            rtl_mark=ctx.options.captions.rtl_mark,
        )
        for note in res.notes:
            ctx.warn(STAGE, f"{lang}: {note}")
        arts = [artifact(ctx, mp4, self.name, lang, "captioned scaffold with the signer region kept free")]
        arts.append(artifact(ctx, res.meta_path, self.name, lang, "signer region and picture geometry (for `taysir overlay`)"))
        arts += [artifact(ctx, p, self.name, lang, "caption sidecar") for p in res.sidecars]
        tele = ctx.file(lang, "teleprompter.vtt")
        tele.write_text(teleprompter_vtt(timeline, opts.teleprompter_lead_ms), encoding="utf-8")
        arts.append(artifact(ctx, tele, self.name, lang, "teleprompter track: one whole sentence per cue"))
        html = ctx.file(lang, "cuesheet.html")
        write_cue_sheet(timeline, html, None, title=None)
        arts.append(artifact(ctx, html, self.name, lang, "interpreter cue sheet"))
        if opts.cue_sheet_pdf:
            pdf = ctx.file(lang, "cuesheet.pdf")
            try:
                html_to_pdf(html, pdf, timeout=min(180.0, ctx.options.timeout_s))
                arts.append(artifact(ctx, pdf, self.name, lang, "interpreter cue sheet, printable"))
            except TransformError as exc:  # the HTML is enough to work from: a warning, not a failure
                ctx.warn(STAGE, f"{lang}: cue sheet PDF not made: {exc}")
        return arts


RENDERERS.register("video", VideoRenderer)
