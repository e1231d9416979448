"""Fonts for captions and titles: find them with fontconfig, measure text with Pillow.

libass finds fonts through fontconfig by family name. When the family asked for
is not installed, fontconfig silently substitutes another one; we ask
``fc-match`` first so a substitution is reported (and an Arabic caption never
falls back to a Latin-only font).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .._exec import fontconfig
from ..errors import MissingDependencyError

log = logging.getLogger("transform.video")

ARABIC_SCRIPT_LANGS = {"ar", "ary", "arq", "aeb", "fa", "ur", "ps", "ckb", "ug"}
FALLBACKS = {
    "arabic": ("Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"),
    "latin": ("Noto Sans", "DejaVu Sans", "Liberation Sans"),
}
# libass sizes a font by its ascender + descender; Pillow by its em. Measured on
# Noto Sans / Noto Naskh Arabic (see docs/video.md); 5 % headroom on top.
SAFETY = 1.05


def is_arabic_script(lang: str) -> bool:
    return lang.split("-")[0].lower() in ARABIC_SCRIPT_LANGS


@dataclass(frozen=True)
class Font:
    family: str  # the family name libass is given
    path: str  # the file fontconfig picks, used for measuring
    requested: str
    substituted: bool  # True when the requested family was not installed

    def note(self) -> str | None:
        if not self.substituted:
            return None
        return f"font {self.requested!r} is not installed; {self.family!r} is used instead"


def _fc_match(family: str) -> tuple[str, str] | None:
    return fontconfig.match(family)


FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


@lru_cache(maxsize=64)
def _find_file(family: str) -> tuple[str, str] | None:
    """Without ``fc-match`` (package fontconfig): look for ``<Family>-Regular.ttf`` in the usual folders."""
    stem = family.replace(" ", "")
    for root in FONT_DIRS:
        base = Path(root).expanduser()
        if not base.is_dir():
            continue
        for ext in ("ttf", "otf"):
            for hit in sorted(base.rglob(f"{stem}-Regular.{ext}")):
                return family, str(hit)
    return None


def resolve_font(requested: str, script: str) -> Font:
    """The installed font to use for ``requested`` (a family name), or a fallback for the script.

    Raises :class:`MissingDependencyError` when neither the font nor any fallback is installed.
    """
    have_fc = fontconfig.PROBE.available()
    for family in (requested, *FALLBACKS[script]):
        hit = _fc_match(family) if have_fc else _find_file(family)
        if hit and hit[0].casefold() == family.casefold():
            return Font(family=hit[0], path=hit[1], requested=requested, substituted=family != requested)
    raise MissingDependencyError(
        f"No usable {script} font: {requested!r} and the fallbacks {', '.join(FALLBACKS[script])} are not installed.",
        hint="Install the Noto fonts (apt-get install fonts-noto-core fontconfig) or set video.font_arabic / video.font_latin to an installed family (fc-list).",
    )


@lru_cache(maxsize=32)
def _pil_font(path: str, size: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    try:
        return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)
    except (OSError, KeyError):  # no raqm: basic layout over-estimates Arabic widths (isolated forms), which is safe
        return ImageFont.truetype(path, size)


@lru_cache(maxsize=32)
def _ass_scale(path: str) -> float:
    """Pillow em size -> libass size factor for this font (libass fits ascender+descender into the size)."""
    font = _pil_font(path, 100)
    asc, desc = font.getmetrics()
    return 100 / max(1, asc + desc)


def text_width(font: Font, text: str, size: int, rtl: bool) -> float:
    """Width in pixels that libass gives ``text`` at ASS font size ``size`` (a slight over-estimate)."""
    scale = _ass_scale(font.path)
    pil = _pil_font(font.path, max(1, round(size * scale)))
    try:
        width = pil.getlength(text, direction="rtl" if rtl else "ltr")
    except (KeyError, ValueError, OSError):
        width = pil.getlength(text)
    return float(width) * SAFETY


def wrap(font: Font, text: str, size: int, max_w: float, rtl: bool) -> list[str]:
    """Greedy word wrap to ``max_w`` pixels (words longer than a line stay whole)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        cand = f"{cur} {word}" if cur else word
        if cur and text_width(font, cand, size, rtl) > max_w:
            lines.append(cur)
            cur = word
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines


def fit_lines(font: Font, lines: list[str], size: int, max_w: float, rtl: bool, min_size: int = 10) -> int:
    """The largest size <= ``size`` at which every line fits in ``max_w`` pixels."""
    widest = max((text_width(font, ln, size, rtl) for ln in lines), default=0.0)
    if widest <= max_w:
        return size
    return max(min_size, int(size * max_w / widest))
