"""The model as JSON and plain text per language track."""

from __future__ import annotations

from typing import ClassVar

from ..context import RunContext
from ..model import Document, ListBlock, ListItem, Table, iter_blocks
from ..model.walk import block_text, cell_text
from ..result import Artifact
from . import RENDERERS
from .base import artifact


class JsonRenderer:
    name: ClassVar[str] = "json"
    description: ClassVar[str] = "The document model as JSON (lossless, for developers and debugging)."

    def render(self, ctx: RunContext) -> list[Artifact]:
        assert ctx.document is not None
        path = ctx.file(None, "json")
        path.write_text(ctx.document.model_dump_json(indent=1), encoding="utf-8")
        return [artifact(ctx, path, self.name)]


def _items(items: list[ListItem], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for it in items:
        lines.append("  " * depth + "- " + " ".join(s.text for s in it.sentences))
        lines.extend(_items(it.children, depth + 1))
    return lines


def plain_text(doc: Document) -> str:
    """Readable plain text: blocks separated by blank lines, list items and table rows on their own lines."""
    parts: list[str] = []
    for _, block in iter_blocks(doc):
        if isinstance(block, ListBlock):
            parts.append("\n".join(_items(block.items)))
        elif isinstance(block, Table):
            rows = [" | ".join(cell_text(c) for c in row) for row in block.rows]
            parts.append("\n".join(rows))
        else:
            text = block_text(block)
            if text:
                parts.append(text)
    return "\n\n".join(parts) + "\n"


class TextRenderer:
    """One text file per language of the source; a simplified track's text is its own output's
    (``darija``, ``easy-french``: the draft, with its header)."""

    name: ClassVar[str] = "text"
    description: ClassVar[str] = "Plain UTF-8 text, one file per language."

    def render(self, ctx: RunContext) -> list[Artifact]:
        arts = []
        for lang in ctx.track_langs():
            if lang in ctx.products.simplified:
                continue
            path = ctx.file(lang, "txt")
            path.write_text(plain_text(ctx.tracks[lang]), encoding="utf-8")
            arts.append(artifact(ctx, path, self.name, lang))
        return arts


RENDERERS.register("json", JsonRenderer)
RENDERERS.register("text", TextRenderer)
