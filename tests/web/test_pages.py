"""Fast in-process checks of the web pages: language negotiation, sessions, CSRF, security headers."""

from __future__ import annotations

import io

import pytest

from service.web import i18n
from service.web.security import CSP, safe_next, sign, unsign

from .conftest import Web, csrf_of


@pytest.mark.parametrize(("cookie", "accept", "want"), [
    (None, None, "ar"),
    (None, "fr-FR,fr;q=0.9,en;q=0.8", "fr"),
    (None, "en-US,en;q=0.9", "ar"),
    (None, "en;q=1, ar;q=0.3, fr;q=0.7", "fr"),
    (None, "fr;q=0, ar-MA", "ar"),
    ("fr", "ar", "fr"),
    ("xx", "fr", "fr"),
])
def test_negotiate(cookie: str | None, accept: str | None, want: str) -> None:
    assert i18n.negotiate(cookie, accept) == want


def test_every_message_is_translated_in_both_catalogues() -> None:
    """Every message of the code and templates has an Arabic and a French translation (not fuzzy)."""
    assert {lang: i18n.missing(lang) for lang in i18n.LANGS} == {"ar": [], "fr": []}


def test_arabic_has_six_plural_forms() -> None:
    t = i18n.Translator("ar")
    one, many = "%(num)s tâche trouvée.", "%(num)s tâches trouvées."
    forms = [t.ngettext(one, many, n) for n in (0, 1, 2, 3, 11, 100)]
    assert forms == ["لم توجد أي مهمة.", "وُجدت مهمة واحدة.", "وُجدت مهمتان.", "وُجدت 3 مهام.", "وُجدت 11 مهمة.", "وُجدت 100 مهمة."]
    assert t.ngettext(one, many, 103) == "وُجدت 103 مهام."  # 103 is "few" like 3
    fr = i18n.Translator("fr")
    assert [fr.ngettext(one, many, n) for n in (0, 1, 2)] == ["0 tâche trouvée.", "1 tâche trouvée.", "2 tâches trouvées."]


def test_formats_and_outputs_have_words() -> None:
    from service.web import words
    from service.web.data import KIND_ORDER, OUTPUT_CHOICES, TECHNICAL

    assert not [k for k in (*KIND_ORDER, *TECHNICAL) if k not in words.FORMATS]
    assert not [o for o in OUTPUT_CHOICES if o not in words.OUTPUTS]


def test_dates_and_numbers_follow_the_locale() -> None:
    ts = 1796417100.0  # 2026-12-04 20:45 UTC
    assert i18n.Translator("fr").when(ts) == "4 décembre 2026 à 21:45"  # Africa/Casablanca, UTC+1
    assert i18n.Translator("ar").when(ts) == "4 دجنبر 2026، 21:45"
    assert i18n.Translator("fr").size(1536) == "1,5\u00a0Ko" and i18n.Translator("ar").size(1536) == "1,5\u00a0ك.ب"  # ar_MA: decimal comma
    assert i18n.Translator("fr").number(12345) == "12\u202f345" or i18n.Translator("fr").number(12345) == "12\u00a0345"


def test_page_language_and_direction(web: Web) -> None:
    r = web.c.get("/catalogue")
    assert r.status_code == 200
    assert '<html lang="ar" dir="rtl">' in r.text
    assert "الوثائق المنشورة" in r.text
    r = web.c.get("/catalogue", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert '<html lang="fr" dir="ltr">' in r.text and "Documents publiés" in r.text
    # the visitor's choice beats the browser: a cookie set by the switch link
    r = web.c.get("/lang/fr", params={"next": "/staff/signin"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/staff/signin"
    assert "taysir_lang=fr" in r.headers["set-cookie"]
    r = web.c.get("/staff/signin", headers={"Accept-Language": "ar"})
    assert '<html lang="fr" dir="ltr">' in r.text and "Jeton d’accès" in r.text
    # the switch link on a French page points to Arabic, in Arabic, and back to the same page
    assert 'href="/lang/ar?next=/staff/signin" lang="ar" dir="rtl" hreflang="ar">العربية</a>' in r.text


def test_language_switch_refuses_open_redirect(web: Web) -> None:
    for bad in ("https://evil.example/", "//evil.example", "/\\evil", "javascript:alert(1)"):
        r = web.c.get("/lang/fr", params={"next": bad}, follow_redirects=False)
        assert r.headers["location"] == "/catalogue", bad
    assert safe_next("/staff/jobs?page=2", "/") == "/staff/jobs?page=2"


def test_security_headers_on_pages_and_a_strict_set_on_the_api(web: Web) -> None:
    r = web.c.get("/catalogue")
    h = r.headers
    assert h["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "frame-ancestors 'none'" in CSP
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "same-origin"
    assert h["x-frame-options"] == "DENY"
    assert "camera=()" in h["permissions-policy"]
    assert web.c.get("/static/web/web.css").headers["content-security-policy"] == CSP
    # API answers: no scripts at all, never framed; the interactive docs keep FastAPI's defaults
    api = web.c.get("/health").headers
    assert api["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'" and api["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in web.c.get("/docs").headers


def test_no_inline_script_or_style(web: Web) -> None:
    web.sign_in()
    for url in ("/catalogue", "/staff", "/staff/jobs", "/staff/signin"):
        html = web.c.get(url).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html and " onclick=" not in html, url


def test_staff_pages_redirect_to_sign_in(web: Web) -> None:
    for url in ("/staff", "/staff/jobs", "/staff/jobs/abc", "/staff/documents/abc"):
        r = web.c.get(url, follow_redirects=False)
        assert r.status_code == 303, url
        assert r.headers["location"].startswith("/staff/signin?next=%2Fstaff"), url
    assert web.c.get("/staff/jobs/abc/status.json").status_code == 401


def test_sign_in_sets_a_strict_httponly_signed_cookie(web: Web) -> None:
    page = web.c.get("/staff/signin")
    csrf = csrf_of(page.text)
    bad = web.c.post("/staff/signin", data={"token": "tsr_wrong", "csrf": csrf})
    assert bad.status_code == 401
    assert 'aria-invalid="true"' in bad.text and 'aria-describedby="token-hint token-error"' in bad.text
    assert 'id="token-error"' in bad.text and 'role="alert"' in bad.text
    r = web.c.post("/staff/signin", data={"token": web.token, "csrf": csrf, "next": "/staff/jobs"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/staff/jobs"
    cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("taysir_session="))
    low = cookie.lower()
    assert "httponly" in low and "samesite=strict" in low and "path=/" in low
    assert web.token not in cookie  # the secret never travels in the session cookie
    assert web.c.get("/staff", follow_redirects=False).status_code == 200
    # a tampered cookie is not a session
    value = web.c.cookies.get("taysir_session")
    web.c.cookies.set("taysir_session", value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert web.c.get("/staff", follow_redirects=False).status_code == 303


def test_revoking_the_token_ends_the_session(web: Web) -> None:
    web.sign_in()
    assert web.c.get("/staff", follow_redirects=False).status_code == 200
    web.app.state.runtime.store.tokens.revoke("amina")
    assert web.c.get("/staff", follow_redirects=False).status_code == 303


def test_csrf_is_required(web: Web) -> None:
    page = web.c.get("/staff/signin")
    good = csrf_of(page.text)
    r = web.c.post("/staff/signin", data={"token": web.token})
    assert r.status_code == 403 and "taysir_session" not in r.headers.get("set-cookie", "")
    r = web.c.post("/staff/signin", data={"token": web.token, "csrf": good[:-1] + ("A" if good[-1] != "A" else "B")})
    assert r.status_code == 403
    web.sign_in()
    staff = web.c.get("/staff").text
    token = csrf_of(staff)
    files = {"files": ("a.md", io.BytesIO(b"# Titre\n\nBonjour."), "text/markdown")}
    r = web.c.post("/staff/upload", files=files, data={"out-text": "1"}, follow_redirects=False)
    assert r.status_code == 403
    assert web.app.state.runtime.store.jobs.count() == 0
    for action in ("approve", "publish", "unpublish", "segment", "describe", "render"):
        assert web.c.post(f"/staff/documents/x/{action}", data={}).status_code == 403
    assert web.c.post("/staff/signout", data={}).status_code == 403
    # another visitor's token does not work with this visitor's cookie
    other = sign(b"k", {"x": 1})
    assert unsign(b"k", other) == {"x": 1} and unsign(b"other", other) is None
    r = web.c.post("/staff/upload", files=files, data={"out-text": "1", "csrf": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/staff/jobs/")


def test_upload_errors_are_tied_to_fields(web: Web) -> None:
    web.sign_in()
    csrf = csrf_of(web.c.get("/staff").text)
    r = web.c.post("/staff/upload", files={"files": ("", io.BytesIO(b""), "application/octet-stream")}, data={"csrf": csrf})
    assert r.status_code == 400
    assert 'id="files-error"' in r.text and 'id="outputs-error"' in r.text
    assert 'aria-describedby="files-hint files-error"' in r.text and 'href="#files"' in r.text
    bad = {"files": ("x.pdf", io.BytesIO(b"\x00\x01 not a document"), "application/pdf")}
    r = web.c.post("/staff/upload", files=bad, data={"csrf": csrf, "out-text": "1"})
    assert r.status_code == 415 and 'id="files-detail"' in r.text and "x.pdf" in r.text


def test_upload_creates_a_job_with_the_chosen_outputs(web: Web) -> None:
    import json

    web.sign_in()
    csrf = csrf_of(web.c.get("/staff").text)
    files = [("files", ("a.md", io.BytesIO(b"# A\n\nUn."), "text/markdown")), ("files", ("b.md", io.BytesIO(b"# B\n\nDeux."), "text/markdown"))]
    r = web.c.post("/staff/upload", files=files, data={"csrf": csrf, "out-braille": "1", "out-darija": "1"}, follow_redirects=False)
    job_id = r.headers["location"].rsplit("/", 1)[-1]
    job, docs = web.app.state.runtime.store.jobs.get(job_id)
    assert json.loads(job.options_json)["outputs"] == ["darija", "braille"]
    assert [d.filename for d in docs] == ["a.md", "b.md"] and job.created_by == "amina"
    page = web.c.get(f"/staff/jobs/{job_id}")
    assert page.status_code == 200 and "a.md" in page.text and 'data-running="true"' in page.text
    status = web.c.get(f"/staff/jobs/{job_id}/status.json").json()
    assert status["status"] == "queued" and len(status["documents"]) == 2
    hist = web.c.get("/staff/jobs").text
    assert f"/staff/jobs/{job_id}" in hist


def test_unknown_pages_are_html_404(web: Web) -> None:
    r = web.c.get("/catalogue/nope")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and '<html lang="ar" dir="rtl">' in r.text


def test_catalogue_search_escapes_the_query(web: Web) -> None:
    r = web.c.get("/catalogue", params={"q": "<script>x</script>"})
    assert r.status_code == 200 and "<script>x</script>" not in r.text and "&lt;script&gt;" in r.text


def test_sign_out_ends_the_session(web: Web) -> None:
    web.sign_in()
    csrf = csrf_of(web.c.get("/staff").text)
    r = web.c.post("/staff/signout", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/catalogue"
    assert 'taysir_session=""' in r.headers["set-cookie"] or "max-age=0" in r.headers["set-cookie"].lower()
    assert web.c.get("/staff", follow_redirects=False).status_code == 303


def test_staff_downloads_need_a_session(web: Web) -> None:
    assert web.c.get("/staff/jobs/x/files/a/b.txt", follow_redirects=False).status_code == 303
    web.sign_in()
    r = web.c.get("/staff/jobs/x/files/a/b.txt")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]


def test_store_adds_the_description_columns_to_an_old_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from sqlalchemy import MetaData, create_engine

    from service.store import Store
    from service.store.tables import Base

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = MetaData()
    for table in Base.metadata.sorted_tables:  # the tables as they were before title_by, summary and tags_json
        table.to_metadata(old)
    docs = old.tables["documents"]
    for name in ("title_by", "summary", "tags_json"):
        docs._columns.remove(docs.c[name])  # noqa: SLF001 - building the old shape on purpose
    engine = create_engine(url)
    old.create_all(engine)
    engine.dispose()
    with sqlite3.connect(tmp_path / "old.sqlite3") as c:
        assert "summary" not in [r[1] for r in c.execute("PRAGMA table_info(documents)")]
    store = Store(url, tmp_path)
    with sqlite3.connect(tmp_path / "old.sqlite3") as c:
        cols = [r[1] for r in c.execute("PRAGMA table_info(documents)")]
    assert {"title_by", "summary", "tags_json"} <= set(cols)
    store.close()


def test_a_title_set_by_staff_survives_the_conversion(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from service.store import NewDocument, Store

    store = Store(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path)
    store.jobs.create("j1", "{}", [NewDocument("d1", 0, "cadrage.pdf", "cadrage", "x", "pdf", 1, "0" * 64),
                                   NewDocument("d2", 1, "note.pdf", "note", "y", "pdf", 1, "0" * 64)], created_by="amina")
    store.documents.describe("d1", title="Budget 2027 : note de cadrage", summary=None, tags=["budget"], who="amina")
    for doc_id in ("d1", "d2"):
        row = store.jobs.claim(doc_id, "w", 30)
        assert row is not None
        store.jobs.finish_convert(doc_id, "w", status="success", errors=[], title="Titre lu dans le document")
    assert store.documents.get("d1").title == "Budget 2027 : note de cadrage"  # staff's title stays
    assert store.documents.get("d2").title == "Titre lu dans le document"  # the document's own title otherwise
    store.close()
