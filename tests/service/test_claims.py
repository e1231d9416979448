"""The start-up sweep of job folders left by uploads a crash cut short (service/store/claims.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.runtime import Runtime
from service.settings import ServiceSettings

from .test_store_cli import add_doc

HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(60)
"""


@pytest.fixture
def rt(tmp_path: Path):  # type: ignore[no-untyped-def]
    r = Runtime(ServiceSettings(data_dir=tmp_path / "data", embedded_workers=0))
    yield r
    r.close()


def partial_upload(rt: Runtime, job_id: str) -> Path:
    d = rt.store.job_dir(job_id) / "incoming"
    d.mkdir(parents=True)
    (d / "0.upload").write_bytes(b"# half a document")
    return rt.store.job_dir(job_id)


def test_sweep_removes_only_orphans_nobody_holds(rt: Runtime) -> None:
    kept_job = add_doc(rt, "job-in-db")
    assert kept_job
    dead = partial_upload(rt, "cut-by-crash")
    (dead / ".claim").write_text("")  # the claim of a process that died: nobody holds it
    live = partial_upload(rt, "uploading-elsewhere")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(live / ".claim")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        fresh_legacy = partial_upload(rt, "no-claim-recent")
        old_legacy = partial_upload(rt, "no-claim-old")
        old = time.time() - 3600
        for p in [old_legacy, *old_legacy.rglob("*")]:
            os.utime(p, (old, old))

        removed = rt.store.sweep_orphan_job_dirs()

        assert sorted(removed) == ["cut-by-crash", "no-claim-old"]
        assert not dead.exists() and not old_legacy.exists()
        assert (live / "incoming" / "0.upload").read_bytes() == b"# half a document"
        assert fresh_legacy.is_dir()
        assert (rt.store.job_dir("job-in-db") / "uploads" / "a.md").is_file()
    finally:
        holder.kill()
        holder.wait()
    # once its holder is gone, the folder is an orphan like the others
    assert rt.store.sweep_orphan_job_dirs() == ["uploading-elsewhere"]


def test_a_claim_is_held_during_the_block_and_gone_after(rt: Runtime) -> None:
    with rt.store.claim_job_dir("j-new") as d:
        assert (d / ".claim").is_file()
        assert rt.store.sweep_orphan_job_dirs() == []  # held by us: left alone
        assert d.is_dir()
    assert not (d / ".claim").exists()
    # without a claim, a recent folder is left alone (a process may be between mkdir and its claim)
    assert rt.store.sweep_orphan_job_dirs() == []
