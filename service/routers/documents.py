"""Staff: converted documents, their Darija draft, review, re-rendering, approval and publication."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import unquote

import anyio
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import FileResponse

from .. import publishing, review
from ..deps import RuntimeDep, StaffDep, ValidDocumentDep
from ..downloads import send_file
from ..errors import NotFound, responses
from ..schemas import DocumentList, DocumentView, DraftSubmit, DraftView
from ..submission import wait_for_render
from ..views import artifacts_of, document_view

router = APIRouter(prefix="/v1/documents", tags=["review"])


@router.get("", response_model=DocumentList, responses=responses(401), summary="List converted documents")
async def list_documents(rt: RuntimeDep, _staff: StaffDep,
                         state: Annotated[Literal["draft", "reviewed", "published"] | None, Query(description="Only this review state")] = None,
                         limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> DocumentList:
    rows = await anyio.to_thread.run_sync(lambda: rt.store.documents.find(review_state=state, limit=limit, offset=offset))
    return DocumentList(documents=[document_view(r) for r in rows])


@router.get("/{doc_id}", response_model=DocumentView, responses=responses(401, 404), summary="A document, its state and files")
async def get_document(doc: ValidDocumentDep, rt: RuntimeDep,
                       wait: Annotated[float, Query(ge=0, description="Seconds to wait for a running re-render to end.")] = 0) -> DocumentView:
    if wait > 0 and doc.render_state in ("queued", "running"):
        doc = await wait_for_render(rt, doc.id, min(wait, rt.settings.max_wait_s))
    return document_view(doc)


@router.get("/{doc_id}/draft", response_model=DraftView, responses=responses(401, 404, 409), summary="The Darija draft, segment by segment")
async def get_draft(doc: ValidDocumentDep) -> DraftView:
    draft = review.load(publishing._need_draft(doc))
    return DraftView(document_id=doc.id, review_state=doc.review_state, revision=doc.draft_revision,  # type: ignore[arg-type]
                     rendered_revision=doc.rendered_revision, render_state=doc.render_state, segments=review.segments(draft))


async def _submit(rt: RuntimeDep, doc: ValidDocumentDep, body: DraftSubmit, staff: str, *, full: bool) -> DraftView:
    edits = {s.id: s.text for s in body.segments}
    row = await anyio.to_thread.run_sync(lambda: publishing.submit_text(rt, doc, edits, revision=body.revision, full=full, who=staff))
    return await get_draft(row)


@router.put("/{doc_id}/draft", response_model=DraftView, responses=responses(400, 401, 404, 409, 422), summary="Submit the whole reviewed text")
async def put_draft(doc: ValidDocumentDep, body: DraftSubmit, rt: RuntimeDep, staff: StaffDep) -> DraftView:
    """Every segment must be present; numbers must match the source; otherwise 422 `review_invalid` with
    one entry per problem in `error.details`. Saving moves the document back to `draft`."""
    return await _submit(rt, doc, body, staff, full=True)


@router.patch("/{doc_id}/draft", response_model=DraftView, responses=responses(400, 401, 404, 409, 422), summary="Edit some segments")
async def patch_draft(doc: ValidDocumentDep, body: DraftSubmit, rt: RuntimeDep, staff: StaffDep) -> DraftView:
    return await _submit(rt, doc, body, staff, full=False)


@router.post("/{doc_id}/render", status_code=202, response_model=DocumentView, responses=responses(401, 404, 409),
             summary="Re-render braille, audio... from the reviewed text")
async def render(doc: ValidDocumentDep, rt: RuntimeDep) -> DocumentView:
    return document_view(await anyio.to_thread.run_sync(publishing.request_render, rt, doc))


@router.post("/{doc_id}/approve", response_model=DocumentView, responses=responses(401, 404, 409, 422), summary="Approve: draft -> reviewed")
async def approve(doc: ValidDocumentDep, rt: RuntimeDep, staff: StaffDep,
                  allow_untranslated: Annotated[bool, Query(description="Approve even with segments still marked for human translation.")] = False,
                  ) -> DocumentView:
    """Records who approved (in the draft too). Segments still waiting for a human translation refuse the
    approval (422) unless `allow_untranslated`. If the text changed since the last rendering, a re-render
    starts; publishing waits for it."""
    return document_view(await anyio.to_thread.run_sync(lambda: publishing.approve(rt, doc, staff, allow_untranslated=allow_untranslated)))


@router.post("/{doc_id}/publish", response_model=DocumentView, responses=responses(401, 404, 409, 503), summary="Publish: reviewed -> published")
async def publish(doc: ValidDocumentDep, rt: RuntimeDep) -> DocumentView:
    return document_view(await anyio.to_thread.run_sync(publishing.publish, rt, doc))


@router.post("/{doc_id}/unpublish", response_model=DocumentView, responses=responses(401, 404, 409), summary="Withdraw from the catalogue")
async def unpublish(doc: ValidDocumentDep, rt: RuntimeDep) -> DocumentView:
    return document_view(await anyio.to_thread.run_sync(publishing.unpublish, rt, doc))


@router.get("/{doc_id}/artifacts/{name:path}", response_class=FileResponse, responses=responses(400, 401, 404, 416),
            summary="Download one file of a document (staff)")
async def get_file(doc: ValidDocumentDep, rt: RuntimeDep, name: str, request: Request) -> Response:
    wanted = unquote(name)
    for a in artifacts_of(doc):
        if a.name == wanted:
            return send_file(request, rt.store.path(a.path), media_type=a.media_type, sha256=a.sha256,
                             download_name=a.name, cache_control="private, no-cache")
    raise NotFound(f"Document {doc.id} has no file {wanted!r}.")
