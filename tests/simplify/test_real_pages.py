"""Real pages (tests/realdocs truth, read by a person) through the whole darija output: the measures of issue 18.

The figures are what the engine achieves today on real formal text (the 68-page report of issue 18 had a copy
rate of 0.90); the bounds below fail if a change makes the drafts more copied or loses a number, a name or a
decree number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from transform import convert
from transform.options import TransformOptions
from transform.simplify.french import NEEDS_HUMAN_LABEL
from transform.simplify.measures import measure
from transform.simplify.status import PENDING, notice_text

TRUTH = Path(__file__).resolve().parents[1] / "realdocs" / "truth"


def _convert(tmp_path: Path, doc: str, page: str) -> dict:
    text = (TRUTH / doc / page).read_text(encoding="utf-8").split("---", 2)[2]
    src = tmp_path / f"{doc}.md"
    src.write_text(regex.sub(r"<!--.*?-->", "", text, flags=regex.S), encoding="utf-8")
    res = convert(src, TransformOptions(outputs=["darija"]), tmp_path / "out")
    assert res.status.value == "success"
    return json.loads((tmp_path / "out" / doc / f"{doc}.ary.quality.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc,page,ids", [
    ("cese-ar-avis-biodiversite-2025", "p005.md", ["128.12", "22 دجنبر 2025"]),
    ("adala-ar-decree-2-26-530", "p002.md", ["2.26.530", "2.18.855"]),
])
def test_a_real_formal_arabic_page(tmp_path: Path, doc: str, page: str, ids: list[str]) -> None:
    rep = _convert(tmp_path, doc, page)
    m = rep["metrics"]
    assert m["M3_numbers_kept"] == 1.0 and m["M4_entities_kept"] == 1.0 and m["M12_tts_ready"] == 1.0 and m["placeholders"] == 0
    assert m["copy_rate"] <= 0.75, m["copy_rate"]  # rewritten, not copied (the source itself scores 1.0)
    assert m["darija_markers_per_100"] >= 6 and m["msa_left_per_100"] <= 3, m
    text = " ".join(s["darija"] for s in rep["segments"])
    for ident in ids:  # never cut inside a decree or law number or a date
        assert ident in text, ident
    assert not regex.search(r"\d\.\s+\d", text)
    copied = [measure(s["source"], s["source"]) for s in rep["segments"]]
    assert sum(c.copied for c in copied) == sum(c.content_words for c in copied)  # the copy baseline is 1.0
    assert all(s["status"] in rep["status_labels"] for s in rep["segments"])


def test_a_real_french_page_of_minutes(tmp_path: Path) -> None:
    rep = _convert(tmp_path, "couthenans-cr-2022-01", "p001.md")
    m = rep["metrics"]
    assert m["M3_numbers_kept"] == 1.0 and m["M4_entities_kept"] == 1.0 and m["placeholders"] == 0
    by_src = {s["source"].strip(): s for s in rep["segments"]}
    assert by_src["14 votes pour"]["darija"] == "14 صوتو بنعم."
    assert by_src["13 votes pour 1 abstention"]["darija"] == "13 صوتو بنعم و 1 ما صوتوش."
    for s in rep["segments"]:
        assert NEEDS_HUMAN_LABEL not in s["text"]
        if s["status"] == "needs_human":  # not yet in Darija: the notice, then the French sentence itself
            assert s["darija"] == "" and s["text"] == f"{notice_text(PENDING, 'fr')} {s['source']}"
            assert s["reasons_labelled"][0]["fr"].startswith("Aucun modèle")
