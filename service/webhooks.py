"""Completion webhooks: target validation (no private or loopback targets unless allowed),
HMAC-SHA256 signatures, one delivery attempt per call (the queue retries with backoff).

Receivers verify ``X-Taysir-Signature: sha256=<hex>`` = HMAC-SHA256(secret, ``<timestamp>.<body>``)
with the timestamp from ``X-Taysir-Timestamp`` (reject old timestamps to stop replays).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import socket
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

import httpx

SIGNATURE_HEADER = "X-Taysir-Signature"
TIMESTAMP_HEADER = "X-Taysir-Timestamp"


class WebhookError(Exception):
    pass


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified


def check_target(url: str, *, allow_private: bool) -> None:
    """Raise WebhookError unless ``url`` is http(s) and (unless allowed) resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError("the webhook URL must be an absolute http:// or https:// URL")
    if parts.username or parts.password:
        raise WebhookError("the webhook URL must not carry a user name or password")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise WebhookError(f"the webhook host {parts.hostname!r} does not resolve ({exc})") from None
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if _blocked(ip):
            raise WebhookError(f"the webhook host {parts.hostname!r} resolves to a private or loopback address ({ip})")


def send(url: str, payload: dict[str, Any], secret: str, *, timeout: float, allow_private: bool) -> None:
    """One signed POST; raises WebhookError on refusal, network failure or a non-2xx answer."""
    check_target(url, allow_private=allow_private)  # again at delivery: DNS may have changed
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "taysir-webhook/1",
        "X-Taysir-Event": str(payload.get("event", "")),
        "X-Taysir-Delivery": uuid.uuid4().hex,
        TIMESTAMP_HEADER: ts,
        SIGNATURE_HEADER: sign(secret, ts, body),
    }
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            resp = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise WebhookError(f"delivery failed: {type(exc).__name__}: {exc}") from None
    if not 200 <= resp.status_code < 300:
        raise WebhookError(f"the receiver answered HTTP {resp.status_code}")
