"""A Naskh font's two-letter ligature ending on a jeem, hah or khah (``تح``, ``نج``, ``مخ``) drawn as one
glyph whose ToUnicode entry holds both letters: pdfium gives the letters one box and emits them back to
front like a lam-alef's (the CESE opinion's bold headings in Muna Black: ``حتت`` for ``تحت``). ``حتت`` is a
word too: only the shared box can tell (``ligatures.swap_shared_boxes``)."""

from __future__ import annotations

from transform.ingest.ligatures import swap_shared_boxes


def _boxes(text: str, shared: list[tuple[int, int]], width: float = 5.0) -> dict[int, tuple[float, float]]:
    boxes = {i: (float(i) * width, float(i + 1) * width) for i in range(len(text))}
    for a, b in shared:
        for k in range(a, b):
            boxes[k] = boxes[a]
    return boxes


def test_a_hah_ligature_sharing_one_box_is_put_in_order() -> None:
    text = "استراتيجي حتت الضغط"
    boxes = _boxes(text, [(10, 12)])  # the ح and the ت of the first glyph share its box
    assert swap_shared_boxes(text, boxes.__getitem__) == ("استراتيجي تحت الضغط", 1)


def test_letters_drawn_apart_and_collapsed_boxes_stay() -> None:
    text = "استراتيجي حتت وحدة"
    # two glyphs side by side: nothing to swap
    assert swap_shared_boxes(text, _boxes(text, []).__getitem__) == (text, 0)
    # a run whose boxes all collapsed into one (rotated or broken layout): not one ligature glyph
    assert swap_shared_boxes(text, _boxes(text, [(14, 18)]).__getitem__) == (text, 0)
    # a zero-width box shared by two letters: no glyph drawn there
    assert swap_shared_boxes(text, _boxes(text, [(10, 12)], width=0.0).__getitem__) == (text, 0)
