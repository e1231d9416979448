"""Renderers ``html``, ``epub``, ``docx`` and ``bundle``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from ..context import RunContext
from ..errors import OutputError
from ..model import Timeline, iter_sentences
from ..products import FILES, NARRATION, TIMELINE
from ..render import RENDERERS, artifact
from ..result import Artifact
from .bundle import collect, write_bundle
from .docx import build_docx
from .epub import Narration, build_epub
from .html import PageInput, build_page

log = logging.getLogger("transform.publish")


def narration_for(ctx: RunContext, lang: str) -> Narration | None:
    """The measured narration of a track (audio output of this run), or None.

    An *estimated* timeline (made for captions without audio) is never used for Media Overlays.
    """
    timeline = ctx.products.timelines.get(lang)
    audio = ctx.products.narrations.get(lang)
    if not isinstance(timeline, Timeline) or audio is None:
        return None
    path = Path(audio)
    mp3 = ctx.file(lang, "mp3")
    if path.suffix.lower() != ".mp3" and mp3.is_file():
        path = mp3  # MP3 is the one audio format every EPUB reading system must play
    if not path.is_file():
        ctx.warn("render.publish", f"The narration file {path.name} is missing; the {lang} publication has no read-along.")
        return None
    if timeline.estimated:
        ctx.warn("render.publish", f"The {lang} timeline is an estimate, not measured on the audio; no read-along was added.")
        return None
    engine = ctx.options.audio.engine
    return Narration(path, timeline, narrator=f"{engine} (synthetic voice)" if engine else None)


def _langs(ctx: RunContext, stage: str) -> list[str]:
    """Tracks to publish; a track without any sentence is skipped with a warning."""
    langs = ctx.track_langs()
    if not langs:
        raise OutputError("The document has no language track to publish.", hint="Check the 'languages' option.")
    full = [lang for lang in langs if next(iter_sentences(ctx.tracks[lang]), None) is not None]
    for lang in langs:
        if lang not in full:
            ctx.warn(stage, f"The {lang} version has no text; nothing was published for it.")
    if not full:
        raise OutputError("The document has no text to publish.", hint="Check that the source has a text layer or enable OCR.")
    return full


class HtmlRenderer:
    name: ClassVar[str] = "html"
    uses: ClassVar[tuple[str, ...]] = (TIMELINE, NARRATION)  # read-along when the audio output runs
    description: ClassVar[str] = (
        "Accessible HTML page per language (headings, lang/dir, tables, skip link, read-along when audio ran)."
    )

    def render(self, ctx: RunContext) -> list[Artifact]:
        langs = _langs(ctx, "render.html")
        arts = []
        for lang in langs:
            path = ctx.file(lang, "html")
            narration = narration_for(ctx, lang)
            audio_href = None
            if narration is not None:
                try:
                    audio_href = narration.audio.resolve().relative_to(ctx.out_dir.resolve()).as_posix()
                except ValueError:
                    audio_href = None  # outside the output folder: the page must not point at it
            page = PageInput(
                stem=ctx.stem,
                versions=[(other, ctx.file(other, "html").name) for other in langs if other != lang],
                audio_href=audio_href,
                timeline=narration.timeline if narration and audio_href else None,
                source_name=ctx.document.meta.source_name if ctx.document else "",
            )
            path.write_text(build_page(ctx.tracks[lang], page), encoding="utf-8")
            arts.append(artifact(ctx, path, self.name, lang, "accessible web page"))
        return arts


class EpubRenderer:
    name: ClassVar[str] = "epub"
    uses: ClassVar[tuple[str, ...]] = (TIMELINE, NARRATION)  # Media Overlays when the audio output runs
    description: ClassVar[str] = "EPUB 3 per language with accessibility metadata and Media Overlays (read-along) when audio ran."

    def render(self, ctx: RunContext) -> list[Artifact]:
        arts = []
        for lang in _langs(ctx, "render.epub"):
            path = ctx.file(lang, "epub")
            report = build_epub(ctx.tracks[lang], path, stem=ctx.stem, narration=narration_for(ctx, lang))
            if report.skipped_cues:
                ctx.warn(
                    "render.epub",
                    f"{len(report.skipped_cues)} narration cues of the {lang} track point at no sentence of the book.",
                )
            desc = "EPUB 3 with read-along narration" if report.overlays else "EPUB 3"
            arts.append(artifact(ctx, path, self.name, lang, desc))
        return arts


class DocxRenderer:
    name: ClassVar[str] = "docx"
    description: ClassVar[str] = (
        "Word document per language (the simplified text for Darija/easy-read tracks), real heading styles, RTL."
    )

    def render(self, ctx: RunContext) -> list[Artifact]:
        arts = []
        for lang in _langs(ctx, "render.docx"):
            path = ctx.file(lang, "docx")
            build_docx(ctx.tracks[lang], path, timeout=min(ctx.options.timeout_s, 300.0))
            arts.append(artifact(ctx, path, self.name, lang, "Word document"))
        return arts


class BundleRenderer:
    name: ClassVar[str] = "bundle"
    uses: ClassVar[tuple[str, ...]] = (FILES,)  # runs after every other output of the run
    description: ClassVar[str] = (
        "One zip with every output of the document, manifest.json (checksums, engines) and a bilingual index.html."
    )

    def render(self, ctx: RunContext) -> list[Artifact]:
        assert ctx.document is not None
        path = ctx.file("bundle", "zip")
        files = collect(ctx.out_dir, ctx.stem, path.name, set(ctx.tracks) | {"ar", "fr", "ary", "en"}, ctx.products.artifacts)
        if not files:
            raise OutputError("There is no output file to bundle.", hint="Ask for other outputs together with 'bundle'.")
        docs = [ctx.document] + [t for t in ctx.tracks.values() if t is not ctx.document]
        write_bundle(path, files, ctx.document, ctx.stem, list(ctx.tracks), docs)
        log.info("bundle %s: %d files", path.name, len(files))
        return [artifact(ctx, path, self.name, None, f"{len(files)} files, manifest.json and index.html")]


RENDERERS.register("html", HtmlRenderer)
RENDERERS.register("epub", EpubRenderer)
RENDERERS.register("docx", DocxRenderer)
RENDERERS.register("bundle", BundleRenderer)
