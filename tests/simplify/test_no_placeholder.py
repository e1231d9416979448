"""Placeholders never reach citizens (issue 18, item 4).

A French document whose prose no template covers is converted, approved anyway and published to every
output: the placeholder of earlier versions appears nowhere, the sentence is shown (and read with the French
voice) after the Darija notice "kept in French", and a draft marks it "not yet in Darija".
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from transform import convert
from transform.model import StageRecord, iter_sentences
from transform.options import TransformOptions
from transform.render import RENDERERS
from transform.simplify.french import NEEDS_HUMAN_LABEL
from transform.simplify.review import (
    ReviewError,
    approve,
    fingerprint,
    keep_source,
    load_document,
    publish,
    render_reviewed,
    segments,
    unresolved,
)
from transform.simplify.review_file import export_review, import_review
from transform.simplify.status import KEPT, PENDING, notice_text

FRENCH = (
    "# Budget 2026\n\n"
    "Le conseil municipal approuve à l'unanimité le compte administratif 2021.\n\n"
    "Le Conseil a longuement palabré sur les ressources humaines et la mutualisation des services.\n\n"
    "- Construction de 5 écoles communautaires d'ici 2027.\n"
)
PROSE = "Le Conseil a longuement palabré sur les ressources humaines et la mutualisation des services."
OUTPUTS = [n for n in ("text", "html", "epub", "docx", "braille", "audio", "captions", "video") if n in RENDERERS]


def _draft(tmp_path: Path) -> Path:
    src = tmp_path / "fr.md"
    src.write_text(FRENCH, encoding="utf-8")
    res = convert(src, TransformOptions(outputs=["darija"]), tmp_path / "draft")
    assert res.status.value == "success"
    return tmp_path / "draft" / "fr" / "fr.ary.draft.json"


def _texts(folder: Path) -> dict[str, str]:
    """Every output as text: text files as they are, EPUB and DOCX unzipped (their XML)."""
    out = {}
    for f in sorted(folder.iterdir()):
        if f.suffix in (".epub", ".docx"):
            with zipfile.ZipFile(f) as z:
                out[f.name] = "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xhtml", ".xml", ".html", ".smil")))
        elif f.suffix in (".vtt", ".srt"):  # caption text only, cues joined, bidi marks removed
            lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln and "-->" not in ln and not ln.isdigit()
                     and not ln.startswith(("WEBVTT", "Kind:", "Language:", "NOTE", "s1-"))]
            joined = re.sub(r"<[^>]+>", " ", " ".join(lines))  # WebVTT language spans: <lang fr>...</lang>
            out[f.name] = " ".join(joined.translate({0x200F: None, 0x200E: None}).split())
        elif f.suffix in (".txt", ".html", ".json", ".brl", ".pef", ".brf"):
            out[f.name] = f.read_text(encoding="utf-8", errors="replace")
    return out


def test_draft_marks_pending_segments_and_writes_no_placeholder(tmp_path: Path) -> None:
    draft_json = _draft(tmp_path)
    doc = load_document(draft_json)
    segs = {s.id: s for s in segments(doc)}
    pending = [s for s in segs.values() if s.status == "needs_human"]
    assert [s.source for s in pending] == [PROSE] and pending[0].text == "" and not pending[0].resolved
    text = (draft_json.parent / "fr.ary.txt").read_text(encoding="utf-8")
    assert f"{notice_text(PENDING, 'fr')} {PROSE}" in text and NEEDS_HUMAN_LABEL not in text
    review = (draft_json.parent / "fr.ary.review.txt").read_text(encoding="utf-8")
    assert NEEDS_HUMAN_LABEL not in review and "keep: no" in review
    rep = json.loads((draft_json.parent / "fr.ary.quality.json").read_text(encoding="utf-8"))
    assert rep["status_counts"]["needs_human"] == 1 and "not yet in Darija" in rep["verdict"]["summary"]["en"]


def test_approval_refuses_unresolved_segments_and_records_choices(tmp_path: Path) -> None:
    doc = load_document(_draft(tmp_path))
    with pytest.raises(ReviewError, match="not yet in Darija") as err:
        approve(doc, "Amina")
    sid = err.value.problems[0].segment_id
    assert sid and unresolved(doc) == [sid]
    kept = keep_source(doc, [sid], "Khadija")  # a per-segment choice, recorded
    seg = next(s for s in segments(kept) if s.id == sid)
    assert seg.status == "kept_source" and seg.resolved and seg.decided_by == "Khadija"
    assert any(p.stage == "review.keep_source" for p in kept.provenance)
    approved, record = approve(kept, "Amina")
    assert record["kept_in_source"] == [] and record["kept_source_total"] == 1
    # the review file can translate it instead: the segment then is Darija written by a person
    edited = export_review(doc).replace("ary: \nkeep: no", "ary: المجلس ناقش الموظفين والخدمات المشتركة مزيان.\nkeep: no")
    new, _ = import_review(doc, edited, "Khadija")
    assert unresolved(new) == [] and next(s for s in segments(new) if s.id == sid).status == "reviewed"
    # ... or keep it: "keep: yes"
    new, notes = import_review(doc, export_review(doc).replace("keep: no", "keep: yes"), "Khadija")
    assert unresolved(new) == [] and any("kept in the source language" in n for n in notes)
    assert approved.meta.review_state == "reviewed"
    forged = doc.model_copy(deep=True)  # an "approval" written by hand around an unresolved segment
    forged.meta.review_state = "reviewed"
    forged.provenance.append(StageRecord(stage="review.approve", engine="human", notes={"fingerprint": fingerprint(forged)}))
    with pytest.raises(ReviewError, match="not yet in Darija"):
        render_reviewed(forged, TransformOptions(outputs=["text"]), tmp_path / "x")


@pytest.mark.slow
def test_every_output_of_a_french_document_approved_anyway_has_no_placeholder(tmp_path: Path) -> None:
    doc = load_document(_draft(tmp_path))
    approved, record = approve(doc, "Amina", allow_untranslated=True)  # "approve anyway"
    assert len(record["kept_in_source"]) == 1
    assert not any(NEEDS_HUMAN_LABEL in loc.sentence.text for loc in iter_sentences(approved))
    res = publish(approved, TransformOptions(outputs=OUTPUTS), tmp_path / "pub", stem="fr")
    assert res.status.value == "success", [e.message for e in res.errors]
    folder = Path(res.output_dir)
    texts = _texts(folder)
    assert {"fr.ary.txt", "fr.ary.html"} <= set(texts)
    for name, text in texts.items():
        assert NEEDS_HUMAN_LABEL not in text, name
        assert notice_text(PENDING, "fr") not in text, name  # published: nothing is "not yet" any more
    kept = notice_text(KEPT, "fr")
    for name in ("fr.ary.txt", "fr.ary.html", "fr.ary.epub", "fr.ary.docx", "fr.ary.vtt", "fr.ary.srt"):
        if name in texts:
            assert kept in texts[name] and PROSE in texts[name], name
            assert texts[name].index(kept) < texts[name].index(PROSE), name  # the notice comes first
    assert f'lang="fr" dir="ltr">{PROSE}' in texts["fr.ary.html"]
    if "fr.ary.timeline.json" in texts:  # the narration: the notice in Darija, the sentence with the French voice
        cues = json.loads(texts["fr.ary.timeline.json"])["cues"]
        langs = {c["text"]: c["lang"] for c in cues}
        assert langs[kept] == "ary" and langs[PROSE] == "fr"
        assert (folder / "fr.ary.mp3").stat().st_size > 10_000
    if "fr.ary.braille-index.json" in texts:
        index = texts["fr.ary.braille-index.json"]
        ids = [loc.sentence.id for loc in iter_sentences(approved) if loc.sentence.text in (kept, PROSE)]
        assert len(ids) == 2 and all(i in index for i in ids)
