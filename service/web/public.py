"""Public pages (no sign-in): the catalogue with search by title, one page per published document,
and the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from . import i18n
from .data import public_doc, search
from .i18n import N_
from .render import page
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
    rows = request.app.state.runtime.store.documents.published()
    found = search(rows, q.strip())
    return page(request, "catalogue.html", title=N_("Documents publiés"), docs=[public_doc(r) for r in found], q=q.strip(), total=len(rows))


@router.get("/catalogue/{doc_id}", response_class=HTMLResponse)
async def document(request: Request, doc_id: str) -> Response:
    row = request.app.state.runtime.store.documents.get(doc_id)
    if row is None or row.review_state != "published":
        return page(request, "error.html", status_code=404, title=N_("Erreur"), message_key=N_("Cette page n’existe pas."))
    return page(request, "document.html", doc=public_doc(row))
