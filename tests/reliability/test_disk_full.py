"""Issue 21 item 3: the whole data directory on a small file system that fills up.

A 40 MiB tmpfs mounted by the test holds everything (database, queue, uploads, outputs) of a real
`taysir serve` with an 8 MiB free-space reserve. Checked, in order:

* under the reserve, uploads are refused with 507 and a plain message before they are read, and
  ``/ready`` reports the storage problem;
* at 100 % full, reads keep working: a token never used before is accepted (checking a token writes
  nothing), job status and downloads answer, staff can sign in to the web pages, and DELETE of a job
  frees its space;
* a conversion whose outputs fill the disk fails cleanly (``storage_full``, its files removed) and is
  not retried into the same wall;
* once space is freed, the service converts again.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import FRENCH_MD
from tests.service.procs import TAYSIR, db_rows, env_for

from ._support import csrf_of, finished, start_server, submit
from .test_faults import big_french, tmpfs

pytestmark = pytest.mark.slow
MiB = 1024 * 1024
RESERVE_MB = 8


def free_bytes(path: Path) -> int:
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


def fill(ballast: Path, leave: int | None) -> None:
    """Grow ``ballast`` until ``leave`` bytes are free on its file system (None: until it is full)."""
    with ballast.open("ab", buffering=0) as fh:
        block = b"\0" * MiB
        while True:
            room = free_bytes(ballast.parent)
            if leave is not None and room <= leave:
                break
            want = MiB if leave is None else min(MiB, room - leave)
            try:
                fh.write(block[:want])
            except OSError:
                break
        try:
            os.fsync(fh.fileno())
        except OSError:
            pass
    if leave is None:  # the last bytes: smaller writes until nothing fits
        with ballast.open("ab", buffering=0) as fh:
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        fh.write(b"\0" * size)
                except OSError:
                    continue


def test_a_full_disk_under_the_data_directory(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "data", "40m") as data:
        srv = start_server(tmp_path, "--workers", "1", TAYSIR_MIN_FREE_MB=str(RESERVE_MB), TAYSIR_LEASE_S="6")
        ballast = data / "ballast.bin"
        try:
            with srv.client() as c:
                # a job that takes some room (deleted later to free space)
                r = submit(c, [("budget.md", big_french(1000))], outputs=["json", "text", "html"])
                assert r.status_code == 202, r.text
                job_a = finished(c, r.json()["job_id"])
                assert job_a["status"] == "success", job_a
                art = job_a["documents"][0]["artifacts"][0]
                late = subprocess.run([*TAYSIR, "token", "create", "late"], env=env_for(data), capture_output=True, text=True, timeout=60)
                assert late.returncode == 0, late.stderr
                late_token = late.stdout.strip().split()[-1]
                assert late_token.startswith("tsr_"), late.stdout

                # 1. under the reserve: uploads refused before being read, /ready says why
                fill(ballast, RESERVE_MB * MiB - MiB)
                r = submit(c, [("note.md", FRENCH_MD.encode())])
                assert r.status_code == 507, r.text
                err = r.json()["error"]
                assert err["code"] == "storage_full" and "disk" in err["message"] and err["hint"], err
                assert "Errno" not in r.text and "OSError" not in r.text
                ready = httpx.get(f"{srv.url}/ready", timeout=30)
                assert ready.status_code == 503 and not ready.json()["checks"]["storage"]["ok"], ready.text
                assert "disk" in ready.json()["checks"]["storage"]["detail"]

                # 2. 100 % full: reads, a first-time token, sign-in, downloads; DELETE frees space
                fill(ballast, None)
                assert free_bytes(data) < 64 * 1024
                with httpx.Client(base_url=srv.url, headers={"Authorization": f"Bearer {late_token}"}, timeout=30) as fresh:
                    r = fresh.get("/v1/jobs")
                    assert r.status_code == 200 and r.json()["total"] == 1, r.text
                assert c.get(f"/v1/jobs/{job_a['job_id']}").status_code == 200
                got = c.get(art["url"])
                assert got.status_code == 200 and len(got.content) == art["size"]
                with httpx.Client(base_url=srv.url, timeout=30) as web:
                    page = web.get("/staff/signin")
                    assert page.status_code == 200
                    r = web.post("/staff/signin", data={"token": srv.token, "csrf": csrf_of(page.text), "next": "/staff"})
                    assert r.status_code == 303, r.text
                    assert web.get("/staff/jobs").status_code == 200
                assert httpx.get(f"{srv.url}/ready", timeout=30).json()["checks"]["storage"]["ok"] is False
                before = free_bytes(data)
                r = c.delete(f"/v1/jobs/{job_a['job_id']}")
                assert r.status_code == 204, r.text
                freed = free_bytes(data) - before
                assert freed > 2 * MiB, freed
                assert c.get(f"/v1/jobs/{job_a['job_id']}").status_code == 404
                print(f"\nFULL | 100 % full: first-time token, status, download and sign-in answered; DELETE freed {freed / MiB:.1f} MiB")

                # 3. a conversion that fills the disk fails cleanly and is not retried
                ballast.unlink()
                fill(ballast, (RESERVE_MB + 6) * MiB)
                big = big_french(4000)  # 2 MB; its JSON, text and HTML need about 15 MB
                r = submit(c, [("big.md", big)], outputs=["json", "text", "html"])
                assert r.status_code == 202, r.text
                job_b = finished(c, r.json()["job_id"], timeout=240)
                doc = job_b["documents"][0]
                assert doc["status"] == "failure", doc
                assert [e["code"] for e in doc["errors"]] == ["storage_full"], doc["errors"]
                assert "disk" in doc["errors"][0]["message"] and doc["errors"][0]["hint"], doc["errors"]
                assert doc["artifacts"] == [] and doc["attempts"] == 1, doc
                outputs = data / "jobs" / job_b["job_id"] / "docs"
                assert not [p for p in outputs.rglob("*") if p.is_file()], "the failed attempt left files"
                time.sleep(8)  # longer than a lease: nothing runs it again
                row = db_rows(data, "SELECT status, attempts FROM documents WHERE id = ?", doc["id"])[0]
                assert row == ("failure", 1), row
                print(f"FULL | conversion into a full disk: {doc['status']} `{doc['errors'][0]['code']}` after 1 attempt: "
                      f"{doc['errors'][0]['message']}")
                assert httpx.get(f"{srv.url}/ready", timeout=30).json()["checks"]["storage"]["ok"] is True

                # 4. space freed: the service converts again
                ballast.unlink()
                r = submit(c, [("note.md", FRENCH_MD.encode())])
                assert r.status_code == 202, r.text
                assert finished(c, r.json()["job_id"])["status"] == "success"
            log = srv.log.read_text(errors="replace")
            print("FULL | server log lines about the disk: " + str(sum("disk" in ln.lower() for ln in log.splitlines())))
        finally:
            srv.proc.stop()
