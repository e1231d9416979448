"""The review page: a work list of the segments that need a person, each saved on its own; approval,
publication, the document's title and description, and page images of the source.

Edits, approval and publication go through ``service.publishing`` (the functions behind
``PATCH /v1/documents/{id}/draft``, ``.../approve`` and ``.../publish``), so the rules are the API's.
Every segment is its own form (``POST .../segment``): without JavaScript the page comes back at that
segment; with it (``web.js``), the form is sent in the background, the page stays and the focus too.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from .. import publishing, review
from ..errors import ServiceError
from . import words
from .data import describe, publish_block, quality_report, staff_files
from .i18n import N_, Translator
from .pages_image import page_image
from .render import lang_of, page
from .review_view import WorkList, measures, text_fingerprint, work_list
from .security import csrf_ok, current_session, read_form
from .staff import csrf_refused, not_found, signin_redirect

log = logging.getLogger("service.web")
router = APIRouter(prefix="/staff/documents", include_in_schema=False)
SEGMENT_PROBLEMS = {
    "numbers_changed": N_("Les nombres ne correspondent pas à l’original : gardez chaque nombre tel qu’il est."),
    "empty_segment": N_("Le texte est vide : écrivez la phrase en darija."),
    "unknown_segment": N_("Cette phrase n’existe plus dans le brouillon : rechargez la page."),
    "untranslated": N_("Cette phrase n’est pas encore en darija."),
}
CONFLICTS = {
    "stale_revision": N_("Le brouillon a changé depuis l’ouverture de la page. Rechargez-la puis refaites vos modifications."),
    "segment_changed": N_("Quelqu’un d’autre a modifié cette phrase entre-temps. Rechargez la page pour voir son texte."),
    "render_pending": N_("Les formats sont en cours de fabrication à partir du texte approuvé : la publication sera possible ensuite."),
    "busy": N_("Les formats sont déjà en cours de fabrication : attendez la fin."),
    "wrong_state": N_("Cette action n’est pas possible dans l’état actuel du document : rechargez la page."),
    "not_approved": N_("Approuvez d’abord le texte, puis publiez."),
    "untranslated": N_("L’approbation est refusée : des phrases ne sont pas encore en darija. Écrivez-les, ou cochez « Approuver malgré tout »."),
    "storage_full": N_("Le disque du serveur est plein : prévenez l’administrateur."),
}
GENERIC = N_("Cette action n’a pas abouti. Rechargez la page et réessayez.")
SHOW = ("todo", "all")


def _show(value: str | None, wl: WorkList) -> str:
    if value in SHOW:
        return value  # type: ignore[return-value]
    return "todo" if wl.flagged else "all"


def _review_page(request: Request, doc: Any, *, status_code: int = 200, seg_errors: dict[str, list[str]] | None = None,
                 submitted: dict[str, str] | None = None, problem: str | None = None, notice: str | None = None,
                 show: str | None = None, saved: str | None = None, refused: bool = False) -> HTMLResponse:
    rt = request.app.state.runtime
    t = Translator(lang_of(request))
    draft = review.load(doc.draft_json) if doc.draft_json and doc.status in publishing.CONVERTED else None
    wl = work_list(draft) if draft is not None else WorkList([])
    for s in wl.segments:
        if submitted and s.id in submitted:
            s.text = submitted[s.id]  # keep what the person typed when the page comes back with errors
    mode = _show(show, wl)
    shown = [s for s in wl.segments if mode == "all" or s.needs or (seg_errors and s.id in seg_errors) or s.id == saved]
    rows, verdict, gates_ok = measures(quality_report(rt, doc), t)
    return page(request, "review.html", status_code=status_code, title=N_("Relecture du texte en darija"), doc=doc, wl=wl, shown=shown,
                show=mode, seg_errors=seg_errors or {}, problem=problem, notice=notice, saved=saved, refused=refused,
                measures=rows, verdict=verdict, gates_ok=gates_ok, files=staff_files(doc), publish=publish_block(doc), info=describe(doc),
                source_pages=doc.format in ("pdf", "png", "jpeg", "tiff", "image"))


def _load(request: Request, doc_id: str) -> Any:
    return request.app.state.runtime.store.documents.get(doc_id)


def _here(doc_id: str, show: str | None, **params: str) -> str:
    query = "&".join(f"{k}={quote(v)}" for k, v in ({"show": show or ""} | params).items() if v)
    return f"/staff/documents/{doc_id}" + (f"?{query}" if query else "")


@router.get("/{doc_id}", response_class=HTMLResponse)
async def review_page(request: Request, doc_id: str, done: str | None = None, show: str | None = None, seg: str | None = None) -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    doc = _load(request, doc_id)
    if doc is None:
        return not_found(request)
    return _review_page(request, doc, notice=done if done in words.NOTICES and done != "saved" else None, show=show,
                        saved=seg if done == "saved" else None)


async def _guard(request: Request, doc_id: str, *, max_fields: int = 16) -> tuple[Any, Any, Any, Response | None]:
    sess = current_session(request)
    if sess is None:
        return None, None, None, signin_redirect(request)
    form = await read_form(request, max_fields=max_fields)
    if not csrf_ok(request, str(form.get("csrf") or "")):
        return None, None, None, csrf_refused(request)
    doc = _load(request, doc_id)
    if doc is None:
        return None, None, None, not_found(request)
    return sess, form, doc, None


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _seg_problems(exc: ServiceError) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for d in exc.details or []:
        out.setdefault(str(d.get("segment_id")), []).append(SEGMENT_PROBLEMS.get(str(d.get("problem")), GENERIC))
    return out


def _failed(request: Request, doc: Any, exc: ServiceError, *, submitted: dict[str, str] | None = None, show: str | None = None) -> HTMLResponse:
    log.info("review page: %s refused: %s (%s)", doc.id, exc.code, exc.message)
    seg_errors = _seg_problems(exc)
    fresh = _load(request, doc.id) or doc
    return _review_page(request, fresh, status_code=exc.http_status, seg_errors=seg_errors, submitted=submitted, show=show,
                        problem=CONFLICTS.get(exc.code) or (None if seg_errors else GENERIC), refused=exc.code == "untranslated")


@router.post("/{doc_id}/segment", response_class=HTMLResponse)
async def save_segment(request: Request, doc_id: str) -> Response:
    """One segment's text (its own form). JSON for the page script, else back to the page at that segment."""
    sess, form, doc, refused = await _guard(request, doc_id)
    if refused is not None:
        return refused
    seg_id, text, base, show = (str(form.get(k) or "") for k in ("segment", "text", "base", "show"))
    t = Translator(lang_of(request))
    try:
        current = {s.id: s for s in work_list(review.load(publishing._need_draft(doc))).segments}
        seg = current.get(seg_id)
        if seg is None:
            raise ServiceError(f"There is no segment {seg_id}.", code="unknown_segment", details=[{"segment_id": seg_id, "problem": "unknown_segment"}])
        if base and base != seg.base:
            raise ServiceError(f"Segment {seg_id} changed meanwhile.", code="segment_changed")
        if " ".join(text.split()) == " ".join(seg.text.split()):
            return _segment_answer(request, t, doc_id, seg_id, show, N_("Rien n’a changé dans cette phrase."), ok=True, base=seg.base)
        await anyio.to_thread.run_sync(lambda: publishing.submit_text(request.app.state.runtime, doc, {seg_id: text}, revision=None,
                                                                      full=False, who=sess.name))
    except ServiceError as exc:
        exc.http_status = exc.http_status if exc.http_status != 500 else 409
        if _wants_json(request):
            problems = _seg_problems(exc).get(seg_id) or [CONFLICTS.get(exc.code, GENERIC)]
            return JSONResponse({"ok": False, "errors": [t(p) for p in problems]}, status_code=exc.http_status)
        return _failed(request, doc, exc, submitted={seg_id: text}, show=show)
    fresh = _load(request, doc_id)
    new = {s.id: s for s in work_list(review.load(fresh.draft_json)).segments}.get(seg_id) if fresh is not None else None
    return _segment_answer(request, t, doc_id, seg_id, show, N_("Phrase enregistrée."), ok=True, base=new.base if new else text_fingerprint(text),
                           status=new.status if new else None)


def _segment_answer(request: Request, t: Translator, doc_id: str, seg_id: str, show: str, message: str, *, ok: bool, base: str,
                    status: str | None = None) -> Response:
    if _wants_json(request):
        body: dict[str, Any] = {"ok": ok, "message": t(message), "base": base}
        if status is not None:
            body["status"] = t(words.label(words.SEGMENT_STATUS, status, words.SEGMENT_STATUS["needs_review"]))
        return JSONResponse(body, headers={"Cache-Control": "no-store"})
    return RedirectResponse(_here(doc_id, show, done="saved", seg=seg_id) + f"#seg-{quote(seg_id)}", status_code=303)


@router.post("/{doc_id}/approve", response_class=HTMLResponse)
async def approve(request: Request, doc_id: str) -> Response:
    sess, form, doc, refused = await _guard(request, doc_id)
    if refused is not None:
        return refused
    allow = bool(form.get("allow_untranslated"))
    try:
        await anyio.to_thread.run_sync(lambda: publishing.approve(request.app.state.runtime, doc, sess.name, allow_untranslated=allow))
    except ServiceError as exc:
        return _failed(request, doc, exc)
    except Exception as exc:  # the library refuses untranslated segments with its own error type
        message = getattr(exc, "message", None)
        if message is None:
            raise
        problems = getattr(exc, "problems", None) or []
        code = "untranslated" if "translation" in message or "not yet in Darija" in message or problems else "wrong_state"
        err = ServiceError(message, code=code, details=[p.model_dump() for p in problems])
        err.http_status = 422
        return _failed(request, doc, err)
    return RedirectResponse(f"/staff/documents/{doc_id}?done=approved#approve", status_code=303)


async def _act(request: Request, doc_id: str, action: Any, done: str) -> Response:
    """One publishing action from the review page's buttons: guarded, run off the event loop, the page again."""
    _sess, _form, doc, refused = await _guard(request, doc_id)
    if refused is not None:
        return refused
    try:
        await anyio.to_thread.run_sync(action, request.app.state.runtime, doc)
    except ServiceError as exc:
        return _failed(request, doc, exc)
    return RedirectResponse(f"/staff/documents/{doc_id}?done={done}#approve", status_code=303)


@router.post("/{doc_id}/publish", response_class=HTMLResponse)
async def publish(request: Request, doc_id: str) -> Response:
    return await _act(request, doc_id, publishing.publish, "published")


@router.post("/{doc_id}/unpublish", response_class=HTMLResponse)
async def unpublish(request: Request, doc_id: str) -> Response:
    return await _act(request, doc_id, publishing.unpublish, "unpublished")


@router.post("/{doc_id}/render", response_class=HTMLResponse)
async def render_again(request: Request, doc_id: str) -> Response:
    """Make the formats again from the approved text (after a failed rendering)."""
    return await _act(request, doc_id, publishing.request_render, "rendering")


@router.post("/{doc_id}/describe", response_class=HTMLResponse)
async def describe_document(request: Request, doc_id: str) -> Response:
    """Title, short summary and tags (what the catalogue shows and searches)."""
    sess, form, doc, refused = await _guard(request, doc_id)
    if refused is not None:
        return refused
    from .data import save_description

    await anyio.to_thread.run_sync(lambda: save_description(request.app.state.runtime, doc, form, sess.name))
    return RedirectResponse(f"/staff/documents/{doc_id}?done=described#describe", status_code=303)


@router.get("/{doc_id}/state.json")
async def state_json(request: Request, doc_id: str) -> Response:
    """Publication readiness for the page script (publishing waits for the formats after approval)."""
    if current_session(request) is None:
        return JSONResponse({"error": {"code": "unauthorized"}}, status_code=401)
    doc = _load(request, doc_id)
    if doc is None:
        return JSONResponse({"error": {"code": "not_found"}}, status_code=404)
    t = Translator(lang_of(request))
    block = publish_block(doc)
    return JSONResponse({"review_state": doc.review_state, "render_state": doc.render_state, "render_pending": block.pending,
                         "can_publish": block.can_publish, "reason": t(block.reason) if block.reason else "",
                         "render_state_label": t(words.label(words.RENDER_STATES, doc.render_state))},
                        headers={"Cache-Control": "no-store"})


@router.get("/{doc_id}/pages/{number}.png")
async def source_page(request: Request, doc_id: str, number: int) -> Response:
    """Page ``number`` of the uploaded source as a picture, to compare a doubtful segment with the original."""
    if current_session(request) is None:
        return signin_redirect(request)
    doc = _load(request, doc_id)
    if doc is None:
        return not_found(request)
    path = await anyio.to_thread.run_sync(page_image, request.app.state.runtime.store, doc, number)
    if path is None:
        return not_found(request)
    from ..downloads import send_file

    return send_file(request, path, media_type="image/png", sha256=f"{doc.sha256[:32]}{number:08d}", download_name=f"{doc.stem}-page-{number}.png",
                     cache_control="private, max-age=3600")
