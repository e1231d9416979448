"""The identity simplifier: copies the text (tests, and runs that need no simplification)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..model import Document, iter_sentences
from . import SIMPLIFIERS
from .base import Simplification, segments_of

if TYPE_CHECKING:
    from ..context import RunContext


class IdentitySimplifier:
    name: ClassVar[str] = "identity"

    def simplify(self, doc: Document, target_lang: str, ctx: RunContext) -> Simplification:
        out = doc.model_copy(deep=True)
        for loc in iter_sentences(out):
            loc.sentence.source_text = loc.sentence.text
        out.meta.variant = "simplified"
        return Simplification(out, segments_of(out), doc.meta.lang, "other")


SIMPLIFIERS.register("identity", IdentitySimplifier)
