"""Arabic diacritisation (tashkeel) with the model shipped in the ``piper-phonemize`` wheel.

``piper_phonemize.tashkeel_run`` loads its model on every call (about 0.4 s)
but keeps line breaks, so a whole narration track is diacritised in ONE call
with its sentences joined by newlines (ARCHITECTURE.md, D5). Without
diacritics espeak-ng reads Arabic as consonant clusters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import EngineError, MissingDependencyError

HARAKAT = re.compile("[\u064b-\u0652\u0670]")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def available() -> bool:
    try:
        import piper_phonemize  # noqa: F401
    except ImportError:
        return False
    return True


def diacritise(lines: Sequence[str]) -> list[str]:
    """Diacritise many sentences in one model call; the result has one entry per input line.

    Raises :class:`MissingDependencyError` when ``piper-phonemize`` is not
    installed and :class:`EngineError` when the model gives back a different
    number of lines.
    """
    if not lines:
        return []
    try:
        from piper_phonemize import tashkeel_run
    except ImportError:
        raise MissingDependencyError(
            "Arabic diacritisation needs the piper-phonemize package.",
            hint="Run `pip install piper-phonemize`, or set audio.diacritise to false (Arabic will then be hard to understand).",
        ) from None
    clean = [" ".join(line.split()) for line in lines]  # a newline inside a sentence would shift every line after it
    try:
        out = tashkeel_run("\n".join(clean))
    except Exception as exc:  # noqa: BLE001 - a native library error becomes a typed error
        raise EngineError(f"The Arabic diacritisation model failed: {exc}.") from None
    result = out.split("\n")
    if len(result) != len(clean):
        raise EngineError(f"The Arabic diacritisation model returned {len(result)} lines for {len(clean)} sentences.")
    return result


def is_diacritised(text: str, min_ratio: float = 0.3) -> bool:
    """True when at least ``min_ratio`` of the Arabic letters carry a haraka (tests and checks)."""
    letters = len(ARABIC_LETTER.findall(text))
    return letters == 0 or len(HARAKAT.findall(text)) >= min_ratio * letters
