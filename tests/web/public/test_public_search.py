"""Citizens' search: titles, summaries, tags and the published text, in Arabic and French, folded the same way
on both sides; results with the original's type, the date and the languages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.catalogue_search import CatalogueSearch, normalise, query_words
from service.store import DocumentRow

from .conftest import Site

pytestmark = pytest.mark.slow  # uses the session's published documents


class Described:
    """A stored row with the staff's summary and tags (the columns the staff pages add: ``summary``, ``tags_json``)."""

    def __init__(self, row: Any, summary: str, tags: list[str]) -> None:
        self._row, self.summary, self.tags_json = row, summary, json.dumps(tags, ensure_ascii=False)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


@pytest.fixture(scope="module")
def described(site: Site, client: TestClient) -> Iterator[dict[str, Any]]:
    """The budget note described by staff: a French title, a summary and tags (INDH among them).

    Through the store when its columns exist (the staff pages' migration), else by wrapping the rows the
    catalogue reads; either way the search and the pages read the same attributes."""
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    doc_id = site.docs["budget"]
    summary = "Les recettes et les dépenses prévues par la Région pour 2027, avec le calendrier du vote."
    tags = ["budget", "ميزانية", "INDH"]
    title = "Note de présentation du budget 2027"
    original = store.documents.get(doc_id).title
    if hasattr(DocumentRow, "tags_json"):
        from sqlalchemy import update

        with store.db.write() as s:
            s.execute(update(DocumentRow).where(DocumentRow.id == doc_id).values(summary=summary, tags_json=json.dumps(tags), title=title))
        yield {"id": doc_id, "title": title}
        with store.db.write() as s:
            s.execute(update(DocumentRow).where(DocumentRow.id == doc_id).values(summary=None, tags_json="[]", title=original))
        return
    repo = store.documents
    published, get = repo.published, repo.get

    def wrap(row: Any) -> Any:
        return Described(row, summary, tags) if row is not None and row.id == doc_id else row

    repo.published = lambda: [wrap(r) for r in published()]
    repo.get = lambda i: wrap(get(i))
    original_title = store.documents.get(doc_id)._row.title
    Described.title = title  # type: ignore[attr-defined]
    try:
        yield {"id": doc_id, "title": title}
    finally:
        repo.published, repo.get = published, get
        del Described.title  # type: ignore[attr-defined]
        assert original_title == original


def test_normalise_folds_arabic_and_french() -> None:
    pairs = [("الأحكام", "الاحكام"), ("إحالته", "احالته"), ("الآتية", "الاتية"), ("والشؤون", "والشوون"), ("الفائض", "الفايض"),
             ("الميزانيّة", "الميزانية"), ("مَيزانِيَة", "ميزانية"), ("ميزانيـــة", "ميزانية"), ("ميزانية", "ميزانيه"),
             ("الأولى", "الاولي"), ("جمادى", "جمادي"), ("٢٠٢٧", "2027"), ("Région", "REGION"), ("Délibération", "deliberation"),
             ("œuvre", "OEUVRE"), ("l’État", "l'etat")]
    for a, b in pairs:
        assert a != b and normalise(a) == normalise(b), (a, b, normalise(a), normalise(b))
    assert normalise("Budget: 3 500 000 dirhams (2027).") == "budget 3 500 000 dirhams 2027"
    assert query_words("budget BUDGET Budgét") == ["budget"]
    assert normalise("ميزانية") != normalise("مزانية")  # a different word stays different


@pytest.mark.parametrize("q", ["budget", "ميزانية", "INDH", "الميزانيّة", "مشروع ميزانيـــة", "الاحكام", "Région 2027", "indh budget"])
def test_the_budget_note_is_found(client: TestClient, described: dict[str, Any], q: str) -> None:
    client.cookies.set("taysir_lang", "fr")
    r = client.get("/catalogue", params={"q": q})
    titles = re.findall(r'<h2><a href="/catalogue/([0-9a-f]{32})">', r.text)
    assert described["id"] in titles, (q, titles)
    if q in ("budget", "INDH", "ميزانية"):
        assert titles[0] == described["id"], (q, titles)  # the staff's title and tags rank it first


def test_words_of_the_text_find_the_document_with_the_sentence(site: Site, client: TestClient) -> None:
    client.cookies.set("taysir_lang", "ar")
    html = client.get("/catalogue", params={"q": "أزيلال قنطرة"}).text
    assert re.findall(r'<h2><a href="/catalogue/([0-9a-f]{32})">', html) == [site.docs["roads"]]
    excerpt = re.search(r'<q lang="ar" dir="rtl">([^<]+)</q>', html)
    assert excerpt and "قنطرة" in excerpt.group(1) and "أزيلال" in excerpt.group(1)
    assert "وثيقة واحدة فيها" in html
    # every word must be there: one missing word, no result
    none = client.get("/catalogue", params={"q": "أزيلال zzzz"}).text
    assert "/catalogue/" + site.docs["roads"] not in none and "لا توجد وثيقة فيها هذه الكلمات" in none


def test_results_show_type_date_and_languages(site: Site, client: TestClient, described: dict[str, Any]) -> None:
    client.cookies.set("taysir_lang", "fr")
    html = client.get("/catalogue", params={"q": "budget"}).text
    card = html[html.index(f'/catalogue/{described["id"]}'):]
    card = card[:card.index("</li>")]
    assert described["title"] in card and "Les recettes et les dépenses" in card
    assert "<dt>Document d’origine</dt><dd>document Word</dd>" in card
    assert re.search(r'<dt>Publié le</dt><dd><time datetime="\d{4}-\d\d-\d\dT[^"]+">\d{1,2} \w+ \d{4} à \d\d:\d\d</time>', card)
    assert "<dt>Langues</dt><dd>français, darija marocaine, arabe</dd>" in card
    assert "<dt>Versions</dt><dd>en braille, à lire</dd>" in card
    roads = html[html.index(f'/catalogue/{site.docs["roads"]}'):]
    assert "<dd>à écouter, en braille, en vidéo, à lire</dd>" in roads[:roads.index("</li>")]


def test_search_reads_the_published_text_once_per_publication(site: Site, client: TestClient) -> None:
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    reads: list[str] = []

    def path(rel: str) -> Any:
        reads.append(rel)
        return store.path(rel)

    search = CatalogueSearch(path)
    rows = store.documents.published()
    assert {h.doc.id for h in search.search(rows, "conseil")} >= {site.docs["roads"], site.docs["decision"]}
    first = len(reads)
    assert first >= 5  # the .txt files of the three documents
    search.search(rows, "routes")
    assert len(reads) == first  # cached
    assert [h.doc.id for h in search.search(rows, "")] == [r.id for r in rows]  # no words: everything, newest first
