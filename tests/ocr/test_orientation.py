"""Scans set sideways or upside down (orientation.py): found only when the first reading looks wrong, turned
upright and read in their own frame; an upright page never asks tesseract's OSD."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from _pagebits import FILES, Line, corpus_page
from ocr_testkit import make_ctx
from PIL import Image, ImageDraw

from transform._exec import tesseract as tess
from transform.errors import InputError, ToolError
from transform.model import PageReport
from transform.ocr import orientation
from transform.ocr.render import PageImage

TRUTH = Path(__file__).resolve().parents[1] / "realdocs" / "truth"
# tesseract 5's OSD report of a French order turned a quarter counter-clockwise (hautesaone p. 2, 150 dpi)
OSD_90 = ("Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 18.01\n"
          "Script: Cyrillic\nScript confidence: 1.13\n")
OSD_0 = ("Page number: 0\nOrientation in degrees: 0\nRotate: 0\nOrientation confidence: 16.34\n"
         "Script: Latin\nScript confidence: 3.69\n")


def _sample() -> Image.Image:
    """A small page with nothing symmetric about it: a wide bar near the top left, a dot bottom right."""
    img = Image.new("L", (120, 200), 255)
    d = ImageDraw.Draw(img)
    d.rectangle((10, 10, 90, 25), fill=0)
    d.rectangle((100, 180, 110, 190), fill=0)
    return img


@pytest.mark.parametrize("ccw", [90, 180, 270])
def test_a_turned_page_is_set_upright_in_its_own_frame(ccw: int) -> None:
    page = _sample()
    scanned = PageImage(page.rotate(ccw, expand=True), 100.0, 3, 200 * 0.72 if ccw % 180 else 120 * 0.72,
                        120 * 0.72 if ccw % 180 else 200 * 0.72)
    upright = orientation.turn(scanned, ccw)  # OSD's "Rotate" for a page turned ccw degrees counter-clockwise
    assert upright.image.tobytes() == page.tobytes()
    assert (upright.width_pt, upright.height_pt) == pytest.approx((120 * 0.72, 200 * 0.72))
    assert upright.page == 3 and upright.dpi == 100.0


def test_osd_report_read(monkeypatch: pytest.MonkeyPatch) -> None:
    pimg = PageImage(_sample(), 100.0, 1, 86.4, 144.0)
    weak = OSD_90.replace("18.01", "3.24")  # as unsure as OSD's "upright" answers on the corpus's refused pages
    answers = iter([OSD_90, OSD_0, weak, weak, OSD_90.replace("Rotate: 90", "Rotate: 180")])
    monkeypatch.setattr(tess, "osd", lambda image, **k: next(answers))
    assert orientation.detect(pimg, 10) == (90, pytest.approx(18.01))
    assert orientation.detect(pimg, 10) is None  # upright
    assert orientation.detect(pimg, 10) is None  # too unsure to turn a refused page
    # ...but enough for a page whose lines ran down it, which can only be turned a quarter
    assert orientation.detect(pimg, 10, orientation.DOWN_OSD_CONF, (90, 270)) == (90, pytest.approx(3.24))
    assert orientation.detect(pimg, 10, orientation.DOWN_OSD_CONF, (90, 270)) is None

    def fails(image: Path, **k: Any) -> str:
        raise ToolError("Too few characters. Skipping this page")

    monkeypatch.setattr(tess, "osd", fails)
    assert orientation.detect(pimg, 10) is None


def test_lines_read_down_the_page_are_sideways() -> None:
    # tesseract's first lines of an Arabic decision turned a quarter (ma-mtedd p. 2), boxes in points
    down = [Line("المادة الثالثة: تحدد المهام المطلوب القيام بها", 277, 173, 288, 538),
            Line("المادة الرابعة: تحدد مدة العقد الذي يتم بموجبه تشغيل الخبير", 244, 65, 256, 538),
            Line("للعقد أربع (04) سنوات.", 224, 451, 239, 539),
            Line("المادة الخامسة: يتكون ملف الترشيح من الوثائق التالية:", 197, 335, 208, 538)]
    assert orientation.sideways(down)  # type: ignore[arg-type]
    across = [Line(ln.text, ln.top, 600 - ln.x1, ln.bottom, 600 - ln.x0) for ln in down]
    assert not orientation.sideways(across)  # type: ignore[arg-type]
    # a column of single digits or bullets beside upright text is as high as wide, not sideways
    digits = [Line(str(n), 500, 100 + 14 * n, 506, 112 + 14 * n) for n in range(1, 10)]
    assert not orientation.sideways(across + digits)  # type: ignore[arg-type]
    assert not orientation.sideways([])


def test_report_tells_the_turn_and_the_frame() -> None:
    rep = PageReport(page=2, method="ocr", reason="scanned page; OCR (fra+ara, 197 words, confidence 95%); "
                     + orientation.TURNED.format(how="sideways", deg=90, conf=19.0))
    assert "the page was scanned sideways and turned upright" in rep.reason
    assert orientation.quarter(rep) == 90
    assert orientation.frame(rep, 595.0, 842.0) == (842.0, 595.0)
    assert orientation.notice(rep) == "page 2 was scanned sideways and turned upright before reading"
    down = PageReport(page=4, method="ocr", reason="OCR; " + orientation.TURNED.format(how="upside down", deg=180, conf=26.0))
    assert orientation.quarter(down) == 180 and orientation.frame(down, 595.0, 842.0) == (595.0, 842.0)
    assert orientation.notice(down) == "page 4 was scanned upside down and turned upright before reading"
    plain = PageReport(page=2, method="ocr", reason="scanned page; OCR (fra+ara, 197 words, confidence 95%)")
    assert orientation.quarter(plain) == 0 and orientation.frame(plain, 595.0, 842.0) == (595.0, 842.0)
    assert orientation.notice(plain) is None


# --- real pages: the top quarter of an Arabic decision (200 dpi scan, as a one-page PDF) read upright and
# turned a quarter, the top quarter of a French order (150 dpi scan, as a PNG) turned the other way; each
# reading made once for the module


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _truth_words(doc: str, page: int) -> Counter[str]:
    text = (TRUTH / doc / f"p{page:03d}.md").read_text(encoding="utf-8").split("---", 2)[2]
    return Counter(_words(text))


def _accuracy(read: str, truth: Counter[str]) -> float:
    """The share of the words read that the page's truth holds (the crop holds a part of the page)."""
    words = _words(read)
    return sum((Counter(words) & truth).values()) / max(1, len(words))


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [node["text"]] if isinstance(node.get("text"), str) else [t for v in node.values() for t in _texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in _texts(v)]
    return []


def _crop(name: str, index: int, dpi: float, share: float) -> PageImage:
    """The page's top ``share``, cut at the whitest pixel row within 3 % of the page's height of it: a crop edge
    through a printed line would leave half a line, read as junk that differs with the turn."""
    pimg = corpus_page(name, index, dpi)
    gray = np.asarray(pimg.image.convert("L"), dtype=np.float32)
    lo, hi = round(gray.shape[0] * (share - 0.03)), round(gray.shape[0] * (share + 0.03))
    cut = lo + int(np.argmax(gray[lo:hi].mean(axis=1)))
    return PageImage(pimg.image.crop((0, 0, pimg.image.width, cut)), dpi, 1, pimg.width_pt,
                     pimg.height_pt * cut / gray.shape[0])


def _ingest(img: Image.Image, dpi: float, path: Path) -> tuple[str, Any, list[Any]]:
    """The page image as a one-page input (PDF or PNG by ``path``'s suffix) read by the pipeline: its text,
    (its page report, the number of OSD calls, the run's warnings of a turned page), its blocks."""
    from transform.ingest import ingest

    calls: list[Path] = []
    real = tess.osd

    def osd(image: Path, **k: Any) -> str:
        calls.append(image)
        return real(image, **k)

    tess.osd = osd  # type: ignore[assignment]
    try:
        if path.suffix == ".pdf":
            img.convert("L").save(path, "PDF", resolution=dpi)
        else:
            img.save(path, dpi=(dpi, dpi))
        ctx = make_ctx(path.parent)
        try:
            doc = ingest(path, ctx)
        except InputError as exc:  # nothing read: the page refused
            return "", (PageReport(page=1, method="unreadable", reason=str(exc)), len(calls), []), []
    finally:
        tess.osd = real  # type: ignore[assignment]
    blocks = doc.sections[0].blocks
    warned = [e.message for e in ctx.errors if "turned upright" in e.message]
    return "\n".join(_texts([b.model_dump() for b in blocks])), (doc.meta.pages[0], len(calls), warned), blocks


@pytest.fixture(scope="module")
def readings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, Any, list[Any]]]:
    if not (FILES / "ma-mtedd-ar-decision-2023.pdf").exists() or not (FILES / "hautesaone-arrete-eau-2023.pdf").exists():
        pytest.skip("the corpus files are missing")
    if "osd" not in tess.languages():
        pytest.skip("tesseract's osd.traineddata is not installed")
    tmp = tmp_path_factory.mktemp("turned")
    ar = _crop("ma-mtedd-ar-decision-2023.pdf", 1, 200, 0.25)
    fr = _crop("hautesaone-arrete-eau-2023.pdf", 1, 150, 0.25)
    return {
        "ar": _ingest(ar.image, 200, tmp / "ar.pdf"),
        "ar270": _ingest(ar.image.rotate(270, expand=True), 200, tmp / "ar270.pdf"),  # turned a quarter clockwise
        "fr90": _ingest(fr.image.rotate(90, expand=True), 150, tmp / "fr90.png"),  # turned a quarter counter-clockwise
    }


@pytest.mark.slow
def test_an_upright_page_asks_no_osd(readings: dict[str, tuple[str, Any, list[Any]]]) -> None:
    text, (rep, calls, warned), _blocks = readings["ar"]
    assert calls == 0 and not warned and rep.method == "ocr" and orientation.quarter(rep) == 0
    assert "turned" not in rep.reason
    assert _accuracy(text, _truth_words("ma-mtedd-ar-decision-2023", 2)) >= 0.75


@pytest.mark.slow
def test_a_page_read_down_its_height_is_read_across_it(readings: dict[str, tuple[str, Any, list[Any]]]) -> None:
    # tesseract reads this page turned a quarter clockwise whole, each line a tall box down the page: the
    # reading is not refused, but its lines are no layout's; turned upright it reads as the upright page
    text, (rep, calls, warned), blocks = readings["ar270"]
    upright, _rep, upright_blocks = readings["ar"]
    truth = _truth_words("ma-mtedd-ar-decision-2023", 2)
    assert calls == 1 and rep.method == "ocr" and orientation.quarter(rep) == 270
    assert warned == ["page 1 was scanned sideways and turned upright before reading"]
    assert "the page was scanned sideways and turned upright" in rep.reason
    assert _accuracy(text, truth) >= _accuracy(upright, truth) - 0.02
    assert len(_words(text)) >= 0.95 * len(_words(upright))
    # laid out as the upright page: as many blocks, the article heading first
    assert len(blocks) == len(upright_blocks)
    assert _words(text)[:2] == _words(upright)[:2] == ["المادة", "الثالثة"]


@pytest.mark.slow
def test_a_refused_page_turned_a_quarter_is_read(readings: dict[str, tuple[str, Any, list[Any]]]) -> None:
    # tesseract reads this page turned a quarter counter-clockwise as junk (confidence about 46 %): refused
    # before; OSD finds it turned and the page reads as its truth
    text, (rep, calls, warned), _blocks = readings["fr90"]
    assert calls == 1 and rep.method == "ocr" and orientation.quarter(rep) == 90
    assert warned == ["page 1 was scanned sideways and turned upright before reading"]
    assert "the page was scanned sideways and turned upright" in rep.reason
    assert _accuracy(text, _truth_words("hautesaone-arrete-eau-2023", 2)) >= 0.93
    assert _words(text)[:5] == ["considérant", "la", "situation", "hydrologique", "actuelle"]
