"""One way for every renderer to handle a language track that fails.

A renderer that makes files per language (braille, audio, video...) runs each language under
``failures.guard(lang)``: a :class:`TransformError` there stops that language only. At the end
``failures.finish(ctx, produced=...)`` records one :class:`ErrorItem` per failed language
(``stage`` = the output, message starting with the language) and, when no language produced
anything, raises the first failure instead, so the pipeline reports the output itself as failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..context import RunContext
from ..errors import ErrorItem, TransformError


@dataclass
class LanguageFailures:
    stage: str  # "render.braille"
    engine: str | None = None
    failed: list[tuple[str, TransformError]] = field(default_factory=list)

    @contextmanager
    def guard(self, lang: str) -> Iterator[None]:
        """Run the body for ``lang``; a TransformError is kept for :meth:`finish` and the caller goes on."""
        try:
            yield
        except TransformError as exc:
            self.failed.append((lang, exc))

    def langs(self) -> list[str]:
        return [lang for lang, _ in self.failed]

    def finish(self, ctx: RunContext, *, produced: bool) -> None:
        """Record the failed languages; raise the first failure when nothing at all was produced."""
        items = []
        for lang, exc in self.failed:
            item = ErrorItem.from_exception(self.stage, exc, engine=self.engine)
            item.message = f"{lang}: {item.message}"
            items.append(item)
        if self.failed and not produced:
            ctx.errors.extend(items[1:])
            raise self.failed[0][1]
        ctx.errors.extend(items)
