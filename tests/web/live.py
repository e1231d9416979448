"""A real ``taysir serve`` process for the browser tests, and browser helpers for pages served over HTTP.

``tests/browser.py`` (shared) opens local files and injects axe with a ``<script>`` tag; the web pages
forbid inline scripts (CSP ``script-src 'self'``), so here axe is evaluated through the DevTools
protocol instead (not subject to the page's CSP), and only requests to the test server are allowed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.browser import AXE_JS

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "tests" / "artifacts" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    base: str
    token: str
    data_dir: Path
    proc: subprocess.Popen  # type: ignore[type-arg]
    log: Path
    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)  # script exceptions and CSP refusals seen in any page


@contextmanager
def taysir_serve(data_dir: Path, *, workers: int = 1, timeout: float = 90) -> Iterator[Server]:
    """Start ``taysir serve`` on a free local port with its own data directory; stop it afterwards."""
    port = free_port()
    log = data_dir.parent / "serve.log"
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TAYSIR_DATA_DIR": str(data_dir), "TAYSIR_JOB_TIMEOUT_S": "300", "PYTHONUNBUFFERED": "1"}
    script = Path(sys.executable).parent / "taysir"
    launcher = [str(script)] if script.exists() else [sys.executable, "-c", "import sys; from transform.cli import main; sys.exit(main())"]
    cmd = [*launcher, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
           "--print-token", "--log-level", "warning"]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"taysir serve exited ({proc.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"taysir serve did not answer within {timeout} s:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
        token = (data_dir / "admin-token.txt").read_text(encoding="ascii").strip()
        yield Server(base, token, data_dir, proc, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def guard_network(context: Any, server: Server) -> None:
    """Abort every request that does not go to the test server (and remember it)."""

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(server.base + "/") or url.startswith(("data:", "blob:", "about:")):
            r.continue_()
        else:
            server.blocked.append(url)
            r.abort()

    context.route("**/*", route)


def watch_errors(page: Any, server: Server) -> None:
    """Remember uncaught script errors and Content-Security-Policy refusals of ``page``."""
    page.on("pageerror", lambda exc: server.page_errors.append(f"{page.url}: {exc}"))
    page.on("console", lambda m: server.page_errors.append(f"{page.url}: {m.text}")
            if m.type == "error" and "Content Security Policy" in m.text else None)


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core in the page (WCAG 2.0/2.1/2.2 A and AA rules and best practices); its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    opts = {"resultTypes": ["violations"],
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}
    return list(page.evaluate("(opts) => axe.run(document, opts)", opts)["violations"])


FOCUSABLE_JS = """() => {
  const sel = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), textarea:not([disabled]),'
    + ' select:not([disabled]), summary, audio[controls], video[controls], [tabindex]:not([tabindex="-1"])';
  const out = [];
  document.querySelectorAll(sel).forEach((el, i) => {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    if (el.parentElement && el.parentElement.closest('audio, video')) return;  // fallback content is not rendered
    if (el.closest('[hidden]') || st.visibility === 'hidden' || st.display === 'none') return;
    if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return;
    const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.id || '').trim().slice(0, 30);
    const key = i + ':' + el.tagName.toLowerCase() + ':' + name;
    el.setAttribute('data-kb', key);
    out.push(key);
  });
  return out;
}"""

ACTIVE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (!el.hasAttribute('data-kb')) return 'x:' + el.tagName + '#' + el.id;
  return el.getAttribute('data-kb');
}"""


def tab_order(page: Any, limit: int = 400) -> tuple[list[str], list[str]]:
    """(controls in document order, controls reached by pressing Tab from the top, each once)."""
    expected = page.evaluate(FOCUSABLE_JS)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    reached: list[str] = []
    for _ in range(min(limit, 3 * len(expected) + 10)):
        page.keyboard.press("Tab")
        got = page.evaluate(ACTIVE_JS)
        if got is None:
            break  # wrapped around to the browser chrome
        if reached and got == reached[-1]:
            continue  # inner controls of an <audio>/<video> element
        if got in reached:
            break
        reached.append(got)
    return expected, reached


def shot(page: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def new_page(browser: Any, server: Server, *, lang: str = "fr", width: int = 1280, **context: Any) -> Any:
    """A page in a fresh browser context: the interface language set, requests kept to the server, errors watched."""
    ctx = browser.new_context(locale={"fr": "fr-FR", "ar": "ar-MA"}[lang], viewport={"width": width, "height": 900},
                              accept_downloads=True, **context)
    ctx.add_cookies([{"name": "taysir_lang", "value": lang, "url": server.base}])
    guard_network(ctx, server)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    watch_errors(page, server)
    return page
