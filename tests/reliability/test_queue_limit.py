"""Issue 21 item 9: the queue limit holds under concurrent uploads (places reserved atomically).

50 clients upload a job of 20 files each at the same moment to a real `taysir serve` with no
worker and a limit of 100 queued documents: exactly 5 jobs are accepted (100 documents) and the
45 others get 429 with Retry-After. Before, every upload passed the check made before reading
its body, and 120 (or more) documents were queued.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import httpx
import pytest

from tests.service.procs import db_rows

from ._support import start_server

pytestmark = pytest.mark.slow


def test_50_concurrent_uploads_of_20_files_respect_a_limit_of_100(tmp_path: Path) -> None:
    srv = start_server(tmp_path, "--workers", "0", TAYSIR_MAX_QUEUE_DEPTH="100", TAYSIR_MAX_FILES_PER_JOB="20")
    statuses: list[int] = []
    retry_after: list[str | None] = []
    barrier = threading.Barrier(50)

    def upload(n: int) -> None:
        files = [("files", (f"n{n}-{i}.md", io.BytesIO(f"# Note {n}.{i}\n\nLe conseil a voté.\n".encode()), "text/markdown"))
                 for i in range(20)]
        with httpx.Client(base_url=srv.url, headers={"Authorization": f"Bearer {srv.token}"}, timeout=120) as c:
            barrier.wait()
            r = c.post("/v1/jobs", files=files, data={"options": json.dumps({"outputs": ["text"]})})
        statuses.append(r.status_code)
        retry_after.append(r.headers.get("retry-after"))

    try:
        threads = [threading.Thread(target=upload, args=(n,)) for n in range(50)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(180)
        queued = db_rows(srv.data, "SELECT COUNT(*) FROM documents WHERE status = 'queued'")[0][0]
        jobs = db_rows(srv.data, "SELECT COUNT(*) FROM jobs")[0][0]
        print(f"\nQUEUE | 50 concurrent uploads of 20 files, limit 100: {statuses.count(202)} accepted, {statuses.count(429)} got 429; "
              f"{queued} documents queued in {jobs} jobs")
        assert sorted(set(statuses)) == [202, 429], statuses
        assert queued <= 100, f"{queued} documents queued against a limit of 100"
        assert statuses.count(202) == 5 and queued == 100 and jobs == 5
        assert all(ra for s, ra in zip(statuses, retry_after, strict=True) if s == 429)
        left = [p for p in (srv.data / "jobs").iterdir() if p.is_dir()]
        assert len(left) == 5, left  # the refused uploads left no folder
    finally:
        srv.proc.stop()
