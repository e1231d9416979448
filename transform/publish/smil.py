"""EPUB 3 Media Overlays: SMIL documents whose clip times are the narration timeline's, to the millisecond."""

from __future__ import annotations

import re

from ..model import Cue
from .markup import esc_attr

_FULL = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.(\d{1,3}))?$")
_COUNT = re.compile(r"^(\d+(?:\.\d+)?)(h|min|s|ms)?$")


def clock(ms: int) -> str:
    """A SMIL full clock value with exact milliseconds: ``1:02:03.045``."""
    if ms < 0:
        raise ValueError("negative time")
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h}:{m:02d}:{s:02d}.{milli:03d}"


def parse_clock(value: str) -> int:
    """Milliseconds of a SMIL clock value (full, partial or timecount)."""
    value = value.strip()
    m = _FULL.match(value)
    if m:
        h, mi, s, frac = m.groups()
        return ((int(h or 0) * 60 + int(mi)) * 60 + int(s)) * 1000 + int((frac or "0").ljust(3, "0"))
    m = _COUNT.match(value)
    if not m:
        raise ValueError(f"not a SMIL clock value: {value!r}")
    num, unit = float(m.group(1)), m.group(2) or "s"
    factor = {"h": 3_600_000, "min": 60_000, "s": 1000, "ms": 1}[unit]
    return round(num * factor)


def build_smil(text_href: str, audio_href: str, cues: list[Cue], seq_id: str, section_id: str | None = None) -> tuple[str, int]:
    """One SMIL document for one content document; returns (xml, duration in ms = sum of its clips).

    ``section_id`` is the element of the chapter the sequence stands for (``epub:textref`` needs a fragment).
    """
    pars = []
    total = 0
    for i, c in enumerate(sorted(cues, key=lambda c: (c.begin_ms, c.end_ms)), 1):
        total += c.end_ms - c.begin_ms
        pars.append(
            f'      <par id="{seq_id}-p{i}">\n'
            f'        <text src="{esc_attr(text_href)}#{esc_attr(c.sentence_id)}"/>\n'
            f'        <audio src="{esc_attr(audio_href)}" clipBegin="{clock(c.begin_ms)}" clipEnd="{clock(c.end_ms)}"/>\n'
            "      </par>"
        )
    textref = f' epub:textref="{esc_attr(text_href)}#{esc_attr(section_id)}"' if section_id else ""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">\n'
        "  <body>\n"
        f'    <seq id="{seq_id}"{textref} epub:type="bodymatter chapter">\n'
        + "\n".join(pars)
        + "\n    </seq>\n  </body>\n</smil>\n"
    )
    return xml, total


def usable_cues(cues: list[Cue], known_ids: set[str]) -> list[Cue]:
    """Cues that point at a sentence of the book and have a positive duration."""
    return [c for c in cues if c.sentence_id in known_ids and c.end_ms > c.begin_ms]
