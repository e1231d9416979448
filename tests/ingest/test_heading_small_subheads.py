"""A report's lowest sub-heading set small between body paragraphs (pdf_headings._set_apart_bold) and the sections
around it (pdf_nesting.nest_unnumbered).

The CESE's opinion on biodiversity prints its lowest sub-headings as one bold coloured line in 10 pt, with a bullet,
between paragraphs of 14-pt text (``استنزاف الموارد وتدهور النظم البيئية البحرية``, p. 28): they are headings, one
level under the 14-pt section they belong to; the 14-pt section after such a sub-heading is the sibling of the one
before it, not lifted above it. A table's caption set small and bold, centred (``الجدول رقم 1: ...``), stays a
paragraph."""

from __future__ import annotations

from tests.ingest._realpages import block_text, outline, read_pages
from transform.model import Heading


def test_small_sub_headings_between_body_paragraphs(tmp_path) -> None:
    blocks = read_pages("cese-ar-avis-biodiversite-2025.pdf", list(range(21, 28)), tmp_path)
    heads = outline(blocks)

    def level(start: str) -> int:
        return next(lv for lv, t in heads if t.startswith(start))

    marine = level("أ. التنوع البيولوجي البحري وقطاع الصيد")
    assert level("استنزاف الموارد وتدهور النظم البيئية البحرية") == marine + 1
    assert level("تراجع متسارع للتنوع البيولوجي الفلاحي") == level("أ. التنوع البيولوجي الفلاحي") + 1
    # the 14-pt sections stay siblings across the small sub-headings between them
    assert level("ب. عوائق بنيوية تحول دون الحفاظ على التنوع البيولوجي الفلاحي") == marine
    assert level("أ. التنوع البيولوجي الفلاحي") == marine
    caption = next(b for b in blocks if block_text(b).startswith("الجدول رقم 1"))
    assert not isinstance(caption, Heading)  # a paragraph
