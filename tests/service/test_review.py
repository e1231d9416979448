"""Darija draft review, re-rendering, approval, publication and the public catalogue."""

from __future__ import annotations

import pytest

from .conftest import DARIJA_MD, FRENCH_MD, Api

pytestmark = pytest.mark.anyio


async def converted(api: Api, text: str = DARIJA_MD, name: str = "budget.md") -> dict:  # type: ignore[type-arg]
    job = (await api.submit([(name, text.encode())])).json()
    body = await api.wait(job["job_id"])
    assert body["status"] == "success", body
    return body["documents"][0]  # type: ignore[no-any-return]


async def test_draft_segments_have_ids_source_text_and_status(api: Api) -> None:
    doc = await converted(api)
    r = await api.get(f"/v1/documents/{doc['id']}/draft")
    assert r.status_code == 200, r.text
    draft = r.json()
    assert draft["review_state"] == "draft" and draft["revision"] == 0
    texts = [s["text"] for s in draft["segments"]]
    assert any("120 مليون درهم" in t for t in texts)
    assert all(s["id"] and s["status"] == "ok" and not s["edited"] for s in draft["segments"])
    assert not any("Le conseil" in t for t in texts)  # the French part is not in the Darija draft


async def test_no_draft_for_a_document_without_darija(api: Api) -> None:
    doc = await converted(api, FRENCH_MD, "decision.md")
    r = await api.get(f"/v1/documents/{doc['id']}/draft")
    assert r.status_code == 404 and r.json()["error"]["code"] == "no_draft"
    assert (await api.post(f"/v1/documents/{doc['id']}/render")).status_code == 404


async def test_review_validation_flags_missing_segments_and_changed_numbers(api: Api) -> None:
    doc = await converted(api)
    url = f"/v1/documents/{doc['id']}/draft"
    segs = (await api.get(url)).json()["segments"]
    num = next(s for s in segs if "120" in s["text"])
    # a missing segment
    body = {"segments": [{"id": s["id"], "text": s["text"]} for s in segs if s["id"] != num["id"]]}
    r = await api.c.put(url, json=body, headers=api.auth)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "review_invalid"
    assert {"segment_id": num["id"], "problem": "missing_segment"}.items() <= err["details"][0].items()
    # a changed number
    edits = [{"id": s["id"], "text": s["text"].replace("120", "12")} for s in segs]
    r = await api.c.put(url, json={"segments": edits}, headers=api.auth)
    assert r.status_code == 422
    problems = r.json()["error"]["details"]
    assert [p["problem"] for p in problems] == ["numbers_changed"] and "120" in problems[0]["message"]
    # an unknown and an empty segment
    r = await api.c.patch(url, json={"segments": [{"id": "zzz", "text": "x"}, {"id": num["id"], "text": "  "}]}, headers=api.auth)
    assert {p["problem"] for p in r.json()["error"]["details"]} == {"unknown_segment", "empty_segment"}
    # Arabic-Indic digits and a thousands separator are the same number
    r = await api.c.patch(url, json={"segments": [{"id": num["id"], "text": num["text"].replace("120", "١٢٠")}]}, headers=api.auth)
    assert r.status_code == 200, r.text
    assert (await api.get(url)).json()["revision"] == 1


async def test_full_review_round_trip_to_the_public_catalogue(api: Api) -> None:
    doc = await converted(api)
    doc_url = f"/v1/documents/{doc['id']}"
    draft = (await api.get(f"{doc_url}/draft")).json()
    target = next(s for s in draft["segments"] if "120" in s["text"])
    edited_text = "البرنامج غادي يخدم 120 مليون درهم فالجهة."
    edits = [{"id": s["id"], "text": edited_text if s["id"] == target["id"] else s["text"]} for s in draft["segments"]]

    # not public before approval
    assert (await api.c.get("/v1/catalogue")).json()["documents"] == []
    assert (await api.c.get(f"/v1/catalogue/{doc['id']}")).status_code == 404
    r = await api.post(f"{doc_url}/publish")
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_approved"

    r = await api.c.put(f"{doc_url}/draft", json={"revision": 0, "segments": edits}, headers=api.auth)
    assert r.status_code == 200, r.text
    seg = next(s for s in r.json()["segments"] if s["id"] == target["id"])
    assert seg["text"] == edited_text and seg["edited"] and seg["status"] == "reviewed" and seg["source"] == target["source"]
    # a stale revision is refused
    r = await api.c.put(f"{doc_url}/draft", json={"revision": 0, "segments": edits}, headers=api.auth)
    assert r.status_code == 409 and r.json()["error"]["code"] == "stale_revision"

    # approve starts the re-render of the reviewed text; publishing waits for it
    r = await api.post(f"{doc_url}/approve")
    assert r.status_code == 200, r.text
    assert r.json()["review_state"] == "reviewed" and r.json()["approved_by"] == "tester"
    assert (await api.post(f"{doc_url}/approve")).status_code == 409
    view = (await api.get(doc_url, params={"wait": 30})).json()
    assert view["render_state"] == "done" and view["rendered_revision"] == view["draft_revision"] == 1, view
    ary = next(a for a in view["artifacts"] if a["name"] == "budget.ary.txt")
    assert edited_text in (await api.get(ary["url"])).text

    r = await api.post(f"{doc_url}/publish")
    assert r.status_code == 200 and r.json()["review_state"] == "published"
    # a published document is frozen
    r = await api.c.patch(f"{doc_url}/draft", json={"segments": edits[:1]}, headers=api.auth)
    assert r.status_code == 409 and r.json()["error"]["code"] == "wrong_state"
    r = await api.c.delete(f"/v1/jobs/{doc['id']}", headers=api.auth)
    assert r.status_code == 404  # a document id is not a job id
    r = await api.c.delete(f"/v1/jobs/{view['job_id']}", headers=api.auth)
    assert r.status_code == 409 and r.json()["error"]["code"] == "published"

    # the public catalogue, without a token
    cat = (await api.c.get("/v1/catalogue")).json()["documents"]
    assert [d["id"] for d in cat] == [doc["id"]]
    entry = cat[0]
    assert entry["title"] == "الميزانية ديال الجهة" and entry["languages"] == ["ar", "ary", "fr"]
    assert {f["role"] for f in entry["formats"]} == {"text"}  # json (developer model) is not published
    f = next(f for f in entry["formats"] if f["name"] == "budget.ary.txt")
    r = await api.c.get(f["url"])
    assert r.status_code == 200 and edited_text in r.text
    assert r.headers["cache-control"] == "public, max-age=3600" and r.headers["etag"] and r.headers["last-modified"]
    assert (await api.c.get(f["url"], headers={"If-None-Match": r.headers["etag"]})).status_code == 304
    part = await api.c.get(f["url"], headers={"Range": "bytes=0-3"})
    assert part.status_code == 206 and part.content == r.content[:4]
    assert (await api.c.get(f["url"], headers={"Range": "bytes=999999-"})).status_code == 416
    assert (await api.c.get(f"/v1/catalogue/{doc['id']}/files/budget.json")).status_code == 404

    # unpublish: gone from the public side
    r = await api.post(f"{doc_url}/unpublish")
    assert r.status_code == 200 and r.json()["review_state"] == "reviewed"
    assert (await api.c.get("/v1/catalogue")).json()["documents"] == []
    assert (await api.c.get(f["url"])).status_code == 404
    assert (await api.post(f"{doc_url}/unpublish")).status_code == 409


async def test_document_without_draft_can_be_approved_and_published(api: Api) -> None:
    doc = await converted(api, FRENCH_MD, "decision.md")
    assert (await api.post(f"/v1/documents/{doc['id']}/approve")).status_code == 200
    r = await api.post(f"/v1/documents/{doc['id']}/publish")
    assert r.status_code == 200
    listed = (await api.get("/v1/documents", params={"state": "published"})).json()["documents"]
    assert [d["id"] for d in listed] == [doc["id"]]


async def test_explicit_render_and_unknown_document(api: Api) -> None:
    doc = await converted(api)
    r = await api.post(f"/v1/documents/{doc['id']}/render")
    assert r.status_code == 202 and r.json()["render_state"] in ("queued", "running", "done")
    view = (await api.get(f"/v1/documents/{doc['id']}", params={"wait": 30})).json()
    assert view["render_state"] == "done", view
    r = await api.get("/v1/documents/0123456789abcdef0123456789abcdef")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert (await api.c.get(f"/v1/documents/{doc['id']}")).status_code == 401


async def test_darija_sample_review_reaches_braille_and_the_public_files(api: Api) -> None:
    """The real `darija` simplifier on a sample: draft, edit, approve, re-render, publish."""
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "samples" / "programme-developpement-regional.docx"
    if not sample.is_file():
        pytest.skip("samples/ not generated")
    r = await api.submit([(sample.name, sample.read_bytes())], {"outputs": ["darija", "braille"]})
    body = await api.wait(r.json()["job_id"], 120)
    doc = body["documents"][0]
    assert doc["status"] in ("success", "partial_success") and doc["has_draft"], doc
    before = {a["name"]: a["sha256"] for a in doc["artifacts"]}
    url = f"/v1/documents/{doc['id']}"
    draft = (await api.get(f"{url}/draft")).json()
    from transform.simplify.numbers import canonical_values

    seg = next(s for s in draft["segments"] if s["source"] and not canonical_values(s["source"]) and not canonical_values(s["text"]))
    assert seg["lang"] == "ary"
    new_text = "برنامج جديد ديال المراجعة."
    r = await api.c.patch(f"{url}/draft", json={"segments": [{"id": seg["id"], "text": new_text + " 999"}]}, headers=api.auth)
    assert r.status_code == 422 and r.json()["error"]["details"][0]["problem"] == "numbers_changed"  # an invented number
    r = await api.c.patch(f"{url}/draft", json={"segments": [{"id": seg["id"], "text": new_text}]}, headers=api.auth)
    assert r.status_code == 200, r.text
    r = await api.post(f"{url}/approve", params={"allow_untranslated": "true"})
    assert r.status_code == 200, r.text
    view = (await api.get(url, params={"wait": 60})).json()
    assert view["render_state"] == "done", view
    after = {a["name"]: a for a in view["artifacts"]}
    stem = Path(next(iter(after))).name.split(".")[0]
    assert new_text in (await api.get(after[f"{stem}.ary.txt"]["url"])).text
    assert after[f"{stem}.ary.brl"]["sha256"] != before[f"{stem}.ary.brl"]  # braille re-made from the reviewed text
    assert after[f"{stem}.ar.brl"]["sha256"] == before[f"{stem}.ar.brl"]  # the source braille is untouched
    assert (await api.post(f"{url}/publish")).status_code == 200
    names = {f["name"] for f in (await api.c.get(f"/v1/catalogue/{doc['id']}")).json()["formats"]}
    assert f"{stem}.ary.txt" in names and f"{stem}.ary.brf" in names
    assert not any(".quality." in n or ".review." in n or n.endswith(".draft.json") for n in names)
