"""What will be said: one SpeechItem per sentence, with the speakable (and diacritised) text and its voice."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import LanguageNotSupportedError, TransformError
from ..lang.speakable import speakable
from ..lang.tashkeel import diacritise
from ..model import Document, iter_sentences
from ..model.runs import has_foreign, runs
from ..model.text import base_lang
from .engines.base import TTSEngine, Voice
from .options import AudioOptions

ARABIC_SCRIPT = {"ar", "ary"}
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")  # INDH, PDR, ONEE: spelt letter by letter


@dataclass
class SpeechItem:
    index: int
    sentence_id: str
    text: str  # as written (captions show this)
    speak: str  # what the engine reads: numbers in words, Arabic diacritised
    lang: str
    kind: str  # "heading" | "sentence"
    depth: int  # section depth (chapters)
    section_id: str | None
    block_key: str  # sentences of one block share it (pauses between blocks are longer)
    voice: Voice | None = None
    error: TransformError | None = None  # no voice for this sentence's language
    # runs of the other script (transform.model.runs), each read with its own language's voice:
    # (speakable text, voice); None when the sentence is one run (most sentences)
    parts: list[tuple[str, Voice]] | None = None


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def collect(doc: Document) -> list[SpeechItem]:
    """Sentences in reading order with their speakable text (``notes["speakable"]`` wins when set)."""
    items: list[SpeechItem] = []
    for loc in iter_sentences(doc):
        s = loc.sentence
        source = s.notes.get("speakable") or s.text
        lang = loc.lang or doc.meta.lang
        speak = speakable(source, lang)
        if not _has_words(speak):
            continue  # punctuation, dashes of empty table cells: nothing to say
        block_key = loc.section.id + "/heading" if loc.block is None else f"{loc.section.id}/{id(loc.block)}"
        items.append(
            SpeechItem(
                index=len(items),
                sentence_id=s.id,
                text=" ".join(s.text.split()),
                speak=speak,
                lang=lang,
                kind="heading" if loc.role == "heading" else "sentence",
                depth=loc.depth,
                section_id=loc.section.id or None,
                block_key=block_key,
            )
        )
    return items


def assign_voices(items: list[SpeechItem], engine: TTSEngine, track_lang: str) -> list[str]:
    """Pick a voice per language once; returns the notes to report (e.g. Darija read as Arabic).

    The track's own language must have a voice (else :class:`LanguageNotSupportedError`);
    a sentence in another language without a voice is marked and reported as missing.
    """
    voices: dict[str, Voice | TransformError] = {}
    for lang in sorted({it.lang for it in items} | {track_lang}):
        try:
            voices[lang] = engine.voice_for(lang)
        except LanguageNotSupportedError as exc:
            voices[lang] = exc
    own = voices[track_lang]
    if isinstance(own, TransformError):
        raise own
    for it in items:
        v = voices[it.lang]
        if isinstance(v, Voice):
            it.voice = v
        else:
            it.error = v
    return sorted({v.note for v in voices.values() if isinstance(v, Voice) and v.note and any(i.voice is v for i in items)})


def prepare(doc: Document, track_lang: str, engine: TTSEngine, options: AudioOptions) -> tuple[list[SpeechItem], list[str]]:
    """Collect, assign voices and diacritise every Arabic/Darija sentence in one tashkeel call;
    then cut sentences holding runs of the other script into parts read by each run's voice."""
    items = collect(doc)
    notes = assign_voices(items, engine, track_lang)
    if options.diacritise:
        arabic = [it for it in items if base_lang(it.lang) in ARABIC_SCRIPT and it.voice is not None]
        for it, text in zip(arabic, diacritise([it.speak for it in arabic]), strict=True):
            it.speak = text
    split_runs(items, engine, track_lang)
    return items, notes


def spell_acronyms(text: str) -> str:
    """``INDH`` -> ``I N D H``: a Latin acronym inside Arabic is read letter by letter (French voice)."""
    return _ACRONYM.sub(lambda m: " ".join(m.group()), text)


def split_runs(items: list[SpeechItem], engine: TTSEngine, track_lang: str) -> None:
    """Set ``parts`` on each sentence whose speakable text has runs of the other script.

    A run's voice is the engine's voice for the run's language; a language the engine has no
    voice for keeps the sentence's voice. Neutral text (spaces, punctuation, numbers already in
    words) stays with the sentence. The written text, and so the timeline and captions, do not change.
    """
    voices: dict[str, Voice | None] = {}
    for it in items:
        if it.voice is None or not has_foreign(it.speak, it.lang):
            continue
        parts: list[tuple[str, Voice]] = []
        for r in runs(it.speak, it.lang, (track_lang,)):
            piece = it.speak[r.start : r.end]
            voice = it.voice
            if r.lang != it.lang:
                if r.lang not in voices:
                    try:
                        voices[r.lang] = engine.voice_for(r.lang)
                    except TransformError:
                        voices[r.lang] = None
                voice = voices[r.lang] or it.voice
                if base_lang(it.lang) in ARABIC_SCRIPT:
                    piece = spell_acronyms(piece)
            if not _has_words(piece):
                if parts:  # punctuation between runs: with the part before it (its pause)
                    parts[-1] = (parts[-1][0] + piece, parts[-1][1])
                continue
            if parts and parts[-1][1] == voice:
                parts[-1] = (parts[-1][0] + piece, voice)
            else:
                parts.append((piece, voice))
        it.parts = parts if len(parts) > 1 else None
        if len(parts) == 1 and parts[0][1] != it.voice:  # the whole sentence is in the other script
            it.voice = parts[0][1]
            it.speak = parts[0][0]
