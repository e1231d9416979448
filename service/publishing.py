"""Review state machine and publication: draft -> reviewed (approve) -> published (and back).

Publishing copies (hard-links) the approved files to ``data/published/<doc>/``, so the public
catalogue can only ever serve what was approved, whatever happens to the working copy later.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import time
from dataclasses import replace
from fnmatch import fnmatch

from transform.simplify import review as review_api
from transform.simplify.memory import ListMemory
from transform.simplify.review import ReviewError

from . import review
from .errors import Conflict, NotFound, Unavailable, Unprocessable
from .runtime import Runtime
from .store import DocumentRow
from .views import StoredArtifact, artifacts_of

CONVERTED = ("success", "partial_success")
log = logging.getLogger("service.publishing")

# Staff artefacts, never published whatever the settings say: the interpreter's scaffold (burned-in
# captions and an empty signer region) and its region file, the cue sheet and the teleprompter track.
# A video is public "with sign language" only as the overlaid file staff upload (``<stem>.<lang>.signed.mp4``).
STAFF_ONLY = ("*.scaffold.*", "*.video.json", "*.cuesheet.*", "*.teleprompter.vtt")


def is_public(a: StoredArtifact, names: set[str], *, exclude_roles: list[str], exclude_patterns: list[str]) -> bool:
    """Whether a converted file may be copied to the public catalogue (``names``: every file name of the document)."""
    if a.role in exclude_roles or any(fnmatch(a.name, p) for p in (*exclude_patterns, *STAFF_ONLY)):
        return False
    # before the citizens' video existed, the scaffold was ``<stem>.<lang>.mp4`` next to ``<stem>.<lang>.video.json``
    return not (a.name.endswith(".mp4") and a.name[:-4] + ".video.json" in names)


def _need_converted(doc: DocumentRow) -> None:
    if doc.status not in CONVERTED:
        raise Conflict(f"Document {doc.id} is not converted (status {doc.status}).", code="not_converted",
                       hint="Wait for the job to finish, or submit the document again if it failed.")


def _need_draft(doc: DocumentRow) -> str:
    _need_converted(doc)
    if not doc.draft_json:
        raise NotFound(f"Document {doc.id} has no Darija draft.", code="no_draft",
                       hint="Submit the document with the `darija` output to get a draft to review.")
    return doc.draft_json


def submit_text(rt: Runtime, doc: DocumentRow, edits: dict[str, str], *, revision: int | None, full: bool, who: str) -> DocumentRow:
    draft = review.load(_need_draft(doc))
    if doc.review_state == "published":
        raise Conflict("A published document cannot be edited.", code="wrong_state", hint="Unpublish it first.")
    if revision is not None and revision != doc.draft_revision:
        raise Conflict(f"The draft changed since revision {revision} (now {doc.draft_revision}).", code="stale_revision",
                       hint="Reload the draft and apply your edits again.")
    try:
        new, _changes = review_api.apply_edits(draft, edits, who, full=full)
    except ReviewError as exc:
        if not exc.problems:
            raise
        raise Unprocessable(f"The reviewed text has {len(exc.problems)} problem(s): {exc.problems[0].message}", code="review_invalid",
                            hint="Keep every segment and every number of the source.", details=review.details(exc.problems)) from None
    if not rt.store.documents.save_draft(doc.id, new.model_dump_json(), expected_revision=doc.draft_revision, reviewer=who):
        raise Conflict("The draft was changed by someone else meanwhile.", code="stale_revision", hint="Reload and retry.")
    return _reload(rt, doc.id)


def request_render(rt: Runtime, doc: DocumentRow) -> DocumentRow:
    _need_draft(doc)
    if doc.review_state == "published":
        raise Conflict("A published document is not re-rendered.", code="wrong_state", hint="Unpublish it first.")
    if not rt.store.documents.queue_render(doc.id):
        raise Conflict("A rendering of this document is already running.", code="busy", hint="Wait for it (GET the document).")
    rt.queue.render(doc.id)
    return _reload(rt, doc.id)


def approve(rt: Runtime, doc: DocumentRow, who: str, *, allow_untranslated: bool = False) -> DocumentRow:
    _need_converted(doc)
    if doc.review_state != "draft":
        raise Conflict(f"Only a draft can be approved (state: {doc.review_state}).", code="wrong_state")
    approved = None
    learned = ListMemory()  # the approved segments, written to the translation memory once the approval is stored
    if doc.draft_json:  # the library records the approval in the draft (and refuses untranslated segments)
        text, _record = review_api.approve(review.load(doc.draft_json), who, allow_untranslated=allow_untranslated, simplified_only=False,
                                           memory=learned)
        approved = text.model_dump_json()
    if not rt.store.documents.approve(doc.id, who, doc.draft_revision, draft_json=approved):
        raise Conflict("The draft changed while approving.", code="stale_revision", hint="Reload and approve again.")
    if learned.entries:
        try:
            rt.store.memory.add([replace(e, document=doc.filename or doc.title or e.document) for e in learned.entries])
        except Exception:  # noqa: BLE001 - the approval is stored: a memory that cannot be written is logged, never undoes it
            log.exception("document %s: the approved segments could not be written to the translation memory", doc.id)
    if doc.draft_json and doc.rendered_revision < doc.draft_revision and doc.render_state not in ("queued", "running"):
        if rt.store.documents.queue_render(doc.id):
            rt.queue.render(doc.id)  # the approved text must be the one in braille, audio...
    return _reload(rt, doc.id)


def publish(rt: Runtime, doc: DocumentRow) -> DocumentRow:
    _need_converted(doc)
    if doc.review_state != "reviewed":
        raise Conflict(f"Only an approved document can be published (state: {doc.review_state}).", code="not_approved",
                       hint="POST .../approve first.")
    if doc.draft_json and (doc.rendered_revision < doc.draft_revision or doc.render_state in ("queued", "running")):
        raise Conflict("The outputs of the approved text are still being rendered.", code="render_pending",
                       hint="Retry when render_state is done." if doc.render_state != "failed" else f"Rendering failed: {doc.render_error}")
    dest = rt.store.published_dir(doc.id) / str(int(time.time() * 1000))
    dest.mkdir(parents=True, exist_ok=True)
    files: list[StoredArtifact] = []
    arts = artifacts_of(doc)
    names = {a.name for a in arts}
    try:
        for a in arts:
            if not is_public(a, names, exclude_roles=rt.settings.publish_exclude_roles,
                             exclude_patterns=rt.settings.publish_exclude_patterns):
                continue
            src, target = rt.store.path(a.path), dest / a.name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, target)
            except OSError:
                shutil.copy2(src, target)
            files.append(a.model_copy(update={"path": rt.store.rel(target)}))
    except OSError as exc:  # e.g. the disk is full: no partial snapshot stays behind
        shutil.rmtree(dest, ignore_errors=True)
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
        raise Unavailable("The disk is full: the document could not be published." if full else
                          f"The published copy could not be written ({exc.strerror}).", code="storage_full" if full else "storage_error",
                          hint="Free disk space on the server and publish again.") from None
    if not rt.store.documents.publish(doc.id, [f.model_dump() for f in files]):
        shutil.rmtree(dest, ignore_errors=True)
        raise Conflict("The document changed while publishing.", code="wrong_state", hint="Reload and retry.")
    for old in rt.store.published_dir(doc.id).iterdir():
        if old != dest:
            shutil.rmtree(old, ignore_errors=True)
    row = _reload(rt, doc.id)
    from .web.public_bundle import try_ensure  # the citizens' ZIP, ready before the first visitor asks

    try_ensure(rt, row)
    return row


def unpublish(rt: Runtime, doc: DocumentRow) -> DocumentRow:
    if doc.review_state != "published":
        raise Conflict(f"Document {doc.id} is not published.", code="wrong_state")
    if not rt.store.documents.unpublish(doc.id):
        raise Conflict("The document changed meanwhile.", code="wrong_state", hint="Reload and retry.")
    shutil.rmtree(rt.store.published_dir(doc.id), ignore_errors=True)
    return _reload(rt, doc.id)


def published_files(doc: DocumentRow) -> list[StoredArtifact]:
    return [StoredArtifact.model_validate(f) for f in json.loads(doc.published_json or "[]")]


def _reload(rt: Runtime, doc_id: str) -> DocumentRow:
    row = rt.store.documents.get(doc_id)
    if row is None:
        raise NotFound(f"Document {doc_id} does not exist.")
    return row
