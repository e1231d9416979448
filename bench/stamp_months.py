"""Can a blue date stamp's month be read from its ink without guessing? A measure (issue 17; docs/ocr.md).

    .venv/bin/python bench/stamp_months.py [--real] [--synthetic] [--slants N] [--json OUT]

A ministry's date stamp prints ``2023 <month> 10``: the figures in a condensed face, the month between them on the
stamp's band in a hand-like ruq'a face. ``transform/ocr/stamp_months.py`` reads the band many times (sheared by
slants, as cut and thickened, four heights; ``ara`` and ``Arabic`` at ``--psm 7`` and ``8``), maps each reading to
the month it names (``month_names``: a closed vocabulary) and writes a month only when each model names it firmly.
This script measures that rule, and the simpler rules it replaced, with ``--slants`` slants (9: -0.4 to 0.4; 3: the
reader's -0.1, 0, 0.1):

``--real``: the date stamps' bands of the Energy (MTEDD) and Health (Santé) decisions, cut from the pages' 250 dpi
colour render as ``stamps.find`` sees them, and NARSA p. 1's pale stamp (frozen in ``tests/ocr/data/ink``); each
band's month is known from the corpus's truth. Printed: each band's votes (pooled and by read) and the reader's
month, then how many *pooled* rules (least votes, ratio over all the other months; ``inf``: every naming reading
names it) write a true month and no wrong one.
``--synthetic``: each spelling of the vocabulary drawn in stamp blue in each installed Arabic face (:data:`FONTS`),
about 30 px tall, blurred and saved as a JPEG as a 200 ppi scan is, its blue mask cut as ``stamps.blue_ink`` cuts
it. Printed: months the reader's rule writes right and wrong, by face.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from transform.ocr.month_names import MONTHS, votes  # noqa: E402
from transform.ocr.stamp_months import band, read_bands, settle  # noqa: E402

FONTS = ("noto/NotoNaskhArabic-Regular.ttf", "noto/NotoSansArabic-Bold.ttf", "noto/NotoKufiArabic-Regular.ttf",
         "noto/NotoNastaliqUrdu-Regular.ttf", "dejavu/DejaVuSans.ttf")
FONT_DIR = Path("/usr/share/fonts/truetype")
# the corpus's date stamps: (document, 0-based page, which date stamp of the page, its month as printed)
REAL = (("ma-mtedd-ar-decision-2023", 0, 0, 3), ("ma-mtedd-ar-decision-2023", 1, 0, 4),
        ("ma-mtedd-ar-decision-2023", 1, 1, 3), ("ma-sante-ar-decision-2023", 0, 0, 3))


# drawn too (no answer of the reader's vocabulary: a stamp printing one must get no month, or its own)
SYRIAC = ((1, "كانون الثاني"), (2, "شباط"), (3, "آذار"), (4, "نيسان"), (5, "أيار"), (6, "حزيران"), (7, "تموز"),
          (8, "آب"), (9, "أيلول"), (10, "تشرين الأول"), (11, "تشرين الثاني"), (12, "كانون الأول"))


def slants(n: int) -> tuple[float, ...]:
    """``n`` shears from -0.4 to 0.4 (0 alone for 1)."""
    return (0.0,) if n <= 1 else tuple(round(-0.4 + 0.8 * i / (n - 1), 3) for i in range(n))


def pooled(readings: dict[str, list[str]]) -> dict[int, int]:
    """The votes of all the readings of a band together, both models."""
    return votes([r for rs in readings.values() for r in rs])


def rule(v: dict[int, int], least: int, ratio: float) -> int | None:
    """The month a pooled rule writes: at least ``least`` votes, ``ratio`` times all the other months' together."""
    if not v:
        return None
    month, n = max(v.items(), key=lambda kv: kv[1])
    rest = sum(v.values()) - n
    return month if n >= least and (rest == 0 or n >= ratio * rest) else None


def month_of(name: str | None) -> int | None:
    return next((m for m, names in MONTHS.items() if name in names), None) if name else None


def real_bands() -> list[tuple[str, int, np.ndarray]]:
    """(label, month printed, band mask) of the corpus's date stamps: the four on colour renders, NARSA's pale one."""
    import pypdfium2 as pdfium

    from transform.ocr import stamps
    from transform.ocr.faint_stamps import pale_ink

    out = []
    for doc, page, nth, month in REAL:
        pdf = pdfium.PdfDocument(str(ROOT / "tests" / "realdocs" / "files" / f"{doc}.pdf"))
        try:
            rgb = np.asarray(pdf[page].render(scale=250 / 72.0).to_pil().convert("RGB"))
        finally:
            pdf.close()
        dated = [b for st in stamps.find(rgb, 250.0) if (b := band(st.ink)) is not None]
        out.append((f"{doc} p. {page + 1} #{nth}", month, dated[nth]))
    pale = np.asarray(Image.open(ROOT / "tests" / "ocr" / "data" / "ink" / "narsa-p1-pale-date.png").convert("RGB"))
    narsa = band(pale_ink(pale))
    assert narsa is not None
    out.append(("ma-narsa-ar-decision-2023 p. 1 (pale)", 3, narsa))
    return out


def synthetic_band(text: str, font: Path, height: int = 30, blur: float = 0.8, quality: int = 60) -> np.ndarray:
    """``text`` drawn in stamp blue on paper, ``height`` px tall, blurred, saved as a JPEG; its blue mask."""
    from transform.ocr.stamps import blue_ink

    face = ImageFont.truetype(str(font), 60, layout_engine=ImageFont.Layout.RAQM)
    img = Image.new("RGB", (60 * len(text) + 80, 200), (246, 244, 238))
    ImageDraw.Draw(img).text((30, 50), text, font=face, fill=(45, 80, 190), direction="rtl", language="ar")
    a = np.asarray(img)
    rows, cols = np.flatnonzero((a.min(axis=2) < 200).any(axis=1)), np.flatnonzero((a.min(axis=2) < 200).any(axis=0))
    img = img.crop((int(cols[0]) - 6, int(rows[0]) - 6, int(cols[-1]) + 7, int(rows[-1]) + 7))
    s = height / (rows[-1] - rows[0] + 1)
    img = img.resize((max(1, round(img.width * s)), max(1, round(img.height * s))), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.filter(ImageFilter.GaussianBlur(blur)).save(buf, "JPEG", quality=quality)
    m = blue_ink(np.asarray(Image.open(buf).convert("RGB")))
    rows, cols = np.flatnonzero(m.any(axis=1)), np.flatnonzero(m.any(axis=0))
    return m[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def synthetic(fonts: tuple[str, ...] = FONTS, names: list[tuple[int, str]] | None = None) -> list[tuple[str, int, np.ndarray]]:
    """(label, month, band) for each spelling of the vocabulary (or ``names``) in each installed face."""
    names = names or [(m, s) for m, ss in MONTHS.items() for s in ss] + list(SYRIAC)
    return [(f"{s} / {Path(f).stem}", m, synthetic_band(s, FONT_DIR / f)) for f in fonts if (FONT_DIR / f).exists()
            for m, s in names]


def grid(bands: list[tuple[str, int, dict[int, int]]]) -> list[tuple[int, float, int, int]]:
    """Every rule (least votes 1-60, ratio 1-10 or inf) with what it writes: (least, ratio, right, wrong)."""
    out = []
    for least in range(1, 61):
        for ratio in (1.0, 1.5, 2.0, 3.0, 5.0, 10.0, math.inf):  # inf: every mapped reading names it
            got = [(rule(v, least, ratio), m) for _l, m, v in bands]
            out.append((least, ratio, sum(1 for w, m in got if w == m), sum(1 for w, m in got if w not in (None, m))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--real", action="store_true")
    ap.add_argument("--synthetic", action="store_true")
    ap.add_argument("--slants", type=int, default=9, help="shears from -0.4 to 0.4 (1: none; 3: the reader's)")
    ap.add_argument("--json", type=Path, help="write every reading here")
    args = ap.parse_args(argv)
    shears = (-0.1, 0.0, 0.1) if args.slants == 3 else slants(args.slants)
    dump = {}
    if args.real:
        bands = real_bands()
        reads = read_bands([b for _l, _m, b in bands], 900, shears)
        tallied = []
        for (label, month, _b), r in zip(bands, reads, strict=True):
            v = pooled(r)
            tallied.append((label, month, v))
            dump[label] = r
            print(f"{label} ({MONTHS[month][0]}): pooled {dict(sorted(v.items(), key=lambda kv: -kv[1]))}; by read "
                  + ", ".join(f"{k} {votes(rs)}" for k, rs in r.items()) + f"; the reader's rule: {settle(r)}")
        safe = [(lst, rt, right) for lst, rt, right, wrong in grid(tallied) if right and not wrong]
        print(f"pooled rules writing a true month and no wrong one: {len(safe)} of {len(grid(tallied))}; "
              f"least votes among them {min((x[0] for x in safe), default=None)}")
    if args.synthetic:
        bands = synthetic()
        reads = read_bands([b for _l, _m, b in bands], 900, shears)
        by_face: dict[str, list[int]] = {}
        for (label, month, _b), r in zip(bands, reads, strict=True):
            got = month_of(settle(r))
            face = label.split(" / ")[1]
            tally = by_face.setdefault(face, [0, 0, 0])
            tally[0 if got == month else 2 if got is None else 1] += 1
            if got not in (None, month):
                print(f"WRONG {label}: {MONTHS[got][0]}")
            dump[label] = r
        for face, (right, wrong, none) in by_face.items():
            print(f"{face}: {right} right, {wrong} wrong, {none} not written")
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
