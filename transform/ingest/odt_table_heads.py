"""ODT tables whose header row is set apart by its type alone: marked as the header for pandoc.

Writer marks a table's header row by putting it in ``<table:table-header-rows>`` ("Repeat heading"),
which pandoc's ODT reader reads as the table head. Many documents only set the first row bold (and
shaded) through a paragraph style (``P3``: ``fo:font-weight="bold"``), which pandoc does not carry into
its AST: the header cells were read as body cells (the Montpellier prevention report's ``Mois |
Intitulé | Nombre de personnes présentes | Total``). Here a table without header rows whose first row's
text is all bold, over rows that are not all bold, gets that row moved into ``<table:table-header-rows>``:
the rule :meth:`transform.ingest.pandoc_ast._Reader.table` applies to Word's bold first rows, with the
bold read from the ODT's styles (automatic and named, through their parents; a text span's own style
over its paragraph's).
"""

from __future__ import annotations

from lxml import etree

STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_ROW, _HEAD_ROWS, _CELL = f"{{{TABLE}}}table-row", f"{{{TABLE}}}table-header-rows", f"{{{TABLE}}}table-cell"
_P, _H, _SPAN = f"{{{TEXT}}}p", f"{{{TEXT}}}h", f"{{{TEXT}}}span"
_NAME, _PARENT, _STYLE_NAME = f"{{{STYLE}}}name", f"{{{STYLE}}}parent-style-name", f"{{{TEXT}}}style-name"


def _weights(*roots: etree._Element | None) -> tuple[dict[str, bool], dict[str, str]]:
    """Each style's own weight (True: bold, False: set normal; absent: inherited) and its parent."""
    own: dict[str, bool] = {}
    parent: dict[str, str] = {}
    for root in roots:
        if root is None:
            continue
        for st in root.iter(f"{{{STYLE}}}style"):
            name = st.get(_NAME)
            if not name:
                continue
            if st.get(_PARENT):
                parent[name] = st.get(_PARENT)
            props = st.find(f"{{{STYLE}}}text-properties")
            weight = props.get(f"{{{FO}}}font-weight") if props is not None else None
            if weight:
                own[name] = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
    return own, parent


class _Bold:
    def __init__(self, own: dict[str, bool], parent: dict[str, str]) -> None:
        self.own, self.parent = own, parent

    def of(self, name: str | None) -> bool | None:
        """The style's weight through its parents (None: none of them sets one)."""
        seen: list[str] = []
        while name and name not in seen:
            if name in self.own:
                return self.own[name]
            seen.append(name)
            name = self.parent.get(name)
        return None

    def paragraph(self, p: etree._Element) -> bool | None:
        """Is all the paragraph's text bold (None: it has no text)?"""
        pieces: list[bool] = []

        def walk(el: etree._Element, bold: bool) -> None:
            if (el.text or "").strip():
                pieces.append(bold)
            for child in el:
                inner = bold
                if child.tag == _SPAN:
                    got = self.of(child.get(_STYLE_NAME))
                    inner = bold if got is None else got
                if child.tag not in (f"{{{TEXT}}}note", f"{{{TABLE}}}table"):
                    walk(child, inner)
                if (child.tail or "").strip():
                    pieces.append(bold)

        walk(p, bool(self.of(p.get(_STYLE_NAME))))
        return all(pieces) if pieces else None

    def row(self, row: etree._Element) -> bool:
        """Is the row's text all bold (and is there some)?"""
        found = [self.paragraph(p) for cell in row.iter(_CELL) for p in cell if p.tag in (_P, _H)]
        found = [f for f in found if f is not None]
        return bool(found) and all(found)


def mark_header_rows(content: etree._Element, styles: etree._Element | None = None) -> int:
    """Move the bold first row of each table without header rows into ``<table:table-header-rows>`` (see the
    module docstring); ``styles``: the package's ``styles.xml`` (None: ``content`` holds them, a flat ODT).
    Returns how many tables changed."""
    bold = _Bold(*_weights(content, styles))
    done = 0
    for table in list(content.iter(f"{{{TABLE}}}table")):
        if table.find(_HEAD_ROWS) is not None:
            continue
        rows = [el for el in table if el.tag == _ROW]
        if len(rows) < 2 or not bold.row(rows[0]) or all(bold.row(r) for r in rows[1:]):
            continue
        head = etree.Element(_HEAD_ROWS)
        table.insert(table.index(rows[0]), head)
        head.append(rows[0])
        done += 1
    return done
