"""List bullets read as letters, commas read as a final hamza (bullets.py, spelling.comma_hamza; issue 17).

Read through ``ocr_page`` on bands of the joint order 1096.26 (a 262 ppi scan): its round
bullets come out of ``ara`` as ``ه`` (``ه هامش الطحن:``) and the comma after ``العروض`` as a hamza
glued to it (``العروضء``)."""

from __future__ import annotations

import pytest
from ocr_testkit import band_lines

from transform.ocr.bullets import is_bullet
from transform.ocr.spelling import comma_hamza

JOINT = "adala-ar-joint-order-1096-26"


def test_a_comma_read_as_a_hamza_is_put_back_and_words_ending_in_hamza_stay() -> None:
    assert comma_hamza("أدناهء") == "أدناه،" and comma_hamza("المحكمةء") == "المحكمة،"  # no word ends so
    assert comma_hamza("العروضء") == "العروض،" and comma_hamza("إنذارء") == "إنذار،"  # known without it
    for word in ["بناء", "إنهاء", "جزء", "شيء", "تبتدىء", "إمضاء", "ابتداء", "الأخطاء", "ضوء"]:
        assert comma_hamza(word) == word, word


def test_a_bullet_is_told_by_its_shape_and_place() -> None:
    words = ["ه", "هامش", "الطحن:"]
    heights = [18, 40, 38]
    assert is_bullet(words, [(1740, 278, 1757, 296), (1560, 270, 1692, 310), (1420, 272, 1550, 310)], heights)
    # against the next word (a Hijri sign, a letter of a word), tall, or not at the line's head: no bullet
    assert not is_bullet(words, [(1740, 278, 1757, 296), (1600, 270, 1735, 310), (1420, 272, 1550, 310)], heights)
    assert not is_bullet(words, [(1740, 262, 1757, 310), (1560, 270, 1692, 310), (1420, 272, 1550, 310)], [48, 40, 38])
    assert not is_bullet(words, [(1340, 278, 1357, 296), (1560, 270, 1692, 310), (1420, 272, 1550, 310)], heights)
    assert not is_bullet(["و", "هامش", "الطحن:"], [(1740, 278, 1757, 296), (1560, 270, 1692, 310), (1420, 272, 1550, 310)],
                         heights)  # a word of one letter
    assert not is_bullet(["1", "هامش", "الطحن:"], [(1740, 278, 1757, 296), (1560, 270, 1692, 310), (1420, 272, 1550, 310)],
                         heights)  # a list's number


@pytest.mark.slow
def test_round_bullets_of_a_scanned_order_are_bullets_not_letters() -> None:
    lines = band_lines(JOINT, 5, 0.0, 0.45)
    heads = [t for t in lines if "هامش الطحن" in t or "فيما يخص الدقيق" in t]
    assert heads, lines
    assert all(t.startswith("•") for t in heads), heads
    assert not any(t.split()[0] == "ه" for t in lines), lines


def test_commas_read_as_hamza_on_a_scanned_order_are_commas() -> None:
    lines = band_lines(JOINT, 3, 0.49, 0.56)
    text = " ".join(lines)
    assert "العروض" in text, lines
    assert "العروضء" not in text and "العروض،" in text, lines
