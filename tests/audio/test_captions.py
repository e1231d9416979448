"""Caption cues from a timeline: limits, splitting inside sentences, RTL marks, SRT/WebVTT text."""

from __future__ import annotations

import re

from transform.audio.captions import build_captions, check_cues, make_captions, srt_text, visible_len, vtt_text, wrap_lines
from transform.audio.options import CaptionOptions
from transform.model import CaptionCue, Cue, Timeline

LONG_FR = (
    "Le conseil régional a voté, lors de sa session ordinaire du mois de mars, un budget de 2,8 milliards de dirhams "
    "et une enveloppe de 1 250 000 000 DH pour les routes rurales et les écoles communautaires."
)
LONG_AR = "صادق المجلس على الميزانية بمبلغ 1 250 000 000 درهم وخصص جزءا كبيرا منها للطرق القروية والمدارس الجماعاتية في الجهة."


def timeline() -> Timeline:
    return Timeline(
        lang="fr",
        cues=[
            Cue(sentence_id="h1", text="Le budget", lang="fr", begin_ms=0, end_ms=580, kind="heading"),
            Cue(sentence_id="s1", text=LONG_FR, lang="fr", begin_ms=1480, end_ms=14000),
            Cue(sentence_id="s2", text=LONG_AR, lang="ar", begin_ms=14240, end_ms=22000),
            Cue(sentence_id="s3", text="Merci.", lang="fr", begin_ms=22240, end_ms=22700),
        ],
        duration_ms=22700,
    )


def test_every_cue_obeys_the_limits() -> None:
    opt = CaptionOptions()
    result = build_captions(timeline(), opt)
    assert result.issues == []
    for c in result.cues:
        assert 1 <= len(c.lines) <= 2
        assert all(visible_len(ln) <= 42 for ln in c.lines)
        dur = c.end_ms - c.begin_ms
        assert 833 <= dur <= 7000
        chars = sum(visible_len(ln) for ln in c.lines) + len(c.lines) - 1
        assert chars / (dur / 1000) <= 17


def test_cues_divide_each_sentence_span_and_never_cross_it() -> None:
    tl = timeline()
    cues = make_captions(tl)
    by_sentence: dict[str, list[CaptionCue]] = {}
    for c in cues:
        by_sentence.setdefault(c.sentence_id, []).append(c)
    assert set(by_sentence) == {"h1", "s1", "s2", "s3"}
    assert len(by_sentence["s1"]) >= 3 and len(by_sentence["s2"]) >= 2  # long sentences are split
    for k, s in enumerate(tl.cues):
        parts = by_sentence[s.sentence_id]
        assert parts[0].begin_ms == s.begin_ms  # starts with the voice
        for a, b in zip(parts, parts[1:], strict=False):
            assert a.end_ms == b.begin_ms and s.begin_ms < a.end_ms < s.end_ms  # inner cut inside the span
        nxt = tl.cues[k + 1].begin_ms if k + 1 < len(tl.cues) else s.end_ms + 500
        assert s.end_ms <= parts[-1].end_ms <= nxt  # may linger, never into the next sentence
        last = parts[-1]
        assert last.end_ms <= s.end_ms + 500 or last.end_ms - last.begin_ms <= 833  # long lingering only for 5/6 s
        # the words are all there, in order
        assert " ".join(" ".join(p.lines) for p in parts) == s.text


def test_split_times_are_proportional_to_characters() -> None:
    tl = timeline()
    s1 = tl.cues[1]
    parts = [c for c in make_captions(tl) if c.sentence_id == "s1"]
    total = len(s1.text)
    chars_before = 0
    for p in parts[:-1]:
        chars_before += len(" ".join(p.lines)) + 1
        expected = s1.begin_ms + (s1.end_ms - s1.begin_ms) * chars_before / total
        assert abs(p.end_ms - expected) <= 1


def test_short_heading_lingers_to_the_minimum_duration() -> None:
    heading = [c for c in make_captions(timeline()) if c.sentence_id == "h1"][0]
    assert (heading.begin_ms, heading.end_ms) == (0, 833)


def test_line_breaks_prefer_punctuation_and_keep_numbers_whole() -> None:
    lines = wrap_lines("Le conseil a voté le budget, et la région paiera 1 250 000 000 DH.", 42, 2)
    assert lines == ["Le conseil a voté le budget,", "et la région paiera 1 250 000 000 DH."]
    ar = wrap_lines(LONG_AR[:70], 42, 2)
    assert all("1 250 000 000 درهم" in ln for ln in ar if "250" in ln)


def test_impossible_cue_is_reported() -> None:
    fast = Timeline(
        lang="fr", cues=[Cue(sentence_id="x", text="Anticonstitutionnellement " * 3, lang="fr", begin_ms=0, end_ms=900)]
    )
    result = build_captions(fast, CaptionOptions())
    rules = {i.rule for i in result.issues}
    assert "cps" in rules
    assert all(i.sentence_id == "x" for i in result.issues)
    assert check_cues(result.cues, CaptionOptions()) == result.issues
    word = Timeline(lang="fr", cues=[Cue(sentence_id="w", text="x" * 60, lang="fr", begin_ms=0, end_ms=6000)])
    assert {i.rule for i in build_captions(word).issues} == {"chars_per_line"}


def test_srt_marks_right_to_left_lines() -> None:
    cues = make_captions(timeline())
    srt = srt_text(cues)
    blocks = srt.strip().split("\n\n")
    assert blocks[0].splitlines()[1] == "00:00:00,000 --> 00:00:00,833"
    ar_lines = [ln for b in blocks for ln in b.splitlines()[2:] if re.search("[\u0600-\u06ff]", ln)]
    fr_lines = [ln for b in blocks for ln in b.splitlines()[2:] if re.search("[a-z]", ln)]
    assert ar_lines and all(ln.startswith("\u200f") for ln in ar_lines)
    assert fr_lines and not any("\u200f" in ln for ln in fr_lines)
    embed = srt_text(cues, rtl_mark="embed")
    assert "\u202b" in embed and "\u202c" in embed and "\u200f" not in embed


def test_webvtt_header_lang_spans_and_escaping() -> None:
    cues = make_captions(timeline())
    cues.append(CaptionCue(index=99, begin_ms=23000, end_ms=24000, lines=["a < b & c"], lang="fr", sentence_id="z"))
    vtt = vtt_text(cues, "fr")
    assert vtt.startswith("WEBVTT\nKind: captions\nLanguage: fr\n")
    assert "00:00:01.480 --> " in vtt
    assert "a &lt; b &amp; c" in vtt
    assert "<lang ar>\u200f" in vtt and vtt.count("<lang ar>") == vtt.count("</lang>") >= 2
    assert "<lang fr>" not in vtt
