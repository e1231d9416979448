"""The review page: source and Darija draft side by side, inline editing, approval and publication.

Edits, approval and publication go through ``service.publishing`` (the functions behind
``PATCH /v1/documents/{id}/draft``, ``.../approve`` and ``.../publish``), so the rules are the API's.
"""

from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from .. import publishing
from ..errors import ServiceError, Unprocessable
from .data import changed_segments, metric_rows, quality_report, review_segments, staff_files
from .i18n import N_
from .render import page
from .security import csrf_ok, current_session, read_form
from .staff import csrf_refused, not_found, signin_redirect

router = APIRouter(prefix="/staff/documents", include_in_schema=False)
NOTICES = ("saved", "nothing_changed", "approved", "published", "unpublished")
SEGMENT_PROBLEMS = {"numbers_changed": N_("Les nombres ne correspondent pas à la source : gardez chaque nombre."), "empty_segment": N_("Le segment est vide : écrivez son texte en darija."), "unknown_segment": N_("Ce segment n’existe pas dans le brouillon.")}
CONFLICTS = {"stale_revision": N_("Le brouillon a changé depuis l’ouverture de la page. Rechargez-la puis refaites vos modifications."), "render_pending": N_("Les formats sont en cours de régénération à partir du texte approuvé. La publication sera possible ensuite."), "wrong_state": N_("Action impossible dans l’état actuel du document."), "not_approved": N_("Action impossible dans l’état actuel du document."),
             "busy": N_("Les formats sont en cours de régénération à partir du texte approuvé. La publication sera possible ensuite.")}


def _review_page(request: Request, doc: Any, *, status_code: int = 200, seg_errors: dict[str, list[str]] | None = None,
                 submitted: dict[str, str] | None = None, problem: str | None = None, detail: str | None = None,
                 notice: str | None = None, n: int = 0) -> HTMLResponse:
    rt = request.app.state.runtime
    segments = review_segments(doc) if doc.draft_json and doc.status in publishing.CONVERTED else []
    for s in segments:
        if submitted and s.id in submitted:
            s.text = submitted[s.id]  # keep what the person typed when the page comes back with errors
    return page(request, "review.html", status_code=status_code, title=N_("Relecture du texte en darija"), doc=doc, segments=segments,
                seg_errors=seg_errors or {}, problem=problem, detail=detail, notice=notice, n=n,
                metrics=metric_rows(quality_report(rt, doc)), files=staff_files(doc),
                needs_human=sum(1 for s in segments if s.status == "needs_human"),
                can_publish=doc.review_state == "reviewed" and not (doc.draft_json and (doc.rendered_revision < doc.draft_revision
                                                                                        or doc.render_state in ("queued", "running"))))


def _load(request: Request, doc_id: str) -> Any:
    return request.app.state.runtime.store.documents.get(doc_id)


@router.get("/{doc_id}", response_class=HTMLResponse)
async def review_page(request: Request, doc_id: str, done: str | None = None, n: int = 0) -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    doc = _load(request, doc_id)
    if doc is None:
        return not_found(request)
    return _review_page(request, doc, notice=done if done in NOTICES else None, n=n)


async def _guard(request: Request, doc_id: str) -> tuple[Any, Any, Response | None]:
    sess = current_session(request)
    if sess is None:
        return None, None, signin_redirect(request)
    form = await read_form(request, max_fields=50_000)  # one field per segment
    if not csrf_ok(request, str(form.get("csrf") or "")):
        return None, None, csrf_refused(request)
    doc = _load(request, doc_id)
    if doc is None:
        return None, None, not_found(request)
    return sess, form, None


def _failed(request: Request, doc: Any, exc: ServiceError, submitted: dict[str, str] | None = None) -> HTMLResponse:
    seg_errors: dict[str, list[str]] = {}
    for d in exc.details or []:
        seg_errors.setdefault(str(d.get("segment_id")), []).append(SEGMENT_PROBLEMS.get(str(d.get("problem")), N_("Action impossible dans l’état actuel du document.")))
    problem = N_("Des segments restent à traduire par une personne. Traduisez-les, ou cochez l’approbation malgré tout.") if exc.code == "untranslated" else None
    fresh = _load(request, doc.id) or doc
    return _review_page(request, fresh, status_code=exc.http_status, seg_errors=seg_errors, submitted=submitted,
                        problem=problem or CONFLICTS.get(exc.code) or (None if seg_errors else N_("Action impossible dans l’état actuel du document.")), detail=exc.message)


@router.post("/{doc_id}/draft", response_class=HTMLResponse)
async def save_draft(request: Request, doc_id: str) -> Response:
    sess, form, refused = await _guard(request, doc_id)
    if refused is not None:
        return refused
    doc = _load(request, doc_id)
    submitted = {k[4:]: str(v) for k, v in form.multi_items() if k.startswith("seg:")}
    try:
        revision = int(str(form.get("revision") or ""))
    except ValueError:
        revision = None
    try:
        edits = changed_segments(doc, submitted)
        if not edits:
            return RedirectResponse(f"/staff/documents/{doc_id}?done=nothing_changed", status_code=303)
        await anyio.to_thread.run_sync(lambda: publishing.submit_text(request.app.state.runtime, doc, edits, revision=revision,
                                                                      full=False, who=sess.name))
    except ServiceError as exc:
        return _failed(request, doc, exc, submitted)
    return RedirectResponse(f"/staff/documents/{doc_id}?done=saved&n={len(edits)}", status_code=303)


@router.post("/{doc_id}/approve", response_class=HTMLResponse)
async def approve(request: Request, doc_id: str) -> Response:
    sess, form, refused = await _guard(request, doc_id)
    if refused is not None:
        return refused
    doc = _load(request, doc_id)
    allow = bool(form.get("allow_untranslated"))
    try:
        await anyio.to_thread.run_sync(lambda: publishing.approve(request.app.state.runtime, doc, sess.name, allow_untranslated=allow))
    except ServiceError as exc:
        return _failed(request, doc, exc)
    except Exception as exc:  # the library refuses untranslated segments with its own error type
        message = getattr(exc, "message", None)
        if message is None:
            raise
        code = "untranslated" if "translation" in message else "conflict"
        return _failed(request, doc, Unprocessable(message, code=code))
    return RedirectResponse(f"/staff/documents/{doc_id}?done=approved", status_code=303)


@router.post("/{doc_id}/publish", response_class=HTMLResponse)
async def publish(request: Request, doc_id: str) -> Response:
    sess, _form, refused = await _guard(request, doc_id)
    if refused is not None:
        return refused
    doc = _load(request, doc_id)
    try:
        await anyio.to_thread.run_sync(publishing.publish, request.app.state.runtime, doc)
    except ServiceError as exc:
        return _failed(request, doc, exc)
    return RedirectResponse(f"/staff/documents/{doc_id}?done=published", status_code=303)


@router.post("/{doc_id}/unpublish", response_class=HTMLResponse)
async def unpublish(request: Request, doc_id: str) -> Response:
    sess, _form, refused = await _guard(request, doc_id)
    if refused is not None:
        return refused
    doc = _load(request, doc_id)
    try:
        await anyio.to_thread.run_sync(publishing.unpublish, request.app.state.runtime, doc)
    except ServiceError as exc:
        return _failed(request, doc, exc)
    return RedirectResponse(f"/staff/documents/{doc_id}?done=unpublished", status_code=303)


@router.get("/{doc_id}/state.json")
async def state_json(request: Request, doc_id: str) -> Response:
    """Render state for the page script (publishing waits for the re-render after approval)."""
    if current_session(request) is None:
        return JSONResponse({"error": {"code": "unauthorized"}}, status_code=401)
    doc = _load(request, doc_id)
    if doc is None:
        return JSONResponse({"error": {"code": "not_found"}}, status_code=404)
    pending = bool(doc.draft_json) and (doc.rendered_revision < doc.draft_revision or doc.render_state in ("queued", "running"))
    return JSONResponse({"review_state": doc.review_state, "render_state": doc.render_state, "render_pending": pending},
                        headers={"Cache-Control": "no-store"})
