"""Public catalogue (no token): only published documents, only their approved files."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, unquote

import anyio
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import FileResponse

from transform.publish.html import read_along_script_hash

from ..catalogue_search import searcher
from ..deps import RuntimeDep
from ..downloads import page_csp, send_file
from ..errors import NotFound, responses
from ..publishing import published_files
from ..schemas import Catalogue, CatalogueEntry, PublicFile
from ..store import DocumentRow
from ..views import ts

router = APIRouter(prefix="/v1/catalogue", tags=["public"])
PAGE_CSP = page_csp(read_along_script_hash())  # the accessible HTML pages: their read-along script runs, nothing else


def entry(d: DocumentRow) -> CatalogueEntry:
    files = published_files(d)
    return CatalogueEntry(
        id=d.id, title=d.title or d.filename, languages=sorted({f.lang for f in files if f.lang}),
        published_at=ts(d.published_at),  # type: ignore[arg-type]
        formats=[PublicFile(name=f.name, role=f.role, lang=f.lang, media_type=f.media_type, size=f.size,
                            url=f"/v1/catalogue/{d.id}/files/{quote(f.name)}") for f in files],
    )


async def _published(rt: RuntimeDep, doc_id: str) -> DocumentRow:
    row = rt.store.documents.get(doc_id)  # a short read: inline (see deps.py)
    if row is None or row.review_state != "published":
        raise NotFound(f"No published document {doc_id}.")
    return row


@router.get("", response_model=Catalogue, summary="Published documents (optionally searched)")
async def catalogue(rt: RuntimeDep, request: Request,
                    q: Annotated[str, Query(max_length=200, description="Words to find in the title, summary, tags or published "
                                            "text (Arabic and French, accents, hamza forms and diacritics ignored); best first")] = "",
                    ) -> Catalogue:
    rows = rt.store.documents.published()
    if q.strip():
        search = searcher(request.app.state, rt.store.path)
        rows = [h.doc for h in await anyio.to_thread.run_sync(lambda: search.search(rows, q.strip()))]
    return Catalogue(documents=[entry(r) for r in rows])


@router.get("/{doc_id}", response_model=CatalogueEntry, responses=responses(404), summary="One published document")
async def catalogue_entry(doc_id: str, rt: RuntimeDep) -> CatalogueEntry:
    return entry(await _published(rt, doc_id))


@router.get("/{doc_id}/bundle", response_class=FileResponse, responses=responses(404, 416),
            summary="Every published file for citizens in one ZIP, with an index in Arabic and French (Range, ETag)")
async def catalogue_bundle(doc_id: str, rt: RuntimeDep, request: Request) -> Response:
    """Built from the published snapshot only (never drafts, quality reports, review files or staff artefacts);
    written once per publication, then served from disk."""
    from ..web.public_bundle import ensure

    row = await _published(rt, doc_id)
    bundle = await anyio.to_thread.run_sync(lambda: ensure(rt, row))
    if bundle is None:
        raise NotFound(f"The published document {doc_id} has no files for citizens.")
    return send_file(request, bundle.path, media_type="application/zip", sha256=bundle.key, download_name=bundle.download_name,
                     cache_control=f"public, max-age={rt.settings.cache_max_age_s}")


@router.get("/{doc_id}/files/{name:path}", response_class=FileResponse, responses=responses(400, 404, 416),
            summary="Download a published file (Range, ETag, Cache-Control)")
async def catalogue_file(doc_id: str, name: str, rt: RuntimeDep, request: Request) -> Response:
    row = await _published(rt, doc_id)
    wanted = unquote(name)
    for f in published_files(row):
        if f.name == wanted:
            page = f.role == "html" and f.media_type.startswith("text/html")
            return send_file(request, rt.store.path(f.path), media_type=f.media_type, sha256=f.sha256, download_name=f.name,
                             cache_control=f"public, max-age={rt.settings.cache_max_age_s}", **({"csp": PAGE_CSP} if page else {}))
    raise NotFound(f"The published document has no file {wanted!r}.")
