"""A throw-away PostgreSQL server for the tests (Debian's binaries, a temporary cluster, trust auth)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .procs import free_port


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the `postgres` account the package creates."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a cluster on 127.0.0.1; yields the admin URL (database ``postgres``, user ``taysir``)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    assert found, "PostgreSQL is not installed (apt-get install postgresql; scripts/test.sh does it)"
    bindir = os.path.dirname(found[-1])
    root = tempfile.mkdtemp(prefix="taysir-pg-")
    os.chmod(root, 0o700)
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(root, pw.pw_uid, pw.pw_gid)
    data, port = os.path.join(root, "data"), free_port()
    log = open(os.path.join(tempfile.gettempdir(), f"taysir-pg-{port}.log"), "wb")  # noqa: SIM115
    proc = None
    try:
        subprocess.run(_as_postgres([f"{bindir}/initdb", "-D", data, "-U", "taysir", "-A", "trust", "-E", "UTF8",
                                     "--locale=C.UTF-8", "--no-sync"]),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
        proc = subprocess.Popen(_as_postgres([f"{bindir}/postgres", "-D", data, "-p", str(port), "-k", root,
                                              "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                                              "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
                                stdout=log, stderr=subprocess.STDOUT)
        url = f"postgresql+psycopg://taysir@127.0.0.1:{port}/postgres"
        _wait_ready(port, proc)
        yield url
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(port: int, proc: subprocess.Popen[bytes]) -> None:
    import psycopg

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, "postgres exited at start"
        try:
            psycopg.connect(host="127.0.0.1", port=port, user="taysir", dbname="postgres", connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            time.sleep(0.1)
    raise AssertionError("postgres did not start in 60 s")


def new_database(admin_url: str, name: str) -> str:
    """CREATE DATABASE ``name``; returns its SQLAlchemy URL."""
    import psycopg

    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name
