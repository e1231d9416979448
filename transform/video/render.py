"""The ``video`` output: per language track the citizens' video, a captioned scaffold with a signer
region for the interpreter, the caption sidecars, and the interpreter's cue sheet and teleprompter track.

Files: ``<stem>.<lang>.mp4`` (citizens: narration and titles, no burned-in captions, no signer region;
players show the WebVTT sidecar, so there is one caption layer), ``.scaffold.mp4`` and
``.scaffold.video.json`` (staff: burned-in captions and the empty signer region, for ``taysir overlay``),
``.cuesheet.html``, ``.cuesheet.pdf``, ``.teleprompter.vtt`` (staff), and ``.srt``/``.vtt`` when the
captions output did not write them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from ..context import RunContext
from ..errors import InputError, TransformError
from ..model import CaptionCue, Timeline
from ..products import CUES, NARRATION, TIMELINE
from ..render import RENDERERS, artifact
from ..render.languages import LanguageFailures
from ..result import Artifact
from .cuesheet import html_to_pdf, write_cue_sheet
from .scaffold import make_scaffold
from .subtitles import teleprompter_vtt, write_sidecars

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
        "Per language: a video for citizens (narration and titles, captions as a switchable track), a captioned "
        "scaffold with a reserved sign-language region, and the interpreter's cue sheet (HTML/PDF) and teleprompter track."
    )

    def render(self, ctx: RunContext) -> list[Artifact]:
        arts: list[Artifact] = []
        failures = LanguageFailures(STAGE)  # one language failing must not cost the others their video
        tried = 0
        for lang in ctx.track_langs():
            timeline = ctx.products.timelines.get(lang)
            if not isinstance(timeline, Timeline) or not timeline.cues:
                ctx.warn(STAGE, f"no narration timeline for {lang}: no video made for this language")
                continue
            tried += 1
            with failures.guard(lang):
                arts.extend(self._track(ctx, lang, timeline))
        failures.finish(ctx, produced=bool(arts))
        if tried == 0 and ctx.track_langs():
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
        mp4 = ctx.file(lang, "scaffold.mp4")
        # The captions output writes <stem>.<lang>.srt/.vtt; write only the ones it did not.
        need_sidecars = [f for f in ("srt", "vtt") if not ctx.file(lang, f).exists()]
        res = make_scaffold(
            timeline,
            audio_path,
            cues,
            opts,
            mp4,
            title=_title(ctx),
            sidecars=False,
            keep_ass=ctx.options.keep_intermediates,
            rtl_mark=ctx.options.captions.rtl_mark,
        )
        for note in res.notes:
            ctx.warn(STAGE, f"{lang}: {note}")
        arts: list[Artifact] = []
        if opts.public_video:
            public = ctx.file(lang, "mp4")
            make_scaffold(timeline, audio_path, cues, opts, public, title=_title(ctx), sidecars=False, public=True,
                          rtl_mark=ctx.options.captions.rtl_mark)
            arts.append(artifact(ctx, public, self.name, lang, "video for citizens: narration and titles; captions in the WebVTT file"))
        arts.append(artifact(ctx, mp4, self.name, lang, "interpreter scaffold: burned-in captions, the signer region kept free"))
        if res.meta_path is not None:
            arts.append(artifact(ctx, res.meta_path, self.name, lang, "signer region and picture geometry (for `taysir overlay`)"))
        kept = [c for c in cues if c.begin_ms < res.duration_ms]
        sidecars = write_sidecars(kept, lang, ctx.file(lang, "vtt").with_suffix(""), need_sidecars, ctx.options.captions.rtl_mark)
        arts += [artifact(ctx, p, self.name, lang, "caption sidecar") for p in sidecars]
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
