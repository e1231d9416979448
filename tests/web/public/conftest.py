"""Published documents for the public pages' tests, made by the real library and published by the service.

Three documents, converted once per test session (about a minute on the shared machine):

* ``budget``: the 2027 budget note (``samples/note-budget-2027.docx``: Arabic then French) with the
  Darija draft, plain text, braille, HTML, EPUB and Word: a document without audio or video;
* ``roads``: a short Arabic and French note with narration, captions, video, braille and HTML (read-along):
  a document with everything, and with the staff artefacts of the video (scaffold, region file, cue sheet,
  teleprompter) that must never be published;
* ``decision``: the council decision (French) with plain text and HTML only: no braille, no audio, no video;
  its file has a long name without spaces, as scanners and secretariats name files.

Each is stored the way the workers store a converted document, approved, then published with
``service.publishing.publish`` (the real publication rules and the citizens' bundle).
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from service import publishing
from service.app import create_app
from service.settings import ServiceSettings
from service.store import DocumentRow, NewDocument
from transform import TransformOptions, convert

ROOT = Path(__file__).resolve().parents[3]
ROADS_MD = """::: {lang=ar dir=rtl}
# الطرق القروية

صادق المجلس الجهوي على ميزانية قدرها 3 500 000 درهم للطرق القروية. تبدأ الأشغال في شهر مارس 2027.

ستُصلَح عشرون مدرسة في إقليم أزيلال، وتُبنى قنطرة جديدة على وادي العبيد.
:::

# Les routes rurales

Le conseil régional a voté un budget de 3 500 000 dirhams pour les routes rurales. Les travaux commencent en mars 2027.

Vingt écoles seront rénovées dans la province d'Azilal, et un nouveau pont sera construit sur l'oued El Abid.
"""
SOURCES: dict[str, tuple[Path | str, list[str]]] = {
    "budget": (ROOT / "samples" / "note-budget-2027.docx", ["darija", "text", "braille", "html", "epub", "docx"]),
    "roads": (ROADS_MD, ["text", "braille", "audio", "captions", "video", "html"]),
    "decision": (ROOT / "samples" / "deliberation-conseil.docx", ["text", "html"]),
}
# the council decision under the kind of name a scanner or a secretariat gives: long, no spaces (it must wrap on a phone)
LONG_NAME = "deliberation_conseil_regional_beni-mellal-khenifra_session_ordinaire_mars_2026_numero_27.docx"


@dataclass
class Converted:
    name: str
    source: Path
    out_dir: Path
    artifacts: list[Any]
    title: str | None
    languages: list[str]


@dataclass
class Site:
    data_dir: Path
    docs: dict[str, str] = field(default_factory=dict)  # name -> document id
    convs: dict[str, Converted] = field(default_factory=dict)


def _convert(work: Path) -> dict[str, Converted]:
    out = {}
    for name, (src, outputs) in SOURCES.items():
        if isinstance(src, str):
            path = work / f"{name}.md"
            path.write_text(src, encoding="utf-8")
            src = path
        elif name == "decision":
            src = Path(shutil.copy(src, work / LONG_NAME))
        opts = TransformOptions.model_validate({"outputs": outputs, "video": {"cue_sheet_pdf": False}})
        res = convert(src, opts, work / name, raises_on_error=False)
        assert res.status.value in ("success", "partial_success"), res.errors
        langs = sorted({a.lang for a in res.artifacts if a.lang})
        out[name] = Converted(name, src, Path(res.output_dir or work / name), list(res.artifacts),
                              res.document.meta.title if res.document else None, langs)
    return out


def store_converted(store: Any, conv: Converted, *, who: str = "amina") -> str:
    """A job with one converted, approved document holding ``conv``'s files; returns the document id."""
    job_id, doc_id = uuid.uuid4().hex, uuid.uuid4().hex
    up = store.job_dir(job_id) / "uploads" / doc_id / conv.source.name
    up.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(conv.source, up)
    store.jobs.create(job_id, TransformOptions().model_dump_json(),
                      [NewDocument(doc_id, 0, conv.source.name, conv.out_dir.name, store.rel(up), conv.source.suffix.lstrip("."),
                                   up.stat().st_size, hashlib.sha256(up.read_bytes()).hexdigest())], created_by=who)
    dest = store.doc_dir(job_id, doc_id) / "a1" / conv.out_dir.name
    shutil.copytree(conv.out_dir, dest)
    arts = []
    for a in conv.artifacts:
        p = dest / a.name
        arts.append({**a.model_dump(exclude={"size"}), "size": p.stat().st_size, "path": store.rel(p),
                     "sha256": hashlib.sha256(p.read_bytes()).hexdigest()})
    import json
    import time

    now = time.time()
    with store.db.write() as s:
        s.execute(update(DocumentRow).where(DocumentRow.id == doc_id).values(
            status="success", stage="done", stages_done=5, stages_total=5, started_at=now - 60, finished_at=now - 30,
            artifacts_json=json.dumps(arts), title=conv.title, languages_json=json.dumps(conv.languages),
            review_state="reviewed", approved_by=who, approved_at=now))
    return doc_id


def publish(app: Any, doc_id: str) -> None:
    rt = app.state.runtime
    publishing.publish(rt, rt.store.documents.get(doc_id))


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Converted]:
    return _convert(tmp_path_factory.mktemp("public-conv"))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, converted: dict[str, Converted]) -> Site:
    """A data directory with the three documents published (and a fourth converted but not published)."""
    data = tmp_path_factory.mktemp("public-site") / "data"
    app = create_app(ServiceSettings(data_dir=data, embedded_workers=0))
    out = Site(data, convs=converted)
    with TestClient(app, base_url="http://127.0.0.1"):
        store = app.state.runtime.store
        for name in ("budget", "roads", "decision"):
            out.docs[name] = store_converted(store, converted[name])
            publish(app, out.docs[name])
        out.docs["unpublished"] = store_converted(store, converted["decision"])
    return out


@pytest.fixture(scope="module")
def client(site: Site) -> Iterator[TestClient]:
    app = create_app(ServiceSettings(data_dir=site.data_dir, embedded_workers=0))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
