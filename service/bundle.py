"""A job's artefacts as one zip with ``manifest.json`` (files, sizes, sha256, media types, roles, languages).

The zip is written by the library's bundle writer (``transform.publish.bundle.write_zip``), the same
one a document's ``bundle`` output uses; only the job-level manifest is the service's.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import transform
from transform.publish.bundle import write_zip

from .store import DocumentRow, JobRow, Store
from .views import artifact_path, artifacts_of, job_state, ts


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
            files.append({"path": artifact_path(d, a), "size": a.size, "sha256": a.sha256, "media_type": a.media_type,
                          "role": a.role, "lang": a.lang, "document_id": d.id})
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
    paths = {artifact_path(d, a): store.path(a.path) for d in docs for a in artifacts_of(d)}
    write_zip(out, [(f["path"], paths[f["path"]]) for f in man["files"]],
              [("manifest.json", json.dumps(man, ensure_ascii=False, indent=1).encode("utf-8"))])
    for old in out.parent.glob("bundle-*.zip"):
        if old != out:
            old.unlink(missing_ok=True)
    return out
