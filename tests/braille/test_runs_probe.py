"""The bilingual probe (tests/resources/runs-probe.md, written for issue 20): French with Arabic names,
Arabic with French acronyms and Latin names, numbers in both, a heading in the other language, a stray
tanween, a dagger alef, a ligature and typographic signs. Every output, status success, content checked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from transform import ConversionStatus, TransformOptions, convert
from transform.braille import translate_text
from transform.model import Timeline

PROBE = Path(__file__).resolve().parents[1] / "resources" / "runs-probe.md"
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("probe")
    result = convert(
        PROBE, TransformOptions(outputs=["json", "text", "braille", "html", "epub", "docx", "captions", "audio"]), dest
    )
    assert result.status == ConversionStatus.SUCCESS, result.errors
    assert [e for e in result.errors if e.stage == "render.braille"] == []  # nothing noted: every character has a rule
    return dest / "runs-probe"


def _brl(out: Path, lang: str) -> str:
    return (out / f"runs-probe.{lang}.brl").read_text(encoding="utf-8").replace("\n", "\u2800")


def test_text_keeps_every_character(out: Path) -> None:
    fr = (out / "runs-probe.fr.txt").read_text(encoding="utf-8")
    ar = (out / "runs-probe.ar.txt").read_text(encoding="utf-8")
    assert "La commune de أفورار, province d’Azilal" in fr and "السيد محمد بنعلي" in fr
    assert "INDH برنامج PDR في جماعة Afourar سنة 2026" in ar and "الرَّحْمٰنِ" in ar


def test_braille_of_both_tracks_has_each_run_in_its_own_code(out: Path) -> None:
    fr, ar = _brl(out, "fr"), _brl(out, "ar")
    assert "⠙⠀⠌⠋⠺⠗⠁⠗⠂" in fr  # "de أفورار," : the name in Arabic braille, French comma glued
    assert translate_text("السيد محمد بنعلي", "ar") in fr
    assert "⠠⠡⠣⠱⠼⠼⠼⠼⠀⠨⠨⠙⠓" in fr  # 1 250 000 DH in French braille (one number)
    assert "⠨⠨⠔⠙⠓" in ar and "⠨⠨⠏⠙⠗" in ar  # INDH, PDR with the French table
    assert "⠼⠁⠃⠑⠚⠚⠚⠚" in ar  # 1 250 000 in Arabic braille
    # الرَّحْمٰنِ: fatha 2 and shadda 6 (NFC order), sukun 25, dagger alef as alef 1, kasra 15; the stray ٌ after it: dropped
    assert "⠁⠇⠗⠂⠠⠱⠒⠍⠁⠝⠑⠀⠀" in ar
    assert "\\" not in fr + ar


def test_html_has_a_lang_dir_span_per_run(out: Path) -> None:
    fr = (out / "runs-probe.fr.html").read_text(encoding="utf-8")
    ar = (out / "runs-probe.ar.html").read_text(encoding="utf-8")
    assert '<span lang="ar" dir="rtl">أفورار</span>, province' in fr
    assert '<span lang="ar" dir="rtl">السيد محمد بنعلي</span>' in fr
    for name in ("INDH", "PDR", "Afourar", "ONEE"):
        assert f'<span lang="fr" dir="ltr">{name}</span>' in ar


def test_captions_isolate_runs_and_timeline_lists_voices(out: Path) -> None:
    fr = (out / "runs-probe.fr.vtt").read_text(encoding="utf-8")
    ar = (out / "runs-probe.ar.srt").read_text(encoding="utf-8")
    assert f"La commune de {RLI}أفورار{PDI}, province" in fr
    assert f"{LRI}INDH{PDI}" in ar and f"{LRI}Afourar{PDI}" in ar
    tl = Timeline.model_validate_json((out / "runs-probe.ar.timeline.json").read_text(encoding="utf-8"))
    (cue,) = [c for c in tl.cues if "INDH" in c.text]
    assert "fr" in [lang for lang, _ in cue.voices] and cue.text.startswith("أطلقت")


def test_docx_and_epub_mark_each_run(out: Path) -> None:
    with zipfile.ZipFile(out / "runs-probe.fr.docx") as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    (run,) = root.xpath('//w:r[w:t="أفورار"]', namespaces=ns)
    assert run.xpath("w:rPr/w:rtl", namespaces=ns) and run.xpath("w:rPr/w:lang/@w:val", namespaces=ns) == ["ar"]
    with zipfile.ZipFile(out / "runs-probe.ar.epub") as zf:
        pages = "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".xhtml"))
    assert '<span lang="fr" dir="ltr" xml:lang="fr">INDH</span>' in pages


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from tests.browser import chromium

    with chromium() as b:
        yield b


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_axe_finds_nothing_on_the_probe_pages(out: Path, lang: str, browser) -> None:  # type: ignore[no-untyped-def]
    from tests.browser import format_violations, open_page, run_axe

    page, external = open_page(browser, (out / f"runs-probe.{lang}.html").as_uri())
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    assert external == []
    spans = page.evaluate("() => [...document.querySelectorAll('span[lang][dir]')].map(s => [s.lang, s.dir, s.textContent])")
    assert (["ar", "rtl", "أفورار"] if lang == "fr" else ["fr", "ltr", "INDH"]) in spans


@pytest.mark.slow
def test_every_output_of_the_probe_succeeds_video_included(tmp_path: Path) -> None:
    """Issue 20's probe with every output (video too): status success, a citizens' video and an
    interpreter scaffold per track, each with a video and an audio stream as long as the narration."""
    import json
    import subprocess

    every = ["json", "text", "darija", "easy-french", "braille", "audio", "captions", "video", "html", "epub", "docx", "bundle"]
    result = convert(PROBE, TransformOptions(outputs=every, video={"cue_sheet_pdf": False}), tmp_path)
    assert result.status == ConversionStatus.SUCCESS, result.errors
    out = tmp_path / "runs-probe"
    for lang in ("ar", "fr"):
        timeline = Timeline.model_validate_json((out / f"runs-probe.{lang}.timeline.json").read_text(encoding="utf-8"))
        for name in (f"runs-probe.{lang}.mp4", f"runs-probe.{lang}.scaffold.mp4"):
            probe = subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(out / name)],
                                   capture_output=True, text=True, timeout=60, check=True)
            info = json.loads(probe.stdout)
            assert sorted(s["codec_type"] for s in info["streams"] if s["codec_type"] in ("audio", "video")) == ["audio", "video"], name
            assert abs(float(info["format"]["duration"]) * 1000 - timeline.duration_ms) < 300, name
