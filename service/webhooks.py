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


def check_target(url: str, *, allow_private: bool) -> str | None:
    """Raise WebhookError unless ``url`` is http(s) and (unless allowed) resolves only to public addresses.

    Returns the checked address to connect to (None when private targets are allowed: no check, no pin).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError("the webhook URL must be an absolute http:// or https:// URL")
    if parts.username or parts.password:
        raise WebhookError("the webhook URL must not carry a user name or password")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise WebhookError(f"the webhook host {parts.hostname!r} does not resolve ({exc})") from None
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if _blocked(ip):
            raise WebhookError(f"the webhook host {parts.hostname!r} resolves to a private or loopback address ({ip})")
        addresses.append(ip)
    if not addresses:
        raise WebhookError(f"the webhook host {parts.hostname!r} has no address")
    return str(addresses[0])


def pinned_request(url: str, address: str | None) -> tuple[str, dict[str, str], dict[str, Any]]:
    """(URL, extra headers, httpx extensions) that connect to ``address``, the one that was checked,
    while keeping the host name for the Host header and for TLS (SNI and certificate check).
    Without this, the HTTP client would resolve the name again, and a DNS answer changed between
    the check and the connection (DNS rebinding) could point the delivery at a private address."""
    parts = urlsplit(url)
    if address is None or parts.hostname is None:
        return url, {}, {}
    ip = ipaddress.ip_address(address)
    host_ip = f"[{ip}]" if ip.version == 6 else str(ip)
    netloc = host_ip + (f":{parts.port}" if parts.port else "")
    host_header = parts.netloc.rsplit("@", 1)[-1]
    return parts._replace(netloc=netloc).geturl(), {"Host": host_header}, {"sni_hostname": parts.hostname}


def send(url: str, payload: dict[str, Any], secret: str, *, timeout: float, allow_private: bool) -> None:
    """One signed POST; raises WebhookError on refusal, network failure or a non-2xx answer."""
    address = check_target(url, allow_private=allow_private)  # again at delivery: DNS may have changed
    target, pin_headers, extensions = pinned_request(url, address)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "taysir-webhook/1",
        "X-Taysir-Event": str(payload.get("event", "")),
        "X-Taysir-Delivery": uuid.uuid4().hex,
        TIMESTAMP_HEADER: ts,
        SIGNATURE_HEADER: sign(secret, ts, body),
        **pin_headers,
    }
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            resp = client.post(target, content=body, headers=headers, extensions=extensions)
    except httpx.HTTPError as exc:
        raise WebhookError(f"delivery failed: {type(exc).__name__}: {exc}") from None
    if not 200 <= resp.status_code < 300:
        raise WebhookError(f"the receiver answered HTTP {resp.status_code}")
