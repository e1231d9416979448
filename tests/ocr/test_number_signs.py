"""A decimal point read as a colon (`3:5` for `3.5 طن` on the Sfax notice) is checked on the
number's own crop: one small blob low between the digits is a point, two blobs a colon."""

from __future__ import annotations

import numpy as np

from transform.ocr.separators import COLON_NUMBER, separator_is_point


def _crop(sep: str) -> np.ndarray:
    """A drawn ``3?5``: two digits as blocks 20 high, the separator between them."""
    a = np.zeros((30, 50), dtype=bool)
    a[5:25, 2:12] = True  # 3
    a[5:25, 32:44] = True  # 5
    if sep == ".":
        a[20:25, 20:25] = True
    elif sep == ":":
        a[8:13, 20:25] = True
        a[20:25, 20:25] = True
    elif sep == "-":
        a[13:16, 18:28] = True
    return a


def test_a_point_is_told_from_a_colon() -> None:
    assert separator_is_point(_crop("."), "3:5") is True
    assert separator_is_point(_crop(":"), "3:5") is False


def test_what_the_crop_cannot_tell_is_left_as_read() -> None:
    assert separator_is_point(_crop("-"), "3:5") is None  # a dash at mid height: neither
    touching = _crop(".")
    touching[20:25, 12:32] = True  # the point joined to both digits: two glyphs, not three
    assert separator_is_point(touching, "3:5") is None
    assert separator_is_point(_crop("."), "13:5") is None  # the crop does not split into the token's characters


def test_only_bare_numbers_with_one_colon_are_candidates() -> None:
    assert COLON_NUMBER.search("أقل من 3:5 طن").group() == "3:5"
    assert COLON_NUMBER.search("الساعة 15:30").group() == "15:30"  # a time: checked, kept when two dots
    assert COLON_NUMBER.search("12:30:45") is None
    assert COLON_NUMBER.search("2024:1234") is None
