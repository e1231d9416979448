"""Bad inputs give a typed error whose message names the file, says what is wrong and what to do.

The files are in tests/resources/bad-* (made by tests/resources/make_bad_inputs.py).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from transform import convert_many
from transform.errors import ExitCode, InputError, UnsupportedFormatError
from transform.options import TransformOptions
from transform.result import ConversionStatus

from ._compare import SAMPLES, load

RES = Path(__file__).resolve().parents[1] / "resources"

CASES = {
    "bad-empty.pdf": (InputError, "empty"),
    "bad-no-pages.pdf": (InputError, "no pages"),
    "bad-truncated.pdf": (InputError, "incomplete"),
    "bad-corrupt.pdf": (InputError, "damaged"),
    "bad-encrypted-user.pdf": (InputError, "password"),
    "bad-zip-not-docx.docx": (UnsupportedFormatError, "not a Word (DOCX)"),
    "bad-entity-bomb.docx": (InputError, "XML entities"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gives_clear_typed_error(name: str) -> None:
    cls, words = CASES[name]
    t0 = time.monotonic()
    with pytest.raises(cls) as info:
        load(RES / name)
    assert time.monotonic() - t0 < 30
    err = info.value
    assert name in err.message and words in err.message, err.message
    assert err.hint and len(err.hint) > 15  # says what to do
    assert err.exit_code == ExitCode.INPUT_FILE and err.code in ("bad_input", "unsupported_format")


def test_image_only_pdf_without_ocr_says_it_needs_ocr() -> None:
    with pytest.raises(InputError) as info:
        load(RES / "bad-image-only.pdf", ocr="never")
    assert "needs OCR" in info.value.message and "no text layer" in info.value.message
    assert "ocr" in (info.value.hint or "").lower()


def test_owner_password_only_is_readable() -> None:
    """Encrypted with an empty user password (printing/copying restrictions only): the text is readable."""
    doc = load(RES / "bad-encrypted-owner.pdf")
    assert doc.meta.page_count == 2
    assert doc.sections[0].heading is not None
    assert "Délibération n° 27/2026" in doc.sections[0].heading.sentences[0].text


def test_too_many_pages(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load(SAMPLES / "budget-citoyen-2026.pdf", max_pages=2)
    assert "3 pages" in info.value.message and "limit of 2" in info.value.message
    assert "max_pages" in (info.value.hint or "")


def test_flate_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    from tests.hostile.corpus import flate_bomb_pdf

    path = tmp_path / "bomb.pdf"
    path.write_bytes(flate_bomb_pdf(expanded_mib=160))
    t0 = time.monotonic()
    with pytest.raises(InputError) as info:
        load(path)
    assert "compression bomb" in info.value.message
    assert time.monotonic() - t0 < 20


def test_convert_many_goes_on_past_bad_files(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    for src in (SAMPLES / "deliberation-conseil.pdf", RES / "bad-truncated.pdf", RES / "bad-zip-not-docx.docx", SAMPLES / "programme-developpement-regional.docx"):
        shutil.copy(src, batch / src.name)
    results = list(convert_many([batch], TransformOptions(outputs=["json"]), tmp_path / "out"))
    by_name = {Path(r.source).name: r for r in results}
    assert len(results) == 4
    assert by_name["deliberation-conseil.pdf"].status == ConversionStatus.SUCCESS
    assert by_name["programme-developpement-regional.docx"].status == ConversionStatus.SUCCESS
    bad = by_name["bad-truncated.pdf"]
    assert bad.status == ConversionStatus.FAILURE and bad.errors[0].code == "bad_input" and "incomplete" in bad.errors[0].message
    assert by_name["bad-zip-not-docx.docx"].errors[0].code == "unsupported_format"
    assert (tmp_path / "out" / "deliberation-conseil" / "deliberation-conseil.json").exists()
