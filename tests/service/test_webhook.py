"""Completion webhooks: a real HTTP receiver on 127.0.0.1, signatures, retries, refused targets."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from service.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookError, check_target, verify

from .conftest import FRENCH_MD, Api, open_api

SECRET = "s3cret-for-tests"


class Receiver:
    def __init__(self, fail_first: int = 0) -> None:
        self.calls: list[tuple[dict[str, str], bytes]] = []
        self.fail_first = fail_first
        self.done = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.calls.append(({k: v for k, v in self.headers.items()}, body))
                ok = len(outer.calls) > outer.fail_first
                self.send_response(200 if ok else 500)
                self.end_headers()
                if ok:
                    outer.done.set()

            def log_message(self, *a: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(fail_first=1)
    yield r
    r.close()


@pytest.mark.anyio
async def test_webhook_is_signed_retried_and_recorded(settings_factory, receiver: Receiver) -> None:  # type: ignore[no-untyped-def]
    async for api in open_api(settings_factory(webhook_allow_private=True, webhook_backoff_s=0.1)):
        r = await api.submit([("a.md", FRENCH_MD.encode())], webhook_url=receiver.url, webhook_secret=SECRET)
        assert r.status_code == 202, r.text
        job_id = r.json()["job_id"]
        await api.wait(job_id)
        assert receiver.done.wait(20), "the webhook never succeeded"
        assert len(receiver.calls) == 2  # the first answer was 500: retried
        headers, body = receiver.calls[-1]
        assert verify(SECRET, headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER])
        assert not verify("wrong", headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER])
        payload = json.loads(body)
        assert payload["event"] == "job.completed" and payload["job"]["job_id"] == job_id and payload["job"]["status"] == "success"
        for _ in range(50):
            hook = (await api.get(f"/v1/jobs/{job_id}")).json()["webhook"]
            if hook["state"] == "delivered":
                break
            import anyio

            await anyio.sleep(0.1)
        assert hook["state"] == "delivered" and hook["attempts"] == 2


@pytest.mark.anyio
async def test_private_targets_are_refused_unless_allowed(api: Api) -> None:
    for url in ("http://127.0.0.1:9/x", "http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest", "ftp://example.org/x"):
        r = await api.submit([("a.md", FRENCH_MD.encode())], webhook_url=url, webhook_secret=SECRET)
        assert r.status_code == 422, url
        assert r.json()["error"]["code"] == "webhook_refused"
    assert api.rt.store.jobs.count() == 0


@pytest.mark.anyio
async def test_a_webhook_needs_a_secret(settings_factory) -> None:  # type: ignore[no-untyped-def]
    async for api in open_api(settings_factory(webhook_allow_private=True)):
        r = await api.submit([("a.md", FRENCH_MD.encode())], webhook_url="http://127.0.0.1:9/x")
        assert r.status_code == 422 and r.json()["error"]["code"] == "webhook_secret_missing"


def test_check_target_accepts_public_addresses_and_rejects_credentials() -> None:
    check_target("https://93.184.216.34/hook", allow_private=False)
    check_target("http://127.0.0.1:8080/x", allow_private=True)
    with pytest.raises(WebhookError):
        check_target("https://user:pw@93.184.216.34/hook", allow_private=False)
    with pytest.raises(WebhookError):
        check_target("http://[::ffff:127.0.0.1]/x", allow_private=False)


def test_delivery_connects_to_the_checked_address_not_a_rebound_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the name resolves to an allowed address when checked and to another one
    afterwards. The delivery must go to the address that was checked, with the original Host."""
    import socket

    from service import webhooks

    rx = Receiver()  # listens on 127.0.0.1: stands for the "public" address in this test
    port = rx.server.server_address[1]
    answers = iter(["127.0.0.1"] + ["127.0.0.3"] * 10)  # the first answer is checked; later ones point elsewhere
    real = socket.getaddrinfo

    def resolver(host: str, *a: Any, **kw: Any) -> Any:
        if host == "hooks.rebind.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, *a, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    monkeypatch.setattr(webhooks, "_blocked", lambda ip: str(ip) == "127.0.0.3")  # 127.0.0.1 "public" here
    try:
        webhooks.send(f"http://hooks.rebind.test:{port}/hook", {"event": "job.completed"}, SECRET, timeout=5, allow_private=False)
        (headers, body), = rx.calls
        assert headers["Host"] == f"hooks.rebind.test:{port}" and json.loads(body)["event"] == "job.completed"
        assert next(answers) == "127.0.0.3"  # resolved exactly once: the client did not ask DNS again
    finally:
        rx.close()


# Issue 21 item 5: every address that is not globally routable, in every form.
NOT_PUBLIC = [
    "100.64.0.1", "100.100.100.200", "100.127.255.254",  # shared address space (carrier-grade NAT, cloud metadata)
    "192.0.0.8", "198.18.0.1", "240.0.0.1", "255.255.255.255", "0.0.0.0", "224.0.0.1", "192.0.2.10",
    "[2002:7f00:1::1]", "[2002:a9fe:a9fe::]", "[2002:808:808::1]",  # 6to4 (loopback, metadata, even a public v4 inside)
    "[64:ff9b::a9fe:a9fe]", "[64:ff9b::7f00:1]", "[64:ff9b::6464:64c8]", "[64:ff9b:1::a00:1]",  # NAT64
    "[::ffff:100.100.100.200]", "[::ffff:0:7f00:1]", "[::127.0.0.1]", "[::a9fe:a9fe]",  # mapped, SIIT, compatible
    "[2001::1]", "[fe80::1]", "[fc00::1]", "[ff02::1]", "[::]", "[::1]", "[2001:db8::1]",
]
PUBLIC = ["93.184.216.34", "8.8.8.8", "[2606:4700:4700::1111]", "[64:ff9b::808:808]", "[::ffff:8.8.8.8]"]


@pytest.mark.parametrize("host", NOT_PUBLIC)
def test_addresses_that_are_not_globally_routable_are_refused(host: str) -> None:
    with pytest.raises(WebhookError, match="not publicly routable"):
        check_target(f"http://{host}/hook", allow_private=False)


@pytest.mark.parametrize("host", PUBLIC)
def test_public_addresses_are_accepted(host: str) -> None:
    assert check_target(f"https://{host}/hook", allow_private=False)


@pytest.mark.anyio
async def test_shared_address_space_is_refused_at_registration(api: Api) -> None:
    for url in ("http://100.100.100.200/latest/meta-data", "http://[2002:a9fe:a9fe::]/x", "http://[64:ff9b::a9fe:a9fe]/x"):
        r = await api.submit([("a.md", FRENCH_MD.encode())], webhook_url=url, webhook_secret=SECRET)
        assert r.status_code == 422 and r.json()["error"]["code"] == "webhook_refused", (url, r.text)
    assert api.rt.store.jobs.count() == 0


def test_delivery_refuses_a_name_that_now_points_at_the_metadata_service(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked again at delivery: a name that resolved to a public address at registration and now
    resolves to 100.100.100.200 (or its 6to4 form) is not called."""
    import socket

    from service import webhooks

    real = socket.getaddrinfo
    for evil in ("100.100.100.200", "2002:6464:64c8::1"):
        family = socket.AF_INET6 if ":" in evil else socket.AF_INET

        def resolver(host: str, *a: Any, _e: str = evil, _f: int = family, **kw: Any) -> Any:
            if host == "hooks.example.test":
                return [(_f, socket.SOCK_STREAM, 6, "", (_e, 80))]
            return real(host, *a, **kw)

        monkeypatch.setattr(socket, "getaddrinfo", resolver)
        with pytest.raises(WebhookError, match="not publicly routable"):
            webhooks.send("http://hooks.example.test/hook", {"event": "job.completed"}, SECRET, timeout=2, allow_private=False)
