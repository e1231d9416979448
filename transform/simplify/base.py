"""Simplifier protocol: turn a source Document into a simplified one with the same sentence ids."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol

from ..model import Document

if TYPE_CHECKING:
    from ..context import RunContext


class Simplifier(Protocol):
    name: ClassVar[str]

    def simplify(self, doc: Document, target_lang: str, ctx: RunContext) -> Document:
        """Return a new Document in ``target_lang`` (``ary`` or ``fr`` easy-read); keep ids; set source_text."""
        ...
