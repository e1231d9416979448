"""Public pages (no sign-in): the catalogue with its search, one page per published document, and the
language switch. What a page offers comes from the published snapshot only (``public_files``)."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..catalogue_search import searcher
from . import i18n, public_bundle, public_words
from .i18n import N_
from .public_files import public_doc
from .render import lang_of, page
from .security import cookie_args, safe_next

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
async def home() -> Response:
    return RedirectResponse("/catalogue", status_code=303)


@router.get("/lang/{code}")
async def switch_language(request: Request, code: str, next: Annotated[str | None, Query()] = None) -> Response:
    """Remember the visitor's interface language (a preference cookie) and go back to the page."""
    resp = RedirectResponse(safe_next(next, "/catalogue"), status_code=303)
    if code in i18n.LANGS:
        resp.set_cookie(i18n.COOKIE, code, **{**cookie_args(request, 365 * 86400), "samesite": "lax"})
    return resp


@router.get("/catalogue", response_class=HTMLResponse)
async def catalogue(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    rt = request.app.state.runtime
    rows = rt.store.documents.published()
    search = searcher(request.app.state, rt.store.path)
    hits = await anyio.to_thread.run_sync(lambda: search.search(rows, q.strip()))  # the first search reads the published texts
    interface = lang_of(request)
    results = [(h, public_doc(h.doc, interface)) for h in hits]
    return page(request, "catalogue.html", title=N_("Documents publiés"), results=results, q=q.strip(), total=len(rows), pw=public_words)


@router.get("/catalogue/{doc_id}", response_class=HTMLResponse)
async def document(request: Request, doc_id: str) -> Response:
    rt = request.app.state.runtime
    row = rt.store.documents.get(doc_id)
    if row is None or row.review_state != "published":
        return page(request, "public_error.html", status_code=404, title=N_("Erreur"), message_key=N_("Cette page n’existe pas."))
    bundle = await anyio.to_thread.run_sync(lambda: public_bundle.try_ensure(rt, row))  # written once per publication
    return page(request, "document.html", doc=public_doc(row, lang_of(request)), bundle=bundle, pw=public_words)
