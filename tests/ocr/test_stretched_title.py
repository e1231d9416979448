"""A stretched one-word Arabic title read again without its stretch (stretched.py).

The Sfax recruitment notice's title `بلاغ` is set large, hollow and stretched by a long kashida:
tesseract boxed half of it and read it with the Latin model as `med` (41 %)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.model import Heading, Table
from transform.model.walk import cell_text, iter_blocks
from transform.ocr.render import PageImage
from transform.ocr.stretched import _one_dot_off, _squeezed

SFAX = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "tn-sfax-ar-balagh-2022.pdf"


def test_one_letter_of_the_same_skeleton_gives_the_only_known_word() -> None:
    assert _one_dot_off("بلاع") == "بلاغ"  # the hollow ghain read without its dot
    assert _one_dot_off("بلاغ") == "بلاغ"  # a known word stays
    assert _one_dot_off("قكصظ") == "قكصظ"  # nothing known one dot away: as read


def test_the_stretch_is_cut_and_the_letters_kept() -> None:
    dpi = 250
    img = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(img)
    draw.rectangle((1000, 60, 1060, 200), fill=0)  # a letter
    draw.rectangle((300, 185, 1000, 200), fill=0)  # the kashida: a thin stroke, 700 px long
    draw.rectangle((240, 60, 300, 200), fill=0)  # another letter
    pimg = PageImage(img, dpi, 1, 1400 * 72 / dpi, 300 * 72 / dpi)
    k = 72 / dpi
    out = _squeezed(pimg, 900 * k, 60 * k, 1060 * k, 200 * k)  # tesseract's box: half the word
    assert out is not None
    assert out.width < 250  # both letters, a short stroke between them
    ink = np.asarray(out) < 128
    assert ink[:, :70].sum() > 60 * 130 and ink[:, -70:].sum() > 60 * 130  # the letters whole
    # a line printed without stretch is left as it is
    plain = Image.new("L", (1400, 300), 255)
    ImageDraw.Draw(plain).rectangle((240, 60, 1060, 200), fill=0)
    assert _squeezed(PageImage(plain, dpi, 1, 1400 * k, 300 * k), 900 * k, 60 * k, 1060 * k, 200 * k) is None


@pytest.mark.slow
def test_the_sfax_notice_title_is_read_in_arabic(tmp_path: Path) -> None:
    if not SFAX.exists():
        pytest.skip("the corpus file is missing")
    doc = read_corpus_page(SFAX, 1)
    texts = [(b, normalize(" ".join(s.text for s in getattr(b, "sentences", [])))) for _, b in iter_blocks(doc)]
    cells = [normalize(cell_text(c)) for _, b in iter_blocks(doc) if isinstance(b, Table) for row in b.rows for c in row]
    words = " ".join([t for _b, t in texts] + cells).split()
    assert "بلاغ" in words
    assert "med" not in words
    assert any(isinstance(b, Heading) and t == "بلاغ" for b, t in texts) or "بلاغ" in words[:12]
    assert "3.5" in words and "3:5" not in words  # the decimal point checked on its crop (separators.py)
