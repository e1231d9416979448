"""Flat OpenDocument text (``.fodt``): one XML file repackaged as the ODT package pandoc reads.

A flat ODT is an ODT package's ``meta.xml``, ``styles.xml`` and ``content.xml`` in one
``<office:document>`` element (LibreOffice writes it as "Flat XML ODF Text Document"). pandoc
reads only the ZIP form, so the parts are put back where an ODT keeps them: the body, the
automatic styles and the font declarations go to ``content.xml``; the named styles, the
master pages (with the automatic styles they use) and the font declarations to ``styles.xml``;
images embedded as base64 (``<office:binary-data>``) become files under ``Pictures/``.

The XML is parsed with entities, DTDs and network access off, after the caller refused any
entity declaration; the result stays in memory.
"""

from __future__ import annotations

import base64
import binascii
import io
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import InputError
from .odt_table_heads import mark_header_rows

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# generated indexes: pandoc's ODT reader drops them whole, with the printed text of their entries
INDEXES = ("table-of-content", "alphabetical-index", "illustration-index", "table-index", "object-index", "user-index", "bibliography")
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
XLINK = "http://www.w3.org/1999/xlink"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
MIMETYPE = "application/vnd.oasis.opendocument.text"
CONTENT_PARTS = ("scripts", "font-face-decls", "automatic-styles", "body")
STYLE_PARTS = ("font-face-decls", "styles", "automatic-styles", "master-styles")
MAX_FLAT_BYTES = 256 * 1024 * 1024
IMAGE_EXT = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpg", b"GIF8": "gif", b"<svg": "svg", b"<?xm": "svg"}


def _q(tag: str) -> str:
    return f"{{{OFFICE}}}{tag}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, remove_comments=True)


def _part(root: etree._Element, kind: str, names: tuple[str, ...]) -> bytes:
    """A package part: a new root element ``office:<kind>`` holding copies of the named children."""
    new = etree.Element(_q(kind), nsmap=root.nsmap)
    version = root.get(_q("version"))
    if version:
        new.set(_q("version"), version)
    for name in names:
        child = root.find(_q(name))
        if child is not None:
            new.append(_copy(child))
    return etree.tostring(new, xml_declaration=True, encoding="UTF-8")


def _copy(el: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(el), _parser())


def _pictures(root: etree._Element) -> dict[str, bytes]:
    """Move base64 images out of the XML into ``Pictures/`` files, pointing ``xlink:href`` at them."""
    files: dict[str, bytes] = {}
    for n, image in enumerate(root.iter(f"{{{DRAW}}}image"), 1):
        data_el = image.find(_q("binary-data"))
        if data_el is None or not (data_el.text or "").strip():
            continue
        try:
            data = base64.b64decode("".join(data_el.text.split()), validate=False)
        except (binascii.Error, ValueError):
            continue
        ext = next((e for magic, e in IMAGE_EXT.items() if data.startswith(magic)), "bin")
        name = f"Pictures/image{n}.{ext}"
        files[name] = data
        image.remove(data_el)
        image.set(f"{{{XLINK}}}href", name)
        image.set(f"{{{XLINK}}}type", "simple")
    return files


def flat_to_package(path: Path) -> bytes:
    """The ODT (ZIP) bytes equivalent to the flat ODT at ``path``."""
    if path.stat().st_size > MAX_FLAT_BYTES:
        raise InputError(f"{path.name}: the flat OpenDocument file is larger than {MAX_FLAT_BYTES // (1024 * 1024)} MiB.",
                         hint="Save it as an ordinary .odt (or .docx) file and send that.")
    try:
        root = etree.parse(str(path), _parser()).getroot()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path.name}: the flat OpenDocument file is not well-formed XML ({str(exc)[:120]}).",
                         hint="Open it in LibreOffice, save it again (as .odt) and send it again.") from None
    if root.tag != _q("document") or root.find(_q("body")) is None:
        raise InputError(f"{path.name}: the flat OpenDocument file has no document body.",
                         hint="Open it in LibreOffice, save it again (as .odt) and send it again.")
    pictures = _pictures(root)
    unwrap_indexes(root)
    mark_titles(root)
    mark_header_rows(root)
    manifest = ['<?xml version="1.0" encoding="UTF-8"?>',
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">',
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>']
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)  # first and stored, as the format asks
        parts = {
            "content.xml": _part(root, "document-content", CONTENT_PARTS),
            "styles.xml": _part(root, "document-styles", STYLE_PARTS),
            "meta.xml": _part(root, "document-meta", ("meta",)),
            **pictures,
        }
        for name, data in parts.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
            media = "text/xml" if name.endswith(".xml") else ""
            manifest.append(f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="{media}"/>')
        manifest.append("</manifest:manifest>")
        zf.writestr("META-INF/manifest.xml", "\n".join(manifest), compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def is_flat(path: Path) -> bool:
    """True when the file is XML (a flat ODT), not a ZIP package."""
    with path.open("rb") as fh:
        return not fh.read(4).startswith(b"PK")


def _has_text(el: etree._Element) -> bool:
    return bool("".join(el.itertext()).strip())


def _top_level(root: etree._Element) -> int:
    """The outline level of the document's highest heading that holds text (an empty one holding a logo aside)."""
    return min((int(h.get(f"{{{TEXT}}}outline-level") or 1) for h in root.iter(f"{{{TEXT}}}h") if _has_text(h)), default=1)


def unwrap_indexes(root: etree._Element) -> int:
    """Put the printed entries of each generated index (a table of contents) in its place, as the
    paragraphs they are; its title becomes a heading at the level of the highest headings it lists.
    Returns how many indexes were opened."""
    found = [el for name in INDEXES for el in root.iter(f"{{{TEXT}}}{name}")]
    top = str(_top_level(root)) if found else "1"
    for el in found:
        parent = el.getparent()
        if parent is None:
            continue
        body = el.find(f"{{{TEXT}}}index-body")
        kept: list[etree._Element] = []
        for child in body if body is not None else []:
            if child.tag == f"{{{TEXT}}}index-title":
                for p in child:
                    if p.tag == f"{{{TEXT}}}p":
                        p.tag = f"{{{TEXT}}}h"
                        p.set(f"{{{TEXT}}}outline-level", top)  # as the first level of the headings it lists
                    kept.append(p)
            else:
                kept.append(child)
        for child in kept:
            for tab in list(child.iter(f"{{{TEXT}}}tab")):
                _as_space(tab)  # the tab before an entry's page number (pandoc drops it: the words would stick)
        at = parent.index(el)
        parent.remove(el)
        for k, child in enumerate(kept):
            parent.insert(at + k, child)
    return len(found)


def mark_titles(root: etree._Element) -> int:
    """A paragraph in the word processor's ``Title`` style (directly or through the automatic style of its
    paragraph, never through a style only derived from it: ``Subtitle``, ``Author``) is the document's title, which
    pandoc reads as a plain paragraph: it becomes a heading at level 1, and the document's own headings go one level
    down when one of them holding text is at level 1 already. Returns how many titles were marked."""
    parent = {st.get(f"{{{STYLE}}}name"): st.get(f"{{{STYLE}}}parent-style-name")
              for st in root.iterfind(f"{_q('automatic-styles')}/{{{STYLE}}}style") if st.get(f"{{{STYLE}}}family") == "paragraph"}
    body = root.find(_q("body"))
    key = f"{{{TEXT}}}style-name"
    titles = [p for p in (body.iter(f"{{{TEXT}}}p") if body is not None else ())
              if parent.get(p.get(key), p.get(key)) == "Title" and _has_text(p)]
    if not titles:
        return 0
    if _top_level(root) == 1:
        for h in root.iter(f"{{{TEXT}}}h"):
            h.set(f"{{{TEXT}}}outline-level", str(min(10, int(h.get(f"{{{TEXT}}}outline-level") or 1) + 1)))
    for p in titles:
        p.tag = f"{{{TEXT}}}h"
        p.set(f"{{{TEXT}}}outline-level", "1")
    return len(titles)


def package_with_indexes(path: Path) -> bytes | None:
    """An ODT package whose ``content.xml`` has its indexes opened (:func:`unwrap_indexes`), its title
    paragraphs marked as headings (:func:`mark_titles`) and its tables' bold first rows marked as header rows
    (:func:`.odt_table_heads.mark_header_rows`), or None when there is nothing to change (or it cannot be read
    here: the caller's own checks and pandoc report that)."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("content.xml")
            if info.file_size > MAX_FLAT_BYTES:
                return None
            content = zf.read(info)
            indexes, titles, tables = b"index-body" in content, b'-name="Title"' in content, b"table-row" in content
            if not (indexes or titles or tables):
                return None
            root = etree.fromstring(content, _parser())
            changed = unwrap_indexes(root) + mark_titles(root)
            if tables:
                styles = None
                if "styles.xml" in zf.namelist() and zf.getinfo("styles.xml").file_size <= MAX_FLAT_BYTES:
                    styles = etree.fromstring(zf.read("styles.xml"), _parser())
                changed += mark_header_rows(root, styles)
            if not changed:
                return None
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w") as out:
                for item in zf.infolist():
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8") if item.filename == "content.xml" else zf.read(item)
                    out.writestr(item, data, compress_type=item.compress_type)
            return buf.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError, RuntimeError, NotImplementedError):
        return None


def _as_space(el: etree._Element) -> None:
    """Replace an element by a space in its parent's text."""
    parent = el.getparent()
    if parent is None:
        return
    text = " " + (el.tail or "")
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(el)
