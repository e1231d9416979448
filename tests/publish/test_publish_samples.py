"""The samples (samples/*.docx) through the whole run: Darija, narration, HTML, EPUB, bundle; validators on every file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.browser import chromium, format_violations, open_page, run_axe
from transform import ConversionResult, ConversionStatus, TransformOptions, convert
from transform.model import Timeline

from .test_publish_bundle import _check_manifest
from .tools import ace, ace_violations, epubcheck_many, smil_clips

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.docx"))
OUTPUTS = ["darija", "audio", "html", "epub", "docx", "bundle"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[ConversionResult]:
    assert SAMPLES, "samples/*.docx are missing"
    out = tmp_path_factory.mktemp("samples")
    results = [convert(p, TransformOptions(outputs=OUTPUTS), out) for p in SAMPLES]
    for r in results:
        assert r.status == ConversionStatus.SUCCESS, (r.source, r.errors)
    return results


def _files(runs: list[ConversionResult], role: str) -> list[Path]:
    return [r.path(a) for r in runs for a in r.artifacts if a.role == role]


def test_epubcheck_and_overlays_on_every_sample_epub(runs: list[ConversionResult], tmp_path: Path) -> None:
    epubs = _files(runs, "epub")
    assert len(epubs) >= len(SAMPLES) * 2  # each sample: its language(s) + Darija
    reports = epubcheck_many(epubs, tmp_path)
    for epub in epubs:
        messages = reports[str(epub)]
        assert messages == [], (epub.name, [(m["severity"], m["ID"], m["message"]) for m in messages])
        lang = epub.name.split(".")[-2]
        timeline = Timeline.model_validate_json(
            epub.with_name(epub.name.replace(".epub", ".timeline.json")).read_text(encoding="utf-8")
        )
        assert timeline.lang == lang
        assert smil_clips(epub) == {c.sentence_id: (c.begin_ms, c.end_ms) for c in timeline.cues if c.end_ms > c.begin_ms}


@pytest.mark.browser
def test_axe_on_every_sample_page(runs: list[ConversionResult], tmp_path: Path) -> None:
    """Every publication page, and each bundle's bilingual index.html (opened from the unpacked zip)."""
    pages = _files(runs, "html")
    assert pages
    for i, bundle in enumerate(_files(runs, "bundle")):
        with zipfile.ZipFile(bundle) as zf:
            zf.extract("index.html", tmp_path / str(i))
        pages.append(tmp_path / str(i) / "index.html")
    with chromium() as browser:
        for path in pages:
            page, external = open_page(browser, path.resolve().as_uri())
            violations = run_axe(page)
            assert not violations, f"{path.name}:\n{format_violations(violations)}"
            assert external == [], path.name
            page.close()


@pytest.mark.browser
def test_ace_on_the_darija_budget(runs: list[ConversionResult], tmp_path: Path) -> None:
    (epub,) = [p for p in _files(runs, "epub") if p.name.startswith("budget") and ".ary." in p.name]
    report = ace(epub, tmp_path / "ace")
    assert [v for v in ace_violations(report) if v[0] in ("serious", "critical")] == []


def test_sample_bundles_are_exact(runs: list[ConversionResult]) -> None:
    for bundle in _files(runs, "bundle"):
        man = _check_manifest(bundle)
        roles = {f["role"] for f in man["files"]}
        assert {"audio", "html", "epub", "docx", "index", "manifest"} <= roles, bundle.name


@pytest.mark.browser
def test_pdf_sample_page_with_page_numbers_passes_axe(tmp_path: Path) -> None:
    result = convert(ROOT / "samples" / "budget-citoyen-2026.pdf", TransformOptions(outputs=["html"]), tmp_path)
    assert result.status == ConversionStatus.SUCCESS, result.errors
    pages = _files([result], "html")
    with chromium() as browser:
        for path in pages:
            page, _ = open_page(browser, path.resolve().as_uri())
            assert page.locator("[role=doc-pagebreak]").count() >= 1, path.name
            violations = run_axe(page)
            assert not violations, f"{path.name}:\n{format_violations(violations)}"
