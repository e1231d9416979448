"""The ``video`` output: per language track the citizens' video, a captioned scaffold with a signer
region for the interpreter, the caption sidecars, and the interpreter's cue sheet and teleprompter track.

Files: ``<stem>.<lang>.mp4`` (citizens: narration and titles, no burned-in captions, no signer region;
players show the WebVTT sidecar, so there is one caption layer), ``.scaffold.mp4`` and
``.scaffold.video.json`` (staff: burned-in captions and the empty signer region, for ``taysir overlay``),
``.cuesheet.html``, ``.cuesheet.pdf``, ``.teleprompter.vtt`` (staff), and ``.srt``/``.vtt`` when the
captions output did not write them.

A narration longer than ``split_after_min`` minutes is cut at its top-level sections: per part
``.partNN.scaffold.mp4`` (+ ``.video.json``, ``.cuesheet.html``, ``.cuesheet.pdf``: staff), ``.partNN.vtt`` and, with
``public_video``, the citizens' ``.partNN.mp4``; then ``.m3u`` and ``.videos.html`` listing the citizens'
parts (without ``public_video``: ``.scaffold.m3u`` and ``.scaffold.html`` listing the scaffolds, staff).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from .._exec.heap import trim_heap
from ..context import RunContext
from ..errors import InputError, TransformError
from ..model import CaptionCue, Timeline
from ..products import CUES, NARRATION, TIMELINE
from ..render import RENDERERS, artifact
from ..render.languages import LanguageFailures
from ..result import Artifact
from .cuesheet import cue_sheet_to_pdf, write_cue_sheet
from .parts import Part, index_html, playlist_m3u, slice_cues, slice_timeline, split_parts
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
        trim_heap()  # ffmpeg runs beside this process: give back what the narration and captions freed
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
        parts = self._parts_of(ctx, lang, timeline)
        if parts:
            arts = self._parted(ctx, lang, timeline, audio_path, cues, parts)
        else:
            arts = self._whole(ctx, lang, timeline, audio_path, cues)
        tele = ctx.file(lang, "teleprompter.vtt")
        tele.write_text(teleprompter_vtt(timeline, opts.teleprompter_lead_ms), encoding="utf-8")
        arts.append(artifact(ctx, tele, self.name, lang, "teleprompter track: one whole sentence per cue"))
        html = ctx.file(lang, "cuesheet.html")
        write_cue_sheet(timeline, html, None, title=None)
        arts.append(artifact(ctx, html, self.name, lang, "interpreter cue sheet"))
        if opts.cue_sheet_pdf:
            pdf = ctx.file(lang, "cuesheet.pdf")
            try:
                cue_sheet_to_pdf(
                    timeline, html, pdf, fonts=(opts.font_arabic, opts.font_latin), timeout=min(180.0, ctx.options.timeout_s)
                )
                arts.append(artifact(ctx, pdf, self.name, lang, "interpreter cue sheet, printable"))
            except TransformError as exc:  # the HTML is enough to work from: a warning, not a failure
                ctx.warn(STAGE, f"{lang}: cue sheet PDF not made: {exc}")
        return arts

    def _part_sheet_pdf(self, ctx: RunContext, lang: str, part_tl: Timeline, pdf: Path, title: str) -> Path | None:
        """A chapter's printable cue sheet, drawn in-process (never a browser per part: a long document
        has dozens); None when the PDF is off or cannot be drawn here (the HTML sheet is there)."""
        from . import cuepdf

        opts = ctx.options.video
        if not opts.cue_sheet_pdf or not cuepdf.available():
            return None
        try:
            return cuepdf.cue_sheet_pdf(part_tl, pdf, title=title, font_arabic=opts.font_arabic, font_latin=opts.font_latin)
        except TransformError as exc:
            ctx.warn(STAGE, f"{lang}: cue sheet PDF of {pdf.name} not made: {exc}")
            return None

    def _parts_of(self, ctx: RunContext, lang: str, timeline: Timeline) -> list[Part]:
        """The parts of a narration longer than ``split_after_min`` minutes, else ``[]``."""
        limit = ctx.options.video.split_after_min
        if not limit or timeline.duration_ms <= limit * 60_000:
            return []
        doc = ctx.tracks.get(lang) or ctx.document
        top = {s.id for s in doc.sections} if doc is not None else set()
        parts = split_parts(timeline, top, _title(ctx) or timeline.lang)
        if not parts:
            ctx.warn(STAGE, f"{lang}: the narration is long but has fewer than two top-level sections: one video")
        return parts

    def _parted(
        self, ctx: RunContext, lang: str, timeline: Timeline, audio: Path | None, cues: list[CaptionCue], parts: list[Part]
    ) -> list[Artifact]:
        """One video per part: the interpreter scaffold (``partNN.scaffold.mp4``, its region file and cue
        sheet: staff) and, with ``public_video``, the citizens' video (``partNN.mp4``) with its WebVTT
        captions (``partNN.vtt``); then the playlist and index page of the citizens' videos (of the
        scaffolds, under staff names, without ``public_video``)."""
        opts = ctx.options.video
        rtl_mark = ctx.options.captions.rtl_mark
        arts: list[Artifact] = []
        files: list[dict[str, Path]] = []
        for part in parts:
            base = f"part{part.number:02d}"
            what = f"part {part.number} of {len(parts)}: {part.title}"
            part_tl, part_cues = slice_timeline(timeline, part), slice_cues(cues, part)
            span = (part.begin_ms, part.end_ms) if audio is not None else None
            scaffold = ctx.file(lang, f"{base}.scaffold.mp4")
            res = make_scaffold(
                part_tl,
                audio,
                part_cues,
                opts,
                scaffold,
                title=part.title,
                sidecars=False,
                keep_ass=ctx.options.keep_intermediates,
                rtl_mark=rtl_mark,
                audio_span=span,
            )
            for note in res.notes:
                ctx.warn(STAGE, f"{lang} part {part.number}: {note}")
            sheet = ctx.file(lang, f"{base}.cuesheet.html")
            write_cue_sheet(part_tl, sheet, None, title=part.title)
            sheet_pdf = self._part_sheet_pdf(ctx, lang, part_tl, ctx.file(lang, f"{base}.cuesheet.pdf"), part.title)
            kept = [c for c in part_cues if c.begin_ms < res.duration_ms]
            vtts = write_sidecars(kept, lang, ctx.file(lang, f"{base}.vtt").with_suffix(""), ["vtt"], rtl_mark)
            if opts.public_video:
                public = ctx.file(lang, f"{base}.mp4")
                make_scaffold(
                    part_tl, audio, part_cues, opts, public, title=part.title, sidecars=False, rtl_mark=rtl_mark,
                    audio_span=span, public=True,
                )
                arts.append(artifact(ctx, public, self.name, lang, f"video for citizens, {what}"))
                files.append({"mp4": public, **{p.suffix[1:]: p for p in vtts}})
            else:
                files.append({"mp4": scaffold, "cuesheet": sheet, **{p.suffix[1:]: p for p in vtts}})
            arts.append(artifact(ctx, scaffold, self.name, lang, f"interpreter scaffold, {what}"))
            if res.meta_path is not None:
                arts.append(artifact(ctx, res.meta_path, self.name, lang, f"signer region and picture geometry, {what}"))
            arts += [artifact(ctx, p, self.name, lang, f"caption sidecar, {what}") for p in vtts]
            arts.append(artifact(ctx, sheet, self.name, lang, f"interpreter cue sheet, {what}"))
            if sheet_pdf is not None:
                arts.append(artifact(ctx, sheet_pdf, self.name, lang, f"interpreter cue sheet, printable, {what}"))
        # The citizens' list and page are public; the scaffolds' (no citizens' video) carry staff names.
        m3u = ctx.file(lang, "m3u" if opts.public_video else "scaffold.m3u")
        m3u.write_text(playlist_m3u(parts, [f["mp4"] for f in files], _title(ctx)), encoding="utf-8")
        index = ctx.file(lang, "videos.html" if opts.public_video else "scaffold.html")
        index.write_text(index_html(lang, _title(ctx), parts, files, m3u), encoding="utf-8")
        arts.append(artifact(ctx, m3u, self.name, lang, f"playlist of the {len(parts)} chapter videos"))
        arts.append(artifact(ctx, index, self.name, lang, "index page of the chapter videos"))
        return arts

    def _whole(self, ctx: RunContext, lang: str, timeline: Timeline, audio_path: Path | None, cues: list[CaptionCue]) -> list[Artifact]:
        opts = ctx.options.video
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
        return arts


RENDERERS.register("video", VideoRenderer)
