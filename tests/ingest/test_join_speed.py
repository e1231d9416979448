"""A one-line group's text is read without building its lines' list: the same text as join_lines gives."""

from __future__ import annotations

from transform.ingest.pdf_block_group import _Group, join_lines

EDGES = [
    [], [""], [" "], ["  a  "], ["\u00a0a\u00a0"], ["écono-"], ["« texte"], ["", ""], ["", "a"], ["a", ""], ["  a  ", " b "],
    ["écono-", "mique"], ["Béni Mellal-", "Khénifra"], ["mot\u00ad", "suite"], ["(voir", "ci-dessous)"], ["« texte", "« suite"],
]


class _Line:
    def __init__(self, text: str) -> None:
        self.text = text


def test_a_groups_text_is_its_lines_joined() -> None:
    for texts in EDGES:
        group = _Group(kind="paragraph", lines=[_Line(t) for t in texts])  # type: ignore[misc]
        assert group.text == join_lines(texts), texts
    assert _Group(kind="heading", lines=[_Line("  Titre\u00a0")]).text == "Titre"  # type: ignore[list-item]
