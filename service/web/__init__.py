"""Web pages for staff and the public (server-rendered, Arabic and French, WCAG 2.2 AA).

``install(app)`` adds the page routers, the static files and the security-headers middleware to the
FastAPI app built by :func:`service.app.create_app`. See docs/web.md.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static"


def install(app: FastAPI) -> None:
    from . import glossary, public, review_pages, staff
    from .security import OriginCheck, SecurityHeaders

    for module in (public, staff, review_pages, glossary):  # glossary: the term base page (service/web/glossary.py)
        app.include_router(module.router)
    app.mount("/static/web", StaticFiles(directory=STATIC), name="web-static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(OriginCheck)  # state-changing requests from another site's pages: 403
