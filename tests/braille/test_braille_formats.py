"""Unicode braille, BRF and PEF files: structure checked, not just produced."""

from __future__ import annotations

import louis
from lxml import etree

from transform.braille import BrailleOptions, to_brf, to_index_json, to_pef, to_unicode, translate_document, validate_pef
from transform.braille.formats import brf_to_cells, cells_to_brf
from transform.braille.pef import DC_NS, PEF_NS
from transform.braille.tables import tables_for

from .braille_docs import budget_doc
from .test_braille_layout import long_doc


def test_brf_matches_liblouis_nabcc_display() -> None:
    # text_nabcc.dis is liblouis's own North American Braille ASCII display table
    text = "ڭاع پاريس 78 %"
    tables = list(tables_for("ar"))
    cells = louis.translateString(tables, text, mode=louis.dotsIO | louis.ucBrl)
    assert cells_to_brf(cells) == louis.translateString(tables, text).upper()
    assert cells_to_brf("⠛⠁⠷") == "GA("
    assert brf_to_cells("ga(") == "⠛⠁⠷"


def test_brf_pages_crlf_and_form_feeds() -> None:
    opts = BrailleOptions(cells_per_line=32, lines_per_page=20)
    book = translate_document(long_doc(), opts, "fr")
    data = to_brf(book)
    data.decode("ascii")  # plain ASCII only
    pages = data.split(b"\f")
    assert pages[-1] == b""  # every page ends with a form feed
    assert len(pages) - 1 == len(book.pages)
    for raw, page in zip(pages, book.pages, strict=False):
        lines = raw.split(b"\r\n")
        assert lines[-1] == b""  # CR LF after every line
        assert len(lines) - 1 == 20
        assert all(len(ln) <= 32 for ln in lines)
        assert b"\n" not in raw.replace(b"\r\n", b"")
        assert [brf_to_cells(ln.decode()).rstrip("⠀") for ln in lines[:-1]] == [r.replace(" ", "⠀").rstrip("⠀") for r in page.rows]


def test_unicode_text_pages_and_cells() -> None:
    book = translate_document(long_doc(), BrailleOptions(lines_per_page=20), "fr")
    text = to_unicode(book)
    pages = text.split("\f")
    assert len(pages) == len(book.pages)
    assert set(text) <= {chr(c) for c in range(0x2800, 0x2900)} | {"\n", "\f"}


def test_pef_structure() -> None:
    book = translate_document(budget_doc("ar"), BrailleOptions(), "ar")
    data = to_pef(book, identifier="urn:test:1", title="ميزانية", date="2026-11-22")
    assert validate_pef(data) == []
    root = etree.fromstring(data)
    ns = {"p": PEF_NS, "dc": DC_NS}
    assert root.get("version") == "2008-1"
    assert root.findtext("p:head/p:meta/dc:format", namespaces=ns) == "application/x-pef+xml"
    assert root.findtext("p:head/p:meta/dc:identifier", namespaces=ns) == "urn:test:1"
    assert root.findtext("p:head/p:meta/dc:language", namespaces=ns) == "ar"
    assert root.findtext("p:head/p:meta/dc:title", namespaces=ns) == "ميزانية"
    assert root.findtext("p:head/p:meta/dc:date", namespaces=ns) == "2026-11-22"
    vol = root.find("p:body/p:volume", ns)
    assert (vol.get("cols"), vol.get("rows"), vol.get("rowgap"), vol.get("duplex")) == ("40", "25", "0", "false")
    pages = vol.findall("p:section/p:page", ns)
    assert len(pages) == len(book.pages)
    rows = pages[0].findall("p:row", ns)
    assert rows[-1].text.endswith("⠼⠁")  # page number on the last row
    assert len(rows) == 25


def test_pef_check_rejects_broken_files() -> None:
    book = translate_document(budget_doc("fr"), BrailleOptions(), "fr")
    good = to_pef(book, identifier="urn:test:2")
    no_id = good.replace(b"<dc:identifier>urn:test:2</dc:identifier>", b"")
    assert any("identifier" in p for p in validate_pef(no_id))
    assert validate_pef(good.replace(b'cols="40"', b'cols="10"'))  # rows longer than cols
    assert validate_pef(good.replace("⠼".encode(), b"A", 1))  # a row with a non-braille character
    assert validate_pef(b"<pef") != []


def test_index_json() -> None:
    import json

    book = translate_document(long_doc(), BrailleOptions(lines_per_page=20), "fr")
    data = json.loads(to_index_json(book, stem="doc"))
    assert data["page_count"] == len(book.pages)
    assert [s["id"] for s in data["sections"]] == ["s0", "s1", "s2"]
    assert data["sections"][0]["title"] == "Partie 1"
    assert data["sections"][1]["first_page"] > data["sections"][0]["first_page"]
    assert data["sections"][0]["last_page"] <= data["sections"][1]["first_page"]
    all_sids = [sid for p in data["pages"] for sid in p["sentences"]]
    assert "s1p3-1" in all_sids and len(all_sids) == len(set(all_sids))


def test_volume_boundaries() -> None:
    from transform.braille.layout import volume_starts

    assert volume_starts(100, [1, 30, 48, 70, 95], 0) == [1]  # 0: one volume
    assert volume_starts(100, [1, 30, 48, 70, 95], 50) == [1, 48, 95]  # before a section in the last quarter
    assert volume_starts(100, [1, 40], 50) == [1, 40, 90]  # 40 is in the last quarter; then no section: full volume
    assert volume_starts(100, [1, 20], 50) == [1, 51]  # a section in the first half is not a reason to stop early
    assert volume_starts(50, [1], 50) == [1]
    assert volume_starts(3, [1], 1) == [1, 2, 3]


def test_pef_volumes() -> None:
    import json

    opts = BrailleOptions(lines_per_page=10, pages_per_volume=9)
    book = translate_document(long_doc(), opts, "fr")
    assert len(book.pages) > 20
    data = to_pef(book, identifier="urn:test:vol")
    assert validate_pef(data) == []
    ns = {"p": PEF_NS}
    volumes = etree.fromstring(data).findall("p:body/p:volume", ns)
    sizes = [len(v.findall("p:section/p:page", ns)) for v in volumes]
    assert len(volumes) == len(book.volume_starts) >= 3
    assert sum(sizes) == len(book.pages) and max(sizes) <= 9
    # pages keep their order and their numbers across volumes
    numbers = [p.findall("p:row", ns)[-1].text.strip("\u2800") for v in volumes for p in v.findall("p:section/p:page", ns)]
    assert numbers == [page.rows[-1].strip("\u2800") for page in book.pages]
    # a section starting in a volume's last quarter starts the next volume instead
    starts = {s.first_page for s in book.sections}
    assert book.volume_starts == [1, 10, 18, 27, 35, 44]  # sections start on pages 18 and 35: volumes of 8 there
    for first in book.volume_starts[1:]:
        prev = book.volume_starts[book.volume_starts.index(first) - 1]
        assert first - prev == 9 or first in starts
    index = json.loads(to_index_json(book, stem="doc"))
    assert [v["first_page"] for v in index["volumes"]] == book.volume_starts
    assert index["volumes"][-1]["last_page"] == len(book.pages)
    one = translate_document(long_doc(), BrailleOptions(lines_per_page=10), "fr")
    assert len(etree.fromstring(to_pef(one, identifier="u")).findall("p:body/p:volume", ns)) == 1
