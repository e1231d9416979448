"""SRT and WebVTT writers for :class:`~transform.model.CaptionCue` lists.

Right-to-left marking (``CaptionOptions.rtl_mark``):

* ``"rlm"`` (default): every line of an Arabic/Darija cue starts with U+200F
  RIGHT-TO-LEFT MARK. Players choose a line's base direction from its first
  strong character (Unicode bidi rules P2/P3, which WebVTT rendering also
  uses), so a line that starts with a number or a Latin acronym ("2026 ...",
  "INDH ...") is still laid out right-to-left and its final full stop lands on
  the left. The mark is invisible and survives every player we know.
* ``"embed"``: each RTL line is wrapped in U+202B RIGHT-TO-LEFT EMBEDDING ...
  U+202C POP DIRECTIONAL FORMATTING (older SRT practice).
* ``"none"``: text as is.

WebVTT files also carry ``Language: <lang>`` in the header (read by HLS and
YouTube tooling, ignored by browsers: the HTML ``<track srclang>`` gives the
language there), and a cue in a different language from the file is wrapped in
``<lang xx>...</lang>`` so that ``::cue(:lang(ar))`` styling and screen readers
see it. Text is escaped (``&``, ``<``, ``>``).
"""

from __future__ import annotations

from pathlib import Path

from ..model import CaptionCue
from ..model.text import direction_for

RLM, RLE, PDF = "\u200f", "\u202b", "\u202c"


def _stamp(ms: int, sep: str) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def mark_rtl(line: str, lang: str, how: str = "rlm") -> str:
    """``line`` with the direction marks that make players lay it out right-to-left."""
    if how == "none" or direction_for(lang).value != "rtl":
        return line
    if how == "embed":
        return RLE + line + PDF
    return RLM + line


def srt_text(cues: list[CaptionCue], rtl_mark: str = "rlm") -> str:
    """SubRip text: numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, blank line between cues."""
    blocks = []
    for n, c in enumerate(cues, 1):
        lines = "\n".join(mark_rtl(ln, c.lang, rtl_mark) for ln in c.lines)
        blocks.append(f"{n}\n{_stamp(c.begin_ms, ',')} --> {_stamp(c.end_ms, ',')}\n{lines}\n")
    return "\n".join(blocks)


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt_text(cues: list[CaptionCue], lang: str | None = None, rtl_mark: str = "rlm") -> str:
    """WebVTT text; ``lang`` is the file's language (cues in other languages get a ``<lang>`` span)."""
    head = ["WEBVTT", "Kind: captions"]
    if lang:
        head.append(f"Language: {lang}")
    out = ["\n".join(head), "NOTE Right-to-left lines start with U+200F RIGHT-TO-LEFT MARK." if rtl_mark == "rlm" else ""]
    out = [b for b in out if b]
    for c in cues:
        lines = [mark_rtl(_escape(ln), c.lang, rtl_mark) for ln in c.lines]
        if lang and c.lang != lang:
            lines[0] = f"<lang {c.lang}>" + lines[0]
            lines[-1] = lines[-1] + "</lang>"
        out.append(f"{c.sentence_id}-{c.index}\n{_stamp(c.begin_ms, '.')} --> {_stamp(c.end_ms, '.')}\n" + "\n".join(lines))
    return "\n\n".join(out) + "\n"


def write_srt(cues: list[CaptionCue], path: Path, rtl_mark: str = "rlm") -> Path:
    path.write_text(srt_text(cues, rtl_mark), encoding="utf-8")
    return path


def write_vtt(cues: list[CaptionCue], path: Path, lang: str | None = None, rtl_mark: str = "rlm") -> Path:
    path.write_text(vtt_text(cues, lang, rtl_mark), encoding="utf-8")
    return path
