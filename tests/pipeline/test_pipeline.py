"""Pipeline control flow: stages, renderer isolation, output planning from declarations, batches that go on past bad files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from transform import ConversionStatus, OptionsError, TransformOptions, convert, convert_many
from transform.context import RunContext
from transform.errors import EngineError, TransformError
from transform.pipeline import make_plan, plan_outputs, stage_names
from transform.products import CUES, NARRATION, TIMELINE
from transform.render import RENDERERS
from transform.result import Artifact

MD = """# الميزانية

صادق المجلس على الميزانية. بلغت 78 في المائة.

## Le budget

Le conseil a voté un budget de 2,8 milliards de dirhams.
"""


class _Broken:
    name: ClassVar[str] = "broken-test"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    description: ClassVar[str] = "always fails (tests)"

    def render(self, ctx: RunContext) -> list:
        raise EngineError("the test engine failed on purpose")


class _Loop:
    name: ClassVar[str] = "loop-test"
    description: ClassVar[str] = "needs what it makes itself through another output (tests)"
    needs: ClassVar[tuple[str, ...]] = ("loop-b",)
    makes: ClassVar[tuple[str, ...]] = ("loop-a",)

    def render(self, ctx: RunContext) -> list[Artifact]:
        return []


class _LoopB(_Loop):
    name: ClassVar[str] = "loop-test-b"
    needs: ClassVar[tuple[str, ...]] = ("loop-a",)
    makes: ClassVar[tuple[str, ...]] = ("loop-b",)


class _Orphan(_Loop):
    name: ClassVar[str] = "orphan-test"
    needs: ClassVar[tuple[str, ...]] = ("nothing-makes-this",)
    makes: ClassVar[tuple[str, ...]] = ()


@pytest.fixture(autouse=True, scope="module")
def _test_renderers() -> Iterator[None]:
    """The failing renderer exists only while this module's tests run (``all`` elsewhere never sees it)."""
    RENDERERS.register("broken-test", _Broken, replace=True)
    yield
    RENDERERS._factories.pop("broken-test", None)


@pytest.fixture
def md_file(tmp_path: Path) -> Path:
    p = tmp_path / "budget.md"
    p.write_text(MD, encoding="utf-8")
    return p


def test_plan_adds_requirements_in_order() -> None:
    assert plan_outputs(["broken-test", "json"]) == ["json", "text", "broken-test"]


def test_plan_follows_declared_products() -> None:
    # video needs the timeline, the narration and the cues: audio and captions are added, before it
    assert plan_outputs(["video"]) == ["audio", "captions", "video"]
    # html uses the narration when the run makes it: after audio; bundle uses every file: last
    assert plan_outputs(["bundle", "html", "audio", "braille"]) == ["audio", "braille", "html", "bundle"]
    assert plan_outputs(["html", "braille"]) == ["braille", "html"]  # nothing added for a product only used
    # the order depends on the set of outputs, not on how they were listed
    assert plan_outputs(["captions", "epub", "darija"]) == plan_outputs(["darija", "epub", "captions"])
    from transform.audio.render import AudioRenderer, CaptionsRenderer

    assert (TIMELINE, NARRATION) == AudioRenderer.makes and CUES in CaptionsRenderer.makes


def test_plan_names_the_simplified_tracks_made_before_rendering() -> None:
    plan = make_plan(["easy-french", "braille", "darija"])
    assert plan.simplify == ["ary", "fr-x-falc"]
    assert make_plan(["braille"]).simplify == []
    assert stage_names(TransformOptions(outputs=["darija", "braille"])) == [
        "ingest", "structure", "simplify.ary", "render.braille", "render.darija"
    ]


@pytest.fixture
def bad_renderers() -> Iterator[None]:
    """Renderers whose declarations cannot be planned, registered for one test only (``all`` stays plannable)."""
    added = {"loop-test": _Loop, "loop-test-b": _LoopB, "orphan-test": _Orphan}
    for name, factory in added.items():
        RENDERERS.register(name, factory, replace=True)
    yield
    for name in added:
        RENDERERS._factories.pop(name, None)


def test_plan_refuses_loops_and_needs_nobody_makes(bad_renderers: None) -> None:
    with pytest.raises(OptionsError, match="loop"):
        plan_outputs(["loop-test"])
    with pytest.raises(OptionsError, match="nothing-makes-this"):
        plan_outputs(["orphan-test"])


def test_unknown_output_lists_known_names() -> None:
    with pytest.raises(OptionsError, match="Choose one of:.*json"):
        plan_outputs(["nonsense"])


def test_text_per_language_track(md_file: Path, tmp_path: Path) -> None:
    result = convert(md_file, TransformOptions(outputs=["text", "json"]), tmp_path / "out")
    assert result.status == ConversionStatus.SUCCESS
    names = sorted(a.name for a in result.artifacts)
    assert names == ["budget.ar.txt", "budget.fr.txt", "budget.json"]
    ar = (tmp_path / "out/budget/budget.ar.txt").read_text(encoding="utf-8")
    fr = (tmp_path / "out/budget/budget.fr.txt").read_text(encoding="utf-8")
    assert "صادق المجلس على الميزانية." in ar and "Le conseil" not in ar
    assert "2,8 milliards" in fr and "الميزانية" not in fr


def test_darija_track_exists_before_any_renderer(md_file: Path, tmp_path: Path) -> None:
    """braille sorts before darija, yet renders the Darija track the simplify stage made first."""
    result = convert(md_file, TransformOptions(outputs=["braille", "darija"]), tmp_path / "out")
    assert result.status == ConversionStatus.SUCCESS, result.errors
    assert result.find("braille", "ary", ".brl") and result.find("darija", "ary", ".draft.json")
    assert list(result.timings)[:3] == ["ingest", "structure", "simplify.ary"]
    assert list(result.timings).index("render.braille") < list(result.timings).index("render.darija")


def test_failing_renderer_gives_partial_success(md_file: Path, tmp_path: Path) -> None:
    result = convert(md_file, TransformOptions(outputs=["broken-test"]), tmp_path / "out")
    assert result.status == ConversionStatus.PARTIAL_SUCCESS
    assert [e.stage for e in result.errors] == ["render.broken-test"]
    assert result.errors[0].code == "engine_failed"
    assert {a.role for a in result.artifacts} == {"text"}  # the other output was still delivered


def test_batch_goes_on_past_bad_files(md_file: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 4)
    results = list(convert_many([empty, md_file, junk], TransformOptions(outputs=["text"]), tmp_path / "out"))
    assert [r.status for r in results] == [ConversionStatus.FAILURE, ConversionStatus.SUCCESS, ConversionStatus.FAILURE]
    assert "empty" in results[0].errors[0].message
    assert results[2].errors[0].code == "unsupported_format"


def test_every_renderer_handles_a_failing_language_the_same_way(tmp_path: Path) -> None:
    """Braille of a language without a braille table fails for that language only; all failing raises."""
    from transform.model import Document, DocumentMeta, Paragraph, Section, Sentence
    from transform.render.languages import LanguageFailures

    def doc(lang: str, text: str) -> Document:
        return Document(meta=DocumentMeta(source_name="x.md", lang=lang),
                        sections=[Section(id="s1", blocks=[Paragraph(id="p1", sentences=[Sentence(id="s1-1", text=text)])])])

    fr, xx = doc("fr", "Le conseil a voté le budget."), doc("xx", "Lorem ipsum dolor.")
    ctx = RunContext(options=TransformOptions(outputs=["braille"]), out_dir=tmp_path, stem="b", document=fr, tracks={"fr": fr, "xx": xx})
    arts = RENDERERS.create("braille").render(ctx)
    assert {a.lang for a in arts} == {"fr"}
    [item] = [e for e in ctx.errors if e.severity == "error"]
    assert item.stage == "render.braille" and item.message.startswith("xx: ")
    ctx = RunContext(options=TransformOptions(outputs=["braille"]), out_dir=tmp_path, stem="c", document=xx, tracks={"xx": xx})
    with pytest.raises(TransformError):
        RENDERERS.create("braille").render(ctx)
    # the helper itself: the first failure is raised when nothing was made, the others are recorded
    fails = LanguageFailures("render.test", engine="e")
    for lang in ("ar", "fr"):
        with fails.guard(lang):
            raise EngineError(f"{lang} broke")
    ctx = RunContext(options=TransformOptions(), out_dir=tmp_path, stem="d")
    with pytest.raises(EngineError, match="ar broke"):
        fails.finish(ctx, produced=False)
    assert [(e.stage, e.message, e.engine) for e in ctx.errors] == [("render.test", "fr: fr broke", "e")]
