"""The `video` renderer: files per language track, from the products the audio and captions outputs share."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from transform import TransformOptions
from transform.context import RunContext
from transform.model import Document, DocumentMeta
from transform.render import RENDERERS

from ._media import streams
from ._narration import Narration

pytestmark = pytest.mark.slow


def _ctx(tmp_path: Path, fr: Narration, ar: Narration, **video: object) -> RunContext:
    opts = TransformOptions.model_validate({"outputs": ["video"], "video": video})
    doc = Document(meta=DocumentMeta(title="Budget citoyen", source_name="budget.md"))
    ctx = RunContext(options=opts, out_dir=tmp_path, stem="budget", document=doc, tracks={"ar": doc, "fr": doc, "ary": doc})
    for n in (fr, ar):
        lang = n.timeline.lang
        ctx.products.timelines[lang] = n.timeline
        ctx.products.narrations[lang] = n.audio
        ctx.products.cues[lang] = n.cues
    return ctx


def test_renderer_writes_every_file_per_language(fr_narration: Narration, ar_narration: Narration, tmp_path: Path) -> None:
    from transform.pipeline import plan_outputs

    assert plan_outputs(["video"]) == ["audio", "captions", "video"]
    ctx = _ctx(tmp_path, fr_narration, ar_narration, cue_sheet_pdf=shutil.which("chromium") is not None)
    (tmp_path / "budget.fr.srt").write_text(
        "1\n00:00:00,000 --> 00:00:01,000\nx\n", encoding="utf-8"
    )  # as the captions output would
    arts = RENDERERS.create("video").render(ctx)
    names = {a.name for a in arts}
    for lang in ("ar", "fr"):
        for suffix in ("mp4", "scaffold.mp4", "scaffold.video.json", "cuesheet.html", "teleprompter.vtt"):
            assert f"budget.{lang}.{suffix}" in names
        if shutil.which("chromium"):
            assert f"budget.{lang}.cuesheet.pdf" in names
    assert "budget.ar.srt" in names and "budget.ar.vtt" in names  # written by the video output
    assert "budget.fr.srt" not in names and "budget.fr.vtt" in names  # the captions output's file is left alone
    assert all(a.lang in ("ar", "fr") and a.role == "video" for a in arts)
    assert any("ary" in e.message and e.severity == "warning" for e in ctx.errors)  # no timeline for Darija: said, not failed
    for name in ("budget.ar.mp4", "budget.ar.scaffold.mp4"):
        st = {s["codec_type"]: s for s in streams(tmp_path / name)}
        assert st["subtitle"]["tags"]["language"] == "ara" and st["subtitle"]["disposition"]["default"] == 0
        assert st["video"]["codec_name"] == "h264"
    assert json.loads((tmp_path / "budget.ar.scaffold.video.json").read_text(encoding="utf-8"))["signer"]["w"] == 320
    assert not (tmp_path / "budget.ar.video.json").exists()  # the citizens' video has no signer region
    html = (tmp_path / "budget.ar.cuesheet.html").read_text(encoding="utf-8")
    assert 'lang="ar" dir="rtl"' in html and "صادق المجلس الجهوي على الميزانية." in html
    if shutil.which("chromium") and shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "budget.fr.cuesheet.pdf"), "-"], capture_output=True, check=True, timeout=60
        ).stdout.decode()
        assert "Le conseil régional a adopté le budget." in text and "00:00.0" in text


def test_one_broken_language_does_not_cost_the_others(fr_narration: Narration, ar_narration: Narration, tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, fr_narration, ar_narration, cue_sheet_pdf=False)
    bad = tmp_path / "broken.mp3"
    bad.write_bytes(b"not audio at all")
    ctx.products.narrations["ar"] = bad
    arts = RENDERERS.create("video").render(ctx)
    assert {"budget.fr.mp4", "budget.fr.scaffold.mp4"} <= {a.name for a in arts}
    assert not any(a.lang == "ar" for a in arts)
    errs = [e for e in ctx.errors if e.stage == "render.video" and e.message.startswith("ar: ")]
    assert errs and errs[0].severity == "error" and "broken.mp3" in errs[0].message


def test_renderer_without_any_timeline_fails_clearly(tmp_path: Path) -> None:
    doc = Document(meta=DocumentMeta(source_name="x.md"))
    ctx = RunContext(options=TransformOptions(outputs=["video"]), out_dir=tmp_path, stem="x", document=doc, tracks={"fr": doc})
    from transform.errors import InputError

    with pytest.raises(InputError, match="narration timeline"):
        RENDERERS.create("video").render(ctx)


def test_end_to_end_through_convert(tmp_path: Path) -> None:
    from transform import convert

    src = tmp_path / "budget.md"
    src.write_text("# Budget citoyen\n\nLe conseil régional a adopté le budget.\n", encoding="utf-8")
    res = convert(src, TransformOptions(outputs=["video"], languages=["fr"]), tmp_path / "out")
    assert res.status.value == "success", res.errors
    mp4 = [a for a in res.find("video", "fr") if a.name.endswith(".mp4")]
    assert sorted(a.name for a in mp4) == ["budget.fr.mp4", "budget.fr.scaffold.mp4"]
    st = {s["codec_type"]: s for s in streams(Path(res.path(mp4[0])))}
    assert st["video"]["codec_name"] == "h264" and st["audio"]["codec_name"] == "aac"
    assert st["subtitle"]["tags"]["language"] == "fra"
    assert res.find("video", "fr", ".cuesheet.html") and res.find("video", "fr", ".teleprompter.vtt")
    timeline = Path(res.output_dir or "") / "budget.fr.timeline.json"
    if timeline.is_file():  # the audio output's timeline: the video lasts as long as the narration
        narration_s = json.loads(timeline.read_text(encoding="utf-8"))["duration_ms"] / 1000
        assert abs(float(st["video"]["duration"]) - narration_s) <= 1 / 15
        assert abs(float(st["audio"]["duration"]) - narration_s) <= 1 / 15


def test_without_the_public_video(fr_narration: Narration, ar_narration: Narration, tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, fr_narration, ar_narration, cue_sheet_pdf=False, public_video=False)
    names = {a.name for a in RENDERERS.create("video").render(ctx)}
    assert "budget.fr.scaffold.mp4" in names and "budget.fr.mp4" not in names
