"""Pipeline control flow: renderer isolation, output planning, batches that go on past bad files."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from transform import ConversionStatus, OptionsError, TransformOptions, convert, convert_many
from transform.context import RunContext
from transform.errors import EngineError
from transform.pipeline import plan_outputs
from transform.render import RENDERERS

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


RENDERERS.register("broken-test", _Broken, replace=True)


@pytest.fixture
def md_file(tmp_path: Path) -> Path:
    p = tmp_path / "budget.md"
    p.write_text(MD, encoding="utf-8")
    return p


def test_plan_adds_requirements_in_order() -> None:
    assert plan_outputs(["broken-test", "json"]) == ["json", "text", "broken-test"]


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
