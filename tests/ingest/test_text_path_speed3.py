"""The text path's cheap tests stay cheap (twenty-third session's review; outputs unchanged, checked over the corpus).

* :func:`pdf_tables.candidate`: a page whose only row with text side by side lies in its top or bottom margin (a
  running header: the title left, the issue's number right) holds no table, and is stopped before its rules are
  walked (the signatures-grid rule walked them on every such page: +5 % of the loi-cadre's instructions);
* :func:`odd_tokens.odd_spans`: a sentence is screened with the costly patterns only where they can match (a token
  of 26 characters or a rare letter for ``_NOT_FRENCH``, a run of marks between two letters for ``_STRAY``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import ingest, pdf_tables
from transform.ocr import odd_tokens
from transform.options import TransformOptions

PROSE = ("Le conseil régional a adopté le programme de développement de la région pour les années 2022 à 2027, "
         "après avis de la commission des finances, et a chargé son président de le publier.")


def _page(path: Path) -> Path:
    """A4: a running header in the top margin (a title left, a number right), then a paragraph, in a ruled frame."""
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.add_page()
    doc.set_font("helvetica", "", 9)
    doc.set_xy(60, 30)
    doc.cell(200, 12, "BULLETIN OFFICIEL")
    doc.set_xy(400, 30)
    doc.cell(140, 12, "N° 7440 - 4 septembre 2025")
    doc.rect(50, 60, 495, 700)
    doc.set_font("helvetica", "", 11)
    doc.set_xy(60, 100)
    doc.multi_cell(470, 15, PROSE)
    doc.output(str(path))
    return path


def test_a_running_header_side_by_side_stops_the_table_test_before_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    walked: list[float] = []
    real = pdf_tables.path_edges

    def counting(page: object, height: float) -> list[dict[str, object]]:
        walked.append(height)
        return real(page, height)

    monkeypatch.setattr(pdf_tables, "path_edges", counting)
    path = _page(tmp_path / "header.pdf")
    doc = ingest(path, RunContext(options=TransformOptions(ocr="never"), out_dir=tmp_path, stem="header", source=path))
    text = " ".join(s.text for sec in doc.sections for b in sec.blocks for s in getattr(b, "sentences", []))
    assert "programme de développement" in text
    assert walked == []  # main walked the page's rules for its one header row


class _Refuse:
    def search(self, text: str) -> None:
        raise AssertionError(f"searched needlessly: {text!r}")


def test_sentences_are_screened_without_the_costly_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(odd_tokens, "_NOT_FRENCH", _Refuse())
    monkeypatch.setattr(odd_tokens, "_STRAY", _Refuse())
    assert odd_tokens.odd_spans("Le taux est de 12 % en 2024, soit 3 * 4 points de plus.") == []


def test_the_screen_still_finds_what_the_patterns_find() -> None:
    assert odd_tokens.odd_spans("à R•ÉALISER ensuite") == [(2, 11)]
    assert odd_tokens.odd_spans("la Forêt-Auvräy") == [(3, 15)]
    assert odd_tokens.odd_spans("Batrachochytriumsalmandrivorans est") == [(0, 31)]
