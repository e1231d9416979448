"""Heading levels under a title (issue 17, tests/realdocs/README.md "Levels nest as printed"), on real pages read
without OCR:

* a plain heading between an official text's title and its first unit (the Bulletin's ``PREAMBULE`` under
  ``Loi-cadre n° 50-21 ...``, over ``Chapitre premier``) is one level under the title, not beside it
  (pdf_levels.heading_under_title);
* a report's part titles after two title pages (CESE's ``ملخص``, ``تقديم``, 17 pt over 14-pt text, under a cover and an
  inner title page set in four sizes) are level 2, one under the title, not level 3 (pdf_body_top.body_parts);
* a magazine's title set in two sizes (``Investir`` at 22 pt over ``pour l'avenir !`` at 34 pt, bold) is at the level
  of the spread's other title in that type (``Au service du quotidien``), its sections (``SPORT``) under it, not
  nested one level deeper (pdf_body_top.kicker_titles); a spread's box titles (``EN CHIFFRES``, ``UN TISSU SOCIAL
  DYNAMIQUE``, bold capitals at body size beside larger titles) are one level under its display title, as its
  columns' titles are (pdf_levels.display_title);
* a definition's bold term cut inside its brackets at a line's end (``(Local ou emplacement de travail``) is the
  first line of its paragraph, no heading (pdf_heading_drops.drop_open_brackets).
"""

from __future__ import annotations

from pathlib import Path

from ._realpages import block_text, level_differences, outline, read_pages


def test_a_preamble_under_the_law_s_title(tmp_path: Path) -> None:
    got = outline(read_pages("bo-fr-loi-cadre-50-21.pdf", [0, 1], tmp_path))
    expected = [(1, "Loi-cadre n° 50-21"), (2, "PREAMBULE"), (2, "Chapitre premier"), (3, "Article premier")]
    assert level_differences(expected, got) == [], got


def test_a_report_s_parts_one_level_under_its_title(tmp_path: Path) -> None:
    got = outline(read_pages("cese-ar-avis-biodiversite-2025.pdf", [0, 2, 8, 12], tmp_path))
    assert level_differences([(1, "رأي"), (2, "ملخص"), (2, "تقديم")], got, absolute=True) == [], got


def test_a_title_under_its_kicker_line(tmp_path: Path) -> None:
    got = outline(read_pages("cabestany-budget-2024-cabesinfo.pdf", [1], tmp_path))
    # the right-hand page's title is read first on its page, before its white column (pdf_half_titles; the truth's order)
    expected = [(1, "Au service"), (2, "LES DÉPENSES EN FONCTIONNEMENT"), (1, "Investir"), (2, "SANTÉ"), (2, "SPORT"),
                (2, "PRÉVENTION")]
    assert level_differences(expected, got) == [], got


def test_a_magazine_s_box_titles_beside_its_columns_titles(tmp_path: Path) -> None:
    got = outline(read_pages("cabestany-budget-2024-cabesinfo.pdf", [0, 1], tmp_path))
    expected = [(1, "Budget municipal"), (2, "Le contexte pour Cabestany"), (2, "EN CHIFFRES"), (2, "Comparatif"),
                (1, "Au service"), (2, "LES DÉPENSES EN FONCTIONNEMENT"), (2, "UN TISSU SOCIAL DYNAMIQUE"),
                (2, "DES PROPOSITIONS TOUT PUBLIC")]
    assert level_differences(expected, got, absolute=True) == [], got


def test_a_term_cut_inside_its_brackets_is_no_heading(tmp_path: Path) -> None:
    blocks = read_pages("adala-arfr-decree-2-22-630.pdf", [3], tmp_path)
    heads = [text for _, text in outline(blocks)]
    assert heads and not any("Local ou" in h for h in heads), heads
    assert any(block_text(b).startswith("(Local ou emplacement de travail") for b in blocks)  # still read, as text


def test_the_comparison_fails_on_a_level_too_deep() -> None:
    got = [(1, "رأي"), (3, "ملخص"), (3, "تقديم")]
    assert level_differences([(1, "رأي"), (2, "ملخص"), (2, "تقديم")], got, absolute=True) != []
