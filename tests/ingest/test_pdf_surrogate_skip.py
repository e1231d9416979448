"""The surrogate repair's walk over the whole model is skipped for a PDF whose texts hold no
UTF-16 half (:func:`transform.ingest.unicode.mark_clean`), and still runs where one may be.

Checked both ways: the skipped document equals the one the full walk gives, and a PDF whose
pdfium text holds halves (tests/ingest/office/astral.pdf) still comes out repaired.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import ingest, unicode
from transform.ingest.pdf import PdfIngester
from transform.model import Document, DocumentMeta, Paragraph, Section, Sentence
from transform.options import TransformOptions

ROOT = Path(__file__).resolve().parents[2]
ASTRAL = ROOT / "tests" / "ingest" / "office" / "astral.pdf"
LOI = ROOT / "tests" / "realdocs" / "files" / "bo-fr-loi-cadre-50-21.pdf"
BILINGUAL = ROOT / "samples" / "programme-developpement-regional.pdf"


def _ctx(path: Path, tmp: Path) -> RunContext:
    return RunContext(options=TransformOptions(ocr="never"), out_dir=tmp, stem=path.stem, source=path)


def test_has_surrogates() -> None:
    assert not unicode.has_surrogates(["Article premier", "المادة الأولى", "𝐀 🚀"])  # whole characters are fine
    assert unicode.has_surrogates(["Article", "x \ud83d"])  # a lone high half
    assert unicode.has_surrogates(["\ude80\ud83d"])  # halves the wrong way round
    assert not unicode.has_surrogates([])


def test_marked_document_is_left_alone_and_others_repaired() -> None:
    def doc(text: str) -> Document:
        return Document(meta=DocumentMeta(), sections=[Section(blocks=[Paragraph(sentences=[Sentence(id="", text=text, notes={})])])])

    marked = doc("a \ud83d")
    unicode.mark_clean(marked)  # a (wrong) promise: the walk must not run, which shows it was skipped
    unicode.repair_document(marked)
    assert marked.sections[0].blocks[0].sentences[0].text == "a \ud83d"
    other = doc("a \ud83d")
    unicode.repair_document(other)  # not marked: repaired as before
    assert other.sections[0].blocks[0].sentences[0].text == "a \ufffd"
    unicode.repair_document(marked)  # a mark serves once
    assert marked.sections[0].blocks[0].sentences[0].text == "a \ufffd"


def test_mark_goes_with_the_document() -> None:
    d = Document(meta=DocumentMeta(), sections=[])
    unicode.mark_clean(d)
    key = id(d)
    assert key in unicode._CLEAN
    del d
    assert key not in unicode._CLEAN  # a dropped document leaves no entry a later one could inherit


@pytest.mark.parametrize("path", [LOI, BILINGUAL], ids=["loi-cadre", "bilingual"])
def test_skipped_walk_gives_the_same_document(path: Path, tmp_path: Path) -> None:
    raw = PdfIngester().ingest(path, _ctx(path, tmp_path))
    key = id(raw)
    assert key in unicode._CLEAN  # no surrogate anywhere: marked
    unicode._CLEAN.pop(key)
    walked = raw.model_copy(deep=True)
    unicode.repair_document(walked)  # the full walk
    skipped = ingest(path, _ctx(path, tmp_path))
    assert skipped.sections == walked.sections
    assert skipped.furniture == walked.furniture
    assert skipped.meta.title == walked.meta.title


def test_pdf_with_halves_is_still_repaired(tmp_path: Path) -> None:
    raw = PdfIngester().ingest(ASTRAL, _ctx(ASTRAL, tmp_path))
    assert id(raw) not in unicode._CLEAN  # pdfium gave UTF-16 halves: no mark
    doc = ingest(ASTRAL, _ctx(ASTRAL, tmp_path))
    dumped = doc.model_dump_json()  # raises on a surrogate left anywhere
    assert "𝐀" in dumped or "\\ud835\\udc00" in dumped
    assert not unicode.has_surrogates([dumped])
