"""The service's metadata on a real PostgreSQL server (``TAYSIR_DATABASE_URL=postgresql+psycopg://...``).

The same scenarios as the SQLite tests, run against a throw-away cluster: a batch with progress and
files, a failed document beside a good one, listing and deleting, review validation, the whole
review round trip to the public catalogue, leases of dead workers, and the start-up sweep.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from service.runtime import Runtime
from service.settings import ServiceSettings

from . import test_claims, test_jobs, test_review, test_store_cli
from .conftest import Api

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture
def pg_rt(tmp_path: Path, pg_url: str) -> Iterator[Runtime]:
    r = Runtime(ServiceSettings(data_dir=tmp_path / "data", database_url=pg_url, embedded_workers=0, lease_s=60, max_attempts=2))
    yield r
    r.close()


API_SCENARIOS = [
    test_jobs.test_submit_batch_runs_to_completion_with_progress_and_files,
    test_jobs.test_a_failed_document_leaves_the_rest_of_its_batch_alone,
    test_jobs.test_list_jobs_and_delete,
    test_review.test_review_validation_flags_missing_segments_and_changed_numbers,
    test_review.test_full_review_round_trip_to_the_public_catalogue,
]


@pytest.mark.anyio
@pytest.mark.parametrize("scenario", API_SCENARIOS, ids=lambda f: f.__name__.removeprefix("test_"))
async def test_api_scenario_on_postgresql(pg_api: Api, scenario: Callable[[Api], Awaitable[None]]) -> None:
    await scenario(pg_api)


def test_leases_of_dead_workers(pg_rt: Runtime) -> None:
    test_store_cli.test_a_document_held_by_a_dead_worker_is_queued_again_then_failed(pg_rt)


def test_startup_sweep(pg_rt: Runtime) -> None:
    test_claims.test_sweep_removes_only_orphans_nobody_holds(pg_rt)


def test_queue_places_and_signed_out_sessions(pg_rt: Runtime) -> None:
    """Issue 21 on PostgreSQL: the queue limit is reserved under the advisory lock; sign-outs are
    recorded and seen by another process's repository."""
    import time

    from service.store import NewDocument, QueueLimitReached, Store

    def docs(job: str, n: int) -> list[NewDocument]:
        return [NewDocument(id=f"{job}d{i}", position=i, filename="a.md", stem="a", source_path="x", format="markdown", size=1,
                            sha256="0" * 64) for i in range(n)]

    jobs = pg_rt.store.jobs
    jobs.create("j1", "{}", docs("j1", 3), created_by="t", max_queued=4)
    with pytest.raises(QueueLimitReached) as info:
        jobs.create("j2", "{}", docs("j2", 2), created_by="t", max_queued=4)
    assert info.value.queued == 3 and jobs.get("j2") is None
    jobs.create("j3", "{}", docs("j3", 1), created_by="t", max_queued=4)
    pg_rt.store.sessions.revoke("sid-1", time.time() + 60)
    other = Store(pg_rt.settings.db_url, pg_rt.settings.data_dir)
    try:
        assert other.sessions.is_revoked("sid-1") and not other.sessions.is_revoked("sid-2")
    finally:
        other.close()
