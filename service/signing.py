"""The sign-language video of a document: staff upload what ``taysir overlay`` made from the scaffold.

A video is published "with sign language" only as this file (``<stem>.<lang>.signed.mp4``, role
``sign-language``): the scaffold itself (burned-in captions and an empty interpreter region) is a staff
artefact that is never published (``publishing.STAFF_ONLY``). Before the file is attached it is checked
against the document's scaffold of that language:

* it is a video ffprobe reads, with the scaffold's picture size and sound;
* it lasts as long as the scaffold (within 1 s): it was made from this narration, not an older one;
* the interpreter's region is not the scaffold's placeholder: at three moments, the region's pixels
  differ from the scaffold's (an upload of the scaffold itself, or an overlay whose recording is
  missing, is refused).

The file is kept in the document's folder (``data/jobs/<job>/docs/<doc>/signed/``) and listed with its
other files, so publishing copies it like the rest. A re-rendering after the text changed replaces the
document's file list and so drops it (the narration it follows may have changed): upload it again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from transform._exec import FFMPEG, run
from transform.errors import TransformError
from transform.video.meta import read_meta
from transform.video.probe import probe

from .errors import Conflict, NotFound, Unprocessable
from .publishing import _need_converted, _reload
from .runtime import Runtime
from .store import DocumentRow
from .views import StoredArtifact, artifacts_of

ROLE = "sign-language"
DURATION_TOLERANCE_S = 1.0
SAMPLES = (0.25, 0.5, 0.75)  # moments checked, as fractions of the length
MIN_REGION_DIFF = 6.0  # mean absolute difference (0-255 grey levels) that shows an interpreter in the region


def signed_name(doc: DocumentRow, lang: str) -> str:
    return f"{doc.stem}.{lang}.signed.mp4"


def scaffold_of(doc: DocumentRow, lang: str) -> StoredArtifact:
    """The interpreter scaffold of ``lang`` (``<stem>.<lang>.scaffold.mp4``, or ``<stem>.<lang>.mp4`` with its region
    file for documents converted before the citizens' video existed)."""
    arts = {a.name: a for a in artifacts_of(doc)}
    for name in (f"{doc.stem}.{lang}.scaffold.mp4", f"{doc.stem}.{lang}.mp4"):
        a = arts.get(name)
        if a is not None and (name.endswith(".scaffold.mp4") or f"{doc.stem}.{lang}.video.json" in arts):
            return a
    langs = sorted({a.lang for a in arts.values() if a.name.endswith(".scaffold.mp4") and a.lang})
    raise NotFound(f"Document {doc.id} has no interpreter scaffold in {lang!r}" + (f" (it has: {', '.join(langs)})." if langs else "."),
                   code="no_scaffold", hint="Convert the document with the `video` output; the overlay is made from its scaffold.")


def _region_grey(video: Path, t: float, crop: tuple[int, int, int, int]) -> bytes:
    x, y, w, h = crop
    proc = run([FFMPEG.binary, "-nostdin", "-v", "error", "-ss", f"{t:.3f}", "-i", video, "-frames:v", "1",
                "-vf", f"crop={w}:{h}:{x}:{y},scale=48:72:flags=area,format=gray", "-f", "rawvideo", "pipe:1"],
               tool="ffmpeg", timeout=60, hint="Check that the video plays.")
    return proc.stdout


def check_overlay(scaffold: Path, upload: Path) -> None:
    """Refuse (422) a file that is not an overlay of this scaffold (see the module docstring)."""
    try:
        s_info = probe(scaffold, what="scaffold video")
        meta = read_meta(scaffold, s_info)
        u_info = probe(upload, what="uploaded video")
    except TransformError as exc:
        raise Unprocessable(f"The uploaded file is not a readable video: {exc}", code="bad_video",
                            hint="Upload the MP4 written by `taysir overlay`.") from None
    if u_info.video is None or u_info.first("audio") is None:
        raise Unprocessable("The uploaded file needs a picture and the narration's sound.", code="bad_video",
                            hint="Upload the MP4 written by `taysir overlay` (it keeps the scaffold's sound).")
    if u_info.size() != s_info.size():
        w, h = u_info.size()
        raise Unprocessable(f"The uploaded video is {w}x{h}; the scaffold is {meta.width}x{meta.height}.", code="bad_video",
                            hint="Upload the overlay as `taysir overlay` wrote it, without resizing it.")
    if abs(u_info.duration_s - s_info.duration_s) > DURATION_TOLERANCE_S:
        raise Unprocessable(f"The uploaded video lasts {u_info.duration_s:.1f} s; the scaffold of this document lasts "
                            f"{s_info.duration_s:.1f} s.", code="wrong_video",
                            hint="Make the overlay from this document's current scaffold (the narration may have changed).")
    r = meta.signer
    crop = (r.x, r.y, r.w, r.h)
    shown = 0
    for frac in SAMPLES:
        t = s_info.duration_s * frac
        a, b = _region_grey(scaffold, t, crop), _region_grey(upload, t, crop)
        if len(a) != len(b) or not a:
            continue
        if sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a) >= MIN_REGION_DIFF:
            shown += 1
    if shown < 2:
        raise Unprocessable("No interpreter is visible in the signer region of the uploaded video: it looks like the scaffold itself.",
                            code="no_interpreter", hint="Run `taysir overlay` with the interpreter's recording and upload its output.")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def incoming_dir(rt: Runtime, doc: DocumentRow) -> Path:
    d = rt.store.doc_dir(doc.job_id, doc.id) / "signed"
    d.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".upload-", dir=d))


def attach(rt: Runtime, doc: DocumentRow, lang: str, upload: Path) -> DocumentRow:
    """Check ``upload`` against the scaffold of ``lang`` and add it to the document's files (replacing an older one)."""
    _need_converted(doc)
    if doc.review_state == "published":
        raise Conflict("A published document cannot change.", code="wrong_state",
                       hint="Unpublish it, add the video, then publish it again.")
    scaffold = scaffold_of(doc, lang)
    check_overlay(rt.store.path(scaffold.path), upload)
    name = signed_name(doc, lang)
    target = rt.store.doc_dir(doc.job_id, doc.id) / "signed" / name
    os.replace(upload, target)
    art = StoredArtifact(name=name, media_type="video/mp4", role=ROLE, lang=lang, size=target.stat().st_size,
                         description="the scaffold with the sign-language interpreter (taysir overlay)",
                         path=rt.store.rel(target), sha256=_sha256(target))
    before = doc.artifacts_json
    files = [a for a in artifacts_of(doc) if a.name != name] + [art]
    if not rt.store.documents.set_artifacts(doc.id, [f.model_dump() for f in files], expected=before):
        raise Conflict("The document's files changed meanwhile (a re-rendering?).", code="stale_revision", hint="Upload the video again.")
    return _reload(rt, doc.id)


def detach(rt: Runtime, doc: DocumentRow, lang: str) -> DocumentRow:
    if doc.review_state == "published":
        raise Conflict("A published document cannot change.", code="wrong_state", hint="Unpublish it first.")
    name = signed_name(doc, lang)
    arts = artifacts_of(doc)
    if not any(a.name == name for a in arts):
        raise NotFound(f"Document {doc.id} has no sign-language video in {lang!r}.", code="not_found")
    if not rt.store.documents.set_artifacts(doc.id, [a.model_dump() for a in arts if a.name != name], expected=doc.artifacts_json):
        raise Conflict("The document's files changed meanwhile.", code="stale_revision", hint="Reload and retry.")
    (rt.store.doc_dir(doc.job_id, doc.id) / "signed" / name).unlink(missing_ok=True)
    return _reload(rt, doc.id)


def discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


