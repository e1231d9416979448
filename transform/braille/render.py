"""The ``braille`` output: one file set per language track.

``<stem>.<lang>.brl`` (Unicode braille), ``.brf`` (ASCII braille for embossers),
``.pef`` (PEF 2008-1) as chosen by ``options.braille.formats``, and always
``<stem>.<lang>.braille-index.json`` (braille pages -> sections, sentence ids).
"""

from __future__ import annotations

from typing import ClassVar

from ..context import RunContext
from ..errors import ErrorItem, MissingDependencyError, OutputError, TransformError
from ..render import RENDERERS, artifact
from ..result import Artifact
from .formats import to_brf, to_index_json, to_unicode
from .pef import check_pef, to_pef
from .tables import louis_module
from .translate import translate_document


class BrailleRenderer:
    name: ClassVar[str] = "braille"
    description: ClassVar[str] = "Braille per language: Unicode braille (.brl), BRF for embossers, PEF 2008-1, page index."

    @staticmethod
    def available() -> bool:
        try:
            louis_module()  # through the one import point: the quiet logger goes in first
        except MissingDependencyError:
            return False
        return True

    def render(self, ctx: RunContext) -> list[Artifact]:
        opts = ctx.options.braille
        arts: list[Artifact] = []
        failures: list[tuple[str, TransformError]] = []
        langs = ctx.track_langs()
        for lang in langs:
            doc = ctx.tracks[lang]
            try:
                book = translate_document(doc, opts, lang)
            except TransformError as exc:
                failures.append((lang, exc))
                continue
            ident = f"urn:taysir:{doc.meta.source_sha256 or ctx.stem}:{lang}:braille"
            if "unicode" in opts.formats:
                path = ctx.file(lang, "brl")
                path.write_text(to_unicode(book), encoding="utf-8")
                arts.append(artifact(ctx, path, self.name, lang, "Unicode braille"))
            if "brf" in opts.formats:
                try:
                    data = to_brf(book)
                except OutputError as exc:  # 8-dot computer braille: BRF cannot hold it, the other formats can
                    ctx.warn("render.braille", f"{lang}: no BRF file: {exc}")
                else:
                    path = ctx.file(lang, "brf")
                    path.write_bytes(data)
                    arts.append(artifact(ctx, path, self.name, lang, "BRF (North American ASCII braille) for embossers"))
            if "pef" in opts.formats:
                data = to_pef(book, identifier=ident, title=doc.meta.title or ctx.stem, duplex=opts.duplex)
                check_pef(data)
                path = ctx.file(lang, "pef")
                path.write_bytes(data)
                arts.append(artifact(ctx, path, self.name, lang, "PEF 2008-1"))
            path = ctx.file(lang, "braille-index.json")
            path.write_text(to_index_json(book, stem=ctx.stem), encoding="utf-8")
            arts.append(artifact(ctx, path, self.name, lang, "braille pages -> sections and sentence ids"))
            for w in book.warnings:
                ctx.warn("render.braille", f"{lang}: {w}")
        if failures and len(failures) == len(langs):
            raise failures[0][1]
        for lang, failure in failures:
            item = ErrorItem.from_exception("render.braille", failure)
            item.message = f"{lang}: {item.message}"
            ctx.errors.append(item)
        return arts


RENDERERS.register("braille", BrailleRenderer)
