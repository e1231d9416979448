"""A confidence on every block: the helper's one threshold, blocks rated from their lines, and
what the CLI says (pages OCR'd, blocks in doubt; `--ocr never` on a broken layer fails)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ocr_testkit as pdfkit
import pytest
from ocr_testkit import FR_SAMPLE, make_ctx

from transform.ingest import INGESTERS
from transform.ingest.base import TextLine
from transform.model import PageReport, Paragraph, Sentence
from transform.ocr import confidence
from transform.ocr.confidence import DOUBT_BELOW, from_ocr, from_text_layer, of_lines


def line(text: str, conf: float | None, doubt: str | None = None) -> TextLine:
    return TextLine(text, 0, 0, 10, 10, confidence=conf, doubt=doubt)


def test_one_threshold_for_text_layers_and_ocr() -> None:
    assert from_ocr(93.0) == (0.93, None)
    assert from_ocr(55.0) == (0.55, "ocr_low_confidence")
    assert from_text_layer(0.84) == (0.84, None)
    assert from_text_layer(0.55) == (0.55, "text_layer_unsure")
    assert from_text_layer(0.55, agreement=0.96) == (0.96, None)  # an OCR sample vouched for the layer
    assert from_text_layer(None) == (None, None)
    assert from_ocr(DOUBT_BELOW * 100)[1] is None and from_ocr(DOUBT_BELOW * 100 - 1)[1] is not None


def test_a_block_is_as_sure_as_its_weakest_line() -> None:
    good = [line("يشكل برنامج التنمية الجهوية", 0.93), line("الوثيقة المرجعية التي تحدد", 0.91)]
    assert of_lines(good) == (0.91, None)
    nonsense = line("ك3 المغريية ورادة العد مد مرمة", 0.41, "ocr_low_confidence")  # a running header read as nonsense
    assert of_lines([*good, nonsense]) == (0.41, "ocr_low_confidence")
    assert of_lines([*good, line("•", 0.2, "ocr_low_confidence")]) == (0.91, None)  # a stray bullet does not decide
    assert of_lines([*good, line("2026 ماي 17", 0.93, "digits_disagree")])[1] == "digits_disagree"
    assert of_lines([line("x", None)]) == (None, None)


def test_apply_rates_blocks_from_their_groups_and_pages() -> None:
    class Group:
        def __init__(self, lines: list[TextLine]) -> None:
            self.lines, self.table = lines, None

        @property
        def text(self) -> str:
            return " ".join(ln.text for ln in self.lines)

    ocr_lines = [line("نص مقروء", 0.95), line("سطر مشكوك فيه", 0.5, "ocr_low_confidence")]
    blocks = [Paragraph(sentences=[Sentence(id="", text="نص مقروء سطر مشكوك فيه")], page=1),
              Paragraph(sentences=[Sentence(id="", text="texte du calque")], page=2)]
    reports = [PageReport(page=1, method="ocr"), PageReport(page=2, method="text", score=0.88)]
    confidence.apply(blocks, [Group(ocr_lines)], reports)
    assert (blocks[0].confidence, blocks[0].doubt) == (0.5, "ocr_low_confidence")
    assert (blocks[1].confidence, blocks[1].doubt) == (0.88, None)
    assert confidence.count_doubtful(blocks) == 1


def test_every_pdf_block_carries_a_confidence(tmp_path: Path) -> None:
    doc = INGESTERS.create("pdf").ingest(FR_SAMPLE, make_ctx(tmp_path))
    blocks = doc.sections[0].blocks
    assert blocks and all(b.confidence is not None and b.confidence >= DOUBT_BELOW and b.doubt is None for b in blocks)


def taysir(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "transform", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_cli_says_what_was_ocrd_and_what_to_check(ar_source: Path, work: Path, tmp_path: Path) -> None:
    scan = pdfkit.scan_pdf(ar_source, work / "cli-scan.pdf", 150, pages=[0])
    mixed = pdfkit.merge_pdfs(work / "cli-mixed.pdf", [scan, FR_SAMPLE])
    proc = taysir("inspect", str(mixed))
    assert proc.returncode == 0, proc.stderr
    assert "read: 3 pages: 1 OCR'd;" in proc.stdout and "blocks to check against the source" in proc.stdout
    proc = taysir("convert", str(mixed), "-o", str(tmp_path / "out"), "--outputs", "json,text")
    assert proc.returncode == 0, proc.stderr
    assert "read: 3 pages: 1 OCR'd;" in proc.stdout


def test_ocr_never_on_a_broken_layer_fails_clearly(ar_source: Path, work: Path, tmp_path: Path) -> None:
    broken = pdfkit.permute_tounicode(ar_source, work / "cli-broken.pdf")
    for args in (("inspect", "--ocr", "never", str(broken)),
                 ("convert", "--ocr", "never", str(broken), "-o", str(tmp_path / "o"), "--outputs", "json")):
        proc = taysir(*args)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 2, (args, out)
        assert "is broken" in out and "--ocr auto" in out and "Traceback" not in out
