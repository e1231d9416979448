"""Labels of a finance law's tables and states over their titles (transform/ingest/pdf_labels.py) and their levels
(``series`` numbering in transform/ingest/pdf_outline.py), on copied corpus pages read without OCR: the Arabic budget
tables of Morocco's finance law 2024 (``الجدول -ج-`` / ``(المادة 45)`` / ``الباب الثاني ...``) and Algeria's states
(``ETAT « A » : RECETTES`` under ``ETATS DE LA LOI ...``; ``ETAT « G »`` over its name on a later page)."""

from __future__ import annotations

from pathlib import Path

from tests.ingest._realpages import block_text, outline, read_pages
from transform.ingest.pdf_outline import numbering


def test_table_labels_head_their_budget_titles(tmp_path: Path) -> None:
    found = outline(read_pages("bo-ar-7259-2023-lf2024-tables.pdf", [7, 9], tmp_path))
    assert [lv for lv, _ in found] == [1, 2, 1, 2]
    assert [t for _, t in found][0::2] == ["الجدول -ج-", "الجدول -د-"]
    assert found[1][1].startswith("الباب الثاني التوزيع على القطاعات الوزارية") and found[3][1].startswith("الباب الثالث")


def test_a_state_label_and_its_name_are_one_heading_under_the_states_title(tmp_path: Path) -> None:
    found = outline(read_pages("jora-fr-lf2025-etats.pdf", [0, 19], tmp_path))
    texts = [t for _, t in found]
    assert "ETAT « G »" not in texts  # not a heading of its own: the first line of its name's
    levels = dict((t, lv) for lv, t in found)
    g = next(t for t in texts if t.startswith("ETAT « G »"))
    assert g.endswith("DESTINES AU FINANCEMENT DES ORGANISMES DE SECURITE SOCIALE")
    assert levels["ETAT « A » : RECETTES"] == levels[g] == levels["ETATS DE LA LOI DE FINANCES POUR L’ANNEE 2025"] + 1


def test_series_numbering_is_a_label_and_a_letter_not_a_word() -> None:
    assert numbering("ETAT « A » : RECETTES") == numbering("الجدول -ج-") == numbering("Tableau 3 - Effectifs") == "series"
    for text in ("ETATS DE LA LOI DE FINANCES", "Etat des lieux", "الجدول الزمني للجلسات", "Tableau de bord"):
        assert numbering(text) is None


def test_a_bulleted_line_set_larger_is_a_list_item_not_a_heading(tmp_path: Path) -> None:
    """The budget-orientation slides set ``• Exécution du Budget Principal 2025 ...`` a size larger over its list of
    rates: an item, as printed (transform/ingest/pdf_headings.py ``_bulleted``); the slide's part titles stay headings."""
    blocks = read_pages("cabestany-rob-2026.pdf", [13, 14], tmp_path)
    found = outline(blocks)
    assert [t for _, t in found] == ["III. Situation et orientations budgétaires pour 2026", "A. Point sur l'exécution budgétaire 2025"]
    items = [block_text(b) for b in blocks if type(b).__name__ == "ListBlock"]
    assert any(t.startswith("Exécution du Budget Principal 2025 par chapitre en section de Fonctionnement") for t in items)


def test_a_bold_lead_in_ending_on_a_preposition_is_no_heading(tmp_path: Path) -> None:
    """Decree 2.09.197's title page: ``كما تم تعديله ب:`` (bold) introduces the list of amending texts; only the
    decree's title is a heading there."""
    found = outline(read_pages("adala-ar-decree-2-09-197.pdf", [1], tmp_path))
    assert len(found) == 1 and found[0][1].startswith("مرسوم رقم 2.09.197 صادر في 5 ربيع الآخر 1431")
