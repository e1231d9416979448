"""Options of the braille output (owned by the braille module).

The same model is used by the library, the CLI (``--outputs braille``) and the
HTTP service (nested as ``options.braille`` in TransformOptions).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class BrailleOptions(BaseModel):
    """How braille is produced and laid out.

    Tables: Arabic and Darija use Taysir's ``ar-ma-g1`` (Unified Arabic Braille
    grade 1 plus the Moroccan letters); French uses ``fr-bfu-g2`` (contracted),
    ``g1``/``comp6`` (``fr-bfu-comp6``, uncontracted) or ``comp8`` (8-dot
    computer braille: Unicode and PEF only, BRF cannot carry dots 7-8);
    English uses UEB grade 2 or 1. ``tables`` overrides the list for a language,
    e.g. ``{"fr": ["fr-bfu-comp6.utb"]}`` (names from the packaged
    ``braille_tables/`` or the system liblouis directory).
    """

    arabic: Literal["g1"] = "g1"
    french: Literal["g2", "g1", "comp6", "comp8"] = "g2"
    english: Literal["g2", "g1"] = "g2"
    tables: dict[str, list[str]] = Field(default_factory=dict)
    cells_per_line: int = Field(default=40, ge=10, le=100)
    lines_per_page: int = Field(default=25, ge=5, le=100)
    page_numbers: bool = True
    page_number_position: Literal["bottom", "top"] = "bottom"
    formats: list[Literal["unicode", "brf", "pef"]] = ["unicode", "brf", "pef"]
    # characters no table has (emoji, rare symbols): a transcriber's note and a warning listing them
    # ("note"), or an error for the whole language ("error", strict use)
    unknown_chars: Literal["error", "note"] = "note"
    duplex: bool = False  # PEF volume attribute: emboss on both sides of the sheet
    # PEF volumes (bound books) of at most this many braille pages; 0: one volume. A volume ends
    # before a section that starts in its last quarter, so that sections are not cut when avoidable.
    pages_per_volume: int = Field(default=0, ge=0, le=2000)

    def grade_for(self, lang: str) -> str:
        """The grade key used in ``braille_tables/index.toml`` for a language."""
        base = lang.split("-")[0].lower()
        if base in ("ar", "ary"):
            return self.arabic
        if base == "fr":
            return self.french
        if base == "en":
            return self.english
        return "g1"
