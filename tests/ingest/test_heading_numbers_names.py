"""Headings told by their numbering and signatures that are no headings (transform/ingest/pdf_numbered_heads.py,
``drop_signatures`` in transform/ingest/pdf_heading_drops.py), on copied corpus pages read without OCR: decree
2.09.197's report form (``أ- الأجراء الدائمون:`` and ``I- تقديم المؤسسة:`` grouped as one heading; the indicators
``1.2 حوادث الشغل``... at body weight) and the signature under a Montpellier deliberation (``Max LEVITA``)."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import block_text, read_pages
from transform.model import Heading, Paragraph


def headings(blocks: list[object]) -> list[str]:
    return [block_text(b) for b in blocks if isinstance(b, Heading)]


def test_a_numbered_title_under_a_title_ending_with_a_colon_is_a_heading_of_its_own(tmp_path: Path) -> None:
    found = headings(read_pages("adala-ar-decree-2-09-197.pdf", [3], tmp_path))
    assert "أ- الأجراء الدائمون:" in found and "I- تقديم المؤسسة:" in found
    assert found.index("I- تقديم المؤسسة:") == found.index("أ- الأجراء الدائمون:") + 1
    assert not any("الدائمون" in t and "تقديم" in t for t in found)


def test_decimal_numbered_lines_over_their_text_are_sub_headings(tmp_path: Path) -> None:
    blocks = read_pages("adala-ar-decree-2-09-197.pdf", [9], tmp_path)
    found = headings(blocks)
    subs = [t for t in found if t[:3] in ("1.2", "2.2", "2.3")]
    assert subs == ["1.2 حوادث الشغل", "2.2 الأمراض المهنية أو ذات الطابع المهني", "2.3 تنظيم العمل وفحواه"]
    texts = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert texts.count("نفس المؤشرات كتلك الخاصة بالأجراء الدائمين بالمؤسسة.") == 3  # their text stays text


def test_a_signature_in_bold_is_no_heading(tmp_path: Path) -> None:
    blocks = read_pages("montpellier-tarifs-2014.pdf", [26], tmp_path)
    assert "Max LEVITA" not in headings(blocks)
    assert "Max LEVITA" in [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert any(t.endswith("Plan de Déplacement des Entreprises") for t in headings(blocks))  # the part's title stays


def test_a_quoted_title_cut_before_a_preposition_is_one_heading(tmp_path: Path) -> None:
    """Finance law 2024, p. 17: the amended tariff's title ``«أ) المكوس الداخلية على استهلاك المشروبات والكحول المرتبة`` /
    ``«على أساس الكحول`` (each quoted line opens with «) is one heading (pdf_headings ``_continues_title``)."""
    found = headings(read_pages("bo-ar-7259-2023-lf2024.pdf", [16], tmp_path))
    assert not any(t.startswith("«على أساس الكحول") for t in found)
    assert any(t.startswith("«أ)") and t.endswith("«على أساس الكحول") for t in found)


def test_a_definitions_bold_term_after_a_dashed_definition_is_no_heading(tmp_path: Path) -> None:
    """Decree 2.22.630, p. 4: ``− نظام العزل (isolation):`` (bold) is the next term of the dashed definitions, not a
    title (pdf_heading_drops ``drop_dash_terms``); the chapter and article headings under it stay."""
    blocks = read_pages("adala-arfr-decree-2-22-630.pdf", [3], tmp_path)
    found = headings(blocks)
    assert not any("نظام العزل" in t for t in found)
    assert any("نظام العزل" in block_text(b) for b in blocks if isinstance(b, Paragraph))
    assert "المادة 3" in found
