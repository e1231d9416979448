"""Test helpers: read streams with ffprobe, grab frames with ffmpeg, read text with tesseract."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from PIL import Image, ImageOps


def streams(path: Path) -> list[dict]:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format", str(path)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    data = json.loads(out.stdout)
    return data["streams"]


def fmt_tags(path: Path) -> dict:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", str(path)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return json.loads(out.stdout)["format"].get("tags", {})


def frame_at(video: Path, t: float, tmp: Path) -> Image.Image:
    """The picture on screen at ``t`` s: the last frame starting at or before ``t``.

    Decoded from the start (test videos are seconds long): ``ffmpeg -ss t`` returns the first
    frame at or AFTER ``t``, which in a variable-frame-rate scaffold is the next caption.
    """
    png = tmp / f"frame_{video.stem}_{t:.3f}.bmp"  # written for every frame up to t (-update): BMP is cheap to write
    cmd = ["ffmpeg", "-v", "error", "-y", "-i", str(video), "-vf", f"select=lte(t\\,{t:.3f})", "-fps_mode", "passthrough"]
    subprocess.run([*cmd, "-update", "1", str(png)], check=True, timeout=60)
    return Image.open(png).convert("RGB")


def seek_frame(video: Path, t: float, tmp: Path) -> Image.Image:
    """The first frame ``ffmpeg -ss t`` decodes (what a seek to ``t`` shows when a frame starts there)."""
    png = tmp / f"seek_{video.stem}_{t:.3f}.png"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-ss", f"{t:.3f}", "-i", str(video), "-frames:v", "1", str(png)], check=True, timeout=60
    )
    return Image.open(png).convert("RGB")


def packets(video: Path) -> list[tuple[float, bool]]:
    """(time, key frame) of every video packet, in file order."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", str(video)],
        capture_output=True,
        check=True,
        timeout=60,
        text=True,
    )
    rows = [ln.split(",") for ln in out.stdout.split()]
    return [(float(r[0]), "K" in r[1]) for r in rows if len(r) >= 2]


def ocr(img: Image.Image, lang: str, tmp: Path) -> str:
    """Tesseract on a caption crop: light text kept as black on white, enlarged."""
    g = ImageOps.grayscale(img).point(lambda v: 0 if v > 150 else 255)
    g = g.resize((g.width * 2, g.height * 2), Image.Resampling.LANCZOS)
    png = tmp / "ocr.png"
    g.save(png)
    out = subprocess.run(["tesseract", str(png), "stdout", "-l", lang, "--psm", "6"], capture_output=True, check=True, timeout=60)
    return out.stdout.decode("utf-8", "replace")


def near(px: tuple[int, int, int], ref: tuple[int, int, int], tol: int) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(px, ref, strict=True))


def hex_rgb(h: str) -> tuple[int, int, int]:
    return int(h[1:3], 16), int(h[3:5], 16), int(h[5:7], 16)
