"""Issue 21 item 10: what staff read never shows Python internals; the detail is in the log."""

from __future__ import annotations

import logging

import pytest

from .conftest import FRENCH_MD, Api

INTERNAL = [
    {"stage": "render.html", "code": "internal_error", "severity": "error", "message": "KeyError: 'section'", "hint": None},
    {"stage": "render.audio", "code": "output_failed", "severity": "error",
     "message": "could not write: [Errno 28] No space left on device: '/srv/taysir/jobs/x/a1/budget.mp3'", "hint": None},
    {"stage": "ingest", "code": "bad_input", "severity": "error", "message": "'latin-1' codec can't encode character '\\u0642'", "hint": "h"},
    {"stage": "convert", "code": "bad_input", "severity": "error", "hint": "h",
     "message": "padded.docx: the DOCX file could not be read (pandoc failed (exit 63): couldn't parse docx file: DocxError)."},
    {"stage": "render.text", "code": "output_failed", "severity": "error", "message": "The disk is full: the output could not be written.",
     "hint": "Free disk space"},
]


@pytest.mark.anyio
async def test_internal_details_are_logged_not_shown(idle_api: Api, caplog: pytest.LogCaptureFixture) -> None:
    r = await idle_api.submit([("a.md", FRENCH_MD.encode())])
    job_id, doc_id = r.json()["job_id"], r.json()["documents"][0]["id"]
    store = idle_api.rt.store
    row = store.jobs.claim(doc_id, "test-owner", 30)
    assert row is not None
    with caplog.at_level(logging.WARNING, logger="service.store"):
        assert store.jobs.finish_convert(doc_id, "test-owner", status="partial_success", errors=INTERNAL)
    shown = (await idle_api.get(f"/v1/jobs/{job_id}")).json()["documents"][0]["errors"]
    text = " ".join(e["message"] + " " + (e["hint"] or "") for e in shown)
    for leak in ("KeyError", "Errno", "codec", "/srv/taysir"):
        assert leak not in text, (leak, shown)
    assert shown[0]["message"].startswith("An unexpected error") and shown[0]["hint"]
    assert shown[1]["message"] == "could not write." and shown[4]["message"].startswith("The disk is full")  # plain text is kept
    assert shown[3]["message"] == "padded.docx: the DOCX file could not be read."  # the sentence before the internal part
    logged = caplog.text
    assert "KeyError: 'section'" in logged and "[Errno 28]" in logged and "codec can't" in logged
