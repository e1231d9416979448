"""OCR lines dropped as noise (pages._noise): the Ministry scans' letterhead, set in a display
font, comes out as nonsense at 55-61 % confidence and was published as body text."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ocr.pages import _noise


def _line(text: str, conf: float) -> TextLine:
    ln = TextLine(text=text, x0=50, top=40, x1=500, bottom=52, size=11, bold=False, page=1)
    ln.confidence = conf
    return ln


def test_letterhead_read_as_nonsense_is_noise() -> None:
    # joint order 1096.26, pages 2 and 4: "المملكة المغربية - وزارة العدل - مديرية التشريع والدراسات"
    assert _noise(_line("الممولكة لمغردية 29 لعدول مذيرية التسريع والذرامزه", 0.60))
    assert _noise(_line("المملكنل المغربية d) sa) 129 0 | مذ dy المسريععم وآلء y Le) >=", 0.55))


def test_unsure_lines_of_real_words_are_kept() -> None:
    assert not _noise(_line("تحدد معايير جودة الدقيق المدعوم بنوعيه طبقا للخصائص الواردة", 0.55))
    assert not _noise(_line("Site internet : http://www.haute-saone.gouv.fr", 0.58))
    assert not _noise(_line("الممولكة لمغردية 29 لعدول مذيرية التسريع والذرامزه", 0.70))  # confident enough: kept, flagged
