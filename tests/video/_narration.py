"""Real espeak-ng narration with a hand-built Timeline and caption cues, for the video tests.

Until the audio/captions outputs exist, the narration is synthesised here the
way they will do it: one espeak-ng WAV per sentence, concatenated, timed from
the WAV lengths, encoded to MP3 with ffmpeg.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest

from transform.model import CaptionCue, Chapter, Cue, Timeline

NEEDS = ("ffmpeg", "ffprobe", "espeak-ng")

FR = [
    ("heading", "Budget citoyen 2024"),
    ("sentence", "Le conseil régional a adopté le budget."),
    ("sentence", "Les écoles recevront des ordinateurs."),
]
FR_SHORT = [
    ("heading", "Budget citoyen"),
    ("sentence", "Le conseil a adopté le budget."),
]
AR = [
    ("heading", "الميزانية المواطنة"),
    ("sentence", "صادق المجلس الجهوي على الميزانية."),
    ("sentence", "ستحصل المدارس على حواسيب جديدة."),
]


def greedy_lines(text: str, max_chars: int = 42) -> list[str]:
    """Words filled into lines of at most ``max_chars`` (hand-made cues: one per sentence, no caption rules)."""
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


@dataclass
class Narration:
    timeline: Timeline
    audio: Path
    cues: list[CaptionCue]
    wav_ms: int  # exact length of the narration (sum of the sentence WAVs)


def require_tools(*extra: str) -> None:
    missing = [t for t in (*NEEDS, *extra) if shutil.which(t) is None]
    if missing:
        pytest.skip(f"missing tools: {', '.join(missing)}")


def narrate(workdir: Path, lang: str, voice: str, sentences: list[tuple[str, str]]) -> Narration:
    workdir.mkdir(parents=True, exist_ok=True)
    cues: list[Cue] = []
    frames = b""
    params = None
    t = 0
    for i, (kind, text) in enumerate(sentences):
        wav = workdir / f"{lang}{i}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", "190", "-w", str(wav), text], check=True, timeout=60)
        with wave.open(str(wav)) as f:
            params = f.getparams()
            data = f.readframes(f.getnframes())
            ms = round(f.getnframes() * 1000 / f.getframerate())
        frames += data
        cues.append(Cue(sentence_id=f"s{i + 1}", text=text, lang=lang, begin_ms=t, end_ms=t + ms, kind=kind, section_id="sec1"))
        t += ms
    assert params is not None
    full = workdir / f"{lang}.wav"
    with wave.open(str(full), "wb") as out:
        out.setparams(params)
        out.writeframes(frames)
    mp3 = workdir / f"{lang}.mp3"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(full), "-c:a", "libmp3lame", "-b:a", "64k", str(mp3)], check=True, timeout=60
    )
    timeline = Timeline(
        lang=lang, cues=cues, chapters=[Chapter(title=sentences[0][1], begin_ms=0, end_ms=t, section_id="sec1")], duration_ms=t
    )
    caps = [
        CaptionCue(index=i + 1, begin_ms=c.begin_ms, end_ms=c.end_ms, lines=greedy_lines(c.text), lang=lang, sentence_id=c.sentence_id)
        for i, c in enumerate(cues)
    ]
    return Narration(timeline=timeline, audio=mp3, cues=caps, wav_ms=t)
