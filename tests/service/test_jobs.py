"""Jobs API: submit, progress, artefacts, downloads (Range/ETag), bundle, delete, and every error."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from .conftest import DARIJA_MD, FRENCH_MD, Api, broken_docx

pytestmark = pytest.mark.anyio


async def test_submit_batch_runs_to_completion_with_progress_and_files(api: Api) -> None:
    r = await api.submit([("budget.md", DARIJA_MD.encode()), ("decision.md", FRENCH_MD.encode())])
    assert r.status_code == 202, r.text
    created = r.json()
    assert created["status"] in ("queued", "running") and len(created["documents"]) == 2
    assert created["links"]["self"] == f"/v1/jobs/{created['job_id']}"
    body = await api.wait(created["job_id"])
    assert body["status"] == "success" and body["progress"] == 1.0
    budget, decision = body["documents"]
    assert budget["filename"] == "budget.md" and budget["format"] == "markdown"
    assert budget["stages_done"] == budget["stages_total"] >= 4  # ingest, structure, json, text
    assert budget["languages"] == ["ar", "ary", "fr"]
    assert budget["title"] == "الميزانية ديال الجهة"
    assert budget["has_draft"] is True and decision["has_draft"] is False
    names = {a["path"] for a in budget["artifacts"]}
    assert {"budget/budget.json", "budget/budget.ary.txt", "budget/budget.fr.txt"} <= names
    assert not any(a["role"] == "review-draft" for a in budget["artifacts"])  # kept in the database, not a download

    # the Darija text file holds the Darija sentence, with its number
    ary = next(a for a in budget["artifacts"] if a["name"] == "budget.ary.txt")
    r = await api.get(ary["url"])
    assert r.status_code == 200 and "120 مليون درهم" in r.text
    assert hashlib.sha256(r.content).hexdigest() == ary["sha256"]
    assert r.headers["etag"] == f'"{ary["sha256"][:40]}"' and "last-modified" in r.headers
    assert r.headers["cache-control"] == "private, no-cache"


async def test_downloads_answer_ranges_and_conditional_requests(api: Api) -> None:
    job = (await api.submit([("decision.md", FRENCH_MD.encode())])).json()
    body = await api.wait(job["job_id"])
    art = next(a for a in body["documents"][0]["artifacts"] if a["name"] == "decision.fr.txt")
    full = (await api.get(art["url"])).content
    r = await api.get(art["url"], headers={"Range": "bytes=0-9"})
    assert r.status_code == 206 and r.content == full[:10]
    assert r.headers["content-range"] == f"bytes 0-9/{len(full)}"
    r = await api.get(art["url"], headers={"Range": f"bytes={len(full) + 10}-"})
    assert r.status_code == 416 and r.json()["error"]["code"] == "range_not_satisfiable"
    assert r.headers["content-range"] == f"bytes */{len(full)}"
    etag = (await api.get(art["url"])).headers["etag"]
    r = await api.get(art["url"], headers={"If-None-Match": etag})
    assert r.status_code == 304 and r.content == b""
    r = await api.get(art["url"], headers={"If-None-Match": '"something-else"'})
    assert r.status_code == 200


async def test_artifact_list_and_bundle_with_manifest(api: Api) -> None:
    job = (await api.submit([("budget.md", DARIJA_MD.encode()), ("budget.md", FRENCH_MD.encode())])).json()
    body = await api.wait(job["job_id"])
    stems = [d["artifacts"][0]["path"].split("/")[0] for d in body["documents"]]
    assert stems == ["budget", "budget-2"]  # same file name twice: distinct folders
    listed = (await api.get(f"/v1/jobs/{job['job_id']}/artifacts")).json()["artifacts"]
    assert len(listed) == sum(len(d["artifacts"]) for d in body["documents"])
    r = await api.get(f"/v1/jobs/{job['job_id']}/bundle")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    manifest = json.loads(zf.read("manifest.json"))
    assert manifest["job_id"] == job["job_id"] and manifest["status"] == "success"
    assert {f["path"] for f in manifest["files"]} == {a["path"] for a in listed}
    for f in manifest["files"]:
        data = zf.read(f["path"])
        assert len(data) == f["size"] and hashlib.sha256(data).hexdigest() == f["sha256"]
        assert f["media_type"] and f["role"] in ("json", "text")
    assert {f["lang"] for f in manifest["files"] if f["role"] == "text"} == {"ar", "ary", "fr"}
    assert [d["filename"] for d in manifest["documents"]] == ["budget.md", "budget.md"]


async def test_a_failed_document_leaves_the_rest_of_its_batch_alone(api: Api) -> None:
    job = (await api.submit([("good.md", FRENCH_MD.encode()), ("broken.docx", broken_docx())])).json()
    body = await api.wait(job["job_id"])
    good, bad = body["documents"]
    assert body["status"] == "partial_success"
    assert good["status"] == "success" and good["artifacts"]
    assert bad["status"] == "failure" and bad["format"] == "docx" and not bad["artifacts"]
    err = bad["errors"][0]
    assert err["code"] in ("bad_input", "tool_failed") and err["message"]


async def test_list_jobs_and_delete(api: Api) -> None:
    job = (await api.submit([("decision.md", FRENCH_MD.encode())])).json()
    await api.wait(job["job_id"])
    listed = (await api.get("/v1/jobs")).json()
    assert listed["total"] == 1 and listed["jobs"][0]["job_id"] == job["job_id"]
    job_dir = api.rt.store.job_dir(job["job_id"])
    assert job_dir.is_dir()
    r = await api.c.delete(f"/v1/jobs/{job['job_id']}", headers=api.auth)
    assert r.status_code == 204
    assert not job_dir.exists()
    r = await api.get(f"/v1/jobs/{job['job_id']}")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


async def test_delete_a_queued_job_drops_it(idle_api: Api) -> None:
    job = (await idle_api.submit([("decision.md", FRENCH_MD.encode())])).json()
    assert job["status"] == "queued"
    assert (await idle_api.c.delete(f"/v1/jobs/{job['job_id']}", headers=idle_api.auth)).status_code == 204
    assert idle_api.rt.store.jobs.queued_count() == 0


# -- errors -------------------------------------------------------------------------------------
async def test_staff_routes_need_a_valid_token(api: Api) -> None:
    for method, url in [("GET", "/v1/jobs"), ("POST", "/v1/jobs"), ("GET", "/v1/jobs/abc"), ("POST", "/v1/convert"),
                        ("GET", "/v1/documents"), ("DELETE", "/v1/jobs/abc")]:
        r = await api.c.request(method, url)
        assert r.status_code == 401, (method, url)
        assert r.json()["error"]["code"] == "unauthorized" and r.headers["www-authenticate"] == "Bearer"
        r = await api.c.request(method, url, headers={"Authorization": "Bearer tsr_wrong"})
        assert r.status_code == 401
    api.rt.store.tokens.revoke("tester")
    assert (await api.get("/v1/jobs")).status_code == 401


async def test_unknown_job_is_404(api: Api) -> None:
    for url in ("/v1/jobs/0123456789abcdef0123456789abcdef", "/v1/jobs/nope/artifacts", "/v1/jobs/nope/bundle"):
        r = await api.get(url)
        assert r.status_code == 404 and r.json()["error"] == {
            "code": "not_found", "message": r.json()["error"]["message"], "hint": r.json()["error"]["hint"]}


async def test_unknown_artifact_is_404(api: Api) -> None:
    job = (await api.submit([("decision.md", FRENCH_MD.encode())])).json()
    await api.wait(job["job_id"])
    r = await api.get(f"/v1/jobs/{job['job_id']}/artifacts/decision/../../../etc/passwd")
    assert r.status_code == 404


async def test_upload_over_the_limit_is_413_and_leaves_nothing(api: Api, settings_factory) -> None:  # type: ignore[no-untyped-def]
    from .conftest import open_api

    async for small in open_api(settings_factory(max_upload_mb=0.5)):
        r = await small.submit([("big.txt", b"a" * (2 * 1024 * 1024))])
        assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
        jobs_dir = small.rt.store.data_dir / "jobs"
        assert not jobs_dir.exists() or not any(jobs_dir.iterdir())
        assert small.rt.store.jobs.count() == 0


async def test_unsupported_format_is_415(api: Api) -> None:
    r = await api.submit([("ok.md", FRENCH_MD.encode()), ("photo.md", b"\x00\x01\x02 binary \xff\xfe" * 50)])
    assert r.status_code == 415
    err = r.json()["error"]
    assert err["code"] == "unsupported_format" and "photo.md" in err["message"] and err["hint"]
    assert api.rt.store.jobs.count() == 0


async def test_empty_file_is_422(api: Api) -> None:
    r = await api.submit([("empty.pdf", b"")])
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_input"
    assert "empty.pdf" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    ("options", "code"),
    [("{not json", "bad_options"), ('["json"]', "bad_options"), ('{"outputs": ["no-such-output"]}', "bad_options"),
     ('{"max_pages": 0}', "bad_options")],
)
async def test_bad_options_are_400(api: Api, options: str, code: str) -> None:
    r = await api.c.post("/v1/jobs", files=[("files", ("a.md", FRENCH_MD.encode()))], data={"options": options}, headers=api.auth)
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == code


async def test_gtts_needs_the_operators_consent(api: Api, settings_factory) -> None:  # type: ignore[no-untyped-def]
    """gTTS sends the document's text to Google: a job may only choose it where the operator allows it."""
    opts = {"outputs": ["audio"], "audio": {"engine": "gtts"}}
    r = await api.submit([("a.md", FRENCH_MD.encode())], opts)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_options"
    assert "Google" in r.json()["error"]["message"] and "TAYSIR_ALLOW_GTTS" in r.json()["error"]["hint"]
    assert api.rt.store.jobs.count() == 0
    from .conftest import open_api

    async for allowed in open_api(settings_factory(allow_gtts=True, embedded_workers=0)):
        assert (await allowed.submit([("a.md", FRENCH_MD.encode())], opts)).status_code == 202


async def test_no_files_too_many_files_and_not_multipart_are_400(api: Api, settings_factory) -> None:  # type: ignore[no-untyped-def]
    r = await api.c.post("/v1/jobs", data={"options": "{}"}, files={"x": ("", b"")}, headers=api.auth)
    assert r.status_code == 400 and r.json()["error"]["code"] == "no_files"
    r = await api.c.post("/v1/jobs", json={"files": []}, headers=api.auth)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_upload"
    from .conftest import open_api

    async for few in open_api(settings_factory(max_files_per_job=2)):
        r = await few.submit([(f"f{i}.md", FRENCH_MD.encode()) for i in range(3)])
        assert r.status_code == 400 and r.json()["error"]["code"] == "too_many_files"


async def test_full_queue_is_429(idle_api: Api) -> None:
    for _ in range(2):
        assert (await idle_api.submit([("a.md", FRENCH_MD.encode())])).status_code == 202
    r = await idle_api.submit([("a.md", FRENCH_MD.encode())])
    assert r.status_code == 429 and r.json()["error"]["code"] == "queue_full" and r.headers["retry-after"]


async def test_options_are_capped_by_the_deployment_limits(api: Api) -> None:
    job = (await api.submit([("a.md", FRENCH_MD.encode())], {"outputs": ["text"], "max_pages": 100000, "timeout_s": 1e6})).json()
    stored = json.loads(api.rt.store.jobs.get(job["job_id"])[0].options_json)
    assert stored["max_pages"] == api.rt.settings.max_pages
    assert stored["timeout_s"] == api.rt.settings.job_timeout_s
    await api.wait(job["job_id"])


async def test_large_files_stream_with_ranges(api: Api) -> None:
    from .procs import slow_markdown

    job = (await api.submit([("long.md", slow_markdown(400))], {"outputs": ["json"]})).json()
    body = await api.wait(job["job_id"], 60)
    art = body["documents"][0]["artifacts"][0]
    assert art["size"] > 256 * 1024  # past the in-memory answer: FileResponse streams it
    full = await api.get(art["url"])
    assert full.status_code == 200 and len(full.content) == art["size"] and full.headers["etag"]
    r = await api.get(art["url"], headers={"Range": "bytes=-100"})
    assert r.status_code == 206 and r.content == full.content[-100:]
    r = await api.get(art["url"], headers={"Range": "bytes=10-19,30-39"})
    assert r.status_code == 206 and r.headers["content-type"].startswith("multipart/byteranges")
    ignored = await api.get(art["url"], headers={"Range": "items=1-2"})  # a unit we do not know: ignored (RFC 9110 §14.2)
    assert ignored.status_code == 200 and ignored.content == full.content


async def test_per_document_timeout_and_deleting_a_running_job(settings_factory) -> None:  # type: ignore[no-untyped-def]
    import anyio

    from .conftest import open_api
    from .procs import slow_markdown

    async for api in open_api(settings_factory(job_timeout_s=2)):
        job = (await api.submit([("long.md", slow_markdown(5000))])).json()
        body = await api.wait(job["job_id"], 60)
        long_doc = body["documents"][0]
        assert long_doc["status"] == "failure" and long_doc["errors"][0]["code"] == "timeout", long_doc
        assert "limit of 2 s" in long_doc["errors"][0]["message"] and long_doc["errors"][0]["hint"]

        job = (await api.submit([("long.md", slow_markdown(3000))])).json()
        with anyio.fail_after(30):
            while api.rt.store.documents.get(job["documents"][0]["id"]).status != "running":
                await anyio.sleep(0.05)
        assert (await api.c.delete(f"/v1/jobs/{job['job_id']}", headers=api.auth)).status_code == 204
        with anyio.fail_after(10):  # the worker notices at its next heartbeat (<= 1 s) and kills the conversion
            while api.rt.store.job_dir(job["job_id"]).exists():
                await anyio.sleep(0.1)
        assert (await api.get(f"/v1/jobs/{job['job_id']}")).status_code == 404


async def test_pages_per_document_limit(settings_factory) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from .conftest import open_api

    pdf = Path(__file__).resolve().parents[2] / "samples" / "deliberation-conseil.pdf"
    if not pdf.is_file():
        pytest.skip("samples/ not generated")
    async for api in open_api(settings_factory(max_pages=1)):
        job = (await api.submit([(pdf.name, pdf.read_bytes()), ("ok.md", FRENCH_MD.encode())], {"outputs": ["text"]})).json()
        body = await api.wait(job["job_id"], 60)
        big, ok = body["documents"]
        assert big["format"] == "pdf" and big["status"] == "failure"
        assert big["errors"][0]["code"] == "bad_input" and "limit of 1" in big["errors"][0]["message"]
        assert ok["status"] == "success"


async def test_api_answers_carry_security_headers(api: Api) -> None:
    job = (await api.submit([("a.md", FRENCH_MD.encode())], {"outputs": ["text"]})).json()
    status = await api.c.get(f"/v1/jobs/{job['job_id']}", headers=api.auth)
    for r in (status, await api.c.get("/v1/jobs/nope", headers=api.auth), await api.c.get("/v1/catalogue")):
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY", r.url
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert status.headers["cache-control"] == "no-store"  # staff data is never kept by a cache
    body = await api.wait(job["job_id"])
    url = body["documents"][0]["artifacts"][0]["url"]
    dl = await api.c.get(url, headers=api.auth)
    assert dl.status_code == 200 and dl.headers["content-security-policy"].startswith("sandbox")  # its own policy kept
    assert "no-store" not in dl.headers["cache-control"]
    assert "content-security-policy" not in (await api.c.get("/docs")).headers  # the API reference loads its scripts
