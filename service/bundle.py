"""A job's artefacts as one zip with ``manifest.json`` (files, sizes, sha256, media types, roles, languages)."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import transform

from .store import DocumentRow, JobRow, Store
from .views import artifact_path, artifacts_of, job_state, ts

STORED = ("audio/", "video/", "image/", "application/zip", "application/epub+zip")


def manifest(job: JobRow, docs: list[DocumentRow]) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for d in docs:
        documents.append({
            "id": d.id, "filename": d.filename, "stem": d.stem, "status": d.status, "title": d.title,
            "languages": json.loads(d.languages_json or "[]"), "review_state": d.review_state,
            "errors": json.loads(d.errors_json or "[]"),
        })
        for a in artifacts_of(d):
            files.append({"path": artifact_path(d, a), "size": a["size"], "sha256": a["sha256"], "media_type": a["media_type"],
                          "role": a["role"], "lang": a.get("lang"), "document_id": d.id})
    created = ts(job.created_at)
    return {"job_id": job.id, "status": job_state(docs), "created_at": created.isoformat() if created else None,
            "generator": f"taysir {transform.__version__}", "documents": documents, "files": files}


def build(store: Store, job: JobRow, docs: list[DocumentRow]) -> Path:
    """Write (or reuse) the bundle for the job's current files and return its path."""
    man = manifest(job, docs)
    key = hashlib.sha256(json.dumps(man["files"], sort_keys=True).encode() + json.dumps(man["documents"], sort_keys=True).encode()).hexdigest()[:16]
    out = store.job_dir(job.id) / f"bundle-{key}.zip"
    if out.is_file():
        return out
    paths = {f"{d.stem}/{a['name']}": store.path(a["path"]) for d in docs for a in artifacts_of(d)}
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        zf.writestr("manifest.json", json.dumps(man, ensure_ascii=False, indent=1), compress_type=zipfile.ZIP_DEFLATED)
        for f in man["files"]:
            method = zipfile.ZIP_STORED if f["media_type"].startswith(STORED) else zipfile.ZIP_DEFLATED
            zf.write(paths[f["path"]], f["path"], compress_type=method)
    tmp.replace(out)
    for old in out.parent.glob("bundle-*.zip"):
        if old != out:
            old.unlink(missing_ok=True)
    return out
