"""Every odd office or text input is read, or refused with a typed error that says what to do.

Encodings are found, not assumed (UTF-16 with or without a mark, Windows-1256, Windows-1252 /
Latin-1); password-protected DOCX and ODT say so; flat ODT is read as ODT; old or foreign
formats are named. Never a traceback (the CLI is run as a user runs it).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from transform.errors import ExitCode, InputError, UnsupportedFormatError
from transform.ingest import detect_format
from transform.model.walk import iter_sentences

from ._compare import load
from ._office import OFFICE, grid, norm, notes, tables

AR = "قرر المجلس الجهوي المصادقة على الميزانية بتاريخ 9 محرم 1448 (25 يونيو 2026)."
FR = "Le Conseil régional a adopté le budget à l'unanimité ; Été 2026, œuvre, À bientôt."
FR_1256 = "Le Conseil régional a adopté le budget à l'unanimité le 25 juin 2026."  # only the accents Windows-1256 has


def _texts(path: Path) -> list[str]:
    return [loc.sentence.text for loc in iter_sentences(load(path))]


@pytest.mark.parametrize(
    ("encoding", "text", "bom"),
    [
        ("utf-8", AR + "\n\n" + FR, b"\xef\xbb\xbf"),
        ("utf-16-le", AR + "\n\n" + FR, b"\xff\xfe"),
        ("utf-16-be", AR + "\n\n" + FR, b"\xfe\xff"),
        ("utf-16-le", FR, b""),  # Notepad's "Unicode" without its mark
        ("cp1256", AR + "\r\n\r\n" + FR_1256, b""),
        ("cp1252", FR, b""),
        ("latin-1", FR.replace("œ", "oe"), b""),
    ],
)
def test_text_encodings_are_found(encoding: str, text: str, bom: bytes, tmp_path: Path) -> None:
    path = tmp_path / f"note-{encoding}.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert detect_format(path) == "text"
    got = " ".join(_texts(path))
    for para in text.replace("\r\n", "\n").split("\n\n"):
        assert norm(para) in norm(got), (encoding, got)


def test_html_and_markdown_in_windows_encodings(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    html.write_bytes(("<html><head><meta http-equiv=Content-Type content='text/html; charset=windows-1256'></head>"
                      f"<body><h1>الميزانية</h1><p>{AR}</p></body></html>").encode("cp1256"))
    assert _texts(html) == ["الميزانية", AR]
    md = tmp_path / "note.md"
    md.write_bytes("# Délibération\n\n**Adoptée** à l'unanimité le 25/06/2026.\n\n- Été\n".encode("cp1252"))
    assert detect_format(md) == "markdown"
    assert [norm(t) for t in _texts(md)] == ["Délibération", "Adoptée à l'unanimité le 25/06/2026.", "Été"]
    stale = tmp_path / "resaved.html"  # re-saved as UTF-8, still declaring windows-1252 (as a real Word export in the corpus)
    stale.write_bytes(("<html><head><meta http-equiv=Content-Type content='text/html; charset=windows-1252'></head>"
                       f"<body><p>{FR}</p><p>{AR}</p></body></html>").encode())
    assert norm(" ".join(_texts(stale))) == norm(FR + " " + AR)


def test_flat_odt_is_read_as_odt() -> None:
    """LibreOffice's flat XML (.fodt) gives the same document as the .odt it was made from."""
    assert detect_format(OFFICE / "notes.fodt") == "odt"
    flat, odt = load(OFFICE / "notes.fodt"), load(OFFICE / "notes.odt")
    assert [loc.sentence.text for loc in iter_sentences(flat)] == [loc.sentence.text for loc in iter_sentences(odt)]
    assert len(notes(flat)) == 6 and grid(tables(flat)[0]) == grid(tables(odt)[0])
    assert not any("<" in loc.sentence.text or "office:" in loc.sentence.text for loc in iter_sentences(flat))


def test_flat_odt_with_embedded_image_and_wrong_name(tmp_path: Path) -> None:
    """A flat ODT named .xml with a base64 image: read by content, the image's text alternative kept."""
    xml = (OFFICE / "notes.fodt").read_text(encoding="utf-8")
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC")
    frame = ('<draw:frame draw:name="Logo" svg:width="1cm" svg:height="1cm"><draw:image><office:binary-data>'
             f"{png}</office:binary-data></draw:image><svg:title>Logo de la Région</svg:title></draw:frame>")
    first_p = xml.index("<text:p ", xml.index("<office:text"))
    end = xml.index(">", first_p) + 1
    path = tmp_path / "export.xml"
    path.write_text(xml[:end] + frame + xml[end:], encoding="utf-8")
    assert detect_format(path) == "odt"
    assert len(notes(load(path))) == 6


CASES: dict[str, tuple[type[Exception], str]] = {
    "protected.docx": (InputError, "protected by a password"),
    "protected.odt": (InputError, "protected by a password"),
    "old-word.doc": (UnsupportedFormatError, "Word 97-2003"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_office_files_refused_with_what_to_do(name: str) -> None:
    cls, words = CASES[name]
    with pytest.raises(cls) as info:
        load(OFFICE / name)
    err = info.value
    assert type(err) is cls and name in err.message and words in err.message
    assert err.hint and ("File > " in err.hint or "save it as" in err.hint.lower())
    assert err.exit_code == ExitCode.INPUT_FILE


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _odd_inputs(tmp: Path) -> dict[str, tuple[bytes | None, str, type[Exception] | None, str]]:
    """name -> (bytes, expected format or "", expected error, words in the message or in the text)."""
    _zip(tmp / "no-document.docx", {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<w:styles/>"})
    _zip(tmp / "sheet.xlsx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    return {
        "style-only.html": (b"<html><head><style>p { color: red; }</style></head><body></body></html>", "html", InputError, "no text"),
        "style-only-bare.html": (b"<style>p.MsoNormal { margin: 0; }</style>\n", "html", InputError, "no text"),
        "comment-only.html": (b"<!-- rien -->", "html", InputError, "no text"),
        "table-only.md": (b"| Rubrique | Montant |\n|---|---|\n| Routes | 380 000 000 |\n", "markdown", None, "380 000 000"),
        "image-only.md": (b"![Logo de la R\xc3\xa9gion](logo.png)\n", "markdown", None, "Logo de la Région"),
        "blank.md": (b"\n  \n\t\n", "text", InputError, "no text"),
        "bom-only.txt": (b"\xef\xbb\xbf", "text", InputError, "no text"),
        "nul.txt": (b"abc\x00def", "", UnsupportedFormatError, "not a document format"),
        "note.rtf": (b"{\\rtf1\\ansi Budget 2026}", "", UnsupportedFormatError, "Rich Text Format"),
        "drawing.xml": (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "", UnsupportedFormatError, "XML file"),
        "word2003.xml": (b'<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>', "", UnsupportedFormatError, "Word XML"),
        "no-document.docx": (None, "", InputError, "word/document.xml"),
        "sheet.xlsx": (None, "", UnsupportedFormatError, "Excel"),
        "truncated.docx": ((OFFICE / "endnotes.docx").read_bytes()[:4000], "", InputError, "damaged"),
        "broken.fodt": (b'<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                        b'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:p>', "odt", InputError, "well-formed"),
        "entity.fodt": (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                        b'office:mimetype="application/vnd.oasis.opendocument.text"><office:body/></office:document>', "odt", InputError, "entities"),
    }


def test_odd_inputs_read_or_typed_error(tmp_path: Path) -> None:
    for name, (data, fmt, err, words) in _odd_inputs(tmp_path).items():
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        if err is UnsupportedFormatError or (err is InputError and not fmt):
            with pytest.raises(err) as info:  # refused when the format is detected
                detect_format(path)
            assert words in info.value.message and info.value.hint, (name, info.value.message)
            continue
        assert detect_format(path) == fmt, name
        if err is None:
            assert words in " ".join(_texts(path)), name
            continue
        with pytest.raises(err) as info:
            load(path)
        assert words in info.value.message and name in info.value.message and info.value.hint, (name, info.value.message)


def test_cli_never_shows_a_traceback(tmp_path: Path) -> None:
    """`taysir convert` on a folder of every odd input: each file is converted or fails with its
    own one-line reason; never a traceback, and the batch goes on."""
    import json
    import shutil

    batch = tmp_path / "batch"
    batch.mkdir()
    cases = _odd_inputs(batch)
    for name, (data, *_rest) in cases.items():
        if data is not None:
            (batch / name).write_bytes(data)
    for name in CASES:
        shutil.copy(OFFICE / name, batch / name)
    proc = subprocess.run([sys.executable, "-m", "transform", "convert", str(batch), "-o", str(tmp_path / "out"), "--outputs", "json", "--json"],
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    rows = {Path(r["source"]).name: r for r in (json.loads(ln) for ln in proc.stdout.splitlines() if ln.startswith("{"))}
    assert set(rows) == set(cases) | set(CASES)
    for name, row in rows.items():
        expected_error = cases[name][2] if name in cases else CASES[name][0]
        if expected_error is None:
            assert row["status"] == "success", row
        else:
            assert row["status"] == "failure", row
            err = row["errors"][0]
            assert name in err["message"] and err["code"] in ("bad_input", "unsupported_format") and err["hint"], err
    assert proc.returncode == ExitCode.INPUT_FILE


def test_spaces_at_the_edge_of_styled_text_are_kept(tmp_path: Path) -> None:
    """``<em>sous </em><a><em>licence ouverte </em></a>2.0``: the spaces inside the styled runs
    separate the words (they were lost: ``souslicence ouverte2.0``)."""
    path = tmp_path / "spans.html"
    path.write_text('<html><body><p><em>Ce document est placé sous </em><a href="https://example.org/lo"><em>licence ouverte </em></a>'
                    "<em>2.0</em> ou ultérieure.</p></body></html>", encoding="utf-8")
    assert _texts(path) == ["Ce document est placé sous licence ouverte 2.0 ou ultérieure."]
