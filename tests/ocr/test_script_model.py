"""The script model ``Arabic`` (tesseract-ocr-script-arab) as a second reader of OCR'd Arabic
lines: stray Latin words won back, ``%`` signs that ``ara`` cannot read put back (a real page)."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from transform.evaluation import read_document
from transform.evaluation.stream import build_stream
from transform.ocr.tesseract import _PERSIAN, SCRIPT_MODEL, installed_langs

REALDOCS = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def test_persian_letters_mark_a_reading_not_taken() -> None:
    assert _PERSIAN.search("22 فبرایر 1995 کما")  # ی and ک: the script model reading Persian forms
    assert not _PERSIAN.search("سوق الحبوب والقطاني، الصادر بتنفيذه الظهير الشريف")


@pytest.mark.slow
def test_joint_order_page_4_words_and_percent(tmp_path: Path) -> None:
    """Joint order 1096.26, p. 4 (126 dpi scan). With ``ara+fra`` alone: ``74 90`` for ``74 %``
    and ``الدقيق`` read by the French model as ``ail``; both come back with the script model."""
    src = REALDOCS / "adala-ar-joint-order-1096-26.pdf"
    if not src.exists():
        pytest.skip("real-document corpus not present")
    if SCRIPT_MODEL["ara"] not in installed_langs():
        pytest.skip("tesseract-ocr-script-arab not installed")
    with pikepdf.open(src) as pdf, pikepdf.new() as one:
        one.pages.append(pdf.pages[3])
        one.save(tmp_path / "p4.pdf")
    doc = read_document(tmp_path / "p4.pdf")
    text = " ".join(build_stream(doc).raws)
    assert "(ara and Arabic models voting)" in doc.meta.pages[0].reason
    assert re.search(r"74 ?% فيما يخص الدقيق الخاص", text), text
    assert "74 90" not in text
    assert "فيما يخص الدقيق الوطني: 325,375 درهما للقنطار" in text
    assert "ail الوطني" not in text
