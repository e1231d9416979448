"""EPUB 3: package, accessibility metadata, Media Overlays equal to the timeline; EPUBCheck and Ace."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from transform.model import Document, Timeline
from transform.publish.epub import Narration, build_epub
from transform.publish.smil import parse_clock

from .tools import Narr, ace, ace_violations, epubcheck_many

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "smil": "http://www.w3.org/ns/SMIL",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _build(track: Document, tmp: Path, lang: str, narr: Narr | None) -> Path:
    out = tmp / f"budget.{lang}.epub"
    build_epub(track, out, stem="budget", narration=Narration(narr.audio, narr.timeline, "espeak-ng") if narr else None)
    return out


@pytest.fixture(scope="module")
def books(
    tracks: dict[str, Document], darija_track: Document, narrations: dict[str, Narr], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("epub")
    out = {lang: _build(t, tmp, lang, narrations[lang]) for lang, t in tracks.items()}
    out["ary"] = _build(darija_track, tmp, "ary", narrations["ary"])
    plain = tmp / "plain"
    plain.mkdir()
    out["ar-plain"] = _build(tracks["ar"], plain, "ar", None)
    return out


def _opf(zf: zipfile.ZipFile) -> etree._Element:
    return etree.fromstring(zf.read("EPUB/package.opf"))


def _metas(opf: etree._Element, prop: str) -> list[str]:
    return [m.text for m in opf.xpath(f'//opf:meta[@property="{prop}" and not(@refines)]', namespaces=NS)]


def test_container_and_package_metadata(books: dict[str, Path]) -> None:
    with zipfile.ZipFile(books["ar"]) as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == b"application/epub+zip"
        opf = _opf(zf)
        assert opf.xpath("//dc:language/text()", namespaces=NS)[0] == "ar"
        assert opf.xpath("//opf:spine/@page-progression-direction", namespaces=NS) == ["rtl"]
        assert sorted(_metas(opf, "schema:accessMode")) == ["auditory", "textual"]
        assert {"textual", "textual,auditory"} == set(_metas(opf, "schema:accessModeSufficient"))
        features = set(_metas(opf, "schema:accessibilityFeature"))
        assert {"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText", "synchronizedAudioText"} <= features
        assert _metas(opf, "schema:accessibilityHazard") == ["none"]
        assert _metas(opf, "schema:accessibilitySummary")[0].strip()
        assert _metas(opf, "dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
        assert _metas(opf, "media:active-class") == ["-epub-media-overlay-active"]
        # chapters: xml:lang, lang and dir on the root
        chapter = etree.fromstring(zf.read("EPUB/text/c001.xhtml"))
        assert (chapter.get("lang"), chapter.get(XML_LANG), chapter.get("dir")) == ("ar", "ar", "rtl")
        nav = etree.fromstring(zf.read("EPUB/nav.xhtml"))
        links = nav.xpath('//x:nav[@epub:type="toc"]//x:a', namespaces=NS)
        assert [a.text for a in links] == ["ميزانية المواطن لجهة الشرق 2025", "الموارد", "النفقات"]
        assert all(a.get("href").startswith("text/c001.xhtml#") for a in links)
    with zipfile.ZipFile(books["fr"]) as zf:
        opf = _opf(zf)
        assert opf.xpath("//opf:spine/@page-progression-direction", namespaces=NS) == ["ltr"]
        assert opf.xpath("//dc:title/text()", namespaces=NS) == ["Budget citoyen de la région de l’Oriental 2025"]
    with zipfile.ZipFile(books["ary"]) as zf:  # the Darija book ends with its glossary, linked from the nav
        nav = etree.fromstring(zf.read("EPUB/nav.xhtml"))
        assert nav.xpath('//x:nav[@epub:type="landmarks"]//x:a[@epub:type="glossary"]/@href', namespaces=NS) == [
            "text/glossary.xhtml#glossary"
        ]
        gl = etree.fromstring(zf.read("EPUB/text/glossary.xhtml"))
        assert gl.xpath("//x:section/@epub:type", namespaces=NS) == ["glossary"]
        assert gl.xpath("//x:dt/x:a/@href", namespaces=NS)[0] == "../text/c001.xhtml#s1-b1-1b"
        assert _opf(zf).xpath("//opf:spine/@page-progression-direction", namespaces=NS) == ["rtl"]
    with zipfile.ZipFile(books["ar-plain"]) as zf:  # no narration: no overlay claims
        opf = _opf(zf)
        assert _metas(opf, "schema:accessMode") == ["textual"]
        assert "synchronizedAudioText" not in _metas(opf, "schema:accessibilityFeature")
        assert not [n for n in zf.namelist() if n.endswith((".smil", ".mp3"))]


@pytest.mark.parametrize("lang", ["ar", "fr", "ary"])
def test_smil_clip_times_equal_the_timeline(lang: str, books: dict[str, Path], narrations: dict[str, Narr]) -> None:
    timeline: Timeline = narrations[lang].timeline
    expected = {c.sentence_id: (c.begin_ms, c.end_ms) for c in timeline.cues}
    seen: dict[str, tuple[int, int]] = {}
    with zipfile.ZipFile(books[lang]) as zf:
        opf = _opf(zf)
        audio = opf.xpath('//opf:item[@media-type="audio/mpeg"]/@href', namespaces=NS)
        assert audio == ["audio/narration.mp3"]
        assert zf.read("EPUB/audio/narration.mp3") == narrations[lang].audio.read_bytes()
        durations = {}
        for item in opf.xpath('//opf:item[@media-type="application/smil+xml"]', namespaces=NS):
            smil = etree.fromstring(zf.read("EPUB/" + item.get("href")))
            total = 0
            for par in smil.xpath("//smil:par", namespaces=NS):
                src = par.xpath("smil:text/@src", namespaces=NS)[0]
                a = par.xpath("smil:audio", namespaces=NS)[0]
                assert a.get("src") == "../audio/narration.mp3"
                href, frag = src.split("#")
                begin, end = parse_clock(a.get("clipBegin")), parse_clock(a.get("clipEnd"))
                seen[frag] = (begin, end)
                total += end - begin
                # the target exists in the chapter, as the sentence span
                doc = etree.fromstring(zf.read("EPUB/text/" + href.rsplit("/", 1)[-1]))
                assert doc.xpath(f'//*[@id="{frag}"]/@class', namespaces=NS)[0].split()[0] == "s"
            durations[item.get("id")] = total
            # the chapter points at its overlay
            assert opf.xpath(f'//opf:item[@media-overlay="{item.get("id")}"]', namespaces=NS)
        refined = {
            m.get("refines")[1:]: parse_clock(m.text)
            for m in opf.xpath('//opf:meta[@property="media:duration" and @refines]', namespaces=NS)
        }
        assert refined == durations
        assert parse_clock(_metas(opf, "media:duration")[0]) == sum(durations.values())
    assert seen == expected  # every cue once, to the millisecond


@pytest.mark.slow
def test_epubcheck_reports_nothing(books: dict[str, Path], tmp_path: Path) -> None:
    """ar, fr, ary with narration, and ar without: 0 fatal, 0 error, 0 warning, 0 info."""
    reports = epubcheck_many(list(books.values()), tmp_path)
    found = {
        Path(p).parent.name + "/" + Path(p).name: [f"{m['severity']} {m['ID']}: {m['message']}" for m in msgs]
        for p, msgs in reports.items()
    }
    assert all(not msgs for msgs in found.values()), found


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ar", "ary"])
def test_ace_finds_no_serious_violation(lang: str, books: dict[str, Path], tmp_path: Path) -> None:
    report = ace(books[lang], tmp_path / "ace")
    bad = [v for v in ace_violations(report) if v[0] in ("serious", "critical")]
    assert bad == []
    meta = report["a11y-metadata"]
    assert {
        "schema:accessMode",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
        "schema:accessModeSufficient",
        "dcterms:conformsTo",
    } <= set(meta["present"])


@pytest.fixture(scope="module")
def pdf_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PDF sample: its pages become page-break markers and a page list."""
    from transform import TransformOptions
    from transform.context import RunContext
    from transform.ingest import ingest
    from transform.model.tracks import split_tracks
    from transform.structure import build_structure

    src = Path(__file__).resolve().parents[2] / "samples" / "budget-citoyen-2026.pdf"
    tmp = tmp_path_factory.mktemp("pdf")
    doc = build_structure(ingest(src, RunContext(options=TransformOptions(), out_dir=tmp, stem="budget")))
    return _build(split_tracks(doc)["ar"], tmp, "ar", None)


def test_pdf_pages_become_page_list(pdf_book: Path) -> None:
    with zipfile.ZipFile(pdf_book) as zf:
        nav = etree.fromstring(zf.read("EPUB/nav.xhtml"))
        hrefs = nav.xpath('//x:nav[@epub:type="page-list"]//x:a/@href', namespaces=NS)
        assert hrefs[:2] == ["text/c001.xhtml#page-1", "text/c001.xhtml#page-2"]
        chapter = etree.fromstring(zf.read("EPUB/text/c001.xhtml"))
        marker = chapter.xpath('//*[@id="page-2"]', namespaces=NS)[0]
        assert (marker.get("role"), marker.get("{http://www.idpf.org/2007/ops}type"), marker.get("aria-label")) == (
            "doc-pagebreak",
            "pagebreak",
            "الصفحة 2",
        )
        opf = _opf(zf)
        assert opf.xpath("//dc:source/text()", namespaces=NS) == ["budget-citoyen-2026.pdf"]
        assert _metas(opf, "schema:accessibilityFeature")[-2:] == ["pageBreakMarkers", "pageNavigation"]


@pytest.mark.slow
@pytest.mark.browser
def test_pdf_book_passes_epubcheck_and_ace(pdf_book: Path, tmp_path: Path) -> None:
    assert epubcheck_many([pdf_book], tmp_path) == {str(pdf_book): []}
    assert ace_violations(ace(pdf_book, tmp_path / "ace")) == []
