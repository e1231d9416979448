"""The per-line tests of the grouping that look first for a sign (a list marker's ``.``, ``)`` or ``-`` near the
start, a legal unit's word after the opening signs) answer exactly as the full patterns do: on every line of real
corpus pages (French in two columns, an Arabic decree, a French law) and on made-up lines around the edges."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from transform.ingest import pdf_blocks
from transform.ingest.pdf_blocks import BULLET, BULLET_FIRST, DASHED, NOT_A_MARKER, NUMBERED, ORNAMENT, _marker
from transform.structure import legal
from transform.structure.legal import AR_UNITS, FR_UNITS, LegalLabel, legal_heading

FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"
DOCS = ["bo-fr-loi-cadre-50-21.pdf", "adala-ar-decree-2-09-197.pdf", "adala-fr-law-19-12.pdf"]


def _marker_full(text: str, set_apart: bool = False) -> tuple[str, bool] | None:
    """The marker test without its first look (the reference)."""
    m = BULLET.match(text)
    if m and text[m.end():].strip(ORNAMENT):
        return text[m.end():].strip(), False
    m = NUMBERED.match(text)
    if (m and not NOT_A_MARKER.match(text)) or (not set_apart and DASHED.match(text)):
        return text, True
    return None


def _legal_full(text: str) -> LegalLabel | None:
    """legal_heading without its first look (the reference)."""
    text = " ".join(text.split())
    if not text or len(text) > 200:
        return None
    m = legal._AR_LABEL.match(text)
    if m:
        unit = m.group(1)
        rank = AR_UNITS[unit]
    else:
        m = legal._FR_LABEL.match(text)
        first = None if m or not text[0].isupper() else legal._FR_ORDINAL_FIRST.match(text)
        if m is None and first is None:
            return None
        m = m or first
        unit = m.group(1).lower()
        rank = FR_UNITS[unit]
        if first is None and unit != "art." and not text[m.start(1) + len(unit):][:1].isspace():
            return None
    title = (m.group("title") or "").lstrip(" .:-–—").rstrip()
    if len(title.split()) > legal.MAX_TITLE_WORDS or legal._SENTENCE_END.search(title):
        return None
    return LegalLabel(rank, unit, title)


def _corpus_lines() -> list[str]:
    from transform.evaluation.corpus import read_document
    from transform.ingest import pdf

    texts: list[str] = []
    real = pdf.group_lines

    def keep(pages, *args, **kw):  # type: ignore[no-untyped-def]
        texts.extend(ln.text for lines in pages for ln in lines)
        return real(pages, *args, **kw)

    pdf.group_lines = keep  # type: ignore[assignment]
    try:
        for name in DOCS:
            if (FILES / name).exists():
                read_document(FILES / name, ocr="never")
    finally:
        pdf.group_lines = real  # type: ignore[assignment]
    if not texts:
        pytest.skip("the corpus files are missing")
    return texts


def _made_up(n: int = 12000) -> list[str]:
    rnd = random.Random(23)
    parts = list(" \t\u00a0«\"“(-–—*•.):0123456789١٢أبجaAzZéÉIVXiıİſK") + [
        "Article", "ART.", "art.", "Chapitre", "SOUS-SECTION", "Première", "PARTIE", "premier", "1er", "bis", " – ",
        "Titre", "Livre", "Section", "DEUXIÈME", "الباب", "المادة", "مادة", "الفصل", "الأول", "Le présent", "décret",
    ]
    return ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 7))) for _ in range(n)]


def test_bullet_first_is_the_pattern_class() -> None:
    for c in map(chr, range(0x3000)):
        assert bool(BULLET.match(c + "x")) == (c in BULLET_FIRST), c


def test_marker_and_legal_label_as_the_full_patterns() -> None:
    lines = _corpus_lines()
    assert len(lines) >= 1000
    found_markers = found_labels = 0
    for text in lines + _made_up():
        for set_apart in (False, True):
            want = _marker_full(text, set_apart)
            assert _marker(text, set_apart) == want, text
            found_markers += want is not None
        want_label = _legal_full(text)
        assert legal_heading(text) == want_label, text
        found_labels += want_label is not None
    assert found_markers >= 200 and found_labels >= 100  # the edges were reached, not only plain lines
    # real labels and items of the loi-cadre (an article heading, a numbered item) are still found
    assert legal_heading("Article premier") == LegalLabel(legal.ARTICLE, "article", "")
    assert legal_heading("  «  Chapitre\u00a0II. – Dispositions générales") == LegalLabel(legal.CHAPTER, "chapitre", "Dispositions générales")
    assert legal_heading("DEUXIÈME PARTIE") == LegalLabel(legal.PART, "partie", "")
    assert pdf_blocks._marker("1) les dépenses", True) == ("1) les dépenses", True)
    assert pdf_blocks._marker("• un point", True) == ("un point", False)
    assert pdf_blocks._marker("Les dépenses", False) is None


def test_body_sizes_and_foot_notes() -> None:
    from collections import Counter

    from transform.ingest import pdf_block_sizes, pdf_layout
    from transform.ingest.pdf_text import PdfLine

    pages: list[list[PdfLine]] = []
    from transform.evaluation.corpus import read_document
    from transform.ingest import pdf

    real = pdf.group_lines

    def keep(p, *args, **kw):  # type: ignore[no-untyped-def]
        pages.extend(p)
        return real(p, *args, **kw)

    pdf.group_lines = keep  # type: ignore[assignment]
    try:
        for name in DOCS[:2]:
            if (FILES / name).exists():
                read_document(FILES / name, ocr="never")
    finally:
        pdf.group_lines = real  # type: ignore[assignment]
    if not pages:
        pytest.skip("the corpus files are missing")
    for lines in pages:  # the dict counts give Counter.most_common's answer (the first of equals)
        counts: Counter[float] = Counter()
        for ln in lines:
            counts[round(ln.size, 1)] += len(ln.text)
        assert pdf_layout._body_size(lines) == (counts.most_common(1)[0][0] if counts else 0.0)
        feats = pdf_block_sizes._features([lines])
        sizes: Counter[float] = Counter()
        for ln, f in zip(lines, feats[0], strict=True):
            sizes[f[0]] += len(ln.text)
        assert pdf_block_sizes.body_size([lines], feats) == (sizes.most_common(1)[0][0] if sizes else 0.0)
    # two columns with notes set small at their foot: found (their first line opens with its number)
    body = [PdfLine(f"ligne de texte {k} du corps", x0, 100.0 + 14 * k, x0 + 200.0, 110.0 + 14 * k, size=10.0)
            for x0 in (50.0, 300.0) for k in range(30)]
    notes = [PdfLine("1 Une note en bas de page", 50.0, 560.0, 250.0, 568.0, size=8.0),
             PdfLine("qui va à la ligne suivante", 50.0, 570.0, 250.0, 578.0, size=8.0)]
    lines = body + notes
    where = [0 if ln.x1 <= 275.0 else 1 for ln in lines]
    assert pdf_layout.foot_notes(lines, where) == {len(body), len(body) + 1}
    assert pdf_layout.foot_notes(body, where[: len(body)]) == set()  # nothing set small
    order, _ = pdf_layout.reading_order(lines)
    assert [ln.text for ln in order[-2:]] == [ln.text for ln in notes]  # read after both columns
