"""Translation memory in the library: every approval counts.

Real formal sentences (the advisory opinion of tests/darija_refset) are converted, reviewed, approved;
converting again reuses every approved segment; a new version with about one sentence in ten changed
reuses the rest and offers the approved translation of the changed ones, with the words that changed,
without applying it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from transform import convert
from transform.model import iter_sentences
from transform.options import TransformOptions
from transform.simplify.memory import FileMemory, ListMemory, MemoryEntry, memory_key, numbers_of
from transform.simplify.reuse import Recall, approved_entries, describe, differences
from transform.simplify.review import apply_edits, approve, load_document, segments
from transform.simplify.review_file import export_review

from .conftest import REFSET

ROOT = Path(__file__).resolve().parents[2]


def opinion_sentences() -> list[str]:
    """The 28 real sentences of the CESE advisory opinion (word for word from the published PDF)."""
    rows = [line.split("\t") for line in (REFSET / "msa_real.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    out = [r[1] for r in rows if r[3] == "cese-ar-avis-biodiversite-2025"]
    assert len(out) == 28
    return out


# about one sentence in ten changed (3 of 28): a percentage, a word, an area: (old, new, word changed, new word)
CHANGES = [("75 في المائة من الأصناف", "80 في المائة من الأصناف", "75", "80"), ("النُظم سليمة", "النُظم متوازنة", "سليمة", "متوازنة"),
           ("13.300 هكتار", "14.300 هكتار", "13.300", "14.300")]


def _write(path: Path, sentences: list[str]) -> Path:
    path.write_text("# التنوع البيولوجي\n\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
    return path


def _convert(src: Path, out: Path, tmx: Path | None = None, **memory: object) -> tuple[object, list]:  # type: ignore[type-arg]
    opts = TransformOptions(outputs=["darija"])
    if tmx is not None:
        opts.simplify.memory.tmx = str(tmx)
    for k, v in memory.items():
        setattr(opts.simplify.memory, k, v)
    res = convert(src, opts, out)
    assert res.status.value == "success", res.errors
    draft = load_document(Path(res.output_dir) / f"{src.stem}.ary.draft.json")
    return draft, segments(draft)


@pytest.fixture
def approved(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """v1 converted, one segment edited by a reviewer, approved with the memory: (source, memory file, key -> approved text)."""
    src = _write(tmp_path / "avis.md", opinion_sentences())
    tmx = tmp_path / "memory.tmx"
    draft, segs = _convert(src, tmp_path / "v1", tmx)
    assert all(s.status != "from_memory" for s in segs)
    edited_seg = next(s for s in segs if "سوس" in s.source)
    edited, _ = apply_edits(draft, {edited_seg.id: "المجلس مشى حتى لجهة سوس ماسة باش يشوف بعينيه."}, "Khadija")
    ok, record = approve(edited, "Amina", memory=FileMemory(tmx))
    assert record["memory_learned"] == len(segs) and tmx.exists()
    texts = {memory_key(s.source): s.text for s in segments(ok)}
    return src, tmx, texts


def test_a_document_converted_again_comes_entirely_from_memory(approved: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    src, tmx, texts = approved
    draft, segs = _convert(src, tmp_path / "v1bis", tmx)
    assert len(segs) == len(texts) > 20
    assert [s.status for s in segs] == ["from_memory"] * len(segs)  # 100 % of the segments
    for s in segs:
        assert s.text == texts[memory_key(s.source)]  # the approved text, as approved (the reviewer's edit included)
        assert "Amina" in s.reasons[0]
    assert any(s.text == "المجلس مشى حتى لجهة سوس ماسة باش يشوف بعينيه." for s in segs)
    report = json.loads((tmp_path / "v1bis" / "avis" / "avis.ary.quality.json").read_text(encoding="utf-8"))
    assert {s["status"] for s in report["segments"]} == {"from_memory"}
    assert report["provenance"]["memory"].startswith(f"{len(segs)} of {len(segs)} segments from the translation memory")
    assert "| from_memory" in export_review(draft)  # the review file shows the status
    first = next(iter_sentences(draft)).sentence
    assert first.notes["engine"] == "memory" and json.loads(first.notes["memory"])["approved_by"] == "Amina"
    assert first.notes["speakable"] and not any(ch.isdigit() for ch in first.notes["speakable"])  # audio reads words


def test_a_new_version_reuses_the_rest_and_offers_the_changed_sentences(approved: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    _src, tmx, texts = approved
    sentences = opinion_sentences()
    for old, new, _w, _n in CHANGES:
        i = next(i for i, s in enumerate(sentences) if old in s)
        sentences[i] = sentences[i].replace(old, new)
    v2 = _write(tmp_path / "avis-v2.md", sentences)
    draft, segs = _convert(v2, tmp_path / "v2", tmx)
    changed = [s for s in segs if memory_key(s.source) not in texts]
    assert len(changed) == len(CHANGES) and len(segs) == len(texts)
    for s in segs:
        if s in changed:
            continue
        assert s.status == "from_memory" and s.text == texts[memory_key(s.source)]
    firsts: dict[str, object] = {}
    for loc in iter_sentences(draft):
        firsts.setdefault(loc.sentence.notes.get("segment", loc.sentence.id), loc.sentence)
    for s, (_old, _new, stored_word, new_word) in zip(changed, CHANGES, strict=True):
        assert s.status != "from_memory"
        offers = json.loads(firsts[s.id].notes["memory_offers"])  # type: ignore[attr-defined]
        best = offers[0]
        assert best["similarity"] >= 75 and best["approved_by"] == "Amina"
        assert s.text != best["darija"]  # offered, never applied
        assert {"op": "replace", "old": stored_word, "new": new_word} in best["changes"]
        assert f"«{stored_word}» → «{new_word}»" in best["differences"]
        assert any(r.startswith("translation memory: a ") and "not applied" in r for r in s.reasons)  # the reviewer sees it
    assert "not applied" in export_review(draft)


def test_a_changed_number_is_never_an_exact_match(tmp_path: Path) -> None:
    mem = ListMemory([MemoryEntry("خصصت الجهة 12 مليون درهم للطرق.", "ar", "الجهة خصصات 12 مليون درهم للطرق.")])
    same = "خصصت الجهـــة ١٢  مليون درهم للطرق."  # tatweel, Arabic-Indic digits, spaces
    other = "خصصت الجهة 13 مليون درهم للطرق."
    recall = Recall(mem, [("ar", same), ("ar", other)])
    assert recall.exact("ar", same) is not None
    assert recall.exact("ar", other) is None
    offer = recall.offers("ar", other)[0]
    assert offer.similarity >= 75 and describe(offer.changes) == "«12» → «13»"
    assert numbers_of(same) == ["12"] != numbers_of(other)


def test_keys_normalise_only_what_the_brief_says() -> None:
    assert memory_key("الجهـــة\u00a0 ١٢٣ ﻻ") == "الجهة 123 لا"  # tatweel, NBSP, Arabic-Indic digits, lam-alef ligature
    assert memory_key("كَتَبَ\u200f") == "كتب"  # diacritics and invisible marks
    assert memory_key("2,8 مليار") != memory_key("2.8 مليار")  # punctuation of numbers is kept
    assert memory_key("Le conseil") != memory_key("le conseil")


def test_dissimilar_sentences_are_not_offered() -> None:
    """The offer threshold rejects a bad candidate: a sentence sharing a few words only (measure tested on a bad case)."""
    stored = "وقد صادقت الجمعية العامة للمجلس على هذا الرأي بالإجماع خلال دورتها العادية بتاريخ 22 دجنبر 2025."
    unrelated = "وقد صادقت اللجنة على برنامج الطرق القروية في إقليم أزيلال بتاريخ 3 مارس 2024."
    close = stored.replace("بالإجماع", "بالأغلبية")
    recall = Recall(ListMemory([MemoryEntry(stored, "ar", "الجمعية العامة وافقات على هاد الرأي ف 22 دجنبر 2025.")]),
                    [("ar", unrelated), ("ar", close)])
    assert recall.offers("ar", unrelated) == []
    assert [c.new for c in recall.offers("ar", close)[0].changes] == ["بالأغلبية"]


def test_differences_name_inserted_and_removed_words() -> None:
    ch = differences("الجهة غادي تبني 12 مدرسة ف أزيلال", "الجهة غادي تبني 12 مدرسة جديدة ف خنيفرة")
    assert describe(ch) == "new «جديدة», «أزيلال» → «خنيفرة»"
    assert describe(differences("a b c d", "a c d")) == "gone «b»"


def test_options_turn_reuse_and_offers_off(approved: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    src, tmx, _texts = approved
    _draft, segs = _convert(src, tmp_path / "off", tmx, reuse=False, fuzzy=False)
    assert not any(s.status == "from_memory" or any("translation memory" in r for r in s.reasons) for s in segs)


def test_approved_entries_skip_segments_without_darija(tmp_path: Path) -> None:
    """A French sentence still waiting for a translator is not learned; once translated, it is, and comes back."""
    src = tmp_path / "cr.md"
    src.write_text("# Séance\n\nLe conseil prend acte des observations palabrées par les membres présents.\n", encoding="utf-8")
    tmx = tmp_path / "m.tmx"
    draft, segs = _convert(src, tmp_path / "a", tmx)
    human = [s for s in segs if s.status == "needs_human"]
    assert human
    assert all(e.source != human[0].source for e in approved_entries(draft, "Amina", "2026-01-01T00:00:00Z"))
    text = "المجلس خدا علم بالملاحظات اللي قالو الأعضاء اللي حاضرين."
    edited, _ = apply_edits(draft, {human[0].id: text}, "Khadija")
    approve(edited, "Amina", memory=FileMemory(tmx), allow_untranslated=True)
    _d2, segs2 = _convert(src, tmp_path / "b", tmx)
    again = next(s for s in segs2 if s.id == human[0].id)
    assert again.status == "from_memory" and again.text == text


@pytest.mark.slow
def test_a_real_council_pdf_comes_back_from_memory(tmp_path: Path) -> None:
    """The Tanger council session PDF (tests/realdocs): reviewed (its untranslated table cell translated), approved,
    converted again: every segment with words comes from memory (a stray diacritic alone is copied as it is)."""
    src = ROOT / "tests" / "realdocs" / "files" / "tanger-ar-session-2020-10.pdf"
    tmx = tmp_path / "council.tmx"
    draft, segs = _convert(src, tmp_path / "1", tmx)
    # the segments without Darija (a table cell, depending on how the page is read), else one a reviewer rewrites
    edits = {s.id: "النقطة." for s in segs if s.status == "needs_human"} or {segs[0].id: "النقطة."}
    assert len(edits) <= 2, [s.source for s in segs if s.id in edits]
    reviewed, _ = apply_edits(draft, edits, "Khadija")
    approve(reviewed, "Amina", memory=FileMemory(tmx))
    _d, again = _convert(src, tmp_path / "2", tmx)
    worded = [s for s in again if regex.search(r"\p{L}", s.source.replace("\u0640", ""))]
    assert len(again) == len(segs) and len(worded) >= len(again) - 1 and len(worded) > 30
    assert all(s.status == "from_memory" for s in worded)
    assert [s.text for s in again if s.id in edits] == ["النقطة."] * len(edits)


class _Down(ListMemory):
    """A store whose database is down."""

    def lookup(self, source_lang, keys):  # type: ignore[no-untyped-def]
        raise ConnectionError("database is down")

    def terms(self):  # type: ignore[no-untyped-def]
        raise ConnectionError("database is down")


def test_a_memory_that_cannot_be_read_does_not_stop_the_conversion(tmp_path: Path) -> None:
    src = _write(tmp_path / "avis.md", opinion_sentences()[:3])
    res = convert(src, TransformOptions(outputs=["darija"]), tmp_path / "o", memory=_Down())
    assert res.status.value == "success"
    warned = [e.message for e in res.errors if e.stage == "simplify.memory"]
    assert any("term base could not be read" in w for w in warned) and any("translation memory could not be read" in w for w in warned)
    draft = load_document(Path(res.output_dir) / "avis.ary.draft.json")
    assert len(segments(draft)) == 4 and all(s.status != "from_memory" for s in segments(draft))
