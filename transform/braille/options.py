"""Options of the braille output (owned by the braille module)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class BrailleOptions(BaseModel):
    french: Literal["g2", "g1", "comp6"] = "g2"
    english: Literal["g2", "g1"] = "g2"
    cells_per_line: int = Field(40, ge=10, le=100)
    lines_per_page: int = Field(25, ge=5, le=100)
    page_numbers: bool = True
    formats: list[Literal["unicode", "brf", "pef"]] = ["unicode", "brf", "pef"]
    unknown_chars: Literal["error", "note"] = "error"
