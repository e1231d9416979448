"""Speed-only changes after the grouping (issue 23, eleventh session): the same answers as the code they replace.

* the strips' sweep over two sorted lists of floats (``pdf_regions.open_extents``) finds the strips the sweep over
  sorted ``(x, step)`` pairs finds (``open_spans``), on a real page in two columns and on extents full of ties;
* the models built without validation set the four slots through the descriptors ``object.__setattr__`` uses.
"""

from __future__ import annotations

import random

from tests.ingest._realpages import corpus_page
from transform.ingest.pdf_regions import open_extents, open_spans, open_strips
from transform.ingest.pdf_text import page_lines
from transform.model import Heading, Paragraph, Section, Sentence
from transform.structure import built

LOI = "bo-fr-loi-cadre-50-21.pdf"


def _pairs(extents: list[tuple[float, float]], allowed: int) -> list[tuple[float, float]]:
    return open_spans([(a, 1) for a, _ in extents] + [(b, -1) for _, b in extents], allowed)


def test_open_strips_find_the_gutter_of_a_page_in_two_columns() -> None:
    """The loi-cadre's page 2 is set in two columns: among its narrow lines the strips no more than a few cross
    include the gutter between the columns (inside the text's width, some points wide), as the pairs' sweep has it."""
    with corpus_page(LOI, 2) as (page, textpage):
        lines = page_lines(page, textpage, 2)
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    narrow = [ln for ln in lines if ln.x1 - ln.x0 < 0.6 * (right - left) and len(ln.text) >= 8]
    assert len(narrow) > 40
    for allowed in (0, 1, len(narrow) // 20, 5):
        assert open_strips(narrow, allowed) == _pairs([(ln.x0, ln.x1) for ln in narrow], allowed)
    inner = [(a, b) for a, b in open_strips(narrow, max(1, len(narrow) // 20)) if left + 1 < a and b < right - 1]
    assert inner, "no gutter found between the two columns"
    a, b = inner[0]
    assert 6.0 <= b - a <= 0.2 * (right - left) and left + 0.3 * (right - left) < (a + b) / 2 < left + 0.7 * (right - left)


def test_open_extents_equal_the_pairs_sweep_with_ties() -> None:
    """Extents on a coarse grid (many starts and ends at the same x, some reversed, empty ones): the same strips."""
    rnd = random.Random(23)
    for _ in range(3000):
        extents = [(float(rnd.randint(0, 12)), float(rnd.randint(0, 12))) for _ in range(rnd.randint(0, 14))]
        allowed = rnd.randint(0, 3)
        assert open_extents([a for a, _ in extents], [b for _, b in extents], allowed) == _pairs(extents, allowed)


def test_built_models_set_the_slots_object_setattr_would() -> None:
    """The builder's setters are the descriptors found on each class's method resolution order, and a model built
    through them is the model pydantic builds (fields, fields set, JSON)."""
    for cls in (Sentence, Paragraph, Heading, Section):
        for name in built._SLOTS:
            first = next(k.__dict__[name] for k in cls.__mro__ if name in k.__dict__)
            assert built._slot(cls, name) is first
    made = built.builder(Sentence)(id="s1-b2-1", text="Article premier.", lang="fr", direction=None, notes={})
    ref = Sentence(id="s1-b2-1", text="Article premier.", lang="fr", direction=None, notes={})
    assert made == ref and made.__dict__ == ref.__dict__ and made.model_fields_set == ref.model_fields_set
    assert made.model_dump_json() == ref.model_dump_json()
    assert made.notes is not ref.notes
