"""The citizens' "download everything": one ZIP per published document.

Built only from the published snapshot (``data/published/<doc>/<time>/``), and only from the files the
public page offers (``public_files.citizen_files``): never drafts, quality reports, review files or staff
artefacts, which are not in the snapshot to begin with. The archive holds one folder named after the
document with ``index.html`` (a short list in Arabic, then in French, in the public page's words, with a
link to each file) and the files.

The ZIP is written once per snapshot (beside it, in ``.bundle/<key>.zip``, renamed into place when
complete) and then served from disk in chunks with Range and ETag like any published file; it goes
away with the snapshot when the document is unpublished or published again. ``key`` is a hash of the
files' checksums and the index, so a new translation of the index gives a new archive.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from transform.publish.bundle import write_zip

from ..publishing import published_files
from ..runtime import Runtime
from ..store import DocumentRow
from .public_files import citizen_files, public_doc

log = logging.getLogger("service.web.bundle")
INDEX = "index.html"


@dataclass(frozen=True)
class Bundle:
    path: Path
    size: int
    key: str
    download_name: str


def snapshot_dir(rt: Runtime, doc: DocumentRow) -> Path | None:
    """``data/published/<doc>/<time>/`` of the current publication (None when nothing is published)."""
    files = published_files(doc)
    if not files:
        return None
    parts = Path(files[0].path).parts  # published/<doc>/<time>/<name>
    return rt.store.path("/".join(parts[:3])) if len(parts) >= 4 and parts[0] == "published" else None


def index_html(doc: DocumentRow) -> bytes:
    """The archive's index: the document's title, then its files grouped by need, in Arabic and in French."""
    from . import public_words
    from .render import render_html

    parts = [render_html(lang, "bundle_index.html", doc=public_doc(doc, lang), pw=public_words) for lang in ("ar", "fr")]
    return render_html("ar", "bundle_page.html", doc=public_doc(doc, "ar"), parts=parts).encode("utf-8")


def ensure(rt: Runtime, doc: DocumentRow) -> Bundle | None:
    """The document's citizen bundle, written if missing; None when the document has nothing to offer."""
    snap = snapshot_dir(rt, doc)
    files = citizen_files(doc)
    if snap is None or not files:
        return None
    index = index_html(doc)
    key = hashlib.sha256(json.dumps([(f.name, f.size, f.path) for f in files]).encode() + index).hexdigest()[:32]
    out = snap / ".bundle" / f"{key}.zip"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        folder = doc.stem
        write_zip(out, [(f"{folder}/{f.name}", rt.store.path(f.path)) for f in files], [(f"{folder}/{INDEX}", index)])
        for old in out.parent.glob("*.zip"):
            if old != out:
                old.unlink(missing_ok=True)
        log.info("citizen bundle of %s written (%d files, %d bytes)", doc.id, len(files), out.stat().st_size)
    return Bundle(out, out.stat().st_size, key, f"{doc.stem}.zip")


def try_ensure(rt: Runtime, doc: DocumentRow) -> Bundle | None:
    """``ensure`` for the page and the publication: a bundle that cannot be written is left out, not an error."""
    try:
        return ensure(rt, doc)
    except OSError as exc:
        log.warning("citizen bundle of %s not written: %s", doc.id, exc)
        return None
