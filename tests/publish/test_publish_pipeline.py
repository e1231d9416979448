"""The whole run with the real narration: audio -> html/epub read-along -> bundle (EPUBCheck runs on the samples' books)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import html as lhtml

from transform import ConversionStatus, TransformOptions, convert
from transform.model import Timeline

from .tools import smil_clips


@pytest.mark.slow
def test_audio_run_gives_read_along(bilingual_md: Path, tmp_path: Path) -> None:
    result = convert(bilingual_md, TransformOptions(outputs=["audio", "html", "epub", "bundle"]), tmp_path / "out")
    assert result.status == ConversionStatus.SUCCESS, result.errors
    out = Path(result.output_dir or "")
    for lang in ("ar", "fr"):
        timeline = Timeline.model_validate_json((out / f"bilingual.{lang}.timeline.json").read_text(encoding="utf-8"))
        epub = out / f"bilingual.{lang}.epub"
        # the SMIL clip times are the narration timeline's, cue for cue
        assert smil_clips(epub) == {c.sentence_id: (c.begin_ms, c.end_ms) for c in timeline.cues if c.end_ms > c.begin_ms}
        with zipfile.ZipFile(epub) as zf:
            assert zf.read("EPUB/audio/narration.mp3") == (out / f"bilingual.{lang}.mp3").read_bytes()
        page = lhtml.fromstring((out / f"bilingual.{lang}.html").read_bytes())
        assert page.xpath('//audio[@id="narration"]/@src') == [f"bilingual.{lang}.mp3"]
    with zipfile.ZipFile(out / "bilingual.bundle.zip") as zf:
        names = set(zf.namelist())
    assert {"bilingual.ar.mp3", "bilingual.fr.timeline.json", "bilingual.ar.epub", "index.html", "manifest.json"} <= names
