"""Staff pages: sign in/out, upload, job progress and history, downloads.

The review pages are in :mod:`service.web.review_pages`. Every action calls the same service and store
functions as the API routes (``service.submission``, ``service.views``, ``service.bundle``...).
"""

from __future__ import annotations

import json
import shutil
import uuid
from typing import Annotated, Any
from urllib.parse import quote, unquote

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from .. import bundle
from ..downloads import send_file
from ..errors import ServiceError
from ..submission import _accept, _check_queue
from ..uploads import receive_multipart
from ..views import artifact_path, artifacts_of, job_state, job_status
from .data import DEFAULT_OUTPUTS, OUTPUT_CHOICES, staff_files
from .i18n import N_
from .render import page
from .security import (
    SESSION_COOKIE,
    cookie_args,
    csrf_ok,
    current_session,
    end_session,
    new_session_cookie,
    read_form,
    safe_next,
    token_row,
)

router = APIRouter(prefix="/staff", include_in_schema=False)
PRIVATE = "private, no-cache"


def signin_redirect(request: Request) -> RedirectResponse:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/staff/signin?next={quote(here, safe='')}", status_code=303)


def csrf_refused(request: Request) -> HTMLResponse:
    return page(request, "error.html", status_code=403, title=N_("Erreur"), message_key=N_("Le formulaire a expiré. Rechargez la page puis réessayez."))


def not_found(request: Request) -> HTMLResponse:
    return page(request, "error.html", status_code=404, title=N_("Erreur"), message_key=N_("Cette page n’existe pas."))


# -- sign in / out -------------------------------------------------------------------------------
@router.get("/signin", response_class=HTMLResponse)
async def signin_form(request: Request, next: Annotated[str | None, Query()] = None) -> Response:
    return page(request, "signin.html", title=N_("Connexion du personnel"), next=safe_next(next, "/staff"), errors={},
                notice=N_("Connectez-vous pour accéder à cette page.") if next else None)


@router.post("/signin", response_class=HTMLResponse)
async def signin(request: Request) -> Response:
    form = await read_form(request)
    nxt = safe_next(str(form.get("next") or ""), "/staff")
    if not csrf_ok(request, str(form.get("csrf") or "")):
        return csrf_refused(request)
    secret = str(form.get("token") or "").strip()
    row = await anyio.to_thread.run_sync(token_row, request, secret) if secret else None
    if row is None:
        errors = {"token": N_("Le jeton n’est pas valide (inconnu ou révoqué). Vérifiez-le ou demandez-en un nouveau.") if secret else N_("Saisissez le jeton d’accès.")}
        return page(request, "signin.html", status_code=401 if secret else 400, title=N_("Connexion du personnel"), next=nxt, errors=errors)
    resp = RedirectResponse(nxt, status_code=303)
    resp.set_cookie(SESSION_COOKIE, new_session_cookie(request, row), **cookie_args(request, None))
    return resp


@router.post("/signout")
async def signout(request: Request) -> Response:
    form = await read_form(request)
    if not csrf_ok(request, str(form.get("csrf") or "")):
        return csrf_refused(request)
    await anyio.to_thread.run_sync(end_session, request)  # ends it server side: a copied cookie stops working too
    resp = RedirectResponse("/catalogue", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return resp


# -- upload and history --------------------------------------------------------------------------
def _recent(request: Request, limit: int, offset: int = 0) -> list:  # type: ignore[type-arg]
    rows = request.app.state.runtime.store.jobs.recent(limit, offset)
    return [(j, docs, job_state(docs)) for j, docs in rows]


def _upload_page(request: Request, *, status_code: int = 200, errors: dict[str, str] | None = None,
                 detail: str | None = None, chosen: tuple[str, ...] = DEFAULT_OUTPUTS) -> HTMLResponse:
    s = request.app.state.runtime.settings
    return page(request, "staff.html", status_code=status_code, title=N_("Convertir des documents"), outputs=OUTPUT_CHOICES, chosen=chosen,
                errors=errors or {}, detail=detail, jobs=_recent(request, 5), max_files=s.max_files_per_job, max_mb=f"{s.max_upload_mb:g}")


@router.get("", response_class=HTMLResponse)
async def staff_home(request: Request) -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    return _upload_page(request)


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    """The API's submission path (``service.submission``), fed from an HTML form: CSRF field and one
    checkbox per output instead of the ``options`` JSON field."""
    sess = current_session(request)
    if sess is None:
        return signin_redirect(request)
    rt = request.app.state.runtime
    job_id = uuid.uuid4().hex
    with rt.store.claim_job_dir(job_id):  # see service/store/claims.py
        try:
            return await _receive(request, rt, job_id, sess)
        except BaseException:  # a cancelled upload (client gone, shutdown) leaves no partial files
            shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
            raise


async def _receive(request: Request, rt: Any, job_id: str, sess: Any) -> Response:
    try:
        depth = await anyio.to_thread.run_sync(_check_queue, rt)
        form = await receive_multipart(request, rt.store.job_dir(job_id) / "incoming", max_bytes=rt.settings.max_upload_bytes,
                                       max_files=rt.settings.max_files_per_job, storage=rt.storage)
    except ServiceError as exc:
        shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
        return _upload_page(request, status_code=exc.http_status, errors={"files": N_("L’envoi n’a pas pu être accepté.")}, detail=exc.message)
    if not csrf_ok(request, form.fields.get("csrf")):
        shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
        return csrf_refused(request)
    outputs = tuple(o for o in OUTPUT_CHOICES if form.fields.get(f"out-{o}"))
    errors = {}
    if not outputs:
        errors["outputs"] = N_("Choisissez au moins un format.")
    if not form.files:
        errors["files"] = N_("Choisissez au moins un fichier.")
    if errors:
        shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
        return _upload_page(request, status_code=400, errors=errors, chosen=outputs or DEFAULT_OUTPUTS)
    form.fields["options"] = json.dumps({"outputs": list(outputs)})
    try:
        await anyio.to_thread.run_sync(_accept, rt, job_id, form, sess.name, False, depth)
    except Exception as exc:  # a TransformError (bad format, queue...) is shown on the form
        shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
        status = getattr(exc, "http_status", 500)
        message = getattr(exc, "message", None)
        if message is None:
            raise
        return _upload_page(request, status_code=status, errors={"files": N_("L’envoi n’a pas pu être accepté.")}, detail=message, chosen=outputs)
    return RedirectResponse(f"/staff/jobs/{job_id}", status_code=303)


@router.get("/jobs", response_class=HTMLResponse)
async def history(request: Request, page_n: Annotated[int, Query(alias="page", ge=1, le=10000)] = 1) -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    per = 25
    total = request.app.state.runtime.store.jobs.count()
    return page(request, "history.html", title=N_("Historique des tâches"), jobs=_recent(request, per, (page_n - 1) * per),
                page_n=page_n, more=page_n * per < total)


# -- one job -------------------------------------------------------------------------------------
@router.get("/jobs/{job_id}", response_class=HTMLResponse)
async def job_page(request: Request, job_id: str) -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    got = request.app.state.runtime.store.jobs.get(job_id)
    if got is None:
        return not_found(request)
    job, docs = got
    state = job_state(docs)
    return page(request, "job.html", title=N_("Avancement de la tâche"), job=job, docs=docs, state=state,
                running=state in ("queued", "running"), files={d.id: staff_files(d) for d in docs},
                errors={d.id: json.loads(d.errors_json or "[]") for d in docs})


@router.get("/jobs/{job_id}/status.json")
async def job_json(request: Request, job_id: str) -> Response:
    """The API's job status (``views.job_status``) for the page's progress script (session cookie)."""
    if current_session(request) is None:
        return JSONResponse({"error": {"code": "unauthorized", "message": "Sign in first."}}, status_code=401)
    got = request.app.state.runtime.store.jobs.get(job_id)
    if got is None:
        return JSONResponse({"error": {"code": "not_found", "message": f"Job {job_id} does not exist."}}, status_code=404)
    return Response(job_status(*got, with_artifacts=False).model_dump_json(), media_type="application/json",
                    headers={"Cache-Control": "no-store"})


@router.get("/jobs/{job_id}/files/{path:path}")
async def job_file(request: Request, job_id: str, path: str) -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    rt = request.app.state.runtime
    got = rt.store.jobs.get(job_id)
    wanted = unquote(path)
    for d in got[1] if got else []:
        for a in artifacts_of(d):
            if artifact_path(d, a) == wanted:
                return send_file(request, rt.store.path(a.path), media_type=a.media_type, sha256=a.sha256,
                                 download_name=a.name, cache_control=PRIVATE)
    return not_found(request)


@router.get("/jobs/{job_id}/bundle")
async def job_bundle(request: Request, job_id: str) -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    rt = request.app.state.runtime
    got = rt.store.jobs.get(job_id)
    if got is None or job_state(got[1]) in ("queued", "running"):
        return not_found(request)
    path = await anyio.to_thread.run_sync(bundle.build, rt.store, got[0], got[1])
    return send_file(request, path, media_type="application/zip", sha256=path.stem.removeprefix("bundle-"),
                     download_name=f"taysir-{job_id[:8]}.zip", cache_control=PRIVATE)
