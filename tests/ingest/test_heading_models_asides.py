"""Annexed models and asides (eleventh session): a model contract's title printed as a small centred word over a line
read larger, and its articles under it (transform/ingest/pdf_title_runs.py ``_word_over_title``,
pdf_block_kinds.py ``_units_again``); a reference in brackets under a form's title and a bold line opening in small
letters are no headings (pdf_heading_drops.py ``drop_asides``). Each test fails on main at 751cb97."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation.corpus import read_document
from transform.model import Heading, Paragraph

from ._realpages import FILES, block_text, doc_blocks, read_pages


def test_a_reference_in_brackets_under_a_form_title_is_text(tmp_path: Path) -> None:
    """Order 1033.21, p. 3: ``(المادة 534 من القانون رقم 65.99 المتعلق بمدونة الشغل)`` under the report's title."""
    blocks = read_pages("adala-ar-order-1033-21.pdf", [2], tmp_path)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert not any("المادة 534" in t for t in heads)
    assert any(t.startswith("(المادة 534 من القانون") for t in (block_text(b) for b in blocks if isinstance(b, Paragraph)))
    assert any(t.startswith("تقرير حول زيارة المراقبة") for t in heads)  # the title over it stays


@pytest.mark.slow
def test_a_model_contract_title_holds_its_articles() -> None:
    """Decree 2.17.355 (three pages, two OCR'd; 20-60 s): the annexed model's title ``نموذج`` / ``عقد العمل الخاص
    بالعاملة أو العامل المنزلي`` is one heading, one level under the decree's title, and the model's articles (numbered
    from the first again) one level under it, while the decree's own articles stay under the decree."""
    source = FILES / "adala-ar-decree-2-17-355.pdf"
    if not source.exists():
        pytest.skip("the corpus file is missing")
    heads = [(b.level, block_text(b)) for b in doc_blocks(read_document(source, ocr="auto")) if isinstance(b, Heading)]
    decree = next(lv for lv, t in heads if t.startswith("مرسوم رقم 2.17.355"))
    at = next(k for k, (_, t) in enumerate(heads) if "عقد العمل الخاص بالعاملة أو العامل المنزلي" in t and not t.startswith("مرسوم"))
    assert heads[at][0] == decree + 1 and heads[at][1].split()[0] in ("نموذج", "تموذج")  # OCR may read ن as ت
    own = [lv for lv, t in heads[:at] if t.startswith("المادة")]
    model = [lv for lv, t in heads[at + 1:] if t.startswith("المادة")]
    assert own and set(own) == {decree + 1}
    assert len(model) >= 5 and set(model) == {decree + 2}
