"""A job's `options` come from the network: they must not make a worker call arbitrary URLs with the
server's secrets, nor read files on the server.

TransformOptions were designed for the library and the CLI, where the caller owns the machine.
Through the service, a staff token (or a stolen one) sets them: these tests pin down what the
service must refuse.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from ._support import Server, finished, start_server

pytestmark = pytest.mark.slow

SECRET = "probe-secret-7f3a9c"  # noqa: S105 - a test value
MSA = "# الميزانية\n\nقرر المجلس الجهوي تخصيص مبلغ 120 مليون درهم لبناء الطرق القروية في الإقليم خلال السنة المقبلة.\n"
FRENCH = "# Décision\n\nLe conseil a voté un budget de 2,8 milliards de dirhams pour les routes.\n"


class Capture(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[dict[str, Any]] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server API
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        self.server.seen.append({"path": self.path, "headers": dict(self.headers), "body": body.decode("utf-8", "replace")})  # type: ignore[attr-defined]
        answer = json.dumps({"choices": [{"message": {"content": "الجهة غادي تخدم 120 مليون درهم."}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("trust"), "--workers", "1", TAYSIR_WEBHOOK_SECRET=SECRET)
    try:
        yield srv
    finally:
        srv.proc.stop()


def _outcome(srv: Server, files: list[tuple[str, bytes]], options: dict[str, Any]) -> tuple[int, str]:
    """(HTTP status of the submission, every byte the job produced or reported, as text)."""
    with srv.client() as c:
        r = c.post("/v1/jobs", files=[("files", (n, b)) for n, b in files], data={"options": json.dumps(options)})
        if r.status_code != 202:
            return r.status_code, r.text
        job = finished(c, r.json()["job_id"])
        seen = [json.dumps(job, ensure_ascii=False)]
        for doc in job["documents"]:
            for art in doc["artifacts"]:
                seen.append(c.get(art["url"]).text)
        return 202, "\n".join(seen)


def test_job_options_cannot_send_server_secrets_to_any_url(server: Server) -> None:
    capture = Capture()
    try:
        options = {"outputs": ["darija"], "simplify": {"engine": "llm", "llm": {
            "base_url": f"{capture.url}/v1", "model": "any", "api_key_env": "TAYSIR_WEBHOOK_SECRET", "timeout_s": 5}}}
        status, _ = _outcome(server, [("budget.md", MSA.encode())], options)
        leaked = [s for s in capture.seen if SECRET in json.dumps(s)]
        assert not capture.seen, f"the worker called {capture.url} {len(capture.seen)} time(s); {len(leaked)} carried the server's webhook secret"
        assert status in (400, 422)
    finally:
        capture.shutdown()


def test_job_options_cannot_read_server_files(server: Server, tmp_path: Path) -> None:
    private = tmp_path / "private.md"  # outside the data dir, as /etc/... or another deployment's files would be
    private.write_text("# سري\n\nكلمة السر الداخلية هي 424242 ولا يجوز نشرها خارج الإدارة المركزية.\n", encoding="utf-8")
    status, seen = _outcome(server, [("decision.md", FRENCH.encode())],
                            {"outputs": ["darija", "text"], "simplify": {"arabic_source": str(private)}})
    assert "424242" not in seen, "content of a server file reached the job's outputs"
    assert status == 400, f"a job was accepted with a server path in its options (HTTP {status})"


def test_job_options_cannot_name_braille_tables(server: Server, tmp_path: Path) -> None:
    """Issue 21 item 12: a braille table is a file liblouis compiles, and the liblouis of Debian 12 has
    known bugs in its table compiler (CVE-2023-26767/26768/26769, docs/security.md). A job could name
    any table: an absolute path, a path out of the packaged tables (``../``), or a file it uploaded
    before. Every such job is refused before anything runs; only the server's tables are ever loaded."""
    crafted = tmp_path / "crafted.ctb"  # stands for a crafted table (an upload of an earlier job, a file on the server)
    crafted.write_text("include " + "A" * 5000 + "\n", encoding="ascii")
    stored = next(iter(server.data.glob("jobs/*/uploads/*/*")), None)
    names = [str(crafted), "/etc/passwd", "../../../../../../etc/passwd", "fr-bfu-comp6.utb", "unicode.dis,fr-bfu-g2.ctb"]
    if stored is not None:
        names.append(str(stored))
    for name in names:
        status, seen = _outcome(server, [("decision.md", FRENCH.encode())],
                                {"outputs": ["braille"], "braille": {"tables": {"fr": [name]}}})
        assert status == 400, f"a job naming the braille table {name!r} was accepted (HTTP {status})"
        assert "braille.tables" in seen and "root:" not in seen, seen
    status, seen = _outcome(server, [("decision.md", FRENCH.encode())], {"outputs": ["braille"], "braille": {"french": "g1"}})
    assert status == 202 and ("⠇" in seen or "⠉" in seen), seen[:500]  # choosing a grade still works
