"""A slide's arrow items (``➔ Au cours des discussions ...``) under its bullet items are items of their own, not the
end of the bullet item before them (Cabestany's budget slides p. 11, held-out set 4)."""

from __future__ import annotations

from pathlib import Path

from transform.ingest.pdf_blocks import _marker
from transform.model import ListBlock

from ._realpages import read_pages


def test_an_arrow_opens_an_item() -> None:
    assert _marker("➔ Au cours des discussions en date du 26/01/2026, le DILICO") == (
        "Au cours des discussions en date du 26/01/2026, le DILICO", False)


def test_the_slides_arrow_items_stand_apart(tmp_path: Path) -> None:
    blocks = read_pages("cabestany-rob-2026.pdf", [10], tmp_path)
    items = [" ".join(s.text for s in it.sentences) for b in blocks if isinstance(b, ListBlock) for it in b.items]
    assert any(t.startswith("Au cours des discussions en date du 26/01/2026") for t in items), items
    assert any(t.startswith("Renouvellement et extension du dispositif") and "Au cours" not in t for t in items), items
