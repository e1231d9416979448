"""Small pure parts: SMIL clock values, glossary note shapes, ids and escaping."""

from __future__ import annotations

import pytest

from transform.model import Cue
from transform.publish import glossary
from transform.publish.markup import el, xml_id
from transform.publish.smil import build_smil, clock, parse_clock


@pytest.mark.parametrize(
    ("ms", "text"),
    [(0, "0:00:00.000"), (1, "0:00:00.001"), (61_005, "0:01:01.005"), (3_723_456, "1:02:03.456"), (36_000_000, "10:00:00.000")],
)
def test_clock_is_exact(ms: int, text: str) -> None:
    assert clock(ms) == text
    assert parse_clock(text) == ms


@pytest.mark.parametrize(
    ("text", "ms"), [("12.5s", 12_500), ("250ms", 250), ("01:02.5", 62_500), ("2min", 120_000), ("0:00:01.5", 1500)]
)
def test_parse_other_clock_forms(text: str, ms: int) -> None:
    assert parse_clock(text) == ms


def test_smil_duration_is_sum_of_clips() -> None:
    cues = [
        Cue(sentence_id="b", text="", lang="ar", begin_ms=1500, end_ms=2600),
        Cue(sentence_id="a", text="", lang="ar", begin_ms=0, end_ms=1500),
    ]
    xml, total = build_smil("../text/c001.xhtml", "../audio/n.mp3", cues, "seq1", "s1")
    assert total == 2600
    assert xml.index("#a") < xml.index("#b")  # played in time order
    assert 'clipBegin="0:00:01.500" clipEnd="0:00:02.600"' in xml
    assert 'epub:textref="../text/c001.xhtml#s1"' in xml


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("الميزانية: الفلوس ديال العام.", [("الميزانية", "الفلوس ديال العام.")]),
        ('{"TVA": "impôt payé à chaque achat"}', [("TVA", "impôt payé à chaque achat")]),
        ('[{"term": "PDR", "definition": "plan de six ans"}]', [("PDR", "plan de six ans")]),
        ('[["a", "b"], ["c", "d"]]', [("a", "b"), ("c", "d")]),
        ("budget = argent de l'année\nTVA — impôt", [("budget", "argent de l'année"), ("TVA", "impôt")]),
        (
            "Une explication sans terme, assez longue pour ne pas en être un.",
            [("", "Une explication sans terme, assez longue pour ne pas en être un.")],
        ),
        ("", []),
    ],
)
def test_glossary_note_shapes(note: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.term, e.explanation) for e in glossary.parse(note)] == expected


def test_ids_and_escaping() -> None:
    assert xml_id("s1-b2-i.1-3") == "s1-b2-i.1-3"
    assert xml_id("1 a/b") == "id_1_a_b"
    node = el("p", {"title": 'a "b" <c>', "lang": "fr", "dir": None}, "x < y & z")
    assert node.render() == '<p title="a &quot;b&quot; &lt;c&gt;" lang="fr">x &lt; y &amp; z</p>'
    assert node.render(xhtml=True) == '<p title="a &quot;b&quot; &lt;c&gt;" lang="fr" xml:lang="fr">x &lt; y &amp; z</p>'
    assert el("br").render() == "<br>" and el("br").render(xhtml=True) == "<br />"
