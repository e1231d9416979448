"""Piper neural voices, only with a local model file given by the operator.

``audio.piper_model`` must point at a ``.onnx`` voice (its ``.onnx.json`` next
to it). The ``piper`` command (``pip install piper-tts``) runs it. Nothing is
ever downloaded. One model speaks one language: the model's own config says
which (``language.code``), and other languages fall back to an error.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import ClassVar

from ..._exec import piper
from ...errors import LanguageNotSupportedError, MissingDependencyError, OptionsError
from ..options import AudioOptions
from ..wav import Clip, parse_wav
from .base import DARIJA_NOTE, Voice

HINT = "Install piper-tts (pip install piper-tts) and set audio.piper_model to a local .onnx voice file."


class PiperEngine:
    name: ClassVar[str] = "piper"
    parallel: ClassVar[bool] = True
    network: ClassVar[bool] = False
    adjustable_rate: ClassVar[bool] = True

    def __init__(self, options: AudioOptions | None = None) -> None:
        self.options = options or AudioOptions()

    @classmethod
    def available(cls) -> bool:
        return piper.PROBE.available()

    def model(self) -> Path:
        if not self.options.piper_model:
            raise MissingDependencyError("The piper engine needs a local voice model and none was given.", hint=HINT)
        path = Path(self.options.piper_model)
        if path.suffix != ".onnx" or not path.is_file():
            raise MissingDependencyError(f"The Piper voice model {path} does not exist or is not a .onnx file.", hint=HINT)
        return path

    def model_lang(self) -> str | None:
        cfg = Path(str(self.model()) + ".json")
        try:
            data = json.loads(cfg.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        code = (data.get("language") or {}).get("code") or data.get("espeak", {}).get("voice")
        return str(code).replace("_", "-").lower() if code else None

    def check(self) -> None:
        self.model()
        if not self.available():
            raise MissingDependencyError("The piper command is not installed.", hint=HINT)

    def voice_for(self, lang: str) -> Voice:
        model = self.model()
        base = lang.lower().split("-")[0]
        spoken = (self.model_lang() or base).split("-")[0]
        want = "ar" if base == "ary" else base
        if spoken != want:
            raise LanguageNotSupportedError(f"The Piper voice {model.name} speaks {spoken!r}, not {lang!r}.", hint=HINT)
        note = DARIJA_NOTE.format(engine="Piper", voice=model.stem) if base == "ary" else None
        return Voice(self.name, str(model), lang, spoken, note)

    def synthesize(self, text: str, voice: Voice, rate: int | None = None) -> Clip:
        if not self.available():
            raise MissingDependencyError("The piper command is not installed.", hint=HINT)
        scale = 150 / max(60, rate or self.options.rate_for(voice.lang))  # length scale: >1 is slower
        if not (0.3 <= scale <= 3):
            raise OptionsError("The speaking rate is out of range for Piper.")
        with tempfile.TemporaryDirectory(prefix="taysir-piper-") as tmp:
            out = Path(tmp) / "clip.wav"
            piper.synthesize(text, model=voice.name, length_scale=scale, out=out, timeout=self.options.timeout_s)
            return parse_wav(out.read_bytes(), source="piper")
