"""A video is published "with sign language" only after staff upload an interpreter overlay of the scaffold.

The overlay is made by the real ``taysir overlay`` code (``overlay_interpreter``) from the document's French
scaffold and a generated recording; the upload is refused when it is not an overlay of this scaffold."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import ServiceSettings
from transform.video import overlay_interpreter
from transform.video.probe import probe

from ..language import foreign_words
from .conftest import Converted, publish, store_converted

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def staff(tmp_path_factory: pytest.TempPathFactory, converted: dict[str, Converted]) -> Iterator[dict[str, Any]]:
    work = tmp_path_factory.mktemp("signed")
    app = create_app(ServiceSettings(data_dir=work / "data", embedded_workers=0))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        store = app.state.runtime.store
        doc_id = store_converted(store, converted["roads"])
        scaffold = converted["roads"].out_dir / "roads.fr.scaffold.mp4"
        seconds = probe(scaffold, what="scaffold").duration_s
        clip = work / "interpreter.mp4"
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size=360x540:rate=25:duration={seconds:.2f}",
                        "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", str(clip)], check=True, timeout=120)
        signed = work / "roads.fr.signed.mp4"
        overlay_interpreter(scaffold, clip, signed, preset="ultrafast")
        yield {"c": c, "app": app, "doc": doc_id, "signed": signed, "scaffold": scaffold,
               "auth": {"Authorization": f"Bearer {store.tokens.create('amina')}"}}


def _put(s: dict[str, Any], lang: str, body: bytes, auth: bool = True) -> Any:
    return s["c"].put(f"/v1/documents/{s['doc']}/signed-video/{lang}", content=body,
                      headers={"Content-Type": "video/mp4", **(s["auth"] if auth else {})})


def test_uploads_that_are_not_an_overlay_are_refused(staff: dict[str, Any]) -> None:
    signed = staff["signed"].read_bytes()
    assert _put(staff, "fr", signed, auth=False).status_code == 401
    r = _put(staff, "de", signed)
    assert r.status_code == 404 and r.json()["error"]["code"] == "no_scaffold"
    r = _put(staff, "fr", staff["scaffold"].read_bytes())  # the scaffold itself: an empty interpreter region
    assert r.status_code == 422 and r.json()["error"]["code"] == "no_interpreter", r.text
    r = _put(staff, "fr", b"\x00\x00\x00\x18ftypmp42 not really a video")
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_video", r.text
    r = _put(staff, "ar", signed)  # made from the French scaffold: not the Arabic narration's length
    assert r.status_code == 422 and r.json()["error"]["code"] == "wrong_video", r.text
    r = _put(staff, "fr", b"")
    assert r.status_code == 400 and r.json()["error"]["code"] == "empty_upload"
    names = {a["name"] for a in staff["c"].get(f"/v1/documents/{staff['doc']}", headers=staff["auth"]).json()["artifacts"]}
    assert "roads.fr.signed.mp4" not in names


def test_the_overlay_is_published_as_the_video_with_sign_language(staff: dict[str, Any]) -> None:
    c = staff["c"]
    r = _put(staff, "fr", staff["signed"].read_bytes())
    assert r.status_code == 200, r.text
    arts = {a["name"]: a for a in r.json()["artifacts"]}
    assert arts["roads.fr.signed.mp4"]["role"] == "sign-language" and arts["roads.fr.signed.mp4"]["lang"] == "fr"
    publish(staff["app"], staff["doc"])
    assert _put(staff, "fr", staff["signed"].read_bytes()).status_code == 409  # a published document does not change
    names = {f["name"] for f in c.get(f"/v1/catalogue/{staff['doc']}").json()["formats"]}
    assert {"roads.fr.signed.mp4", "roads.fr.mp4", "roads.ar.mp4"} <= names and not any(".scaffold." in n for n in names)
    assert "roads.ar.signed.mp4" not in names  # no overlay in Arabic: no video "with sign language" in Arabic
    for lang, label in (("fr", "Vidéo en langue des signes · français"), ("ar", "فيديو بلغة الإشارة · الفرنسية")):
        c.cookies.set("taysir_lang", lang)
        html = c.get(f"/catalogue/{staff['doc']}").text
        assert html.count(f">{label}</a>") == 1
        m = re.search(r'<video [^>]*src="[^"]+/roads\.fr\.signed\.mp4">(.*?)</video>', html, re.S)
        assert m and "<track" not in m.group(1)  # captions are in its picture: no second layer
        assert foreign_words(html) == []
    z = zipfile.ZipFile(io.BytesIO(c.get(f"/v1/catalogue/{staff['doc']}/bundle").content))
    assert "roads/roads.fr.signed.mp4" in z.namelist()
    got = c.get(f"/v1/catalogue/{staff['doc']}/files/roads.fr.signed.mp4")
    assert got.status_code == 200 and got.content == Path(staff["signed"]).read_bytes()
