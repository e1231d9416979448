"""Variable frame rate: one video frame per change of the burned-in picture.

The scaffold is a slide whose only moving parts are the ASS events (captions,
title cards, the running header). Between two event boundaries every frame is
the same, so the picture is encoded once per boundary and the MP4 carries the
frames' exact times (``-fps_mode vfr``, millisecond time base) instead of 15
identical frames a second.

The frames come from ffmpeg's ``concat`` demuxer reading the static layer (a
one-frame YUV4MPEG file, read without decoding) once per change, each entry
lasting until the next change. A last frame 2 ms before the end makes the video
stream exactly as long as the narration. Key frames are forced at least every
``KEY_EVERY_S`` seconds so a player seeking far into a long video decodes little.
"""

from __future__ import annotations

from collections.abc import Sequence

KEY_EVERY_S = 10
# libass is given a frame's time truncated to whole milliseconds from a floating-point
# product (pts x time base x 1000), which can land 1 ms early on an event boundary
# (8030 ms -> 8029 ms) and show the previous caption. The graph shifts the frames 1 ms
# later for libass only and back afterwards, so the timestamps in the file stay exact.
LIBASS_NUDGE_MS = 1


def frame_times(changes: Sequence[int], duration_ms: int) -> list[int]:
    """Frame start times (ms): every change before the end, then one short frame just before the end.

    That last frame makes the video track as long as the narration; it starts early enough that
    libass, given its time plus the nudge, still shows the events that end with the narration.
    """
    last = duration_ms - 1 - LIBASS_NUDGE_MS
    times = sorted({t for t in changes if 0 <= t < last} | {0})
    if last > 0:
        times.append(last)
    return times


def concat_script(still: str, times: Sequence[int], duration_ms: int) -> str:
    """An ``ffconcat`` list showing ``still`` at each of ``times``, each until the next one."""
    out = ["ffconcat version 1.0"]
    ends = list(times[1:]) + [duration_ms]
    for begin, end in zip(times, ends, strict=True):
        out += [f"file {still}", f"duration {(end - begin) / 1000:.3f}"]
    return "\n".join(out) + "\n"


def burn_graph(ass_name: str) -> str:
    """Filter graph for the concat input: exact ms time base, libass at the nudged time."""
    n = LIBASS_NUDGE_MS
    return f"[0:v]settb=1/1000,setpts=PTS+{n},ass={ass_name},setpts=PTS-{n},format=yuv420p[v]"


def key_frames_expr() -> str:
    return f"expr:gte(t,n_forced*{KEY_EVERY_S})"
