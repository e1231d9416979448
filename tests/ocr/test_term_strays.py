"""A stray Latin word replaced by its unsure re-reading when a fixed term vouches for it (stray_lines.term_in_place).

Decree 2.19.720's letterhead ``وزارة الشغل والإدماج المهني``: the short rule under ``المهني`` joins the
word's box and ``ara+fra`` reads it ``dt`` (p. 7) or ``gd`` (p. 8); ``ara`` re-reads the line's crop
``... والإدماج المي`` at 17 % (the term rule makes it المهني), far below the line, and it was refused.
The lines are the page readings (frozen); ``read_rows`` answers the re-readings, no tesseract runs.
"""

from __future__ import annotations

from test_stray_labels import _line, _page_of, _reading, _reread

BOX = (1500, 420, 1900, 470)


def test_a_term_word_re_read_unsure_replaces_the_stray_beside_its_other_word(monkeypatch) -> None:
    head = _line("وزارة الشغل والإدماج dt", BOX)
    pimg, result = _page_of([head], {0: 78.8})
    _reread(monkeypatch, pimg, result, [_reading(".وزارة الشغل والإدماج المهني", 46.5, BOX)])
    assert head.text == "وزارة الشغل والإدماج المهني"
    assert result.line_conf[id(head)] == 46.5  # the re-reading's confidence: the line stays in doubt


def test_without_a_term_the_unsure_re_reading_is_refused(monkeypatch) -> None:
    from transform.ocr.stray_lines import term_in_place

    for reading in ("وزارة الشغل والإدماج المي", "وزارة الشغل والإدماج العمل"):
        head = _line("وزارة الشغل والإدماج dt", BOX)
        pimg, result = _page_of([head], {0: 78.8})
        _reread(monkeypatch, pimg, result, [_reading(reading, 46.5, BOX)])
        assert head.text == "وزارة الشغل والإدماج dt"
    # the term's other word must be the line's own, not a word the re-reading changed
    assert term_in_place("وزارة الشغل dt gd", "وزارة الشغل الإدماج المهني", ["dt", "gd"]) is None
