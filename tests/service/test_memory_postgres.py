"""The translation memory and the term base on a real PostgreSQL server: the API scenarios of test_memory_api, and two
stores approving the same pairs at once (the unique pair index and the retry)."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable

import pytest

from service.store import Store
from transform.simplify.memory import MemoryEntry

from . import test_memory_api
from .conftest import Api

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


SCENARIOS = [
    test_memory_api.test_approval_fills_the_memory_and_the_next_conversion_reuses_it,
    test_memory_api.test_a_term_added_through_the_api_changes_the_next_draft,
    test_memory_api.test_terms_files_through_the_api,
]


@pytest.mark.anyio
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__.removeprefix("test_"))
async def test_memory_scenario_on_postgresql(pg_api: Api, scenario: Callable[[Api], Awaitable[None]]) -> None:
    await scenario(pg_api)


def test_concurrent_approvals_store_each_pair_once(pg_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    stores = [Store(pg_url, tmp_path / f"d{i}") for i in range(4)]
    entries = [MemoryEntry(f"جملة رقم {i} من المحضر.", "ar", f"الجملة نمرة {i} ديال المحضر.", approved_by="Amina",
                           approved_at="2026-02-01T10:00:00Z") for i in range(300)]
    errors: list[BaseException] = []

    def run(store: Store) -> None:
        try:
            store.memory.add(entries)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert not errors, errors
        assert stores[0].memory.count() == 300
        found = stores[1].memory.lookup("ar", {e.key for e in entries[:10]})
        assert len(found) == 10 and all(e.approved_by == "Amina" for e in found.values())
    finally:
        for s in stores:
            s.close()
