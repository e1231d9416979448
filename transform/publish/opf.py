"""EPUB package document (OPF): metadata with accessibility and Media Overlays properties, manifest, spine."""

from __future__ import annotations

from dataclasses import dataclass, field

from .markup import esc, esc_attr
from .smil import clock

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


@dataclass
class Item:
    id: str
    href: str
    media_type: str
    properties: str | None = None
    media_overlay: str | None = None
    in_spine: bool = False


@dataclass
class PackageMeta:
    identifier: str
    title: str
    lang: str
    direction: str
    modified: str  # CCYY-MM-DDThh:mm:ssZ
    languages: list[str] = field(default_factory=list)  # other languages used in the book
    description: str = ""
    publisher: str = "Taysir"
    summary: str = ""
    features: list[str] = field(default_factory=list)
    access_modes: list[str] = field(default_factory=lambda: ["textual"])
    sufficient: list[str] = field(default_factory=lambda: ["textual"])
    certified_by: str | None = None
    durations: dict[str, int] = field(default_factory=dict)  # smil item id -> ms
    active_class: str | None = None
    narrator: str | None = None
    source: str | None = None  # the printed source whose page numbers the page list gives


def _meta(prop: str, value: str, refines: str | None = None) -> str:
    ref = f' refines="#{esc_attr(refines)}"' if refines else ""
    return f'    <meta property="{prop}"{ref}>{esc(value)}</meta>'


def package_xml(meta: PackageMeta, items: list[Item]) -> str:
    lines = [
        f'    <dc:identifier id="uid">{esc(meta.identifier)}</dc:identifier>',
        f'    <dc:title id="title">{esc(meta.title)}</dc:title>',
        f"    <dc:language>{esc(meta.lang)}</dc:language>",
    ]
    lines += [f"    <dc:language>{esc(x)}</dc:language>" for x in meta.languages if x != meta.lang]
    lines.append(f"    <dc:publisher>{esc(meta.publisher)}</dc:publisher>")
    if meta.source:
        lines.append(f'    <dc:source id="src">{esc(meta.source)}</dc:source>')
        lines.append(_meta("source-of", "pagination", refines="src"))  # the page list follows this source's pages
    if meta.description:
        lines.append(f"    <dc:description>{esc(meta.description)}</dc:description>")
    lines.append(_meta("dcterms:modified", meta.modified))
    lines += [_meta("schema:accessMode", m) for m in meta.access_modes]
    lines += [_meta("schema:accessModeSufficient", m) for m in meta.sufficient]
    lines += [_meta("schema:accessibilityFeature", f) for f in meta.features]
    lines.append(_meta("schema:accessibilityHazard", "none"))
    lines.append(_meta("schema:accessibilitySummary", meta.summary))
    lines.append(_meta("dcterms:conformsTo", CONFORMS_TO))
    if meta.certified_by:
        lines.append(_meta("a11y:certifiedBy", meta.certified_by))
    if meta.durations:
        for sid, ms in meta.durations.items():
            lines.append(_meta("media:duration", clock(ms), refines=sid))
        lines.append(_meta("media:duration", clock(sum(meta.durations.values()))))
        if meta.narrator:
            lines.append(_meta("media:narrator", meta.narrator))
        if meta.active_class:
            lines.append(_meta("media:active-class", meta.active_class))
    manifest = []
    for it in items:
        extra = ""
        if it.properties:
            extra += f' properties="{esc_attr(it.properties)}"'
        if it.media_overlay:
            extra += f' media-overlay="{esc_attr(it.media_overlay)}"'
        manifest.append(
            f'    <item id="{esc_attr(it.id)}" href="{esc_attr(it.href)}" media-type="{esc_attr(it.media_type)}"{extra}/>'
        )
    ppd = ' page-progression-direction="rtl"' if meta.direction == "rtl" else ' page-progression-direction="ltr"'
    spine = [f'    <itemref idref="{esc_attr(it.id)}"/>' for it in items if it.in_spine]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{esc_attr(meta.lang)}" dir="{meta.direction}">\n'
        '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        + "\n".join(lines)
        + "\n  </metadata>\n  <manifest>\n"
        + "\n".join(manifest)
        + f"\n  </manifest>\n  <spine{ppd}>\n"
        + "\n".join(spine)
        + "\n  </spine>\n</package>\n"
    )


CONTAINER_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
    "  <rootfiles>\n"
    '    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>\n'
    "  </rootfiles>\n"
    "</container>\n"
)
