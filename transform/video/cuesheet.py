"""The interpreter's cue sheet: every sentence with its start time, to print and to sign from.

HTML (``lang``/``dir`` set, printable A4 style, headings marked) and a PDF of the same
layout. The PDF is made in-process without a browser (``cuepdf.py``: fpdf2 with HarfBuzz
shaping) when fpdf2 and uharfbuzz are installed, as they are with the package; otherwise
headless Chromium (Debian's ``chromium``) prints the HTML.
"""

from __future__ import annotations

import html
from pathlib import Path

from .._exec import chromium
from ..errors import MissingDependencyError, OutputError
from ..model import Timeline
from .fonts import is_arabic_script

TEXT = {
    "ar": {
        "title": "ورقة التوقيت لمترجم لغة الإشارة",
        "time": "البداية",
        "end": "النهاية",
        "text": "النص",
        "duration": "المدة الإجمالية",
        "sentences": "عدد الجمل",
        "how": "ابدأ كل جملة عند الوقت المكتوب أمامها. العناوين مكتوبة بخط عريض.",
        "heading": "عنوان",
    },
    "fr": {
        "title": "Feuille de repères pour l'interprète en langue des signes",
        "time": "Début",
        "end": "Fin",
        "text": "Texte",
        "duration": "Durée totale",
        "sentences": "Phrases",
        "how": "Commencez chaque phrase au temps indiqué. Les titres sont en gras.",
        "heading": "titre",
    },
    "en": {
        "title": "Cue sheet for the sign-language interpreter",
        "time": "Start",
        "end": "End",
        "text": "Text",
        "duration": "Total duration",
        "sentences": "Sentences",
        "how": "Start each sentence at the time shown. Headings are in bold.",
        "heading": "heading",
    },
}
TEXT["ary"] = TEXT["ar"]

CSS = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Noto Naskh Arabic", "Noto Sans", sans-serif; font-size: 15pt; line-height: 1.5; color: #000; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
p.meta { margin: 0 0 10pt; color: #222; }
table { width: 100%; border-collapse: collapse; }
th, td { border-bottom: 1px solid #999; padding: 5pt 6pt; vertical-align: top; text-align: start; }
th { background: #eee; }
td.t { white-space: nowrap; font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: 13pt; width: 6.5em; }
tr.heading td.x { font-weight: bold; font-size: 17pt; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
"""


def clock(ms: int) -> str:
    """``mm:ss.t`` (``h:mm:ss.t`` past an hour)."""
    tenths = max(0, ms) // 100
    s, t = divmod(tenths, 10)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}.{t}" if h else f"{m:02d}:{s:02d}.{t}"


def cue_sheet_html(timeline: Timeline, title: str | None = None) -> str:
    lang = timeline.lang
    words = TEXT.get(lang.split("-")[0], TEXT["en"])
    d = "rtl" if is_arabic_script(lang) else "ltr"
    e = html.escape
    rows = []
    for c in timeline.cues:
        cls = ' class="heading"' if c.kind == "heading" else ""
        secs = c.begin_ms / 1000
        rows.append(
            f'<tr{cls} id="{e(c.sentence_id)}"><td class="t" dir="ltr"><time datetime="PT{secs:.1f}S">{clock(c.begin_ms)}</time></td>'
            f'<td class="t" dir="ltr">{clock(c.end_ms)}</td><td class="x">{e(c.text)}</td></tr>'
        )
    head = e(title or words["title"])
    meta = f'{e(words["duration"])}: <span dir="ltr">{clock(timeline.duration_ms)}</span> · {e(words["sentences"])}: {len(timeline.cues)}'
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}" dir="{d}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{head}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f'<h1>{head}</h1>\n<p class="meta">{meta}</p>\n<p>{e(words["how"])}</p>\n'
        f'<table>\n<thead><tr><th scope="col">{e(words["time"])}</th><th scope="col">{e(words["end"])}</th>'
        f'<th scope="col">{e(words["text"])}</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</main>\n</body>\n</html>\n"
    )


def html_to_pdf(html_path: Path, pdf_path: Path, *, timeout: float = 120) -> Path:
    """Print an HTML file to PDF with headless Chromium (no network, throw-away profile)."""
    if not chromium.PROBE.available():
        raise MissingDependencyError(
            "Chromium is needed to print the cue sheet to PDF.",
            hint="apt-get install chromium (the HTML cue sheet is still written).",
        )
    chromium.print_to_pdf(html_path, pdf_path, timeout=timeout, hint="The HTML cue sheet is still usable; print it from a browser.")
    if not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        raise OutputError("Chromium did not write the cue sheet PDF.", hint="Print the HTML cue sheet from a browser instead.")
    return pdf_path


def cue_sheet_to_pdf(
    timeline: Timeline,
    html_path: Path,
    pdf_path: Path,
    *,
    title: str | None = None,
    fonts: tuple[str, str] = ("Noto Naskh Arabic", "Noto Sans"),
    timeout: float = 120,
) -> Path:
    """The cue sheet PDF: made without a browser when fpdf2 and uharfbuzz are installed (``fonts``:
    the Arabic and Latin families), else printed from the HTML file ``html_path`` by Chromium."""
    from . import cuepdf

    if cuepdf.available():
        return cuepdf.cue_sheet_pdf(timeline, pdf_path, title=title, font_arabic=fonts[0], font_latin=fonts[1])
    return html_to_pdf(html_path, pdf_path, timeout=timeout)


def write_cue_sheet(
    timeline: Timeline, html_path: Path, pdf_path: Path | None = None, *, title: str | None = None, timeout: float = 120
) -> list[Path]:
    """Write the HTML cue sheet, and the PDF when ``pdf_path`` is given."""
    html_path.write_text(cue_sheet_html(timeline, title), encoding="utf-8")
    out = [html_path]
    if pdf_path is not None:
        out.append(cue_sheet_to_pdf(timeline, html_path, pdf_path, title=title, timeout=timeout))
    return out
