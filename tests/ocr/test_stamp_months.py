"""A date stamp's month read from its band, written only when both models name it (``stamp_months.py``).

The Energy (MTEDD) and Health (Santé) decisions are dated with a blue date stamp, ``2023 <month> 10``: the month on
the stamp's band in a ruq'a face, which tesseract's models (trained on print) read at random. The band is read 24
times by each of four reads (``ara`` and ``Arabic``, ``--psm 7`` and ``8``), each reading mapped to the month it
names in a closed vocabulary; a month is written only when each model names it in five readings or more and twice
as often as all its other months. The corpus's five stamped months (readings frozen in ``tests/ocr/data/months``,
made by ``bench/stamp_months.py``) show why both models are needed: ``ara`` names ``ماي`` for three stamped
``مارس``, ``Arabic`` names nothing for ``ابريل``; one March (MTEDD p. 1's) is named firmly by both.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr import confidence, stamp_digits, stamp_months, stamps
from transform.ocr.month_names import nearest, votes

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data" / "months"
MARCH, APRIL, MAY = 3, 4, 5


def _bench():
    # loaded from its file (bench/ on sys.path would shadow packages of the same name: see test_coarse_scans.py)
    spec = importlib.util.spec_from_file_location("bench_stamp_months", ROOT / "bench" / "stamp_months.py")
    assert spec is not None and spec.loader is not None
    mod = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(mod)
    return mod


def _ink(name: str) -> np.ndarray:
    return np.asarray(Image.open(DATA / name).convert("L")) > 127


@pytest.fixture(scope="module")
def real() -> dict[str, dict[str, list[str]]]:
    return json.loads((DATA / "real-readings.json").read_text(encoding="utf-8"))


def test_a_reading_names_a_month_only_when_close_to_it_and_clearly_closer_than_to_any_other() -> None:
    # the stamped مارس as the models read it: a letter lost or changed
    assert nearest("ماس") == MARCH and nearest("ارس") == MARCH and nearest("مار") == MARCH
    assert nearest("ابر ال") == APRIL and nearest("ابريل") == APRIL and nearest("أبريل") == APRIL
    assert nearest("ماي") == MAY and nearest("مايص") == MAY  # the wrong month ``ara`` reads for a stamped مارس
    assert nearest("يوليوز") == 7 and nearest("ذو الحجة") == 112 and nearest("جانفي") == 1
    assert nearest("مايسل") is None  # as near ماي as مارس: no month
    assert nearest("اي") is None and nearest("2023") is None and nearest("") is None  # too short, no letters
    assert nearest("ايا") is None and nearest("ابو") is None  # the Syriac أيار, آب are no stamp's: not drawn to them
    # a Syriac name sharing a word with a Hijri month's is no answer, and a reading near it names nothing
    assert nearest("ربيع الأول") == 103 and nearest("تشرين الأول") is None and nearest("شرين الاول") is None


def test_the_month_is_the_ink_between_the_stamps_two_numbers() -> None:
    mtedd = _ink("mtedd-p1-date-ink.png")  # MTEDD p. 1: 2023 مارس 10, the band lower than the figures
    assert stamp_months.month_span(mtedd) == (77, 129)
    assert stamp_months.band(mtedd).shape == (31, 52)
    # Santé p. 1: the bold band stands 0.8 of the figures, as tall as stamp_digits' digit columns (one run of
    # "digits" there); a stricter height tells it apart
    sante = _ink("sante-p1-date-ink.png")
    assert len(stamp_digits.number_boxes(sante)[0]) == 1
    assert stamp_months.month_span(sante) == (81, 136)
    assert stamp_months.month_span(np.ones((30, 40), bool)) is None  # one block of ink: no two numbers


def test_a_month_is_written_only_when_both_models_name_it_firmly(real) -> None:
    assert all(len(rs) == 24 for r in real.values() for rs in r.values())
    written = {k: stamp_months.settle(r) for k, r in real.items()}
    assert written == {"mtedd-p1": "مارس", "mtedd-p2-closing": None, "mtedd-p2-signature": None, "sante-p1": None,
                       "narsa-p1-pale": None}
    # why one model is not enough: ara names ماي for the stamped مارس of the signature and of Santé's title (a
    # pooled vote would write ماي for Santé's), and Arabic names nothing for the closing date's ابريل
    for k in ("mtedd-p2-signature", "sante-p1"):
        ara = votes(real[k]["ara7"] + real[k]["ara8"])
        assert max(ara, key=ara.get) == MAY
    pooled = votes([x for rs in real["sante-p1"].values() for x in rs])
    assert max(pooled, key=pooled.get) == MAY
    assert votes(real["mtedd-p2-closing"]["Arabic7"] + real["mtedd-p2-closing"]["Arabic8"]) == {}
    # the rule itself: five readings of each model, twice its other months
    assert stamp_months.settle({"ara7": ["ماس"] * 5, "Arabic7": ["ارس"] * 5}) == "مارس"
    assert stamp_months.settle({"ara7": ["ماس"] * 4, "Arabic7": ["ارس"] * 5}) is None
    assert stamp_months.settle({"ara7": ["ماس"] * 9 + ["ماي"] * 5, "Arabic7": ["ارس"] * 5}) is None
    assert stamp_months.settle({"ara7": ["ماي"] * 9, "Arabic7": ["ارس"] * 9}) is None
    assert stamp_months.settle({"ara7": ["ابر ال"] * 9, "Arabic7": []}) is None


def _date_stamp(figures: list[str], month: str | None) -> stamps.Stamp:
    ink = _ink("mtedd-p1-date-ink.png")
    return stamps.Stamp(100, 40, 100 + ink.shape[1], 40 + ink.shape[0], ink, ink, figures=figures, kept=True,
                        partial=False, month=month)


def test_the_month_goes_between_the_day_and_the_year_and_the_line_stays_in_doubt() -> None:
    line = TextLine("قرار رقم 10-3-23 بتاريخ بفتح باب الترشيح", 10, 10, 300, 30, size=14, page=1, confidence=0.9)
    st = _date_stamp(["2023", "10"], "مارس")
    st.x0, st.x1 = 250, 300  # 72 dpi: points; under the line's left end, after بتاريخ
    st.top, st.bottom = 12, 28
    stamps.place([st], [line], {}, 72.0)
    assert "10 مارس 2023" in line.text
    assert line.doubt == confidence.DIGITS  # a month read from a hand-like face: checked against the source


def test_months_are_read_for_date_stamps_only_ara_for_the_bands_arabic_names(monkeypatch) -> None:
    seen = []

    def bands(masks, timeout, slants=stamp_months.SLANTS, reads=stamp_months.READS):
        seen.append((len(masks), reads[0][0]))
        model = reads[0][0]
        return [{f"{model}7": ["ماس" if model == "ara" or k == 0 else "اي"] * 6} for k in range(len(masks))]

    monkeypatch.setattr(stamp_months, "read_bands", bands)
    date = _date_stamp(["2023", "10"], None)
    number = _date_stamp(["4104"], None)  # a number stamp: no date
    pale = _date_stamp(["2023", "10"], None)
    pale.faint = True  # a pale stamp standing alone: its figures are placed by ink.place_pale, no month
    two_years = _date_stamp(["2023", "2024"], None)
    other = _date_stamp(["2023", "03"], None)
    # Arabic read first for both date stamps (2 calls), ara only for the one Arabic names a month for (2 calls)
    assert stamp_months.read_months([date, number, pale, two_years, other], 60, None) == 4
    assert seen == [(2, "Arabic"), (1, "ara")]
    assert date.month == "مارس" and number.month is None and pale.month is None and two_years.month is None
    assert other.month is None  # Arabic named nothing: not written, ara not asked
    seen.clear()
    monkeypatch.setattr(stamp_months, "read_bands",
                        lambda masks, timeout, slants=(), reads=(): seen.append(reads[0][0]) or [{"Arabic7": ["اي"]}])
    assert stamp_months.read_months([other], 60, None) == 2 and seen == ["Arabic"]  # Arabic names nothing: 2 calls
    assert stamp_months.read_months([number], 60, None) == 0  # no date stamp: no call
    assert stamp_months.read_months([date], 60, {"ara", "fra"}) == 0  # the script model missing: nothing read


@pytest.mark.slow
def test_the_stamped_months_of_mtedd_and_sante_read_from_their_ink() -> None:
    # the frozen stamps' bands read live (48 renderings, 4 tesseract calls, a few seconds): MTEDD p. 1's مارس named
    # by both models; Santé's bold مارس named ماي by ara, so not written
    found = stamp_months.read_bands([stamp_months.band(_ink("mtedd-p1-date-ink.png")),
                                     stamp_months.band(_ink("sante-p1-date-ink.png"))], 120)
    assert [stamp_months.settle(r) for r in found] == ["مارس", None]


@pytest.mark.slow
def test_the_rule_writes_no_wrong_month_on_months_drawn_in_a_print_face() -> None:
    # the twelve Moroccan spellings drawn in stamp blue in an installed face, blurred, saved as a 200 ppi scan's
    # JPEG, read without slant (4 tesseract calls, about 8 s): no wrong month written, most written right (the
    # whole vocabulary in five faces with the reader's three slants is ``bench/stamp_months.py --synthetic``)
    bench = _bench()
    names = [(1, "يناير"), (2, "فبراير"), (3, "مارس"), (4, "ابريل"), (5, "ماي"), (6, "يونيو"), (7, "يوليوز"),
             (8, "غشت"), (9, "شتنبر"), (10, "أكتوبر"), (11, "نونبر"), (12, "دجنبر")]
    drawn = bench.synthetic(fonts=("noto/NotoSansArabic-Bold.ttf",), names=names)
    if not drawn:
        pytest.skip("Noto Sans Arabic not installed")
    reads = stamp_months.read_bands([b for _l, _m, b in drawn], 120, (0.0,))
    written = [(m, bench.month_of(stamp_months.settle(r))) for (_l, m, _b), r in zip(drawn, reads, strict=True)]
    assert [(m, w) for m, w in written if w not in (None, m)] == []
    assert sum(1 for m, w in written if w == m) >= 6
