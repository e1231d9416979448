"""Staff: the sign-language video of a document (the output of ``taysir overlay``), added or removed."""

from __future__ import annotations

import re
from typing import Annotated

import anyio
from fastapi import APIRouter, Path, Request

from .. import signing
from ..deps import RuntimeDep, StaffDep, ValidDocumentDep
from ..errors import BadRequest, InsufficientStorage, PayloadTooLarge, responses
from ..schemas import DocumentView
from ..storage import is_disk_full
from ..views import document_view

router = APIRouter(prefix="/v1/documents", tags=["review"])
LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
Lang = Annotated[str, Path(description="The language track of the scaffold, e.g. `ar`, `fr`, `ary`.", max_length=35)]


@router.put("/{doc_id}/signed-video/{lang}", response_model=DocumentView, responses=responses(400, 401, 404, 409, 413, 422, 507),
            summary="Add the video with the sign-language interpreter")
async def put_signed_video(doc: ValidDocumentDep, lang: Lang, rt: RuntimeDep, _staff: StaffDep, request: Request) -> DocumentView:
    """The request body is the MP4 written by `taysir overlay` from this document's scaffold
    (`<stem>.<lang>.scaffold.mp4`), sent as is (`curl -T signed.mp4 -H 'Content-Type: video/mp4'`).
    It is checked (same picture size, same length as the scaffold within 1 s, an interpreter visible in
    the signer region: 422 otherwise) and listed as `<stem>.<lang>.signed.mp4`; the public page then
    offers it as the video with sign language once the document is published. Not on a published
    document (409): unpublish, add, publish again."""
    if not LANG.match(lang):
        raise BadRequest(f"{lang!r} is not a language code.", code="bad_language", hint="Use the track's code: ar, fr, ary...")
    signing.scaffold_of(doc, lang)  # 404 before reading a large body
    limit = rt.settings.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"The video is larger than the limit of {rt.settings.max_upload_mb:g} MiB.", hint="Encode it smaller.")
    rt.storage.check_room(int(declared) if declared and declared.isdigit() else 0)
    tmp = signing.incoming_dir(rt, doc)
    try:
        path = tmp / "upload.mp4"
        total = 0
        try:
            with path.open("wb") as f:
                async for chunk in request.stream():
                    total += len(chunk)
                    if total > limit:
                        raise PayloadTooLarge(f"The video is larger than the limit of {rt.settings.max_upload_mb:g} MiB.",
                                              hint="Encode it smaller.")
                    f.write(chunk)
        except OSError as exc:
            if is_disk_full(exc):
                raise InsufficientStorage("The server's disk is full: the video could not be stored.",
                                          hint="Try again later. An administrator must free space.") from None
            raise
        if total == 0:
            raise BadRequest("The request has no video in its body.", code="empty_upload", hint="Send the MP4 file as the body.")
        row = await anyio.to_thread.run_sync(lambda: signing.attach(rt, doc, lang, path))
    finally:
        signing.discard(tmp)
    return document_view(row)


@router.delete("/{doc_id}/signed-video/{lang}", response_model=DocumentView, responses=responses(401, 404, 409),
               summary="Remove the video with the sign-language interpreter")
async def delete_signed_video(doc: ValidDocumentDep, lang: Lang, rt: RuntimeDep, _staff: StaffDep) -> DocumentView:
    row = await anyio.to_thread.run_sync(lambda: signing.detach(rt, doc, lang))
    return document_view(row)
