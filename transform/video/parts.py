"""A long narration as one video per top-level section, with a playlist and an HTML index.

An interpreter records in sessions and a citizen watches the part they need: when a
track's narration is longer than ``VideoOptions.split_after_min`` minutes, the video
output makes ``<stem>.<lang>.partNN.mp4`` per top-level section (each with its own
signer-region metadata, WebVTT captions and cue sheet), an extended M3U playlist
``<stem>.<lang>.m3u`` and an index page ``<stem>.<lang>.videos.html``. Every part is cut
from the same narration at the section's first heading, so the parts played in order
are the whole narration.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import CaptionCue, Chapter, Cue, Timeline
from .cuesheet import clock
from .fonts import is_arabic_script

WORDS = {
    "fr": {"title": "Vidéos par chapitre", "part": "Partie", "sheet": "feuille de repères", "captions": "Sous-titres",
           "playlist": "Liste de lecture (M3U)", "duration": "Durée"},
    "ar": {"title": "الفيديوهات حسب الفصول", "part": "الجزء", "sheet": "ورقة التوقيت", "captions": "الترجمة المكتوبة",
           "playlist": "قائمة التشغيل (M3U)", "duration": "المدة"},
    "en": {"title": "Videos by chapter", "part": "Part", "sheet": "cue sheet", "captions": "Captions",
           "playlist": "Playlist (M3U)", "duration": "Length"},
}  # fmt: skip


@dataclass(frozen=True)
class Part:
    number: int  # from 1
    title: str
    begin_ms: int
    end_ms: int
    section_id: str | None = None

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.begin_ms


def split_parts(timeline: Timeline, top_sections: set[str], opening_title: str) -> list[Part]:
    """Parts starting at the first heading of every top-level section (``top_sections`` ids).

    Text before the first such heading is an opening part. A heading read as several
    sentences starts one part. Fewer than two parts: ``[]`` (one video is enough).
    """
    starts: list[tuple[int, str, str | None]] = []
    for c in timeline.cues:
        if c.kind != "heading" or c.section_id not in top_sections:
            continue
        if starts and starts[-1][2] == c.section_id:
            starts[-1] = (starts[-1][0], f"{starts[-1][1]} {c.text}", c.section_id)
            continue
        starts.append((c.begin_ms, c.text, c.section_id))
    if starts and starts[0][0] > 0:
        starts.insert(0, (0, opening_title, None))
    if len(starts) < 2:
        return []
    ends = [b for b, _, _ in starts[1:]] + [timeline.duration_ms]
    return [Part(n, t, b, e, s) for n, ((b, t, s), e) in enumerate(zip(starts, ends, strict=True), 1)]


def slice_timeline(timeline: Timeline, part: Part) -> Timeline:
    """The part's sentences and chapters, with times from the part's start."""
    b, e = part.begin_ms, part.end_ms

    def cue(c: Cue) -> Cue:
        return c.model_copy(update={"begin_ms": c.begin_ms - b, "end_ms": min(c.end_ms, e) - b})

    def chapter(ch: Chapter) -> Chapter:
        return ch.model_copy(update={"begin_ms": max(ch.begin_ms, b) - b, "end_ms": min(ch.end_ms, e) - b})

    return Timeline(
        lang=timeline.lang,
        cues=[cue(c) for c in timeline.cues if b <= c.begin_ms < e],
        chapters=[chapter(ch) for ch in timeline.chapters if ch.begin_ms < e and ch.end_ms > b],
        duration_ms=part.duration_ms,
        missing=[],
    )


def slice_cues(cues: Sequence[CaptionCue], part: Part) -> list[CaptionCue]:
    """The captions that start in the part, numbered from 1, with times from the part's start."""
    b, e = part.begin_ms, part.end_ms
    kept = [c for c in cues if b <= c.begin_ms < e]
    return [
        c.model_copy(update={"index": i, "begin_ms": c.begin_ms - b, "end_ms": min(c.end_ms, e) - b})
        for i, c in enumerate(kept, 1)
    ]


def playlist_m3u(parts: Sequence[Part], videos: Sequence[Path], title: str | None) -> str:
    """Extended M3U (UTF-8): each part's length in seconds and title, the file relative to the list."""
    out = ["#EXTM3U", "#EXTENC:UTF-8"]
    if title:
        out.append(f"#PLAYLIST:{' '.join(title.split())}")
    for part, video in zip(parts, videos, strict=True):
        out += [f"#EXTINF:{round(part.duration_ms / 1000)},{' '.join(part.title.split())}", video.name]
    return "\n".join(out) + "\n"


def index_html(
    lang: str,
    title: str | None,
    parts: Sequence[Part],
    files: Sequence[dict[str, Path]],
    playlist: Path,
) -> str:
    """An index page: one heading, player (with its captions track) and cue-sheet link per part."""
    e = html.escape
    w = WORDS.get(lang.split("-")[0], WORDS["ar"] if is_arabic_script(lang) else WORDS["en"])
    d = "rtl" if is_arabic_script(lang) else "ltr"
    head = e(title or w["title"])
    items = []
    for part, f in zip(parts, files, strict=True):
        track = (
            f'<track kind="captions" src="{e(f["vtt"].name)}" srclang="{e(lang)}" label="{e(w["captions"])}" default>'
            if "vtt" in f
            else ""
        )
        sheet = f' · <a href="{e(f["cuesheet"].name)}">{e(w["sheet"])}</a>' if "cuesheet" in f else ""
        items.append(
            f'<li id="part{part.number:02d}"><h2>{e(w["part"])} {part.number}: {e(part.title)}</h2>\n'
            f'<p>{e(w["duration"])}: <span dir="ltr">{clock(part.duration_ms)}</span>{sheet}</p>\n'
            f'<video controls preload="metadata" width="640" src="{e(f["mp4"].name)}">{track}</video></li>'
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}" dir="{d}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{head}</title>\n'
        "<style>body{font-family:sans-serif;max-width:50rem;margin:auto;padding:1rem;line-height:1.5}"
        "ol{list-style:none;padding:0}video{max-width:100%;height:auto}</style>\n</head>\n<body>\n<main>\n"
        f'<h1>{head}</h1>\n<p><a href="{e(playlist.name)}">{e(w["playlist"])}</a></p>\n<ol>\n'
        + "\n".join(items)
        + "\n</ol>\n</main>\n</body>\n</html>\n"
    )
