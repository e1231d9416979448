"""Which renderers a run needs, and their order, from what each renderer declares.

Declarations are class attributes, all optional (a plugin may leave them out):

* ``needs``: products (:mod:`transform.products`) that must exist before it runs; the output that
  makes them is added to the run;
* ``uses``: products it reads when this run makes them (order only, nothing is added);
* ``makes``: products it leaves in ``ctx.products``; every renderer also makes ``FILES``, so a
  renderer that uses ``FILES`` (the bundle) runs after all the others;
* ``simplified``: simplified tracks (``ary``, ``fr-x-falc``) it needs; the simplify stage makes them
  before any renderer runs;
* ``requires``: other outputs to run first (added when missing), for renderers that name an output
  rather than a product.

The order is topological; ties are broken by name, so it depends on the set of outputs, not on the
order they were asked in.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import OptionsError
from ..products import FILES
from . import RENDERERS


@dataclass(frozen=True)
class Declaration:
    name: str
    needs: frozenset[str]
    uses: frozenset[str]
    makes: frozenset[str]
    simplified: tuple[str, ...]
    requires: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    outputs: list[str]  # renderers, in run order
    simplify: list[str]  # simplified tracks the simplify stage makes first, in order


def declaration(name: str) -> Declaration:
    """What the renderer ``name`` declares (OptionsError listing known names when there is none)."""
    factory = RENDERERS.get(name)

    def attr(key: str) -> tuple[str, ...]:
        return tuple(getattr(factory, key, ()) or ())

    return Declaration(name, frozenset(attr("needs")), frozenset(attr("uses")), frozenset(attr("makes")) | {FILES},
                       attr("simplified"), attr("requires"))


def _maker(product: str, wanted_by: str) -> str:
    makers = [n for n in RENDERERS.names() if product in declaration(n).makes]
    if not makers:
        raise OptionsError(f"The {wanted_by!r} output needs {product!r}, which no output makes.")
    return makers[0]


def make_plan(outputs: Sequence[str]) -> Plan:
    """Validate output names, add what they need, and order them (OptionsError on a loop)."""
    names = [n for n in RENDERERS.names() if n != "all"] if "all" in outputs else list(outputs)
    decl: dict[str, Declaration] = {}

    def add(name: str) -> None:
        if name in decl:
            return
        d = decl[name] = declaration(name)
        for req in d.requires:
            add(req)
        for product in sorted(d.needs - {FILES}):
            if not any(product in other.makes for other in decl.values() if other.name != name):
                add(_maker(product, name))

    for name in names:
        add(name)
    order = _ordered(decl)
    targets: list[str] = []
    for name in order:
        targets += [t for t in decl[name].simplified if t not in targets]
    return Plan(order, targets)


def _ordered(decl: dict[str, Declaration]) -> list[str]:
    after: dict[str, set[str]] = {n: set() for n in decl}  # name -> outputs that must run before it
    for b in decl.values():
        wanted = b.needs | b.uses
        for a in decl.values():
            if a.name == b.name:
                continue
            if (wanted - {FILES}) & a.makes or (FILES in b.uses and FILES not in a.uses) or a.name in b.requires:
                after[b.name].add(a.name)
    ready = [n for n, deps in after.items() if not deps]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        n = heapq.heappop(ready)
        order.append(n)
        for m, deps in after.items():
            if n in deps:
                deps.discard(n)
                if not deps:
                    heapq.heappush(ready, m)
    if len(order) < len(decl):
        loop = sorted(n for n in decl if n not in order)
        raise OptionsError(f"Outputs depend on each other in a loop: {', '.join(loop)}.")
    return order


def plan_outputs(outputs: Sequence[str]) -> list[str]:
    """The renderers a run of ``outputs`` runs, in order (requirements added)."""
    return make_plan(outputs).outputs
