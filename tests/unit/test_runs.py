"""Runs of another script inside a sentence (transform.model.runs)."""

from __future__ import annotations

from transform.model.runs import Run, pieces, runs


def test_arabic_name_in_a_french_sentence_punctuation_with_the_sentence() -> None:
    text = "la commune de أفورار, province"
    assert runs(text, "fr") == [Run(0, 14, "fr", "ltr"), Run(14, 20, "ar", "rtl"), Run(20, 30, "fr", "ltr")]
    assert text[14:20] == "أفورار"


def test_latin_acronyms_in_an_arabic_sentence_and_numbers_never_split() -> None:
    got = pieces("أطلقت INDH برنامج PDR 2 phase سنة 2026 في Afourar.", "ar", ["ar", "fr"])
    assert got == [
        ("أطلقت ", "ar", "rtl"),
        ("INDH", "fr", "ltr"),
        (" برنامج ", "ar", "rtl"),
        ("PDR 2 phase", "fr", "ltr"),  # a number between two Latin words stays in the Latin run
        (" سنة 2026 في ", "ar", "rtl"),  # between the two scripts: with the sentence
        ("Afourar", "fr", "ltr"),
        (".", "ar", "rtl"),
    ]
    # the runs cover the text, in order
    assert "".join(p for p, _, _ in got) == "أطلقت INDH برنامج PDR 2 phase سنة 2026 في Afourar."


def test_one_run_without_the_other_script_and_whole_sentence_in_the_other_script() -> None:
    assert runs("Le budget 2026 : 1 250 000 DH.", "fr") == [Run(0, 30, "fr", "ltr")]
    assert runs("", "ar") == [Run(0, 0, "ar", "rtl")]
    assert pieces("قال، هل؟", "fr") == [("قال، هل؟", "ar", "rtl")]  # a heading in the other language
    assert pieces("INDH.", "ary") == [("INDH.", "fr", "ltr")]


def test_document_languages_choose_the_language_of_a_run() -> None:
    assert pieces("Le mot واش", "fr", ["fr", "ary"])[1] == ("واش", "ary", "rtl")
    assert pieces("كلمة word", "ar", ["ar", "en"])[1] == ("word", "en", "ltr")
    assert pieces("كلمة mot", "ar", ["ar", "en", "fr"])[1] == ("mot", "fr", "ltr")


def test_marks_stay_on_their_word() -> None:
    text = "Le nom الرَّحْمٰنِ est cité"
    (_, (name, lang, _), _) = pieces(text, "fr")
    assert name == "الرَّحْمٰنِ" and lang == "ar"


def test_caption_isolates_never_cut_an_entity_or_a_tag() -> None:
    from transform.model import CaptionCue
    from transform.subtitles import LRI, PDI, RLI, isolate_runs, vtt_text

    assert isolate_runs("la commune de أفورار, province", "fr") == f"la commune de {RLI}أفورار{PDI}, province"
    assert isolate_runs(isolate_runs("قال INDH.", "ar"), "ar") == f"قال {LRI}INDH{PDI}."  # idempotent
    assert isolate_runs("و 3 &lt; 4 &amp; 5", "ar") == "و 3 &lt; 4 &amp; 5"  # escaped WebVTT: no Latin run
    cue = CaptionCue(index=1, begin_ms=0, end_ms=2000, lines=["المبلغ < 5 INDH"], lang="ar", sentence_id="s1")
    assert f"\u200fالمبلغ &lt; 5 {LRI}INDH{PDI}" in vtt_text([cue], "ar")
    assert "\u2066" not in vtt_text([cue], "ar", rtl_mark="none")
