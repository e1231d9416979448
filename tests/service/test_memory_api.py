"""The translation memory and the term base through the HTTP API: approvals fill the memory, the next conversion
reuses it, a term added through the API changes the next draft, TMX round trip, staff only."""

from __future__ import annotations

import pytest

from tests.simplify.conftest import MSA_TEXT
from tests.simplify.test_tmx import BOMB

from .conftest import Api, open_api

pytestmark = pytest.mark.anyio
AGENCY = "أعدت الوكالة الحضرية لبني ملال تصميم التهيئة الجديد للمدينة.\n\nتبلغ ميزانية الجهة 2,8 مليار درهم.\n"


async def draft_of(api: Api, text: str, name: str = "budget.md") -> tuple[str, list[dict]]:  # type: ignore[type-arg]
    job = (await api.submit([(name, text.encode())], {"outputs": ["darija"]})).json()
    body = await api.wait(job["job_id"])
    assert body["status"] == "success", body
    doc_id = body["documents"][0]["id"]
    r = await api.get(f"/v1/documents/{doc_id}/draft")
    assert r.status_code == 200, r.text
    return doc_id, r.json()["segments"]


async def approve(api: Api, doc_id: str) -> None:
    r = await api.post(f"/v1/documents/{doc_id}/approve", params={"allow_untranslated": "true"})
    assert r.status_code == 200, r.text


async def test_approval_fills_the_memory_and_the_next_conversion_reuses_it(api: Api) -> None:
    doc_id, segs = await draft_of(api, MSA_TEXT)
    target = next(s for s in segs if "12 مركز" in s["text"])
    edited = "الجهة غادي تبني 12 مركز صحي ف أزيلال ف 2025. وغادي توصل 3000 تلميذ للمدرسة ف جبال خنيفرة."
    r = await api.c.patch(f"/v1/documents/{doc_id}/draft", json={"segments": [{"id": target["id"], "text": edited}]}, headers=api.auth)
    assert r.status_code == 200, r.text
    assert (await api.get("/v1/memory")).json()["total"] == 0  # nothing is learned before approval
    await approve(api, doc_id)
    listed = (await api.get("/v1/memory", params={"q": "مركز"})).json()
    assert listed["total"] == 1 and listed["entries"][0]["darija"] == edited and listed["entries"][0]["approved_by"] == "tester"
    assert listed["entries"][0]["document"] == "budget.md"
    assert (await api.get("/v1/memory")).json()["total"] == len(segs)

    again_id, again = await draft_of(api, MSA_TEXT, "budget-copy.md")
    assert [s["status"] for s in again] == ["from_memory"] * len(segs)  # 100 % from memory
    assert next(s["text"] for s in again if s["id"] == target["id"]) == edited
    per_segment = (await api.get(f"/v1/documents/{again_id}/memory")).json()
    assert all(p["from_memory"]["approved_by"] == "tester" for p in per_segment)

    # a new version with one number changed: the rest reused, the changed sentence offered with the difference
    v2_id, v2 = await draft_of(api, MSA_TEXT.replace("3000 تلميذ", "3500 تلميذ"), "budget-v2.md")
    changed = [s for s in v2 if s["status"] != "from_memory"]
    assert [s["id"] for s in changed] == [target["id"]]
    assert changed[0]["text"] != edited and any("«3000» → «3500»" in r for r in changed[0]["reasons"])
    offers = next(p for p in (await api.get(f"/v1/documents/{v2_id}/memory")).json() if p["id"] == target["id"])["offers"]
    assert offers[0]["darija"] == edited and offers[0]["similarity"] >= 75
    similar = (await api.get("/v1/memory/similar", params={"text": MSA_TEXT.splitlines()[4].replace("12", "14")})).json()
    assert similar["exact"] is None and similar["offers"][0]["differences"] == "«12» → «14»"

    # the review page shows both: the "from memory" badge and the offer with the changed words
    page = (await signed_in(api)).get
    html = (await page(f"/staff/documents/{v2_id}")).text
    assert html.count("مأخوذة من ترجمة موافق عليها") == len(segs) - 1 and "«3000» → «3500»" in html and edited in html


async def signed_in(api: Api) -> Api:
    """The staff web session of ``api``'s client (sign-in form with its CSRF field)."""
    import re

    form = await api.c.get("/staff/signin")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf is not None
    r = await api.c.post("/staff/signin", data={"token": api.token, "csrf": csrf.group(1), "next": "/staff"})
    assert r.status_code == 303, r.text
    return api


async def test_a_term_added_through_the_api_changes_the_next_draft(api: Api) -> None:
    _id, before = await draft_of(api, AGENCY, "a.md")
    assert not any("الإدارة ديال التعمير" in s["text"] for s in before)
    term = {"lang": "ar", "terms": ["الوكالة الحضرية"], "darija": "الإدارة ديال التعمير",
            "explanation": "الإدارة ديال التعمير هي اللي كتراقب البني ف المدن"}
    r = await api.post("/v1/terms", json=term)
    assert r.status_code == 200, r.text
    made = r.json()
    assert made["origin"] == "termbase" and made["explanation"].endswith(".") and made["updated_by"] == "tester"
    _id, after = await draft_of(api, AGENCY, "b.md")
    text = " ".join(s["text"] for s in after)
    assert "الإدارة ديال التعمير" in text and "الإدارة ديال التعمير هي اللي كتراقب البني ف المدن." in text

    listed = (await api.get("/v1/terms", params={"q": "الحضرية"})).json()["terms"]
    assert [t["id"] for t in listed] == [made["id"]]
    # a built-in entry changed, then restored, then hidden
    r = await api.c.put("/v1/terms/budget", json={"terms": ["الميزانية"], "darija": "الحساب ديال الفلوس"}, headers=api.auth)
    assert r.status_code == 200 and r.json()["origin"] == "termbase"
    _id, edited = await draft_of(api, AGENCY, "c.md")
    assert any("الحساب ديال الفلوس" in s["text"] for s in edited)
    assert (await api.c.delete("/v1/terms/budget", headers=api.auth)).json()["result"] == "restored"
    assert (await api.c.delete("/v1/terms/budget", headers=api.auth)).json()["result"] == "hidden"
    assert not any(t["id"] == "budget" for t in (await api.get("/v1/terms")).json()["terms"])
    assert any(t["id"] == "budget" and not t["active"] for t in (await api.get("/v1/terms", params={"hidden": "true"})).json()["terms"])
    # checks: Latin letters in the Darija, an unknown id
    r = await api.post("/v1/terms", json={"terms": ["الوكالة"], "darija": "agence urbaine"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "term_invalid" and "Arabic script" in r.json()["error"]["message"]
    assert (await api.c.put("/v1/terms/nope", json=term, headers=api.auth)).status_code == 404


async def test_tmx_round_trip_through_the_api(api: Api, settings_factory) -> None:  # type: ignore[no-untyped-def]
    doc_id, segs = await draft_of(api, MSA_TEXT)
    await approve(api, doc_id)
    r = await api.get("/v1/memory/export", params={"format": "tmx"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-tmx+xml")
    assert 'attachment; filename="taysir-memory.tmx"' == r.headers["content-disposition"]
    exported, first = r.content, (await api.get("/v1/memory", params={"limit": 500})).json()["entries"]
    async for other in open_api(settings_factory()):  # another service, empty memory
        assert (await other.get("/v1/memory")).json()["total"] == 0
        r = await other.c.post("/v1/memory/import", content=exported, headers={**other.auth, "Content-Type": "application/xml"})
        assert r.status_code == 200, r.text
        assert r.json() == {"read": len(segs), "added": len(segs), "refreshed": 0, "skipped": [], "total": len(segs)}
        second = (await other.get("/v1/memory", params={"limit": 500})).json()["entries"]
        strip = lambda es: sorted((e["source_lang"], e["source"], e["darija"], e["document"], e["approved_by"], e["approved_at"]) for e in es)  # noqa: E731
        assert strip(second) == strip(first)
        assert (await other.get("/v1/memory/export", params={"format": "tmx"})).content == exported
        tsv = (await other.get("/v1/memory/export", params={"format": "tsv"})).content.decode()
        assert tsv.splitlines()[0].startswith("source_lang\tsource\tdarija") and len(tsv.splitlines()) == len(segs) + 1
        # an entity bomb is refused, nothing is added
        r = await other.c.post("/v1/memory/import", content=BOMB, headers=other.auth)
        assert r.status_code == 422 and "entities" in r.json()["error"]["message"]
        assert (await other.get("/v1/memory")).json()["total"] == len(segs)
        gone = second[0]["id"]
        assert (await other.c.delete(f"/v1/memory/{gone}", headers=other.auth)).status_code == 204
        assert (await other.c.delete(f"/v1/memory/{gone}", headers=other.auth)).status_code == 404


async def test_terms_files_through_the_api(api: Api) -> None:
    tsv = "id\tlang\tterms\tdarija\texplanation\tplural\tactive\n" \
          "\tar\tالوكالة الحضرية\tالإدارة ديال التعمير\tالإدارة اللي كتراقب البني\t\t1\n" \
          "\tfr\tcentre de santé|centres de santé\tالمستوصف\t\tالمستوصفات\t1\n" \
          "\tar\tالشيء\tchose\t\t\t1\n"
    r = await api.c.post("/v1/terms/import", content=tsv.encode(), headers=api.auth)
    assert r.status_code == 200, r.text
    assert r.json()["imported"] == 2 and "line 4" in r.json()["skipped"][0]
    tbx = (await api.get("/v1/terms/export", params={"format": "tbx"})).content
    assert b"conceptEntry" in tbx and "المستوصفات".encode() in tbx
    whole = (await api.get("/v1/terms/export", params={"format": "tsv", "all": "true"})).content.decode()
    assert "pdr\tar\t" in whole and "الإدارة ديال التعمير" in whole


async def test_staff_only_and_server_files_refused(api: Api) -> None:
    for method, url in (("GET", "/v1/memory"), ("GET", "/v1/memory/export"), ("POST", "/v1/memory/import"), ("DELETE", "/v1/memory/1"),
                        ("GET", "/v1/memory/similar?text=x"), ("GET", "/v1/terms"), ("POST", "/v1/terms"), ("PUT", "/v1/terms/budget"),
                        ("DELETE", "/v1/terms/budget"), ("GET", "/v1/terms/export"), ("POST", "/v1/terms/import")):
        assert (await api.c.request(method, url)).status_code == 401, url
    for field in ("tmx", "termbase"):
        r = await api.submit([("a.md", b"# x\n")], {"outputs": ["darija"], "simplify": {"memory": {field: "/etc/passwd"}}})
        assert r.status_code == 400 and f"simplify.memory.{field}" in r.json()["error"]["message"]


async def test_imports_may_be_larger_than_forms(api: Api) -> None:
    """The request guard gives the import routes the reviewed-text limit, not the 16 KiB of forms."""
    rows = "".join(f"ar\tجملة رقم {i} من الوثيقة الرسمية.\tالجملة نمرة {i} ديال الوثيقة.\tbig.pdf\tAmina\t2026-01-01T00:00:00Z\n" for i in range(2000))
    assert len(rows.encode()) > 64 * 1024
    r = await api.c.post("/v1/memory/import", content=rows.encode(), headers=api.auth, params={"format": "tsv"})
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 2000
