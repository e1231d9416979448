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
    short = _crop("ma-mtedd-ar-decision-2023.pdf", 1, 200, 0.15)  # two articles: too few letters for OSD
    form = _crop("ma-sante-ar-decision-2023.pdf", 2, 200, 0.3)  # a blank application form's title and first rows
    tilted = fr.image.rotate(90, expand=True).rotate(9, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return {
        "ar": _ingest(ar.image, 200, tmp / "ar.pdf"),
        "ar270": _ingest(ar.image.rotate(270, expand=True), 200, tmp / "ar270.pdf"),  # turned a quarter clockwise
        "fr90": _ingest(fr.image.rotate(90, expand=True), 150, tmp / "fr90.png"),  # turned a quarter counter-clockwise
        "short90": _ingest(short.image.rotate(90, expand=True), 200, tmp / "short90.png"),
        "fr90tilted": _ingest(tilted, 150, tmp / "fr90tilted.png"),  # ...and tilted 9° more
        "form270": _ingest(form.image.rotate(270, expand=True), 200, tmp / "form270.png"),  # turned a quarter clockwise
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


# --- a turned page OSD cannot place (few lines: "Too few characters", or a weak answer): read at the quarter turns
# and kept only when clearly better than the first reading; else its refusal says the page seems turned


def _osd_says(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> None:
    def osd(image: Path, **k: Any) -> str:
        if answer is None:
            raise ToolError("Too few characters. Skipping this page")
        return answer

    monkeypatch.setattr(tess, "osd", osd)


def _turns(monkeypatch: pytest.MonkeyPatch) -> None:
    """``turn`` replaced by a marker of the turn asked: each test's ``read`` answers by it."""
    monkeypatch.setattr(orientation, "turn", lambda pimg, deg: deg)


def _read_as(by_turn: dict[int, tuple[float, bool]], asked: list[int]) -> Any:
    """A reader answering each turn with one line read at a confidence, across the page or down it (a refused
    reading for a turn not listed)."""
    from transform.ingest.base import TextLine

    def read(deg: Any) -> Any:
        asked.append(deg)
        if deg not in by_turn:
            return [], PageReport(page=1, method="unreadable", reason="OCR could not read this page reliably")
        conf, down = by_turn[deg]
        box = (100, 100, 112, 400) if down else (100, 100, 400, 112)
        line = TextLine("المادة الثالثة: تحدد المهام المطلوب القيام بها", *box, confidence=conf)
        return [line], PageReport(page=1, method="ocr", reason=f"image input; OCR (ara+fra, confidence {conf * 100:.0f}%)")

    return read


def test_a_short_turned_page_osd_cannot_place_is_read_at_the_better_quarter(monkeypatch: pytest.MonkeyPatch) -> None:
    pimg = PageImage(_sample(), 100.0, 1, 86.4, 144.0)
    _turns(monkeypatch)
    _osd_says(monkeypatch, None)  # "Too few characters": a short Arabic page
    asked: list[int] = []
    got = orientation.read_turned(pimg, pimg, {"osd", "ara"}, 10, _read_as({270: (0.90, False)}, asked), first=34.0)
    assert asked == [90, 270] and got.reading is not None and not got.seems
    rep = got.reading[1]
    assert orientation.quarter(rep) == 270 and "OSD unsure: read clearly better turned" in rep.reason
    assert orientation.notice(rep) == "page 1 was scanned sideways and turned upright before reading"
    # both quarters read, the more confident kept
    got = orientation.read_turned(pimg, pimg, {"osd"}, 10, _read_as({90: (0.80, False), 270: (0.91, False)}, []), first=34.0)
    assert got.reading is not None and orientation.quarter(got.reading[1]) == 270
    # not clearly better than the first reading (15 points): nothing kept, and nothing says the page is turned
    got = orientation.read_turned(pimg, pimg, {"osd"}, 10, _read_as({90: (0.45, False)}, []), first=34.0)
    assert got.reading is None and got.seems == ""


def test_a_weak_osd_turn_is_read_and_an_upright_answer_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pimg = PageImage(_sample(), 100.0, 1, 86.4, 144.0)
    _turns(monkeypatch)
    _osd_says(monkeypatch, OSD_90.replace("18.01", "2.17"))  # OSD's answer on a short Arabic crop turned a quarter
    asked: list[int] = []
    got = orientation.read_turned(pimg, pimg, {"osd"}, 10, _read_as({90: (0.88, False)}, asked), first=38.0)
    assert asked == [90] and got.reading is not None and orientation.quarter(got.reading[1]) == 90
    # its turned reading refused too: the page is refused, saying it seems turned and asking for it upright
    got = orientation.read_turned(pimg, pimg, {"osd"}, 10, _read_as({}, []), first=38.0)
    assert got.reading is None and got.seems == orientation.SEEMS.format(how="sideways")
    assert "scan it upright" in got.seems
    _osd_says(monkeypatch, OSD_90.replace("Rotate: 90", "Rotate: 180").replace("18.01", "26.0"))
    got = orientation.read_turned(pimg, pimg, {"osd"}, 10, _read_as({}, []), first=38.0)
    assert got.seems == orientation.SEEMS.format(how="upside down")
    # OSD's "upright", however unsure (the corpus's refused upright pages answered it at 3-8): nothing read again
    _osd_says(monkeypatch, OSD_0.replace("16.34", "3.24"))
    asked = []
    got = orientation.read_turned(pimg, pimg, {"osd"}, 10, _read_as({90: (0.9, False)}, asked), first=38.0)
    assert asked == [] and got.reading is None and got.seems == ""


def test_a_page_read_down_its_height_osd_cannot_place(monkeypatch: pytest.MonkeyPatch) -> None:
    # a short page read down its height at a sound confidence (88 %): OSD fails; read at both quarters, the one
    # read across the page kept though no more confident, the one still running down it not
    pimg = PageImage(_sample(), 100.0, 1, 86.4, 144.0)
    _turns(monkeypatch)
    _osd_says(monkeypatch, None)
    got = orientation.read_turned(pimg, pimg, {"osd"}, 10, _read_as({90: (0.95, True), 270: (0.86, False)}, []),
                                  down=True, first=88.0)
    assert got.reading is not None and orientation.quarter(got.reading[1]) == 270
    got = orientation.read_turned(pimg, pimg, {"osd"}, 10, _read_as({90: (0.95, True), 270: (0.70, False)}, []),
                                  down=True, first=88.0)
    assert got.reading is None and got.seems == orientation.SEEMS.format(how="sideways")


def test_a_refused_page_says_it_seems_turned(monkeypatch: pytest.MonkeyPatch) -> None:
    # ocr_page's refusal carries what read_turned found; the turned reading is asked once
    from transform.ingest.base import TextLine
    from transform.ocr import pages
    from transform.ocr.tesseract import OcrResult

    img = Image.new("L", (400, 300), 255)
    ImageDraw.Draw(img).rectangle((40, 40, 360, 60), fill=0)
    junk = [TextLine("xq zv ikl", 10, 10, 100, 20, confidence=0.3)]
    monkeypatch.setattr(pages, "_read", lambda image, use, script, timeout: (OcrResult(junk, 30.0, 3), use))
    monkeypatch.setattr(pages, "_models", lambda: {"ara", "fra", "osd"})
    calls: list[float] = []

    def read_turned(*a: Any) -> orientation.Attempt:
        calls.append(a[-1])
        return orientation.Attempt(seems=orientation.SEEMS.format(how="sideways"))

    monkeypatch.setattr(orientation, "read_turned", read_turned)
    lines, rep = pages.ocr_page(PageImage(img, 100.0, 1, 288.0, 216.0), ["ar", "fr"], timeout=10, scanned=True, why="image input")
    assert lines == [] and rep.method == "unreadable" and calls == [30.0]
    assert rep.reason.endswith("; the page seems to have been scanned sideways: scan it upright and send it again")


@pytest.mark.slow
def test_a_short_page_osd_cannot_place_is_read_turned(readings: dict[str, tuple[str, Any, list[Any]]]) -> None:
    # the top sixth of an Arabic decision turned a quarter: the first reading is refused (about 34 %) and OSD finds
    # too few letters to answer, so the page was refused as "an unsupported script"; read at both quarter turns,
    # the upright one is clearly better and kept
    text, (rep, calls, warned), _blocks = readings["short90"]
    assert calls == 1 and rep.method == "ocr" and orientation.quarter(rep) == 90
    assert "OSD unsure: read clearly better turned" in rep.reason
    assert warned == ["page 1 was scanned sideways and turned upright before reading"]
    assert _accuracy(text, _truth_words("ma-mtedd-ar-decision-2023", 2)) >= 0.95
    assert _words(text)[:2] == ["المادة", "الثالثة"]


@pytest.mark.slow
def test_a_short_form_read_down_its_height_osd_cannot_place_is_read_turned(
        readings: dict[str, tuple[str, Any, list[Any]]]) -> None:
    # the top of a blank application form (title, a few rows of labels) turned a quarter: read down the page (kept so
    # on main, 26 words at 71 % in boxes standing on end), OSD finds too few letters; read at both quarter turns, the
    # one across the page kept
    text, (rep, calls, warned), _blocks = readings["form270"]
    assert calls == 1 and rep.method == "ocr" and orientation.quarter(rep) == 270
    assert warned == ["page 1 was scanned sideways and turned upright before reading"]
    words = _words(text)
    assert {"نموذج", "المنصب", "المعني", "المديرية"} <= set(words)
    assert _accuracy(text, _truth_words("ma-sante-ar-decision-2023", 3)) >= 0.6


@pytest.mark.slow
def test_a_turned_page_tilted_past_the_deskew_is_straightened(readings: dict[str, tuple[str, Any, list[Any]]]) -> None:
    # the French crop turned a quarter and tilted 9°: turned upright, it was read tilted 3.5° (the deskew measures
    # up to 4°, 5.5° with its finer steps) and refused; straightened after the turn, it reads as the crop turned only
    text, (rep, calls, _warned), _blocks = readings["fr90tilted"]
    turned, _rep, _b = readings["fr90"]
    truth = _truth_words("hautesaone-arrete-eau-2023", 2)
    assert calls == 1 and rep.method == "ocr" and orientation.quarter(rep) == 90
    assert _accuracy(text, truth) >= _accuracy(turned, truth) - 0.02
    assert len(_words(text)) >= 0.95 * len(_words(turned))
    assert _words(text)[:5] == _words(turned)[:5] == ["considérant", "la", "situation", "hydrologique", "actuelle"]


def _lines_image(tilt: float) -> Image.Image:
    """Rows of word-like bars, as a page of text, tilted ``tilt`` degrees counter-clockwise."""
    img = Image.new("L", (700, 500), 255)
    d = ImageDraw.Draw(img)
    for row in range(12):
        x = 40
        for k in range(9):
            w = 30 + (7 * row + 13 * k) % 40
            d.rectangle((x, 40 + 36 * row, x + w, 52 + 36 * row), fill=0)
            x += w + 18
    return img.rotate(tilt, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def test_a_turned_page_is_straightened_past_the_upright_deskew() -> None:
    from transform.ocr.render import estimate_skew

    tilted = _lines_image(8.0).rotate(90, expand=True)  # tilted 8°, then turned a quarter counter-clockwise
    upright = orientation.turn(PageImage(tilted, 100.0, 1, 300.0, 400.0), 90)
    assert abs(estimate_skew(upright.image)) <= 1.0  # straightened: nothing left for the page's own deskew
    assert abs(estimate_skew(tilted.transpose(Image.Transpose.ROTATE_270), 12.0)) > 4.0  # the turn alone: still tilted
    # a tilt the upright deskew takes out itself is left to it: the turned image is the lossless turn
    slight = _lines_image(2.0).rotate(90, expand=True)
    plain = orientation.turn(PageImage(slight, 100.0, 1, 300.0, 400.0), 90)
    assert plain.image.tobytes() == slight.transpose(Image.Transpose.ROTATE_270).tobytes()
