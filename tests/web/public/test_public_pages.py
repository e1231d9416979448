"""The public pages and downloads, in-process on documents converted by the library and published by the service:
one page per document grouped by need (each file once, no staff artefact), the citizens' bundle (published files
only), the accessible page's CSP (its read-along script by hash, nothing else), and the publication rules."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import zipfile
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.downloads import SANDBOX_CSP
from service.publishing import STAFF_ONLY, is_public, published_files
from service.views import StoredArtifact
from service.web.i18n import Translator

from .conftest import Site

pytestmark = pytest.mark.slow  # the session's conversions take about a minute

STAFF_MARKERS = (".scaffold.", ".cuesheet.", ".teleprompter.", ".video.json", ".quality.", ".review.", ".draft.json", "translation-tasks")


class Links(HTMLParser):
    """Every link of ``<main>``: (href, text, attributes); and the section headings (h2 ids) in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, dict[str, str | None]]] = []
        self.sections: list[str] = []
        self._a: dict[str, str | None] | None = None
        self._text: list[str] = []
        self._main = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "main":
            self._main = True
        if self._main and tag == "a":
            self._a, self._text = a, []
        if self._main and tag == "section" and a.get("aria-labelledby"):
            self.sections.append(a["aria-labelledby"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._a is not None:
            self.links.append((self._a.get("href") or "", " ".join("".join(self._text).split()), self._a))
            self._a = None
        if tag == "main":
            self._main = False

    def handle_data(self, data: str) -> None:
        if self._a is not None:
            self._text.append(data)


def links_of(html: str) -> Links:
    p = Links()
    p.feed(html)
    return p


def _page(client: TestClient, lang: str, url: str) -> str:
    client.cookies.set("taysir_lang", lang)
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code)
    return r.text


def _citizen_names(site: Site, client: TestClient, name: str) -> set[str]:
    row = client.app.state.runtime.store.documents.get(site.docs[name])  # type: ignore[attr-defined]
    return {f.name for f in published_files(row) if not f.name.endswith(".json")}


@pytest.mark.parametrize("lang", ["ar", "fr"])
@pytest.mark.parametrize("name", ["budget", "roads", "decision"])
def test_one_page_grouped_by_need_each_file_once(site: Site, client: TestClient, name: str, lang: str) -> None:
    html = _page(client, lang, f"/catalogue/{site.docs[name]}")
    parsed = links_of(html)
    texts = [t for _h, t, _a in parsed.links]
    assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1]  # no two identical link texts
    files = [(h, t) for h, t, a in parsed.links if "file" in (a.get("class") or "")]
    hrefs = [h for h, _t in files]
    wanted = _citizen_names(site, client, name)
    assert sorted(h.rsplit("/", 1)[-1] for h in hrefs) == sorted(wanted)  # every citizen file, each once
    assert not any(m in html for m in STAFF_MARKERS)
    # groups in the order of needs; braille is never last; "download everything" closes the page
    order = [s for s in parsed.sections]
    expected = [g for g in ("listen", "braille", "watch", "read") if g in order] + ["all"]
    assert order == expected, order
    if "braille" in order:
        assert order.index("braille") < order.index("read")
    # each link says its format and its language, and the file's size is next to it
    t = Translator(lang)
    row = client.app.state.runtime.store.documents.get(site.docs[name])  # type: ignore[attr-defined]
    sizes = {f.name: f.size for f in published_files(row)}
    for h, text in files:
        assert " · " in text, text
        item = html[html.index(f'href="{h}"'):]
        item = item[:item.index("</li>")]
        assert t.size(sizes[h.rsplit("/", 1)[-1]]) in item, (h, item)


def test_what_each_document_offers(site: Site, client: TestClient) -> None:
    roads = _page(client, "fr", f"/catalogue/{site.docs['roads']}")
    for label in ("Audio MP3 · français", "Braille BRF · arabe", "Vidéo sous-titrée · arabe", "Sous-titres WebVTT · arabe",
                  "Page web accessible · arabe", "Texte brut · français"):
        assert roads.count(f">{label}</a>") == 1, label
    assert "Vidéo en langue des signes" not in roads  # no interpreter overlay yet: not offered as signed
    # players: audio and the citizens' video, each with its one caption track switched on
    assert len(re.findall(r"<audio ", roads)) == 2 and len(re.findall(r"<video ", roads)) == 2
    for m in re.finditer(r"<video [^>]*src=\"([^\"]+)\">(.*?)</video>", roads, re.S):
        assert not m.group(1).endswith(".scaffold.mp4")
        assert len(re.findall(r"<track kind=\"captions\"[^>]*default", m.group(2))) == 1
    budget = _page(client, "ar", f"/catalogue/{site.docs['budget']}")
    assert "<audio" not in budget and "<video" not in budget and 'id="braille"' in budget
    assert "نص مبسّط بالدارجة · الدارجة المغربية</a>" in budget
    decision = _page(client, "fr", f"/catalogue/{site.docs['decision']}")
    assert 'id="braille"' not in decision and 'id="watch"' not in decision and 'id="read"' in decision


def test_publication_leaves_out_staff_artefacts(site: Site, client: TestClient) -> None:
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    row = store.documents.get(site.docs["roads"])
    published = {f.name for f in published_files(row)}
    converted = {a.name for a in site.convs["roads"].artifacts}
    staff = {n for n in converted if any(m in n for m in (".scaffold.", ".cuesheet.", ".teleprompter.", ".video.json"))}
    assert len(staff) >= 6 and not staff & published  # they exist, and are not published
    assert {"roads.ar.mp4", "roads.fr.mp4", "roads.ar.vtt"} <= published
    budget = {f.name for f in published_files(store.documents.get(site.docs["budget"]))}
    assert "note-budget-2027.ary.txt" in budget and not any(m in n for n in budget for m in (".quality.", ".review.", ".draft."))


def test_a_scaffold_from_before_the_citizens_video_is_not_published() -> None:
    def art(name: str) -> StoredArtifact:
        return StoredArtifact(name=name, media_type="x/y", role="video", lang="ar", path=f"jobs/j/{name}", sha256="0" * 64)

    old = ["d.ar.mp4", "d.ar.video.json", "d.ar.cuesheet.html", "d.ar.teleprompter.vtt", "d.ar.vtt"]
    names = set(old)
    kept = [n for n in old if is_public(art(n), names, exclude_roles=[], exclude_patterns=[])]
    assert kept == ["d.ar.vtt"]  # the old scaffold (an .mp4 with its region file) is a staff artefact
    new = ["d.ar.mp4", "d.ar.scaffold.mp4", "d.ar.scaffold.video.json", "d.ar.signed.mp4"]
    assert [n for n in new if is_public(art(n), set(new), exclude_roles=[], exclude_patterns=[])] == ["d.ar.mp4", "d.ar.signed.mp4"]
    assert "*.scaffold.*" in STAFF_ONLY


def test_bundle_holds_the_published_files_only(site: Site, client: TestClient) -> None:
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    for name in ("budget", "roads", "decision"):
        doc_id = site.docs[name]
        page = _page(client, "fr", f"/catalogue/{doc_id}")
        r = client.get(f"/v1/catalogue/{doc_id}/bundle")
        assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
        assert "attachment" in r.headers["content-disposition"] and r.headers["etag"]
        assert f"Tout télécharger (ZIP, {Translator('fr').size(len(r.content))})" in page  # the size in the link is the real one
        row = store.documents.get(doc_id)
        published = {f.name: store.path(f.path).read_bytes() for f in published_files(row)}
        z = zipfile.ZipFile(io.BytesIO(r.content))
        folder = row.stem
        members = {i.filename.removeprefix(folder + "/"): z.read(i) for i in z.infolist()}
        assert all(i.filename.startswith(folder + "/") for i in z.infolist())
        index = members.pop("index.html").decode("utf-8")
        assert set(members) == {n for n in published if not n.endswith(".json")}  # published citizen files, nothing else
        for n, data in members.items():
            assert hashlib.sha256(data).digest() == hashlib.sha256(published[n]).digest(), n
        assert not any(m in n for n in members for m in STAFF_MARKERS)
        # the index: Arabic first, then French, a link to each file
        assert index.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in index
        assert index.index('id="files-ar"') < index.index('id="files-fr" lang="fr" dir="ltr"')
        hrefs = re.findall(r'<a href="([^"#]+)"', index)
        assert sorted(hrefs) == sorted(list(members) * 2)
        assert "ملفات هذه الوثيقة" in index and "Les fichiers de ce document" in index
        # streamed from disk like any download: ranges and revalidation work
        part = client.get(f"/v1/catalogue/{doc_id}/bundle", headers={"Range": "bytes=0-3"})
        assert part.status_code == 206 and part.content == b"PK\x03\x04"
        assert client.get(f"/v1/catalogue/{doc_id}/bundle", headers={"If-None-Match": r.headers["etag"]}).status_code == 304
    assert client.get(f"/v1/catalogue/{site.docs['unpublished']}/bundle").status_code == 404
    assert client.get("/v1/catalogue/nope/bundle").status_code == 404


def test_accessible_page_csp_allows_its_own_script_only(site: Site, client: TestClient) -> None:
    doc_id = site.docs["roads"]
    r = client.get(f"/v1/catalogue/{doc_id}/files/roads.fr.html")
    csp = r.headers["content-security-policy"]
    scripts = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    assert len(scripts) == 1 and "narration" in scripts[0]  # the read-along script, inline
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    directives = {d.split()[0]: d.split()[1:] for d in (x.strip() for x in csp.split(";")) if d}
    assert directives["script-src"] == [f"'sha256-{digest}'"]  # this script, by hash: nothing else can run
    assert directives["sandbox"] == ["allow-scripts"] and directives["default-src"] == ["'none'"]
    assert directives["media-src"] == ["'self'"] and directives["form-action"] == ["'none'"] and directives["base-uri"] == ["'none'"]
    assert "unsafe-inline" not in " ".join(directives["script-src"]) and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # the other files keep the strict sandbox (no script at all)
    for other in ("roads.fr.txt", "roads.fr.vtt", "roads.fr.mp3"):
        assert client.get(f"/v1/catalogue/{doc_id}/files/{other}", headers={"Range": "bytes=0-0"}).headers["content-security-policy"] == SANDBOX_CSP


def test_document_markup_is_escaped_in_the_accessible_page(tmp_path: Any) -> None:
    """Text of an uploaded document that looks like markup stays text in the page."""
    from transform import TransformOptions, convert

    src = tmp_path / "x.txt"
    src.write_text("Un avis du conseil.\n\nUn texte avec <script>alert(1)</script> et <img src=x onerror=alert(2)> dedans.\n",
                   encoding="utf-8")
    res = convert(src, TransformOptions(outputs=["html"]), tmp_path / "out")
    html = res.path(res.find("html", "fr")[0]).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html and "&lt;script&gt;alert(1)" in html, res.errors


def test_catalogue_json_search(site: Site, client: TestClient) -> None:
    r = client.get("/v1/catalogue", params={"q": "ميزانيّة"})
    ids = [d["id"] for d in r.json()["documents"]]
    assert site.docs["budget"] in ids and site.docs["decision"] not in ids
    assert client.get("/v1/catalogue", params={"q": "zzzz"}).json()["documents"] == []
    assert len(client.get("/v1/catalogue").json()["documents"]) == 3
