"""The hyphen of a French code's article number put back where the ink shows it
(``transform/ocr/code_articles.py``).

Haute-Saône's order (``hautesaone-arrete-eau-2023``, a scan) p. 1 prints ``L. 2215-1,``; the page
reading gave ``L. 22151,``."""

from __future__ import annotations

from pathlib import Path

from tests.ocr._pagebits import Line as _L
from tests.ocr._pagebits import corpus_page
from transform.ocr.code_articles import article_hyphens, hyphen_back
from transform.ocr.render import PageImage

PDF = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "hautesaone-arrete-eau-2023.pdf"


def test_only_a_hyphen_between_the_same_digits_is_taken() -> None:
    assert hyphen_back("22151", "2215-1,") == "2215-1"
    assert hyphen_back("221511", "2215-1-1") == "2215-1-1"
    assert hyphen_back("22151", "22154,") is None  # a digit changed
    assert hyphen_back("22151", "-22151") is None  # a dash before the number is no article's hyphen
    assert hyphen_back("22151", "22151") is None
    assert hyphen_back("22151", "2215-14") is None  # a digit added


def _page() -> PageImage:
    return corpus_page(PDF, 0)


def test_the_article_number_of_the_scanned_order_gets_its_hyphen() -> None:
    # tesseract's word boxes (points) of the page reading of p. 1's line `L. 22151, relatifs ...`
    boxes = [("L.", 53.28, 496.512, 59.904, 504.0), ("22151,", 63.36, 496.224, 93.888, 505.152),
             ("relatifs", 97.344, 495.648, 128.736, 503.712)]
    ln = _L("L. 22151, relatifs", 53.28, 495.6, 128.7, 505.2)
    words = {id(ln): boxes}
    assert article_hyphens(_page(), [ln], words, 60.0) == 1  # type: ignore[list-item]
    assert ln.text == "L. 2215-1, relatifs"
    assert [b[0] for b in words[id(ln)]] == ln.text.split()


def test_a_number_after_no_code_letter_is_not_asked() -> None:
    boxes = [("article", 20.0, 496.5, 50.0, 504.0), ("22151,", 63.36, 496.224, 93.888, 505.152)]
    ln = _L("article 22151,", 20.0, 495.6, 93.9, 505.2)
    assert article_hyphens(_page(), [ln], {id(ln): boxes}, 60.0) == 0  # type: ignore[list-item]
    assert ln.text == "article 22151,"
