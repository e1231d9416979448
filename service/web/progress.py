"""Honest progress for the job page: what each document is doing, in words, and how long it should take.

The estimate comes from the document's size (pages and characters, measured once from the uploaded file)
and per-stage rates: measured on this server from the documents it already converted (``timings_json``
of finished documents), else the defaults below (measured on the samples on a 2-core machine).
"""

from __future__ import annotations

import json
import logging
import re
import statistics
import time
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..views import TERMINAL
from . import words
from .i18n import N_

N_WAIT = N_("en attente d’un poste de travail libre")

log = logging.getLogger("service.web")

# seconds per 1,000 characters for each stage (and per page for reading), when the server has no history
DEFAULT_PER_KCHAR = {
    "structure": 0.05, "simplify": 0.25, "render.text": 0.01, "render.darija": 0.02, "render.easy-french": 0.05, "render.braille": 0.15,
    "render.audio": 2.5, "render.captions": 0.1, "render.video": 6.0, "render.html": 0.05, "render.epub": 0.2, "render.docx": 0.1,
    "render.json": 0.01, "render.publish": 0.1, "render.bundle": 0.05,
}
DEFAULT_INGEST_PER_PAGE = {"text": 0.15, "scan": 6.0}
MIN_STAGE_S = 0.5


@dataclass(frozen=True)
class Size:
    pages: int | None
    chars: int
    scanned: bool  # pages without a text layer (OCR)


@lru_cache(maxsize=512)
def _measure(path: str, fmt: str, mtime: float) -> Size:
    p = Path(path)
    try:
        if fmt == "pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(path)
            try:
                n = len(pdf)
                chars, empty = 0, 0
                for i in range(min(n, 40)):  # a sample of pages is enough for an estimate
                    tp = pdf[i].get_textpage()
                    c = tp.count_chars()
                    chars += c
                    empty += c < 50
                    tp.close()
                sampled = min(n, 40)
                return Size(n, int(chars * n / max(sampled, 1)) or n * 2000, empty > sampled / 2)
            finally:
                pdf.close()
        if fmt in ("docx", "odt"):
            with zipfile.ZipFile(p) as z:
                name = "word/document.xml" if fmt == "docx" else "content.xml"
                xml = z.read(name).decode("utf-8", "replace") if name in z.namelist() else ""
            return Size(None, len(re.sub(r"<[^>]+>", "", xml)), False)
        if fmt in ("png", "jpeg", "tiff"):
            return Size(1, 2500, True)
        size = p.stat().st_size
        return Size(None, size if fmt in ("text", "markdown") else size // 3, False)
    except Exception as exc:  # noqa: BLE001 - an estimate never breaks the page
        log.debug("size of %s: %s", path, exc)
        return Size(None, 5000, False)


def measure(store: Any, doc: Any) -> Size:
    path = store.path(doc.source_path)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return Size(None, 5000, False)
    return _measure(str(path), doc.format, mtime)


def _kind(stage: str) -> str:
    return "simplify" if stage.startswith("simplify.") else stage


_rates_cache: dict[str, Any] = {"at": 0.0, "rates": {}}


def learned_rates(store: Any) -> dict[str, float]:
    """Seconds per 1,000 characters per stage, the median over the last finished documents (refreshed each minute)."""
    if time.monotonic() - _rates_cache["at"] < 60:
        return dict(_rates_cache["rates"])
    samples: dict[str, list[float]] = {}
    try:
        for d in store.documents.find(limit=40):
            if d.status not in ("success", "partial_success"):
                continue
            size = measure(store, d)
            timings = json.loads(d.timings_json or "{}")
            for stage, seconds in timings.items():
                if isinstance(seconds, (int, float)) and stage != "ingest" and size.chars:
                    samples.setdefault(_kind(stage), []).append(seconds / max(size.chars / 1000, 0.5))
    except Exception as exc:  # noqa: BLE001
        log.debug("learning rates: %s", exc)
    rates = {k: statistics.median(v) for k, v in samples.items() if len(v) >= 2}
    _rates_cache.update(at=time.monotonic(), rates=rates)
    return rates


def stage_seconds(stage: str, size: Size, rates: dict[str, float]) -> float:
    if stage == "ingest":
        per_page = DEFAULT_INGEST_PER_PAGE["scan" if size.scanned else "text"]
        return max(MIN_STAGE_S, per_page * (size.pages or max(1, size.chars // 2500)))
    kind = _kind(stage)
    rate = rates.get(kind, DEFAULT_PER_KCHAR.get(kind, 0.1))
    return max(MIN_STAGE_S, rate * size.chars / 1000)


@dataclass
class DocProgress:
    id: str
    status: str
    state_label: str  # msgid
    stage_label: str  # msgid (what it is doing now)
    step: int  # 1-based step being done
    steps: int
    percent: int
    remaining_s: float | None  # estimate for the rest of the document
    stage_started: float | None  # UNIX time the current stage began (sign of life)
    size: Size
    overdue: bool = False  # the current stage runs longer than estimated (the page says so instead of a wrong figure)


def doc_progress(store: Any, doc: Any, stages: list[str]) -> DocProgress:
    size = measure(store, doc)
    total = len(stages) or doc.stages_total or 1
    if doc.status in TERMINAL:
        return DocProgress(doc.id, doc.status, words.label(words.JOB_STATES, doc.status), words.stage("done" if doc.status != "failure" else "failed"),
                           total, total, 100, None, None, size)
    rates = learned_rates(store)
    plan = stages or ["ingest", "structure"]
    if doc.status == "queued":
        remaining = sum(stage_seconds(s, size, rates) for s in plan)
        return DocProgress(doc.id, doc.status, words.label(words.JOB_STATES, doc.status), N_WAIT, 0, total, 0, remaining, None, size)
    current = doc.stage if doc.stage in plan else None
    idx = plan.index(current) if current else 0
    started = float(doc.updated_at or time.time())
    spent = max(0.0, time.time() - started)
    this = stage_seconds(plan[idx], size, rates)
    overdue = spent > this * 1.5 + 10
    remaining = max(this - spent, 1.0) + sum(stage_seconds(s, size, rates) for s in plan[idx + 1:])
    pct = int(100 * (sum(stage_seconds(s, size, rates) for s in plan[:idx]) + min(spent, this)) /
              max(sum(stage_seconds(s, size, rates) for s in plan), 1))
    return DocProgress(doc.id, doc.status, words.label(words.JOB_STATES, doc.status), words.stage(doc.stage), idx + 1, total,
                       min(99, max(1, pct)), remaining, started, size, overdue)


