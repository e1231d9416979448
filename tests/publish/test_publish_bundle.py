"""Renderers in a run, and the bundle: manifest lists exactly the zip's files, with right checksums."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import html as lhtml

from transform import ConversionStatus, TransformOptions, convert
from transform.context import RunContext
from transform.model import Document
from transform.pipeline import plan_outputs, tracks_stage
from transform.publish.bundle import collect
from transform.render import RENDERERS

from .tools import Narr

OUTPUTS = ["json", "text", "html", "epub", "docx", "bundle"]


def _check_manifest(zpath: Path) -> dict:  # type: ignore[type-arg]
    with zipfile.ZipFile(zpath) as zf:
        names = sorted(zf.namelist())
        man = json.loads(zf.read("manifest.json"))
        listed = sorted(f["path"] for f in man["files"])
        assert listed == names  # exactly the files of the zip, no more, no less
        for f in man["files"]:
            if f["path"] == "manifest.json":
                assert f["sha256"] is None  # a file cannot hold its own checksum
                continue
            data = zf.read(f["path"])
            assert f["sha256"] == hashlib.sha256(data).hexdigest(), f["path"]
            assert f["size"] == len(data), f["path"]
            assert f["description"]["ar"] and f["description"]["fr"]
    return man


def test_convert_all_publications(bilingual_md: Path, tmp_path: Path) -> None:
    result = convert(bilingual_md, TransformOptions(outputs=OUTPUTS), tmp_path / "out")
    assert result.status == ConversionStatus.SUCCESS, result.errors
    names = sorted(a.name for a in result.artifacts)
    for lang in ("ar", "fr"):
        for ext in ("html", "epub", "docx"):
            assert f"bilingual.{lang}.{ext}" in names
    out = Path(result.output_dir or "")
    man = _check_manifest(out / "bilingual.bundle.zip")
    by_path = {f["path"]: f for f in man["files"]}
    # every other output of the run is in the bundle, the bundle itself is not
    assert set(by_path) == {a.name for a in result.artifacts if a.role != "bundle"} | {"index.html", "manifest.json"}
    assert (by_path["bilingual.ar.epub"]["role"], by_path["bilingual.ar.epub"]["lang"]) == ("epub", "ar")
    assert by_path["bilingual.fr.docx"]["media_type"].endswith("wordprocessingml.document")
    assert by_path["bilingual.json"]["lang"] is None
    assert man["document"]["languages"] == ["ar", "fr"] and man["document"]["source_name"] == "bilingual.md"
    assert any(s["stage"] == "ingest+structure" for s in man["engines"])
    assert man["tools"]["pandoc"].startswith("pandoc 3")
    # index.html explains each file in Arabic and in French
    with zipfile.ZipFile(out / "bilingual.bundle.zip") as zf:
        index = lhtml.fromstring(zf.read("index.html"))
    assert (index.get("lang"), index.get("dir")) == ("ar", "rtl")
    fr = index.xpath('//section[@lang="fr"]')[0]
    assert fr.get("dir") == "ltr"
    for sec in (index.xpath('//section[@id="files-ar"]')[0], fr):
        linked = sorted(a.get("href") for a in sec.xpath(".//tbody//a"))
        assert linked == sorted(by_path)
    assert (
        "Livre numérique" in fr.text_content() and "كتاب إلكتروني" in index.xpath('//section[@id="files-ar"]')[0].text_content()
    )


def test_plan_puts_bundle_last() -> None:
    assert plan_outputs(["bundle", "epub", "audio"] if "audio" in RENDERERS else ["bundle", "epub", "html"])[-1] == "bundle"


def _ctx(doc: Document, out: Path) -> RunContext:
    ctx = RunContext(options=TransformOptions(outputs=OUTPUTS), out_dir=out, stem="budget")
    out.mkdir(parents=True, exist_ok=True)
    tracks_stage(doc, ctx)
    return ctx


def test_renderers_use_the_narration_of_the_run(bilingual_doc: Document, narrations: dict[str, Narr], tmp_path: Path) -> None:
    """What the audio output leaves in ctx.products becomes read-along in HTML and EPUB, and goes in the bundle."""
    ctx = _ctx(bilingual_doc, tmp_path / "out")
    for lang in ("ar", "fr"):
        mp3 = ctx.file(lang, "mp3")
        shutil.copy(narrations[lang].audio, mp3)
        ctx.products.timelines[lang] = narrations[lang].timeline
        ctx.products.narrations[lang] = mp3
    arts = []
    for name in ("html", "epub", "docx", "bundle"):
        arts += RENDERERS.create(name).render(ctx)
    assert ctx.errors == []
    page = lhtml.fromstring(ctx.file("ar", "html").read_bytes())
    assert page.xpath('//audio[@id="narration"]/@src') == ["budget.ar.mp3"]
    with zipfile.ZipFile(ctx.file("fr", "epub")) as zf:
        assert [n for n in zf.namelist() if n.endswith(".smil")] and "EPUB/audio/narration.mp3" in zf.namelist()
    man = _check_manifest(ctx.file("bundle", "zip"))
    mp3s = {f["path"]: f for f in man["files"] if f["path"].endswith(".mp3")}
    assert {p: (f["role"], f["lang"]) for p, f in mp3s.items()} == {
        "budget.ar.mp3": ("audio", "ar"),
        "budget.fr.mp3": ("audio", "fr"),
    }
    assert [a.description for a in arts if a.role == "epub"] == ["EPUB 3 with read-along narration"] * 2


def test_estimated_timeline_gives_no_read_along(bilingual_doc: Document, narrations: dict[str, Narr], tmp_path: Path) -> None:
    ctx = _ctx(bilingual_doc, tmp_path / "out")
    mp3 = ctx.file("ar", "mp3")
    shutil.copy(narrations["ar"].audio, mp3)
    ctx.products.timelines["ar"] = narrations["ar"].timeline.model_copy(update={"estimated": True})
    ctx.products.narrations["ar"] = mp3
    RENDERERS.create("epub").render(ctx)
    with zipfile.ZipFile(ctx.file("ar", "epub")) as zf:
        assert not [n for n in zf.namelist() if n.endswith((".smil", ".mp3"))]
    assert [e.severity for e in ctx.errors] == ["warning"] and "estimate" in ctx.errors[0].message


def test_collect_only_takes_this_document(tmp_path: Path) -> None:
    for name in ("budget.ar.html", "budget.json", "budget.bundle.zip", "budget.ar.docx.part", "other.ar.html", "notes.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "budget.frames").mkdir()
    (tmp_path / "budget.frames" / "f1.png").write_bytes(b"png")
    got = {f.path: (f.role, f.lang) for f in collect(tmp_path, "budget", "budget.bundle.zip", {"ar", "fr"})}
    assert got == {"budget.ar.html": ("html", "ar"), "budget.json": ("json", None), "budget.frames/f1.png": ("other", None)}


def test_bundle_without_outputs_is_a_clear_error(bilingual_doc: Document, tmp_path: Path) -> None:
    from transform.errors import OutputError

    ctx = _ctx(bilingual_doc, tmp_path / "empty")
    with pytest.raises(OutputError, match="no output file"):
        RENDERERS.create("bundle").render(ctx)


def test_darija_run_publishes_the_simplified_track(bilingual_md: Path, tmp_path: Path) -> None:
    """With the real simplifier: the ary track gets its page, book and document; the review files are explained."""
    result = convert(bilingual_md, TransformOptions(outputs=["darija", "html", "epub", "docx", "bundle"]), tmp_path / "out")
    assert result.status == ConversionStatus.SUCCESS, result.errors
    out = Path(result.output_dir or "")
    page = lhtml.fromstring((out / "bilingual.ary.html").read_bytes())
    assert (page.get("lang"), page.get("dir")) == ("ary", "rtl")
    assert page.xpath('//p[@class="notice"]')  # machine-made draft
    draft = Document.model_validate_json((out / "bilingual.ary.draft.json").read_text(encoding="utf-8"))
    ids = {s.get("id") for s in page.xpath("//span[contains(concat(' ', @class, ' '), ' s ')]")}
    from transform.model import iter_sentences

    assert {loc.sentence.id for loc in iter_sentences(draft)} == ids
    noted = [loc.sentence for loc in iter_sentences(draft) if ":" in loc.sentence.notes.get("glossary", "")]
    if noted:  # the simplifier explained terms: they are marked as definitions
        assert page.xpath("//dfn") and page.xpath('//section[@id="glossary"]//dt/a')
    man = _check_manifest(out / "bilingual.bundle.zip")
    roles = {f["path"]: f["role"] for f in man["files"]}
    assert roles["bilingual.ary.quality.html"] == "quality-report"
    assert roles["bilingual.ary.epub"] == "epub"


def test_a_track_without_text_is_skipped_with_a_warning(bilingual_doc: Document, tmp_path: Path) -> None:
    ctx = _ctx(bilingual_doc, tmp_path / "out")
    ctx.tracks["fr"] = ctx.tracks["fr"].model_copy(update={"sections": []})
    arts = RENDERERS.create("epub").render(ctx) + RENDERERS.create("html").render(ctx)
    assert sorted(a.name for a in arts) == ["budget.ar.epub", "budget.ar.html"]
    assert [(e.stage, e.severity) for e in ctx.errors] == [("render.epub", "warning"), ("render.html", "warning")]
    page = lhtml.fromstring(ctx.file("ar", "html").read_bytes())
    assert not page.xpath('//nav[@class="versions"]')  # no link to a page that was not made
