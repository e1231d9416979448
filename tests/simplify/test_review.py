"""Review round trip: export, edit, import (validated), approve, publish with the edit in braille and audio."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transform import convert
from transform.cli import main
from transform.errors import InputError
from transform.model import iter_sentences
from transform.options import TransformOptions
from transform.render import RENDERERS
from transform.simplify.french import NEEDS_HUMAN_LABEL
from transform.simplify.review import (
    ReviewError,
    apply_edits,
    approve,
    draft_of,
    is_approved,
    load_document,
    publish,
    render_reviewed,
    reviewed_options,
    segments,
    validate,
)
from transform.simplify.review_file import export_review, import_review, parse_review

from .conftest import MSA_TEXT

EDIT_WORD = "تبارك الله"  # the reviewer's edit, easy to find in every output


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    src = tmp_path / "budget.md"
    src.write_text(MSA_TEXT, encoding="utf-8")
    res = convert(src, TransformOptions(outputs=["darija"]), tmp_path / "out")
    assert res.status.value == "success"
    path = tmp_path / "out" / "budget" / "budget.ary.draft.json"
    assert path.exists() and (tmp_path / "out" / "budget" / "budget.ary.review.txt").exists()
    return path


def _edit(text: str, seg_id: str, new_line: str, old_line: str | None = None) -> str:
    """Replace the 'ary:' line ``old_line`` of a segment (or all its lines when None) by ``new_line``."""
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("@@"):
            inside = line.split()[1] == seg_id
        if inside and line.startswith("ary:") and (old_line is None or line[4:].strip() == old_line):
            if new_line:
                out.append(f"ary: {new_line}")
                new_line = "" if old_line is None else new_line
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def _first_segment_with_number(doc) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    for loc in iter_sentences(doc):
        s = loc.sentence
        if "12 مركز" in s.text:
            return s.notes["segment"], s.text
    raise AssertionError("no segment with 12")


def test_round_trip_library(draft: Path, tmp_path: Path) -> None:
    doc = load_document(draft)
    text = export_review(doc)
    assert len(parse_review(text)) == len({loc.sentence.notes["segment"] for loc in iter_sentences(doc)})
    seg, old = _first_segment_with_number(doc)
    edited = _edit(text, seg, old.rstrip(".") + f" {EDIT_WORD}.", old)
    new, changes = import_review(doc, edited, "Khadija")
    assert changes == [f"edited: {seg}"]
    assert any(EDIT_WORD in loc.sentence.text for loc in iter_sentences(new))
    edited_sent = next(loc.sentence for loc in iter_sentences(new) if EDIT_WORD in loc.sentence.text)
    assert edited_sent.notes["edited_by"] == "Khadija" and "طناشر" in edited_sent.notes["speakable"]
    with pytest.raises(ReviewError, match="not been approved"):
        publish(new, TransformOptions(outputs=["text"]), tmp_path / "pub")
    ok, record = approve(new, "Amina")
    assert ok.meta.review_state == "reviewed" and record["approved_by"] == "Amina" and is_approved(ok)
    res = publish(ok, TransformOptions(outputs=["text"]), tmp_path / "pub", stem="budget")
    assert res.document.meta.review_state == "published"
    txt = (tmp_path / "pub" / "budget" / "budget.ary.txt").read_text(encoding="utf-8")
    assert EDIT_WORD in txt


def test_changed_after_approval_cannot_be_published(draft: Path, tmp_path: Path) -> None:
    ok, _ = approve(load_document(draft), "Amina")
    next(iter_sentences(ok)).sentence.text = "نص تبدل من بعد الموافقة"
    with pytest.raises(ReviewError):
        publish(ok, TransformOptions(outputs=["text"]), tmp_path / "pub")


def test_lost_segment_is_refused(draft: Path) -> None:
    doc = load_document(draft)
    text = export_review(doc)
    seg, _ = _first_segment_with_number(doc)
    lines, out, skip = text.splitlines(), [], False
    for line in lines:
        if line.startswith("@@"):
            skip = line.split()[1] == seg
        if not skip:
            out.append(line)
    with pytest.raises(ReviewError, match=f"segments missing from the review file: {seg}"):
        import_review(doc, "\n".join(out), "Khadija")


def test_changed_number_is_refused_unless_confirmed(draft: Path) -> None:
    doc = load_document(draft)
    seg, old = _first_segment_with_number(doc)
    edited = _edit(export_review(doc), seg, old.replace("12 مركز", "13 مركز"), old)
    with pytest.raises(ReviewError, match="number 12 is missing"):
        import_review(doc, edited, "Khadija")
    new, changes = import_review(doc, edited, "Khadija", allow_number_changes=True)
    assert any("confirmed number change" in c for c in changes)


def test_malformed_review_file(draft: Path) -> None:
    doc = load_document(draft)
    with pytest.raises(ReviewError, match="line 1"):
        import_review(doc, "hello\n", "Khadija")
    with pytest.raises(ReviewError, match="who reviewed"):
        import_review(doc, export_review(doc), " ")


def test_needs_human_blocks_approval(tmp_path: Path) -> None:
    src = tmp_path / "fr.md"
    src.write_text("Le Conseil a longuement palabré sur les ressources humaines.\n", encoding="utf-8")
    convert(src, TransformOptions(outputs=["darija"]), tmp_path / "out")
    doc = load_document(tmp_path / "out" / "fr" / "fr.ary.draft.json")
    assert not any(NEEDS_HUMAN_LABEL in loc.sentence.text for loc in iter_sentences(doc))
    assert [s.status for s in segments(doc)] == ["needs_human"] and segments(doc)[0].text == ""
    with pytest.raises(ReviewError, match="not yet in Darija") as err:
        approve(doc, "Amina")
    assert [p.problem for p in err.value.problems] == ["untranslated"]
    seg = next(iter_sentences(doc)).sentence.notes["segment"]
    new, _ = import_review(doc, _edit(export_review(doc), seg, "المجلس ناقش الموارد البشرية مزيان."), "Khadija")
    ok, _ = approve(new, "Amina")
    assert ok.meta.review_state == "reviewed"


def test_not_a_document(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError):
        load_document(bad)


@pytest.mark.slow
def test_cli_round_trip_with_braille_and_audio(draft: Path, tmp_path: Path) -> None:
    outputs = ["text"] + [n for n in ("braille", "audio", "captions") if n in RENDERERS]
    review_file = tmp_path / "review.txt"
    assert main(["review", "export", str(draft), "-o", str(review_file)]) == 0
    doc = load_document(draft)
    seg, old = _first_segment_with_number(doc)
    review_file.write_text(_edit(review_file.read_text(encoding="utf-8"), seg, old.rstrip(".") + f" {EDIT_WORD}.", old), encoding="utf-8")
    assert main(["review", "import", str(draft), str(review_file), "--by", "Khadija"]) == 0
    opts = json.dumps({"audio": {"engine": "espeak"}})
    code = main(["review", "approve", str(draft), "--by", "Amina", "-o", str(tmp_path / "pub"), "--outputs", ",".join(outputs), "--options", opts])
    out = tmp_path / "pub" / "budget"
    assert code == 0, sorted(p.name for p in out.iterdir())
    approval = json.loads((out / "budget.ary.approval.json").read_text(encoding="utf-8"))
    assert approval["approved_by"] == "Amina" and approval["edits"][0]["by"] == "Khadija"
    assert EDIT_WORD in (out / "budget.ary.txt").read_text(encoding="utf-8")
    if "braille" in RENDERERS:
        from transform.braille.translate import translate_text

        cells = translate_text("تبارك", "ary")
        assert cells and cells in (out / "budget.ary.brl").read_text(encoding="utf-8")
    if "audio" in RENDERERS:
        assert (out / "budget.ary.mp3").stat().st_size > 1000
        timeline = json.loads((out / "budget.ary.timeline.json").read_text(encoding="utf-8"))
        cue = next(c for c in timeline["cues"] if EDIT_WORD in c["text"])  # the edited sentence was narrated
        assert cue["end_ms"] > cue["begin_ms"]
        if "captions" in RENDERERS:
            assert EDIT_WORD in (out / "budget.ary.vtt").read_text(encoding="utf-8")


def test_whole_segment_on_one_line_is_unchanged_or_split(draft: Path) -> None:
    doc = load_document(draft)
    groups: dict[str, list[str]] = {}
    for loc in iter_sentences(doc):
        groups.setdefault(loc.sentence.notes["segment"], []).append(loc.sentence.text)
    seg = next(k for k, v in groups.items() if len(v) > 1)
    one_line = "".join(f"@@ {sid}\nary: {' '.join(texts)}\n" for sid, texts in groups.items())
    same, changes = import_review(doc, one_line, "Service")
    assert changes == [] and [loc.sentence.id for loc in iter_sentences(same)] == [loc.sentence.id for loc in iter_sentences(doc)]
    groups[seg][-1] = groups[seg][-1].rstrip(".") + f" {EDIT_WORD}."
    edited = "".join(f"@@ {sid}\nary: {' '.join(texts)}\n" for sid, texts in groups.items())
    new, changes = import_review(doc, edited, "Service")
    assert changes == [f"edited: {seg}"]
    pieces = [loc.sentence for loc in iter_sentences(new) if loc.sentence.notes["segment"] == seg]
    assert len(pieces) == len(groups[seg]) and EDIT_WORD in pieces[-1].text


def test_cli_errors_are_clear(draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.review.txt"
    bad.write_text("@@ s1-h-1 | ok\nary: العنوان\n", encoding="utf-8")
    assert main(["review", "import", str(draft), str(bad), "--by", "Khadija"]) == 2
    err = capsys.readouterr().err
    assert "segments missing from the review file" in err and "Traceback" not in err
    assert main(["review", "approve", str(tmp_path / "missing.json"), "--by", "Amina"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["review"]) == 1


# --- the review API shared by the CLI and the HTTP service -------------------------------------------


def test_validate_names_each_problem_by_segment(draft: Path) -> None:
    doc = load_document(draft)
    seg, old = _first_segment_with_number(doc)
    texts = {s.id: s.text for s in segments(doc)}
    other = next(sid for sid in texts if sid != seg)
    assert validate(doc, texts, full=True) == []
    whole = texts[seg]  # the segment may have several sentences
    problems = validate(doc, {seg: whole.replace("12 مركز", "13 مركز"), other: "  ", "zzz": "x"}, full=True)
    kinds = {p.problem: p for p in problems}
    assert set(kinds) == {"numbers_changed", "empty_segment", "unknown_segment", "missing_segment"}
    assert kinds["numbers_changed"].segment_id == seg and "number 12 is missing" in kinds["numbers_changed"].message
    assert "number 13 is not in the source" in kinds["numbers_changed"].message
    assert validate(doc, {seg: whole.replace("12", "١٢")}, full=False) == []  # the same number in Arabic-Indic digits
    assert validate(doc, {seg: whole.replace("12 مركز", "13 مركز")}, full=False, allow_number_changes=True) == []


def test_apply_edits_keeps_ids_and_says_who(draft: Path) -> None:
    doc = load_document(draft)
    seg, _ = _first_segment_with_number(doc)
    whole = {s.id: s.text for s in segments(doc)}[seg]
    with pytest.raises(ReviewError) as info:
        apply_edits(doc, {seg: whole.replace("12 مركز", "13 مركز")}, "Khadija")
    assert [p.problem for p in info.value.problems] == ["numbers_changed"] and info.value.http_status == 422
    new, changes = apply_edits(doc, {seg: whole.rstrip(".") + f" {EDIT_WORD}."}, "Khadija")
    assert changes == [f"edited: {seg}"]
    view = {s.id: s for s in segments(new)}
    assert view[seg].edited and view[seg].status == "reviewed" and EDIT_WORD in view[seg].text and view[seg].source_lang == "ar"
    assert [s.id for s in segments(new)] == [s.id for s in segments(doc)]  # every other segment untouched, same ids
    assert new.meta.review_state == "draft" and new.provenance[-1].notes["by"] == "Khadija"


def test_reviewed_options_render_the_text_again_but_not_the_source_model() -> None:
    from transform.model import Document, DocumentMeta

    draft = Document(meta=DocumentMeta(source_name="b.md", source_format="md", lang="ary", variant="simplified"), sections=[])
    job = TransformOptions(outputs=["json", "text", "darija", "easy-french", "braille", "captions"], languages=["ar"])
    opts = reviewed_options(job, draft)
    assert opts.outputs == ["darija", "audio", "braille", "captions"] and opts.languages is None
    assert reviewed_options(TransformOptions(outputs=["text", "braille"]), draft).outputs == ["text", "braille"]
    source = draft.model_copy(update={"meta": draft.meta.model_copy(update={"variant": "source"})})
    assert reviewed_options(job, source).outputs[0] == "text"


def test_render_reviewed_writes_the_draft_as_it_is(draft: Path, tmp_path: Path) -> None:
    doc = load_document(draft)
    job = TransformOptions(outputs=["darija", "braille", "json"])
    with pytest.raises(ReviewError, match="not been approved"):
        render_reviewed(doc, job, tmp_path / "r")
    res = render_reviewed(doc, job, tmp_path / "r", stem="budget", approved_only=False)  # a staff preview
    assert res.status.value == "success", res.errors
    assert sorted(a.name for a in res.artifacts) == ["budget.ary.braille-index.json", "budget.ary.brf", "budget.ary.brl", "budget.ary.pef",
                                                      "budget.ary.txt"]
    text = (tmp_path / "r" / "budget" / "budget.ary.txt").read_text(encoding="utf-8")
    first = next(iter_sentences(doc)).sentence.text
    assert text.startswith(first)  # no machine-draft header: the text is rendered as reviewed


def test_draft_of_a_conversion(draft: Path, tmp_path: Path) -> None:
    src = tmp_path / "mixed.md"
    src.write_text("# الميزانية ديال الجهة\n\nهاد البرنامج ديال الجهة غادي يخدم 120 مليون درهم. كاين بزاف ديال المشاريع اللي غادي تبدا دابا.\n\n"
                   "## Le budget\n\nLe conseil régional a voté un budget de 3 500 000 dirhams pour les routes.\n", encoding="utf-8")
    res = convert(src, TransformOptions(outputs=["text"]), tmp_path / "mixed")
    part = draft_of(res)  # no darija output: the Darija part of the source
    assert part is not None and part.meta.lang == "ary" and part.meta.variant == "source"
    assert "120 مليون" in " ".join(loc.sentence.text for loc in iter_sentences(part))
    res = convert(src, TransformOptions(outputs=["darija"]), tmp_path / "simplified")
    made = draft_of(res)
    assert made is not None and made.meta.variant == "simplified"
    assert draft_of(convert(src, TransformOptions(outputs=["text"]), tmp_path / "fr"), "en") is None
