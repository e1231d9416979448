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
import logging
import socket
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

import httpx

log = logging.getLogger("service.webhooks")

SIGNATURE_HEADER = "X-Taysir-Signature"
TIMESTAMP_HEADER = "X-Taysir-Timestamp"


class WebhookError(Exception):
    pass


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


# IPv6 ranges refused whole: 6to4 (2002::/16, RFC 7526: tunnels to the IPv4 address inside it), Teredo
# (2001::/32) and local-use NAT64 (64:ff9b:1::/48, RFC 8215): none is where a webhook receiver lives.
_REFUSED_V6 = tuple(ipaddress.ip_network(n) for n in ("2002::/16", "2001::/32", "64:ff9b:1::/48"))
# IPv6 forms that carry an IPv4 address in their last 32 bits: the well-known NAT64 prefix (RFC 6052),
# IPv4-mapped, SIIT-translated (RFC 6145) and the deprecated IPv4-compatible form. The IPv4 address decides.
_EMBEDS_V4 = tuple(ipaddress.ip_network(n) for n in ("64:ff9b::/96", "::ffff:0:0/96", "::ffff:0:0:0/96", "::/96"))
# IETF protocol assignments (RFC 6890): not globally reachable, apart from two anycast services. Python
# before 3.12.4 only knows 192.0.0.0/29 of it, so the block is stated here for every version.
_IETF_V4 = ipaddress.ip_network("192.0.0.0/24")
_IETF_V4_GLOBAL = {ipaddress.ip_address("192.0.0.9"), ipaddress.ip_address("192.0.0.10")}


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True unless ``ip`` is globally routable (issue 21 item 5).

    ``ipaddress``'s ``is_global`` knows the IANA special-purpose registries (so it refuses the shared
    address space 100.64.0.0/10 of carrier-grade NAT and cloud metadata services such as
    100.100.100.200, benchmarking, documentation, ...); the IPv6 forms that tunnel or translate to IPv4
    are judged by the IPv4 address inside them, or refused whole.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in net for net in _REFUSED_V6):
            return True
        for net in _EMBEDS_V4:
            if ip in net:
                return _blocked(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    elif ip in _IETF_V4 and ip not in _IETF_V4_GLOBAL:
        return True
    return (not ip.is_global or ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified)


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
        log.info("webhook host %r does not resolve: %s", parts.hostname, exc)
        raise WebhookError(f"the webhook host {parts.hostname!r} does not resolve (unknown name, or no DNS answer)") from None
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if _blocked(ip):
            raise WebhookError(f"the webhook host {parts.hostname!r} resolves to an address that is not publicly routable ({ip})")
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
        log.info("webhook delivery to %s failed: %s: %s", url, type(exc).__name__, exc)
        raise WebhookError(f"delivery failed: {_plain(exc)}") from None
    if not 200 <= resp.status_code < 300:
        raise WebhookError(f"the receiver answered HTTP {resp.status_code}")


def _plain(exc: httpx.HTTPError) -> str:
    """What went wrong, for the job's record (the exception's own text goes to the log only)."""
    if isinstance(exc, httpx.TimeoutException):
        return "the receiver did not answer in time"
    if isinstance(exc, httpx.ConnectError):
        return "the receiver could not be reached (connection refused or no route)"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the receiver's answer was not valid HTTP"
    return "the connection to the receiver failed"
