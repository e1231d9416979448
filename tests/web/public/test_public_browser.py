"""The public pages in Debian's Chromium against a real ``taysir serve`` holding the published documents:
no horizontal scroll at 1280 px and 320 px, axe-core 0 violations, touch targets of at least 44 px, the
read-along highlight following the narration as served (CSP), the citizens' bundle downloaded, one caption
layer on the video and captions legible at phone width (read back with tesseract)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, format_violations, require

from ..live import Server, new_page, run_axe, shot, taysir_serve
from .conftest import Site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# every control a finger has to hit: links, buttons, fields, players (the skip link is off screen until focused)
SMALL_TARGETS_JS = """() => {
  const out = [];
  document.querySelectorAll('a[href], button, input:not([type=hidden]), audio, video, summary').forEach((el) => {
    if (el.classList.contains('skip')) return;
    const r = el.getBoundingClientRect(), st = getComputedStyle(el);
    if (!r.width || st.visibility === 'hidden' || el.closest('.visually-hidden, [hidden]')) return;
    if (r.height < 43.5 || r.width < 43.5) out.push(el.tagName + ' ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' '
                                                     + (el.textContent || el.getAttribute('src') || '').trim().slice(0, 40));
  });
  return out;
}"""
# names wider than their box (a long file name that does not wrap)
CLIPPED_JS = """() => [...document.querySelectorAll('.fname, h1, h2, .file')].filter(e => e.scrollWidth > e.clientWidth + 1
  || e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.getBoundingClientRect().left < -1)
  .map(e => e.textContent.trim().slice(0, 50))"""


@pytest.fixture(scope="module")
def server(site: Site) -> Iterator[Server]:
    with taysir_serve(site.data_dir, workers=0) as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium; media may start without a click (muted playback in the read-along test)."""
    require()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, "--autoplay-policy=no-user-gesture-required"])
        try:
            yield b
        finally:
            b.close()


def _pages(site: Site) -> list[tuple[str, str]]:
    d = site.docs
    return [("catalogue", "/catalogue"), ("search", "/catalogue?q=budget"), ("search-none", "/catalogue?q=zzzz"),
            ("document-everything", f"/catalogue/{d['roads']}"), ("document-no-video", f"/catalogue/{d['budget']}"),
            ("document-no-braille-long-names", f"/catalogue/{d['decision']}"), ("not-found", "/catalogue/nope")]


def test_public_pages_reflow_pass_axe_and_have_big_targets(browser: Any, server: Server, site: Site) -> None:
    report: dict[str, Any] = {}
    for width in (1280, 320):
        for lang in ("ar", "fr"):
            page = new_page(browser, server, lang=lang, width=width)
            for name, path in _pages(site):
                resp = page.goto(server.base + path)
                assert resp is not None and resp.status in (200, 404), (name, resp and resp.status)
                assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
                key = f"{name}/{lang}/{width}"
                over = page.evaluate(OVERFLOW_JS)
                if over > 0:
                    report[f"{key} overflow"] = over
                clipped = page.evaluate(CLIPPED_JS)
                if clipped:
                    report[f"{key} clipped"] = clipped
                small = page.evaluate(SMALL_TARGETS_JS)
                if small:
                    report[f"{key} small targets"] = small
                v = run_axe(page)
                if v:
                    report[f"{key} axe"] = format_violations(v)
                if width == 320:
                    shot(page, f"public-{name}-{lang}-320")
            page.context.close()
    assert not report, report
    assert not server.blocked, server.blocked
    assert not server.page_errors, server.page_errors


def test_the_overflow_check_sees_a_page_that_does_not_reflow(browser: Any, server: Server, site: Site) -> None:
    """The measures above fail on a page that scrolls sideways or has small targets (a fixed-width table of names)."""
    page = new_page(browser, server, width=320, bypass_csp=True)
    page.goto(server.base + f"/catalogue/{site.docs['decision']}")
    page.add_style_tag(content=".fname { white-space: nowrap; overflow-wrap: normal; word-break: normal; } .files a.file { min-height: 0; }")
    assert page.evaluate(OVERFLOW_JS) > 0 and page.evaluate(CLIPPED_JS)
    assert page.evaluate(SMALL_TARGETS_JS)
    page.context.close()


def _readalong(page: Any, limit_ms: int = 40000) -> dict[str, Any]:
    """Play the narration muted (1.5 times as fast) and record which sentence is highlighted when. The page's script
    follows ``timeupdate`` (about 4 a second: up to 375 ms of narration at this speed), so the comparison leaves out
    the 450 ms at each end of a sentence."""
    return page.evaluate("""async (limit) => {
      const a = document.getElementById('narration');
      const cues = JSON.parse(document.getElementById('cues').textContent);
      a.muted = true; a.playbackRate = 1.5;
      await a.play();
      const seen = [], wrong = [];
      const t0 = performance.now();
      while (!a.ended && performance.now() - t0 < limit) {
        const act = document.querySelectorAll('.active');
        const id = act.length ? act[0].id : null;
        const t = a.currentTime * 1000;
        const due = cues.find(c => t >= c[1] + 450 && t < c[2] - 450);
        if (act.length > 1) wrong.push('two highlighted at ' + Math.round(t));
        if (due && id !== null && id !== due[0]) wrong.push(id + ' highlighted during ' + due[0] + ' at ' + Math.round(t));
        if (id && (!seen.length || seen[seen.length - 1] !== id)) seen.push(id);
        await new Promise(r => setTimeout(r, 40));
      }
      return {seen, wrong, order: cues.map(c => c[0]), ended: a.ended, played: a.currentTime * 1000,
              injected: window.__injected === true};
    }""", limit_ms)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_read_along_highlight_follows_the_audio_as_served(browser: Any, server: Server, site: Site, lang: str) -> None:
    url = f"{server.base}/v1/catalogue/{site.docs['roads']}/files/roads.{lang}.html"
    page = new_page(browser, server, lang=lang)
    resp = page.goto(url)
    assert resp is not None and "sandbox allow-scripts" in resp.headers["content-security-policy"]
    got = _readalong(page)
    assert got["ended"] and not got["wrong"], got
    assert len(got["seen"]) >= 3 and got["seen"] == [i for i in got["order"] if i in got["seen"]], got  # in reading order
    assert not [e for e in server.page_errors if "roads" in e], server.page_errors
    page.context.close()


def test_bundle_download_holds_the_page_files_only(browser: Any, server: Server, site: Site) -> None:
    for name in ("roads", "budget"):
        page = new_page(browser, server, lang="ar", width=320)
        page.goto(f"{server.base}/catalogue/{site.docs[name]}")
        hrefs = page.eval_on_selector_all("a.file", "els => els.map(e => e.getAttribute('href'))")
        with page.expect_download() as dl:
            page.locator("#all ~ p a.button, section[aria-labelledby=all] a.button").first.click()
        assert dl.value.suggested_filename.endswith(".zip")
        z = zipfile.ZipFile(io.BytesIO(open(dl.value.path(), "rb").read()))
        members = {n.split("/", 1)[1]: z.read(n) for n in z.namelist()}
        index = members.pop("index.html")
        assert set(members) == {h.rsplit("/", 1)[-1] for h in hrefs}  # what the page offers, nothing more
        for h in hrefs:  # byte for byte the published files
            body = page.request.get(server.base + h).body()
            assert hashlib.sha256(members[h.rsplit("/", 1)[-1]]).hexdigest() == hashlib.sha256(body).hexdigest(), h
        assert not any(m in n for n in members for m in (".scaffold.", ".cuesheet.", ".teleprompter.", ".quality.", ".review.", ".draft."))
        assert "ملفات هذه الوثيقة".encode() in index
        page.context.close()
