"""The ``audio`` and ``captions`` outputs.

audio (per language track)
    ``<stem>.<lang>.mp3`` (+ ``.opus``/``.m4a`` when asked), ``<stem>.<lang>.timeline.json``;
    makes ``ctx.products.timelines[lang]`` (Timeline) and ``ctx.products.narrations[lang]``
    (the MP3, or the first format asked).
captions (needs the timeline)
    ``<stem>.<lang>.srt`` and ``.vtt``; ``<stem>.<lang>.captions-report.json`` when a cue
    still breaks a limit; makes ``ctx.products.cues[lang]`` (list[CaptionCue]).
"""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..context import RunContext
from ..errors import ErrorItem, InputError
from ..products import CUES, NARRATION, TIMELINE
from ..render import RENDERERS, artifact
from ..render.languages import LanguageFailures
from ..result import Artifact
from .captions import build_captions, write_srt, write_vtt
from .engines import TTS_ENGINES, TTSEngine

if TYPE_CHECKING:  # narration (numpy) is imported when audio is rendered, not when renderers are listed
    from .narrate import Track

AUDIO_STAGE = "render.audio"
CAPTIONS_STAGE = "render.captions"


def _title(ctx: RunContext) -> str | None:
    doc = ctx.document
    if doc is None:
        return None
    return doc.meta.title or (Path(doc.meta.source_name).stem if doc.meta.source_name else None)


def _missing_item(track: Track, engine: str) -> ErrorItem:
    ids = [sid for sid, _ in track.failures]
    shown = ", ".join(ids[:8]) + (" ..." if len(ids) > 8 else "")
    return ErrorItem(
        stage=AUDIO_STAGE,
        message=f"{len(ids)} of {len(track.items)} sentences of the {track.lang} narration have no audio ({shown}); "
        "the timeline lists them under 'missing' and the audio skips them.",
        code="partial_audio",
        severity="error",
        engine=engine,
        hint=f"First failure: {track.failures[0][1]}",
    )


class AudioRenderer:
    name: ClassVar[str] = "audio"
    makes: ClassVar[tuple[str, ...]] = (TIMELINE, NARRATION)
    description: ClassVar[str] = "Narration per language: MP3 with chapters, loudness-normalised, and an exact sentence timeline."

    def render(self, ctx: RunContext) -> list[Artifact]:
        opts = ctx.options.audio
        engine = TTS_ENGINES.create(opts.engine, options=opts)
        try:
            return self._render(ctx, engine)
        finally:
            close = getattr(engine, "close", None)
            if callable(close):
                close()

    def _render(self, ctx: RunContext, engine: TTSEngine) -> list[Artifact]:
        """Synthesise the tracks one after the other; each track is encoded in the background
        while the next one is synthesised (ffmpeg on one core, espeak workers on the others)."""
        opts = ctx.options.audio
        engine.check()  # fails fast once for the whole document (missing program, no network)
        title = _title(ctx)
        arts: list[Artifact] = []
        items: list[ErrorItem] = []  # notes on the tracks that were made (voice substitutions, missing sentences)
        failures = LanguageFailures(AUDIO_STAGE, engine=opts.engine)
        from .encode import encode_track
        from .narrate import synthesize_track

        encodes: list[tuple[Track, Future[dict[str, Path]]]] = []
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode") as encoder:
            for lang in ctx.track_langs():
                with failures.guard(lang):
                    track = synthesize_track(ctx.tracks[lang], lang, opts, title=title, engine=engine)
                    base = ctx.out_dir / f"{ctx.stem}.{lang}"
                    encodes.append(
                        (track, encoder.submit(encode_track, track, base, opts, title=title, timeout=ctx.options.timeout_s))
                    )
            for track, fut in encodes:
                with failures.guard(track.lang):
                    try:
                        files = fut.result()
                    finally:
                        track.discard()  # the samples' file: the MP3 is made
                    arts.extend(self._publish(ctx, track, files, items))
        ctx.errors.extend(items)
        failures.finish(ctx, produced=bool(arts))
        return arts

    def _publish(self, ctx: RunContext, track: Track, files: dict[str, Path], items: list[ErrorItem]) -> list[Artifact]:
        """Timeline file, shared products, notes and artifacts of one encoded track."""
        opts, lang = ctx.options.audio, track.lang
        items.extend(
            ErrorItem(stage=AUDIO_STAGE, message=note, code="voice_substituted", severity="warning", engine=opts.engine)
            for note in track.notes
        )
        if track.failures:
            items.append(_missing_item(track, opts.engine))
        tl_path = ctx.file(lang, "timeline.json")
        tl_path.write_text(track.timeline.model_dump_json(indent=1), encoding="utf-8")
        ctx.products.timelines[lang] = track.timeline
        ctx.products.narrations[lang] = files.get("mp3") or next(iter(files.values()))
        loud = (
            f"{track.loudness_before:.1f} LUFS measured, {track.gain_db:+.1f} dB applied"
            if track.loudness_before is not None
            else "not normalised"
        )
        desc = f"{lang} narration, {track.timeline.duration_ms / 1000:.1f} s, {len(track.timeline.chapters)} chapters, {loud}"
        arts = [artifact(ctx, path, self.name, lang, desc) for path in files.values()]
        arts.append(artifact(ctx, tl_path, self.name, lang, "sentence timeline (integer milliseconds)"))
        return arts


class CaptionsRenderer:
    name: ClassVar[str] = "captions"
    needs: ClassVar[tuple[str, ...]] = (TIMELINE,)
    makes: ClassVar[tuple[str, ...]] = (CUES,)
    description: ClassVar[str] = "SRT and WebVTT captions per language, timed from the narration (42 chars x 2 lines, <= 17 cps)."

    def render(self, ctx: RunContext) -> list[Artifact]:
        copts = ctx.options.captions
        arts: list[Artifact] = []
        for lang in ctx.track_langs():
            timeline = ctx.products.timelines.get(lang)
            if timeline is None:
                ctx.warn(CAPTIONS_STAGE, f"No narration timeline for {lang}: no captions for this language.")
                continue
            result = build_captions(timeline, copts)
            ctx.products.cues[lang] = result.cues
            if "srt" in copts.formats:
                arts.append(artifact(ctx, write_srt(result.cues, ctx.file(lang, "srt"), copts.rtl_mark), self.name, lang))
            if "vtt" in copts.formats:
                arts.append(artifact(ctx, write_vtt(result.cues, ctx.file(lang, "vtt"), lang, copts.rtl_mark), self.name, lang))
            if timeline.missing:
                ctx.warn(CAPTIONS_STAGE, f"{len(timeline.missing)} {lang} sentences have no audio and therefore no caption.")
            if result.issues:
                report = ctx.file(lang, "captions-report.json")
                report.write_text(
                    json.dumps(
                        {"lang": lang, "limits": copts.model_dump(), "issues": [i.__dict__ for i in result.issues]},
                        ensure_ascii=False,
                        indent=1,
                    ),
                    encoding="utf-8",
                )
                arts.append(artifact(ctx, report, self.name, lang, "caption cues that break a limit"))
                first = "; ".join(i.message() for i in result.issues[:3])
                ctx.warn(
                    CAPTIONS_STAGE, f"{len(result.issues)} {lang} caption limit(s) broken: {first}", hint=f"See {report.name}."
                )
        if not arts and ctx.track_langs():
            raise InputError(
                "No language track has a narration timeline, so no captions were made.", hint="Check the audio output's errors."
            )
        return arts


RENDERERS.register("audio", AudioRenderer)
RENDERERS.register("captions", CaptionsRenderer)
