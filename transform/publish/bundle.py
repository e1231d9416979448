"""The self-describing bundle: every output of a document, ``manifest.json`` and a bilingual ``index.html``."""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import platform
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .._exec import PROBES
from ..checksum import sha256_file
from ..model import Document
from ..render.base import MEDIA_TYPES
from ..result import Artifact
from . import catalog
from .markup import el
from .style import page_css

MANIFEST_VERSION = 1
STORED = {".mp3", ".mp4", ".m4a", ".opus", ".epub", ".docx", ".zip", ".png", ".jpg", ".jpeg"}


@dataclass
class FileEntry:
    path: str  # name inside the zip
    source: Path | None  # file on disk (None for generated members)
    media_type: str
    role: str
    lang: str | None
    size: int = 0
    sha256: str = ""
    description: str = ""


def media_type(name: str) -> str:
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return MEDIA_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def collect(
    out_dir: Path, stem: str, bundle_name: str, langs: set[str], artifacts: list[Artifact] | None = None
) -> list[FileEntry]:
    """Files of this document in ``out_dir`` (``<stem>.*``, sub-folders included), minus the bundle itself."""
    known = {a.name: a for a in artifacts or []}
    entries = []
    for path in sorted(out_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(out_dir).as_posix()
        top = rel.split("/", 1)[0]
        if not top.startswith(stem + ".") or rel == bundle_name or rel.endswith((".part", ".tmp")) or ".part." in rel:
            continue
        art = known.get(rel)
        parts = path.name[len(stem) + 1 :].split(".") if path.name.startswith(stem + ".") else []
        lang = art.lang if art else (parts[0] if len(parts) > 1 and parts[0] in langs else None)
        guessed = catalog.role_for(rel)  # the file's own kind (e.g. "quality-report") beats the output that made it
        role = guessed if guessed != "other" or art is None else art.role
        entries.append(
            FileEntry(
                rel, path, media_type(rel), role, lang, path.stat().st_size, sha256_file(path), art.description if art else ""
            )
        )
    return entries


def tool_versions() -> dict[str, str]:
    """Versions of the external tools this machine has (the same probes as ``taysir doctor``)."""
    out: dict[str, str] = {}
    for name, probe in sorted(PROBES.items()):
        v = probe.version()
        if v:
            out[name] = v
    try:
        from ..ingest.pandoc import pandoc_version

        pv = pandoc_version()
        if pv:
            out["pandoc"] = pv
    except Exception:  # noqa: BLE001 - a missing pandoc only removes a line
        pass
    try:
        from ..braille.tables import louis_module

        out["liblouis"] = str(louis_module().version())
    except Exception:  # noqa: BLE001
        pass
    return out


def engines(docs: list[Document]) -> list[dict[str, Any]]:
    """Stage records of the document and its tracks, without duplicates."""
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for doc in docs:
        for rec in doc.provenance:
            key = (rec.stage, rec.engine, rec.version)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                {"stage": rec.stage, "engine": rec.engine, "version": rec.version, "seconds": rec.seconds, "notes": rec.notes}
            )
    return out


def taysir_version() -> str:
    try:
        return version("taysir")
    except PackageNotFoundError:
        return "unknown"


def manifest(doc: Document, stem: str, files: list[FileEntry], langs: list[str], docs: list[Document]) -> dict[str, Any]:
    return {
        "manifest_version": MANIFEST_VERSION,
        "generator": {"name": "taysir", "version": taysir_version(), "python": platform.python_version()},
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "document": {
            "stem": stem,
            "title": doc.meta.title,
            "source_name": doc.meta.source_name,
            "source_format": doc.meta.source_format,
            "source_sha256": doc.meta.source_sha256,
            "lang": doc.meta.lang,
            "languages": langs,
            "page_count": doc.meta.page_count,
        },
        "engines": engines(docs),
        "tools": tool_versions(),
        "files": [
            {
                "path": f.path,
                "media_type": f.media_type,
                "role": f.role,
                "lang": f.lang,
                "size": f.size if f.source is not None or f.sha256 else None,
                "sha256": f.sha256 or None,
                "description": {"ar": catalog.explain(f.path, f.role).ar, "fr": catalog.explain(f.path, f.role).fr},
                **({"note": f.description} if f.description else {}),
            }
            for f in files
        ],
    }


def _size(n: int, ui: str) -> str:
    if n < 1024:
        return f"{n} {'بايت' if ui == 'ar' else 'octets'}"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} {'كيلوبايت' if ui == 'ar' else 'Ko'}"
    return f"{n / 1024 / 1024:.1f} {'ميغابايت' if ui == 'ar' else 'Mo'}"


_TEXT: dict[str, dict[str, Any]] = {
    "ar": {
        "h": "الملفات بالعربية",
        "intro": "هذه الحزمة فيها نفس الوثيقة بعدة أشكال، ليختار كل شخص ما يناسبه: قراءة، استماع، برايل، فيديو. هذا جدول يشرح كل ملف.",
        "caption": "ملفات الحزمة",
        "cols": ("الملف", "ما هو", "اللغة", "الحجم"),
        "check": "ملف manifest.json فيه بصمة كل ملف (SHA-256) للتأكد من أن الملفات لم تتغير.",
    },
    "fr": {
        "h": "Les fichiers, en français",
        "intro": "Ce paquet contient le même document sous plusieurs formes, pour que chacun choisisse ce qui lui convient : lire, écouter, braille, vidéo. Le tableau explique chaque fichier.",
        "caption": "Fichiers du paquet",
        "cols": ("Fichier", "Ce que c'est", "Langue", "Taille"),
        "check": "Le fichier manifest.json donne l'empreinte de chaque fichier (SHA-256) pour vérifier qu'aucun n'a changé.",
    },
}


def index_html(title: str, files: list[FileEntry]) -> str:
    """A bilingual page (Arabic first, French second) that explains each file in plain words."""
    main = el("main", {"id": "main", "tabindex": "-1"})
    for ui in ("ar", "fr"):
        t = _TEXT[ui]
        sec = el(
            "section",
            {
                "id": f"files-{ui}",
                "aria-labelledby": f"h-{ui}",
                "lang": "fr" if ui == "fr" else None,
                "dir": "ltr" if ui == "fr" else None,
            },
        )
        sec.add(el("h2", {"id": f"h-{ui}"}, t["h"]), el("p", {}, t["intro"]))
        table = el("table", {}, el("caption", {}, t["caption"]))
        table.add(el("thead", {}, el("tr", {}).extend(el("th", {"scope": "col"}, c) for c in t["cols"])))
        body = el("tbody", {})
        for f in files:
            exp = catalog.explain(f.path, f.role)
            size = _size(f.size, ui) if f.sha256 else "—"
            name = el("a", {"href": f.path, "dir": "ltr" if ui == "ar" else None}, f.path)
            body.add(
                el(
                    "tr",
                    {},
                    el("th", {"scope": "row"}, name),
                    el("td", {}, exp.ar if ui == "ar" else exp.fr),
                    el("td", {}, catalog.lang_label(ui, f.lang)),
                    el("td", {}, size),
                )
            )
        table.add(body)
        sec.add(table, el("p", {}, t["check"]))
        main.add(sec)
    h1 = el("h1", {}, "ملفات هذه الوثيقة", " — ", el("span", {"lang": "fr", "dir": "ltr"}, "Les fichiers de ce document"))
    header = el(
        "header",
        {"class": "page"},
        h1,
        el("p", {"dir": "auto"}, title),
        el(
            "nav",
            {"aria-label": "اللغة / Langue"},
            el(
                "ul",
                {},
                el("li", {}, el("a", {"href": "#files-ar"}, "العربية")),
                el("li", {}, el("a", {"href": "#files-fr", "lang": "fr", "dir": "ltr"}, "Français")),
            ),
        ),
    )
    head = el(
        "head",
        {},
        el("meta", {"charset": "utf-8"}),
        el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        el("title", {}, f"{title} — ملفات الوثيقة / fichiers du document"),
        el("style", {}, page_css()),
    )
    skip = el("a", {"class": "skip-link", "href": "#main"}, "انتقل إلى المحتوى")
    footer = el("footer", {"class": "page"}, el("p", {}, "Taysir — تيسير"))
    html = el("html", {"lang": "ar", "dir": "rtl"}, head, el("body", {}, skip, header, main, footer))
    return "<!DOCTYPE html>\n" + html.render() + "\n"


def write_bundle(
    out_path: Path, files: list[FileEntry], doc: Document, stem: str, langs: list[str], docs: list[Document]
) -> dict[str, Any]:
    """Zip the files with index.html and manifest.json; returns the manifest."""
    title = doc.meta.title or stem
    index_entry = FileEntry("index.html", None, "text/html; charset=utf-8", "index", None)
    manifest_entry = FileEntry("manifest.json", None, "application/json", "manifest", None)
    index = index_html(title, files + [index_entry, manifest_entry]).encode("utf-8")
    index_entry.size, index_entry.sha256 = len(index), hashlib.sha256(index).hexdigest()
    listed = files + [index_entry, manifest_entry]
    man = manifest(doc, stem, listed, langs, docs)
    data = json.dumps(man, ensure_ascii=False, indent=1).encode("utf-8")
    write_zip(out_path, [(f.path, f.source) for f in files if f.source is not None], [("index.html", index), ("manifest.json", data)])
    return man


def write_zip(out_path: Path, files: Iterable[tuple[str, Path]], generated: Iterable[tuple[str, bytes]] = ()) -> Path:
    """The one writer of bundle zips (a document's bundle here, a job's in the service).

    Generated members come first (fixed date, so equal content gives equal bytes), then the files
    under their names; kinds that are already compressed (audio, video, images, EPUB, DOCX, zip) are
    stored, the rest deflated. The zip is written beside ``out_path`` and renamed into place, so a
    reader never sees half a bundle.
    """
    fd, tmp_name = tempfile.mkstemp(dir=out_path.parent, prefix=out_path.name + ".", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with zipfile.ZipFile(tmp, "w") as zf:
            for name, payload in generated:
                zf.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), payload, compress_type=zipfile.ZIP_DEFLATED)
            for name, source in files:
                suffix = "." + name.rsplit(".", 1)[-1].lower()
                zf.write(source, name, compress_type=zipfile.ZIP_STORED if suffix in STORED else zipfile.ZIP_DEFLATED)
        tmp.replace(out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return out_path
