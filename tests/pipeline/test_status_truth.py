"""Issue 21 item 11: a run's status tells the truth.

``success`` means no error item of severity error; a run with some outputs and an error is
``partial_success`` with exit code 4 (README: "A batch whose documents partly failed exits with 4");
warnings never demote a run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from transform import ConversionStatus, TransformOptions, convert
from transform.cli import main
from transform.context import RunContext
from transform.errors import ErrorItem, ExitCode
from transform.model import Document
from transform.render import RENDERERS
from transform.result import Artifact, ConversionResult

MD = "# Décision\n\nLe conseil a voté un budget de 2,8 milliards de dirhams.\n"


class _ReportsAnError:
    """Writes nothing and records an error item whose severity is spelt 'Error' (as a plugin might)."""

    name: ClassVar[str] = "reports-error-test"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    description: ClassVar[str] = "records an error (tests)"

    def render(self, ctx: RunContext) -> list:
        ctx.errors.append(ErrorItem(stage=f"render.{self.name}", message="the index could not be made", severity="Error"))
        return []


class _Warns:
    name: ClassVar[str] = "warns-test"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    description: ClassVar[str] = "records a warning (tests)"

    def render(self, ctx: RunContext) -> list:
        ctx.warn(f"render.{self.name}", "a note for the reader")
        return []


@pytest.fixture(autouse=True, scope="module")
def _test_renderers() -> Iterator[None]:
    """These renderers exist only while this module's tests run (``all`` elsewhere never sees them)."""
    added = {"reports-error-test": _ReportsAnError, "warns-test": _Warns}
    for name, factory in added.items():
        RENDERERS.register(name, factory, replace=True)
    yield
    for name in added:
        RENDERERS._factories.pop(name, None)


@pytest.fixture
def md_file(tmp_path: Path) -> Path:
    p = tmp_path / "decision.md"
    p.write_text(MD, encoding="utf-8")
    return p


def test_an_error_item_is_never_success(md_file: Path, tmp_path: Path) -> None:
    result = convert(md_file, TransformOptions(outputs=["reports-error-test"]), tmp_path / "out")
    assert [e.message for e in result.errors] == ["the index could not be made"]
    assert result.status == ConversionStatus.PARTIAL_SUCCESS, result.status
    assert result.exit_code == ExitCode.PARTIAL == 4


def test_warnings_alone_are_success(md_file: Path, tmp_path: Path) -> None:
    result = convert(md_file, TransformOptions(outputs=["warns-test"]), tmp_path / "out")
    assert [e.severity for e in result.errors] == ["warning"]
    assert result.status == ConversionStatus.SUCCESS and result.exit_code == 0


def test_a_result_built_with_errors_does_not_say_success() -> None:
    """Code that builds a result by hand (plugins, the service) cannot report success with an error."""
    doc = Document.model_validate({"meta": {"source_name": "x.md"}})
    art = Artifact(name="x.txt", media_type="text/plain", role="text")
    err = ErrorItem(stage="render.audio", message="no voice")
    r = ConversionResult(source="x.md", document=doc, artifacts=[art], errors=[err])
    assert r.status == ConversionStatus.PARTIAL_SUCCESS and r.exit_code == 4
    r = ConversionResult(source="x.md", errors=[err])  # nothing was produced at all
    assert r.status == ConversionStatus.FAILURE and r.exit_code != 0
    warn = ErrorItem(stage="render.audio", message="voice substituted", severity="warning")
    assert ConversionResult(source="x.md", document=doc, artifacts=[art], errors=[warn]).status == ConversionStatus.SUCCESS


def test_cli_exit_code_and_json_agree_with_the_readme(md_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["convert", str(md_file), "-o", str(tmp_path / "o1"), "--outputs", "reports-error-test", "--json"])
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (code, line["status"], line["exit_code"]) == (4, "partial_success", 4)
    code = main(["convert", str(md_file), "-o", str(tmp_path / "o2"), "--outputs", "warns-test", "--json"])
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (code, line["status"], line["exit_code"]) == (0, "success", 0)
