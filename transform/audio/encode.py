"""One ffmpeg run per track: the PCM file -> MP3 (and Opus/M4A); then ID3 title, language and chapters.

MP3 tags are written with mutagen: TIT2 (title), TLAN (ISO 639-2: ``ara`` for
Arabic and Darija, ``fra``, ``eng``), TXXX:language (the BCP-47 tag, e.g.
``ary``), and one CHAP frame per chapter plus a top-level ordered CTOC.
Opus and M4A get the same chapters through an ffmetadata file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mutagen.id3 import CHAP, CTOC, ID3, TIT2, TLAN, TXXX, CTOCFlags, ID3NoHeaderError

from .._exec import FFMPEG, ffmpeg, run
from ..errors import OutputError
from ..model import Chapter
from .narrate import Track
from .options import AudioOptions

ISO639_2 = {"ar": "ara", "ary": "ara", "fr": "fra", "en": "eng"}
TOC_TITLE = {"ar": "الفهرس", "ary": "الفهرس", "fr": "Table des matières", "en": "Contents"}


def iso639_2(lang: str) -> str:
    return ISO639_2.get(lang, ISO639_2.get(lang.split("-")[0], "und"))


def ffmetadata(chapters: list[Chapter], title: str | None, lang: str) -> str:
    return ffmpeg.chapters_metadata([(c.begin_ms, c.end_ms, c.title) for c in chapters], title=title, lang_tag=iso639_2(lang))


def encode_track(
    track: Track, out_base: Path, options: AudioOptions, *, title: str | None = None, timeout: float = 600.0
) -> dict[str, Path]:
    """Encode ``track`` to ``out_base.mp3`` (+ ``.opus``/``.m4a``); returns format -> path."""
    FFMPEG.require()
    outs: dict[str, Path] = {fmt: out_base.with_name(f"{out_base.name}.{fmt}") for fmt in options.formats}
    with tempfile.TemporaryDirectory(prefix="taysir-audio-") as tmp:
        meta = None
        if set(outs) - {"mp3"}:
            meta = Path(tmp) / "meta.txt"
            meta.write_text(ffmetadata(track.timeline.chapters, title, track.lang), encoding="utf-8")
        if track.spool is None:
            raise OutputError(f"The {track.lang} narration was already encoded and its samples removed.")
        # ffmpeg reads the samples from their file: the narration is never in memory whole.
        cmd = ffmpeg.encode_command(sample_rate=track.sample_rate, outputs=outs, bitrate_k=options.bitrate_k,
                                    mp3_quality=options.mp3_quality, lang_tag=iso639_2(track.lang), metadata=meta,
                                    source=track.spool.finish())
        run(cmd, tool="ffmpeg", timeout=timeout, hint=ffmpeg.HINT)
    if "mp3" in outs:
        write_id3(outs["mp3"], track.timeline.chapters, title, track.lang)
    return outs


def write_id3(path: Path, chapters: list[Chapter], title: str | None, lang: str) -> None:
    """Title, language and chapter frames (ID3v2.3 so that most players read them)."""
    try:
        tags = ID3(path)
    except ID3NoHeaderError:
        tags = ID3()
    for frame in ("TSSE", "CHAP", "CTOC", "TIT2", "TLAN", "TXXX:language"):
        tags.delall(frame)
    if title:
        tags.add(TIT2(encoding=3, text=[title]))
    tags.add(TLAN(encoding=3, text=[iso639_2(lang)]))
    tags.add(TXXX(encoding=3, desc="language", text=[lang]))
    ids = [f"chp{i}" for i in range(len(chapters))]
    for cid, ch in zip(ids, chapters, strict=True):
        tags.add(CHAP(element_id=cid, start_time=ch.begin_ms, end_time=ch.end_ms, sub_frames=[TIT2(encoding=3, text=[ch.title])]))
    if ids:
        toc_title = TIT2(encoding=3, text=[TOC_TITLE.get(lang, "Contents")])
        tags.add(
            CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids, sub_frames=[toc_title])
        )
    try:
        tags.save(path, v2_version=3)
    except OSError as exc:
        raise OutputError(f"Could not write the tags of {path.name}: {exc.strerror}.") from None
