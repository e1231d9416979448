"""A long narration as one video per top-level section, with a playlist and an index page."""

from __future__ import annotations

import json
import re
import subprocess
from fnmatch import fnmatch
from pathlib import Path

import numpy as np
import pytest

from service.publishing import STAFF_ONLY
from transform.model import CaptionCue, Chapter, Cue, Timeline
from transform.options import TransformOptions
from transform.video import VideoOptions
from transform.video.layout import compute_layout
from transform.video.parts import Part, index_html, playlist_m3u, slice_cues, slice_timeline, split_parts

from ._media import frame_at, ocr, streams
from ._narration import require_tools


def _tl() -> Timeline:
    cues = [
        Cue(sentence_id="p0", text="Avant", lang="fr", begin_ms=0, end_ms=900),
        Cue(sentence_id="h1", text="Un", lang="fr", begin_ms=1800, end_ms=2400, kind="heading", section_id="s1"),
        Cue(sentence_id="a", text="Phrase a", lang="fr", begin_ms=3300, end_ms=5000, section_id="s1"),
        Cue(sentence_id="h11", text="Sous", lang="fr", begin_ms=5900, end_ms=6400, kind="heading", section_id="s1-1"),
        Cue(sentence_id="h2", text="Deux", lang="fr", begin_ms=7300, end_ms=7800, kind="heading", section_id="s2"),
        Cue(sentence_id="h2b", text="suite", lang="fr", begin_ms=8000, end_ms=8500, kind="heading", section_id="s2"),
        Cue(sentence_id="b", text="Phrase b", lang="fr", begin_ms=9400, end_ms=11000, section_id="s2"),
    ]
    chapters = [
        Chapter(title="Doc", begin_ms=0, end_ms=1800),
        Chapter(title="Un", begin_ms=1800, end_ms=5900, section_id="s1"),
        Chapter(title="Sous", begin_ms=5900, end_ms=7300, section_id="s1-1"),
        Chapter(title="Deux suite", begin_ms=7300, end_ms=11000, section_id="s2"),
    ]
    return Timeline(lang="fr", cues=cues, chapters=chapters, duration_ms=11000)


def test_parts_start_at_top_level_headings_only() -> None:
    parts = split_parts(_tl(), {"s1", "s2"}, "Doc")
    assert [(p.number, p.title, p.begin_ms, p.end_ms) for p in parts] == [
        (1, "Doc", 0, 1800),
        (2, "Un", 1800, 7300),  # the sub-section stays in its section's video
        (3, "Deux suite", 7300, 11000),  # a heading read as two sentences starts one part
    ]
    assert sum(p.duration_ms for p in parts) == 11000
    assert split_parts(_tl(), {"s2"}, "Doc")[0].end_ms == 7300
    assert split_parts(_tl(), set(), "Doc") == []  # no top-level heading: one video


def test_slices_restart_at_zero_and_keep_only_their_part() -> None:
    tl = _tl()
    part = Part(2, "Un", 1800, 7300, "s1")
    sub = slice_timeline(tl, part)
    assert [(c.sentence_id, c.begin_ms, c.end_ms) for c in sub.cues] == [("h1", 0, 600), ("a", 1500, 3200), ("h11", 4100, 4600)]
    assert [(c.title, c.begin_ms, c.end_ms) for c in sub.chapters] == [("Un", 0, 4100), ("Sous", 4100, 5500)]
    assert sub.duration_ms == 5500
    caps = [
        CaptionCue(index=i + 1, begin_ms=c.begin_ms, end_ms=c.end_ms + 300, lines=[c.text], lang="fr", sentence_id=c.sentence_id)
        for i, c in enumerate(tl.cues)
    ]
    got = slice_cues(caps, part)
    assert [(c.index, c.lines[0], c.begin_ms, c.end_ms) for c in got] == [(1, "Un", 0, 900), (2, "Phrase a", 1500, 3500), (3, "Sous", 4100, 4900)]


def test_playlist_and_index_name_every_part_in_order(tmp_path: Path) -> None:
    parts = split_parts(_tl(), {"s1", "s2"}, "Doc")
    videos = [tmp_path / f"d.ar.part{p.number:02d}.mp4" for p in parts]
    m3u = playlist_m3u(parts, videos, "الميزانية")
    assert m3u.splitlines() == [
        "#EXTM3U", "#EXTENC:UTF-8", "#PLAYLIST:الميزانية",
        "#EXTINF:2,Doc", "d.ar.part01.mp4", "#EXTINF:6,Un", "d.ar.part02.mp4", "#EXTINF:4,Deux suite", "d.ar.part03.mp4",
    ]  # fmt: skip
    files = [{"mp4": v, "vtt": v.with_suffix(".vtt"), "cuesheet": v.with_suffix(".cuesheet.html")} for v in videos]
    page = index_html("ar", "الميزانية", parts, files, tmp_path / "d.ar.m3u")
    assert '<html lang="ar" dir="rtl">' in page and "<h1>الميزانية</h1>" in page
    assert re.findall(r'<video [^>]*src="([^"]+)"', page) == [v.name for v in videos]
    assert page.count('<track kind="captions"') == 3 and 'srclang="ar"' in page
    assert "الجزء 2: Un" in page and 'href="d.ar.m3u"' in page


# -- end to end -------------------------------------------------------------------------------

DOC = """# Budget citoyen

Le conseil régional a adopté le budget de cette année.

## Les détails

Les crédits sont répartis entre les provinces.

# Deuxième partie écoles

Les écoles recevront des ordinateurs et des livres.

# Troisième partie routes

Les routes des villages seront goudronnées.
"""


def _pcm(path: Path, start_s: float = 0, dur_s: float | None = None) -> np.ndarray:
    cmd = ["ffmpeg", "-v", "error", "-ss", f"{start_s:.3f}", *(["-t", f"{dur_s:.3f}"] if dur_s else []), "-i", str(path)]
    out = subprocess.run([*cmd, "-f", "s16le", "-ac", "1", "-ar", "8000", "-"], capture_output=True, check=True, timeout=60)
    return np.frombuffer(out.stdout, dtype="<i2").astype(np.float64)


def _envelope(x: np.ndarray, win: int = 400) -> np.ndarray:
    n = len(x) // win
    return np.sqrt((x[: n * win].reshape(n, win) ** 2).mean(axis=1))


def _bright(img: object, rect: object) -> int:
    """Pixels of caption text (white) in ``rect``."""
    return sum(1 for x in range(rect.x, rect.right, 2) for y in range(rect.y, rect.bottom, 2)  # type: ignore[attr-defined]
               if min(img.getpixel((x, y))) > 200)  # type: ignore[attr-defined]


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    n = min(len(a), len(b))
    return float(np.corrcoef(a[:n], b[:n])[0, 1])


@pytest.mark.slow
def test_long_narration_becomes_one_video_per_section(tmp_path: Path) -> None:
    require_tools("tesseract")
    from transform import convert

    src = tmp_path / "budget.md"
    src.write_text(DOC, encoding="utf-8")
    opts = TransformOptions(
        outputs=["video"], languages=["fr"], video={"split_after_min": 0.05, "cue_sheet_pdf": True}  # type: ignore[arg-type]
    )
    res = convert(src, opts, tmp_path / "out")
    assert res.status.value == "success", res.errors
    out = Path(res.output_dir or "")
    tl = Timeline.model_validate_json((out / "budget.fr.timeline.json").read_text(encoding="utf-8"))
    scaffolds = sorted(out.glob("budget.fr.part*.scaffold.mp4"))
    assert [v.name for v in scaffolds] == [f"budget.fr.part0{i}.scaffold.mp4" for i in (1, 2, 3)]
    videos = [out / f"budget.fr.part0{i}.mp4" for i in (1, 2, 3)]  # the citizens' videos
    assert all(v.is_file() for v in videos)
    assert not (out / "budget.fr.mp4").exists() and not (out / "budget.fr.scaffold.mp4").exists()
    heads = [c for c in tl.cues if c.kind == "heading" and not c.text.startswith("Les détails")]
    starts = [c.begin_ms for c in heads] + [tl.duration_ms]
    assert starts[0] == 0
    total = 0.0
    for i, (sc, v) in enumerate(zip(scaffolds, videos, strict=True)):
        want = (starts[i + 1] - starts[i]) / 1000
        for f in (sc, v):
            st = {s["codec_type"]: s for s in streams(f)}
            assert abs(float(st["video"]["duration"]) - want) <= 0.1 and abs(float(st["audio"]["duration"]) - want) <= 0.1
        total += float(st["video"]["duration"])
        meta = json.loads(sc.with_name(sc.stem + ".video.json").read_text(encoding="utf-8"))
        assert meta["signer"]["w"] > 0 and meta["duration_ms"] == starts[i + 1] - starts[i]
        assert not v.with_name(v.stem + ".video.json").exists()  # the citizens' video has no signer region
    assert abs(total - tl.duration_ms / 1000) <= 0.15
    # The sound of part 2 is the narration from the second section's heading on (and a cut 1 s off is not).
    narration = out / "budget.fr.mp3"
    span = (starts[2] - starts[1]) / 1000
    for v in (scaffolds[1], videos[1]):
        part2 = _envelope(_pcm(v))
        assert _corr(part2, _envelope(_pcm(narration, starts[1] / 1000, span))) > 0.95
        assert _corr(part2, _envelope(_pcm(narration, starts[1] / 1000 + 1.0, span))) < 0.8
        # The title card of part 2 is its section's heading.
        assert "écoles" in ocr(frame_at(v, 0.5, tmp_path), "fra", tmp_path).lower()
    # The scaffold of part 3 has its caption burned in; the citizens' part 3 has none (its captions are the VTT).
    cue = next(c for c in tl.cues if "goudronnées" in c.text)
    t = (cue.begin_ms + cue.end_ms) / 2000 - starts[2] / 1000
    band = compute_layout(VideoOptions()).captions
    assert _bright(frame_at(scaffolds[2], t, tmp_path), band) > 50
    assert _bright(frame_at(videos[2], t, tmp_path), band) == 0
    # Playlist, index and the per-part cue sheets and captions.
    m3u = (out / "budget.fr.m3u").read_text(encoding="utf-8").splitlines()
    assert [ln for ln in m3u if ln.endswith(".mp4")] == [v.name for v in videos]
    assert [ln.split(",", 1)[1] for ln in m3u if ln.startswith("#EXTINF")] == [c.text for c in heads]
    page = (out / "budget.fr.videos.html").read_text(encoding="utf-8")
    assert re.findall(r'<video [^>]*src="([^"]+)"', page) == [v.name for v in videos]
    for m in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert (out / m).is_file(), m
        assert not any(fnmatch(m, p) for p in STAFF_ONLY), m  # the public page links no staff file
    staff = [*scaffolds, *(out / f"budget.fr.part0{i}.{x}" for i in (1, 2, 3) for x in ("scaffold.video.json", "cuesheet.html"))]
    assert all(f.is_file() and any(fnmatch(f.name, p) for p in STAFF_ONLY) for f in staff)
    sheet2 = (out / "budget.fr.part02.cuesheet.html").read_text(encoding="utf-8")
    assert "ordinateurs" in sheet2 and "goudronnées" not in sheet2 and "conseil" not in sheet2
    # each part has its printable sheet too (drawn in-process), holding that part's sentences only
    pdfs = [out / f"budget.fr.part0{i}.cuesheet.pdf" for i in (1, 2, 3)]
    assert all(f.is_file() and fnmatch(f.name, "*.cuesheet.*") for f in pdfs)
    pdf2 = subprocess.run(["pdftotext", "-layout", str(pdfs[1]), "-"], capture_output=True, text=True, timeout=60, check=True).stdout
    assert "ordinateurs" in pdf2 and "goudronnées" not in pdf2
    assert {a.name for a in res.artifacts} >= {f.name for f in pdfs}
    vtt3 = (out / "budget.fr.part03.vtt").read_text(encoding="utf-8")
    assert "goudronnées" in vtt3 and "00:00:00.000 -->" in vtt3
    assert (out / "budget.fr.cuesheet.html").is_file() and (out / "budget.fr.teleprompter.vtt").is_file()
