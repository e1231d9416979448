"""End-to-end in headless Chromium against a real ``taysir serve``: staff sign in, upload, progress,
review (edit a Darija segment), approval, publication; the public catalogue, the braille download and
the audio player; axe-core on every page in Arabic and French; keyboard order; screenshots."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, format_violations

from .live import Server, guard_network, new_page, run_axe, shot, tab_order, taysir_serve, watch_errors

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "deliberation-conseil.docx"
EDIT = " (راجعها موظف)"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with taysir_serve(tmp_path_factory.mktemp("web") / "data", workers=1) as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


TIMINGS = ROOT / "tests" / "artifacts" / "web-task-times.json"
SAMPLE_TITLE = "Délibération du conseil n° 27/2026"


@pytest.fixture(scope="module")
def published(browser: Any, server: Server) -> dict[str, Any]:
    """The staff journey, through the pages only, timed as a person would live it; returns what the other tests need."""
    page = new_page(browser, server)
    page.goto(server.base + "/staff")
    assert page.url.startswith(server.base + "/staff/signin?next=")  # not signed in yet
    page.fill("#token", server.token)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(server.base + "/staff")
    signin_page = page.url

    # upload with the default outputs (darija, text, braille, audio, captions, html), a title and tags
    page.set_input_files("#files", str(SAMPLE))
    assert page.is_checked("#out-darija") and page.is_checked("#out-braille") and page.is_checked("#out-audio")
    assert not page.is_checked("#out-video") and not page.is_checked("#out-bundle")
    page.fill("#title", SAMPLE_TITLE)
    page.fill("#tags", "délibération, مداولة, budget")
    t_upload = time.monotonic()
    page.get_by_role("button", name="Envoyer et convertir").click()
    page.wait_for_url(re.compile(r".*/staff/jobs/[0-9a-f]{32}$"))
    job_url = page.url
    # the job follows its documents: running while they convert, never "waiting" then
    seen_states, alive_seen = set(), False
    for _ in range(600):
        seen_states.add(page.inner_text("#job-state"))
        alive_seen = alive_seen or "depuis" in page.inner_text("[data-field='alive']")
        if page.get_attribute("body", "data-job-finished") or page.get_attribute("#progress-area", "data-running") == "false":
            break
        doing = page.inner_text("[data-field='doing']")
        if "Étape" in doing:
            assert "render." not in doing and "sur" in doing
        page.wait_for_timeout(500)
    finished = page.get_attribute("body", "data-job-finished")
    if finished is None:  # the job ended before the page loaded: nothing to follow
        finished = page.get_attribute("#job-state .badge", "class").split("st-")[-1]
    else:
        assert "Tous les documents sont terminés" in page.inner_text("#live")
    assert finished in ("success", "partial_success"), page.inner_text("#results")
    assert "En attente" not in seen_states or "En cours" in seen_states
    if "En cours" in seen_states:  # a sign of life while a stage runs: "étape en cours depuis 12 s"
        assert alive_seen
    assert page.locator("#results a[href*='.brf']").count() >= 1  # downloads appeared without a reload

    # review: the work list opens on what needs a person
    page.get_by_role("link", name=re.compile("Relire le texte en darija")).first.click()
    page.wait_for_url(re.compile(r".*/staff/documents/[0-9a-f]{32}$"))
    page.locator("li.segment").first.wait_for(state="visible")
    t_first_flag = time.monotonic() - t_upload
    review_url = page.url
    doc_id = review_url.rsplit("/", 1)[-1]
    title = page.inner_text("h1 bdi")
    assert title == SAMPLE_TITLE
    assert "ont besoin de vous" in page.inner_text("#worklist")

    # one segment saved on its own: no reload, the focus stays, the other segments are untouched
    first = page.locator("li.segment").first
    seg_id = first.get_attribute("id").removeprefix("seg-")
    source = first.locator(".source-text").inner_text()
    others = page.locator("li.segment textarea").nth(1).input_value()
    page.evaluate("() => { window.__sameDocument = true; }")
    area = first.locator("textarea")
    numbers = re.findall(r"\d+(?:[./,]\d+)*", source)
    area.fill(" ".join(["مداولة ديال المجلس", *numbers, EDIT.strip()]))
    first.get_by_role("button", name=re.compile("Enregistrer la phrase")).click()
    page.wait_for_function("(id) => (document.getElementById('note-' + id) || {}).textContent === 'Phrase enregistrée.'", arg=seg_id)
    assert page.evaluate("() => window.__sameDocument === true")  # the page was not reloaded
    assert page.evaluate("(id) => document.getElementById('seg-' + id).contains(document.activeElement)", seg_id)
    assert page.locator("li.segment textarea").nth(1).input_value() == others
    page.goto(review_url + "?show=all")
    assert EDIT.strip() in page.locator(f"[id='text-{seg_id}']").input_value()
    assert "modifiée" in page.inner_text(f"[id='h-{seg_id}']")

    # approval: the untranslated segments are kept in the source language ("approve anyway")
    if page.locator("#allow_untranslated").count():
        page.check("#allow_untranslated")
    t_approve = time.monotonic()
    page.get_by_role("button", name="Approuver le texte").click()
    page.wait_for_url(re.compile(r".*done=approved.*"))
    # publishing waits for the formats of the approved text: the button is disabled with its reason until then
    button = page.locator("#publish-button")
    # (the text was edited, so the formats are made again: the page opens while they are)
    assert page.get_attribute("#publish-area", "data-pending") == "true"
    assert button.is_disabled() and page.locator("#publish-reason").is_visible()
    assert button.get_attribute("aria-describedby") == "publish-reason"
    page.wait_for_function("() => !document.getElementById('publish-button').disabled || document.querySelector('#publish-reason.error')",
                           timeout=300_000)
    failed = page.locator("#publish-reason.error")
    assert not failed.count(), "the formats of the approved text could not be made: " + failed.inner_text()  # the page says so; the test too
    button.click()
    page.wait_for_url(re.compile(r".*done=published.*"))
    t_publish = time.monotonic() - t_approve
    assert "Publié" in page.inner_text("#review-state")
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    TIMINGS.write_text(json.dumps({"upload_to_first_flagged_segment_s": round(t_first_flag, 1), "approval_to_published_s": round(t_publish, 1),
                                   "sample": SAMPLE.name, "outputs": "darija, text, braille, audio, captions, html"}, indent=1))
    print(f"task times: upload -> first flagged segment {t_first_flag:.1f} s, approval -> published {t_publish:.1f} s")
    state = page.context.storage_state()
    page.context.close()
    return {"doc_id": doc_id, "title": title, "job_url": job_url, "review_url": review_url, "signin_url": signin_page,
            "state": state, "original": source, "seen_states": seen_states}


def test_public_catalogue_braille_and_audio(browser: Any, server: Server, published: dict[str, Any]) -> None:
    page = new_page(browser, server, lang="fr")  # a visitor: no session
    page.goto(server.base + "/catalogue")
    word = published["title"].split()[0]
    page.fill("#q", word)
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r".*/catalogue\?q=.*"))
    page.get_by_role("link", name=published["title"]).click()
    page.wait_for_url(server.base + f"/catalogue/{published['doc_id']}")
    assert page.inner_text("h1") == published["title"]
    text = page.inner_text("main")
    for label in ("Texte simplifié en darija", "Braille BRF", "Braille PEF", "Audio MP3", "Sous-titres WebVTT", "Page web accessible"):
        assert label in text, label
    assert "Fichier braille prêt à imprimer" in text  # what each format is for

    # the reviewed text is the one published
    darija_url = page.locator("a[href$='.ary.txt']").first.get_attribute("href")
    assert EDIT.strip() in page.request.get(server.base + darija_url).text()

    # download the Darija braille (BRF: ASCII braille, 40 cells, form feeds between pages)
    with page.expect_download() as dl:
        page.locator("a[href$='.ary.brf']").click()
    path = dl.value.path()
    data = Path(path).read_bytes()
    assert dl.value.suggested_filename.endswith(".ary.brf")
    lines = data.replace(b"\x0c", b"\n").decode("ascii").splitlines()
    assert len(lines) > 10 and max(len(x) for x in lines) <= 40
    assert all(0x20 <= b <= 0x5F or b in b"\r\n\x0c" for b in data)

    # play the audio in the page, with its captions track
    audio = page.locator("audio").first
    assert audio.locator("track[kind=captions]").count() == 1
    result = page.evaluate("""async () => {
        const a = document.querySelector('audio');
        a.muted = true;
        await a.play();
        await new Promise(r => setTimeout(r, 600));
        const tr = a.textTracks[0];
        tr.mode = 'hidden';
        for (let i = 0; i < 50 && (!tr.cues || tr.cues.length === 0); i++) await new Promise(r => setTimeout(r, 100));
        return {ready: a.readyState, duration: a.duration, time: a.currentTime, paused: a.paused, cues: tr.cues ? tr.cues.length : 0,
                err: a.error ? a.error.code : null};
    }""")
    assert result["err"] is None and result["ready"] >= 2 and result["duration"] > 5, result
    assert result["time"] > 0 and not result["paused"], result
    assert result["cues"] > 3, result
    assert not server.blocked


def _pages(server: Server, published: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(name, path, needs the staff session)."""
    return [
        ("catalogue", "/catalogue", False),
        ("catalogue-search", "/catalogue?q=" + published["title"].split()[0], False),
        ("catalogue-empty-search", "/catalogue?q=zzzz", False),
        ("document", f"/catalogue/{published['doc_id']}", False),
        ("not-found", "/catalogue/nope", False),
        ("signin", "/staff/signin", False),
        ("staff-upload", "/staff", True),
        ("history", "/staff/jobs", True),
        ("job", published["job_url"].replace(server.base, ""), True),
        ("review", published["review_url"].replace(server.base, ""), True),
    ]


def test_axe_every_page_both_languages(browser: Any, server: Server, published: dict[str, Any]) -> None:
    report: dict[str, list[dict[str, Any]]] = {}
    counts: dict[str, int] = {}
    for lang in ("ar", "fr"):
        anon = new_page(browser, server, lang=lang)
        staff = new_page(browser, server, lang=lang, storage_state=published["state"])
        for name, path, signed in _pages(server, published):
            page = staff if signed else anon
            resp = page.goto(server.base + path)
            assert resp is not None and resp.status in (200, 404), (name, resp and resp.status)
            assert page.get_attribute("html", "lang") == lang and page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
            v = run_axe(page)
            counts[f"{name}/{lang}"] = len(v)
            if v:
                report[f"{name}/{lang}"] = v
            shot(page, f"{name}-{lang}")
        # pages in their error state: sign-in with a wrong token, upload with nothing chosen, review with a broken number
        anon.goto(server.base + "/staff/signin")
        anon.fill("#token", "tsr_wrong")
        anon.locator("form.narrow button[type=submit]").click()
        anon.wait_for_selector("#token-error")
        # the summary takes the focus when the page's deferred script runs (DOMContentLoaded), which may come after the
        # error text is in the page: wait for it (10 s at most: a page that never moves the focus still fails here)
        # (a CSS selector, not a script: a polled script string is an eval the page's CSP refuses when not true at once)
        anon.wait_for_selector("#error-summary:focus", timeout=10_000)
        assert anon.evaluate("document.activeElement.id") == "error-summary"
        staff.goto(server.base + "/staff")
        for box in staff.locator("fieldset input[type=checkbox]").all():
            box.uncheck()
        staff.locator("form[enctype] button[type=submit]").click()
        staff.wait_for_selector("#outputs-error")
        for name, page in (("signin-error", anon), ("upload-error", staff)):
            v = run_axe(page)
            counts[f"{name}/{lang}"] = len(v)
            if v:
                report[f"{name}/{lang}"] = v
            shot(page, f"{name}-{lang}")
        anon.context.close()
        staff.context.close()
    print("axe violations per page:", counts)
    assert not report, "\n".join(f"== {k}\n{format_violations(v)}" for k, v in report.items())
    assert not server.blocked, server.blocked
    assert not server.page_errors, server.page_errors  # no script error, nothing refused by the CSP


def test_keyboard_reaches_every_control_in_order(browser: Any, server: Server, published: dict[str, Any]) -> None:
    problems = {}
    for lang in ("ar", "fr"):
        anon = new_page(browser, server, lang=lang)
        staff = new_page(browser, server, lang=lang, storage_state=published["state"])
        for name, path, signed in _pages(server, published):
            page = staff if signed else anon
            page.goto(server.base + path)
            expected, reached = tab_order(page)
            if expected != reached:
                missed = [e for e in expected if e not in reached]
                extra = [r for r in reached if r not in expected]
                problems[f"{name}/{lang}"] = {"not reached": missed, "unexpected": extra,
                                              "order": [(e, r) for e, r in zip(expected, reached, strict=False) if e != r][:3]}
            # the first Tab is the skip link, and it moves the focus to the main content
            page.goto(server.base + path)
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.className") == "skip", name
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.id") == "main", name
        anon.context.close()
        staff.context.close()
    assert not problems, problems


def test_sign_in_with_the_keyboard_only(browser: Any, server: Server) -> None:
    page = new_page(browser, server, lang="ar")
    page.goto(server.base + "/staff/signin")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Enter")  # -> main
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "token":
            break
    assert page.evaluate("document.activeElement.id") == "token"
    page.keyboard.type(server.token)
    page.keyboard.press("Enter")
    page.wait_for_url(server.base + "/staff")
    assert page.get_attribute("html", "dir") == "rtl" and "تحويل وثائق" in page.inner_text("h1")
    page.context.close()


def test_pages_work_without_javascript(browser: Any, server: Server, published: dict[str, Any]) -> None:
    ctx = browser.new_context(java_script_enabled=False, locale="fr-FR", viewport={"width": 1280, "height": 900})
    ctx.add_cookies([{"name": "taysir_lang", "value": "fr", "url": server.base}])
    guard_network(ctx, server)
    page = ctx.new_page()
    page.goto(server.base + "/staff")
    page.fill("#token", server.token)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(server.base + "/staff")
    page.goto(published["job_url"])
    assert page.locator("#results a[href$='.ary.brf']").count() == 1
    page.goto(published["review_url"] + "?show=all")
    # published: the text is locked, the page offers to withdraw it
    assert page.locator("li.segment textarea").first.get_attribute("readonly") is not None
    assert page.get_by_role("button", name="Retirer du catalogue").count() == 1
    assert "Le document est publié" in page.inner_text("main")
    page.goto(server.base + "/catalogue")
    page.fill("#q", "zzzz")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*q=zzzz.*"))
    assert "Aucun document ne contient ces mots" in page.inner_text("main")
    ctx.close()


def test_review_error_tied_to_segment(browser: Any, server: Server, published: dict[str, Any]) -> None:
    """A segment that loses a number is refused in place; the message is tied to its field; axe stays clean.
    Then the same without the script: the page comes back at the segment with the error summary."""
    page = new_page(browser, server, lang="ar", storage_state=published["state"])
    page.goto(published["review_url"])
    # published documents are locked: unpublish first
    page.locator("form[action$='/unpublish'] button").click()
    page.wait_for_url(re.compile(r".*done=unpublished.*"))
    page.goto(published["review_url"] + "?show=all")
    seg = page.locator("li.segment", has=page.locator("textarea:not([placeholder])")).filter(has_text=re.compile(r"\d")).first
    sid = seg.get_attribute("id").removeprefix("seg-")
    area = seg.locator("textarea")
    area.fill(re.sub(r"\d+", "", area.input_value()))
    seg.locator("button[type=submit]").click()
    page.wait_for_selector(f"[id='err-{sid}']")
    assert area.get_attribute("aria-invalid") == "true"
    assert f"err-{sid}" in (area.get_attribute("aria-describedby") or "")
    assert "الأرقام لا تطابق" in page.inner_text(f"[id='err-{sid}']")
    assert page.evaluate("(id) => document.getElementById('seg-' + id).contains(document.activeElement)", sid)
    v = run_axe(page)
    shot(page, "review-error-ar")
    assert not v, format_violations(v)
    page.context.close()


OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
SMALL_TARGETS_JS = """() => {
  const sel = 'button, .button, input[type=submit], input[type=text], input[type=search], input[type=password], input[type=file], textarea,'
    + ' .menu a, summary, .files a, .inline-list a, .page-link, .job-head a, .pager a';
  const out = [];
  document.querySelectorAll(sel).forEach((el) => {
    const r = el.getBoundingClientRect(), st = getComputedStyle(el);
    if (!r.width || st.visibility === 'hidden' || el.closest('.visually-hidden, [hidden]')) return;
    if (r.height < 43.5 || r.width < 43.5) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)
                                                  + ' ' + (el.textContent || '').trim().slice(0, 30));
  });
  return out;
}"""


def _staff_pages(published: dict[str, Any], server: Server) -> list[tuple[str, str]]:
    review = published["review_url"].replace(server.base, "")
    return [("signin", "/staff/signin"), ("upload", "/staff"), ("history", "/staff/jobs"), ("history-search", "/staff/jobs?q=budget"),
            ("job", published["job_url"].replace(server.base, "")), ("review", review), ("review-all", review + "?show=all")]


def test_staff_pages_reflow_at_320_and_1280_with_big_targets(browser: Any, server: Server, published: dict[str, Any]) -> None:
    """No horizontal scroll at 320 px or 1280 px, axe 0 violations at both widths, touch targets of at least 44 px."""
    problems: dict[str, Any] = {}
    for width in (1280, 320):
        for lang in ("ar", "fr"):
            ctx = browser.new_context(locale={"fr": "fr-FR", "ar": "ar-MA"}[lang], viewport={"width": width, "height": 800},
                                      storage_state=published["state"])
            ctx.add_cookies([{"name": "taysir_lang", "value": lang, "url": server.base}])
            guard_network(ctx, server)
            page = ctx.new_page()
            watch_errors(page, server)
            for name, path in _staff_pages(published, server):
                if name == "signin":
                    ctx.clear_cookies()
                    ctx.add_cookies([{"name": "taysir_lang", "value": lang, "url": server.base}])
                page.goto(server.base + path)
                key = f"{name}/{lang}/{width}"
                over = page.evaluate(OVERFLOW_JS)
                if over > 0:
                    problems[key + " overflow px"] = over
                v = run_axe(page)
                if v:
                    problems[key + " axe"] = format_violations(v)
                small = page.evaluate(SMALL_TARGETS_JS)
                if small:
                    problems[key + " small targets"] = small[:5]
                if width == 320:
                    shot(page, f"staff-{name}-{lang}-320")
                if name == "signin":
                    page.fill("#token", server.token)
                    page.locator("form.narrow button[type=submit]").click()
                    page.wait_for_url(re.compile(r".*/staff$"))
            ctx.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
    assert not server.page_errors, server.page_errors


@pytest.fixture(scope="module")
def draft(server: Server, published: dict[str, Any]) -> str:
    """A second conversion of the sample, sent through the API and left as a draft: its review page
    still has sentences that need a person (the published one has none left)."""
    import httpx

    auth = {"Authorization": f"Bearer {server.token}"}
    with httpx.Client(base_url=server.base, timeout=120) as c:
        r = c.post("/v1/jobs", headers=auth, data={"options": json.dumps({"outputs": ["darija", "text"]})},
                   files=[("files", (SAMPLE.name, SAMPLE.read_bytes(), "application/octet-stream"))])
        assert r.status_code == 202, r.text
        job = r.json()["job_id"]
        body: dict[str, Any] = {}
        for _ in range(20):
            body = c.get(f"/v1/jobs/{job}", params={"wait": 30}, headers=auth).json()
            if body["status"] not in ("queued", "running"):
                break
        assert body["status"] in ("success", "partial_success"), body
        return f"{server.base}/staff/documents/{body['documents'][0]['id']}"


def test_summary_links_reach_each_flagged_segment(browser: Any, server: Server, published: dict[str, Any], draft: str) -> None:
    for width in (1280, 320):
        page = new_page(browser, server, lang="fr", storage_state=published["state"])
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(draft)
        links = page.locator("#worklist .needs a")
        n = links.count()
        assert n > 0
        for i in range(n):
            link = links.nth(i)
            target = link.get_attribute("href").lstrip("#")
            link.click()
            page.wait_for_function("(t) => location.hash === '#' + t", arg=target)
            where = page.evaluate("""(t) => { const el = document.getElementById(t); const r = el.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, h: innerHeight, focus: el === document.activeElement || el.contains(document.activeElement)}; }""",
                                  target)
            assert where["top"] >= -1 and where["top"] < where["h"], (target, where)  # on screen
            assert where["focus"], (target, where)  # and the keyboard continues from there
            page.evaluate("() => window.scrollTo(0, 0)")
        page.context.close()
