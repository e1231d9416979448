"""Run tesseract on a page image and turn its TSV into TextLines in PDF points."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from .._exec import TESSERACT, tesseract
from ..ingest.base import TextLine
from ..ingest.ligatures import HALLMARK, drop_kashida, repair_words
from ..ingest.pdf_bidi import digit_groups, fix_brackets
from .bullets import mark_bullet
from .columns import split_columns
from .dropped import keep_first_letters, restore_dropped
from .extra_letters import mend_page
from .flat_words import flat_word
from .glued import unglue
from .hidden_rows import hidden_rows
from .months import repair_months
from .number_readings import comma_dates, first_of_month
from .recover import holds_words, in_blank, insert_in_order, uncovered_segments
from .render import PageImage
from .reread import reread_unsure, unsure_unknown
from .spelling import repair_unsure, sure_words
from .strays import _PERSIAN, _strays, reread_stray_script  # noqa: F401 - _PERSIAN and _strays named here by tests

TESS_LANG = {"ar": "ara", "fr": "fra"}
# Script models that read what a language model cannot (Debian tesseract-ocr-script-arab: ``%``,
# Arabic-Indic digits); used as a second opinion on numbers (votes.py), never required.
SCRIPT_MODEL = {"ara": "Arabic"}
# Upper-quartile word height over the font size, measured on the samples (Noto Naskh Arabic, Noto Sans).
HEIGHT_PER_PT = {"ar": 0.945, "fr": 0.80}
DOMINANT = 0.85  # share of letters from which a script dominates a page
MAX_RECOVER = 40  # at most this many skipped rows are re-read per page
WEAK_LATIN_CONF = 50.0  # a Latin word of an Arabic line read under this confidence is a stray word, whatever its case
UNSURE_LATIN_CONF = 75.0  # ...under this, a stray only for a re-reading that keeps the rest of the line (strays.py)
_AR = re.compile(r"[\u0600-\u06ff]")
_LAT = re.compile(r"[A-Za-zÀ-ÿ]")
_DIGIT = re.compile(r"[0-9]")
_BULLETS = {"+", "*", "•", "·", "٠", "٠.", "°", "»", "«", "»ع", "ع", "©", "®", "¢", "o", "e"}
_AR_PUNCT = str.maketrans({";": "؛", "?": "؟"})
# numbers joined by hyphens (``16-49``, ``1-3-31-32-50-124``): each is a run of its own, drawn right to left;
# a sentence's full stop or comma may follow (``16-49.``), a decimal part may not (``12-13.5`` stays)
_CHAIN = re.compile(r"(?<![\d.,/])\d+(?:[-–—]\d+)+(?![\d/]|[.,]\d)")
_DASH = re.compile("([-–—])")
_PERCENT_DRAWN = re.compile(r"^(?:[%٪]\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?[%٪])$")
_AR_COMMA = re.compile(r"(?<![0-9]),|,(?![0-9])")  # a comma between digits is a decimal comma (12,5)
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


WEAK_KEPT = 80.0  # a word read under this is kept with its confidence on its line (TextLine.weak; ocr/line_doubt.py)


@dataclass
class OcrResult:
    lines: list[TextLine]
    confidence: float  # mean word confidence, 0-100
    words: int
    line_conf: dict[int, float] = field(default_factory=dict)  # id(TextLine) -> mean word confidence
    # id(TextLine) -> its words with their boxes in points (text, x0, top, x1, bottom), in the
    # line's text order; left-to-right lines only (what the table builder cuts at column rules)
    word_boxes: dict[int, list[tuple[str, float, float, float, float]]] = field(default_factory=dict)
    # id(TextLine) -> the right-to-left line's text as first made, and its words with their
    # boxes in points as tesseract listed them (before they are put in logical order): a table
    # cell's share of them is put in logical order with :func:`line_text` on its own
    rtl_words: dict[int, tuple[str, list[tuple[str, float, float, float, float]]]] = field(default_factory=dict)
    # id(TextLine) -> the line's Latin words read under WEAK_LATIN_CONF
    weak_latin: dict[int, list[str]] = field(default_factory=dict)
    # id(TextLine) -> the Latin words of an Arabic line read under UNSURE_LATIN_CONF (and not under WEAK_LATIN_CONF)
    unsure_latin: dict[int, list[str]] = field(default_factory=dict)
    # id(TextLine) -> the Arabic words of an Arabic line read unsure that the word list does not know (reread.py)
    unsure_ar: dict[int, list[str]] = field(default_factory=dict)
    # id(TextLine) -> the confidence of each word of an Arabic line, in the order of its rtl_words listing
    word_confs: dict[int, list[float]] = field(default_factory=dict)
    # id(TextLine) -> (the line's text as first made, its words read from a rule's ink): flat_words.py drops them
    flat: dict[int, tuple[str, list[str]]] = field(default_factory=dict)
    # pixel boxes of the lines tesseract's layout found and read nothing in (an emblem, a signature): recover.py
    blank: list[tuple[int, int, int, int]] = field(default_factory=list)

    def absorb(self, sub: OcrResult) -> None:
        """A reading of some rows of the page (a skipped row, a hidden line) taken into the page's: its lines'
        listings added, its words counted in the page's confidence (its lines are placed by the caller)."""
        self.line_conf.update(sub.line_conf)
        self.word_boxes.update(sub.word_boxes)
        self.rtl_words.update(sub.rtl_words)
        self.weak_latin.update(sub.weak_latin)
        self.unsure_latin.update(sub.unsure_latin)
        self.unsure_ar.update(sub.unsure_ar)
        self.word_confs.update(sub.word_confs)
        self.flat.update(sub.flat)
        if sub.words:
            total = self.confidence * self.words + sub.confidence * sub.words
            self.words += sub.words
            self.confidence = total / self.words


def installed_langs() -> set[str]:
    """tesseract language models on this machine (``ara``, ``fra``...)."""
    try:
        return tesseract.languages(timeout=20)
    except Exception:  # noqa: BLE001 - missing tesseract is reported by the caller
        return set()


def tess_langs(langs: list[str]) -> str:
    """``["ar", "fr"]`` -> ``"ara+fra"``; unknown codes are dropped, empty means both."""
    codes = [TESS_LANG[lang] for lang in langs if lang in TESS_LANG] or ["ara", "fra"]
    return "+".join(dict.fromkeys(codes))


def script_langs(codes: str, models: set[str]) -> str | None:
    """``ara+fra`` -> ``Arabic+fra`` when the script model is installed, else None."""
    parts = codes.split("+")
    if not any(SCRIPT_MODEL.get(p) in models for p in parts):
        return None
    return "+".join(SCRIPT_MODEL[p] if SCRIPT_MODEL.get(p) in models else p for p in parts)


def _write_tiff(pimg: PageImage, path: Path) -> Path:
    """Uncompressed grayscale TIFF carrying the image's resolution (fast to write and to read;
    tesseract takes the dpi from the file, exactly as with a scanner's file)."""
    pimg.image.convert("L").save(path, "TIFF", dpi=(pimg.dpi, pimg.dpi))
    return path


def ocr_image(pimg: PageImage, langs: str, *, timeout: float, psm: int = 3, script: str | None = None) -> OcrResult:
    """OCR one page image with tesseract (one thread) and return its lines in PDF points.
    ``script``: the installed Arabic script model, a second candidate for stray-word lines."""
    TESSERACT.require()
    # one OpenMP thread per tesseract: pages run in parallel instead (see _exec/tesseract.py)
    with tempfile.TemporaryDirectory(prefix="taysir-ocr-") as tmp:
        image = _write_tiff(pimg, Path(tmp) / "page.tif")
        out = tesseract.tsv(image, langs=langs, psm=psm, timeout=timeout, hint=tesseract.HINT)
    result = parse_tsv(out.decode("utf-8", "replace"), pimg)
    if psm == 3:
        _recover_lines(pimg, result, langs, timeout)
        hidden_rows(pimg, result, langs, timeout)  # a line skipped between two it touches (hidden_rows.py)
        reread_stray_script(pimg, result, langs, timeout, script)
        if "ara" in langs.split("+"):
            from .stretched import reread_stretched  # numpy: loaded only where a page is OCR'd

            ar = sum(len(_AR.findall(ln.text)) for ln in result.lines)
            lat = sum(len(_LAT.findall(ln.text)) for ln in result.lines)
            reread_stretched(pimg, result, timeout, ar > 0 and ar >= DOMINANT * (ar + lat))
            reread_unsure(pimg, result, timeout)  # unsure unknown Arabic words read again, enlarged (reread.py)
            keep_first_letters(result)  # letters a line's re-reading lost in stacked ligatures put back (dropped.py)
            restore_dropped(pimg, result, timeout)  # a letter lost in a stacked ligature, read again (dropped.py)
        mend_page(result)  # a doubled letter taken out, a web address's www put right (extra_letters.py)
    return result


def read_rows(pimg: PageImage, boxes: list[tuple[int, int, int, int]], langs: str, timeout: float,
              psm: int = 13) -> list[OcrResult]:
    """OCR several single-line crops (pixel boxes) in one tesseract call (``--psm 13`` unless
    told, a list file): the models are loaded once. Returned lines are in page coordinates."""
    with tempfile.TemporaryDirectory(prefix="taysir-ocr-") as tmp:
        out = tesseract.tsv(_listing(pimg, boxes, Path(tmp), "row"), langs=langs, psm=psm, timeout=timeout)
    rows: dict[int, list[str]] = {}
    for row in out.decode("utf-8", "replace").splitlines():
        cols = row.split("\t", 2)
        if len(cols) > 2 and cols[1].isdigit():
            rows.setdefault(int(cols[1]), []).append(row)
    out = []
    for n, box in enumerate(boxes, 1):
        sub = parse_tsv("level\tpage_num\n" + "\n".join(rows.get(n, [])), pimg)
        dx, dy = pimg.to_points(box[0]), pimg.to_points(box[1])
        for ln in sub.lines:
            ln.x0, ln.x1, ln.top, ln.bottom = ln.x0 + dx, ln.x1 + dx, ln.top + dy, ln.bottom + dy
        for key, boxes in sub.word_boxes.items():
            sub.word_boxes[key] = [(w, x0 + dx, t + dy, x1 + dx, b + dy) for w, x0, t, x1, b in boxes]
        for key, (text, boxes) in sub.rtl_words.items():
            sub.rtl_words[key] = (text, [(w, x0 + dx, t + dy, x1 + dx, b + dy) for w, x0, t, x1, b in boxes])
        out.append(sub)
    return out


def read_words(pimg: PageImage, crops: list[tuple[int, int, int, int]], langs: str, psm: int, timeout: float,
               stem: str = "word") -> list[list[tuple[str, float, float, float]]]:
    """Each pixel crop of the page read alone, all in one tesseract call (a list file): its words as
    (text, confidence, left, right), left and right in the crop's pixels; a crop read as nothing gives []."""
    with tempfile.TemporaryDirectory(prefix="taysir-ocr-") as tmp:
        out = tesseract.tsv(_listing(pimg, crops, Path(tmp), stem), langs=langs, psm=psm, timeout=timeout)
    found: list[list[tuple[str, float, float, float]]] = [[] for _ in crops]
    for row in out.decode("utf-8", "replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[1].isdigit():
            continue
        text, conf, n = cols[11].strip(), float(cols[10]), int(cols[1]) - 1
        if text and conf >= 0 and 0 <= n < len(crops):
            left, width = int(cols[6]), int(cols[8])
            found[n].append((text, conf, float(left), float(left + width)))
    return found


def _listing(pimg: PageImage, boxes: list[tuple[int, int, int, int]], tmp: Path, stem: str) -> Path:
    """The crops of ``pimg`` written as TIFFs carrying its resolution, and the list file naming them."""
    names = []
    for n, box in enumerate(boxes):
        crop = PageImage(pimg.image.crop(box), pimg.dpi, pimg.page, 0, 0)
        names.append(str(_write_tiff(crop, tmp / f"{stem}{n:03d}.tif")))
    listing = tmp / f"{stem}s.txt"
    listing.write_text("\n".join(names) + "\n", encoding="utf-8")
    return listing


def _pad(pimg: PageImage, x0: int, y0: int, x1: int, y1: int) -> tuple[int, int, int, int]:
    pad = max(4, (y1 - y0) // 3)
    return (max(0, x0 - pad), max(0, y0 - pad), min(pimg.image.width, x1 + pad), min(pimg.image.height, y1 + pad))


def _recover_lines(pimg: PageImage, result: OcrResult, langs: str, timeout: float) -> None:
    """Read the rows tesseract's layout analysis skipped (see recover.py), all in one call."""
    segments = uncovered_segments(pimg, result.lines)[:MAX_RECOVER]
    if not segments:
        return
    for seg, sub in zip(segments, read_rows(pimg, [_pad(pimg, *seg) for seg in segments], langs, timeout), strict=True):
        if not (kept := [ln for ln in sub.lines if not in_blank(seg, result.blank) or holds_words(ln.text)]):
            continue  # an emblem the layout read nothing in, read as a raw line: no row skipped (recover.py)
        for ln in kept:
            insert_in_order(result.lines, ln)
        result.absorb(sub)


def _drawn_word(word: str) -> str:
    """A number word of an Arabic line as typed, from what is drawn (see :func:`logical_rtl_words`)."""
    if "-" in word or "–" in word or "—" in word:
        return _CHAIN.sub(_chain_drawn, word)
    if ("%" in word or "٪" in word) and _PERCENT_DRAWN.match(word):
        return word[1:] + word[0] if word[0] in "%٪" else word[-1] + word[:-1]
    return word


def _chain_drawn(m: re.Match[str]) -> str:
    """A chain of numbers joined by dashes as drawn, left to right: tesseract lists its numbers
    right to left (``124-50-32-31-3-1`` for ``1-3-31-32-50-124``), the dashes stay between them."""
    parts = _DASH.split(m.group(0))
    numbers, dashes = parts[0::2][::-1], parts[1::2]
    return numbers[0] + "".join(d + n for d, n in zip(dashes, numbers[1:], strict=True))


def logical_rtl_words(words: list[str]) -> list[str]:
    """Logical order of the words of a right-to-left line, as tesseract lists them.

    Tesseract lists the words of an Arabic line right to left. Runs that the bidi algorithm
    draws left to right come out reversed and are put back; everything else is already in
    logical order. What one run is follows the bidi algorithm (as :mod:`transform.ingest.pdf_bidi`
    does for text layers): Latin words, with the numbers that follow them, are one run
    (``Béni Mellal``, ``Article 2``); separate numbers are separate runs (``9 محرم 1448 (25 يونيو
    2026)`` keeps its order); the digit groups of one amount drawn left to right
    (``000 250 1`` listed for ``1 250 000``) are put back only when that makes a
    well-formed number. Inside one word, tesseract reads what is drawn: a year range drawn
    ``2027-2022`` is ``2022-2027``, a percent drawn ``%12`` is ``12%`` (and the reverse).
    """
    words = [_drawn_word(w) for w in words]
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        if _AR.search(words[i]) or not (_LAT.search(words[i]) or _DIGIT.search(words[i])):
            out.append(words[i])
            i += 1
            continue
        j = i  # a stretch of left-to-right words
        while j < n and not _AR.search(words[j]) and (_LAT.search(words[j]) or _DIGIT.search(words[j])):
            j += 1
        stretch = words[i:j]
        latin = [k for k, w in enumerate(stretch) if _LAT.search(w)]
        if latin:  # listed reversed up to its last Latin word; what comes after it stands alone
            last = latin[-1] + 1
            out.extend(reversed(stretch[:last]))
            out.extend(stretch[last:])
        else:  # one amount's digit groups listed right to left: the text layer's rule (pdf_visual_order.digit_groups)
            out.extend(digit_groups(stretch))
        i = j
    return out


def right_to_left(words: list[str], xs: list[float]) -> list[str]:
    """The words of an Arabic line as tesseract lists a right-to-left line.

    Tesseract lists an Arabic line right to left, unless it took the line for a left-to-right
    one (a table cell that starts with a number: ``6- الدراسة ... سنة 2021 .`` was listed
    ``. 2021 الدراسة ... سنة -6``): then the runs of Arabic words keep their order but the runs
    stand from the left, and the other runs read left to right. Such a listing (its first
    word left of its last, ``xs`` being the words' centres) is turned into the right-to-left
    one, which :func:`logical_rtl_words` puts in logical order. Sorting every line by its
    words' centres instead swapped Arabic words whose boxes overlap."""
    if len(words) < 2 or xs[0] >= xs[-1]:
        return words
    runs: list[list[str]] = []
    for w in words:
        if runs and bool(_AR.search(w)) == bool(_AR.search(runs[-1][0])):
            runs[-1].append(w)
        else:
            runs.append([w])
    return [w for run in reversed(runs) for w in (run if _AR.search(run[0]) else reversed(run))]


def _arabic(words: list[str]) -> bool:
    """Is a line of these words written in Arabic letters (more of them than Latin ones)?"""
    return sum(len(_AR.findall(w)) for w in words) > sum(len(_LAT.findall(w)) for w in words)


def parse_tsv(tsv: str, pimg: PageImage) -> OcrResult:
    """Group tesseract's word rows into lines; words keep tesseract's (logical) order."""
    lines: dict[tuple[int, int, float], dict] = {}
    confs: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        level, block, par, line = int(cols[0]), int(cols[2]), int(cols[3]), int(cols[4])
        left, top, width, height = (int(c) for c in cols[6:10])
        key = (block, par, line)
        if level == 4:
            lines[key] = {"box": (left, top, left + width, top + height), "words": [], "heights": [], "confs": [], "xs": [],
                          "boxes": []}
        elif level == 5:
            text = _BIDI_MARKS.sub("", cols[11]).strip()
            conf = float(cols[10])
            if not text or key not in lines or conf < 0:
                continue
            lines[key]["words"].append(text)
            lines[key]["xs"].append(left + width / 2)
            lines[key]["boxes"].append((left, top, left + width, top + height))
            lines[key]["heights"].append(height)
            lines[key]["confs"].append(conf)
            confs.append(conf)
    blank = [info["box"] for info in lines.values() if not info["words"]]
    lines = split_columns(lines, _arabic, pimg.image)  # a line across two blocks side by side read block by block (columns.py)
    # A line's height: the upper quartile of its word heights (the union box grows with any
    # deep descender or stacked dots). Lines of one tesseract paragraph share a font size.
    est: dict[tuple[int, int, float], float] = {}
    for key, info in lines.items():
        if info["words"]:
            hs = sorted(info["heights"])
            est[key] = float(hs[min(len(hs) - 1, (3 * len(hs)) // 4)])
    by_par: dict[tuple[int, int], list[float]] = {}
    for (block, par, _line), h in est.items():
        by_par.setdefault((block, par), []).append(h)
    out: list[TextLine] = []
    line_conf: dict[int, float] = {}
    word_boxes: dict[int, list[tuple[str, float, float, float, float]]] = {}
    rtl_words: dict[int, tuple[str, list[tuple[str, float, float, float, float]]]] = {}
    weak_latin: dict[int, list[str]] = {}
    unsure_latin: dict[int, list[str]] = {}
    unsure_ar: dict[int, list[str]] = {}
    word_confs: dict[int, list[float]] = {}
    flat: dict[int, tuple[str, list[str]]] = {}
    sure = sure_words([w for info in lines.values() for w in info["words"]], [c for info in lines.values() for c in info["confs"]])
    after_ar = False  # the line before is Arabic: a line of numbers only is read in its direction (as pdf_bidi's context_rtl)
    for key, info in lines.items():
        if key not in est:
            continue
        words = info["words"]
        # words read from a rule's ink, taken out once the re-readings are done (flat_words.py)
        rule = [w for w, (bx0, by0, bx1, by1) in zip(words, info["boxes"], strict=True)
                if flat_word(w, bx1 - bx0, by1 - by0, pimg.dpi)]
        is_ar = sum(len(_AR.findall(w)) for w in words) > sum(len(_LAT.findall(w)) for w in words)  # digits only: LTR
        if is_ar:  # unsure words one letter off a known word (spelling.py)
            info["words"] = repair_unsure(words, info["confs"], sure)
            info["mended"] = tuple((a, b) for a, b in zip(words, info["words"], strict=True) if a != b)  # doc_profile.py
            unglue(info)  # glued words split, a rule's teeth dropped (glued.py)
            mark_bullet(info)  # a list bullet read as a letter (bullets.py)
            words = info["words"]
        letterless = not is_ar and not any(_LAT.search(w) for w in words)
        # a range alone on an Arabic title's last line (2027-2026 drawn for 2026-2027) reads as in the Arabic line
        text = line_text([_CHAIN.sub(_chain_drawn, w) for w in words] if letterless and after_ar else words, info["xs"], is_ar)
        after_ar = is_ar or (after_ar and letterless)
        if not is_ar and len(words) >= 3 and words[0] in _BULLETS:
            words = ["•", *words[1:]]
        x0, y0, x1, y1 = info["box"]
        h_px = median(by_par[key[:2]])
        size = pimg.to_points(h_px) / HEIGHT_PER_PT["ar" if is_ar else "fr"]
        tl = TextLine(
            text=text, x0=pimg.to_points(x0), top=pimg.to_points(y0), x1=pimg.to_points(x1),
            bottom=pimg.to_points(y1), size=round(size, 1), bold=False, page=pimg.page,
        )
        tl.mended = info.get("mended", ())
        tl.weak = tuple((w, c) for w, c in zip(words, info["confs"], strict=True) if c < WEAK_KEPT)  # line_doubt.py
        line_conf[id(tl)] = sum(info["confs"]) / len(info["confs"])
        if rule := [w for w in rule if w in words]:
            flat[id(tl)] = (text, rule)
        boxes = [(w, *(pimg.to_points(v) for v in box)) for w, box in zip(words, info["boxes"], strict=True)]
        weak = [w for w, c in zip(words, info["confs"], strict=True) if c < WEAK_LATIN_CONF and _LAT.search(w)]
        if weak:
            weak_latin[id(tl)] = weak
        unsure = [w for w, c in zip(words, info["confs"], strict=True)
                  if WEAK_LATIN_CONF <= c < UNSURE_LATIN_CONF and _LAT.search(w)] if is_ar else []
        if unsure:
            unsure_latin[id(tl)] = unsure
        if is_ar:
            rtl_words[id(tl)] = (text, boxes)
            word_confs[id(tl)] = list(info["confs"])
            if found := unsure_unknown(words, info["confs"], sure):
                unsure_ar[id(tl)] = found
        else:  # words in tesseract's order, the text's
            word_boxes[id(tl)] = boxes
        out.append(tl)
    return OcrResult(out, sum(confs) / len(confs) if confs else 0.0, len(confs), line_conf, word_boxes, rtl_words, weak_latin,
                     unsure_latin, unsure_ar, word_confs, flat, blank)


def line_text(words: list[str], xs: list[float], is_ar: bool) -> str:
    """A line's text from tesseract's words (``xs``: their centres): a right-to-left line's
    words in logical order, with Arabic punctuation, no kashida, lam-alef repaired."""
    if is_ar:
        words = repair_months(logical_rtl_words(right_to_left(words, xs)))
    if len(words) >= 3 and words[0] in _BULLETS:  # a list bullet read as a stray character
        words = ["•", *words[1:]]
    text = first_of_month(comma_dates(" ".join(words)))
    if is_ar:
        text = text.translate(_AR_PUNCT)
        if "," in text:
            text = _AR_COMMA.sub("،", text)
        if "\u0640" in text:
            text = drop_kashida(text)
        if HALLMARK.search(text):
            text = repair_words(text)
        text = fix_brackets(text)
    return text
