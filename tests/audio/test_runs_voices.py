"""Runs of the other script read by their own voice (issue 20), with the real espeak-ng."""

from __future__ import annotations

from pathlib import Path

from transform import TransformOptions
from transform.audio.options import AudioOptions
from transform.audio.render import AudioRenderer
from transform.audio.speech import spell_acronyms
from transform.context import RunContext
from transform.model import Timeline
from transform.model.tracks import split_tracks

from .conftest import RecordingEspeak, doc, needs_tools

pytestmark = needs_tools

AR = "أطلقت المبادرة الوطنية INDH برنامجا في Afourar."
FR = "La commune de أفورار a voté le budget."


def test_acronyms_are_spelt_letter_by_letter() -> None:
    assert spell_acronyms("INDH et PDR2 à Afourar") == "I N D H et P D R 2 à Afourar"


def test_each_run_is_read_by_its_language_voice_and_the_timeline_text_is_unchanged(tmp_path: Path) -> None:
    document = doc("ar", [("المبادرة", [[(AR, None)]]), ("Le budget", [[(FR, None)]], "fr")])
    RecordingEspeak.sent.clear()
    options = TransformOptions(outputs=["audio"], audio=AudioOptions(engine="espeak-recording", formats=["mp3"]))
    ctx = RunContext(options=options, out_dir=tmp_path, stem="runs", document=document, tracks=split_tracks(document))
    AudioRenderer().render(ctx)
    sent = RecordingEspeak.sent
    assert ("I N D H", "fr") in sent  # the acronym, letter by letter, French voice
    assert ("Afourar.", "fr") in sent  # the full stop with the run before it
    assert ("La commune de ", "fr") in sent and (" a voté le budget.", "fr") in sent
    # the name alone (diacritised or not), Arabic voice
    assert any("".join(ch for ch in t if ch.isalpha()) == "أفورار" for t, v in sent if v == "ar")
    assert not any("INDH" in t or "Afourar" in t for t, v in sent if v == "ar")  # no Latin word left to the Arabic voice
    assert not any("أ" in t for t, v in sent if v == "fr")  # no Arabic letter left to the French voice
    ar = Timeline.model_validate_json((tmp_path / "runs.ar.timeline.json").read_text(encoding="utf-8"))
    (cue,) = [c for c in ar.cues if c.text == AR]  # captions still show the written sentence
    assert [lang for lang, _ in cue.voices] == ["ar", "fr", "ar", "fr"]  # the final full stop goes with Afourar
    assert cue.end_ms - cue.begin_ms > 2000
    fr = Timeline.model_validate_json((tmp_path / "runs.fr.timeline.json").read_text(encoding="utf-8"))
    (cue,) = [c for c in fr.cues if c.text == FR]
    assert [lang for lang, _ in cue.voices] == ["fr", "ar", "fr"]
    assert all(not c.voices for c in fr.cues if c.text != FR)
