"""Variable-frame-rate scaffolds: one frame per change, exact caption times, same picture and sound."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from transform.video import VideoOptions, make_scaffold
from transform.video.ass import ass_ms, change_times
from transform.video.scaffold import ScaffoldResult
from transform.video.vfr import KEY_EVERY_S, concat_script, frame_times

from ._media import frame_at, ocr, packets, seek_frame, streams
from ._narration import Narration, narrate, require_tools

LONG_FR = [
    ("heading", "Budget citoyen 2024"),
    ("sentence", "Le conseil régional a adopté le budget."),
    ("sentence", "Les écoles recevront des ordinateurs."),
    ("sentence", "Les routes des villages seront goudronnées."),
    ("sentence", "Chaque commune pourra demander une aide."),
    ("heading", "Eau potable"),
    ("sentence", "Le programme sera suivi par un comité."),
    ("sentence", "Les citoyens peuvent lire le budget en ligne."),
]


# -- pure parts -------------------------------------------------------------------------------


def test_change_times_are_the_ass_boundaries_before_the_end() -> None:
    assert ass_ms(1234) == 1230 and ass_ms(1235) == 1240 and ass_ms(-5) == 0
    assert change_times({0, 1230, 960, 4200, 5000}, 4200) == [0, 960, 1230]
    assert change_times(set(), 100) == [0]


def test_frame_times_end_just_before_the_narration_and_durations_add_up() -> None:
    times = frame_times([0, 960, 1500, 4190], 4200)
    assert times == [0, 960, 1500, 4190, 4198]
    script = concat_script("still.y4m", times, 4200)
    durations = [float(ln.split()[1]) for ln in script.splitlines() if ln.startswith("duration")]
    assert durations == [0.96, 0.54, 2.69, 0.008, 0.002]
    assert round(sum(durations) * 1000) == 4200
    assert script.count("file still.y4m") == len(times)
    assert frame_times([0, 5000], 4200) == [0, 4198]  # a change after the end is no frame


# -- rendered ---------------------------------------------------------------------------------

PLAIN = VideoOptions(signer_label=False)


@pytest.fixture(scope="module")
def long_fr(tmp_path_factory: pytest.TempPathFactory) -> Narration:
    require_tools()
    return narrate(tmp_path_factory.mktemp("vfr-fr"), "fr", "fr", LONG_FR)


@pytest.fixture(scope="module")
def vfr(long_fr: Narration, tmp_path_factory: pytest.TempPathFactory) -> ScaffoldResult:
    out = tmp_path_factory.mktemp("vfr") / "budget.fr.mp4"
    return make_scaffold(long_fr.timeline, long_fr.audio, long_fr.cues, PLAIN, out, title="Budget citoyen")


@pytest.fixture(scope="module")
def cfr(long_fr: Narration, tmp_path_factory: pytest.TempPathFactory) -> ScaffoldResult:
    out = tmp_path_factory.mktemp("cfr") / "budget.fr.mp4"
    opts = PLAIN.model_copy(update={"frame_rate_mode": "cfr"})
    return make_scaffold(long_fr.timeline, long_fr.audio, long_fr.cues, opts, out, title="Budget citoyen")


def _diff(a: Image.Image, b: Image.Image, box: tuple[int, int, int, int] = (0, 0, 1280, 720)) -> float:
    """Mean absolute difference per channel inside ``box`` (0 = identical, 255 = opposite)."""
    return sum(ImageStat.Stat(ImageChops.difference(a.crop(box), b.crop(box))).mean) / 3


@pytest.mark.slow
def test_streams_and_duration_equal_the_narration(vfr: ScaffoldResult, long_fr: Narration) -> None:
    st = {s["codec_type"]: s for s in streams(vfr.video)}
    assert st["video"]["codec_name"] == "h264" and st["audio"]["codec_name"] == "aac"
    assert st["subtitle"]["codec_name"] == "mov_text" and st["subtitle"]["tags"]["language"] == "fra"
    narration_s = long_fr.wav_ms / 1000
    assert abs(float(st["video"]["duration"]) - narration_s) <= 0.1
    assert abs(float(st["audio"]["duration"]) - narration_s) <= 0.1
    assert (st["video"]["width"], st["video"]["height"]) == (1280, 720)


@pytest.mark.slow
def test_one_frame_per_change_at_the_caption_times(vfr: ScaffoldResult, cfr: ScaffoldResult, long_fr: Narration) -> None:
    pk = packets(vfr.video)
    times = sorted(round(t * 1000) for t, _ in pk)
    boundaries = {ass_ms(c.begin_ms) for c in long_fr.cues}
    assert boundaries <= set(times)  # every caption starts a frame, at its own time (10 ms, the ASS resolution)
    assert len(pk) == vfr.frames <= 2 * len(long_fr.cues) + 4  # captions, title ends, the end frame
    assert len(pk) < long_fr.wav_ms * 15 / 1000 / 5  # not 15 frames a second
    assert len(packets(cfr.video)) >= long_fr.wav_ms * 15 / 1000 - 1  # the constant-rate mode keeps every frame
    assert pk[0] == (0.0, True)
    assert all(b - a <= KEY_EVERY_S + 5 for a, b in zip([t for t, k in pk if k], [t for t, k in pk if k][1:], strict=False))


@pytest.mark.slow
def test_caption_at_each_cue_midpoint_is_that_cue(vfr: ScaffoldResult, cfr: ScaffoldResult, long_fr: Narration, tmp_path: Path) -> None:
    cues = long_fr.cues
    mids = [(c.begin_ms + c.end_ms) / 2000 for c in cues]
    got = [frame_at(vfr.video, t, tmp_path) for t in mids]
    want = [seek_frame(cfr.video, t, tmp_path) for t in mids]  # constant rate: a frame every 67 ms, -ss is enough
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        assert _diff(g, w) < 1.5, f"cue {i + 1}: the variable-rate picture differs from the constant-rate one"
        other = want[(i + 1) % len(want)]
        assert _diff(g, other) > 3 * _diff(g, w) + 0.5, "the measure cannot tell two captions apart"
    cap = vfr.layout.captions
    text = ocr(got[3].crop((cap.x, cap.y, cap.right, cap.bottom)), "fra", tmp_path)
    assert "villages" in text and "goudronnées" in text, text


@pytest.mark.slow
def test_seek_to_a_later_cue_shows_that_cue(vfr: ScaffoldResult, long_fr: Narration, tmp_path: Path) -> None:
    cues = long_fr.cues
    c = vfr.layout.captions
    box = (c.x, c.y, c.right, c.bottom)
    for n in (6, len(cues) - 1, 2):
        at = ass_ms(cues[n].begin_ms) / 1000
        seek = seek_frame(vfr.video, at, tmp_path)  # ffmpeg -ss: from the key frame before, decoded up to `at`
        shown = frame_at(vfr.video, at + 0.005, tmp_path)  # decoded from the start
        before = frame_at(vfr.video, (cues[n - 1].begin_ms + cues[n - 1].end_ms) / 2000, tmp_path)
        assert _diff(seek, shown, box) < 1.0, f"seek to {at} s does not show cue {cues[n].index}"
        assert _diff(seek, before, box) > 5, "the measure cannot tell this cue from the one before"
    cap = vfr.layout.captions
    last = seek_frame(vfr.video, ass_ms(cues[-1].begin_ms) / 1000, tmp_path)
    assert "citoyens" in ocr(last.crop((cap.x, cap.y, cap.right, cap.bottom)), "fra", tmp_path)


PLAYER = """<!DOCTYPE html><html><head><style>body{margin:0;background:#000}video{display:block;width:1280px;height:720px}</style>
</head><body><video id="v" muted preload="auto" src="%s"></video><script>
const v = document.getElementById('v');
window.seekTo = (t) => new Promise((ok, bad) => {
  const done = () => { v.removeEventListener('seeked', done); requestAnimationFrame(() => requestAnimationFrame(() => ok(v.currentTime))); };
  v.addEventListener('seeked', done); v.currentTime = t; setTimeout(() => bad('no seeked event'), 15000);
});
window.ready = new Promise((ok) => { if (v.readyState >= 1) ok(v.duration); else v.addEventListener('loadedmetadata', () => ok(v.duration)); });
</script></body></html>"""


@pytest.mark.slow
def test_chromium_plays_and_seeks_the_variable_rate_video(vfr: ScaffoldResult, long_fr: Narration, tmp_path: Path) -> None:
    """A <video> in Chromium: duration of the narration, and after a seek (forwards and back) the
    picture is the caption of that moment (the frame that started before it, not the next one)."""
    from tests.browser import chromium

    page_path = vfr.video.parent / "player.html"
    page_path.write_text(PLAYER % vfr.video.name, encoding="utf-8")
    c = vfr.layout.captions
    box = (c.x, c.y, c.right, c.bottom)
    cues = long_fr.cues
    order = [6, 2, len(cues) - 1, 4]  # forwards, back, to the end, back again
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(page_path.as_uri())
        assert abs(page.evaluate("window.ready") - long_fr.wav_ms / 1000) <= 0.1
        for n in order:
            mid = (cues[n].begin_ms + cues[n].end_ms) / 2000
            assert abs(page.evaluate(f"window.seekTo({mid:.3f})") - mid) < 0.01
            shot_png = tmp_path / f"chromium_{n}.png"
            page.screenshot(path=str(shot_png))
            shot = Image.open(shot_png).convert("RGB")
            want = frame_at(vfr.video, mid, tmp_path)
            other = frame_at(vfr.video, (cues[n - 1].begin_ms + cues[n - 1].end_ms) / 2000, tmp_path)
            same, differ = _diff(shot, want, box), _diff(shot, other, box)
            assert same < 2.0 and differ > 3 * same + 3, f"cue {n + 1}: {same:.2f} vs {differ:.2f}"
