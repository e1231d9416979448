"""The review page's marked word (a word the reader is unsure of, model/doubts.py) in headless Chromium with axe-core:
the page of a draft whose source sentence carries a doubt on one word, in Arabic and in French, styles included; the
mark is there, read by a screen reader with its label, and axe finds no violation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, format_violations, run_axe

from .test_language import _get, site  # noqa: F401 - the states' site (a module fixture of its own here)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CSS = Path(__file__).resolve().parents[2] / "service" / "web" / "static" / "web.css"


def test_marked_word_passes_axe_in_both_languages(site: dict[str, Any]) -> None:  # noqa: F811
    c, d = site["c"], site["states"].docs
    css = CSS.read_text(encoding="utf-8")
    problems = {}
    with chromium() as b:
        for lang in ("ar", "fr"):
            html = _get(c, lang, f"/staff/documents/{d['draft']}").text
            html = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)  # static: the page's styles, not its scripts
            html = re.sub(r'<link[^>]+rel="stylesheet"[^>]*>', "", html).replace("</head>", f"<style>{css}</style></head>")
            page = b.new_page()
            page.route("**/*", lambda r: r.abort() if not r.request.url.startswith(("data:", "about:")) else r.continue_())
            page.set_content(html, wait_until="load")
            mark = page.locator("mark.unsure")
            assert mark.count() == 1
            label = mark.locator(".visually-hidden")
            assert label.get_attribute("lang") == lang and label.inner_text().strip()
            assert mark.evaluate("m => getComputedStyle(m).textDecorationLine") == "underline"  # not colour alone
            v = run_axe(page)
            if v:
                problems[lang] = v
            page.close()
    assert not problems, "\n".join(f"== {k}\n{format_violations(v)}" for k, v in problems.items())
