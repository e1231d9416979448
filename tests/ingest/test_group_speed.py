"""The grouping's early exits (issue 23, same output): a page without a run of short lines skips the entry
tests, two lines whose middles are apart skip the centred-group tests; on real corpus pages, the blocks
they would have made are still made."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest._realpages import block_text, read_pages
from transform.ingest import pdf_block_runs, pdf_blocks


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    calls = [0]
    real = getattr(module, name)

    def counted(*args: object) -> object:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(module, name, counted)
    return calls


def _runs(monkeypatch: pytest.MonkeyPatch) -> list[set[int]]:
    found: list[set[int]] = []
    real = pdf_blocks.entry_runs

    def kept(*args: object) -> set[int]:
        found.append(real(*args))  # type: ignore[arg-type]
        return found[-1]

    monkeypatch.setattr(pdf_blocks, "entry_runs", kept)
    return found


def test_entry_runs_skip_pages_without_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loi-cadre's pages 2 and 3 (two columns) hold some seventy lines of at most 60 characters each, but no five
    lines of at most four words one after the other: no entry test runs (main tested each short line); the Seine guide's
    page 29 and Cabestany's magazine page 2 hold a column of short lines, still one block each."""
    entry_calls = _counting(monkeypatch, pdf_block_runs, "_entry")
    runs = _runs(monkeypatch)
    blocks = read_pages("bo-fr-loi-cadre-50-21.pdf", [1, 2], tmp_path)
    assert len(blocks) > 20 and len(runs) == 2
    assert runs == [set(), set()]
    assert entry_calls[0] == 0
    for name, page, words in (("seine-normandie-guide-erc-2024.pdf", 28, "d’aménagement et de développement durables ou"),
                              ("cabestany-budget-2024-cabesinfo.pdf", 1, "Des activités pour tous les âges, pour tous les goûts")):
        runs.clear()
        texts = [block_text(b) for b in read_pages(name, [page], tmp_path)]
        assert any(len(r) >= 4 for r in runs), name
        assert entry_calls[0] > 0
        assert any(words in t for t in texts), (name, texts)


def test_centred_groups_test_middles_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the loi-cadre's eight pages two lines reach ``own_axis`` only when their middles agree (6 pairs; main
    tested 122); the blocks around its signature are read as the truth writes them."""
    axis_calls = _counting(monkeypatch, pdf_blocks, "own_axis")
    blocks = read_pages("bo-fr-loi-cadre-50-21.pdf", list(range(8)), tmp_path)
    texts = [block_text(b) for b in blocks]
    assert len(texts) > 100
    assert 0 < axis_calls[0] <= 10
    assert "Fait à Fès, le 15 hija 1442 (26 juillet 2021)." in texts  # the dating formula a paragraph of its own (pdf_signature_groups.cut_datings)
    assert "Pour contreseing : Le Chef du gouvernement, SAAD DINE EL OTMANI." in texts
