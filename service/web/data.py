"""What the pages show, computed from the store rows and the service functions (no business rules here)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from transform.result import Artifact

from ..runtime import Runtime
from ..store import DocumentRow
from ..views import artifact_path, artifacts_of
from .i18n import N_

# upload choices shown to staff (the order of the page); checked by default: the fast, common ones
OUTPUT_CHOICES = ("darija", "easy-french", "text", "braille", "audio", "captions", "video", "html", "epub", "docx", "bundle", "json")
DEFAULT_OUTPUTS = ("darija", "text", "braille", "audio", "captions", "html")
# the order formats are listed on the public page
KIND_ORDER = ("darija", "easy", "text", "html", "epub", "mp3", "vtt", "srt", "mp4", "brf", "pef", "brl", "docx", "pdf", "zip")
TECHNICAL = ("json", "other", "quality", "reviewfile", "tasks", "draft")


def kind_of(f: Artifact) -> str:
    """What a file is for the reader (its description key ``fmt_<kind>``)."""
    name = f.name.lower()
    for marker, kind in ((".quality.", "quality"), (".review.", "reviewfile"), (".translation-tasks.", "tasks"), (".draft.json", "draft")):
        if marker in name:
            return kind
    ext = PurePosixPath(name).suffix.lstrip(".")
    if ext == "txt":
        if f.role == "darija" or f.lang == "ary":
            return "darija"
        return "easy" if f.role == "easy-french" else "text"
    if ext in ("htm", "html", "xhtml"):
        return "html"
    if ext in ("brf", "pef", "brl", "mp3", "vtt", "srt", "mp4", "epub", "docx", "pdf", "zip", "json"):
        return ext
    return "other"


# -- staff ---------------------------------------------------------------------------------------
@dataclass
class StaffFile:
    name: str
    kind: str
    lang: str | None
    size: int
    url: str


def staff_files(d: DocumentRow) -> list[StaffFile]:
    return [StaffFile(a.name, kind_of(a), a.lang, a.size, f"/staff/jobs/{d.job_id}/files/{quote(artifact_path(d, a))}")
            for a in artifacts_of(d)]


def quality_report(rt: Runtime, doc: DocumentRow) -> dict[str, Any] | None:
    """The simplifier's quality report of the Darija track (document metrics and targets), if any."""
    for a in artifacts_of(doc):
        if a.name.endswith(".ary.quality.json"):
            try:
                return json.loads(rt.store.path(a.path).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
            except (OSError, ValueError):
                return None
    return None


@dataclass
class PublishBlock:
    """Whether the document can be published now, and if not, why (a msgid)."""

    can_publish: bool
    pending: bool  # the formats of the approved text are being made (the page waits for them)
    failed: bool  # making them failed (the page offers to try again)
    reason: str | None


def publish_block(doc: DocumentRow) -> PublishBlock:
    if doc.review_state != "reviewed":
        return PublishBlock(False, False, False, None if doc.review_state in ("published", None) else N_("Approuvez d’abord le texte."))
    stale = bool(doc.has_draft) and doc.rendered_revision < doc.draft_revision
    running = doc.render_state in ("queued", "running")
    if doc.render_state == "failed" and stale:
        return PublishBlock(False, False, True, N_("La fabrication des formats à partir du texte approuvé a échoué : relancez-la."))
    if running or stale:
        return PublishBlock(False, True, False, N_("Les formats (braille, audio, page web…) sont en train d’être refaits à partir du "
                                                   "texte approuvé. Le bouton « Publier » s’activera tout seul à la fin."))
    return PublishBlock(True, False, False, None)


# -- title, summary, tags ----------------------------------------------------------------------------
MAX_TITLE, MAX_SUMMARY, MAX_TAGS = 300, 1000, 20


@dataclass
class Description:
    title: str
    summary: str
    tags: list[str]
    own_title: bool  # the title is the document's own (metadata or first heading), not set by a person


def describe(doc: DocumentRow) -> Description:
    tags = json.loads(getattr(doc, "tags_json", None) or "[]")
    return Description(doc.title or PurePosixPath(doc.filename).stem, getattr(doc, "summary", None) or "", list(tags),
                       not getattr(doc, "title_by", None))


def parse_tags(text: str) -> list[str]:
    """Tags typed by staff: separated by commas (Latin or Arabic) or new lines; each kept once."""
    out: list[str] = []
    for part in re.split(r"[,،;\n]", text or ""):
        tag = " ".join(part.split())[:60]
        if tag and tag.casefold() not in {t.casefold() for t in out}:
            out.append(tag)
    return out[:MAX_TAGS]


def save_description(rt: Runtime, doc: DocumentRow, form: Any, who: str) -> None:
    title = " ".join(str(form.get("title") or "").split())[:MAX_TITLE]
    summary = str(form.get("summary") or "").strip()[:MAX_SUMMARY]
    rt.store.documents.describe(doc.id, title=title or None, summary=summary or None, tags=parse_tags(str(form.get("tags") or "")),
                                who=who if title and title != (doc.title or "") or getattr(doc, "title_by", None) else None)


# -- search ------------------------------------------------------------------------------------------
_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ء": ""})


def normalise(text: str) -> str:
    """Text folded for search: case, French accents, Arabic diacritics and tatweel, hamza forms, ta marbuta, alif maqsura."""
    t = _DIACRITICS.sub("", unicodedata.normalize("NFKC", text or "")).translate(_ARABIC_FOLD).casefold()
    t = "".join(ch for ch in unicodedata.normalize("NFD", t) if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff")
    return " ".join(re.findall(r"\w+", t))


def matches(q: str, *fields: str | None) -> bool:
    """Every word of ``q`` is in one of the fields (normalised; a word may be the start of a longer one)."""
    hay = " " + " ".join(normalise(f or "") for f in fields) + " "
    words_ = normalise(q).split()
    return all(f" {w}" in hay or (len(w) > 3 and w in hay) for w in words_)


def staff_search(jobs: list[Any], q: str) -> list[Any]:
    """Jobs (job, docs, state) with a document whose title, summary, tags or file name matches ``q``."""
    if not q.strip():
        return jobs
    return [j for j in jobs if any(matches(q, d.title, getattr(d, "summary", None), " ".join(json.loads(getattr(d, "tags_json", None) or "[]")),
                                           d.filename) for d in j[1])]
