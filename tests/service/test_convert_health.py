"""POST /v1/convert, /health, /ready, /v1/engines, the OpenAPI description and the error format."""

from __future__ import annotations

import io

import pytest

from .conftest import FRENCH_MD, Api

pytestmark = pytest.mark.anyio


async def test_convert_answers_with_the_finished_job(api: Api) -> None:
    r = await api.c.post("/v1/convert", files={"files": ("decision.md", io.BytesIO(FRENCH_MD.encode()))},
                         data={"options": '{"outputs": ["text"]}'}, headers=api.auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "success"
    (doc,) = body["documents"]
    assert [a["name"] for a in doc["artifacts"]] == ["decision.fr.txt"]
    text = (await api.get(doc["artifacts"][0]["url"])).text
    assert "2,8 milliards de dirhams" in text


async def test_convert_takes_one_file(api: Api) -> None:
    files = [("files", ("a.md", FRENCH_MD.encode())), ("files", ("b.md", FRENCH_MD.encode()))]
    r = await api.c.post("/v1/convert", files=files, headers=api.auth)
    assert r.status_code == 400 and r.json()["error"]["code"] == "too_many_files"


async def test_convert_past_the_timeout_is_503_and_the_job_goes_on(idle_api: Api) -> None:
    r = await idle_api.c.post("/v1/convert", files={"files": ("a.md", FRENCH_MD.encode())}, headers=idle_api.auth)
    assert r.status_code == 503
    err = r.json()["error"]
    assert err["code"] == "timeout" and "/v1/jobs/" in err["hint"]
    job_id = err["hint"].split("/v1/jobs/")[1].split("?")[0]
    assert (await idle_api.get(f"/v1/jobs/{job_id}")).json()["status"] == "queued"


async def test_health_and_ready(api: Api) -> None:
    r = await api.c.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    r = await api.c.get("/ready")
    body = r.json()
    from transform._exec import PROBES

    for name in ("liblouis", "espeak-ng", "ffmpeg", "pandoc", "tesseract", "database", "queue", *PROBES):
        assert name in body["checks"], name  # every external program of transform/_exec is checked
    assert body["checks"]["database"]["ok"] and body["checks"]["queue"]["ok"] and body["checks"]["storage"]["ok"]
    assert r.status_code == (200 if body["ready"] else 503)
    assert body["ready"] == all(c["ok"] for c in body["checks"].values())
    # issue 21 item 10: the public answer hides exact versions and details; staff see them
    assert not any(c["version"] or (c["ok"] and c["detail"]) for c in body["checks"].values()), body
    staff = (await api.get("/ready")).json()
    assert staff["checks"]["pandoc"]["version"].startswith("pandoc ") and staff["checks"]["liblouis"]["version"]
    assert "1 worker process" in staff["checks"]["queue"]["detail"] and "MiB free" in staff["checks"]["storage"]["detail"]
    assert {k: v["ok"] for k, v in staff["checks"].items()} == {k: v["ok"] for k, v in body["checks"].items()}


async def test_engines_lists_the_registries(api: Api) -> None:
    body = (await api.c.get("/v1/engines")).json()
    assert body["outputs"]["json"] is True and body["outputs"]["text"] is True
    assert "review-draft" not in body["outputs"]
    assert body["simplifiers"]["identity"] is True


async def test_unknown_route_and_method_use_the_error_format(api: Api) -> None:
    r = await api.c.get("/v1/nothing-here")
    assert r.status_code == 404 and set(r.json()["error"]) >= {"code", "message", "hint"}
    r = await api.c.put("/health")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


async def test_openapi_documents_every_route_model_and_error(api: Api) -> None:
    spec = (await api.c.get("/openapi.json")).json()
    schemas = spec["components"]["schemas"]
    assert "ErrorResponse" in schemas and "HTTPValidationError" not in schemas
    assert "outputs" in schemas["TransformOptions"]["properties"] and "BrailleOptions" in schemas
    public = {"/health", "/ready", "/v1/engines", "/v1/catalogue", "/v1/catalogue/{doc_id}", "/v1/catalogue/{doc_id}/files/{name}", "/v1/catalogue/{doc_id}/bundle"}
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op.get("summary"), (method, path)
            codes = set(op["responses"])
            assert codes & {"200", "202", "204"}, (method, path)
            if "422" in codes:
                assert op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
            if path not in public:
                assert "401" in codes, (method, path)
                assert op["responses"]["401"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
                assert op.get("security"), (method, path)
    upload = spec["paths"]["/v1/jobs"]["post"]
    assert {"413", "415", "429"} <= set(upload["responses"])
    assert "multipart/form-data" in upload["requestBody"]["content"]


async def test_settings_come_from_a_dependency_override_or_the_environment(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from asgi_lifespan import LifespanManager

    from service.app import create_app
    from service.settings import ServiceSettings, get_settings

    get_settings.cache_clear()
    monkeypatch.setenv("TAYSIR_DATA_DIR", str(tmp_path / "env-data"))
    monkeypatch.setenv("TAYSIR_MAX_FILES_PER_JOB", "7")
    assert get_settings().max_files_per_job == 7 and get_settings() is get_settings()
    get_settings.cache_clear()
    app = create_app()
    app.dependency_overrides[get_settings] = lambda: ServiceSettings(data_dir=tmp_path / "override", embedded_workers=0)
    async with LifespanManager(app):
        assert app.state.runtime.store.data_dir == (tmp_path / "override").resolve()
    app = create_app()
    async with LifespanManager(app):
        assert app.state.runtime.settings.max_files_per_job == 7
        assert app.state.runtime.store.data_dir == (tmp_path / "env-data").resolve()
    get_settings.cache_clear()
