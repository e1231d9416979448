"""Narration that does not grow in memory with the document: clips go to a file as they come.

A track is synthesised in batches of sentences (cut at chapter starts, see
:func:`batches`); each batch's clips are laid out by the one :class:`Assembler`
(pauses, exact millisecond cues) and appended to a :class:`PcmSpool`, a raw
16-bit mono file in a temporary directory, then dropped. Loudness is measured on
excerpts read back from the file, the gain is applied to it in chunks, and ffmpeg
encodes it from the file. Peak memory is one batch of clips plus one chunk, not
the narration.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from ..model import Cue
from .options import AudioOptions
from .speech import SpeechItem
from .wav import grid_samples

BATCH_MIN = 64  # sentences: a batch ends at the first chapter start after this many ...
BATCH_MAX = 256  # ... and at this many in any case (a long chapter, a document without headings)
CHUNK = 1 << 20  # samples read back at a time (2 MiB)


class PcmSpool:
    """Mono int16 PCM appended to a file; read back by span or in chunks. Removed by :meth:`close`
    (or when garbage-collected)."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="taysir-pcm-"))
        self.path = self.dir / "track.s16le"
        self._f = open(self.path, "w+b")  # noqa: SIM115 - closed by close() / the finaliser
        self.samples = 0
        self._final = weakref.finalize(self, _remove, self._f, self.dir)

    def append(self, samples: np.ndarray) -> None:
        self._f.write(np.ascontiguousarray(samples, dtype="<i2").tobytes())
        self.samples += len(samples)

    def zeros(self, n: int) -> None:
        while n > 0:
            k = min(n, CHUNK)
            self._f.write(bytes(2 * k))
            self.samples += k
            n -= k

    def read(self, start: int, stop: int) -> np.ndarray:
        self._f.flush()
        stop = min(stop, self.samples)
        if stop <= start:
            return np.zeros(0, dtype=np.int16)
        data = os.pread(self._f.fileno(), 2 * (stop - start), 2 * start)
        return np.frombuffer(data, dtype="<i2").astype(np.int16)

    def write_at(self, start: int, samples: np.ndarray) -> None:
        self._f.flush()
        os.pwrite(self._f.fileno(), np.ascontiguousarray(samples, dtype="<i2").tobytes(), 2 * start)

    def chunks(self, size: int = CHUNK) -> Iterator[tuple[int, np.ndarray]]:
        for a in range(0, self.samples, size):
            yield a, self.read(a, a + size)

    def finish(self) -> Path:
        """Flush and return the file's path (for ffmpeg to read)."""
        self._f.flush()
        return self.path

    def close(self) -> None:
        self._final()


def _remove(f: object, directory: Path) -> None:
    try:
        f.close()  # type: ignore[attr-defined]
    finally:
        shutil.rmtree(directory, ignore_errors=True)


class MemorySink:
    """The same interface as :class:`PcmSpool` for a short track kept in memory."""

    def __init__(self) -> None:
        self.parts: list[np.ndarray] = []
        self.samples = 0

    def append(self, samples: np.ndarray) -> None:
        self.parts.append(samples)
        self.samples += len(samples)

    def zeros(self, n: int) -> None:
        self.append(np.zeros(n, dtype=np.int16))

    def array(self) -> np.ndarray:
        return np.concatenate(self.parts) if self.parts else np.zeros(0, dtype=np.int16)


def pause_ms(cur: SpeechItem, nxt: SpeechItem, options: AudioOptions) -> int:
    if cur.kind == "heading" or nxt.kind == "heading":
        return options.pause_heading_ms
    if cur.block_key != nxt.block_key:
        return options.pause_paragraph_ms
    return options.pause_sentence_ms


class Assembler:
    """Lays clips end to end with the pauses between them, as they arrive, in exact integer ms.

    The pause after a clip depends on the next spoken item, so it is written when that item
    arrives; the last clip has none. Cue times are sample positions, so they do not depend
    on how the items were batched.
    """

    def __init__(self, options: AudioOptions, sink: PcmSpool | MemorySink) -> None:
        self.options = options
        self.sink = sink
        self.sr = options.sample_rate
        self.grid = grid_samples(self.sr)
        self.grid_ms = self.grid * 1000 // self.sr
        self.cues: list[Cue] = []
        self._last: tuple[SpeechItem, int] | None = None  # previous item and its clip length

    def add(self, item: SpeechItem, clip: np.ndarray) -> None:
        if self._last is not None:
            prev, n = self._last
            gap = round(pause_ms(prev, item, self.options) / self.grid_ms) * self.grid
            short = self.options.min_sentence_slot_ms * self.sr // 1000 - n  # room for a 5/6 s caption
            self.sink.zeros(max(gap, -(-short // self.grid) * self.grid))
        start = self.sink.samples
        self.sink.append(clip)
        end = self.sink.samples
        self.cues.append(
            Cue(
                sentence_id=item.sentence_id,
                text=item.text,
                lang=item.lang,
                begin_ms=start * 1000 // self.sr,
                end_ms=end * 1000 // self.sr,
                kind=item.kind,
                section_id=item.section_id,
                voices=[(v.lang, v.name) for _, v in item.parts] if item.parts else [],
            )
        )
        self._last = (item, len(clip))


def batches(items: Sequence[SpeechItem], options: AudioOptions) -> Iterator[list[SpeechItem]]:
    """Consecutive items, cut at a chapter start once a batch has ``BATCH_MIN`` items, or at ``BATCH_MAX``."""
    cur: list[SpeechItem] = []
    for it in items:
        chapter = it.kind == "heading" and it.depth <= options.chapter_depth
        if cur and ((chapter and len(cur) >= BATCH_MIN) or len(cur) >= BATCH_MAX):
            yield cur
            cur = []
        cur.append(it)
    if cur:
        yield cur
