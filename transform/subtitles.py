"""The one SRT / WebVTT writer: caption cues (the ``captions`` output, the video's soft subtitles and
sidecars) and any other timed text track (the interpreter's teleprompter) are written here.

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

With ``"rlm"`` and ``"embed"``, each run of the other script inside a line (an Arabic name in a
French line, ``INDH`` in an Arabic line; ``transform.model.runs``) is wrapped in a Unicode
isolate, U+2067 RIGHT-TO-LEFT ISOLATE or U+2066 LEFT-TO-RIGHT ISOLATE ... U+2069 POP
DIRECTIONAL ISOLATE, so that its neighbouring punctuation and numbers keep the line's order
(``la commune de أفورار, province``: the comma stays after the name).

WebVTT files also carry ``Language: <lang>`` in the header (read by HLS and
YouTube tooling, ignored by browsers: the HTML ``<track srclang>`` gives the
language there), and a cue in a different language from the file is wrapped in
``<lang xx>...</lang>`` so that ``::cue(:lang(ar))`` styling and screen readers
see it. WebVTT text is escaped (``&``, ``<``, ``>``). In both formats a line is
one run of words (a blank line would end the cue) and never holds ``-->``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from .model import CaptionCue
from .model.runs import runs
from .model.text import direction_for

RLM, RLE, PDF = "\u200f", "\u202b", "\u202c"
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"
_ISOLATES = str.maketrans("", "", LRI + RLI + "\u2068" + PDI)
_MARKUP = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);|</?[A-Za-z][^<>]*>")  # WebVTT entities and cue tags


def stamp(ms: int, sep: str) -> str:
    """``HH:MM:SS<sep>mmm`` (``,`` for SRT, ``.`` for WebVTT)."""
    h, rest = divmod(max(0, int(ms)), 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def clean(line: str) -> str:
    """One run of words that cannot end a cue or start a timing line."""
    return " ".join(line.replace("-->", "->").split())


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def isolate_runs(line: str, lang: str) -> str:
    """``line`` with each run of the other script between an isolate and PDI (idempotent).

    ``line`` may be escaped WebVTT text: entities (``&lt;``) and cue tags (``<b>``) count as
    neutral characters, so no isolate ever lands inside one.
    """
    text = line.translate(_ISOLATES) if PDI in line else line
    masked = _MARKUP.sub(lambda m: "0" * len(m.group()), text) if "&" in text or "<" in text else text
    parts = runs(masked, lang)
    if len(parts) == 1 and parts[0].lang == lang:
        return line
    return "".join(text[r.start : r.end] if r.lang == lang else (RLI if r.dir == "rtl" else LRI) + text[r.start : r.end] + PDI for r in parts)


def mark_rtl(line: str, lang: str, how: str = "rlm") -> str:
    """``line`` with the direction marks that make players lay it out right-to-left, and its runs of the
    other script isolated (see the module's notes)."""
    if how == "none":
        return line
    line = isolate_runs(line, lang)
    if direction_for(lang).value != "rtl":
        return line
    if how == "embed":
        return RLE + line + PDF
    return RLM + line


def _lines(cue: CaptionCue) -> list[str]:
    return [c for c in (clean(ln) for ln in cue.lines) if c]


def srt_text(cues: Sequence[CaptionCue], rtl_mark: str = "rlm") -> str:
    """SubRip text: numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, blank line between cues."""
    blocks = []
    for n, c in enumerate(cues, 1):
        lines = "\n".join(mark_rtl(ln, c.lang, rtl_mark) for ln in _lines(c))
        blocks.append(f"{n}\n{stamp(c.begin_ms, ',')} --> {stamp(c.end_ms, ',')}\n{lines}\n")
    return "\n".join(blocks)


def vtt_cue(ident: str, begin_ms: int, end_ms: int, lines: Iterable[str], settings: str = "") -> str:
    """One WebVTT cue block; ``lines`` are already escaped (they may hold cue tags such as ``<b>``)."""
    timing = f"{stamp(begin_ms, '.')} --> {stamp(end_ms, '.')}" + (f" {settings}" if settings else "")
    return f"{ident}\n{timing}\n" + "\n".join(lines)


def webvtt(blocks: Iterable[str]) -> str:
    """A WebVTT file from its blocks (header, NOTE, STYLE, cues), one blank line between them."""
    return "\n\n".join(blocks) + "\n"


def vtt_text(cues: Sequence[CaptionCue], lang: str | None = None, rtl_mark: str = "rlm") -> str:
    """WebVTT text; ``lang`` is the file's language (cues in other languages get a ``<lang>`` span)."""
    head = ["WEBVTT", "Kind: captions"] + ([f"Language: {lang}"] if lang else [])
    blocks = ["\n".join(head)]
    if rtl_mark == "rlm":
        blocks.append("NOTE Right-to-left lines start with U+200F RIGHT-TO-LEFT MARK.")
    for c in cues:
        lines = [mark_rtl(escape(ln), c.lang, rtl_mark) for ln in _lines(c)] or [""]
        if lang and c.lang != lang:
            lines[0] = f"<lang {c.lang}>" + lines[0]
            lines[-1] = lines[-1] + "</lang>"
        blocks.append(vtt_cue(f"{c.sentence_id}-{c.index}", c.begin_ms, c.end_ms, lines))
    return webvtt(blocks)


def write_srt(cues: Sequence[CaptionCue], path: Path, rtl_mark: str = "rlm") -> Path:
    path.write_text(srt_text(cues, rtl_mark), encoding="utf-8")
    return path


def write_vtt(cues: Sequence[CaptionCue], path: Path, lang: str | None = None, rtl_mark: str = "rlm") -> Path:
    path.write_text(vtt_text(cues, lang, rtl_mark), encoding="utf-8")
    return path
