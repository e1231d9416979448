"""gTTS (Google Translate's voice): opt-in and ONLINE.

Before any synthesis ``check()`` opens a TCP connection to the service with a
short timeout (``audio.network_timeout_s``, 3 s by default, name resolution
included): without network the engine fails at once with
:class:`EngineError` code ``engine_failed`` and the message
"gTTS needs internet access ..." instead of hanging. Each request also carries
that timeout, and the first network failure stops the track.
"""

from __future__ import annotations

import io
import socket
import threading
from typing import ClassVar

from ...errors import EngineError, LanguageNotSupportedError, MissingDependencyError
from ..options import AudioOptions
from ..wav import Clip, decode
from .base import DARIJA_NOTE, Voice

LANGS = {"ar": "ar", "fr": "fr", "en": "en"}
NO_NETWORK = "gTTS needs internet access and could not reach {host}:{port} within {timeout:g} s ({reason})."
NO_NETWORK_HINT = "Use the offline espeak engine (audio.engine = 'espeak'), or run where the service is reachable."


def reachable(host: str, port: int, timeout: float) -> str | None:
    """None when a TCP connection opens within ``timeout`` seconds, else the reason.

    Runs in a daemon thread so that a slow name resolution cannot outlive the timeout.
    """
    outcome: list[str | None] = []

    def attempt() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                outcome.append(None)
        except OSError as exc:
            outcome.append(exc.strerror or type(exc).__name__)

    t = threading.Thread(target=attempt, daemon=True, name="gtts-preflight")
    t.start()
    t.join(timeout)
    if not outcome:
        return "timed out"
    return outcome[0]


class GttsEngine:
    name: ClassVar[str] = "gtts"
    parallel: ClassVar[bool] = False  # one request at a time: be polite to the service
    network: ClassVar[bool] = True
    adjustable_rate: ClassVar[bool] = False
    port: ClassVar[int] = 443
    host_override: ClassVar[str | None] = None  # tests point this at a closed local port

    def __init__(self, options: AudioOptions | None = None) -> None:
        self.options = options or AudioOptions()
        self.host = self.host_override or f"translate.google.{self.options.gtts_tld}"

    @classmethod
    def available(cls) -> bool:
        try:
            import gtts  # noqa: F401
        except ImportError:
            return False
        return True

    def check(self) -> None:
        if not self.available():
            raise MissingDependencyError("The gtts engine needs the gTTS package.", hint="pip install 'taysir[audio]' (gTTS).")
        timeout = self.options.network_timeout_s
        reason = reachable(self.host, self.port, timeout)
        if reason is not None:
            raise EngineError(
                NO_NETWORK.format(host=self.host, port=self.port, timeout=timeout, reason=reason), hint=NO_NETWORK_HINT
            )

    def voice_for(self, lang: str) -> Voice:
        base = lang.lower().split("-")[0]
        if base == "ary":
            return Voice(self.name, "ar", lang, "ar", DARIJA_NOTE.format(engine="gTTS", voice="ar"))
        if base not in LANGS:
            raise LanguageNotSupportedError(
                f"The gtts engine is not set up for {lang!r}.", hint=f"Supported: {', '.join(LANGS)}."
            )
        return Voice(self.name, LANGS[base], lang, base)

    def synthesize(self, text: str, voice: Voice, rate: int | None = None) -> Clip:
        from gtts import gTTS, gTTSError

        buf = io.BytesIO()
        try:
            gTTS(text, lang=voice.name, tld=self.options.gtts_tld, timeout=self.options.network_timeout_s).write_to_fp(buf)
        except (gTTSError, OSError) as exc:
            raise EngineError(f"gTTS failed: {exc}", hint=NO_NETWORK_HINT) from None
        return decode(buf.getvalue(), self.options.sample_rate, timeout=self.options.timeout_s, source="gTTS")
