"""Headings that are not headings, and titles cut apart: an official text's title set loosely over two centred lines
(decree 2.13.531's cover, baselines 1.8 sizes apart) is one heading; an annex's label over its title stays two."""

from __future__ import annotations

from pathlib import Path

from transform.model import Heading

from ._realpages import block_text, read_pages


def _headings(blocks: list[object]) -> list[str]:
    return [block_text(b) for b in blocks if isinstance(b, Heading)]


def test_loose_two_line_decree_title_is_one_heading(tmp_path: Path) -> None:
    """``مرسوم بشأن وضعية بعض الموظفين المزاولين لعملهم`` over ``بقسم حوادث الشغل``, one size, bold and centred: the
    decree's title, one heading."""
    heads = _headings(read_pages("adala-ar-decree-2-13-531.pdf", [0], tmp_path))
    assert "مرسوم بشأن وضعية بعض الموظفين المزاولين لعملهم بقسم حوادث الشغل" in heads
    assert "بقسم حوادث الشغل" not in heads


def test_annex_label_over_its_title_stays_two(tmp_path: Path) -> None:
    """Order 1033-21's annex: ``ملحق`` over ``نموذج التقرير المتعلق بزيارة المراقبة`` are two headings."""
    heads = _headings(read_pages("adala-ar-order-1033-21.pdf", [2], tmp_path))
    assert "ملحق" in heads
    assert "نموذج التقرير المتعلق بزيارة المراقبة" in heads
