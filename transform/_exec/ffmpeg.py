"""ffmpeg and ffprobe: every command line Taysir gives them.

Narration (PCM -> MP3/Opus/M4A, decoding clips, EBU R128 loudness), the video scaffold
and the interpreter overlay (the filter graphs are built by :mod:`transform.video`, passed
in here), single frames, and ffprobe's JSON description of a media file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import ToolError
from ._probe import ToolProbe
from ._run import run

FFMPEG = ToolProbe("ffmpeg", ("ffmpeg",), ("-version",), "apt-get install ffmpeg")
FFPROBE = ToolProbe("ffprobe", ("ffprobe",), ("-version",), "apt-get install ffmpeg")
HINT = "apt-get install ffmpeg"
QUIET = ["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"]


def pcm_input(sample_rate: int, source: str | Path = "pipe:0") -> list[str | Path]:
    """Mono signed 16-bit PCM on stdin (or in the raw file ``source``)."""
    return ["-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", source]


def encode_command(
    *,
    sample_rate: int,
    outputs: Mapping[str, Path],
    bitrate_k: int,
    mp3_quality: int,
    lang_tag: str,
    metadata: Path | None,
    source: str | Path = "pipe:0",
) -> list[str | Path]:
    """PCM on stdin (or in the raw file ``source``) -> each of ``outputs`` (format -> path: mp3, opus, m4a) in one run.

    MP3 gets no container metadata (ID3 tags are written afterwards); Opus and M4A take title,
    language and chapters from the ``metadata`` ffmetadata file.
    """
    cmd: list[str | Path] = [*QUIET, *pcm_input(sample_rate, source)]
    if metadata is not None:
        cmd += ["-f", "ffmetadata", "-i", metadata]
    for fmt, path in outputs.items():
        if fmt == "mp3":
            cmd += ["-map", "0:a", "-map_metadata", "-1", "-map_chapters", "-1", "-c:a", "libmp3lame", "-b:a", f"{bitrate_k}k"]
            cmd += ["-compression_level", str(mp3_quality), "-write_xing", "1", path]
        elif fmt == "opus":
            cmd += ["-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-c:a", "libopus", "-b:a", f"{max(16, bitrate_k // 2)}k", path]
        else:
            cmd += ["-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-c:a", "aac", "-b:a", f"{bitrate_k}k"]
            cmd += ["-metadata:s:a:0", f"language={lang_tag}", "-movflags", "+faststart", path]
    return cmd


def decode_command(source: str | Path, sample_rate: int) -> list[str | Path]:
    """Any audio (a file, or ``pipe:0`` for stdin) -> mono signed 16-bit PCM at ``sample_rate`` on stdout."""
    return ["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-i", source, "-ac", "1", "-ar", str(sample_rate), "-f", "s16le", "pipe:1"]


def loudness_command(source: str | Path, sample_rate: int | None = None) -> list[str | Path]:
    """EBU R128 (ITU-R BS.1770) integrated loudness of a file, or (with ``sample_rate``) of mono PCM on
    stdin; ffmpeg prints the summary on stderr (``framelog=verbose`` keeps the per-block lines out of it)."""
    src = pcm_input(sample_rate) if sample_rate is not None else ["-i", source]
    return ["ffmpeg", "-nostdin", "-hide_banner", "-nostats", *src, "-af", "ebur128=framelog=verbose", "-f", "null", "-"]


def _integrated(stderr: bytes) -> float:
    found = re.findall(r"I:\s+(-?[\d.]+|-inf) LUFS", stderr.decode("utf-8", "replace"))
    if not found:
        raise ToolError("ffmpeg's ebur128 filter printed no integrated loudness.", hint=HINT)
    value = float(found[-1])
    return float("-inf") if value <= -70.0 else value


def integrated_loudness(pcm: bytes | memoryview, sample_rate: int, *, timeout: float) -> float:
    """Integrated loudness in LUFS of mono 16-bit PCM, measured by ffmpeg's ``ebur128`` filter
    (K-weighting, 400 ms blocks, absolute gate -70 LUFS, relative gate -10 LU); ``-inf`` for silence."""
    proc = run(loudness_command("pipe:0", sample_rate), tool="ffmpeg", timeout=timeout, input=pcm, hint=HINT)  # type: ignore[arg-type]
    return _integrated(proc.stderr)


def file_loudness(path: Path, *, timeout: float = 120) -> float:
    """Integrated loudness in LUFS of any audio file ffmpeg reads (an MP3 as a listener gets it)."""
    return _integrated(run(loudness_command(path), tool="ffmpeg", timeout=timeout, hint=HINT).stderr)


def frame_command(video: Path, at_s: float, png: Path, size: str = "64:64") -> list[str | Path]:
    """One frame of ``video`` at ``at_s`` seconds, scaled to ``size``, as a PNG."""
    return ["ffmpeg", "-nostdin", "-v", "error", "-y", "-ss", f"{at_s:.3f}", "-i", video, "-frames:v", "1", "-vf", f"scale={size}", png]


def still_y4m_command(png: str | Path, out: str | Path) -> list[str | Path]:
    """One picture -> a one-frame YUV4MPEG file at 1000 fps (a millisecond time base, read without decoding)."""
    return [*QUIET, "-i", png, "-frames:v", "1", "-pix_fmt", "yuv420p", "-r", "1000", "-f", "yuv4mpegpipe", out]


def overlay_command(
    *, scaffold: Path, interpreter: Path, graph: str, preset: str, crf: int, fps: int, lang_tag: str, duration_s: float, out: Path
) -> list[str | Path]:
    """The interpreter composited into the scaffold's signer region by ``graph``; sound, subtitles and
    metadata of the scaffold copied."""
    cmd: list[str | Path] = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", scaffold, "-i", interpreter]
    cmd += ["-filter_complex", graph, "-map", "[v]", "-map", "0:a?", "-map", "0:s?", "-map_metadata", "0"]
    cmd += ["-c:v", "libx264", "-preset", preset, "-crf", str(crf), "-pix_fmt", "yuv420p", "-r", str(fps)]
    cmd += ["-c:a", "copy", "-c:s", "copy", "-metadata:s:v:0", f"language={lang_tag}", "-t", f"{duration_s:.3f}"]
    cmd += ["-movflags", "+faststart", out]
    return cmd


def probe_command(path: Path) -> list[str | Path]:
    return ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]


def probe_json(path: Path, *, timeout: float) -> dict[str, Any]:
    """ffprobe's description of a media file (format and streams); ToolError when it is not media."""
    out = run(probe_command(path), tool="ffprobe", timeout=timeout, hint=HINT)
    data = json.loads(out.stdout.decode("utf-8", "replace") or "{}")
    return data if isinstance(data, dict) else {}


def chapters_metadata(chapters: Sequence[tuple[int, int, str]], *, title: str | None = None, lang_tag: str | None = None) -> str:
    """An ffmetadata file: optional language and title, then chapters ``(begin_ms, end_ms, title)``."""

    def esc(v: str) -> str:
        return "".join("\\" + ch if ch in "=;#\\\n" else ch for ch in v)

    lines = [";FFMETADATA1"]
    if lang_tag:
        lines.append(f"language={lang_tag}")
    if title:
        lines.append(f"title={esc(title)}")
    for begin, end, text in chapters:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={begin}", f"END={end}", f"title={esc(text)}"]
    return "\n".join(lines) + "\n"
