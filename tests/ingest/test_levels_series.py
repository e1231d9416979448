"""A numbered series keeps one level (issue 17, tests/realdocs/README.md "Levels nest as printed"), on real corpus pages:
the next heading of a series (``B-`` after ``A-``) is its sibling even when an unnumbered sub-heading printed between
them closed it (pdf_outline.outline_levels, pdf_outline.rank), and a series starting (``A-``) under a sub-heading that
was nested under the heading before it goes one level under that sub-heading (pdf_nesting._series). Pages are copied
and read without OCR; levels are compared relative to the first heading expected."""

from __future__ import annotations

from pathlib import Path

from transform.ingest.pdf_outline import numbering, rank

from ._realpages import level_differences, outline, read_pages

# the Seine-Normandie guide, pp. 14-16 (truth of p. 16: "Comment prendre en compte ..." 6 under "C-" 5); main read
# "B-" and "C-" at 3, two levels above "A-", after the unnumbered sub-headings between them
SEINE = [
    (4, "2.4.2. Leviers directs"),
    (5, "A- Identification"),
    (6, "Cas particulier"),
    (5, "B- Calcul"),
    (6, "Comment prendre en compte"),
    (5, "C- Agglomération"),
]

# Montpellier's tariffs, pp. 1-4 (truth of p. 3: "1-2 :" 3, "Modalités ..." 4, "A- Etablissement ..." 5); main read
# "A-" and "B-" at 3, beside "1-2 :"
MONTPELLIER = [
    (3, "1-2 : La restauration scolaire"),
    (4, "Modalités de détermination"),
    (5, "A- Etablissement du revenu"),
    (5, "B- Etablissement du nombre"),
    (3, "1-3 : Les Accueils"),
]


def test_series_after_a_sub_heading_keeps_its_level(tmp_path: Path) -> None:
    got = outline(read_pages("seine-normandie-guide-erc-2024.pdf", [13, 14, 15], tmp_path))
    assert level_differences(SEINE, got) == []


def test_series_opens_under_a_nested_sub_heading(tmp_path: Path) -> None:
    got = outline(read_pages("montpellier-tarifs-2014.pdf", [0, 1, 2, 3], tmp_path))
    assert level_differences(MONTPELLIER, got) == []


def test_the_comparison_fails_on_a_flat_series() -> None:
    flat = [(lv if not text.startswith(("B-", "C-")) else 3, text) for lv, text in SEINE]
    assert level_differences(SEINE, flat) != []
    assert level_differences(MONTPELLIER, [(3, t) for _, t in MONTPELLIER]) != []


def test_ranks() -> None:
    cases = {"A- x": 1, "C. y": 3, "III.- z": 3, "ب- س": 2, "ثالثا: س": 3, "4) x": 4, "b) x": 2, "مشروع 2 : س": 2}
    assert {t: rank(t, numbering(t)) for t in cases} == cases
    assert rank("1.2 x", numbering("1.2 x")) is None
    assert rank("Introduction", numbering("Introduction")) is None
