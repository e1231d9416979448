"""The default offline engine: rules for MSA (DARIJA_GUIDE §3.2-3.7), templates for French (§3.8),
and easy-read French for French sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..errors import InputError
from ..model import Document
from . import SIMPLIFIERS
from .base import Simplification
from .engine import simplify_document

if TYPE_CHECKING:
    from ..context import RunContext

EASY_FRENCH = "fr-x-falc"


def load_arabic_version(path: str, ctx: RunContext) -> Document:
    """Ingest and structure the Arabic version of a French document (options.simplify.arabic_source)."""
    from ..ingest import ingest
    from ..structure import build_structure

    p = Path(path)
    if not p.is_file():
        raise InputError(f"The Arabic version {path!r} does not exist.", hint="Check options.simplify.arabic_source.")
    return build_structure(ingest(p, ctx))


class RulesSimplifier:
    name: ClassVar[str] = "rules"

    def simplify(self, doc: Document, target_lang: str, ctx: RunContext) -> Simplification:
        opts = ctx.options.simplify
        if target_lang == EASY_FRENCH:
            from .easyfr import easy_french_document

            return easy_french_document(doc)
        arabic = load_arabic_version(opts.arabic_source, ctx) if opts.arabic_source else None
        return simplify_document(doc, opts.agent, self.name, arabic)


SIMPLIFIERS.register("rules", RulesSimplifier)
