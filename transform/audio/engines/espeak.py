"""espeak-ng (offline, the default).

Two backends (``audio.espeak_backend``):

* ``worker`` (used by ``auto`` when libespeak-ng is loadable): long-lived worker
  processes, one per core, that keep the voice loaded and return one WAV per
  sentence (``espeak_worker.py``); each call has the sentence timeout and a
  worker that does not answer in time is killed.
* ``cli``: one ``espeak-ng --stdout`` process per sentence (about 20 ms of
  start-up each, loading the voice again every time).
"""

from __future__ import annotations

import os
from typing import ClassVar

from ..._exec import ESPEAK, run
from ..._exec.espeak import HINT, installed_languages, synth_command
from ...errors import LanguageNotSupportedError
from ..options import AudioOptions
from ..wav import Clip, parse_wav
from .base import DARIJA_NOTE, Voice
from .espeak_pool import WorkerPool, library_available

DEFAULT_VOICES = {"ar": "ar", "fr": "fr", "en": "en"}


class EspeakEngine:
    name: ClassVar[str] = "espeak"
    parallel: ClassVar[bool] = True
    network: ClassVar[bool] = False
    adjustable_rate: ClassVar[bool] = True

    def __init__(self, options: AudioOptions | None = None) -> None:
        self.options = options or AudioOptions()
        backend = self.options.espeak_backend
        self.pool: WorkerPool | None = None
        if backend == "worker" or (backend == "auto" and library_available()):
            self.pool = WorkerPool(self.options.workers or os.cpu_count() or 1)

    def close(self) -> None:
        """Stop the worker processes (they also stop by themselves when this process exits)."""
        if self.pool is not None:
            self.pool.close()

    @classmethod
    def available(cls) -> bool:
        return ESPEAK.available()

    def check(self) -> None:
        ESPEAK.require()

    def voice_for(self, lang: str) -> Voice:
        tag = lang.lower()
        base = tag.split("-")[0]
        chosen = self.options.voices.get(tag) or self.options.voices.get(base)
        note = None
        spoken = base
        if chosen is None:
            if base == "ary":
                chosen, spoken = self.options.voices.get("ar", DEFAULT_VOICES["ar"]), "ar"
                note = DARIJA_NOTE.format(engine="espeak-ng", voice=chosen)
            else:
                chosen = DEFAULT_VOICES.get(base, base)
        known = installed_languages()
        if known and chosen.lower() not in known and chosen.lower().split("-")[0] not in known and "/" not in chosen:
            raise LanguageNotSupportedError(
                f"espeak-ng has no voice for {lang!r} (voice {chosen!r}).",
                hint="Install the espeak-ng voice, pick another with audio.voices, or leave this language out with --languages.",
            )
        return Voice(self.name, chosen, lang, spoken, note)

    def command(self, voice: Voice, rate: int | None = None) -> list[str]:
        return synth_command(voice.name, rate or self.options.rate_for(voice.lang))

    def synthesize(self, text: str, voice: Voice, rate: int | None = None) -> Clip:
        if self.pool is not None:
            wav = self.pool.synthesize(voice.name, rate or self.options.rate_for(voice.lang), text, self.options.timeout_s)
            return parse_wav(wav, source="espeak-ng")
        proc = run(
            self.command(voice, rate),
            tool="espeak-ng",
            timeout=self.options.timeout_s,
            input=text.encode("utf-8"),
            hint=HINT,
        )
        return parse_wav(proc.stdout, source="espeak-ng")
