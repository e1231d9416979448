"""The regions of a copy whose words the cells' vote cuts otherwise, put right word by word (:mod:`repeated_cells`).

:func:`repeated_cells._fixed` aligns a copy with the vote word by word; where a region of the copy does not give
way whole, it is tried again cut into smaller parts: a region where the copy reads more words than the vote, vote
word by vote word (:func:`split_region`: `تذ كبر بالمفنضيات` against `تذكير بالمقتضيات`), and a region where it
reads fewer, copy word by copy word (:func:`glued_region`: `سته لايفل` against `سنه لا يقل`). Each part gives way
only where :func:`repeated_cells._region_ok` lets it.
"""

from __future__ import annotations

from .repeated_cells import _known, _region_ok, _spread


def split_region(copy: list[tuple[str, str]], vote: list[tuple[str, str, bool]], head: bool,
                  strong: frozenset[str]) -> list[str] | None:
    """A region where the copy reads more words than the vote, put right vote word by vote word: each
    of the copy's words goes with the vote word its letters fall on (:func:`_spread`), and each vote
    word a majority read replaces its words where :func:`_region_ok` lets it. None when no vote word
    has words of its own or none replaces them."""
    if len(vote) < 2 or len(copy) <= len(vote):
        return None
    owner = _spread([k for k, _s, _v in vote], [k for k, _s in copy])
    groups = [[c for c, o in zip(copy, owner, strict=True) if o == t] for t in range(len(vote))]
    if not all(groups):
        return None
    out: list[str] = []
    changed = False
    for (vk, vs, voted), group in zip(vote, groups, strict=True):
        keys = [k for k, _s in group]
        ok = voted and _region_ok(keys, [vk], head, strong)
        if ok and len(keys) == 1 and _known(keys[0]) and (keys[0].endswith(vk) or vk.endswith(keys[0])):
            ok = False  # a word with a particle more or less (`وزير` beside `ووزير`) is no misreading
        out += [vs] if ok else [s for _k, s in group]
        changed |= ok
    return out if changed else None


def glued_region(copy: list[tuple[str, str]], vote: list[tuple[str, str, bool]], strong: frozenset[str]) -> list[str] | None:
    """A region where the copy reads fewer words than the vote, put right copy word by copy word: each vote
    word goes with the copy word its letters fall on, and a copy word gives way to its vote words (all read
    by a majority) where :func:`_region_ok` lets it (`سته لايفل` against `سنه لا يقل`). None when no copy
    word gives way."""
    if len(copy) < 2 or len(vote) <= len(copy):
        return None
    owner = _spread([k for k, _s in copy], [k for k, _s, _v in vote])
    groups = [[v for v, o in zip(vote, owner, strict=True) if o == t] for t in range(len(copy))]
    if not all(groups):
        return None
    out: list[str] = []
    changed = False
    for (k, s), group in zip(copy, groups, strict=True):
        ok = all(v for _k, _s, v in group) and _region_ok([k], [vk for vk, _s, _v in group], strong=strong)
        out += [vs for _k, vs, _v in group] if ok else [s]
        changed |= ok
    return out if changed else None
