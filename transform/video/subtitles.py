"""Timed text next to the video: caption sidecars and the interpreter's teleprompter track.

Caption cues come from the captions output (built once from the timeline by
:mod:`transform.audio.captions`); every SRT and WebVTT file is written by the one
writer, :mod:`transform.subtitles`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model import CaptionCue, Timeline
from ..subtitles import clean, escape, mark_rtl, srt_text, vtt_cue, vtt_text, webvtt

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
TELEPROMPTER_STYLE = (
    "STYLE\n"
    "::cue { font-size: 180%; line-height: 1.35; color: #ffffff; background-color: rgba(0, 0, 0, 0.85); }\n"
    "::cue(b) { color: #ffd166; }"
)


def iso639_2(lang: str) -> str:
    """Three-letter language tag for MP4 streams (Darija is tagged ``ara``, its macro-language)."""
    base = lang.split("-")[0].lower()
    return ISO639_2.get(base, base if len(base) == 3 else "und")


def teleprompter_vtt(timeline: Timeline, lead_ms: int = 0) -> str:
    """One cue per sentence (the whole sentence), big and centred, for an interpreter to sign from.

    A cue stays until the next sentence starts, so the screen never goes blank
    between sentences; ``lead_ms`` shows every sentence that much earlier.
    """
    blocks = ["WEBVTT", "NOTE Teleprompter track for the sign-language interpreter: one whole sentence per cue.", TELEPROMPTER_STYLE]
    cues = timeline.cues
    for i, c in enumerate(cues):
        begin = max(0, c.begin_ms - lead_ms)
        end = cues[i + 1].begin_ms - lead_ms if i + 1 < len(cues) else max(c.end_ms, timeline.duration_ms)
        end = max(end, begin + 1)
        text = mark_rtl(escape(clean(c.text)), timeline.lang)
        if c.kind == "heading":
            text = f"<b>{text}</b>"
        blocks.append(vtt_cue(c.sentence_id, begin, end, [text], "line:45% position:50% size:90% align:center"))
    return webvtt(blocks)


def write_sidecars(
    cues: Sequence[CaptionCue], lang: str, base: Path, formats: Sequence[str] = ("srt", "vtt"), rtl_mark: str = "rlm"
) -> list[Path]:
    """``base.srt`` and/or ``base.vtt``."""
    out = []
    if "srt" in formats:
        srt = base.with_name(base.name + ".srt")
        srt.write_text(srt_text(cues, rtl_mark), encoding="utf-8")
        out.append(srt)
    if "vtt" in formats:
        vtt = base.with_name(base.name + ".vtt")
        vtt.write_text(vtt_text(cues, lang, rtl_mark), encoding="utf-8")
        out.append(vtt)
    return out
