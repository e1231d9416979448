"""PEF 2008-1 (Portable Embosser Format, DAISY): writer and structure check.

Structure written (and checked by :func:`validate_pef`)::

    pef[@version="2008-1"]                      namespace http://www.daisy.org/ns/2008/pef
      head/meta                                 dc:format (= application/x-pef+xml) and dc:identifier
                                                are required; we also write dc:title, dc:language,
                                                dc:date, dc:creator, dc:description
      body/volume[@cols @rows @rowgap @duplex]+  all four attributes required on volume
        section+ / page+ / row*                 a row holds only braille patterns U+2800-U+28FF

The check is a RelaxNG schema written from the specification's element
definitions plus the rules a schema cannot express: at most ``cols`` cells per
row and ``rows`` rows per page.
"""

from __future__ import annotations

import datetime as _dt
import uuid

from lxml import etree

from ..errors import OutputError
from .layout import BrailleBook

PEF_NS = "http://www.daisy.org/ns/2008/pef"
DC_NS = "http://purl.org/dc/elements/1.1/"

_RNG = f"""<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="{PEF_NS}"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <element name="pef">
      <attribute name="version"><value>2008-1</value></attribute>
      <element name="head">
        <element name="meta">
          <interleave>
            <element ns="{DC_NS}" name="format"><value>application/x-pef+xml</value></element>
            <element ns="{DC_NS}" name="identifier"><data type="string"><param name="minLength">1</param></data></element>
            <zeroOrMore>
              <element>
                <nsName ns="{DC_NS}"><except><name ns="{DC_NS}">format</name><name ns="{DC_NS}">identifier</name></except></nsName>
                <text/>
              </element>
            </zeroOrMore>
          </interleave>
        </element>
      </element>
      <element name="body">
        <oneOrMore>
          <element name="volume">
            <attribute name="cols"><data type="positiveInteger"/></attribute>
            <attribute name="rows"><data type="positiveInteger"/></attribute>
            <attribute name="rowgap"><data type="nonNegativeInteger"/></attribute>
            <attribute name="duplex"><data type="boolean"/></attribute>
            <oneOrMore>
              <element name="section">
                <optional><attribute name="cols"><data type="positiveInteger"/></attribute></optional>
                <optional><attribute name="rows"><data type="positiveInteger"/></attribute></optional>
                <optional><attribute name="rowgap"><data type="nonNegativeInteger"/></attribute></optional>
                <optional><attribute name="duplex"><data type="boolean"/></attribute></optional>
                <oneOrMore>
                  <element name="page">
                    <optional><attribute name="rowgap"><data type="nonNegativeInteger"/></attribute></optional>
                    <zeroOrMore>
                      <element name="row">
                        <optional><attribute name="rowgap"><data type="nonNegativeInteger"/></attribute></optional>
                        <data type="string"><param name="pattern">[&#x2800;-&#x28FF;]*</param></data>
                      </element>
                    </zeroOrMore>
                  </element>
                </oneOrMore>
              </element>
            </oneOrMore>
          </element>
        </oneOrMore>
      </element>
    </element>
  </start>
</grammar>
"""

_SCHEMA: etree.RelaxNG | None = None


def schema() -> etree.RelaxNG:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = etree.RelaxNG(etree.fromstring(_RNG.encode("utf-8")))
    return _SCHEMA


def to_pef(
    book: BrailleBook,
    *,
    identifier: str | None = None,
    title: str | None = None,
    date: str | None = None,
    duplex: bool = False,
    creator: str = "Taysir",
) -> bytes:
    """Serialise a book as PEF 2008-1: one volume per ``book.volume_starts`` range, one section each."""
    p = f"{{{PEF_NS}}}"
    d = f"{{{DC_NS}}}"
    root = etree.Element(p + "pef", nsmap={None: PEF_NS, "dc": DC_NS}, version="2008-1")
    meta = etree.SubElement(etree.SubElement(root, p + "head"), p + "meta")
    fields = [
        ("format", "application/x-pef+xml"),
        ("identifier", identifier or f"urn:uuid:{uuid.uuid4()}"),
        ("title", title or book.title or "Untitled"),
        ("language", book.lang),
        ("date", date or _dt.date.today().isoformat()),
        ("creator", creator),
        ("description", f"{book.width} cells x {book.height} lines; tables: {', '.join(t.rsplit('/', 1)[-1] for t in book.tables)}"),
    ]
    for name, value in fields:
        etree.SubElement(meta, d + name).text = value
    body = etree.SubElement(root, p + "body")
    pages = book.pages or []
    for first, last in book.volumes():  # one volume per range of braille pages, one section each
        volume = etree.SubElement(
            body, p + "volume", cols=str(book.width), rows=str(book.height), rowgap="0", duplex="true" if duplex else "false"
        )
        section = etree.SubElement(volume, p + "section")
        for page in pages[first - 1 : last]:
            pe = etree.SubElement(section, p + "page")
            rows = list(page.rows)
            while rows and not rows[-1]:
                rows.pop()
            for row in rows:
                etree.SubElement(pe, p + "row").text = row
        if len(section) == 0:
            etree.SubElement(section, p + "page")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def validate_pef(data: bytes) -> list[str]:
    """Problems with a PEF file (empty list: well-formed and structured as PEF 2008-1 requires)."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    problems: list[str] = []
    sch = schema()
    if not sch.validate(root):
        problems.extend(f"line {e.line}: {e.message}" for e in sch.error_log)
    ns = {"p": PEF_NS}
    for vol in root.iterfind("p:body/p:volume", ns):
        cols, rows = int(vol.get("cols", "0") or 0), int(vol.get("rows", "0") or 0)
        for i, page in enumerate(vol.iterfind(".//p:page", ns), 1):
            prow = page.findall("p:row", ns)
            if rows and len(prow) > rows:
                problems.append(f"page {i}: {len(prow)} rows, more than rows={rows}")
            for j, row in enumerate(prow, 1):
                if cols and len(row.text or "") > cols:
                    problems.append(f"page {i} row {j}: {len(row.text or '')} cells, more than cols={cols}")
    return problems


def check_pef(data: bytes) -> None:
    """Raise OutputError when the PEF we wrote does not pass :func:`validate_pef`."""
    problems = validate_pef(data)
    if problems:
        raise OutputError("The PEF file does not follow PEF 2008-1: " + "; ".join(problems[:5]))
