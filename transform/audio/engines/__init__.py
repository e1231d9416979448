"""Text-to-speech engines, picked by name (``audio.engine``).

=========  =========  ==========================================================
name       network    notes
=========  =========  ==========================================================
espeak     offline    default; espeak-ng voices ar, fr, en; Darija read as ar
gtts       ONLINE     opt-in; fails at once without network (EngineError)
piper      offline    only with ``audio.piper_model`` = a local .onnx voice
null       offline    silent clips of deterministic length (control-flow tests)
=========  =========  ==========================================================
"""

from __future__ import annotations

from ...registry import Registry
from .base import TTSEngine, Voice
from .espeak import EspeakEngine
from .gtts_engine import GttsEngine
from .null import NullEngine
from .piper import PiperEngine

TTS_ENGINES: Registry[TTSEngine] = Registry("transform.tts_engines")
TTS_ENGINES.register("espeak", EspeakEngine)
TTS_ENGINES.register("gtts", GttsEngine)
TTS_ENGINES.register("piper", PiperEngine)
TTS_ENGINES.register("null", NullEngine)

__all__ = ["TTS_ENGINES", "EspeakEngine", "GttsEngine", "NullEngine", "PiperEngine", "TTSEngine", "Voice"]
