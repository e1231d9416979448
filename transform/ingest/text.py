"""Plain text: blank lines separate paragraphs. The encoding is found, not assumed (see :mod:`.encoding`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..errors import InputError
from ..model import Block, Document, DocumentMeta, Paragraph, Section, Sentence
from . import INGESTERS
from .encoding import decode_text, looks_binary

if TYPE_CHECKING:
    from ..context import RunContext


class TextIngester:
    formats: ClassVar[tuple[str, ...]] = ("text",)

    def ingest(self, path: Path, ctx: RunContext) -> Document:
        raw = path.read_bytes()
        text, _ = decode_text(raw)
        if looks_binary(text):
            raise InputError(f"{path.name}: the file holds binary data, not text.", hint="Send the document itself (PDF, DOCX, ODT, HTML or text).")
        blocks: list[Block] = []
        for chunk in re.split(r"\n[ \t\f\v]*\n|\f", text):
            para = " ".join(chunk.split())
            if para:
                blocks.append(Paragraph(sentences=[Sentence(id="", text=para)]))
        if not blocks:
            raise InputError(f"{path.name}: the file has no text.", hint="Check that you sent the right file.")
        return Document(meta=DocumentMeta(source_name=path.name, source_format="text"), sections=[Section(blocks=blocks)])


INGESTERS.register("text", TextIngester)
