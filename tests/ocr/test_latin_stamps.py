"""A French date stamp's spaced day and month (latin_stamps.py): Haute-Saône p. 4's blue ``2 3 MARS 2023``, whose
readings both models agree on but whose one-digit figures ``stamps.read_all`` did not count as numbers."""

from __future__ import annotations

from transform.ocr.latin_stamps import month_of, parse, spaced_date

# the stamp's eight whole readings on Haute-Saône p. 4 (four scales, each model), as tesseract gave them
HS4 = {
    "eng": [["2", "3", "MARS", "2023"], ["2", "3", "MARS", "2023"], ["2", "3", "MARS", "2UZ3"], ["2", "3", "MARS", "2023"]],
    "fra": [["2", "3", "MARS", "2023"], ["2", "3", "MARS", "2043"], ["2", "3", "MARS", "2043"], ["À", "3", "MARS", "2023"]],
}


def test_the_stamps_day_and_month_are_kept_when_both_models_read_them() -> None:
    assert spaced_date(HS4, ["2023"]) == ["23", "MARS", "2023"]


def test_one_model_alone_or_no_year_agreed_gives_nothing() -> None:
    one = {"eng": HS4["eng"], "fra": [["À", "3", "MAIS", "2023"], ["2", "3", "MAI", "2023"], ["23", "MAI", "2023"],
                                      ["2", "8", "MARS", "2023"]]}
    assert spaced_date(one, ["2023"]) is None  # fra: MARS once, MAI twice (half), 23 twice, 3 once: no one month
    assert spaced_date(HS4, []) is None and spaced_date(HS4, ["1023"]) is None
    arabic = {"eng": [["2023", "10"]] * 4, "fra": [["2023", "10"]] * 4}  # a ruq'a month reads as nothing Latin
    assert spaced_date(arabic, ["2023", "10"]) is None


def test_months_as_stamps_print_them() -> None:
    assert [month_of(m) for m in ("MARS", "Janv.", "DÉC", "août", "févr", "MAIS", "2023")] == [3, 1, 12, 8, 2, None, None]
    assert parse(["1", "5", "JANV.", "2024"]) == ("15", "JANV.", "2024")
    assert parse(["12", "DEC", "2024"]) == ("12", "DEC", "2024")
    assert parse(["3", "2", "1", "MAI", "2024"]) == ("21", "MAI", "2024")  # two tokens at most: the day
    assert parse(["MARS", "2023"]) is None and parse(["4", "2", "MARS"]) is None and parse(["45", "MARS", "2023"]) is None
