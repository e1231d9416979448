"""External programs: one module per program, each with its command lines and a probe.

=============  ==================================================================
module         program and what Taysir asks of it
=============  ==================================================================
``ffmpeg``     ffmpeg, ffprobe: narration encode/decode, EBU R128 loudness, video
``espeak``     espeak-ng: speech (one process per sentence, or worker processes)
``pandoc``     pandoc: documents -> JSON AST, JSON AST -> DOCX (sandboxed)
``tesseract``  tesseract: OCR of page images
``chromium``   headless Chromium: the cue sheet PDF (optional)
``fontconfig`` fc-match: caption fonts (optional)
``piper``      piper: the opt-in Piper voices (optional)
``liblouis``   liblouisutdml's file2brl: the braille benchmark's reference (optional)
=============  ==================================================================

Every call goes through :func:`run` (timeout, memory limit, typed errors). ``PROBES`` is what
``taysir doctor`` and the service's ``/ready`` report; an optional program that is missing is
reported, never "not ready".
"""

from __future__ import annotations

from . import chromium, espeak, fontconfig, liblouis, pandoc, piper, tesseract
from ._probe import ToolProbe
from ._run import run
from .ffmpeg import FFMPEG, FFPROBE

ESPEAK = espeak.PROBE
TESSERACT = tesseract.PROBE

PROBES: dict[str, ToolProbe] = {
    p.name: p
    for p in (FFMPEG, FFPROBE, ESPEAK, TESSERACT, pandoc.PROBE, fontconfig.PROBE, chromium.PROBE, piper.PROBE, liblouis.FILE2BRL)
}

__all__ = ["ESPEAK", "FFMPEG", "FFPROBE", "PROBES", "TESSERACT", "ToolProbe", "run"]
