"""Put the recorded interpreter into the scaffold's signer region.

The region comes from the scaffold itself (MP4 comment tag or the
``.video.json`` sidecar). The interpreter is scaled to fit the region without
distortion (``contain``, the default, keeps the whole signing space; ``cover``
crops the sides), optionally chroma-keyed, shifted in time, and re-timed to the
composite's frame rate. Audio and the soft subtitle track are copied from the
scaffold; the burned-in captions are already in its pixels.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .._exec import FFMPEG, ffmpeg, run
from ..errors import InputError, OptionsError, OutputError
from .meta import Region, VideoMeta, read_meta
from .mp4flags import disable_text_tracks
from .probe import MediaInfo, probe
from .subtitles import iso639_2

log = logging.getLogger("transform.video")

KEY_NAMES = {"green": "#00ff00", "blue": "#0000ff", "chroma-green": "#00b140", "chroma-blue": "#0047bb"}
DURATION_TOLERANCE_S = 1.0


@dataclass
class OverlayResult:
    video: Path
    duration_s: float
    region: Region
    adaptations: list[str] = field(default_factory=list)  # what was changed to make the inputs fit
    warnings: list[str] = field(default_factory=list)  # what the operator should check


def parse_key_colour(value: str) -> str:
    """``green``, ``#00ff00``, ``0x00FF00`` or ``00ff00`` -> ``0x00ff00``; ``auto`` is resolved elsewhere."""
    v = KEY_NAMES.get(value.strip().lower(), value.strip())
    m = re.fullmatch(r"(?:#|0x)?([0-9a-fA-F]{6})", v)
    if not m:
        raise OptionsError(
            f"Chroma-key colour {value!r} is not understood.", hint="Use green, blue, auto or a hex colour like #00b140."
        )
    return "0x" + m.group(1).lower()


def parse_region(value: str) -> Region:
    """``X,Y,W,H`` in pixels."""
    try:
        x, y, w, h = (int(p) for p in value.split(","))
    except ValueError:
        raise OptionsError(
            f"Region {value!r} must be four whole numbers X,Y,W,H.", hint="For example --region 960,240,320,480."
        ) from None
    if w <= 0 or h <= 0 or x < 0 or y < 0:
        raise OptionsError(f"Region {value!r} has no area or starts outside the picture.")
    return Region(x=x, y=y, w=w, h=h)


def detect_key_colour(interp: Path, at_s: float, timeout: float) -> str:
    """The average colour of the four corners of one frame: the backdrop of a green-screen recording."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="taysir-key-") as tmp:
        png = Path(tmp) / "f.png"
        run(
            ffmpeg.frame_command(interp, at_s, png, "64:64"),
            tool="ffmpeg",
            timeout=timeout,
        )
        with Image.open(png) as im:
            rgb = im.convert("RGB")
            pts = [
                (x, y) for cx, cy in ((0, 0), (56, 0), (0, 56), (56, 56)) for x in range(cx, cx + 8) for y in range(cy, cy + 8)
            ]
            px = [rgb.getpixel(p) for p in pts]
    r, g, b = (sum(c[i] for c in px) // len(px) for i in range(3))  # type: ignore[index]
    return f"0x{r:02x}{g:02x}{b:02x}"


def _ratio(w: int, h: int) -> str:
    from fractions import Fraction

    f = Fraction(w, h).limit_denominator(20)
    return f"{f.numerator}:{f.denominator}"


def _scaffold_meta(scaffold: Path, info: MediaInfo, region: Region | None, adaptations: list[str]) -> VideoMeta:
    width, height = info.size()
    if region is not None:
        if region.x + region.w > width or region.y + region.h > height:
            raise OptionsError(
                f"The region {region.x},{region.y},{region.w},{region.h} does not fit in the {width}x{height} scaffold."
            )
        adaptations.append("signer region taken from --region")
        return VideoMeta(
            lang="und",
            width=width,
            height=height,
            fps=round(info.fps()) or 25,
            overlay_fps=25,
            duration_ms=round(info.duration_s * 1000),
            signer=region,
            signer_fill="#14213d",
            captions=Region(x=0, y=0, w=1, h=1),
            titles=Region(x=0, y=0, w=1, h=1),
        )
    meta = read_meta(scaffold, info)
    if (meta.width, meta.height) != (width, height):  # the scaffold was resized after rendering: scale the region
        sx, sy = width / meta.width, height / meta.height
        r = meta.signer
        meta.signer = Region(
            x=round(r.x * sx) // 2 * 2, y=round(r.y * sy) // 2 * 2, w=round(r.w * sx) // 2 * 2, h=round(r.h * sy) // 2 * 2
        )
        adaptations.append(
            f"scaffold is {width}x{height}, not the {meta.width}x{meta.height} it was made at: signer region scaled"
        )
        meta.width, meta.height = width, height
    return meta


def overlay_interpreter(
    scaffold: Path | str,
    interpreter: Path | str,
    out: Path | str,
    *,
    chroma_key: str | None = None,
    similarity: float = 0.15,
    blend: float = 0.05,
    offset_s: float = 0.0,
    region: Region | None = None,
    fit: Literal["contain", "cover"] = "contain",
    fps: int | None = None,
    preset: str = "veryfast",
    crf: int = 20,
    timeout_s: float = 1800.0,
) -> OverlayResult:
    """Composite the interpreter recording into the scaffold's signer region.

    Args:
        scaffold: an MP4 made by :func:`transform.video.make_scaffold`.
        interpreter: the recording (any format ffmpeg reads); its own audio is ignored.
        out: the composite MP4.
        chroma_key: backdrop colour to make transparent (``green``, ``#00b140``, ``auto``); ``None`` = no keying.
        similarity, blend: ffmpeg ``chromakey`` tolerances (0..1).
        offset_s: the interpreter starts this many seconds after the scaffold (negative: skip the start of the recording).
        region: the signer region when the scaffold carries none (X, Y, W, H).
        fit: ``contain`` keeps the whole recording (bars in the region's colour), ``cover`` fills the region and crops.
        fps: output frame rate; default the scaffold's ``overlay_fps`` (25).
    """
    if not 0 < similarity <= 1 or not 0 <= blend <= 1:
        raise OptionsError("similarity must be in (0, 1] and blend in [0, 1].")
    FFMPEG.require()
    scaffold, interpreter, out = Path(scaffold), Path(interpreter), Path(out)
    adaptations: list[str] = []
    warnings: list[str] = []
    s_info = probe(scaffold, what="scaffold video")
    if s_info.video is None:
        raise InputError(
            f"The scaffold {scaffold.name!r} has no video stream.", hint="Give the .mp4 written by the video output."
        )
    meta = _scaffold_meta(scaffold, s_info, region, adaptations)
    i_info = probe(interpreter, what="interpreter recording")
    if i_info.video is None:
        raise InputError(
            f"The interpreter file {interpreter.name!r} has no video stream (only {', '.join(sorted({s.get('codec_type', '?') for s in i_info.streams})) or 'nothing'}).",
            hint="Give the video recording of the interpreter, not its audio.",
        )
    i_dur = i_info.stream_duration("video") or i_info.duration_s
    if i_dur < 0.2:
        raise InputError(
            f"The interpreter file {interpreter.name!r} is a still image or empty ({i_dur:.2f} s).",
            hint="Give a video recording.",
        )
    s_dur = s_info.duration_s
    if offset_s < 0 and -offset_s >= i_dur:
        raise OptionsError(f"The offset {offset_s:+.2f} s skips the whole interpreter recording ({i_dur:.2f} s).")
    if abs(offset_s) >= s_dur:
        raise OptionsError(f"The offset {offset_s:+.2f} s is longer than the scaffold ({s_dur:.2f} s).")

    out_fps = fps or meta.overlay_fps
    i_fps = i_info.fps()
    if i_fps and abs(i_fps - out_fps) > 0.01:
        adaptations.append(f"interpreter frame rate {i_fps:.3g} fps converted to {out_fps} fps")
    if abs(meta.fps - out_fps) > 0.01:
        adaptations.append(f"scaffold frame rate {meta.fps} fps raised to {out_fps} fps (frames repeated)")
    iw, ih = i_info.size()
    r = meta.signer
    if iw * r.h != ih * r.w:
        if fit == "contain":
            scale = min(r.w / iw, r.h / ih)
            adaptations.append(
                f"interpreter picture {iw}x{ih} ({_ratio(iw, ih)}) fitted inside the {r.w}x{r.h} region ({_ratio(r.w, r.h)}) "
                f"at {int(iw * scale)}x{int(ih * scale)}, centred at the bottom; the rest of the region is plain"
            )
        else:
            adaptations.append(
                f"interpreter picture {iw}x{ih} ({_ratio(iw, ih)}) scaled to cover the {r.w}x{r.h} region and cropped at the sides"
            )
    if i_info.first("audio") is not None:
        adaptations.append("the interpreter recording's own sound is left out; the narration is kept")

    key = None
    if chroma_key:
        if chroma_key.strip().lower() == "auto":
            key = detect_key_colour(interpreter, min(0.5, i_dur / 2), timeout=60)
            adaptations.append(f"chroma-key colour detected from the recording's corners: #{key[2:]}")
        else:
            key = parse_key_colour(chroma_key)
    effective = i_dur + offset_s  # a negative offset skips the start of the recording
    if abs(effective - s_dur) > DURATION_TOLERANCE_S:
        warnings.append(
            f"the interpreter recording ({i_dur:.2f} s, offset {offset_s:+.2f} s) ends {effective - s_dur:+.2f} s from the end of the "
            f"scaffold ({s_dur:.2f} s); check that it was recorded against this scaffold and the offset is right"
        )

    shift = f"setpts=PTS-STARTPTS+{offset_s:.3f}/TB" if offset_s >= 0 else f"trim=start={-offset_s:.3f},setpts=PTS-STARTPTS"
    if fit == "contain":
        sizing = f"scale={r.w}:{r.h}:force_original_aspect_ratio=decrease:flags=bicubic,scale=trunc(iw/2)*2:trunc(ih/2)*2"
    else:
        sizing = f"scale={r.w}:{r.h}:force_original_aspect_ratio=increase:flags=bicubic,crop={r.w}:{r.h}"
    keying = f",chromakey=color={key}:similarity={similarity}:blend={blend}" if key else ""
    if key and int(key[4:6], 16) > max(int(key[2:4], 16), int(key[6:8], 16)):  # green backdrop: remove green fringes
        keying += ",despill=type=green"
    elif key and int(key[6:8], 16) > max(int(key[2:4], 16), int(key[4:6], 16)):
        keying += ",despill=type=blue"
    fill = "0x" + meta.signer_fill.lstrip("#")
    graph = (
        f"[0:v]fps={out_fps},drawbox=x={r.x}:y={r.y}:w={r.w}:h={r.h}:color={fill}@1:t=fill[bg];"
        f"[1:v]{shift},fps={out_fps},scale=trunc(iw*sar/2)*2:ih,setsar=1,{sizing},setsar=1{keying},format=yuva420p[fg];"
        f"[bg][fg]overlay=x={r.x}+({r.w}-w)/2:y={r.y}+{r.h}-h:eof_action=pass:format=auto,format=yuv420p[v]"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="taysir-overlay-", dir=out.parent) as tmp:
        partial = Path(tmp) / "out.mp4"
        cmd = ffmpeg.overlay_command(scaffold=scaffold.resolve(), interpreter=interpreter.resolve(), graph=graph, preset=preset, crf=crf,
                                     fps=out_fps, lang_tag=iso639_2(meta.lang), duration_s=s_dur, out=partial)
        run(
            cmd,
            tool="ffmpeg",
            timeout=max(timeout_s, 120 + 3 * s_dur),  # about 3 s of wall time per second of video at most
            hint="Check that both files play, and the chroma-key and offset options.",
        )
        if not partial.is_file() or partial.stat().st_size == 0:
            raise OutputError("ffmpeg finished but wrote no composite video.")
        disable_text_tracks(partial)
        shutil.move(str(partial), out)
    for a in adaptations:
        log.info("overlay: adapted: %s", a)
    for w in warnings:
        log.warning("overlay: %s", w)
    return OverlayResult(video=out, duration_s=s_dur, region=r, adaptations=adaptations, warnings=warnings)
