"""Subtitle files written next to the video: SRT, WebVTT and the interpreter's teleprompter track.

The captions output (transform.audio) owns caption *timing* and writes the
pipeline's own SRT/WebVTT files; these small writers only serialise cues so the
video module also works from plain arguments, without the audio package.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model import CaptionCue, Timeline
from .fonts import is_arabic_script

ISO639_2 = {
    "ar": "ara",
    "ary": "ara",
    "fr": "fra",
    "en": "eng",
    "es": "spa",
    "de": "deu",
    "zgh": "ber",
    "tzm": "ber",
    "kab": "kab",
}
LANG_NAMES = {"ar": "العربية", "ary": "الدارجة", "fr": "Français", "en": "English"}
RLM = "\u200f"


def iso639_2(lang: str) -> str:
    """Three-letter language tag for MP4 streams (Darija is tagged ``ara``, its macro-language)."""
    base = lang.split("-")[0].lower()
    return ISO639_2.get(base, base if len(base) == 3 else "und")


def _ts(ms: int, sep: str) -> str:
    ms = max(0, int(ms))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _clean(line: str) -> str:
    return " ".join(line.replace("-->", "->").split())


def srt_text(cues: Sequence[CaptionCue]) -> str:
    blocks = []
    for n, c in enumerate(cues, 1):
        lines = [_clean(x) for x in c.lines if x.strip()]
        if is_arabic_script(c.lang):  # players without bidi detection then still start the line on the right
            lines = [RLM + x for x in lines]
        blocks.append(f"{n}\n{_ts(c.begin_ms, ',')} --> {_ts(c.end_ms, ',')}\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def vtt_text(cues: Sequence[CaptionCue], lang: str) -> str:
    out = ["WEBVTT", "", f"NOTE language: {lang}", ""]
    for c in cues:
        lines = [_clean(x).replace("&", "&amp;").replace("<", "&lt;") for x in c.lines if x.strip()]
        out += [c.sentence_id + f"-{c.index}", f"{_ts(c.begin_ms, '.')} --> {_ts(c.end_ms, '.')}", *lines, ""]
    return "\n".join(out)


def teleprompter_vtt(timeline: Timeline, lead_ms: int = 0) -> str:
    """One cue per sentence (the whole sentence), big and centred, for an interpreter to sign from.

    A cue stays until the next sentence starts, so the screen never goes blank
    between sentences; ``lead_ms`` shows every sentence that much earlier.
    """
    rtl = is_arabic_script(timeline.lang)
    out = [
        "WEBVTT",
        "",
        "NOTE Teleprompter track for the sign-language interpreter: one whole sentence per cue.",
        "",
        "STYLE",
        "::cue { font-size: 180%; line-height: 1.35; color: #ffffff; background-color: rgba(0, 0, 0, 0.85); }",
        "::cue(b) { color: #ffd166; }",
        "",
    ]
    cues = timeline.cues
    for i, c in enumerate(cues):
        begin = max(0, c.begin_ms - lead_ms)
        end = cues[i + 1].begin_ms - lead_ms if i + 1 < len(cues) else max(c.end_ms, timeline.duration_ms)
        end = max(end, begin + 1)
        text = _clean(c.text).replace("&", "&amp;").replace("<", "&lt;")
        if rtl:
            text = RLM + text
        if c.kind == "heading":
            text = f"<b>{text}</b>"
        out += [c.sentence_id, f"{_ts(begin, '.')} --> {_ts(end, '.')} line:45% position:50% size:90% align:center", text, ""]
    return "\n".join(out)


def write_sidecars(cues: Sequence[CaptionCue], lang: str, base: Path, formats: Sequence[str] = ("srt", "vtt")) -> list[Path]:
    """``base.srt`` and/or ``base.vtt``."""
    out = []
    if "srt" in formats:
        srt = base.with_name(base.name + ".srt")
        srt.write_text(srt_text(cues), encoding="utf-8")
        out.append(srt)
    if "vtt" in formats:
        vtt = base.with_name(base.name + ".vtt")
        vtt.write_text(vtt_text(cues, lang), encoding="utf-8")
        out.append(vtt)
    return out


def greedy_lines(text: str, max_chars: int = 42) -> list[str]:
    """Words filled into lines of at most ``max_chars`` (a longer word gets a line of its own)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        cand = f"{cur} {word}" if cur else word
        if cur and len(cand) > max_chars:
            lines.append(cur)
            cur = word
        else:
            cur = cand
    return lines + ([cur] if cur else [])


def simple_captions(timeline: Timeline, max_chars: int = 42, max_lines: int = 2) -> list[CaptionCue]:
    """A plain fallback when no caption cues were given: sentences wrapped and split by length.

    Time inside a sentence is shared in proportion to the characters shown.
    """
    cues: list[CaptionCue] = []
    for cue in timeline.cues:
        lines = greedy_lines(cue.text, max_chars)
        groups = [lines[i : i + max_lines] for i in range(0, len(lines), max_lines)] or [[cue.text]]
        total = sum(len(" ".join(g)) for g in groups) or 1
        t = cue.begin_ms
        span = cue.end_ms - cue.begin_ms
        for k, g in enumerate(groups):
            end = cue.end_ms if k == len(groups) - 1 else t + round(span * len(" ".join(g)) / total)
            cues.append(
                CaptionCue(index=len(cues) + 1, begin_ms=t, end_ms=end, lines=g, lang=cue.lang, sentence_id=cue.sentence_id)
            )
            t = end
    return cues
