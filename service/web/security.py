"""Sessions, CSRF tokens and security headers of the web pages.

* **Session**: a staff member signs in with an API token; the cookie ``taysir_session`` then holds
  ``{token row id, token name, expiry, last activity, session id}`` signed with HMAC-SHA256 (HttpOnly,
  SameSite=Strict, Secure over HTTPS). The token secret itself is never stored in the cookie. Every
  request checks that the token is still valid (revoking it ends its sessions), that the session was
  not signed out (server side: ``store.sessions``, so a copied cookie dies with the sign-out), that it
  was used within ``TAYSIR_SESSION_IDLE_S`` (the cookie's last-activity time is renewed as pages are
  used) and is younger than ``TAYSIR_SESSION_MAX_S``. Signing in and checking need no database write.
* **Origin**: every state-changing request (POST, PUT, PATCH, DELETE) whose ``Origin`` is another
  site's, or whose ``Sec-Fetch-Site`` says ``cross-site``/``same-site``, is refused with 403 before
  any route runs (:class:`OriginCheck`).
* **CSRF**: signed double submit. A random ``taysir_csrf`` cookie; each form carries
  ``HMAC(secret, nonce | session id)``; a POST whose field does not match is refused (403).
* **Headers**: a pure ASGI middleware adds CSP (no inline script or style), nosniff, Referrer-Policy,
  frame-ancestors/X-Frame-Options and Permissions-Policy to the web pages.

The signing key is ``TAYSIR_WEB_SECRET`` when set, else a random key kept in ``<data_dir>/web-secret.key``
(created on first use, mode 0600), so every process on the same data directory agrees.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from sqlalchemy import select

from ..store.tables import TokenRow

SESSION_COOKIE = "taysir_session"
CSRF_COOKIE = "taysir_csrf"
SESSION_REFRESH_S = 60  # the last-activity time in the cookie is renewed at most this often
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
WEB_PREFIXES = ("/catalogue", "/staff", "/lang", "/static/web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
}


def is_web_path(path: str) -> bool:
    return path == "/" or any(path == p or path.startswith(p + "/") for p in WEB_PREFIXES)


# API answers (JSON and downloads): never framed, never sniffed; staff data never cached.
# The interactive API reference (/docs, /redoc) loads its own scripts and keeps its defaults.
API_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
API_CSP = b"default-src 'none'; frame-ancestors 'none'"
STAFF_API_PREFIXES = ("/v1/jobs", "/v1/documents", "/v1/convert")
API_DOC_PATHS = ("/docs", "/redoc", "/docs/oauth2-redirect")


class SecurityHeaders:
    """ASGI middleware: security headers on every web page response, and a smaller set on API answers."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if not is_web_path(path):
            if path in API_DOC_PATHS:
                await self.app(scope, receive, send)
            else:
                await self.app(scope, receive, _api_headers(send, no_store=path.startswith(STAFF_API_PREFIXES)))
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                renewed = scope.get("taysir.session_cookie")
                if renewed and message.get("status", 200) < 400:
                    secure = "; Secure" if scope.get("scheme") == "https" else ""
                    headers.append((b"set-cookie", f"{SESSION_COOKIE}={renewed}; HttpOnly; Path=/; SameSite=strict{secure}".encode()))
                if b"cache-control" not in present:  # pages are personal or change often; the CSS and JS may be cached
                    static = scope.get("path", "").startswith("/static/web/")
                    headers.append((b"cache-control", b"public, max-age=3600" if static else b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class OriginCheck:
    """ASGI middleware: refuse state-changing requests sent by another site's pages (403).

    Browsers say where a request comes from: ``Sec-Fetch-Site`` (``same-origin``, ``same-site``,
    ``cross-site``, ``none`` for a typed address) and ``Origin`` on every POST. A request that carries
    neither is not from a browser page (curl, scripts: they authenticate with a token) and goes on to
    its checks (token, CSRF field). Allowed origins: the request's own host, ``TAYSIR_PUBLIC_URL``,
    ``TAYSIR_TRUSTED_ORIGINS``.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("method") in UNSAFE_METHODS:
            refused = _cross_site(scope)
            if refused:
                body = json.dumps({"error": {"code": "cross_origin", "message": "This request was sent by another site's page and was refused.",
                                             "hint": "Use Taysir's own pages, or call the API without a browser."}}).encode()
                await send({"type": "http.response.start", "status": 403, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def _cross_site(scope: dict[str, Any]) -> str | None:
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    site = headers.get("sec-fetch-site", "").strip().lower()
    if site and site not in ("same-origin", "none"):
        return f"Sec-Fetch-Site: {site}"
    origin = headers.get("origin")
    if origin is None:
        return None
    allowed = {headers.get("host", "").strip().lower()}
    runtime = getattr(getattr(scope.get("app"), "state", None), "runtime", None)
    if runtime is not None:
        s = runtime.settings
        allowed |= {_netloc(o) for o in [*s.trusted_origins, s.public_url or ""] if o}
    got = _netloc(origin)
    return None if got and got in allowed else f"Origin: {origin}"


def _netloc(origin: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(origin.strip())
    except ValueError:
        return ""
    return parts.netloc.lower() if parts.scheme in ("http", "https") else ""


def _api_headers(send: Any, *, no_store: bool) -> Any:
    async def send_with_headers(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {k.lower() for k, _ in headers}
            headers += [h for h in API_HEADERS if h[0] not in present]
            if b"content-security-policy" not in present:  # downloads bring their own sandbox policy
                headers.append((b"content-security-policy", API_CSP))
            if no_store and b"cache-control" not in present:
                headers.append((b"cache-control", b"no-store"))
            message = {**message, "headers": headers}
        await send(message)

    return send_with_headers


# -- the signing key -----------------------------------------------------------------------------
def secret_key(request: Request) -> bytes:
    state = request.app.state
    key = getattr(state, "web_secret", None)
    if key is None:
        env = os.environ.get("TAYSIR_WEB_SECRET")
        key = env.encode() if env else _key_file(request.app.state.runtime.settings.data_dir)
        state.web_secret = key
    return key  # type: ignore[no-any-return]


def load_secret(data_dir: Path) -> bytes:
    """The signing key, read (or created) at start-up, so that no request needs to write it."""
    env = os.environ.get("TAYSIR_WEB_SECRET")
    return env.encode() if env else _key_file(data_dir)


def _key_file(data_dir: Path) -> bytes:
    path = Path(data_dir) / "web-secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # first writer wins; others read its key
        except FileExistsError:
            pass
        tmp.unlink(missing_ok=True)
    return path.read_text().strip().encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(key: bytes, payload: dict[str, Any]) -> str:
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    mac = _b64(hmac.new(key, b"session|" + body.encode(), hashlib.sha256).digest())
    return f"{body}.{mac}"


def unsign(key: bytes, value: str | None) -> dict[str, Any] | None:
    if not value or value.count(".") != 1:
        return None
    body, mac = value.split(".")
    good = _b64(hmac.new(key, b"session|" + body.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(mac, good):
        return None
    try:
        data = json.loads(_unb64(body))
    except (ValueError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


# -- sessions ------------------------------------------------------------------------------------
@dataclass
class StaffSession:
    name: str
    token_id: int
    sid: str
    expires: int = 0


def token_row(request: Request, secret: str) -> TokenRow | None:
    """The unrevoked token row of ``secret`` (through the store's own verification)."""
    store = request.app.state.runtime.store
    name = store.tokens.verify(secret.strip())
    if name is None:
        return None
    with store.db.read() as s:
        return s.scalar(select(TokenRow).where(TokenRow.name == name))  # type: ignore[no-any-return]


def _token_alive(request: Request, token_id: int) -> bool:
    store = request.app.state.runtime.store
    with store.db.read() as s:
        row = s.get(TokenRow, token_id)
        return row is not None and row.revoked_at is None


def new_session_cookie(request: Request, row: TokenRow) -> str:
    now = int(time.time())
    payload = {"n": row.name, "t": row.id, "s": secrets.token_urlsafe(12), "e": now + _settings(request).session_max_s, "i": now}
    return sign(secret_key(request), payload)


def _settings(request: Request) -> Any:
    return request.app.state.runtime.settings


def current_session(request: Request) -> StaffSession | None:
    cached = request.scope.get("taysir.session", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    data = unsign(secret_key(request), request.cookies.get(SESSION_COOKIE))
    sess = None
    now = int(time.time())
    if (data and isinstance(data.get("e"), int) and data["e"] > now and isinstance(data.get("t"), int)
            and isinstance(data.get("i"), int) and now - data["i"] <= _settings(request).session_idle_s):
        store = request.app.state.runtime.store
        if _token_alive(request, data["t"]) and not store.sessions.is_revoked(str(data.get("s"))):
            sess = StaffSession(name=str(data.get("n")), token_id=data["t"], sid=str(data.get("s")), expires=data["e"])
            if now - data["i"] >= min(SESSION_REFRESH_S, _settings(request).session_idle_s / 4):
                # renew the last-activity time: SecurityHeaders sends the new cookie with this answer
                request.scope["taysir.session_cookie"] = sign(secret_key(request), {**data, "i": now})
    request.scope["taysir.session"] = sess
    return sess


def end_session(request: Request) -> None:
    """Sign-out: the session id is refused from now on, in every process (a copied cookie too)."""
    sess = current_session(request)
    if sess is None:
        return
    try:
        request.app.state.runtime.store.sessions.revoke(sess.sid, sess.expires)
    except Exception as exc:  # noqa: BLE001 - a full disk: this process still refuses it (in memory)
        import logging

        logging.getLogger("service.web").warning("sign-out of session %s not recorded in the database: %s", sess.sid, exc)
    request.scope["taysir.session"] = None
    request.scope.pop("taysir.session_cookie", None)


def cookie_args(request: Request, max_age: int | None) -> dict[str, Any]:
    return {"httponly": True, "samesite": "strict", "secure": request.url.scheme == "https", "path": "/", "max_age": max_age}


# -- forms ---------------------------------------------------------------------------------------
async def read_form(request: Request, *, max_fields: int = 16) -> Any:
    """The page's form, with limits on fields and no file parts (the body size is capped before,
    by ``service/guard.py``). A malformed form, too many fields or a file part give 400."""
    from starlette.exceptions import HTTPException

    from ..errors import BadRequest

    try:
        return await request.form(max_files=0, max_fields=max_fields, max_part_size=int(request.app.state.runtime.settings.max_json_mb * 1024 * 1024))
    except HTTPException:
        raise BadRequest("The form could not be read (too many fields, or a file where none is expected).", code="bad_form",
                         hint="Reload the page and send the form again.") from None


# -- CSRF ----------------------------------------------------------------------------------------
def csrf_nonce(request: Request) -> str:
    """The visitor's CSRF nonce (from the cookie, or a new one the response must set)."""
    nonce = request.cookies.get(CSRF_COOKIE) or request.scope.get("taysir.new_csrf")
    if not nonce or len(nonce) < 16:
        nonce = secrets.token_urlsafe(24)
        request.scope["taysir.new_csrf"] = nonce
    return nonce


def csrf_token(request: Request) -> str:
    sess = current_session(request)
    msg = f"csrf|{csrf_nonce(request)}|{sess.sid if sess else ''}".encode()
    return _b64(hmac.new(secret_key(request), msg, hashlib.sha256).digest())


def csrf_ok(request: Request, submitted: str | None) -> bool:
    if not submitted or not request.cookies.get(CSRF_COOKIE):
        return False
    return hmac.compare_digest(submitted, csrf_token(request))


def safe_next(target: str | None, default: str) -> str:
    """A local path to go back to (no scheme, no host, no ``//``): no open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target or any(c in target for c in "\r\n"):
        return default
    return target
