"""The citizens' video: one caption layer (the player's WebVTT track), no empty signer region.

Frames are read back from the rendered file and compared with the interpreter scaffold made from the
same narration, so each check is shown to fail on a picture that has burned-in captions or a region.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.errors import InputError
from transform.video import VideoOptions, make_scaffold, overlay_interpreter
from transform.video.meta import read_meta
from transform.video.probe import probe
from transform.video.scaffold import ScaffoldResult

from ._media import fmt_tags, frame_at, hex_rgb, near, ocr, streams
from ._narration import Narration, require_tools

pytestmark = pytest.mark.slow

OPTS = VideoOptions(signer_label=False)


@pytest.fixture(scope="module")
def pair(fr_narration: Narration, tmp_path_factory: pytest.TempPathFactory) -> tuple[ScaffoldResult, ScaffoldResult]:
    tmp = tmp_path_factory.mktemp("public")
    n = fr_narration
    public = make_scaffold(n.timeline, n.audio, n.cues, OPTS, tmp / "budget.fr.mp4", title="Budget citoyen", sidecars=False, public=True)
    scaffold = make_scaffold(n.timeline, n.audio, n.cues, OPTS, tmp / "budget.fr.scaffold.mp4", title="Budget citoyen", sidecars=False)
    return public, scaffold


def _bright(img: object, rect: object) -> int:
    """Pixels of caption text (white) in ``rect``."""
    return sum(1 for x in range(rect.x, rect.right, 2) for y in range(rect.y, rect.bottom, 2)  # type: ignore[attr-defined]
               if min(img.getpixel((x, y))) > 200)  # type: ignore[attr-defined]


def test_no_burned_in_caption_and_no_signer_region(pair: tuple[ScaffoldResult, ScaffoldResult], fr_narration: Narration,
                                                   tmp_path: Path) -> None:
    public, scaffold = pair
    bg = hex_rgb(OPTS.background)
    region = scaffold.layout.signer  # where the scaffold keeps the interpreter's place
    for cue in fr_narration.cues[1:]:
        t = (cue.begin_ms + cue.end_ms) / 2000
        with_caps, clean = frame_at(scaffold.video, t, tmp_path), frame_at(public.video, t, tmp_path)
        band = scaffold.layout.captions
        assert _bright(with_caps, band) > 50  # the check can fail: the scaffold has the caption burned in here
        assert _bright(clean, public.layout.captions) == 0 and _bright(clean, band) == 0
        # the scaffold's region is the placeholder colour; the citizens' picture has plain background there
        assert near(with_caps.getpixel((region.x + region.w // 2, region.y + region.h // 2)), hex_rgb(OPTS.signer_fill), 12)
        assert all(near(clean.getpixel((x, y)), bg, 12) for x in range(region.x + 4, region.right - 4, 16)
                   for y in range(region.y + 4, region.bottom - 4, 16))


def test_titles_use_the_full_width(pair: tuple[ScaffoldResult, ScaffoldResult], fr_narration: Narration, tmp_path: Path) -> None:
    require_tools("tesseract")
    public, scaffold = pair
    assert public.layout.titles.w > scaffold.layout.titles.w * 0.99 and public.layout.titles.bottom <= public.layout.captions.y
    head = fr_narration.cues[0]
    img = frame_at(public.video, (head.begin_ms + head.end_ms) / 2000, tmp_path)
    t = public.layout.titles
    text = ocr(img.crop((t.x, t.y, t.right, t.bottom)), "fra", tmp_path)
    assert "Budget" in text and "citoyen" in text


def test_streams_soft_track_off_and_no_region_metadata(pair: tuple[ScaffoldResult, ScaffoldResult], fr_narration: Narration,
                                                       tmp_path: Path) -> None:
    public, scaffold = pair
    st = {s["codec_type"]: s for s in streams(public.video)}
    assert st["video"]["codec_name"] == "h264" and st["audio"]["codec_name"] == "aac"
    assert st["subtitle"]["codec_name"] == "mov_text" and st["subtitle"]["disposition"]["default"] == 0
    assert abs(float(st["video"]["duration"]) - fr_narration.wav_ms / 1000) <= 1 / OPTS.fps
    assert public.meta_path is None and "taysir-video" not in fmt_tags(public.video).get("comment", "")
    assert scaffold.meta_path is not None and "taysir-video" in fmt_tags(scaffold.video)["comment"]
    # the overlay needs a region: the citizens' video is refused, the scaffold is not
    with pytest.raises(InputError, match="signer-region"):
        read_meta(public.video, probe(public.video, what="video"))
    with pytest.raises(InputError, match="signer-region"):
        overlay_interpreter(public.video, scaffold.video, tmp_path / "x.mp4")
    assert read_meta(scaffold.video, probe(scaffold.video, what="video")).signer.w == 320
