"""TMX and TSV files of the translation memory: round trips, files from other tools, refused files; the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transform.cli import main
from transform.errors import InputError
from transform.simplify import tmx
from transform.simplify.memory import FileMemory, MemoryEntry
from transform.simplify.review import load_document, segments

from .conftest import MSA_TEXT

ENTRIES = [
    MemoryEntry("سيتم إحداث 12 مركزا صحيا بإقليم أزيلال خلال سنة 2025.", "ar", "الجهة غادي تبني 12 مركز صحي ف أزيلال ف 2025.",
                document="budget-2026.pdf", segment="s1-b2-1", approved_by="Amina", approved_at="2026-03-15T10:20:30Z", origin="approval"),
    MemoryEntry("Le conseil a voté un budget de 2,8 milliards de dirhams.", "fr", "المجلس وافق على ميزانية ديال 2 مليار و 800 مليون درهم.",
                document="pv.docx", segment="s2-b1-1", approved_by="Khadija B.", approved_at="2026-04-01T08:00:00Z", origin="approval"),
    MemoryEntry("النص مع < و & و \"علامات\"", "ar", "النص فيه < و & و \"علامات\"", approved_by="", approved_at=""),
]


def _fields(e: MemoryEntry) -> tuple[str, ...]:
    return (e.source, e.source_lang, e.target, e.document, e.segment, e.approved_by, e.approved_at)


def test_tmx_round_trip_into_an_empty_memory(tmp_path: Path) -> None:
    data = tmx.write_tmx(ENTRIES)
    assert b'<tuv xml:lang="ary">' in data and b'srclang="*all*"' in data and b'creationdate="20260315T102030Z"' in data
    path = tmp_path / "export.tmx"
    path.write_bytes(data)
    empty = FileMemory(tmp_path / "new.tmx")
    assert empty.entries == []
    assert empty.add(tmx.read_memory_file(path).entries) == 3
    again = FileMemory(tmp_path / "new.tmx")  # read back from its own file
    assert [_fields(e) for e in again.entries] == [_fields(e) for e in ENTRIES]
    assert tmx.write_tmx(again.entries) == data  # a second export is the same file


def test_tsv_round_trip(tmp_path: Path) -> None:
    data = tmx.write_memory_tsv(ENTRIES)
    assert data.decode().splitlines()[0] == "source_lang\tsource\tdarija\tdocument\tapproved_by\tapproved_at"
    got = tmx.read_memory_tsv(data)
    assert got.skipped == []
    assert [(e.source, e.source_lang, e.target, e.document, e.approved_by, e.approved_at) for e in got.entries] == \
        [(e.source, e.source_lang, e.target, e.document, e.approved_by, e.approved_at) for e in ENTRIES]
    bad = tmx.read_memory_tsv("ar\tمصدر\nen\tsource\tdarija\nfr\tLe conseil\tLe conseil\n".encode())
    assert bad.entries == [] and len(bad.skipped) == 3
    assert "line 2: source language 'en'" in bad.skipped[1] and "not in Arabic script" in bad.skipped[2]


def test_tmx_from_other_tools(tmp_path: Path) -> None:
    """Region subtags, TMX 1.1 'lang', inline codes, a DTD reference, two sources in one unit, unusable units skipped."""
    data = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="omt" adminlang="EN-US"
 srclang="AR-MA" datatype="plaintext"/>
<body>
 <tu changeid="Youssef" changedate="20250102T030405Z">
  <tuv xml:lang="AR-MA"><seg>تم إنجاز <ph x="1">&lt;b&gt;</ph>60%<ph x="2">&lt;/b&gt;</ph> من <hi>الأشغال</hi>.</seg></tuv>
  <tuv xml:lang="fr-FR"><seg>60 % des travaux sont réalisés.</seg></tuv>
  <tuv xml:lang="ary-MA"><seg>تسالاو 60 ف المية من الأشغال.</seg></tuv>
 </tu>
 <tu><tuv lang="ar"><seg>مرحبا</seg></tuv><tuv lang="ary"><seg>مرحبا بيكم</seg></tuv></tu>
 <tu><tuv xml:lang="ar"><seg>بدون ترجمة</seg></tuv></tu>
 <tu><tuv xml:lang="en"><seg>English</seg></tuv><tuv xml:lang="ary"><seg>نجليزية</seg></tuv></tu>
</body></tmx>""".encode()
    got = tmx.read_tmx(data)
    assert [(e.source_lang, e.source, e.target) for e in got.entries] == [
        ("ar", "تم إنجاز 60% من الأشغال.", "تسالاو 60 ف المية من الأشغال."),
        ("fr", "60 % des travaux sont réalisés.", "تسالاو 60 ف المية من الأشغال."),
        ("ar", "مرحبا", "مرحبا بيكم"),
    ]
    assert got.entries[0].approved_by == "Youssef" and got.entries[0].approved_at == "2025-01-02T03:04:05Z"
    assert got.skipped == ["unit 3: no Darija (ary) text", "unit 4: no Arabic (ar) or French (fr) source text"]


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="ar"><seg>&c;</seg></tuv><tuv xml:lang="ary"><seg>x</seg></tuv></tu></body></tmx>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="ar"><seg>&x;</seg></tuv><tuv xml:lang="ary"><seg>x</seg></tuv></tu></body></tmx>"""


@pytest.mark.parametrize(("data", "words"), [
    (BOMB, "entities"),
    (EXTERNAL, "entities"),
    (b"<tmx><body><tu>", "not well-formed"),
    (b"<xliff version='1.2'/>", "not a TMX file"),
    (b"<tmx version='1.4'><header/></tmx>", "no <body>"),
    ("<tmx><body/></tmx>".encode("utf-16"), "not UTF-8"),
])
def test_bad_tmx_files_are_refused(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as err:
        tmx.read_tmx(data, "upload.tmx")
    assert words in err.value.message and "upload.tmx" in err.value.message


def test_size_and_unit_limits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = tmx.write_tmx(ENTRIES)
    monkeypatch.setattr(tmx, "MAX_BYTES", len(data) - 1)
    with pytest.raises(InputError, match="the limit is"):
        tmx.read_tmx(data)
    path = tmp_path / "big.tmx"
    path.write_bytes(data)
    with pytest.raises(InputError, match="the limit is"):
        tmx.read_memory_file(path)
    monkeypatch.setattr(tmx, "MAX_BYTES", 10**9)
    monkeypatch.setattr(tmx, "MAX_UNITS", 2)
    with pytest.raises(InputError, match="3 units: the limit is 2"):
        tmx.read_tmx(data)
    monkeypatch.setattr(tmx, "MAX_UNITS", 100)
    monkeypatch.setattr(tmx, "MAX_CHARS", 20)
    assert len(tmx.read_tmx(data).skipped) == 3


def test_two_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.tmx"
    a, b = FileMemory(path), FileMemory(path)
    a.add(ENTRIES[:1])
    b.add(ENTRIES[1:2])  # b read the file before a wrote: add reads it again under the lock
    assert {e.source for e in FileMemory(path).entries} == {ENTRIES[0].source, ENTRIES[1].source}
    newer = MemoryEntry(ENTRIES[0].source, "ar", ENTRIES[0].target, approved_by="Said", approved_at="2027-01-01T00:00:00Z")
    assert a.add([newer]) == 1
    kept = FileMemory(path).entries
    assert len(kept) == 2 and kept[0].approved_by == "Said"  # the same pair again: refreshed, not doubled


def test_cli_convert_approve_and_convert_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`taysir convert --memory`, `taysir review approve --memory`, `taysir tm export/import/search`."""
    src = tmp_path / "budget.md"
    src.write_text(MSA_TEXT, encoding="utf-8")
    mem = tmp_path / "council.tmx"
    assert main(["convert", str(src), "-o", str(tmp_path / "a"), "--outputs", "darija", "--memory", str(mem)]) == 0
    draft = tmp_path / "a" / "budget" / "budget.ary.draft.json"
    assert main(["review", "approve", str(draft), "--by", "Amina", "-o", str(tmp_path / "pub"), "--outputs", "text", "--memory", str(mem)]) == 0
    n = len(segments(load_document(draft)))
    assert f"{n} segment(s) learned" in capsys.readouterr().out
    assert main(["convert", str(src), "-o", str(tmp_path / "b"), "--outputs", "darija", "--memory", str(mem)]) == 0
    again = segments(load_document(tmp_path / "b" / "budget" / "budget.ary.draft.json"))
    assert {s.status for s in again} == {"from_memory"}

    assert main(["tm", "export", str(tmp_path / "out.tsv"), "--memory", str(mem)]) == 0
    assert main(["tm", "import", str(tmp_path / "out.tsv"), "--memory", str(tmp_path / "copy.tmx")]) == 0
    assert f"{n} added" in capsys.readouterr().out
    assert [e.target for e in FileMemory(tmp_path / "copy.tmx").entries] == [e.target for e in FileMemory(mem).entries]
    assert main(["tm", "search", "سيتم إحداث 15 مركزا صحيا بإقليم أزيلال خلال سنة 2025، وتوفير النقل المدرسي لفائدة 3000 تلميذ في المناطق الجبلية بإقليم خنيفرة.",
                 "--memory", str(mem)]) == 0
    out = capsys.readouterr().out
    assert "«12» → «15»" in out and "Amina" in out
    (tmp_path / "bad.tmx").write_bytes(BOMB)
    assert main(["tm", "import", str(tmp_path / "bad.tmx"), "--memory", str(mem)]) == 2
    assert "entities" in capsys.readouterr().err
    report = json.loads((tmp_path / "b" / "budget" / "budget.ary.quality.json").read_text(encoding="utf-8"))
    assert report["provenance"]["memory"].startswith(f"{n} of {n} segments")
