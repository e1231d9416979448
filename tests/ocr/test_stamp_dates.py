"""A stamped date's month the two models did not agree on, settled by the same date the document prints elsewhere
(``stamp_dates.py``). MTEDD's signature stamp, ``10 2023`` on p. 2 (its band read ``مارس`` 14 times by ``Arabic``,
``ماي`` 8 times by ``ara``: readings frozen in ``tests/ocr/data/months``), where p. 1's title stamp reads
``10 مارس 2023``; the closing date's ``ابريل`` (``Arabic`` names nothing) and Santé's ``مارس`` (no model firm) stay
unread, their lines in doubt."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr import confidence, stamp_months, stamps

DATA = Path(__file__).resolve().parent / "data" / "months"
MARCH, APRIL, MAY = 3, 4, 5


def _stamp(figures: list[str]) -> stamps.Stamp:
    ink = np.asarray(Image.open(DATA / "mtedd-p1-date-ink.png").convert("L")) > 127
    st = stamps.Stamp(250, 12, 300, 28, ink, ink, figures=figures, kept=True, partial=False)
    return st


def _line(text: str) -> TextLine:
    return TextLine(text, 10, 10, 300, 30, size=14, page=1, confidence=0.9)


@pytest.fixture(scope="module")
def real() -> dict[str, dict[str, list[str]]]:
    return json.loads((DATA / "real-readings.json").read_text(encoding="utf-8"))


def _read(monkeypatch: pytest.MonkeyPatch, readings: dict[str, list[str]], st: stamps.Stamp) -> None:
    def bands(masks, timeout, slants=(), reads=()):  # type: ignore[no-untyped-def]
        model = reads[0][0]
        return [{k: v for k, v in readings.items() if k.startswith(model) and k[len(model):].isdigit()} for _m in masks]

    monkeypatch.setattr(stamp_months, "read_bands", bands)
    stamp_months.read_months([st], 60, None)


def test_a_signature_stamp_takes_the_month_the_title_prints_for_its_day_and_year(real, monkeypatch) -> None:
    st = _stamp(["2023", "10"])
    _read(monkeypatch, real["mtedd-p2-signature"], st)
    assert st.month is None and st.named == (MARCH, MAY)  # Arabic: مارس, ara: ماي (the models disagree)
    signature = _line("وحرر بالرباط. في")
    stamps.place([st], [signature], {}, 72.0)
    assert "10 2023" in signature.text and signature.doubt == confidence.DIGITS  # the month left unread: in doubt
    from transform.ocr.stamp_dates import settle_document

    title = _line("قرار لوزيرة الانتقال الطاقي رقم 10-3-23 صادر في 10 مارس 2023 بفتح باب الترشيح")
    assert settle_document([[title], [signature]]) == 1
    assert "10 مارس 2023" in signature.text and signature.doubt == confidence.DIGITS  # still for the reviewer
    assert title.text.endswith("10 مارس 2023 بفتح باب الترشيح")


def test_no_month_without_a_models_word_or_without_one_printing(real, monkeypatch) -> None:
    from transform.ocr.stamp_dates import settle_document, waiting

    for key in ("mtedd-p2-closing", "sante-p1"):  # Arabic names nothing / no model names a month firmly
        st = _stamp(["2023", "15"])
        _read(monkeypatch, real[key], st)
        assert st.month is None and st.named == (), key
    cases = [((MAY,), [_line("صادر في 10 مارس 2023")]),  # the month a model named is not the one printed
             ((MARCH,), [_line("صادر في 10 مارس 2023"), _line("في 10 أبريل 2023")]),  # two months printed for that date
             ((MARCH,), [_line("في 11 مارس 2023"), _line("في 10 مارس 2022")])]  # another day, another year
    for named, others in cases:
        ln = _line("وحرر بالرباط في 10 2023")
        waiting(ln).append((["10", "2023"], named))
        assert settle_document([others, [ln]]) == 0
        assert ln.text == "وحرر بالرباط في 10 2023"
