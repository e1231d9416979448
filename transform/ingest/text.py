"""Plain text: blank lines separate paragraphs; short lines before a blank line may be headings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..errors import InputError
from ..model import Document, DocumentMeta, Paragraph, Section, Sentence
from . import INGESTERS

if TYPE_CHECKING:
    from ..context import RunContext


class TextIngester:
    formats: ClassVar[tuple[str, ...]] = ("text",)

    def ingest(self, path: Path, ctx: RunContext) -> Document:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{path.name}: the text is not UTF-8.", hint="Save it as UTF-8 and send it again.") from None
        blocks = []
        for chunk in text.replace("\r\n", "\n").split("\n\n"):
            para = " ".join(chunk.split())
            if para:
                blocks.append(Paragraph(sentences=[Sentence(id="", text=para)]))
        if not blocks:
            raise InputError(f"{path.name}: the file has no text.")
        return Document(meta=DocumentMeta(source_name=path.name, source_format="text"), sections=[Section(blocks=blocks)])


INGESTERS.register("text", TextIngester)
