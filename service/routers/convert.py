"""POST /v1/convert: one small document, answered when done (same queue path as jobs)."""

from __future__ import annotations

import anyio
from fastapi import APIRouter, Request

from ..deps import RuntimeDep, StaffDep
from ..errors import Unavailable, responses
from ..schemas import JobStatus
from ..submission import submit, wait_for_job
from ..views import job_status
from ._multipart import multipart_body

router = APIRouter(prefix="/v1", tags=["jobs"])


@router.post(
    "/convert", response_model=JobStatus, openapi_extra=multipart_body(many=False),
    responses=responses(400, 401, 413, 415, 422, 429, 503, 507),
    summary="Convert one small document and wait for the result",
)
async def convert_now(request: Request, rt: RuntimeDep, staff: StaffDep) -> JobStatus:
    """Like POST /v1/jobs with one file, but answers only when the document is done (200, with the
    download links). Past the server's limit (TAYSIR_SYNC_TIMEOUT_S) the answer is 503 `timeout`;
    the job goes on and its id is in the hint."""
    job_id, _ = await submit(request, rt, created_by=staff, sync=True)
    done = await wait_for_job(rt, job_id, rt.settings.sync_timeout_s)
    if not done:
        raise Unavailable(f"The conversion did not finish within {rt.settings.sync_timeout_s:g} s.", code="timeout",
                          hint=f"It continues as job {job_id}: GET /v1/jobs/{job_id}?wait=30.", headers={"Retry-After": "10"})
    job, docs = await anyio.to_thread.run_sync(rt.store.jobs.get, job_id)  # type: ignore[misc]
    return job_status(job, docs)
