"""End-to-end in headless Chromium against a real ``taysir serve``: staff sign in, upload, progress,
review (edit a Darija segment), approval, publication; the public catalogue, the braille download and
the audio player; axe-core on every page in Arabic and French; keyboard order; screenshots."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, format_violations

from .live import Server, guard_network, run_axe, shot, tab_order, taysir_serve, watch_errors

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


def new_page(browser: Any, server: Server, *, lang: str = "fr", state: Any = None) -> Any:
    ctx = browser.new_context(locale={"fr": "fr-FR", "ar": "ar-MA"}[lang], viewport={"width": 1280, "height": 900},
                              accept_downloads=True, storage_state=state)
    ctx.add_cookies([{"name": "taysir_lang", "value": lang, "url": server.base}])
    guard_network(ctx, server)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    watch_errors(page, server)
    return page


@pytest.fixture(scope="module")
def published(browser: Any, server: Server) -> dict[str, Any]:
    """The staff journey, through the pages only; returns what the other tests need."""
    page = new_page(browser, server)
    page.goto(server.base + "/staff")
    assert page.url.startswith(server.base + "/staff/signin?next=")  # not signed in yet
    page.fill("#token", server.token)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(server.base + "/staff")
    signin_page = page.url

    # upload with the default outputs (darija, text, braille, audio, captions, html)
    page.set_input_files("#files", str(SAMPLE))
    assert page.is_checked("#out-darija") and page.is_checked("#out-braille") and page.is_checked("#out-audio")
    assert not page.is_checked("#out-video")
    page.get_by_role("button", name="Envoyer et convertir").click()
    page.wait_for_url(re.compile(r".*/staff/jobs/[0-9a-f]{32}$"))
    job_url = page.url
    # the progress script follows the job and announces the end (no reload)
    page.wait_for_selector("body[data-job-finished], #progress-area[data-running='false']", timeout=300_000)
    finished = page.get_attribute("body", "data-job-finished")
    if finished is None:  # the job ended before the page loaded: nothing to follow
        finished = page.get_attribute("#job-state .badge", "class").split("st-")[-1]
    else:
        assert "Tous les documents sont terminés" in page.inner_text("#live")
    assert finished in ("success", "partial_success"), page.inner_text("#results")
    assert page.locator("#results a[href*='.brf']").count() >= 1  # downloads appeared without a reload

    # review: edit the first Darija segment, save, approve, publish
    page.locator("#results a[href^='/staff/documents/']").first.click()
    page.wait_for_url(re.compile(r".*/staff/documents/[0-9a-f]{32}$"))
    review_url = page.url
    doc_id = review_url.rsplit("/", 1)[-1]
    title = page.inner_text("h1 bdi")
    first = page.locator("#seg-1")
    original = first.input_value()
    first.fill(original + EDIT)
    page.get_by_role("button", name="Enregistrer les modifications").click()
    page.wait_for_url(re.compile(r".*done=saved.*"))
    assert "1 segment enregistré" in page.inner_text("[role=status]")
    assert page.locator("#seg-1").input_value() == original + EDIT
    assert "modifié" in page.inner_text("#seg-h-1")
    if page.locator("#allow_untranslated").count():
        page.check("#allow_untranslated")
    page.get_by_role("button", name="Approuver le texte").click()
    page.wait_for_url(re.compile(r".*done=approved.*"))
    # publishing waits for the re-rendering of the approved text; the script says when it is ready
    page.wait_for_function("() => document.getElementById('publish-live') && document.getElementById('publish-live').textContent.length > 0",
                           timeout=300_000)
    page.get_by_role("button", name="Publier dans le catalogue public").click()
    page.wait_for_url(re.compile(r".*done=published.*"))
    assert "Publié" in page.inner_text("#review-state")
    state = page.context.storage_state()
    page.context.close()
    return {"doc_id": doc_id, "title": title, "job_url": job_url, "review_url": review_url, "signin_url": signin_page,
            "state": state, "original": original}


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
        staff = new_page(browser, server, lang=lang, state=published["state"])
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
        assert anon.evaluate("document.activeElement.id") == "error-summary"  # the summary takes the focus
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
        staff = new_page(browser, server, lang=lang, state=published["state"])
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
    page.goto(published["review_url"])
    # published: the text is locked, the page offers to withdraw it
    assert page.get_attribute("#seg-1", "readonly") is not None
    assert page.get_by_role("button", name="Retirer du catalogue").count() == 1
    assert "Le document est publié" in page.inner_text("main")
    page.goto(server.base + "/catalogue")
    page.fill("#q", "zzzz")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*q=zzzz.*"))
    assert "Aucun document ne contient ces mots" in page.inner_text("main")
    ctx.close()


def test_review_error_tied_to_segment(browser: Any, server: Server, published: dict[str, Any]) -> None:
    """A segment that loses a number is refused; the message is tied to its field; axe stays clean."""
    page = new_page(browser, server, lang="ar", state=published["state"])
    page.goto(published["review_url"])
    # published documents are locked: unpublish, break a number, check the error, publish back is not needed here
    page.locator("form[action$='/unpublish'] button").click()
    page.wait_for_url(re.compile(r".*done=unpublished.*"))
    seg = page.locator("#seg-1")
    seg.fill(re.sub(r"\d+", "", seg.input_value()))
    page.locator("form.segments-form button[type=submit]").click()
    page.wait_for_selector("#seg-1-error")
    assert page.get_attribute("#seg-1", "aria-invalid") == "true"
    assert "seg-1-error" in (page.get_attribute("#seg-1", "aria-describedby") or "")
    summary = page.inner_text("#error-summary")
    assert "الأرقام لا تطابق" in summary and "تعذر تنفيذ" not in summary  # the segment's problem, not a generic one
    v = run_axe(page)
    shot(page, "review-error-ar")
    assert not v, format_violations(v)
    page.context.close()
