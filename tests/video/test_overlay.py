"""Overlay of a synthetic interpreter (a moving red shape on green) into the signer region."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from transform.cli import main as cli_main
from transform.errors import InputError
from transform.video import VideoOptions, make_scaffold, overlay_interpreter
from transform.video.meta import Region
from transform.video.scaffold import ScaffoldResult

from ._media import frame_at, hex_rgb, near, streams
from ._narration import Narration

pytestmark = pytest.mark.slow

RED = (200, 30, 40)


def interpreter_clip(path: Path, seconds: float, *, fps: int = 30, size: str = "640x360", audio: bool = True) -> Path:
    """A green-screen 'interpreter': a red block moving left and right on pure green."""
    w, h = (int(v) for v in size.split("x"))
    cmd = [
        "ffmpeg",
        "-v",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"color=c=0x00FF00:s={size}:r={fps}:d={seconds}",
        "-f",
        "lavfi",
        "-i",
        f"color=c=0xC81E28:s={w // 6}x{h // 2}:r={fps}:d={seconds}",
    ]
    if audio:
        cmd += ["-f", "lavfi", "-i", f"sine=f=440:d={seconds}"]
    cmd += ["-filter_complex", f"[0:v][1:v]overlay=x='{w // 2 - w // 12}+{w // 4}*sin(t*2)':y={h // 4}[v]", "-map", "[v]"]
    if audio:
        cmd += ["-map", "2:a", "-c:a", "aac"]
    cmd += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path)]
    subprocess.run(cmd, check=True, timeout=120)
    return path


@pytest.fixture(scope="module")
def scaffold(fr_short_narration: Narration, tmp_path_factory: pytest.TempPathFactory) -> ScaffoldResult:
    n = fr_short_narration
    out = tmp_path_factory.mktemp("ov") / "budget.fr.mp4"
    return make_scaffold(n.timeline, n.audio, n.cues, VideoOptions(), out)


@pytest.fixture(scope="module")
def interp(scaffold: ScaffoldResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return interpreter_clip(tmp_path_factory.mktemp("interp") / "interp.mp4", scaffold.duration_ms / 1000)


def _region_pixels(img, r: Region, step: int = 3) -> list[tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    return [img.getpixel((x, y)) for x in range(r.x + 2, r.x + r.w - 2, step) for y in range(r.y + 2, r.y + r.h - 2, step)]


def _is_green(p: tuple[int, int, int]) -> bool:
    return p[1] > 150 and p[0] < 110 and p[2] < 110


def test_keyed_interpreter_fills_the_region(scaffold: ScaffoldResult, interp: Path, tmp_path: Path) -> None:
    out = tmp_path / "signed.fr.mp4"
    assert scaffold.frames < scaffold.duration_ms * 15 / 1000 / 5  # the scaffold has a variable frame rate
    res = overlay_interpreter(scaffold.video, interp, out, chroma_key="green")
    st = {s["codec_type"]: s for s in streams(out)}
    assert st["video"]["codec_name"] == "h264" and st["video"]["r_frame_rate"] == "25/1"
    assert int(st["video"]["nb_frames"]) >= scaffold.duration_ms * 25 / 1000 - 2  # the composite: every frame at 25 fps
    assert st["audio"]["codec_name"] == "aac" and st["subtitle"]["codec_name"] == "mov_text"
    assert st["subtitle"]["tags"]["language"] == "fra"  # soft track copied with its tag
    assert st["subtitle"]["disposition"]["default"] == 0
    assert abs(float(st["video"]["duration"]) - scaffold.duration_ms / 1000) <= 1 / 15
    assert any("30 fps converted to 25 fps" in a for a in res.adaptations)
    assert any("fitted inside" in a for a in res.adaptations)
    assert not res.warnings
    r = res.region
    assert (r.x, r.y, r.w, r.h) == (960, 240, 320, 480)
    fill = hex_rgb(VideoOptions().signer_fill)
    positions = []
    for t in (0.6, 1.9):
        img = frame_at(out, t, tmp_path)
        px = _region_pixels(img, r)
        reds = [i for i, p in enumerate(px) if near(p, RED, 40)]
        assert len(reds) > 100  # the interpreter's pixels are in the region
        assert sum(_is_green(p) for p in px) < 10  # the green backdrop is keyed out
        assert sum(near(p, fill, 14) for p in px) > len(px) // 3  # what was green now shows the region's plain fill
        positions.append(sum(reds) / len(reds))
        cap = scaffold.layout.captions  # the burned-in captions are still there
        assert (
            sum(1 for x in range(cap.x, cap.right, 3) for y in range(cap.y, cap.bottom, 3) if min(img.getpixel((x, y))) > 200)
            > 30
        )
    assert positions[0] != positions[1]  # the shape moves: real video, not a still


def test_without_chroma_key_the_green_stays(scaffold: ScaffoldResult, interp: Path, tmp_path: Path) -> None:
    out = tmp_path / "green.mp4"
    overlay_interpreter(scaffold.video, interp, out, preset="ultrafast")
    s = scaffold.layout.signer
    px = _region_pixels(frame_at(out, 1.0, tmp_path), Region(x=s.x, y=s.y, w=s.w, h=s.h))
    assert sum(_is_green(p) for p in px) > 1000


def test_offset_and_duration_warning(scaffold: ScaffoldResult, tmp_path: Path) -> None:
    short = interpreter_clip(tmp_path / "short.mov", 0.5, fps=25, size="480x640", audio=False)
    out = tmp_path / "offset.mp4"
    res = overlay_interpreter(scaffold.video, short, out, chroma_key="auto", offset_s=0.9, preset="ultrafast")
    assert any("differ" in w or "ends" in w for w in res.warnings)
    assert any("detected" in a for a in res.adaptations)
    r = res.region
    before = _region_pixels(frame_at(out, 0.5, tmp_path), r)
    during = _region_pixels(frame_at(out, 1.15, tmp_path), r)
    after = _region_pixels(frame_at(out, 2.0, tmp_path), r)
    assert sum(near(p, RED, 40) for p in before) == 0  # not started yet
    assert sum(near(p, RED, 40) for p in during) > 100
    assert sum(near(p, RED, 40) for p in after) == 0  # finished: the region is plain again


def test_bad_inputs(scaffold: ScaffoldResult, tmp_path: Path) -> None:
    audio_only = tmp_path / "voice.m4a"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=d=1", "-c:a", "aac", str(audio_only)], check=True, timeout=60
    )
    with pytest.raises(InputError, match="no video stream"):
        overlay_interpreter(scaffold.video, audio_only, tmp_path / "a.mp4")
    still = tmp_path / "still.png"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=green:s=64x64", "-frames:v", "1", str(still)],
        check=True,
        timeout=60,
    )
    with pytest.raises(InputError, match="still image"):
        overlay_interpreter(scaffold.video, still, tmp_path / "b.mp4")
    bare = tmp_path / "bare.mp4"  # an MP4 not made by Taysir: no region anywhere
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "color=c=blue:s=640x360:d=2",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            str(bare),
        ],
        check=True,
        timeout=60,
    )
    clip = interpreter_clip(tmp_path / "c.mp4", 2.0, audio=False)
    with pytest.raises(InputError, match="signer-region metadata"):
        overlay_interpreter(bare, clip, tmp_path / "c_out.mp4")
    res = overlay_interpreter(
        bare, clip, tmp_path / "c_out.mp4", region=Region(x=480, y=120, w=160, h=240), chroma_key="green", preset="ultrafast"
    )
    assert any("--region" in a for a in res.adaptations)
    with pytest.raises(InputError, match="does not exist"):
        overlay_interpreter(scaffold.video, tmp_path / "missing.mp4", tmp_path / "d.mp4")


def test_cli(scaffold: ScaffoldResult, interp: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.mp4"
    code = cli_main(
        ["overlay", str(scaffold.video), str(interp), "-o", str(out), "--chroma-key", "green", "--offset", "0", "--json"]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert data["region"] == {"x": 960, "y": 240, "w": 320, "h": 480} and out.is_file()
    # bad input: exit code 2 and a message, no traceback
    code = cli_main(["overlay", str(scaffold.video), str(tmp_path / "nope.mp4"), "-o", str(tmp_path / "x.mp4")])
    err = capsys.readouterr().err
    assert code == 2 and "does not exist" in err and "Traceback" not in err
    code = cli_main(["overlay", str(scaffold.video), str(interp), "-o", str(tmp_path / "y.mp4"), "--chroma-key", "purple-ish"])
    assert code == 1 and "not understood" in capsys.readouterr().err


def test_anamorphic_and_rotated_recordings_use_their_display_shape(scaffold: ScaffoldResult, tmp_path: Path) -> None:
    ana = tmp_path / "ana.mp4"  # 320x360 storage, 2:1 pixels -> shows as 640x360
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x00FF00:s=320x360:r=25:d=2", "-vf", "setsar=2",
         "-c:v", "libx264", "-preset", "ultrafast", str(ana)],
        check=True, timeout=60,
    )  # fmt: skip
    res = overlay_interpreter(scaffold.video, ana, tmp_path / "ana_out.mp4", chroma_key="green", preset="ultrafast")
    assert any("640x360 (16:9)" in a for a in res.adaptations), res.adaptations
    with pytest.raises(Exception, match="skips the whole"):
        overlay_interpreter(scaffold.video, ana, tmp_path / "x.mp4", offset_s=-3)
