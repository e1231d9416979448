"""The captioned scaffold video: one ffmpeg filter graph, no frame ever passes through Python.

``make_scaffold(timeline, audio, cues, options, out)`` works from plain
arguments (a Timeline, the narration file, caption cues), so it can be used
without the rest of the pipeline.

Graph: ``color`` source -> [logo overlay] -> ``ass`` (libass: placeholder, caption
bands, captions, titles) -> libx264 (``-tune stillimage``), narration -> AAC,
captions -> a ``mov_text`` soft track with an ISO 639-2 language tag.
"""

from __future__ import annotations

import logging
import math
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._exec import FFMPEG, ffmpeg, run
from ..errors import InputError, OutputError
from ..model import CaptionCue, Timeline
from ..subtitles import srt_text
from .ass import AssBuilder, TitleEvent, change_times
from .fonts import Font, is_arabic_script, resolve_font
from .layout import Layout, compute_layout, public_layout
from .meta import VideoMeta, sidecar_path
from .mp4flags import disable_text_tracks
from .options import VideoOptions
from .probe import probe
from .static import render_static
from .subtitles import LANG_NAMES, iso639_2, write_sidecars
from .vfr import burn_graph, concat_script, frame_times, key_frames_expr

log = logging.getLogger("transform.video")

MIN_TITLE_MS = 1500


@dataclass
class ScaffoldResult:
    video: Path
    meta_path: Path | None  # the region sidecar (``None`` for the citizens' video, which has no region)
    duration_ms: int
    layout: Layout
    sidecars: list[Path] = field(default_factory=list)
    ass_path: Path | None = None
    notes: list[str] = field(default_factory=list)  # what was adapted (font substituted, caption shrunk...)
    frames: int = 0  # video frames encoded (one per change of the picture in "vfr" mode)


class FontBook:
    """Fonts per script, resolved once; substitutions are remembered as notes."""

    def __init__(self, options: VideoOptions) -> None:
        self.options = options
        self._cache: dict[str, Font] = {}
        self.notes: list[str] = []

    def __call__(self, lang: str) -> Font:
        script = "arabic" if is_arabic_script(lang) else "latin"
        if script not in self._cache:
            wanted = self.options.font_arabic if script == "arabic" else self.options.font_latin
            font = resolve_font(wanted, script)
            self._cache[script] = font
            if font.note():
                self.notes.append(font.note() or "")
        return self._cache[script]


def title_events(timeline: Timeline, duration_ms: int) -> tuple[list[TitleEvent], list[TitleEvent]]:
    """Title cards at headings, and the running header shown for the rest of each chapter."""
    heads = [c for c in timeline.cues if c.kind == "heading"]
    titles: list[TitleEvent] = []
    if heads:
        for c in heads:
            titles.append(TitleEvent(c.begin_ms, min(duration_ms, max(c.end_ms, c.begin_ms + MIN_TITLE_MS)), c.text, c.lang))
    else:
        for ch in timeline.chapters:
            end = min(ch.end_ms, ch.begin_ms + max(MIN_TITLE_MS, 2500), duration_ms)
            titles.append(TitleEvent(ch.begin_ms, end, ch.title, timeline.lang))
    chapters = [(ch.begin_ms, ch.end_ms, ch.title) for ch in timeline.chapters]
    if not chapters and titles:
        starts = [t.begin_ms for t in titles] + [duration_ms]
        chapters = [(t.begin_ms, starts[i + 1], t.text) for i, t in enumerate(titles)]
    headers: list[TitleEvent] = []
    for begin, end, text in chapters:
        shown_from = max([t.end_ms for t in titles if begin <= t.begin_ms < end], default=begin)
        if end - shown_from > 300:
            headers.append(TitleEvent(shown_from, min(end, duration_ms), text, timeline.lang))
    return titles, headers


def _chapter_spans(timeline: Timeline, duration_ms: int) -> list[TitleEvent]:
    if timeline.chapters:
        return [
            TitleEvent(c.begin_ms, min(c.end_ms, duration_ms), c.title, timeline.lang)
            for c in timeline.chapters
            if c.begin_ms < duration_ms
        ]
    heads = [c for c in timeline.cues if c.kind == "heading" and c.begin_ms < duration_ms]
    starts = [c.begin_ms for c in heads] + [duration_ms]
    return [TitleEvent(c.begin_ms, starts[i + 1], c.text, timeline.lang) for i, c in enumerate(heads)]


def _logo_size(path: str | None) -> tuple[int, int] | None:
    if not path:
        return None
    p = Path(path)
    if not p.is_file():
        raise InputError(f"The logo image {path!r} does not exist.", hint="Give a PNG or JPEG file, or leave video.logo empty.")
    try:
        from PIL import Image

        with Image.open(p) as im:
            return im.size
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a bad image
        raise InputError(f"The logo {p.name!r} is not a readable image.", hint="Give a PNG or JPEG file.") from None


def ffmetadata(chapters: Sequence[tuple[int, int, str]]) -> str:
    """An ffmpeg metadata file with chapters (MP4 chapter track: players can jump between headings)."""

    def esc(v: str) -> str:
        return "".join("\\" + ch if ch in "=;#\\\n" else ch for ch in " ".join(v.split()))

    out = [";FFMETADATA1"]
    for begin, end, text in chapters:
        out += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={begin}", f"END={end}", f"title={esc(text)}"]
    return "\n".join(out) + "\n"


def scaffold_command(
    *,
    layout: Layout,
    options: VideoOptions,
    duration_ms: int,
    audio: Path | None,
    static_png: str,
    ass_name: str,
    srt_name: str | None,
    lang: str,
    out: Path,
    comment: str,
    title: str | None,
    chapters_name: str | None = None,
    concat_name: str | None = None,
    audio_start_ms: int = 0,
) -> list[str]:
    """The ffmpeg command line (run with the temp directory holding the PNG/ASS/SRT files as cwd).

    The static layer (background, signer placeholder, logo) is ONE picture. With
    ``concat_name`` (variable frame rate, see ``vfr.py``) it is shown once per change of the
    burned-in text, at the change's exact time; otherwise ``loop`` repeats it ``fps`` times a
    second. Only captions and titles are blended per frame (libass).
    """
    o = options
    dur = f"{duration_ms / 1000:.3f}"
    frames = max(1, math.ceil(duration_ms * o.fps / 1000))
    cmd = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    if concat_name:
        cmd += ["-f", "concat", "-safe", "0", "-i", concat_name]
    else:
        cmd += ["-framerate", str(o.fps), "-i", static_png]
    if audio is not None and audio_start_ms:  # one chapter of the narration: decoded from its start, exactly
        cmd += ["-ss", f"{audio_start_ms / 1000:.3f}", "-t", dur, "-i", str(audio)]
    elif audio is not None:
        cmd += ["-i", str(audio)]
    else:
        cmd += ["-f", "lavfi", "-t", dur, "-i", "anullsrc=r=48000:cl=mono"]
    n = 2
    sub_idx = chap_idx = None
    if srt_name:
        cmd += ["-f", "srt", "-i", srt_name]
        sub_idx, n = n, n + 1
    if chapters_name:
        cmd += ["-f", "ffmetadata", "-i", chapters_name]
        chap_idx = n
    if concat_name:
        graph = burn_graph(ass_name)
    else:
        graph = f"[0:v]format=yuv420p,loop=loop={frames - 1}:size=1:start=0,settb=1/{o.fps},setpts=N,ass={ass_name},format=yuv420p[v]"
    cmd += ["-filter_complex", graph, "-map", "[v]", "-map", "1:a:0"]
    if sub_idx is not None:
        cmd += ["-map", f"{sub_idx}:s:0"]
    tag = iso639_2(lang)
    cmd += [
        "-c:v",
        "libx264",
        "-preset",
        o.preset,
        "-tune",
        "stillimage",
        "-crf",
        str(o.crf),
        "-pix_fmt",
        "yuv420p",
    ]
    if concat_name:  # frames only where the picture changes, at their exact (ms) times
        # No B-frames: x264 would set each frame's decoding time two frames (seconds, here) early,
        # and MP4 players take the track's length from those times.
        cmd += ["-fps_mode", "vfr", "-video_track_timescale", "1000", "-force_key_frames", key_frames_expr(), "-bf", "0"]
    else:
        cmd += ["-r", str(o.fps), "-g", str(o.fps * 10)]
    cmd += ["-c:a", "aac", "-b:a", f"{o.audio_bitrate_k}k", "-ar", "48000"]
    cmd += ["-metadata:s:a:0", f"language={tag}", "-metadata:s:v:0", f"language={tag}"]
    if sub_idx is not None:
        name = LANG_NAMES.get(lang.split("-")[0], lang)
        cmd += [
            "-c:s",
            "mov_text",
            "-metadata:s:s:0",
            f"language={tag}",
            "-metadata:s:s:0",
            f"handler_name={name}",
            "-disposition:s:0",
            "0",  # off by default: the same captions are already burned into the picture
        ]
    cmd += ["-map_chapters", str(chap_idx) if chapters_name else "-1", "-metadata", f"comment={comment}"]
    if title:
        cmd += ["-metadata", f"title={title}"]
    cmd += ["-t", dur, "-movflags", "+faststart", str(out)]
    return cmd


def make_scaffold(
    timeline: Timeline,
    audio: Path | None,
    cues: Sequence[CaptionCue],
    options: VideoOptions | None = None,
    out: Path | str = "scaffold.mp4",
    *,
    title: str | None = None,
    sidecars: bool | Sequence[str] = True,
    keep_ass: bool = False,
    rtl_mark: str = "rlm",
    audio_span: tuple[int, int] | None = None,
    public: bool = False,
) -> ScaffoldResult:
    """Render the captioned scaffold of one language track to ``out`` (an .mp4).

    Args:
        timeline: sentence cues with times (``kind="heading"`` cues become title cards).
        audio: the narration (MP3/WAV...); ``None`` renders a silent track of the timeline's length.
        cues: caption cues (already broken into lines).
        options: look and encoding; defaults to ``VideoOptions()``.
        out: output path; ``<name>.video.json`` (and ``.srt``/``.vtt`` when ``sidecars``) are written next to it.
        title: the MP4 title tag.
        sidecars: also write SRT and WebVTT files next to the video (or only the formats listed, e.g. ``["vtt"]``).
        keep_ass: keep the generated ``.ass`` script next to the video (debugging).
        rtl_mark: how right-to-left lines are marked in the soft subtitles and sidecars (``CaptionOptions.rtl_mark``).
        audio_span: ``(begin_ms, end_ms)`` of ``audio`` to use (one chapter of a long narration); the
            timeline and cues are then the chapter's, starting at 0.
        public: render the citizens' video instead: no signer region and no burned-in captions (one caption
            layer: the player's switchable WebVTT track), titles across the full width, no region metadata.
    """
    options = options or VideoOptions()
    FFMPEG.require()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    lang = timeline.lang
    if audio is not None:
        info = probe(Path(audio), what="narration audio", timeout=min(60.0, options.timeout_s))
        if info.first("audio") is None:
            raise InputError(
                f"The narration {Path(audio).name!r} has no audio stream.", hint="Give the MP3 made by the audio output."
            )
        duration_ms = round(info.stream_duration("audio") * 1000)
        # An MP3's container duration includes encoder padding (tens of ms); the timeline,
        # measured from the decoded narration, is exact when it agrees with it.
        if timeline.duration_ms > 0 and abs(timeline.duration_ms - duration_ms) <= 500:
            duration_ms = timeline.duration_ms
        if audio_span is not None:
            if not 0 <= audio_span[0] < audio_span[1] <= duration_ms + 500:
                raise InputError(f"The span {audio_span} ms is not inside the narration ({duration_ms} ms).")
            duration_ms = audio_span[1] - audio_span[0]
    else:
        duration_ms = timeline.duration_ms or max((c.end_ms for c in timeline.cues), default=0)
    if duration_ms <= 0:
        raise InputError(
            "The timeline is empty: there is nothing to narrate or caption.",
            hint="Check that the document has text in this language.",
        )

    layout = (public_layout if public else compute_layout)(options, _logo_size(options.logo))
    fonts = FontBook(options)
    builder = AssBuilder(layout, options, fonts)
    titles, headers = title_events(timeline, duration_ms)
    kept = [c for c in cues if c.begin_ms < duration_ms]
    builder.add_all([] if public else kept, titles, headers)
    meta = VideoMeta.from_layout(
        layout,
        lang=lang,
        fps=options.fps,
        overlay_fps=options.overlay_fps,
        duration_ms=duration_ms,
        signer_fill=options.signer_fill,
    )
    with tempfile.TemporaryDirectory(prefix="taysir-video-") as tmp:
        work = Path(tmp)
        render_static(layout, options, lang, fonts, work / "static.png")
        concat_name = None
        n_frames = max(1, math.ceil(duration_ms * options.fps / 1000))
        if options.frame_rate_mode == "vfr":
            run(ffmpeg.still_y4m_command("static.png", "static.y4m"), tool="ffmpeg", timeout=60, cwd=work)
            times = frame_times(change_times(builder.times, duration_ms), duration_ms)
            (work / "frames.ffconcat").write_text(concat_script("static.y4m", times, duration_ms), encoding="utf-8")
            concat_name, n_frames = "frames.ffconcat", len(times)
        (work / "burn.ass").write_text(builder.script(title or "Taysir"), encoding="utf-8")
        chapter_spans = [(h.begin_ms, h.end_ms, h.text) for h in _chapter_spans(timeline, duration_ms)]
        chapters_name = None
        if chapter_spans:
            (work / "chapters.txt").write_text(ffmetadata(chapter_spans), encoding="utf-8")
            chapters_name = "chapters.txt"
        srt_name = None
        if kept:
            (work / "soft.srt").write_text(srt_text(kept, rtl_mark), encoding="utf-8")
            srt_name = "soft.srt"
        partial = work / "out.mp4"
        cmd = scaffold_command(
            layout=layout,
            options=options,
            duration_ms=duration_ms,
            audio=Path(audio).resolve() if audio else None,
            static_png="static.png",
            ass_name="burn.ass",
            srt_name=srt_name,
            chapters_name=chapters_name,
            concat_name=concat_name,
            audio_start_ms=audio_span[0] if audio and audio_span else 0,
            lang=lang,
            out=partial,
            comment="" if public else meta.comment(),  # no region: `taysir overlay` refuses it
            title=title,
        )
        # A long narration needs longer than the default bound: allow 1.5 s of wall time per second of video.
        timeout = max(options.timeout_s, 60 + 1.5 * duration_ms / 1000)
        run(cmd, tool="ffmpeg", timeout=timeout, cwd=work, hint="Check the narration file and the video options.")
        if not partial.is_file() or partial.stat().st_size == 0:
            raise OutputError("ffmpeg finished but wrote no video.", hint="Run with -vv to see the ffmpeg command.")
        disable_text_tracks(partial)  # soft subtitles available, not shown by default (burned in, or the page's track)
        shutil.move(str(partial), out)
        ass_path = None
        if keep_ass:
            ass_path = out.with_suffix(".ass")
            shutil.copy(work / "burn.ass", ass_path)
    meta_path = None if public else sidecar_path(out)
    if meta_path is not None:
        meta_path.write_text(meta.model_dump_json(indent=1), encoding="utf-8")
    formats = ("srt", "vtt") if sidecars is True else tuple(sidecars or ())
    written = write_sidecars(kept, lang, out.with_suffix(""), formats, rtl_mark) if formats else []
    notes = fonts.notes + builder.notes
    for n in notes:
        log.info("%s: %s", out.name, n)
    return ScaffoldResult(
        video=out,
        meta_path=meta_path,
        duration_ms=duration_ms,
        layout=layout,
        sidecars=written,
        ass_path=ass_path,
        notes=notes,
        frames=n_frames,
    )
