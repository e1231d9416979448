"""Public catalogue (no token): only published documents, only their approved files."""

from __future__ import annotations

from urllib.parse import quote, unquote

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse

from ..deps import RuntimeDep
from ..downloads import send_file
from ..errors import NotFound, responses
from ..publishing import published_files
from ..schemas import Catalogue, CatalogueEntry, PublicFile
from ..store import DocumentRow
from ..views import ts

router = APIRouter(prefix="/v1/catalogue", tags=["public"])


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


@router.get("", response_model=Catalogue, summary="Published documents")
async def catalogue(rt: RuntimeDep) -> Catalogue:
    rows = rt.store.documents.published()
    return Catalogue(documents=[entry(r) for r in rows])


@router.get("/{doc_id}", response_model=CatalogueEntry, responses=responses(404), summary="One published document")
async def catalogue_entry(doc_id: str, rt: RuntimeDep) -> CatalogueEntry:
    return entry(await _published(rt, doc_id))


@router.get("/{doc_id}/files/{name:path}", response_class=FileResponse, responses=responses(400, 404, 416),
            summary="Download a published file (Range, ETag, Cache-Control)")
async def catalogue_file(doc_id: str, name: str, rt: RuntimeDep, request: Request) -> Response:
    row = await _published(rt, doc_id)
    wanted = unquote(name)
    for f in published_files(row):
        if f.name == wanted:
            return send_file(request, rt.store.path(f.path), media_type=f.media_type, sha256=f.sha256, download_name=f.name,
                             cache_control=f"public, max-age={rt.settings.cache_max_age_s}")
    raise NotFound(f"The published document has no file {wanted!r}.")
