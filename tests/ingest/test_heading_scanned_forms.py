"""Headings on scanned letters, forms and judgments (thirteenth session; transform/ingest/pdf_heading_forms.py,
pdf_title_runs.py ``_JUDGMENT_PART``). The six tests that OCR one or two pages are marked slow (14-70 s each at load 10); each test fails on main at 9cc3781."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation.corpus import read_document
from transform.model import Heading

from ._realpages import block_text, copy_pages, doc_blocks, read_pages


def _heads(name: str, indexes: list[int], folder: Path) -> list[tuple[int, str]]:
    doc = read_corpus_page(name, indexes[0] + 1) if len(indexes) == 1 else read_document(copy_pages(name, indexes, folder), ocr="auto")
    return [(b.level, block_text(b)) for b in doc_blocks(doc) if isinstance(b, Heading)]


@pytest.mark.slow
def test_a_judgment_operative_part_read_without_its_first_letter(tmp_path: Path) -> None:
    """Casablanca judgment 2271, p. 4: ``لهذه الأسباب`` (OCR reads ``هذه الأسباب``) is a heading; p. 3's
    ``وبعد المداولة طبقا للقانون:`` is the formula opening the reasons, a paragraph, while ``في الشكل:`` stays a heading."""
    heads = [t for _, t in _heads("ma-tc-casa-jugement-2271-2020.pdf", [2, 3], tmp_path)]
    assert any(t.endswith("هذه الأسباب") for t in heads)
    assert not any(t.startswith("وبعد المداولة") for t in heads)
    assert any(t.startswith("في الشكل") for t in heads)


@pytest.mark.slow
def test_a_model_letter_title_under_its_annex_label(tmp_path: Path) -> None:
    """Decree 2.19.720, p. 6: the centred ``نموذج تنبيه بأجل`` under ``الملحق رقم 2`` is the annex's title, one level
    under it (printed at body size: no size cue); the scanned letter's lines under it are no headings."""
    heads = _heads("adala-ar-decree-2-19-720.pdf", [5], tmp_path)
    label = next(lv for lv, t in heads if t.startswith("الملحق رقم 2"))
    assert (label + 1, "نموذج تنبيه بأجل") in heads
    assert len(heads) == 2


@pytest.mark.slow
def test_a_letterhead_and_a_smudge_are_no_part_of_a_title(tmp_path: Path) -> None:
    """Decree 2.19.720, p. 7: the model's title ends where the letterhead it is printed over begins (``المملكة ...``),
    and a line OCR read with confidence 0.1 (``القلوا نت سين تتا``) is no heading, though set larger and centred."""
    heads = [t for _, t in _heads("adala-ar-decree-2-19-720.pdf", [6], tmp_path)]
    assert heads[0].startswith("الملحق رقم 3")
    assert heads[1] == "نموذج تنبيه بدون أجل لا يتعلق بخطر حال"
    assert len(heads) == 2


@pytest.mark.slow
def test_a_signature_label_is_no_heading(tmp_path: Path) -> None:
    """Decree 2.19.720, p. 8: ``إمضاء وخاتم`` over the inspector's signature, read underlined, is no heading."""
    heads = [t for _, t in _heads("adala-ar-decree-2-19-720.pdf", [7], tmp_path)]
    assert heads and heads[-1].startswith("نموذج تنبيه بدون أجل يتعلق بوجود خطر حال")
    assert not any("إمضاء" in t for t in heads)


@pytest.mark.slow
def test_a_letterhead_line_under_the_state_name_is_no_heading(tmp_path: Path) -> None:
    """Sfax notice, p. 1: ``وزارة الداخلية`` (underlined, under ``الجمهورية التونسية``) names the issuing ministry:
    text; the notice's title ``بلاغ`` is the page's one heading."""
    heads = [t for _, t in _heads("tn-sfax-ar-balagh-2022.pdf", [0], tmp_path)]
    assert heads == ["بلاغ"]


def test_a_model_form_title_under_an_annex_title(tmp_path: Path) -> None:
    """Bulletin officiel 7448, p. 20 (a scanned model form, 4-8 s): ``Modèle du procès-verbal ...`` under the annex's
    title is a heading one level under it, the form's numbered parts after it (and, since the fifteenth session, the
    labels over the second part's fields, ``Personnes physiques :`` / ``Personnes morales :``, as the truth page has)."""
    heads = _heads("bo-fr-7448-2025.pdf", [19], tmp_path)
    annex = next(lv for lv, t in heads if t.startswith("Annexe I"))
    model = next(lv for lv, t in heads if t.startswith("Modèle du procès-verbal"))
    at = next(k for k, (_, t) in enumerate(heads) if t.startswith("Modèle du procès-verbal"))
    assert model == annex + 1
    # the parts' roman numbers, printed a tab before their titles, are read since the eighteenth session (lost_romans.py)
    assert [t.split()[0] for _, t in heads[at + 1:]] == ["I.", "II.", "Personnes", "Personnes", "III."]


def test_a_sitting_date_under_a_scanned_title(tmp_path: Path) -> None:
    """Putanges minutes, p. 1 (a scan's invisible OCR layer, no weight): ``Séance du lundi 25 mars 2024``, centred three
    lines under ``Procès-Verbal du Conseil Municipal``, is one title with it; the counts under it stay text."""
    blocks = read_pages("putanges-pv-2024-03-25.pdf", [0], tmp_path)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert heads[0] == "Procès-Verbal du Conseil Municipal Séance du lundi 25 mars 2024"
    assert not any(t.startswith("Nombre de conseillers") for t in heads)


@pytest.mark.slow
def test_a_table_title_read_large_over_its_table(tmp_path: Path) -> None:
    """Health ministry decision, pp. 1 and 4 (the body size read on the decision's page): p. 4's list title over its ruled table (``لائحة مناصب رؤساء الأقسام ...``), read
    much larger than the body but with its letters packed denser than that size allows, is a heading all the same."""
    heads = [t for _, t in _heads("ma-sante-ar-decision-2023.pdf", [0, 3], tmp_path)]
    assert any("مناصب رؤساء الأقسام ورؤساء المصالح الشاغرة" in t for t in heads)
