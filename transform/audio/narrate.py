"""Narrate one language track: synthesis per sentence in parallel, then an exact timeline.

Sentences are synthesised in batches (``stream.batches``: cut at chapter starts) and each batch's
clips are appended to a temporary PCM file, so memory does not grow with the narration; loudness
is measured and the gain applied on that file, and the encoder reads it (``stream.py``).

Every clip is trimmed of the engine's leading/trailing silence and padded to a
whole number of milliseconds (441 samples at 22 050 Hz), and pauses are whole
multiples of that grid, so every cue boundary in the Timeline is an exact
integer millisecond of the final audio. Times come from the real clips (their
sample counts), never from an estimate.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import numpy as np

from ..errors import EngineError, InputError, TransformError
from ..model import Chapter, Cue, Document, Timeline
from .captions import visible_len
from .engines import TTS_ENGINES
from .engines.base import TTSEngine
from .loudness import excerpt_of, limited_gain, measure_excerpt, scale
from .options import AudioOptions
from .speech import SpeechItem, prepare
from .stream import Assembler, MemorySink, PcmSpool, batches, pause_ms
from .wav import conform, pad_to_grid, trim

log = logging.getLogger("transform.audio")

MP3_LOUDNESS_LOSS_DB = 0.4
INTRO = {"ar": "مقدمة", "ary": "مقدمة", "fr": "Début", "en": "Start"}


@dataclass
class Track:
    """A narrated language track before encoding: its samples are in a file (``spool``), not in memory."""

    lang: str
    spool: PcmSpool | None  # int16 mono, loudness-normalised, in a temporary file
    sample_rate: int
    timeline: Timeline
    items: list[SpeechItem]
    notes: list[str] = field(default_factory=list)  # voice substitutions (warnings)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (sentence id, message)
    loudness_before: float | None = None
    gain_db: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def samples(self) -> int:
        return self.spool.samples if self.spool is not None else 0

    @property
    def pcm(self) -> np.ndarray:
        """All the samples, read from the file (for tests and short tracks: this is the whole narration)."""
        if self.spool is None:
            raise ValueError("the track's samples were discarded after encoding")
        return self.spool.read(0, self.spool.samples)

    def discard(self) -> None:
        """Remove the samples' file (after encoding)."""
        if self.spool is not None:
            self.spool.close()
            self.spool = None


RUN_GAP_MS = 60  # silence between two runs read by different voices (a word boundary)


def _speak(engine: TTSEngine, item: SpeechItem, options: AudioOptions, rate: int | None = None) -> np.ndarray:
    assert item.voice is not None
    sr = options.sample_rate
    if item.parts:  # runs of another language: each read by its own voice, trimmed, joined by a short gap
        gap = np.zeros(sr * RUN_GAP_MS // 1000, dtype=np.int16)
        clips: list[np.ndarray] = []
        for text, voice in item.parts:
            part = conform(engine.synthesize(text, voice, rate), sr, timeout=options.timeout_s).samples
            part = part if getattr(engine, "silent", False) else trim(part, sr)
            if part.size:
                clips += [gap, part] if clips else [part]
        samples = np.concatenate(clips) if clips else np.zeros(0, dtype=np.int16)
    else:
        samples = conform(engine.synthesize(item.speak, item.voice, rate), sr, timeout=options.timeout_s).samples
    if getattr(engine, "silent", False):
        return samples
    samples = trim(samples, sr)
    if samples.size == 0:
        raise EngineError(f"{engine.name} produced no sound for this sentence.")
    return samples


def slower_rate(item: SpeechItem, n_samples: int, options: AudioOptions, rate: int | None = None) -> int | None:
    """A slower rate when the sentence is spoken faster than its caption can be read (``max_caption_cps``).

    Captions show the written text; a sentence whose speech is shorter than
    ``chars / max_caption_cps`` would force a caption faster than the limit.
    The rate (``rate``, else the configured one) is lowered by that ratio (7 %
    margin), never below 60 % of the configured rate; None when nothing can change.
    """
    if options.max_caption_cps is None or n_samples == 0:
        return None
    have_ms = n_samples * 1000 / options.sample_rate
    need_ms = 1000 * visible_len(item.text) / options.max_caption_cps
    if have_ms >= need_ms:
        return None
    floor = max(int(options.rate_for(item.lang) * 0.6), 60)
    current = rate or options.rate_for(item.lang)
    slower = max(int(current * have_ms / need_ms * 0.93), floor)
    return slower if slower < current else None


def _job(engine: TTSEngine, item: SpeechItem, options: AudioOptions) -> np.ndarray:
    samples = _speak(engine, item, options)
    if getattr(engine, "adjustable_rate", False):
        rate: int | None = None
        for _ in range(2):  # speech length is not exactly proportional to the rate: at most two tries
            rate = slower_rate(item, len(samples), options, rate)
            if rate is None:
                break
            samples = _speak(engine, item, options, rate)
    return pad_to_grid(samples, options.sample_rate)


def synthesize_items(
    engine: TTSEngine, items: list[SpeechItem], options: AudioOptions
) -> tuple[dict[int, np.ndarray], dict[int, TransformError]]:
    """Run the engine on every item (in parallel when it allows); failures are collected per item.

    Stops early when an online engine loses the network, or when the first three
    attempts all fail (a broken engine must not cost one timeout per sentence).
    """
    done: dict[int, np.ndarray] = {}
    failed: dict[int, TransformError] = {it.index: it.error for it in items if it.error is not None}
    todo = [it for it in items if it.voice is not None]
    workers = 1 if not engine.parallel else options.workers or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tts") as pool:
        pending: dict[Future[np.ndarray], SpeechItem] = {pool.submit(_job, engine, it, options): it for it in todo}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                it = pending.pop(fut)
                try:
                    done[it.index] = fut.result()
                except TransformError as exc:
                    failed[it.index] = exc
                    log.warning("no audio for sentence %s: %s", it.sentence_id, exc)
                except Exception as exc:  # noqa: BLE001 - one odd sentence must not sink the track
                    failed[it.index] = EngineError(f"{type(exc).__name__}: {exc}")
            give_up = (engine.network and any(isinstance(e, EngineError) for e in failed.values())) or (
                not done and len(failed) >= min(3, len(todo))
            )
            if give_up and pending:
                for fut in pending:
                    fut.cancel()
                for it in pending.values():
                    failed.setdefault(it.index, EngineError("not attempted after earlier synthesis failures"))
                pending.clear()
    return done, failed


def _pause_ms(cur: SpeechItem, nxt: SpeechItem, options: AudioOptions) -> int:
    return pause_ms(cur, nxt, options)


def assemble(items: list[SpeechItem], clips: dict[int, np.ndarray], options: AudioOptions) -> tuple[np.ndarray, list[Cue]]:
    """Concatenate clips and pauses in memory; cues in exact integer milliseconds (see :class:`Assembler`)."""
    sink = MemorySink()
    asm = Assembler(options, sink)
    for it in items:
        if it.index in clips:
            asm.add(it, clips[it.index])
    return sink.array(), asm.cues


def _synthesize_into(
    spool: PcmSpool, engine: TTSEngine, items: list[SpeechItem], options: AudioOptions
) -> tuple[list[Cue], dict[int, TransformError]]:
    """Synthesise ``items`` batch by batch (:func:`batches`), appending each batch's clips to ``spool``.

    Only one batch of clips is in memory at a time. Gives up like :func:`synthesize_items`: when an
    online engine loses the network, or when the first attempts (three, or all there are) all fail.
    """
    asm = Assembler(options, spool)
    failed: dict[int, TransformError] = {}
    attempts = sum(1 for it in items if it.voice is not None)
    stop = False
    for batch in batches(items, options):
        if stop:
            for it in batch:
                failed[it.index] = it.error or EngineError("not attempted after earlier synthesis failures")
            continue
        clips, batch_failed = synthesize_items(engine, batch, options)
        failed.update(batch_failed)
        for it in batch:
            clip = clips.pop(it.index, None)
            if clip is not None:
                asm.add(it, clip)
        del clips
        lost = engine.network and any(isinstance(e, EngineError) for e in batch_failed.values())
        stop = lost or (not asm.cues and len(failed) >= min(3, attempts))
    return asm.cues, failed


def _apply_gain(spool: PcmSpool, gain_db: float) -> None:
    """:func:`apply_gain` on the file: one pass for the limiter's gain, one to scale each chunk in place."""
    g = limited_gain((part for _, part in spool.chunks()), gain_db)
    for start, part in spool.chunks():
        spool.write_at(start, scale(part, g))


def chapters_for(
    items: list[SpeechItem], cues: list[Cue], duration_ms: int, options: AudioOptions, title: str | None, lang: str
) -> list[Chapter]:
    """A chapter at every heading down to ``chapter_depth``; an opening chapter when text comes first."""
    depth = {it.sentence_id: it.depth for it in items}
    starts = [
        (c.begin_ms, c.text, c.section_id)
        for c in cues
        if c.kind == "heading" and depth.get(c.sentence_id, 1) <= options.chapter_depth
    ]
    merged: list[tuple[int, str, str | None]] = []
    for begin, text, sec in starts:  # a multi-sentence heading is one chapter
        if merged and merged[-1][2] == sec and sec is not None:
            merged[-1] = (merged[-1][0], merged[-1][1] + " " + text, sec)
        else:
            merged.append((begin, text, sec))
    if not merged:
        return []
    if merged[0][0] > 0:
        merged.insert(0, (0, title or INTRO.get(lang, "Start"), None))
    ends = [b for b, _, _ in merged[1:]] + [duration_ms]
    return [Chapter(title=t, begin_ms=b, end_ms=e, section_id=s) for (b, t, s), e in zip(merged, ends, strict=True)]


def synthesize_track(
    doc: Document, lang: str, options: AudioOptions, *, title: str | None = None, engine: TTSEngine | None = None
) -> Track:
    """Everything up to the PCM of one language track: text, voices, synthesis, timeline, loudness.

    Raises :class:`InputError` when there is nothing to read, the engine's own
    errors when it cannot run at all (missing program, no network, no voice for
    ``lang``), and the first synthesis error when no sentence could be spoken.
    """
    if engine is None:
        own = TTS_ENGINES.create(options.engine, options=options)
        try:
            return synthesize_track(doc, lang, options, title=title, engine=own)
        finally:
            close = getattr(own, "close", None)
            if callable(close):
                close()
    t0 = time.perf_counter()
    engine.check()
    items, notes = prepare(doc, lang, engine, options)
    if not items:
        raise InputError(
            f"The {lang} track has no text to read aloud.", hint="Check that the document has text in this language."
        )
    t1 = time.perf_counter()
    spool = PcmSpool()
    try:
        cues, failed = _synthesize_into(spool, engine, items, options)
        if not cues:
            first = failed[min(failed)]
            raise type(first)(f"No sentence of the {lang} track could be spoken: {first.message}", hint=first.hint)
        t2 = time.perf_counter()
        sr = options.sample_rate
        n = spool.samples
        duration_ms = n * 1000 // sr
        before, gain = None, 0.0
        if options.normalise and not getattr(engine, "silent", False):
            starts = [c.begin_ms * sr // 1000 for c in cues]
            before = measure_excerpt(excerpt_of(n, spool.read, sr, list(zip(starts, [*starts[1:], n], strict=True))), sr)
            if np.isfinite(before):
                # LAME removes about 0.5 LU of K-weighted energy from espeak speech (measured at 32-128 kb/s);
                # aim a little higher so the MP3 lands on the target (M4A ends about 0.4 LU above it).
                gain = options.loudness_lufs - before + (MP3_LOUDNESS_LOSS_DB if "mp3" in options.formats else 0.0)
                _apply_gain(spool, gain)
    except BaseException:
        spool.close()
        raise
    timeline = Timeline(
        lang=lang,
        cues=cues,
        chapters=chapters_for(items, cues, duration_ms, options, title, lang),
        duration_ms=duration_ms,
        missing=[it.sentence_id for it in items if it.index in failed],
    )
    failures = [(items[i].sentence_id, failed[i].message) for i in sorted(failed)]
    timings = {"prepare": t1 - t0, "synthesis": t2 - t1, "assemble": time.perf_counter() - t2}
    return Track(lang, spool, sr, timeline, items, notes, failures, before, gain, timings)
