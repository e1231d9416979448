"""An annex's Roman number read as ones is left in doubt, never published as sure (roman_refs.py)."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ocr.confidence import DIGITS, OCR_LOW
from transform.ocr.page_passes import finish
from transform.ocr.roman_refs import flag_roman_refs, roman_as_ones


def _line(text: str, doubt: str | None = None) -> TextLine:
    return TextLine(text, 50.0, 100.0, 540.0, 112.0, doubt=doubt)


def test_annex_iii_read_as_ones_is_in_doubt() -> None:
    # the joint order 1096.26's sentence as the page reads it: الملحق رقم III read 111
    read = _line("ويمكن رفض القمح اللين الذي لا يستجيب للأسقف المحددة في الملحق رقم 111 بهذا القرار المشترك.")
    heading = _line("الملحق رقم 11 بالقرار المشترك لوزير الداخلية")
    french = _line("conformément au modèle figurant à l'Annexe 111 du présent arrêté")
    clitic = _line("المحددة بالملحق 11 المرفق بهذا القرار")
    assert flag_roman_refs([read, heading, french, clitic]) == 4
    assert [ln.doubt for ln in (read, heading, french, clitic)] == [DIGITS] * 4
    assert "111" in read.text  # nothing is rewritten: the reviewer checks it against the source


def test_right_readings_are_left_alone() -> None:
    lines = [
        _line("وفق الملحق رقم II بهذا القرار المشترك"),  # read right
        _line("المحدد في الملحق رقم 1 بهذا المرسوم"),  # printed 1 as often as I: no cue, as read
        _line("الملحق رقم 4 بالقرار المشترك"),
        _line("Annexe 2 : modèle de procès-verbal"),
        _line("الفصل 111 من القانون الجنائي"),  # a real 111, no annex word before it
        _line("بتاريخ 11 ماي 2020 تحت رقم 111"),
    ]
    assert flag_roman_refs(lines) == 0
    assert [ln.doubt for ln in lines] == [None] * len(lines)


def test_stronger_doubt_kept_and_words_only() -> None:
    low = _line("الملحق رقم 111", doubt=OCR_LOW)
    flag_roman_refs([low])
    assert low.doubt == DIGITS
    assert roman_as_ones("annexe n° 11 ,".split())
    assert not roman_as_ones("الملحق رقم 1111".split())
    assert not roman_as_ones("الملحق رقم".split())


def test_the_page_passes_flag_it(monkeypatch) -> None:
    """``finish`` (the passes after tesseract, in order) leaves the annex line in doubt."""
    import transform.ocr.page_passes as pp

    for name, mod in (("raised_calls", "raised_calls"), ("latin_codes", "latin_codes"), ("coded_cells", "latin_codes"),
                      ("find_tables", "tables"), ("lost_digits", "lost_digits"), ("article_hyphens", "code_articles"),
                      ("drop_end_specks", "end_specks"), ("amount_lines", "latin_numbers")):
        monkeypatch.setattr(f"transform.ocr.{mod}.{name}", lambda *a, **k: [])
    monkeypatch.setattr(pp, "mark_bold", lambda image, lines: 0)
    monkeypatch.setattr(pp, "in_rows", lambda lines: lines)
    ln = _line("تحدد وفق الملحق رقم 111 بهذا القرار")
    run = pp.PageRun(timeout=5.0, codes="ara", script=None, vote=None, renumber=False)
    result = type("R", (), {"rtl_words": {}, "word_boxes": {}})()
    lines, _tables = finish(None, None, [ln], result, run, pp.Tally())
    assert lines[0].doubt == DIGITS
