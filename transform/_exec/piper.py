"""Piper (``pip install piper-tts``): one sentence to WAV with a local ``.onnx`` voice (never downloaded)."""

from __future__ import annotations

from pathlib import Path

from ._probe import ToolProbe
from ._run import run

HINT = "Install piper-tts (pip install piper-tts) and set audio.piper_model to a local .onnx voice file."
PROBE = ToolProbe("piper", ("piper",), ("--version",), HINT, required=False)


def synth_command(model: str, length_scale: float, out: Path) -> list[str | Path]:
    return ["piper", "--model", model, "--length_scale", f"{length_scale:.3f}", "--output_file", out]


def synthesize(text: str, *, model: str, length_scale: float, out: Path, timeout: float) -> None:
    """Text on stdin -> a WAV file at ``out``."""
    run(synth_command(model, length_scale, out), tool="piper", timeout=timeout, input=text.encode("utf-8"), hint=HINT)
