"""The text-to-speech engine protocol and the voice a language is spoken with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:
    from ..options import AudioOptions
    from ..wav import Clip


@dataclass(frozen=True)
class Voice:
    """The engine voice for one language. ``note`` says when a substitute is used (Darija -> Arabic)."""

    engine: str
    name: str
    lang: str  # the language asked for
    spoken_as: str  # the language the voice really speaks
    note: str | None = None


class TTSEngine(Protocol):
    """A speech engine. Engines are registered in ``TTS_ENGINES`` and built with the AudioOptions.

    * ``available()`` (classmethod): can it run here at all (binary/package present)?
    * ``check()``: fail fast before any synthesis (missing model, no network...).
    * ``voice_for(lang)``: the voice for a language or :class:`LanguageNotSupportedError`.
    * ``synthesize(text, voice)``: one sentence -> :class:`Clip` (mono 16-bit PCM);
      raises ``EngineError``/``ToolError`` (a timeout is a ``ToolError``).

    ``rate`` (words per minute) overrides the options' rate for one call; engines
    with ``adjustable_rate = False`` ignore it.

    ``parallel`` says whether sentences may be synthesised concurrently;
    ``network`` marks online engines (the first network failure stops the track).
    """

    name: ClassVar[str]
    parallel: ClassVar[bool]
    network: ClassVar[bool]
    adjustable_rate: ClassVar[bool]

    def __init__(self, options: AudioOptions) -> None: ...

    @classmethod
    def available(cls) -> bool: ...

    def check(self) -> None: ...

    def voice_for(self, lang: str) -> Voice: ...

    def synthesize(self, text: str, voice: Voice, rate: int | None = None) -> Clip: ...


DARIJA_NOTE = (
    "No Darija (ary) voice exists for {engine}; Darija is read with the {voice} Arabic voice "
    "(Moroccan words may sound foreign; a native speaker should review the narration)."
)
