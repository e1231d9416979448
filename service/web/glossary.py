"""The glossary page (staff): the term base over the built-in glossary. Add a term, change its Darija wording or
explanation, hide a built-in entry or bring it back. The next drafts use it.

Every action calls the functions behind ``/v1/terms`` (:mod:`service.memory`), so the checks are the API's.
Interface strings are French msgids in ``templates/glossary.html`` and :data:`NOTICES`, translated in the
gettext catalogues (``service/web/locale``) like the other pages'.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from transform.simplify.termbase import builtin_terms

from .. import memory
from ..errors import NotFound, Unprocessable
from ..memory import TermIn
from ..routers.memory import MEDIA
from .i18n import N_
from .render import page
from .security import csrf_ok, current_session, read_form
from .staff import csrf_refused, not_found, signin_redirect

router = APIRouter(prefix="/staff/glossary", include_in_schema=False)

PROBLEMS = {  # transform.simplify.termbase.check codes, said on the page
    "lang": N_("Choisissez la langue du terme : arabe standard ou français."),
    "id": N_("L’identifiant de ce terme n’est pas valable."),
    "no_term": N_("Écrivez le terme."),
    "too_many_terms": N_("Un terme a au plus 20 formes."),
    "term_format": N_("Un terme est trop long, ou contient une tabulation ou une barre verticale."),
    "term_script": N_("Le terme n’est pas écrit dans l’écriture de la langue choisie."),
    "field_format": N_("Un texte est trop long, ou contient une tabulation, un saut de ligne ou une barre verticale."),
    "darija_script": N_("Écrivez la darija en lettres arabes, sans lettres latines."),
    "no_darija": N_("Écrivez la formulation en darija."),
    "explanation_long": N_("L’explication doit être une seule phrase courte : 12 mots au plus."),
}
NOTICES = {  # ?done=<code>
    "saved": N_("Terme enregistré. Les prochains brouillons l’utiliseront."),
    "deleted": N_("Terme supprimé."),
    "restored": N_("Le terme a retrouvé sa forme d’origine."),
    "hidden": N_("Le terme intégré est masqué."),
}


def _term_in(form: Any) -> tuple[TermIn | None, dict[str, str]]:
    raw = {k: str(form.get(k) or "") for k in ("lang", "terms", "darija", "explanation", "plural")}
    terms = [x.strip() for x in raw["terms"].replace("|", "\n").splitlines() if x.strip()]
    try:
        return TermIn(lang=raw["lang"] or "ar", terms=terms, darija=raw["darija"], explanation=raw["explanation"],  # type: ignore[arg-type]
                      plural=raw["plural"]), raw
    except ValueError:
        return None, raw


def _page(request: Request, *, status_code: int = 200, q: str = "", lang: str | None = None, edit: str | None = None,
          problems: list[str] | None = None, submitted: dict[str, str] | None = None, notice: str | None = None) -> HTMLResponse:
    rt = request.app.state.runtime
    terms = memory.list_terms(rt, q, lang)
    editing = next((t for t in memory.list_terms(rt, hidden=True) if t.id == edit), None) if edit else None
    values = submitted or ({"lang": editing.lang, "terms": "\n".join(editing.terms), "darija": editing.darija,
                            "explanation": editing.explanation, "plural": editing.plural} if editing else {"lang": "ar"})
    return page(request, "glossary.html", status_code=status_code, title=N_("Glossaire"), terms=terms, q=q, lang_filter=lang or "",
                editing=editing, values=values, problems=problems or [], notice=notice, builtin_ids={b.id for b in builtin_terms()})


@router.get("", response_class=HTMLResponse)
async def glossary_page(request: Request, q: Annotated[str, Query(max_length=200)] = "", lang: str = "",
                        edit: Annotated[str | None, Query(max_length=64)] = None, done: str | None = None) -> Response:
    if current_session(request) is None:
        return signin_redirect(request)
    return await anyio.to_thread.run_sync(lambda: _page(request, q=q, lang=lang if lang in ("ar", "fr") else None, edit=edit,
                                                        notice=NOTICES.get(done or "")))


async def _save(request: Request, term_id: str | None) -> Response:
    sess = current_session(request)
    if sess is None:
        return signin_redirect(request)
    form = await read_form(request)
    if not csrf_ok(request, str(form.get("csrf") or "")):
        return csrf_refused(request)
    body, raw = _term_in(form)
    rt = request.app.state.runtime
    try:
        if body is None:
            raise Unprocessable("The form is incomplete.", details=[{"problem": "give the term and its Darija wording"}])
        saved = await anyio.to_thread.run_sync(lambda: memory.save_term(rt, body, sess.name, term_id))
    except Unprocessable as exc:
        problems = list(dict.fromkeys(PROBLEMS.get(str(d.get("problem")), PROBLEMS["no_term"]) for d in exc.details or [])) or [PROBLEMS["no_term"]]
        return await anyio.to_thread.run_sync(lambda: _page(request, status_code=422, edit=term_id, problems=problems, submitted=raw))
    except NotFound:
        return not_found(request)
    return RedirectResponse("/staff/glossary?" + urlencode({"done": "saved", "q": saved.terms[0]}), status_code=303)


@router.get("/export/{name}")
async def export(request: Request, name: str) -> Response:
    """The glossary (TSV, TBX) and the translation memory (TMX) for the translators' tools, with the page's session."""
    if current_session(request) is None:
        return signin_redirect(request)
    rt = request.app.state.runtime
    files = {"taysir-terms.tsv": lambda: memory.export_terms(rt, "tsv", True), "taysir-terms.tbx": lambda: memory.export_terms(rt, "tbx", True),
             "taysir-memory.tmx": lambda: memory.export_memory(rt, "tmx", None)}
    if name not in files:
        return not_found(request)
    data = await anyio.to_thread.run_sync(files[name])
    return Response(data, media_type=MEDIA[name.rsplit(".", 1)[1]],
                    headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "private, no-store"})


@router.post("", response_class=HTMLResponse)
async def add_term(request: Request) -> Response:
    return await _save(request, None)


@router.post("/{term_id}", response_class=HTMLResponse)
async def edit_term(request: Request, term_id: str) -> Response:
    return await _save(request, term_id)


@router.post("/{term_id}/delete", response_class=HTMLResponse)
async def delete_term(request: Request, term_id: str) -> Response:
    sess = current_session(request)
    if sess is None:
        return signin_redirect(request)
    form = await read_form(request)
    if not csrf_ok(request, str(form.get("csrf") or "")):
        return csrf_refused(request)
    try:
        result = await anyio.to_thread.run_sync(memory.delete_term, request.app.state.runtime, term_id, sess.name)
    except NotFound:
        return not_found(request)
    return RedirectResponse(f"/staff/glossary?done={result}", status_code=303)
