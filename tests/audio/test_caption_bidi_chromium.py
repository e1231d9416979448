"""Caption lines with runs of both scripts are displayed in logical order (real Chromium layout).

Each line as our writer makes it (``vtt_text``: RLM, isolates) is laid out like a WebVTT cue box
(``unicode-bidi: plaintext``, the cue text's own direction); a script in the page measures where
each marked word is drawn (``Range.getBoundingClientRect``) and Chromium's ``--dump-dom`` gives the
figures back. The same line without isolates is measured too, to show the measure can fail.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from transform.model import CaptionCue
from transform.subtitles import vtt_text

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is needed")

# logical (reading) order: قال, INDH, 2026, برنامج ; Afourar, then ، and سنة
AR_LINE = "قال INDH 2026 برنامج"
FR_LINE = "Le budget de أفورار 2026 est voté."

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
div { unicode-bidi: plaintext; font: 24px 'DejaVu Sans', sans-serif; white-space: pre; width: 900px; }
</style></head><body>%s<pre id="out"></pre><script>
function x(div, word) {
  const node = div.firstChild, i = node.data.indexOf(word), r = document.createRange();
  r.setStart(node, i); r.setEnd(node, i + word.length);
  const b = r.getBoundingClientRect(); return [b.left, b.right];
}
const out = {};
document.querySelectorAll("div").forEach(d => {
  out[d.id] = Object.fromEntries(JSON.parse(d.dataset.words).map(w => [w, x(d, w)]));
});
document.getElementById("out").textContent = JSON.stringify(out);
</script></body></html>"""


def _layout(tmp_path: Path, lines: dict[str, tuple[str, list[str]]]) -> dict[str, dict[str, list[float]]]:
    divs = "".join(
        f"<div id=\"{k}\" data-words='{json.dumps(words, ensure_ascii=False)}'>{text}</div>" for k, (text, words) in lines.items()
    )
    page = tmp_path / "cues.html"
    page.write_text(PAGE % divs, encoding="utf-8")
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    found = re.search(r'<pre id="out">(.*?)</pre>', proc.stdout, re.S)
    assert found, proc.stderr[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"'))


def _cue_line(text: str, lang: str, how: str = "rlm") -> str:
    cue = CaptionCue(index=1, begin_ms=0, end_ms=2000, lines=[text], lang=lang, sentence_id="s1")
    return vtt_text([cue], rtl_mark=how).rstrip("\n").split("\n")[-1]


def test_mixed_caption_lines_display_in_logical_order(tmp_path: Path) -> None:
    ar, fr = _cue_line(AR_LINE, "ar"), _cue_line(FR_LINE, "fr")
    assert "\u2066INDH\u2069" in ar and "\u2067أفورار\u2069" in fr
    bare = "\u200f" + AR_LINE  # right-to-left mark only, no isolate
    pos = _layout(tmp_path, {
        "ar": (ar, ["قال", "INDH", "2026", "برنامج"]),
        "bare": (bare, ["INDH", "2026"]),
        "fr": (fr, ["Le", "أفورار", "2026", "est"]),
        "fr_bare": (FR_LINE, ["أفورار", "2026"]),
    })  # fmt: skip
    a = pos["ar"]
    # right-to-left line: each word in reading order is drawn further left
    assert a["قال"][0] > a["INDH"][0] > a["2026"][0] > a["برنامج"][0], a
    # without the isolate the number sticks to the Latin acronym and is drawn after it, on its right
    assert pos["bare"]["INDH"][0] < pos["bare"]["2026"][0], pos["bare"]
    f = pos["fr"]
    # left-to-right line: each word in reading order is drawn further right
    assert f["Le"][0] < f["أفورار"][0] < f["2026"][0] < f["est"][0], f
    # without the isolate the number after the Arabic name joins its right-to-left run: drawn on its left
    assert pos["fr_bare"]["2026"][0] < pos["fr_bare"]["أفورار"][0], pos["fr_bare"]
