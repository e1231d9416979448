"""Leases and recovery (a dead worker's document goes back to the queue), tokens and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.queue.consumer import Supervisor
from service.runtime import Runtime
from service.settings import ServiceSettings
from service.store import NewDocument, owner_dead
from transform.cli import main as taysir


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


@pytest.fixture
def rt(tmp_path: Path):  # type: ignore[no-untyped-def]
    r = Runtime(ServiceSettings(data_dir=tmp_path / "data", embedded_workers=0, lease_s=60, max_attempts=2))
    yield r
    r.close()


def add_doc(rt: Runtime, job_id: str = "j1") -> str:
    src = rt.store.job_dir(job_id) / "uploads" / "a.md"
    src.parent.mkdir(parents=True)
    src.write_text("# t\n\nLe conseil.\n")
    doc = NewDocument(id=f"{job_id}d", position=0, filename="a.md", stem="a", source_path=rt.store.rel(src), format="markdown", size=20, sha256="0" * 64)
    rt.store.jobs.create(job_id, "{}", [doc], created_by="t")
    return doc.id


def test_owner_dead_only_for_dead_local_processes() -> None:
    import os
    import socket

    host = socket.gethostname()
    assert owner_dead(f"{host}:{dead_pid()}:Worker-1")
    assert not owner_dead(f"{host}:{os.getpid()}:Worker-1")
    assert not owner_dead(f"{host}:1:Worker-1")  # alive (init), maybe not ours: not dead
    assert not owner_dead(f"other-host:{dead_pid()}:Worker-1")  # cannot tell: wait for the lease to expire


def test_a_document_held_by_a_dead_worker_is_queued_again_then_failed(rt: Runtime) -> None:
    import socket

    doc_id = add_doc(rt)
    ghost = f"{socket.gethostname()}:{dead_pid()}:Worker-1"
    assert rt.store.jobs.claim(doc_id, ghost, 60) is not None
    assert rt.store.jobs.claim(doc_id, "someone-else", 60) is None  # owned: nobody else takes it
    sup = Supervisor(rt)
    assert sup.reclaim() == 1
    row = rt.store.documents.get(doc_id)
    assert row.status == "queued" and row.lease_owner is None and row.attempts == 1
    assert ("convert", doc_id) in rt.queue.pending()
    # second death: attempts exhausted (max_attempts=2) -> failure with a typed error
    assert rt.store.jobs.claim(doc_id, ghost, 60) is not None
    sup.reclaim()
    row = rt.store.documents.get(doc_id)
    assert row.status == "failure" and json.loads(row.errors_json)[0]["code"] == "worker_lost"


def test_an_expired_lease_is_reclaimed(rt: Runtime) -> None:
    doc_id = add_doc(rt)
    assert rt.store.jobs.claim(doc_id, "far-host:1:Worker-1", lease_s=0.01) is not None
    time.sleep(0.05)
    assert [r.doc_id for r in rt.store.leases.reclaim_expired(3)] == [doc_id]


def test_reconcile_requeues_what_the_queue_lost(rt: Runtime) -> None:
    doc_id = add_doc(rt)  # in the database as queued, never sent to the queue
    assert rt.queue.pending() == set()
    Supervisor(rt).reconcile()
    assert rt.queue.pending() == {("convert", doc_id)}
    Supervisor(rt).reconcile()  # idempotent
    assert rt.queue.depth() == 1


def test_token_cli_create_list_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert taysir(["token", "create", "amina", "--data-dir", data]) == 0
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("tsr_") and len(secret) > 40
    r = Runtime(ServiceSettings(data_dir=Path(data), embedded_workers=0))
    try:
        assert r.store.tokens.verify(secret) == "amina"
        stored = [t.token_hash for t in r.store.tokens.all()]
        assert secret not in stored and len(stored[0]) == 64  # only the hash is kept
        assert taysir(["token", "create", "amina", "--data-dir", data]) == 1  # duplicate name
        assert taysir(["token", "list", "--data-dir", data]) == 0
        assert "amina" in capsys.readouterr().out
        assert taysir(["token", "revoke", "amina", "--data-dir", data]) == 0
        fresh = Runtime(ServiceSettings(data_dir=Path(data), embedded_workers=0))  # other processes: within CACHE_TTL_S
        assert fresh.store.tokens.verify(secret) is None
        fresh.close()
        assert taysir(["token", "revoke", "amina", "--data-dir", data]) == 1
    finally:
        r.close()


def test_first_run_token_is_created_once(tmp_path: Path) -> None:
    from service.cli_support import first_run_token

    s = ServiceSettings(data_dir=tmp_path / "data")
    token, created = first_run_token(s)
    assert created and (tmp_path / "data" / "admin-token.txt").stat().st_mode & 0o777 == 0o600
    assert first_run_token(s) == (token, False)
