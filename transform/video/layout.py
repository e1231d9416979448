"""Where things go on the picture: the signer region, captions, titles, logo.

Pure geometry, no I/O: :func:`compute_layout` returns rectangles that are
checked never to overlap the signer region, so a layout that would put text
over the interpreter is refused before anything is rendered.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..errors import OptionsError
from .options import VideoOptions


def _even(v: float) -> int:
    return max(2, int(round(v / 2.0)) * 2)


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def intersects(self, other: Rect) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class Layout:
    """Every region of one picture size, in pixels."""

    width: int
    height: int
    margin: int
    signer: Rect
    captions: Rect  # the band behind captions (text stays inside it)
    titles: Rect  # title cards and the running chapter header
    logo: Rect | None
    caption_size: int
    title_size: int
    caption_line_h: int  # line height of the largest script, used to size the band
    caption_pad: int
    side: str  # "right" | "left": the signer's side

    def check(self) -> None:
        """Refuse a layout whose text areas touch the signer region or leave the picture."""
        frame = Rect(0, 0, self.width, self.height)
        named = {"captions": self.captions, "titles": self.titles}
        if self.logo is not None:
            named["logo"] = self.logo
        for name, r in named.items():
            if r.w <= 0 or r.h <= 0:
                raise OptionsError(
                    f"The {name} area has no room left ({r.w}x{r.h} px).",
                    hint="Make the signer region smaller or the margins narrower.",
                )
            if r.x < 0 or r.y < 0 or r.right > frame.w or r.bottom > frame.h:
                raise OptionsError(f"The {name} area falls outside the picture.", hint="Check the margin and size options.")
            if r.intersects(self.signer):
                raise OptionsError(
                    f"The {name} area would overlap the signer region.",
                    hint="Choose caption_position 'above' or 'beside', or a smaller signer region.",
                )
        if self.logo is not None and (self.logo.intersects(self.titles) or self.logo.intersects(self.captions)):
            raise OptionsError("The logo would overlap the titles or captions.", hint="Use a smaller logo_height_frac.")

    def to_dict(self) -> dict[str, object]:
        return {
            "width": self.width,
            "height": self.height,
            "signer": self.signer.as_dict(),
            "captions": self.captions.as_dict(),
            "titles": self.titles.as_dict(),
            "logo": self.logo.as_dict() if self.logo else None,
            "side": self.side,
        }


def _type_sizes(options: VideoOptions, short: int) -> tuple[int, int, int, int]:
    """Caption size, title size, caption line height (room for 2 lines of larger Arabic) and padding."""
    cap_size = options.caption_size or round(short / 18)
    title_size = options.title_size or round(short / 11)
    line_h = int(cap_size * 1.3 * max(1.0, options.arabic_scale)) + 2
    return cap_size, title_size, line_h, max(6, cap_size // 4)


def _checked(options: VideoOptions, W: int, H: int, m: int, signer: Rect, captions: Rect, titles: Rect,  # noqa: N803
             logo: Rect | None, sizes: tuple[int, int, int, int]) -> Layout:
    """The layout of these regions and type sizes (caption, title, caption line height, caption
    padding), checked."""
    cap_size, title_size, line_h, pad = sizes
    layout = Layout(
        width=W, height=H, margin=m, signer=signer, captions=captions, titles=titles, logo=logo,
        caption_size=cap_size, title_size=title_size, caption_line_h=line_h, caption_pad=pad, side=options.signer_side,
    )
    layout.check()
    return layout


def compute_layout(options: VideoOptions, logo_size: tuple[int, int] | None = None) -> Layout:
    """Place the signer region, the caption band, the title area and the logo.

    ``logo_size`` is the logo image's (width, height), used for its aspect ratio.
    """
    W, H = options.dimensions()
    short = min(W, H)
    m = options.margin_px if options.margin_px is not None else round(short / 22)
    wf, hf = options.signer_fracs()
    sm = options.signer_margin_px
    sw, sh = _even(W * wf), _even(H * hf)
    sx = W - sw - sm if options.signer_side == "right" else sm
    sy = H - sh - sm
    signer = Rect(sx - sx % 2, sy - sy % 2, sw, sh)

    cap_size, title_size, line_h, pad = _type_sizes(options, short)
    cap_h = 2 * line_h + 2 * pad

    free_x0 = 0 if options.signer_side == "right" else signer.right + sm
    free_w = signer.x - sm if options.signer_side == "right" else W - free_x0
    beside_w = free_w - 2 * m
    position = options.caption_position
    if position == "auto":
        # Landscape: beside the signer (the bottom band). Portrait: a full-width band above the signer,
        # where lines of 42 characters stay large, unless the signer takes (nearly) the full height.
        position = "beside" if W >= H or signer.y - 2 * m < cap_h + title_size * 2 else "above"
    if position == "beside":
        captions = Rect(free_x0 + m, H - m - cap_h, beside_w, cap_h)
        if beside_w < 0.4 * W:
            raise OptionsError(
                f"Only {beside_w} px are left beside the signer region for captions.",
                hint="Use a narrower signer region or caption_position 'above'.",
            )
    else:
        captions = Rect(m, signer.y - m - cap_h, W - 2 * m, cap_h)

    # Titles: above the signer region when there is room, else in the free column above the captions.
    above_h = (captions.y if position == "above" else signer.y) - 2 * m
    if above_h >= title_size * 2.5:
        titles = Rect(m, m, W - 2 * m, above_h)
    else:
        titles = Rect(free_x0 + m, m, beside_w, captions.y - 2 * m)

    logo = None
    if options.logo:
        lw0, lh0 = logo_size or (1, 1)
        lh = _even(H * options.logo_height_frac)
        lw = min(_even(lh * lw0 / max(1, lh0)), _even(W / 4))
        lx = W - m - lw if options.signer_side == "right" else m
        logo = Rect(lx, m, lw, lh)
        if logo.intersects(signer):  # tall signer region: put the logo on the other side
            lx = m if options.signer_side == "right" else W - m - lw
            logo = Rect(lx, m, lw, lh)
        if logo.intersects(titles) and titles.bottom - (logo.bottom + m) >= title_size * 2.5:
            titles = Rect(titles.x, logo.bottom + m, titles.w, titles.bottom - (logo.bottom + m))  # start below the logo
        if logo.intersects(titles):  # no room below it: narrow the titles on both sides so they stay centred
            cut = lw + m
            if logo.x < titles.x + titles.w / 2:
                cut = max(cut, logo.right + m - titles.x)
            else:
                cut = max(cut, titles.right - (logo.x - m))
            titles = Rect(titles.x + cut, titles.y, titles.w - 2 * cut, titles.h)

    return _checked(options, W, H, m, signer, captions, titles, logo, (cap_size, title_size, line_h, pad))


def public_layout(options: VideoOptions, logo_size: tuple[int, int] | None = None) -> Layout:
    """The citizens' picture: no signer region and no burned-in captions (the player shows the WebVTT
    track over the bottom of the picture), so titles take the full width above that band.

    ``signer`` is an empty rectangle at the origin (it intersects nothing); ``captions`` is the band the
    player's captions cover, kept free of titles.
    """
    W, H = options.dimensions()
    short = min(W, H)
    m = options.margin_px if options.margin_px is not None else round(short / 22)
    cap_size, title_size, line_h, pad = _type_sizes(options, short)
    cap_h = 2 * line_h + 2 * pad
    captions = Rect(m, H - m - cap_h, W - 2 * m, cap_h)
    titles = Rect(m, m, W - 2 * m, captions.y - 2 * m)
    logo = None
    if options.logo:
        lw0, lh0 = logo_size or (1, 1)
        lh = _even(H * options.logo_height_frac)
        lw = min(_even(lh * lw0 / max(1, lh0)), _even(W / 4))
        logo = Rect(W - m - lw if options.signer_side == "right" else m, m, lw, lh)
        titles = Rect(titles.x, logo.bottom + m, titles.w, titles.bottom - (logo.bottom + m))  # start below the logo
    return _checked(options, W, H, m, Rect(0, 0, 0, 0), captions, titles, logo, (cap_size, title_size, line_h, pad))
