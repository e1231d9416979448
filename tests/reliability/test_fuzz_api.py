"""Schemathesis (v4) against the service's own OpenAPI description, served by a real `taysir serve`.

Every operation gets ``FUZZ_EXAMPLES`` generated requests (valid and invalid: random paths, query
values, JSON bodies, multipart uploads) sent with a staff token, then the same number without one.
Each response must not be a server error (5xx), its status code must be documented, and its body,
content type and headers must match the schema. Runs are derandomised, so CI is reproducible;
raise ``TAYSIR_FUZZ_EXAMPLES`` for a longer local campaign.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ._support import Server, start_server

pytestmark = pytest.mark.slow

FUZZ_EXAMPLES = int(os.environ.get("TAYSIR_FUZZ_EXAMPLES", "20"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance, response_headers_conformance]
STATS: Counter[str] = Counter()


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp: Path = tmp_path_factory.mktemp("fuzz-serve")
    srv = start_server(
        tmp, "--workers", "1",
        TAYSIR_MAX_UPLOAD_MB="2", TAYSIR_MAX_WAIT_S="1", TAYSIR_SYNC_TIMEOUT_S="10", TAYSIR_JOB_TIMEOUT_S="60", TAYSIR_MAX_QUEUE_DEPTH="10",
    )
    try:
        served = httpx.get(f"{srv.url}/openapi.json", timeout=30).json()
        assert served == OPENAPI, "the fuzzed description differs from the one the server serves"
        yield srv
    finally:
        srv.proc.stop()
        print(f"\nFUZZ | cases {STATS['cases']} | with token {STATS['auth']} | without {STATS['anon']} | "
              f"5xx {STATS['5xx']} | statuses {sorted((k, v) for k, v in STATS.items() if k.isdigit())}")
        assert srv.proc.p.returncode == 0, srv.proc.tail()


def _openapi() -> dict[str, Any]:
    """The app's OpenAPI description, built without starting it (the fixture checks it is what the server serves)."""
    from service.app import create_app
    from service.settings import ServiceSettings

    return create_app(ServiceSettings(data_dir=Path("unused-data-dir"))).openapi()


OPENAPI = _openapi()
schema = schemathesis.openapi.from_dict(OPENAPI)
FUZZ_SETTINGS = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
                         suppress_health_check=list(HealthCheck), print_blob=True)


def _run(case: Any, base_url: str, headers: dict[str, str], kind: str) -> None:
    response = case.call(base_url=base_url, headers=headers, timeout=60)
    STATS["cases"] += 1
    STATS[kind] += 1
    STATS[str(response.status_code)] += 1
    if response.status_code >= 500:
        STATS["5xx"] += 1
    case.validate_response(response, checks=CHECKS)


@schema.parametrize()
@FUZZ_SETTINGS
def test_fuzz_with_staff_token(case: Any, fuzz_server: Server) -> None:
    _run(case, fuzz_server.url, {"Authorization": f"Bearer {fuzz_server.token}"}, "auth")


@schema.parametrize()
@FUZZ_SETTINGS
def test_fuzz_without_token(case: Any, fuzz_server: Server) -> None:
    case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    _run(case, fuzz_server.url, {}, "anon")
