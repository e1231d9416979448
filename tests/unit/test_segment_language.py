from __future__ import annotations

import pytest

from transform.structure.language import detect
from transform.structure.segment import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le budget est de 2,8 milliards. Il augmente.", ["Le budget est de 2,8 milliards.", "Il augmente."]),
        ("Montant : 1 250 000 DH. Taux : 78 %.", ["Montant : 1 250 000 DH.", "Taux : 78 %."]),
        ("Vu la loi organique n° 111.14 relative aux régions. Le conseil décide.", ["Vu la loi organique n° 111.14 relative aux régions.", "Le conseil décide."]),
        ("M. Benali a présenté le rapport. Mme Alaoui a voté.", ["M. Benali a présenté le rapport.", "Mme Alaoui a voté."]),
        ("وافق المجلس على الميزانية. هل تم تنفيذ المشاريع؟ نعم، بنسبة 78 في المائة.", ["وافق المجلس على الميزانية.", "هل تم تنفيذ المشاريع؟", "نعم، بنسبة 78 في المائة."]),
        ("القانون التنظيمي 111.14 المتعلق بالجهات؛ والمرسوم 2.16.299.", ["القانون التنظيمي 111.14 المتعلق بالجهات؛", "والمرسوم 2.16.299."]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("صادق مجلس الجهة على الميزانية", "ar"),
        ("المجلس غادي يبني الطريق ديال الدوار باش الناس يوصلو", "ary"),
        ("Le conseil régional a adopté le budget", "fr"),
        ("The regional council adopted the budget", "en"),
        ("1 250 000", None),
    ],
)
def test_detect(text: str, lang: str | None) -> None:
    assert detect(text) == lang
