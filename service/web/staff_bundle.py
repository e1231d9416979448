"""The staff ZIP of a job: what a person needs, not the job's working files.

For each document, its final formats (the latest rendering: Darija text, braille, audio, captions,
video, web page, e-book, Word...) in a folder named after its title, and a ``README`` in the page's
language that lists every file and what it is for. Left out: drafts, quality reports, review files,
the model JSON, timelines and other technical files, and per-document ZIPs (the same files again).
The API's ``/v1/jobs/{id}/bundle`` still gives everything, with a manifest.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from transform.publish.bundle import write_zip

from ..views import artifacts_of
from . import words
from .data import TECHNICAL, describe, kind_of
from .i18n import Translator

LEFT_OUT = (*TECHNICAL, "zip")


@dataclass
class BundleFile:
    doc_id: str
    folder: str
    name: str
    kind: str
    lang: str | None
    size: int
    path: str  # stored path (relative to the data dir)
    sha256: str


def _folder(title: str, used: set[str]) -> str:
    base = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()[:60].strip() or "document"
    name, i = base, 2
    while name.casefold() in used:
        name, i = f"{base} ({i})", i + 1
    used.add(name.casefold())
    return name


def contents(docs: list[Any]) -> list[BundleFile]:
    """The files the staff ZIP holds, document by document."""
    out: list[BundleFile] = []
    used: set[str] = set()
    for d in docs:
        arts = [a for a in artifacts_of(d) if kind_of(a) not in LEFT_OUT]
        if not arts:
            continue
        folder = _folder(describe(d).title, used)
        out += [BundleFile(d.id, folder, a.name, kind_of(a), a.lang, a.size, a.path, a.sha256) for a in arts]
    return out


def readme(files: list[BundleFile], docs: list[Any], t: Translator) -> str:
    titles = {d.id: describe(d).title for d in docs}
    lines = [t.gettext("Taysir : formats accessibles"), "",
             t.gettext("Cette archive contient, pour chaque document, ses formats finaux. Les brouillons et les fichiers techniques n’y sont pas."), ""]
    current = None
    for f in files:
        if f.folder != current:
            current = f.folder
            lines += ["", f"{f.folder}/  — {titles.get(f.doc_id, '')}"]
        fmt = words.fmt(f.kind)
        lang = f" · {t.lang_name(f.lang)}" if f.lang else ""
        lines.append(f"  {f.name}  ({t(fmt.label)}{lang}, {t.size(f.size)}): {t(fmt.description)}")
    return "\n".join(lines) + "\n"


def build(store: Any, job: Any, docs: list[Any], t: Translator) -> Path:
    """Write (or reuse) the staff ZIP for the job's current files in ``t``'s language."""
    files = contents(docs)
    text = readme(files, docs, t)
    key = hashlib.sha256(json.dumps([(f.folder, f.name, f.sha256) for f in files]).encode() + text.encode()).hexdigest()[:16]
    out = store.job_dir(job.id) / f"staff-{t.lang}-{key}.zip"
    if out.is_file():
        return out
    name = "LISEZ-MOI.txt" if t.lang == "fr" else "اقرأني.txt"
    write_zip(out, [(str(PurePosixPath(f.folder) / f.name), store.path(f.path)) for f in files], [(name, text.encode("utf-8"))])
    for old in out.parent.glob(f"staff-{t.lang}-*.zip"):
        if old != out:
            old.unlink(missing_ok=True)
    return out
