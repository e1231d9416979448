"""The PDF reader's time bound (transform/ingest/pdf.py, ``_Budget``): a long valid document is not refused because
the machine is busy (the bound is the reading's own CPU time; the clock bound is the run's ``timeout_s``), and a
reading past either bound stops with a typed error that says what to do, never a hang or a traceback."""

from __future__ import annotations

from itertools import count
from pathlib import Path

import pytest

from transform.context import RunContext
from transform.errors import InputError
from transform.ingest import ingest
from transform.ingest import pdf as pdf_reader
from transform.options import TransformOptions

from ._realpages import FILES, block_text, doc_blocks

LAW = FILES / "bo-fr-loi-cadre-50-21.pdf"  # 8 pages of the French Bulletin officiel


def _read(tmp_path: Path, **options: object):  # type: ignore[no-untyped-def]
    if not LAW.exists():
        pytest.skip("the corpus file is missing")
    opts = TransformOptions.model_validate({"ocr": "never", **options})
    return ingest(LAW, RunContext(options=opts, out_dir=tmp_path, stem=LAW.stem, source=LAW))


def test_a_busy_machine_does_not_refuse_a_valid_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # each look at the clock 50 s later: 8 pages "take" 400 s on the clock (the old bound, 300 s on the clock,
    # refused the document at its 7th page) while the reading's CPU time stays what it is
    ticks = count(0.0, 50.0)
    monkeypatch.setattr(pdf_reader, "_wall", lambda: next(ticks))
    doc = _read(tmp_path)
    assert len(doc.meta.pages) == 8
    pages = {getattr(b, "page", None) for b in doc_blocks(doc) if block_text(b)}
    assert set(range(1, 9)) <= pages  # every page's text is there


def test_the_clock_bound_still_stops_a_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = count(0.0, 50.0)
    monkeypatch.setattr(pdf_reader, "_wall", lambda: next(ticks))
    with pytest.raises(InputError) as err:
        _read(tmp_path, timeout_s=120)  # past 120 s on the clock at the 3rd page
    assert "took too long (stopped at page 3 of 8)" in str(err.value)
    assert "Split the document" in (err.value.hint or "")
    assert err.value.http_status == 422


def test_the_cpu_bound_stops_a_costly_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = count(0.0, 100.0)  # each look at this thread's CPU time: 100 s more (a page that costs minutes)
    monkeypatch.setattr(pdf_reader, "_cpu", lambda: next(ticks))
    with pytest.raises(InputError) as err:
        _read(tmp_path)
    assert "took too long (stopped at page 4 of 8)" in str(err.value)  # over 300 s of CPU after three pages
