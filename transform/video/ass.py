"""The ASS script that libass burns into the scaffold.

Everything that changes over time is in this one file: caption bands and
captions, title cards and the running chapter header (the static layer with
the signer placeholder is drawn once, see ``static.py``). Every
text event is positioned explicitly (``\\pos``) with its lines broken by us
(``WrapStyle: 2``), after measuring it with the real font, so no text can grow
into the signer region. Styles use ``Encoding: -1`` so libass picks the base
direction of each line from its text (D4): Arabic is shaped and set
right-to-left with its punctuation on the correct side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import CaptionCue
from .fonts import Font, fit_lines, is_arabic_script, text_width, wrap
from .layout import Layout, Rect
from .options import VideoOptions


@dataclass(frozen=True)
class TitleEvent:
    begin_ms: int
    end_ms: int
    text: str
    lang: str


def ass_time(ms: int) -> str:
    cs = max(0, int(round(ms / 10)))
    h, cs = divmod(cs, 360000)
    m, cs = divmod(cs, 6000)
    s, cs = divmod(cs, 100)
    return f"{h}:{m:02d}:{s:02d}.{cs:02d}"


def ass_ms(ms: int) -> int:
    """``ms`` as written in the script (whole centiseconds), back in milliseconds."""
    return max(0, int(round(ms / 10))) * 10


def change_times(times: set[int], duration_ms: int) -> list[int]:
    """The instants the burned-in picture changes: 0 and every event boundary before the end."""
    return sorted({0} | {t for t in times if 0 < t < duration_ms})


def ass_colour(hex_rgb: str, opacity: float = 1.0) -> str:
    """``#RRGGBB`` -> ASS ``&HAABBGGRR`` (AA = transparency)."""
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    alpha = max(0, min(255, round((1 - opacity) * 255)))
    return f"&H{alpha:02X}{b}{g}{r}".upper()


def escape(text: str) -> str:
    """Text safe inside an ASS event: no override blocks, no stray escapes, one line."""
    text = " ".join(text.split())
    return text.replace("\\", "\u2216").replace("{", "(").replace("}", ")")


def _box(rect: Rect, colour: str, opacity: float = 1.0) -> str:
    """An ASS vector drawing filling ``rect``."""
    a = ass_colour(colour, opacity)
    return (
        f"{{\\an7\\pos({rect.x},{rect.y})\\p1\\bord0\\shad0\\1c{a[:2]}{a[4:]}&\\1a&H{a[2:4]}&}}"
        f"m 0 0 l {rect.w} 0 {rect.w} {rect.h} 0 {rect.h}{{\\p0}}"
    )


class AssBuilder:
    """Collects events for one language track and renders the script text."""

    def __init__(self, layout: Layout, options: VideoOptions, font_for: Callable[[str], Font]) -> None:
        self.layout = layout
        self.options = options
        self.font_for = font_for
        self.events: list[str] = []
        self.notes: list[str] = []  # adaptations worth telling the user (e.g. a caption shrunk to fit)
        self.times: set[int] = set()  # every event's start and end as libass sees them (ms, whole centiseconds)

    def _size(self, base: float, lang: str) -> int:
        return round(base * (self.options.arabic_scale if is_arabic_script(lang) else 1.0))

    # -- drawing -------------------------------------------------------------------------
    def _event(self, layer: int, begin: int, end: int, style: str, text: str) -> None:
        if end > begin:
            self.times.update((ass_ms(begin), ass_ms(end)))
            self.events.append(f"Dialogue: {layer},{ass_time(begin)},{ass_time(end)},{style},,0,0,0,,{text}")

    def caption(self, cue: CaptionCue) -> None:
        """One caption: a band behind it and the lines centred at the bottom of the caption area."""
        lines = [escape(ln) for ln in cue.lines if ln.strip()]
        if not lines:
            return
        lay = self.layout
        rect = lay.captions
        rtl = is_arabic_script(cue.lang)
        font = self.font_for(cue.lang)
        nominal = self._size(lay.caption_size, cue.lang)
        inner = rect.w - 2 * lay.caption_pad
        size = fit_lines(font, lines, nominal, inner, rtl)
        max_lines_h = rect.h - 2 * lay.caption_pad
        if len(lines) * size * 1.3 > max_lines_h:  # a 3-line cue in a 2-line band: shrink
            size = int(max_lines_h / (len(lines) * 1.3))
        line_h = size * 1.3
        if size < nominal:
            self.notes.append(f"caption {cue.index} set at {size}px instead of {nominal}px to stay inside the caption area")
        if self.options.caption_band_opacity > 0:  # a band just wider than the text: contrast on any background
            widest = max(text_width(font, ln, size, rtl) for ln in lines)
            band_w = min(rect.w, int(widest) + 4 * lay.caption_pad)
            band_w += band_w % 2
            band_h = min(rect.h, round(len(lines) * line_h + 2 * lay.caption_pad))
            band = Rect(rect.x + (rect.w - band_w) // 2, rect.bottom - band_h, band_w, band_h)
            self._event(
                1,
                cue.begin_ms,
                cue.end_ms,
                "Shape",
                _box(band, self.options.caption_band_color, self.options.caption_band_opacity),
            )
        pos = f"\\an2\\pos({rect.x + rect.w // 2},{rect.bottom - lay.caption_pad})\\fn{font.family}"
        fs = f"\\fs{size}" if size != lay.caption_size else ""
        self._event(2, cue.begin_ms, cue.end_ms, "Caption", f"{{{pos}{fs}}}" + "\\N".join(lines))

    def title(self, ev: TitleEvent) -> None:
        """A title card: the heading large and centred in the title area."""
        rect = self.layout.titles
        rtl = is_arabic_script(ev.lang)
        font = self.font_for(ev.lang)
        size = self._size(self.layout.title_size, ev.lang)
        inner_w = rect.w * 0.94
        for _ in range(12):
            lines = wrap(font, escape(ev.text), size, inner_w, rtl)
            size = fit_lines(font, lines, size, inner_w, rtl)
            if len(lines) * size * 1.3 <= rect.h or size <= 14:
                break
            size = max(14, int(size * 0.88))
        body = "\\N".join(lines)
        self._event(
            2,
            ev.begin_ms,
            ev.end_ms,
            "Title",
            f"{{\\an5\\pos({rect.x + rect.w // 2},{rect.y + rect.h // 2})\\fn{font.family}\\fs{size}}}{body}",
        )

    def header(self, begin_ms: int, end_ms: int, text: str, lang: str) -> None:
        """The running chapter header, one line at the top of the title area on the reading-start side."""
        rect = self.layout.titles
        rtl = is_arabic_script(lang)
        font = self.font_for(lang)
        size = self._size(max(12, round(self.layout.caption_size * 0.8)), lang)
        text = escape(text)
        while len(text) > 4 and text_width(font, text, size, rtl) > rect.w:
            text = text[: max(4, int(len(text) * 0.9)) - 1].rstrip() + "\u2026"
        an, x = (9, rect.right) if rtl else (7, rect.x)
        self._event(2, begin_ms, end_ms, "Header", f"{{\\an{an}\\pos({x},{rect.y})\\fn{font.family}\\fs{size}}}{text}")

    # -- script --------------------------------------------------------------------------
    def script(self, title: str = "Taysir scaffold") -> str:
        """The ASS text of every event added so far."""
        o = self.options
        lay = self.layout
        latin = self.font_for("fr").family
        white = ass_colour(o.text_color)
        black = ass_colour("#000000")
        out = max(2, lay.caption_size // 14)
        fmt = (
            "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
            "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding"
        )

        def style(name: str, font: str, size: int, colour: str, outline: int, bold: int = 0) -> str:
            return (
                f"Style: {name},{font},{size},{colour},{colour},{black},{black},{bold},0,0,0,100,100,0,0,1,{outline},0,2,0,0,0,-1"
            )

        styles = [
            style("Caption", latin, lay.caption_size, white, out),
            style("Title", latin, lay.title_size, ass_colour(o.title_color), out + 1, 1),
            style("Header", latin, max(12, round(lay.caption_size * 0.8)), white, out),
            style("Shape", latin, 20, white, 0),
        ]
        # Text events name their font family in an override (\\fn), so one style set serves both scripts.
        head = [
            "[Script Info]",
            f"Title: {escape(title)}",
            "ScriptType: v4.00+",
            f"PlayResX: {lay.width}",
            f"PlayResY: {lay.height}",
            "WrapStyle: 2",
            "ScaledBorderAndShadow: yes",
            "",
            "[V4+ Styles]",
            fmt,
            *styles,
            "",
            "[Events]",
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
        ]
        return "\n".join(head + self.events) + "\n"

    def add_all(self, cues: Sequence[CaptionCue], titles: Sequence[TitleEvent], headers: Sequence[TitleEvent]) -> None:
        for h in headers:
            self.header(h.begin_ms, h.end_ms, h.text, h.lang)
        for t in titles:
            self.title(t)
        for c in cues:
            self.caption(c)
