"""Jobs: submit a batch, follow it, download its artefacts, delete it."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote

import anyio
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import FileResponse

from .. import bundle
from ..deps import RuntimeDep, StaffDep, ValidJobDep
from ..downloads import send_file
from ..errors import Conflict, NotFound, responses
from ..schemas import ArtifactList, JobCreated, JobList, JobStatus
from ..storage import is_disk_full
from ..submission import remove_job_files, submit, wait_for_job
from ..views import artifact_infos, artifact_path, artifacts_of, job_status
from ._multipart import multipart_body

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])
PRIVATE = "private, no-cache"


@router.post(
    "", status_code=202, response_model=JobCreated, openapi_extra=multipart_body(many=True),
    responses=responses(400, 401, 413, 415, 422, 429, 503, 507),
    summary="Submit one or many documents",
)
async def create_job(request: Request, rt: RuntimeDep, staff: StaffDep) -> JobCreated:
    """Upload files (multipart `files`) with `options` (JSON of TransformOptions). The body is streamed to disk
    with a size limit; each file's format is checked by content. Returns 202 at once; follow `links.self`."""
    job_id, depth = await submit(request, rt, created_by=staff)
    job, docs = await anyio.to_thread.run_sync(rt.store.jobs.get, job_id)  # type: ignore[misc]
    return JobCreated(**job_status(job, docs).model_dump(), queue_position=depth)


@router.get("", response_model=JobList, responses=responses(401), summary="List jobs (newest first)")
async def list_jobs(rt: RuntimeDep, _staff: StaffDep, limit: Annotated[int, Query(ge=1, le=200)] = 50,
                    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> JobList:
    rows = await anyio.to_thread.run_sync(lambda: rt.store.jobs.recent(limit, offset))
    total = await anyio.to_thread.run_sync(rt.store.jobs.count)
    return JobList(jobs=[job_status(j, d, with_artifacts=False) for j, d in rows], total=total)


@router.get("/{job_id}", response_model=JobStatus, responses=responses(401, 404), summary="Status and progress of a job")
async def get_job(job: ValidJobDep, request: Request,
                  wait: Annotated[float, Query(ge=0, description="Seconds to wait for the job to finish (long poll).")] = 0) -> Response:
    row, docs = job
    rt = request.app.state.runtime  # (not RuntimeDep: the polling path keeps its dependencies few)
    if wait > 0 and any(d.status in ("queued", "running") for d in docs):
        await wait_for_job(rt, row.id, min(wait, rt.settings.max_wait_s))
        got = await anyio.to_thread.run_sync(rt.store.jobs.get, row.id)
        if got is None:
            raise NotFound(f"Job {row.id} was deleted.")
        row, docs = got
    # serialised once here (the response_model documents it; no second validation on the hot polling path)
    return Response(job_status(row, docs).model_dump_json(), media_type="application/json")


@router.delete("/{job_id}", status_code=204, responses=responses(401, 404, 409), summary="Cancel and delete a job")
async def delete_job(job: ValidJobDep, rt: RuntimeDep) -> Response:
    """Queued documents are dropped, running ones stopped, files removed. A job with a published document
    cannot be deleted (unpublish it first)."""
    row, docs = job
    if any(d.review_state == "published" for d in docs):
        raise Conflict("The job has a published document.", code="published", hint="Unpublish it first.")
    try:
        await anyio.to_thread.run_sync(rt.store.jobs.delete, row.id)
    except Exception as exc:
        if not is_disk_full(exc):
            raise
        # a full disk: the database cannot even record a deletion. Remove the files first (that is
        # what frees the space), then the rows (issue 21 item 3: staff can always free space).
        await anyio.to_thread.run_sync(remove_job_files, rt, row.id)
        await anyio.to_thread.run_sync(rt.store.jobs.delete, row.id)
    await anyio.to_thread.run_sync(remove_job_files, rt, row.id)
    return Response(status_code=204)


@router.get("/{job_id}/artifacts", response_model=ArtifactList, responses=responses(401, 404), summary="List a job's files")
async def list_artifacts(job: ValidJobDep) -> ArtifactList:
    row, docs = job
    return ArtifactList(job_id=row.id, artifacts=[a for d in docs for a in artifact_infos(d)])


@router.get(
    "/{job_id}/artifacts/{path:path}", response_class=FileResponse, responses=responses(400, 401, 404, 416),
    summary="Download one file (Range, ETag)",
)
async def get_artifact(job: ValidJobDep, path: str, request: Request) -> Response:
    _, docs = job
    rt = request.app.state.runtime
    wanted = unquote(path)
    for d in docs:
        for a in artifacts_of(d):
            if artifact_path(d, a) == wanted:
                return send_file(request, rt.store.path(a.path), media_type=a.media_type, sha256=a.sha256,
                                 download_name=a.name, cache_control=PRIVATE)
    raise NotFound(f"The job has no file {wanted!r}.", hint="List the files with GET /v1/jobs/{id}/artifacts.")


@router.get("/{job_id}/bundle", response_class=FileResponse, responses=responses(401, 404, 409), summary="All files as a zip with manifest.json")
async def get_bundle(job: ValidJobDep, rt: RuntimeDep, request: Request) -> Response:
    row, docs = job
    if any(d.status in ("queued", "running") for d in docs):
        raise Conflict("The job is still running.", code="not_finished", hint="Wait for it: GET /v1/jobs/{id}?wait=30.")
    path = await anyio.to_thread.run_sync(bundle.build, rt.store, row, docs)
    digest = path.stem.removeprefix("bundle-")  # a hash of every file's sha256 and the documents' state
    return send_file(request, path, media_type="application/zip", sha256=digest, download_name=f"taysir-{row.id[:8]}.zip", cache_control=PRIVATE)
