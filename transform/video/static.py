"""The static layer of the scaffold, drawn once with Pillow: background, signer placeholder, logo
(the citizens' video has no placeholder).

ffmpeg decodes this one picture and repeats it (``loop``); only captions and
titles are blended per frame by libass. The placeholder is an outlined box with
a short label in the track's language (shaped with Raqm, right-to-left for
Arabic) so staff see where the interpreter goes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

from .fonts import Font, _ass_scale, _pil_font, is_arabic_script, wrap
from .layout import Layout
from .options import VideoOptions

LABELS = {
    "ar": "مكان مترجم لغة الإشارة",
    "ary": "بلاصة ديال المترجم بلغة الإشارة",
    "fr": "Interprète en langue des signes",
    "en": "Sign language interpreter",
}


def _rgb(hex_rgb: str) -> tuple[int, int, int]:
    return int(hex_rgb[1:3], 16), int(hex_rgb[3:5], 16), int(hex_rgb[5:7], 16)


def outline_width(layout: Layout) -> int:
    s = layout.signer
    return max(2, round(min(s.w, s.h) / 80))


def render_static(layout: Layout, options: VideoOptions, lang: str, font_for: Callable[[str], Font], out: Path) -> Path:
    """Write the static layer as a PNG of the picture size."""
    img = Image.new("RGB", (layout.width, layout.height), _rgb(options.background))
    draw = ImageDraw.Draw(img)
    s = layout.signer
    if s.w and s.h:  # the citizens' picture (``public_layout``) has no signer region
        t = outline_width(layout)
        draw.rectangle((s.x, s.y, s.right - 1, s.bottom - 1), fill=_rgb(options.signer_outline))
        draw.rectangle((s.x + t, s.y + t, s.right - 1 - t, s.bottom - 1 - t), fill=_rgb(options.signer_fill))
    if options.signer_label and s.w and s.h:
        base = lang.split("-")[0]
        label = LABELS.get(base, LABELS["en"])
        rtl = is_arabic_script(lang)
        font = font_for(lang)
        size = round(layout.caption_size * 2 / 3 * (options.arabic_scale if rtl else 1.0))
        lines = wrap(font, label, size, s.w * 0.8, rtl)
        pil = _pil_font(font.path, max(8, round(size * _ass_scale(font.path))))
        text = "\n".join(lines)
        at = (s.x + s.w / 2, s.y + s.h / 2)
        colour = _rgb(options.signer_outline)
        try:
            if rtl:
                draw.multiline_text(at, text, font=pil, fill=colour, anchor="mm", align="center", direction="rtl", language="ar")
            else:
                draw.multiline_text(at, text, font=pil, fill=colour, anchor="mm", align="center")
        except (KeyError, ValueError):  # Pillow without Raqm: no direction support
            draw.multiline_text(at, text, font=pil, fill=colour, anchor="mm", align="center")
    if options.logo and layout.logo is not None:
        lg = layout.logo
        with Image.open(options.logo) as logo:
            rgba = logo.convert("RGBA")
            k = min(lg.w / rgba.width, lg.h / rgba.height)
            rgba = rgba.resize((max(1, round(rgba.width * k)), max(1, round(rgba.height * k))), Image.Resampling.LANCZOS)
            img.paste(rgba, (lg.x + (lg.w - rgba.width) // 2, lg.y), rgba)
    img.save(out, optimize=False, compress_level=1)
    return out
