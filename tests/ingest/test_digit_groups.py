"""Thousands spaces drawn as gaps with no space character (pdf_digit_groups): ``14 949`` was read
``14949`` on the magazine's budget page; a number whose digits touch, or are drawn apart anywhere
but at a thousands boundary, stays as it is."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import block_text, read_pages
from transform.ingest.pdf_digit_groups import groups_spaced

DIGIT = 5.0  # a digit's advance


def _boxes(digits: str, gaps: dict[int, float]) -> list[tuple[float, float]]:
    """Loose boxes of ``digits`` drawn touching, with ``gaps[k]`` points before digit k."""
    out, x = [], 100.0
    for k in range(len(digits)):
        x += gaps.get(k, 0.0)
        out.append((x, x + DIGIT))
        x += DIGIT
    return out


def _spaced(digits: str, gaps: dict[int, float]) -> str | None:
    boxes = _boxes(digits, gaps)
    return groups_spaced(digits, 10, lambda i: boxes[i - 10])


def test_thousands_gaps_become_spaces() -> None:
    assert _spaced("14949", {2: 1.1}) == "14 949"
    assert _spaced("1234567", {1: 1.0, 4: 1.0}) == "1 234 567"


def test_numbers_left_alone() -> None:
    assert _spaced("14949", {}) is None  # digits touching: one number as written
    assert _spaced("2024", {2: 1.1}) is None  # a gap that is no thousands boundary
    assert _spaced("123456", {3: 1.1, 1: 0.4}) is None  # other digits drawn apart too (spaced out, a column)
    assert _spaced("1234567", {1: 1.0}) is None  # a gap at one boundary only: groups not all of three
    assert _spaced("12345", {2: 0.3}) is None  # a kerning-sized gap is no space


def test_real_page_number_keeps_its_thousands_space(tmp_path: Path) -> None:
    text = " ".join(block_text(b) for b in read_pages("cabestany-budget-2024-cabesinfo.pdf", [1], tmp_path))
    assert "ce sont 14 949 spectateurs au cinéma, 2800 au théâtre" in text  # 2800 is printed without a space
    assert "14949" not in text
