"""The corpus's two coarse scans stay refused, and why (docs/ocr.md, "Coarse scans").

Decree 2.77.756 p. 4 is a 1977 table scanned at 52 x 44 dpi (digits about 8 pixels high, dot
leaders), order 137.19 p. 3 a bilingual form at 93 x 77 dpi. Issue 17 wants a scan read
whenever a plain ``tesseract`` run on a good rendering of the page reads it: the measure below
(bench/coarse_scans.py, the corpus scorer's normalisation) shows that none does, so the reader
keeps reporting them unreadable, with the resolution and what to do, instead of publishing
garbage. The measure itself is tested on the truth and on bad readings first.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pikepdf
import pytest
from ocr_testkit import one_page

from transform.errors import InputError
from transform.evaluation import read_document

ROOT = Path(__file__).resolve().parents[2]
# loaded from its file: putting bench/ on sys.path would let bench/service.py, bench/ocr.py...
# shadow the packages of the same name for the rest of the session
_spec = importlib.util.spec_from_file_location("bench_coarse_scans", ROOT / "bench" / "coarse_scans.py")
assert _spec is not None and _spec.loader is not None
cs = sys.modules.setdefault(_spec.name, importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(cs)

FILES = ROOT / "tests" / "realdocs" / "files"


def _truth(name: str) -> tuple[list[str], list[str]]:
    doc, page = cs.PAGES[name]
    if not (FILES / f"{doc}.pdf").exists():
        pytest.skip("real-document corpus not present")
    return cs.truth_of(doc, page)


def test_the_measure_passes_the_truth_and_fails_bad_readings() -> None:
    tw, tn = _truth("table")
    assert len(tn) >= 60 and "1.15" in tn and "106.47" in tn  # the coefficients and the dates of the rows
    right = cs.measure(" ".join(tw), tw, tn)
    assert (right.accuracy, right.in_order, right.found, right.numbers) == (1.0, 1.0, 1.0, len(tn))
    # the old refusal: nothing read
    none = cs.measure("", tw, tn)
    assert (none.accuracy, none.numbers) == (0.0, 0)
    # the coefficients read in the wrong order: every word is there, the numbers are not in order
    swapped = list(tw)
    i, j = swapped.index("1.15"), swapped.index("106.47")
    swapped[i], swapped[j] = swapped[j], swapped[i]
    bad = cs.measure(" ".join(swapped), tw, tn)
    assert bad.found == 1.0 and bad.numbers < len(tn) and bad.accuracy < 1.0
    # decimal points read as colons (``1:15``), as tesseract does on this scan: those numbers are lost
    colons = cs.measure(" ".join(w.replace(".", ":") if w[:1].isdigit() else w for w in tw), tw, tn)
    assert colons.numbers <= len(tn) - 23
    # dot leaders read as words: extra words count against the accuracy, not against "found"
    leaders = cs.measure(" ".join(w + " ennnoronnnnsss" for w in tw), tw, tn)
    assert leaders.found == 1.0 and leaders.accuracy == 0.0


def test_dot_leaders_are_whitened_and_letters_kept() -> None:
    import numpy as np

    a = np.full((20, 80), 255, dtype=np.uint8)
    a[10, 4:40:4] = 0  # nine lone dots on one row, 4 px apart: a leader
    a[5:15, 50:53] = 0  # a letter stroke
    a[3, 51] = 0  # its dot, next to it
    a[10, 60] = 0  # two lone dots only: not a leader
    a[10, 66] = 0
    out = cs.drop_leaders(a)
    assert (out[10, 4:40] == 255).all()
    assert (out[5:15, 50:53] == 0).all() and out[3, 51] == 0
    assert out[10, 60] == 0 and out[10, 66] == 0


@pytest.mark.slow
@pytest.mark.parametrize(("name", "spec"), [("table", "reader:250:lanczos:none:ara+fra:3"),
                                            ("table", "scan:300:lanczos:leaders:ara+fra:6"),
                                            ("form", "scan:300:lanczos:none:ara+fra:4")])
def test_plain_tesseract_does_not_read_the_coarse_scans(name: str, spec: str) -> None:
    """The reader's own render of the scan and the best variants measured: tesseract finds some
    of the words (it is the right page, read) but gets most of them wrong or out of order."""
    tw, tn = _truth(name)
    m = cs.measure(cs.read_variant(name, spec), tw, tn)
    assert m.found >= 0.2 and m.numbers >= 5, m.line()  # the page is read, not blank or another page
    assert m.accuracy < 0.6 and m.in_order < 0.6, m.line()
    if name == "table":
        assert m.numbers < len(tn) / 2, m.line()


@pytest.mark.slow
def test_the_coarse_table_is_refused_with_its_resolution(tmp_path: Path) -> None:
    _truth("table")
    path = one_page(FILES / "adala-ar-decree-2-77-756.pdf", 4, tmp_path / "p4.pdf")
    with pytest.raises(InputError) as err:
        read_document(path)
    reason = str(err.value)
    assert "not even with OCR" in reason and "could not read this page reliably" in reason
    assert "scanned at about 44 dpi: rescan it at 300 dpi" in reason


@pytest.mark.slow
def test_the_coarse_form_is_refused_and_the_page_before_it_kept(tmp_path: Path) -> None:
    _truth("form")
    path = tmp_path / "p2-3.pdf"
    with pikepdf.open(FILES / "adala-arfr-order-137-19.pdf") as pdf, pikepdf.new() as two:
        two.pages.extend([pdf.pages[1], pdf.pages[2]])
        two.save(path)
    doc = read_document(path)
    first, form = doc.meta.pages
    assert first.method == "text"
    assert form.method == "unreadable"
    assert "scanned at about 77 dpi: rescan it at 300 dpi" in (form.reason or "")
