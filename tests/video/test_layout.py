"""Geometry: the signer region's size rules and text areas that never touch it."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from transform.errors import OptionsError
from transform.options import TransformOptions
from transform.video.layout import Rect, compute_layout
from transform.video.options import VideoOptions


@pytest.mark.parametrize("size", ["1280x720", "1920x1080", "1080x1920"])
@pytest.mark.parametrize("side", ["right", "left"])
def test_default_region_rules_and_no_overlap(size: str, side: str) -> None:
    opts = VideoOptions(size=size, signer_side=side, logo=None)
    lay = compute_layout(opts)
    W, H = opts.dimensions()
    s = lay.signer
    assert s.w * s.h >= W * H / 6 - W  # at least 1/6 of the picture (rounding to even pixels aside)
    assert s.w >= W / 4 - 2 and s.h >= H / 2 - 2  # large-screen practice: >= 1/4 width, >= 1/2 height
    assert s.bottom == H  # bottom corner
    assert (s.right == W) if side == "right" else (s.x == 0)
    assert s.x % 2 == 0 and s.y % 2 == 0 and s.w % 2 == 0 and s.h % 2 == 0  # yuv420 friendly
    for r in (lay.captions, lay.titles):
        assert not r.intersects(s)
        assert 0 <= r.x and r.right <= W and 0 <= r.y and r.bottom <= H
    assert lay.captions.w >= 0.4 * W


def test_portrait_uses_mobile_proportions() -> None:
    lay = compute_layout(VideoOptions(size="1080x1920"))
    assert lay.signer.w == 360 and lay.signer.h == 960  # 1/3 x 1/2


def test_too_small_region_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValidationError, match="smaller than 1/6"):
        VideoOptions(signer_width_frac=0.25, signer_height_frac=0.5)  # 1/8 of the picture
    with pytest.raises(Exception, match="1/6"):  # through the per-run options too
        TransformOptions.model_validate({"video": {"signer_width_frac": 0.2, "signer_height_frac": 0.5}})


def test_bad_colour_is_refused() -> None:
    with pytest.raises(ValidationError, match="#RRGGBB"):
        VideoOptions(background="navy")


def test_captions_above_and_full_height_signer() -> None:
    lay = compute_layout(VideoOptions(caption_position="above", signer_width_frac=0.3, signer_height_frac=0.6))
    assert lay.captions.bottom <= lay.signer.y and lay.captions.w > 1000
    # split screen: the signer takes the full height, text goes beside it
    full = compute_layout(VideoOptions(signer_width_frac=1 / 3, signer_height_frac=1.0))
    assert full.signer.y == 0 and full.captions.right <= full.signer.x and full.titles.right <= full.signer.x


def test_a_region_so_wide_that_captions_cannot_fit_is_refused() -> None:
    with pytest.raises(OptionsError):
        compute_layout(VideoOptions(signer_width_frac=0.6, signer_height_frac=1.0))


def test_logo_stays_clear_of_titles_and_signer() -> None:
    lay = compute_layout(VideoOptions(logo="logo.png"), logo_size=(400, 200))
    assert lay.logo is not None
    assert not lay.logo.intersects(lay.signer) and not lay.logo.intersects(lay.titles)
    assert lay.logo.h == 72 and lay.logo.w == 144


def test_rect_intersection() -> None:
    assert Rect(0, 0, 10, 10).intersects(Rect(9, 9, 5, 5))
    assert not Rect(0, 0, 10, 10).intersects(Rect(10, 0, 5, 5))
