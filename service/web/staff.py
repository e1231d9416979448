"""Staff pages: sign in/out, upload, job progress and history, downloads.

The review pages are in :mod:`service.web.review_pages`. Every action calls the same service and store
functions as the API routes (``service.submission``, ``service.views``, ``service.bundle``...).
"""

from __future__ import annotations

import json
import logging
import shutil
import uuid
from typing import Annotated, Any
from urllib.parse import quote, unquote

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from transform.options import TransformOptions
from transform.pipeline import stage_names

from ..downloads import send_file
from ..errors import ServiceError
from ..submission import _accept, _check_queue
from ..uploads import receive_multipart
from ..views import artifact_path, artifacts_of, job_state, job_status
from . import staff_bundle, words
from .data import DEFAULT_OUTPUTS, OUTPUT_CHOICES, describe, parse_tags, staff_files, staff_search
from .i18n import N_, Translator
from .progress import doc_progress
from .render import lang_of, page
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

log = logging.getLogger("service.web")
router = APIRouter(prefix="/staff", include_in_schema=False)
PRIVATE = "private, no-cache"
UPLOAD_PROBLEMS = {
    "unsupported_format": N_("Un fichier n’est pas dans un format accepté : PDF, DOCX, ODT, HTML, texte ou image scannée."),
    "bad_input": N_("Un fichier n’a pas pu être lu (vide, abîmé ou protégé par un mot de passe)."),
    "too_large": N_("L’envoi est trop lourd pour le serveur : envoyez moins de fichiers à la fois ou des fichiers plus petits."),
    "too_many_files": N_("Trop de fichiers en une fois : envoyez-les en plusieurs fois."),
    "queue_full": N_("Le serveur a déjà trop de documents en attente : réessayez dans quelques minutes."),
    "storage_full": N_("Le disque du serveur est plein : prévenez l’administrateur."),
    "incomplete_upload": N_("L’envoi a été coupé avant la fin : réessayez."),
}


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
                 detail: str | None = None, chosen: tuple[str, ...] = DEFAULT_OUTPUTS, typed: dict[str, str] | None = None) -> HTMLResponse:
    s = request.app.state.runtime.settings
    return page(request, "staff.html", status_code=status_code, title=N_("Convertir des documents"), outputs=OUTPUT_CHOICES, chosen=chosen,
                errors=errors or {}, detail=detail, jobs=_recent(request, 5), max_files=s.max_files_per_job, max_mb=f"{s.max_upload_mb:g}",
                typed=typed or {})


def _upload_problem(exc: Any) -> str:
    """The words for an upload the service refused (its message stays in the log)."""
    log.info("upload refused: %s: %s", getattr(exc, "code", "?"), getattr(exc, "message", exc))
    return UPLOAD_PROBLEMS.get(getattr(exc, "code", ""), N_("L’envoi n’a pas pu être accepté. Vérifiez les fichiers et réessayez."))


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
        return _upload_page(request, status_code=exc.http_status, errors={"files": _upload_problem(exc)})
    if not csrf_ok(request, form.fields.get("csrf")):
        shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
        return csrf_refused(request)
    outputs = tuple(o for o in OUTPUT_CHOICES if form.fields.get(f"out-{o}"))
    typed = {k: str(form.fields.get(k) or "") for k in ("title", "summary", "tags")}
    errors = {}
    if not outputs:
        errors["outputs"] = N_("Choisissez au moins un format.")
    if not form.files:
        errors["files"] = N_("Choisissez au moins un fichier.")
    if errors:
        shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
        return _upload_page(request, status_code=400, errors=errors, chosen=outputs or DEFAULT_OUTPUTS, typed=typed)
    form.fields["options"] = json.dumps({"outputs": list(outputs)})
    try:
        await anyio.to_thread.run_sync(_accept, rt, job_id, form, sess.name, False, depth)
    except Exception as exc:  # a TransformError (bad format, queue...) is shown on the form
        shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
        status = getattr(exc, "http_status", 500)
        if getattr(exc, "message", None) is None:
            raise
        names = [f.filename for f in form.files if f.filename]
        return _upload_page(request, status_code=status, errors={"files": _upload_problem(exc)}, detail=", ".join(names[:5]), chosen=outputs,
                            typed=typed)
    await anyio.to_thread.run_sync(_describe_new, rt, job_id, typed, sess.name)
    return RedirectResponse(f"/staff/jobs/{job_id}", status_code=303)


def _describe_new(rt: Any, job_id: str, typed: dict[str, str], who: str) -> None:
    """Title (one document only), summary and tags typed at upload."""
    got = rt.store.jobs.get(job_id)
    if got is None:
        return
    docs = got[1]
    title = " ".join(typed.get("title", "").split())[:300] if len(docs) == 1 else ""
    summary, tags = typed.get("summary", "").strip()[:1000], parse_tags(typed.get("tags", ""))
    if title or summary or tags:
        for d in docs:
            rt.store.documents.describe(d.id, title=title or None, summary=summary or None, tags=tags, who=who if title else None)


@router.get("/jobs", response_class=HTMLResponse)
async def history(request: Request, page_n: Annotated[int, Query(alias="page", ge=1, le=10000)] = 1,
                  q: Annotated[str, Query(max_length=200)] = "") -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    per = 25
    q = q.strip()
    if q:  # titles, summaries, tags and file names of the last 500 jobs
        found = staff_search(_recent(request, 500), q)
        jobs, more = found[(page_n - 1) * per: page_n * per], page_n * per < len(found)
    else:
        total = request.app.state.runtime.store.jobs.count()
        jobs, more = _recent(request, per, (page_n - 1) * per), page_n * per < total
    return page(request, "history.html", title=N_("Historique des tâches"), jobs=jobs, page_n=page_n, more=more, q=q)


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
    store = request.app.state.runtime.store
    stages = _stages(job)
    return page(request, "job.html", title=N_("Avancement de la tâche"), job=job, docs=docs, state=state,
                running=state in ("queued", "running"), files={d.id: staff_files(d) for d in docs},
                errors={d.id: json.loads(d.errors_json or "[]") for d in docs}, info={d.id: describe(d) for d in docs},
                progress={d.id: doc_progress(store, d, stages) for d in docs}, zip_files=staff_bundle.contents(docs))


def _stages(job: Any) -> list[str]:
    try:
        return stage_names(TransformOptions.model_validate_json(job.options_json))
    except Exception:  # noqa: BLE001 - an old job's options: no plan, the estimate uses the defaults
        return []


@router.get("/jobs/{job_id}/status.json")
async def job_json(request: Request, job_id: str) -> Response:
    """The API's job status (``views.job_status``) for the page's progress script (session cookie)."""
    if current_session(request) is None:
        return JSONResponse({"error": {"code": "unauthorized", "message": "Sign in first."}}, status_code=401)
    got = request.app.state.runtime.store.jobs.get(job_id)
    if got is None:
        return JSONResponse({"error": {"code": "not_found", "message": f"Job {job_id} does not exist."}}, status_code=404)
    body = job_status(*got, with_artifacts=False).model_dump(mode="json")
    body["words"] = progress_words(request, got[0], got[1])
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


def progress_words(request: Request, job: Any, docs: list[Any]) -> dict[str, Any]:
    """The progress as the page says it, in its language (the page script only copies these texts)."""
    t = Translator(lang_of(request))
    store = request.app.state.runtime.store
    stages = _stages(job)
    out: dict[str, Any] = {"job": t(words.label(words.JOB_STATES, job_state(docs))), "documents": {}}
    for d in docs:
        p = doc_progress(store, d, stages)
        out["documents"][d.id] = {"state": t(p.state_label), "doing": doing_text(t, p), "estimate": estimate_text(t, p),
                                  "percent": p.percent, "stage_started": p.stage_started, "status": p.status}
    return out


def doing_text(t: Translator, p: Any) -> str:
    if p.status in ("queued",):
        return t(p.stage_label)
    if p.status != "running":
        return t(p.state_label)
    return t.gettext("Étape %(step)s sur %(steps)s : %(stage)s", step=t.number(p.step), steps=t.number(p.steps), stage=t(p.stage_label))


def estimate_text(t: Translator, p: Any) -> str:
    if p.remaining_s is None:
        return ""
    if p.overdue:
        return t.gettext("Cette étape prend plus longtemps que prévu ; elle continue.")
    return t.gettext("Reste environ %(time)s", time=t.duration(p.remaining_s))


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
    t = Translator(lang_of(request))
    path = await anyio.to_thread.run_sync(staff_bundle.build, rt.store, got[0], got[1], t)
    return send_file(request, path, media_type="application/zip", sha256=path.stem.rsplit("-", 1)[-1],
                     download_name=f"taysir-{job_id[:8]}.zip", cache_control=PRIVATE)
