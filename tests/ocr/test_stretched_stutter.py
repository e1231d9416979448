"""A word stretched by kashida read with a stutter (``stretched.unstuttered``; docs/ocr.md,
2026-12-06, fourteenth session): Sfax's letterhead `بلديـة صفاقـس` was read `بلدية صفاقفقس` (the
stretch after `ق` read as a tooth and `ق` again), while the notice's first line, under it, reads
`بلدية صفاقس` whole. The town's name is in no word list: the page's own words settle it."""

from __future__ import annotations

import re
from pathlib import Path

from transform.ingest.base import TextLine
from transform.ocr.lexicon import AR_LETTERS
from transform.ocr.stretched import _EDGE, MIN_STUTTER, _unstutter, unstuttered
from transform.ocr.tesseract import OcrResult

TRUTH = Path(__file__).resolve().parents[1] / "realdocs" / "truth"


def _page(*texts: str) -> OcrResult:
    lines = [TextLine(t, 100.0, 20.0 * i, 500.0, 20.0 * i + 12) for i, t in enumerate(texts)]
    return OcrResult(lines=lines, confidence=80.0, words=sum(len(t.split()) for t in texts))


def test_the_letterhead_s_stuttered_town_takes_the_page_s_reading() -> None:
    # Sfax p. 1 as tesseract reads it (main kept `صفاقفقس`)
    page = _page("الجمهورية التونسية", "وزارة الداخلية", "بلدية صفاقفقس",
                 "تعتزمُ بلدية صفاقس إجراء امتحان مهني لانتداب عملة لفائدة البلدية وذلك على النحو التالي :")
    assert unstuttered(page) == 1
    assert page.lines[2].text == "بلدية صفاقس"
    assert page.lines[3].text.startswith("تعتزمُ بلدية صفاقس إجراء")


def test_no_stutter_without_the_word_on_the_page() -> None:
    page = _page("بلدية صفاقفقس", "وزارة الداخلية")
    assert unstuttered(page) == 0 and page.lines[0].text == "بلدية صفاقفقس"


def test_no_right_word_of_the_corpus_truth_loses_two_letters() -> None:
    # every Arabic word of the truth pages, each page's words as its own vocabulary: a measure a
    # looser rule fails (against the word lists, 79 words changed: `تحتسب` -> `تسب`)
    checked = changed = 0
    for f in sorted(TRUTH.glob("*/p*.md")):
        words = [w.strip(_EDGE) for w in f.read_text(encoding="utf-8").split()]
        known = {w for w in words if len(w) >= MIN_STUTTER - 2 and AR_LETTERS.match(w)}
        for w in words:
            if w and AR_LETTERS.match(w):
                checked += 1
                changed += _unstutter(w, known - {w}) != w
    assert checked > 10000 and changed == 0
    assert re.fullmatch(r"\w+", _unstutter("صفاقفقس", {"صفاقس"})) and _unstutter("صفاقفقس", {"صفاقس"}) == "صفاقس"
