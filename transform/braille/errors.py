"""Braille-specific typed errors."""

from __future__ import annotations

import unicodedata

from ..errors import InputError


def describe_char(ch: str) -> str:
    """``U+06AD ARABIC LETTER NG 'ڭ'``: how a character is named in messages."""
    name = unicodedata.name(ch, "unnamed character")
    return f"U+{ord(ch):04X} {name} {ch!r}"


class UnknownCharactersError(InputError):
    """The text has characters no braille table in use can write.

    ``chars`` maps each character to the sentence ids (or places) where it occurs.
    """

    code = "braille_unknown_characters"

    def __init__(self, chars: dict[str, list[str]], table: str = "") -> None:
        self.chars = {c: list(dict.fromkeys(places)) for c, places in chars.items()}
        parts = []
        for ch, places in sorted(self.chars.items()):
            shown = ", ".join(places[:8]) + (f" and {len(places) - 8} more" if len(places) > 8 else "")
            parts.append(f"{describe_char(ch)} in {shown}")
        where = f" with {table}" if table else ""
        super().__init__(
            f"{len(self.chars)} character(s) cannot be brailled{where}: " + "; ".join(parts) + ".",
            hint="Replace or remove these characters in the source, or set the braille option unknown_chars='note' "
            "to write a transcriber's note in their place.",
        )

    def to_dict(self) -> dict[str, object]:
        out = super().to_dict()
        out["characters"] = {f"U+{ord(c):04X}": places for c, places in self.chars.items()}
        return out
