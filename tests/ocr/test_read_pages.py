"""read_pages end to end with real pypdfium2 and tesseract: what is OCR'd, what is not, and how well."""

from __future__ import annotations

from pathlib import Path

import ocr_testkit as pdfkit
import pytest
from ocr_testkit import MIXED_SAMPLE, make_ctx, page_texts
from rapidfuzz import fuzz

import transform.ocr.pages as pages_mod
from transform.errors import InputError
from transform.ocr import read_pages
from transform.ocr.quality import comparable

AR_MIN, FR_MIN = 0.90, 0.95


def similarity(got: str, truth: str) -> float:
    """Character similarity of the folded texts, words sorted so that table reading order does not count."""
    return fuzz.token_sort_ratio(comparable(got), comparable(truth)) / 100.0


def ordered_similarity(got: str, truth: str) -> float:
    return fuzz.ratio(comparable(got), comparable(truth)) / 100.0


def joined(lines) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(ln.text for ln in lines)


@pytest.fixture
def ocr_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record every page sent to tesseract (full pages and quick samples), still running the real thing."""
    calls: list[int] = []
    real_page, real_image = pages_mod.ocr_page, pages_mod.ocr_image

    def page_spy(pimg, *a, **kw):  # type: ignore[no-untyped-def]
        calls.append(pimg.page)
        return real_page(pimg, *a, **kw)

    def image_spy(pimg, *a, **kw):  # type: ignore[no-untyped-def]
        calls.append(pimg.page)
        return real_image(pimg, *a, **kw)

    monkeypatch.setattr(pages_mod, "ocr_page", page_spy)
    monkeypatch.setattr(pages_mod, "ocr_image", image_spy)
    return calls


def test_good_text_layers_are_never_ocrd(ar_source: Path, fr_source: Path, own_pdf: Path, ocr_calls: list[int], tmp_path: Path) -> None:
    for src in {ar_source, fr_source, own_pdf, *([MIXED_SAMPLE] if MIXED_SAMPLE.exists() else [])}:
        text_pages = pdfkit.text_lines(src)
        lines, reports = read_pages(src, text_pages, make_ctx(tmp_path))
        assert len(reports) == len(text_pages)
        for rep, got, orig in zip(reports, lines, text_pages, strict=True):
            if orig:
                assert rep.method == "text", (src.name, rep)
                assert got == orig
                assert rep.score is not None and rep.score >= 0.65
            else:
                assert rep.method == "unreadable" and "blank" in rep.reason
    assert ocr_calls == []


def test_scans_are_ocrd_and_bad_pages_reported(scanned_mix: tuple[Path, list[str]], ocr_calls: list[int], tmp_path: Path) -> None:
    pdf, truth = scanned_mix
    lines, reports = read_pages(pdf, pdfkit.text_lines(pdf), make_ctx(tmp_path))
    assert [r.method for r in reports] == ["ocr", "ocr", "unreadable", "ocr"]
    assert "ar" in reports[0].langs and reports[1].langs == ["fr"]
    assert similarity(joined(lines[0]), truth[0]) >= AR_MIN
    assert similarity(joined(lines[1]), truth[1]) >= FR_MIN
    assert ordered_similarity(joined(lines[0]), truth[0]) >= 0.85  # reading order survives
    assert "blank" in reports[2].reason
    assert lines[2] == []
    # a 60 dpi scan is read too: rendered at its own resolution and enlarged, it reads about 0.91
    assert similarity(joined(lines[3]), truth[0]) >= 0.85
    assert sorted(set(ocr_calls)) == [1, 2, 3, 4]
    # geometry: PDF points on an A4 page, with a heading bigger than body text
    first = lines[0]
    assert all(0 <= ln.x0 < ln.x1 <= 600 and 0 <= ln.top < ln.bottom <= 850 for ln in first)
    assert all(ln.page == 1 for ln in first)
    sizes = sorted(ln.size for ln in first)
    assert sizes[-1] >= 1.2 * sizes[len(sizes) // 2]
    # every OCR'd line carries tesseract's confidence on the 0..1 scale
    assert all(ln.confidence is not None and 0 <= ln.confidence <= 1 for page in lines for ln in page)
    assert sum(ln.confidence or 0 for ln in first) / len(first) >= 0.8


def test_wrong_tounicode_is_detected_and_ocrd(ar_source: Path, work: Path, ocr_calls: list[int], tmp_path: Path) -> None:
    bad = pdfkit.permute_tounicode(ar_source, work / "wrong_tounicode.pdf")
    text_pages = pdfkit.text_lines(bad)
    truth = page_texts(ar_source)
    assert ordered_similarity(joined(text_pages[0]), truth[0]) < 0.5  # the text layer really is garbage
    lines, reports = read_pages(bad, text_pages, make_ctx(tmp_path))
    assert reports[0].method == "ocr"
    assert "text layer rejected" in reports[0].reason
    assert similarity(joined(lines[0]), truth[0]) >= AR_MIN


def test_ocr_never_keeps_text_layer(scanned_mix: tuple[Path, list[str]], ar_source: Path, work: Path, ocr_calls: list[int], tmp_path: Path) -> None:
    pdf, _ = scanned_mix
    lines, reports = read_pages(pdf, pdfkit.text_lines(pdf), make_ctx(tmp_path, "never"))
    assert [r.method for r in reports] == ["unreadable"] * 4
    assert all("ocr=never" in r.reason for r in reports[:2])
    # a borderline layer is used, flagged; a broken one stops the run with a clear, typed error
    three = pdfkit.permute_tounicode(ar_source, work / "three_letters_never.pdf", swap={"ر": "ز", "ز": "ر", "د": "ذ"})
    text_pages = pdfkit.text_lines(three)
    lines, reports = read_pages(three, text_pages, make_ctx(tmp_path, "never"))
    assert any(r.method == "text" and "looks wrong" in r.reason for r in reports)
    assert lines == text_pages
    bad = pdfkit.permute_tounicode(ar_source, work / "wrong_tounicode_never.pdf")
    with pytest.raises(InputError, match=r"text layer of pages? .*is broken.*ocr=never") as exc:
        read_pages(bad, pdfkit.text_lines(bad), make_ctx(tmp_path, "never"))
    assert exc.value.exit_code != 0 and "--ocr auto" in (exc.value.hint or "")
    assert ocr_calls == []


@pytest.mark.slow
def test_ocr_always_reads_every_page(own_pdf: Path, tmp_path: Path) -> None:
    text_pages = pdfkit.text_lines(own_pdf)
    lines, reports = read_pages(own_pdf, text_pages, make_ctx(tmp_path, "always"))
    assert [r.method for r in reports] == ["ocr", "ocr", "unreadable"]
    assert similarity(joined(lines[0]), pdfkit.AR_TEXT) >= AR_MIN
    assert similarity(joined(lines[1]), pdfkit.FR_TEXT) >= FR_MIN


@pytest.mark.slow
@pytest.mark.parametrize("name", ["budget-citoyen-2026.pdf", "programme-developpement-regional.pdf", "deliberation-conseil.pdf"])
def test_every_scanned_sample_page(name: str, work: Path, tmp_path: Path) -> None:
    src = MIXED_SAMPLE.parent / name
    if not src.exists():
        pytest.skip(f"samples/{name} not built")
    scan = pdfkit.scan_pdf(src, work / f"scan-{name}", 300)
    truth = page_texts(src)
    lines, reports = read_pages(scan, pdfkit.text_lines(scan), make_ctx(tmp_path))
    for rep, got, want in zip(reports, lines, truth, strict=True):
        assert rep.method == "ocr", rep
        need = AR_MIN if "ar" in rep.langs else FR_MIN
        assert similarity(joined(got), want) >= need, (rep.page, rep.langs)


def _text_page(pdf: Path) -> int:
    return next(i for i, lines in enumerate(pdfkit.text_lines(pdf)) if lines)


def test_borderline_page_kept_when_ocr_sample_agrees(work: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Place names are missing from the word list (borderline score); a quick OCR sample vouches for them."""
    src = pdfkit.make_pdf(work / "places.pdf", [(pdfkit.PLACES_TEXT, "ar")])
    full: list[int] = []
    real = pages_mod.ocr_page
    monkeypatch.setattr(pages_mod, "ocr_page", lambda p, *a, **kw: full.append(p.page) or real(p, *a, **kw))
    text_pages = pdfkit.text_lines(src)
    i = _text_page(src)
    lines, reports = read_pages(src, text_pages, make_ctx(tmp_path))
    assert 0.45 <= (reports[i].score or 0) < 0.65
    assert reports[i].method == "text" and "OCR sample agrees" in reports[i].reason
    assert lines[i] == text_pages[i]
    assert full == []


def test_borderline_page_ocrd_when_sample_disagrees(ar_source: Path, work: Path, tmp_path: Path) -> None:
    bad = pdfkit.permute_tounicode(ar_source, work / "three_letters.pdf", swap={"ر": "ز", "ز": "ر", "د": "ذ"})
    text_pages = pdfkit.text_lines(bad)
    lines, reports = read_pages(bad, text_pages, make_ctx(tmp_path))
    border = [r for r in reports if "OCR sample" in r.reason]
    assert border, [(r.page, r.score) for r in reports]  # page 2 of the regional programme scores about 0.64
    for rep in border:
        assert rep.method == "ocr" and ("disagrees" in rep.reason or "known ones" in rep.reason)
        assert "ر" in joined(lines[rep.page - 1])


def test_borderline_ruled_table_is_kept_when_its_lines_agree(work: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Upper-case association names are in no word list (borderline score). Read as one block,
    the ruled table lost whole rows in tesseract's layout (a city's deliberation: 7 of 30 pages
    OCR'd for nothing); read line by line, the sample agrees and the layer is kept."""
    src = pdfkit.html_pdf(work / "subsidies.pdf", pdfkit.subsidies_table_html())
    full: list[int] = []
    real = pages_mod.ocr_page
    monkeypatch.setattr(pages_mod, "ocr_page", lambda p, *a, **kw: full.append(p.page) or real(p, *a, **kw))
    text_pages = pdfkit.text_lines(src)
    i = _text_page(src)
    lines, reports = read_pages(src, text_pages, make_ctx(tmp_path))
    assert 0.45 <= (reports[i].score or 0) < 0.65
    assert reports[i].method == "text" and "OCR sample agrees" in reports[i].reason, reports[i]
    assert full == []
