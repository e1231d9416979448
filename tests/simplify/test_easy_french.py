from __future__ import annotations

from pathlib import Path

from transform import convert
from transform.model import iter_sentences
from transform.options import TransformOptions
from transform.simplify.easyfr import easy_french_document, fr_amount, fr_speakable
from transform.simplify.numbers import canonical_values
from transform.simplify.text import word_count

from .conftest import make_doc

TEXT = (
    "# Budget 2026\n\nLe budget de la Région s'élève à 1 250 000 000 DH, dans le cadre du programme de développement régional "
    "(PDR), afin de financer les infrastructures rurales et la construction de 12 centres de santé d'ici 2027.\n\n"
    "La convention avec l'ONEE a été signée le 15/03/2026.\n"
)


def test_easy_french_document(tmp_path: Path) -> None:
    res = easy_french_document(make_doc(tmp_path, TEXT))
    doc = res.document
    assert doc.meta.lang == "fr-x-falc" and doc.meta.variant == "easy-read" and doc.meta.review_state == "draft"
    texts = [loc.sentence.text for loc in iter_sentences(doc)]
    joined = " ".join(texts)
    assert "1 milliard 250 millions de dirhams" in joined
    assert "l'Office national de l'électricité et de l'eau potable" in joined and "ONEE" not in joined
    assert "15 mars 2026" in joined and "(" not in joined
    assert any(t.startswith("Le budget est le compte") for t in texts)  # explained at first use
    assert max(word_count(t) for t in texts) <= 20
    for seg in res.segments:
        assert not seg.metrics["numbers_missing"], seg
        assert not any(ch.isdigit() for ch in seg.speakable), seg.speakable


def test_amount_words_round_trip() -> None:
    assert fr_amount(24_800_000) == "24 millions 800 mille"
    assert canonical_values(fr_amount(24_800_000)) == ["24800000"]
    assert fr_speakable("Le total est de 78 %.") == "Le total est de soixante dix huit pour cent."


def test_easy_french_renderer_skips_arabic_documents_with_a_warning(tmp_path: Path) -> None:
    src = tmp_path / "ar.md"
    src.write_text("تبلغ ميزانية الجهة 3 مليار درهم.\n", encoding="utf-8")
    res = convert(src, TransformOptions(outputs=["easy-french"]), tmp_path / "out")
    assert res.status.value == "success"
    assert any(e.severity == "warning" and "French source" in e.message for e in res.errors)
