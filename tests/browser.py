"""Headless Chromium for tests: open a page, inject axe-core, return its violations.

Reusable by every area that ships HTML (publications, web pages)::

    from tests.browser import axe_file, browser_or_skip, format_violations

    violations = axe_file(path)                      # launches, checks, closes
    assert not violations, format_violations(violations)

    with chromium() as b:                            # several pages, one browser
        page, external = open_page(b, path.as_uri())
        violations = run_axe(page)

Rules of the house (docs/dev/helpers.md, ARCHITECTURE.md "Browser tests"):
Debian's ``/usr/bin/chromium`` driven by the ``playwright`` wheel, never
``playwright install``; axe-core from ``tests/node/node_modules`` (npm); no network:
every request that is not ``file:``/``data:``/``blob:``/``about:`` is aborted and reported.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

NODE_DIR = Path(__file__).resolve().parent / "node"
AXE_JS = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("TAYSIR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def missing() -> str | None:
    """Why browser tests cannot run here, or None."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright wheel is not installed (pip install playwright; never `playwright install`)"
    if not AXE_JS.exists():
        return f"axe-core is not installed ({AXE_JS}); run npm install in tests/node (scripts/test.sh does)"
    return None


def require() -> None:
    """Fail (not skip) when the tools are missing: the suite promises these checks run."""
    why = missing()
    if why:
        pytest.fail(why)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (playwright ``Browser``)."""
    require()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def open_page(browser: Any, url: str, *, viewport: tuple[int, int] = (1024, 768)) -> tuple[Any, list[str]]:
    """Open ``url`` with the network cut off; returns (page, list of blocked external URLs)."""
    external: list[str] = []
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})

    def guard(route: Any) -> None:
        req_url = route.request.url
        if req_url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            external.append(req_url)
            route.abort()

    page.route("**/*", guard)
    page.goto(url, wait_until="load")
    return page, external


def run_axe(page: Any, *, options: dict[str, Any] | None = None, context: str | None = None) -> list[dict[str, Any]]:
    """Inject axe-core into the page and return the violations (axe's own dicts)."""
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    opts = {"resultTypes": ["violations"], **(options or {})}
    result = page.evaluate(
        "([ctx, opts]) => axe.run(ctx ? document.querySelector(ctx) : document, opts)",
        [context, opts],
    )
    return list(result["violations"])


def axe_file(path: Path, *, options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Launch Chromium, open one local file, run axe, close; returns the violations."""
    with chromium() as b:
        page, _ = open_page(b, Path(path).resolve().as_uri())
        return run_axe(page, options=options)


def format_violations(violations: list[dict[str, Any]]) -> str:
    """A readable assertion message: rule, impact, help and the first offending nodes."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v.get('help')}")
        for node in v.get("nodes", [])[:3]:
            lines.append(f"    {node.get('target')}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines) or "no violations"
