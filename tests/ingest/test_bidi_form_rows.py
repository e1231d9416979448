"""A bilingual form's row: a French label on the left, dotted blanks, an Arabic label on the right
(BO 7262's model card). pdfium gives such a line right to left when the Arabic letters are as many as
the Latin ones; it is read left to right as the page shows it, each label in its own order."""

from __future__ import annotations

from transform.ingest.pdf_bidi import WordOrderProbe, read_line

W = 5.0


def row(arabic: str, leader: str, latin: str) -> tuple[str, object]:
    """pdfium's text of the row (Arabic label, leader, Latin label) and the boxes of the page: the Arabic
    label drawn from x=400 leftwards, the leader left of it, the Latin label from x=100 rightwards."""
    text = f"{arabic} {leader} {latin}"
    boxes: list[tuple[float, float]] = []
    x = 400.0
    for ch in f"{arabic} {leader} ":  # right to left
        boxes.append((x - W, x))
        x -= W
    x = 100.0
    for ch in latin:  # left to right
        boxes.append((x, x + W))
        x += W
    return text, lambda k: boxes[k]


def read(text: str, box: object) -> tuple[str, bool]:
    return read_line(text, box, 10.0, False, WordOrderProbe())  # type: ignore[arg-type]


def test_form_row_reads_french_label_blank_arabic_label() -> None:
    text, box = row("نوعه", "..……………………", "Type")
    out, rtl = read(text, box)
    assert out.split()[0] == "Type" and out.split()[-1] == "نوعه"
    assert not rtl


def test_form_row_keeps_the_arabic_label_in_its_typed_order() -> None:
    # (the Arabic letters outnumber the Latin ones: pdfium's line is right to left)
    text, box = row("السند (1) مرجعه", "..........................", "Référence")
    out, rtl = read(text, box)
    assert out.startswith("Référence ") and out.endswith(" السند (1) مرجعه")
    assert not rtl


def test_arabic_line_with_a_french_term_and_no_blank_is_not_a_form_row() -> None:
    text, box = row("يحدد البرنامج", "", "PGPR")
    out, rtl = read(" ".join(text.split()), lambda k: box(k if k < len("يحدد البرنامج") + 1 else k + 1))
    assert rtl and out.startswith("يحدد")
