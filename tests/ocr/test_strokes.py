"""Rendered vector pages read again with thickened strokes (strokes.py): the thickening itself,
the confidence that decides, and the Casablanca judgment read through the whole reader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.evaluation.normalize import number_tokens
from transform.ingest.base import TextLine
from transform.model.walk import iter_blocks
from transform.ocr.render import binarise
from transform.ocr.strokes import thicken, word_confidence
from transform.ocr.weight import stroke_width

REALDOCS = Path(__file__).resolve().parents[1] / "realdocs" / "files"
FONT = Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf")


@pytest.mark.skipif(not FONT.exists(), reason="Noto Naskh Arabic is needed to draw the test line")
def test_thicken_adds_a_pixel_on_each_side_of_every_stroke() -> None:
    img = Image.new("L", (1400, 160), 255)
    ImageDraw.Draw(img).text((40, 20), "المحكمة التجارية بالدار البيضاء", font=ImageFont.truetype(str(FONT), 70), fill=0)
    thin = binarise(img)
    thick = thicken(thin)
    a, b = np.asarray(thin) == 0, np.asarray(thick) == 0
    assert (b[a]).all()  # nothing of the type is lost
    before, after = stroke_width(a), stroke_width(b)
    assert before is not None and after is not None
    assert after >= before + 1.5, (before, after)
    blank = Image.new("L", (200, 100), 255)
    assert np.asarray(thicken(blank)).min() == 255  # a blank page stays blank


def test_word_confidence_weighs_each_line_by_its_words() -> None:
    lines = [TextLine("واحد اثنان ثلاثة أربعة", 0, 0, 10, 10, confidence=0.90),
             TextLine("خمسة", 0, 20, 10, 30, confidence=0.50),
             TextLine("", 0, 40, 10, 50, confidence=0.10),  # no words: not counted
             TextLine("ستة سبعة", 0, 60, 10, 70)]  # not rated: not counted
    assert word_confidence(lines) == pytest.approx((4 * 90 + 50) / 5)
    assert word_confidence([]) == 0.0


@pytest.mark.slow
def test_the_watermarked_judgment_gives_its_dates_in_order(tmp_path: Path) -> None:
    """Page 2 of the Casablanca commercial court's judgment (vector outlines under a grey emblem
    and the court's names): the watermark is removed before OCR, the page is read again with
    thickened strokes, and the dates and numbers of the hearings come back in order."""
    doc = read_corpus_page(REALDOCS / "ma-tc-casa-jugement-2271-2020.pdf", 2)
    rep = doc.meta.pages[0]
    assert rep.method == "ocr" and "grey layer under the text removed" in rep.reason
    body = " ".join(normalize(" ".join(s.text for s in getattr(b, "sentences", []))) for _, b in iter_blocks(doc))
    tokens = [t.text for t in number_tokens(body)]
    expected = ["2020/01/08", "440", "2020/01/29", "2019/08/07", "2019/09/09", "15", "15", "2019/09/13", "280",
                "2020/02/25", "2019/09/09", "2019/09/13"]
    it = iter(tokens)
    assert all(any(t == want for t in it) for want in expected), tokens  # in this order
    for line in ("وأن الطرف المدعي أدلى بصور وثائق خرقا لمقتضيات الفصل 440 من ق.ل.ع",
                 "أي بعد أربعة أيام من توصله بالإنذار وأنه قبل ذلك تقدم بطلب إيداع مبالغ بصندوق المحكمة بتاريخ"):
        assert normalize(line) in body, line
    # the watermark's names are not read into the text
    assert "الاستئناف" not in body and "للسلطة" not in body
