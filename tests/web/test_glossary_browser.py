"""The glossary page in headless Chromium against a real ``taysir serve``: axe-core clean in Arabic and French
(also in its error state), a term added with the keyboard only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import chromium, format_violations

from .live import Server, guard_network, run_axe, taysir_serve, watch_errors

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with taysir_serve(tmp_path_factory.mktemp("glossary") / "data", workers=0) as s:
        yield s


def _signed_in(browser: Any, server: Server, lang: str) -> Any:
    ctx = browser.new_context(locale={"fr": "fr-FR", "ar": "ar-MA"}[lang], viewport={"width": 1280, "height": 900})
    ctx.add_cookies([{"name": "taysir_lang", "value": lang, "url": server.base}])
    guard_network(ctx, server)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    watch_errors(page, server)
    page.goto(server.base + "/staff/signin?next=/staff/glossary")
    page.fill("#token", server.token)
    page.locator("form.narrow button[type=submit]").click()
    page.wait_for_url(server.base + "/staff/glossary")
    return page


def test_glossary_page_axe_and_keyboard(server: Server) -> None:
    report: dict[str, list[dict[str, Any]]] = {}
    with chromium() as browser:
        for lang in ("ar", "fr"):
            page = _signed_in(browser, server, lang)
            assert page.get_attribute("html", "lang") == lang
            v = run_axe(page)
            if v:
                report[f"glossary/{lang}"] = v
            # the keyboard only: Darija wording with Latin letters is refused, the summary is announced
            page.focus("#gl-terms")
            page.keyboard.type("الوكالة الحضرية")
            page.keyboard.press("Tab")
            page.keyboard.type("agence")
            page.locator("#gl-explanation").press("Enter")
            page.wait_for_selector("#error-summary")
            v = run_axe(page)
            if v:
                report[f"glossary-error/{lang}"] = v
            page.fill("#gl-darija", "الإدارة ديال التعمير")
            page.fill("#gl-explanation", "الإدارة اللي كتراقب البني ف المدن")
            page.locator("#gl-explanation").press("Enter")
            page.wait_for_url("**/staff/glossary?done=saved*")
            assert "الإدارة اللي كتراقب البني ف المدن." in page.inner_text("table.glossary")
            page.context.close()
    assert not report, "\n".join(f"== {k}\n{format_violations(v)}" for k, v in report.items())
    assert not server.page_errors, server.page_errors
