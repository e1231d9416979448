"""EPUB 3 for one language track: one chapter per top-level section, nav, accessibility metadata, Media Overlays.

Written with :mod:`zipfile` so that we control every byte EPUBCheck and reading systems look at:
``mimetype`` first and stored, ``lang``/``xml:lang``/``dir`` on every document,
``page-progression-direction`` from the track's direction.
"""

from __future__ import annotations

import os
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import OutputError
from ..model import Document, Timeline, iter_sentences
from .content import ContentBuilder, track_title
from .html import notice_text, toc_list
from .labels import label
from .markup import el
from .opf import CONTAINER_XML, Item, PackageMeta, package_xml
from .smil import build_smil, usable_cues
from .style import ACTIVE_CLASS, epub_css

XHTML_NS = "http://www.w3.org/1999/xhtml"
AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "audio/mp4", ".opus": "audio/ogg", ".ogg": "audio/ogg"}
EPUB_NS = "http://www.idpf.org/2007/ops"


@dataclass
class Narration:
    """A narration track to synchronise: the MP3 and the timeline measured on it."""

    audio: Path
    timeline: Timeline
    narrator: str | None = None


@dataclass
class EpubReport:
    path: Path
    chapters: int
    overlays: dict[str, int] = field(default_factory=dict)  # chapter href -> clip count
    duration_ms: int = 0
    skipped_cues: list[str] = field(default_factory=list)  # cue sentence ids not found in the book


def _modified() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime.now(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _xhtml(lang: str, direction: str, title: str, css_href: str, body_children: list, head_title_lang: str | None = None) -> str:  # type: ignore[type-arg]
    head = el(
        "head",
        {},
        el("meta", {"charset": "utf-8"}),
        el("title", {"lang": head_title_lang}, title),
        el("link", {"rel": "stylesheet", "type": "text/css", "href": css_href}),
    )
    html = el(
        "html",
        {"xmlns": XHTML_NS, "xmlns:epub": EPUB_NS, "lang": lang, "dir": direction},
        head,
        el("body", {}).extend(body_children),
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n' + html.render(xhtml=True) + "\n"


def build_epub(doc: Document, out_path: Path, *, stem: str, narration: Narration | None = None) -> EpubReport:
    """Write ``out_path`` (an EPUB 3) from one language track."""
    lang, direction = doc.meta.lang, doc.meta.direction.value
    builder = ContentBuilder(doc, epub=True)
    title = track_title(doc, stem)
    files: list[tuple[str, bytes]] = []
    items: list[Item] = [
        Item("nav", "nav.xhtml", "application/xhtml+xml", properties="nav", in_spine=True),
        Item("css", "css/style.css", "text/css"),
    ]
    chapters: list[tuple[str, list[str]]] = []  # (href relative to EPUB/, sentence ids)
    section_ids: list[str | None] = []
    note = notice_text(doc)
    before = 0
    for i, (sec, node) in enumerate(builder.top_sections(), 1):  # each section is built as it is yielded
        href = f"text/c{i:03d}.xhtml"
        body = [el("p", {"class": "notice"}, note)] if note and i == 1 else []
        body.append(node)
        heading = " ".join(s.text for s in sec.heading.sentences) if sec.heading else title
        files.append((f"EPUB/{href}", _xhtml(lang, direction, heading or title, "../css/style.css", body).encode()))
        chapters.append((href, builder.sentence_ids[before:]))
        section_ids.append(str(node.attrs.get("id")) if node.attrs.get("id") else None)
        before = len(builder.sentence_ids)
    href_of = {i: href for i, (href, _) in enumerate(chapters)}
    gloss = builder.glossary_section(href_of={k: "../" + v for k, v in href_of.items()}, epub=True)
    if gloss is not None:
        files.append(
            ("EPUB/text/glossary.xhtml", _xhtml(lang, direction, label(lang, "glossary"), "../css/style.css", [gloss]).encode())
        )
    if not chapters:
        raise OutputError("The document has no content to put in an EPUB.", hint="Check that the source document has text.")

    # Media Overlays
    report = EpubReport(out_path, len(chapters))
    durations: dict[str, int] = {}
    overlay_of: dict[str, str] = {}
    audio_href = ""
    if narration is not None:
        all_ids = {sid for _, ids in chapters for sid in ids}
        cues = narration.timeline.cues
        report.skipped_cues = [c.sentence_id for c in cues if c.sentence_id not in all_ids]
        audio_href = "audio/narration" + (narration.audio.suffix.lower() or ".mp3")
        for i, (href, ids) in enumerate(chapters, 1):
            mine = usable_cues(cues, set(ids))
            if not mine:
                continue
            smil_id = f"mo{i:03d}"
            xml, dur = build_smil(f"../{href}", f"../{audio_href}", mine, f"seq{i:03d}", section_ids[i - 1])
            files.append((f"EPUB/smil/c{i:03d}.smil", xml.encode()))
            items.append(Item(smil_id, f"smil/c{i:03d}.smil", "application/smil+xml"))
            durations[smil_id] = dur
            overlay_of[href] = smil_id
            report.overlays[href] = len(mine)
        if durations:
            items.append(Item("narration", audio_href, AUDIO_TYPES.get(Path(audio_href).suffix, "audio/mpeg")))
            report.duration_ms = sum(durations.values())
    for i, (href, _) in enumerate(chapters, 1):
        items.append(Item(f"c{i:03d}", href, "application/xhtml+xml", media_overlay=overlay_of.get(href), in_spine=True))
    if gloss is not None:
        items.append(Item("glossary", "text/glossary.xhtml", "application/xhtml+xml", in_spine=True))

    # Navigation document
    toc = (
        toc_list(builder.toc, lang, href_of)
        if builder.toc
        else el("ol", {}, el("li", {}, el("a", {"href": chapters[0][0]}, title)))
    )
    if gloss is not None:
        toc.add(el("li", {}, el("a", {"href": "text/glossary.xhtml#glossary"}, label(lang, "glossary"))))
    nav_toc = el(
        "nav",
        {"epub:type": "toc", "id": "toc", "role": "doc-toc", "aria-labelledby": "toc-title"},
        el("h1", {"id": "toc-title"}, label(lang, "toc")),
        toc,
    )
    marks = el(
        "ol",
        {},
        el("li", {}, el("a", {"epub:type": "toc", "href": "nav.xhtml#toc"}, label(lang, "toc"))),
        el("li", {}, el("a", {"epub:type": "bodymatter", "href": chapters[0][0]}, label(lang, "start"))),
    )
    if gloss is not None:
        marks.add(el("li", {}, el("a", {"epub:type": "glossary", "href": "text/glossary.xhtml#glossary"}, label(lang, "glossary"))))
    landmarks = el(
        "nav",
        {"epub:type": "landmarks", "id": "landmarks", "hidden": "hidden", "aria-labelledby": "landmarks-title"},
        el("h2", {"id": "landmarks-title"}, label(lang, "landmarks")),
        marks,
    )
    navs = [nav_toc, landmarks]
    if builder.pages:  # the source's printed pages (PDF), so a reader can go to "page 3" of the official document
        pages = el("ol", {}).extend(
            el("li", {}, el("a", {"href": f"{href_of[top]}#{mid}"}, str(n))) for n, mid, top in builder.pages
        )
        navs.append(
            el(
                "nav",
                {"epub:type": "page-list", "id": "page-list", "hidden": "hidden", "aria-labelledby": "page-list-title"},
                el("h2", {"id": "page-list-title"}, label(lang, "pages")),
                pages,
            )
        )
    files.append(("EPUB/nav.xhtml", _xhtml(lang, direction, label(lang, "toc"), "css/style.css", navs).encode()))
    files.append(("EPUB/css/style.css", epub_css().encode()))

    # Package document
    other_langs = sorted({loc.lang for loc in iter_sentences(doc)} - {lang})
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    if builder.figures:
        features.append("alternativeText")
    if builder.pages:
        features += ["pageBreakMarkers", "pageNavigation"]
    summary = label(lang, "summary")
    modes, sufficient = ["textual"], ["textual"]
    if durations:
        features.append("synchronizedAudioText")
        summary += label(lang, "summary_audio")
        modes.append("auditory")
        if narration is not None and not narration.timeline.missing and not report.skipped_cues:
            sufficient.append("textual,auditory")
    seed = f"taysir:{doc.meta.source_sha256 or stem}:{lang}:{doc.meta.variant}"
    meta = PackageMeta(
        identifier=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, seed)}",
        title=title,
        lang=lang,
        direction=direction,
        modified=_modified(),
        languages=other_langs,
        description=label(lang, "made_by", source=doc.meta.source_name or stem),
        summary=summary,
        features=features,
        access_modes=modes,
        sufficient=sufficient,
        durations=durations,
        active_class=ACTIVE_CLASS if durations else None,
        narrator=narration.narrator if narration and durations else None,
        source=(doc.meta.source_name or doc.meta.title or stem) if builder.pages else None,
    )
    files.append(("EPUB/package.opf", package_xml(meta, items).encode()))
    files.append(("META-INF/container.xml", CONTAINER_XML.encode()))
    _write_zip(
        out_path,
        files,
        narration.audio if durations and narration else None,
        audio_name=f"EPUB/{audio_href}" if durations else "",
    )
    return report


def _write_zip(out_path: Path, files: list[tuple[str, bytes]], audio: Path | None, audio_name: str) -> None:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(out_path.suffix + ".part")
    stamp = (2020, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(tmp, "w") as zf:
        info = zipfile.ZipInfo("mimetype", date_time=stamp)
        info.compress_type = zipfile.ZIP_STORED
        zf.writestr(info, b"application/epub+zip")
        for name, data in sorted(files, key=lambda f: (not f[0].startswith("META-INF"), f[0])):
            zi = zipfile.ZipInfo(name, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
        if audio is not None:
            zi = zipfile.ZipInfo(audio_name, date_time=stamp)
            zi.compress_type = zipfile.ZIP_STORED  # already compressed
            with audio.open("rb") as src, zf.open(zi, "w") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
    tmp.replace(out_path)
