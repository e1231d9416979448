"""A fake engine for pipeline tests: deterministic silent clips, 60 ms per character (+ 200 ms).

Never proof that narration works: it makes no sound. Use it to test control
flow (timelines, captions, chapters) without a speech engine.
"""

from __future__ import annotations

from typing import ClassVar

from ...errors import LanguageNotSupportedError
from ..options import AudioOptions
from ..wav import Clip
from .base import DARIJA_NOTE, Voice

MS_PER_CHAR = 60
BASE_MS = 200


class NullEngine:
    name: ClassVar[str] = "null"
    parallel: ClassVar[bool] = True
    network: ClassVar[bool] = False
    adjustable_rate: ClassVar[bool] = False
    silent: ClassVar[bool] = True  # the narrator neither trims nor normalises its clips
    languages: ClassVar[frozenset[str]] = frozenset({"ar", "ary", "fr", "en"})

    def __init__(self, options: AudioOptions | None = None) -> None:
        self.options = options or AudioOptions()

    @classmethod
    def available(cls) -> bool:
        return True

    def check(self) -> None:
        return None

    def voice_for(self, lang: str) -> Voice:
        base = lang.lower().split("-")[0]
        if base not in self.languages:
            raise LanguageNotSupportedError(f"The null engine has no voice for {lang!r}.")
        if base == "ary":
            return Voice(self.name, "ar", lang, "ar", DARIJA_NOTE.format(engine="null", voice="ar"))
        return Voice(self.name, base, lang, base)

    def synthesize(self, text: str, voice: Voice, rate: int | None = None) -> Clip:
        ms = BASE_MS + MS_PER_CHAR * len(text)
        rate = self.options.sample_rate
        import numpy as np  # not at import time: `import transform` stays light

        return Clip(np.zeros(rate * ms // 1000, dtype=np.int16), rate)
