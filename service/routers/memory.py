"""Staff: the translation memory (approved segments) and the term base (the glossary the drafts use)."""

from __future__ import annotations

from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Path, Query, Request, Response

from .. import memory
from ..deps import RuntimeDep, StaffDep, ValidDocumentDep
from ..errors import responses
from ..memory import (
    ImportReport,
    MemoryFormat,
    MemoryList,
    SegmentMemory,
    SimilarView,
    TermIn,
    TermList,
    TermsFormat,
    TermsImportReport,
    TermView,
)

router = APIRouter(tags=["memory"])
Lang = Annotated[Literal["ar", "fr"] | None, Query(description="Only this source language")]
TermId = Annotated[str, Path(description="Glossary entry id (built-in ids such as `budget`, or staff ones)", pattern=r"^[\w.:-]{1,64}$")]
MEDIA = {"tmx": "application/x-tmx+xml", "tsv": "text/tab-separated-values; charset=utf-8", "tbx": "application/x-tbx+xml"}
BODY = {"requestBody": {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}


def _file(data: bytes, name: str, fmt: str) -> Response:
    return Response(data, media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"', "Cache-Control": "no-store"})


@router.get("/v1/memory", response_model=MemoryList, responses=responses(401), summary="Approved segments (search)")
async def list_memory(rt: RuntimeDep, _staff: StaffDep, q: Annotated[str, Query(max_length=500, description="Text in the source or the Darija")] = "",
                      lang: Lang = None, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> MemoryList:
    return await anyio.to_thread.run_sync(lambda: memory.search(rt, q, lang, limit, offset))


@router.get("/v1/memory/similar", response_model=SimilarView, responses=responses(401), summary="Exact and similar approved segments")
async def similar(rt: RuntimeDep, _staff: StaffDep, text: Annotated[str, Query(min_length=1, max_length=5000, description="A source sentence")],
                  lang: Lang = None, min: Annotated[float, Query(ge=50, le=100, description="Lowest similarity (percent)")] = 75.0) -> SimilarView:  # noqa: A002
    """The approved translation of `text` if the memory has it, and the similar approved sentences with the words that changed."""
    return await anyio.to_thread.run_sync(lambda: memory.similar(rt, text, lang, min))


@router.get("/v1/memory/export", response_class=Response, responses=responses(401), summary="The memory as TMX 1.4b or TSV")
async def export_memory(rt: RuntimeDep, _staff: StaffDep, format: Annotated[MemoryFormat, Query()] = "tmx", lang: Lang = None) -> Response:  # noqa: A002
    data = await anyio.to_thread.run_sync(lambda: memory.export_memory(rt, format, lang))
    return _file(data, "taysir-memory", format)


@router.post("/v1/memory/import", response_model=ImportReport, responses=responses(400, 401, 413, 422), summary="Merge a TMX or TSV file",
             openapi_extra=BODY)
async def import_memory(request: Request, rt: RuntimeDep, staff: StaffDep, format: Annotated[MemoryFormat | None, Query()] = None) -> ImportReport:  # noqa: A002
    """The body is the file (TMX 1.4b: `xml:lang` ar/fr and ary; TSV: source_lang, source, darija, document, approved_by,
    approved_at). Files with XML entities, over the size limit or not UTF-8 are refused (422); unusable units are skipped and listed."""
    data = await request.body()
    return await anyio.to_thread.run_sync(lambda: memory.import_memory(rt, data, format, staff))


@router.delete("/v1/memory/{entry_id}", status_code=204, response_class=Response, responses=responses(401, 404), summary="Remove an entry")
async def delete_memory(rt: RuntimeDep, _staff: StaffDep, entry_id: Annotated[int, Path(ge=1)]) -> Response:
    await anyio.to_thread.run_sync(memory.delete_entry, rt, entry_id)
    return Response(status_code=204)


@router.get("/v1/documents/{doc_id}/memory", response_model=list[SegmentMemory], responses=responses(401, 404, 409),
            summary="Per segment of the draft: the approval it reuses, or the similar approved segments offered", tags=["review"])
async def draft_memory(doc: ValidDocumentDep) -> list[SegmentMemory]:
    return memory.draft_memory(doc)


@router.get("/v1/terms", response_model=TermList, responses=responses(401), summary="The glossary the drafts use")
async def list_terms(rt: RuntimeDep, _staff: StaffDep, q: Annotated[str, Query(max_length=200)] = "", lang: Lang = None,
                     hidden: Annotated[bool, Query(description="Also the built-in entries hidden by staff")] = False) -> TermList:
    """Built-in entries (`origin: builtin`) with the term base over them (`origin: termbase`)."""
    return TermList(terms=await anyio.to_thread.run_sync(lambda: memory.list_terms(rt, q, lang, hidden)))


@router.post("/v1/terms", response_model=TermView, responses=responses(400, 401, 422), summary="Add a term")
async def add_term(rt: RuntimeDep, staff: StaffDep, body: TermIn) -> TermView:
    """The next drafts use it: MSA terms are written with their Darija wording and explained once; French terms give the
    wording of the French templates. 422 `term_invalid` lists what is wrong."""
    return await anyio.to_thread.run_sync(lambda: memory.save_term(rt, body, staff))


@router.put("/v1/terms/{term_id}", response_model=TermView, responses=responses(400, 401, 404, 422), summary="Edit a term (built-in ones too)")
async def edit_term(rt: RuntimeDep, staff: StaffDep, term_id: TermId, body: TermIn) -> TermView:
    return await anyio.to_thread.run_sync(lambda: memory.save_term(rt, body, staff, term_id))


@router.delete("/v1/terms/{term_id}", responses=responses(401, 404), summary="Delete a term, restore or hide a built-in one")
async def delete_term(rt: RuntimeDep, staff: StaffDep, term_id: TermId) -> dict[str, str]:
    """`deleted` (a staff entry), `restored` (a changed built-in entry is back as shipped), `hidden` (a built-in entry)."""
    return {"id": term_id, "result": await anyio.to_thread.run_sync(memory.delete_term, rt, term_id, staff)}


@router.get("/v1/terms/export", response_class=Response, responses=responses(401), summary="The term base as TSV or TBX")
async def export_terms(rt: RuntimeDep, _staff: StaffDep, format: Annotated[TermsFormat, Query()] = "tsv",  # noqa: A002
                       all: Annotated[bool, Query(description="The whole glossary (built-in entries too)")] = False) -> Response:  # noqa: A002
    data = await anyio.to_thread.run_sync(lambda: memory.export_terms(rt, format, all))
    return _file(data, "taysir-terms", format)


@router.post("/v1/terms/import", response_model=TermsImportReport, responses=responses(400, 401, 413, 422), summary="Merge a TSV or TBX file",
             openapi_extra=BODY)
async def import_terms(request: Request, rt: RuntimeDep, staff: StaffDep, format: Annotated[TermsFormat | None, Query()] = None) -> TermsImportReport:  # noqa: A002
    """TSV: id, lang, terms (variants separated by |), darija, explanation, plural, active. TBX: conceptEntry > langSec
    (ar or fr, and ary) > termSec > term; the ary definition is the explanation. Entries with problems are skipped and listed."""
    data = await request.body()
    return await anyio.to_thread.run_sync(lambda: memory.import_terms(rt, data, format, staff))
