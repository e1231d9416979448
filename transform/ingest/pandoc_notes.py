"""The notes of Word's and LibreOffice's HTML exports, found by their ids.

pandoc reads these notes as ordinary links and ``<div>``s: the reference is a link to ``#_ftn1``
(``#sdfootnote1sym``), the body a ``<div id=ftn1>`` or, in Markdown made from such HTML, a
paragraph that starts with a link back to the reference (``#_ftnref1``). :func:`take_note_divs`
lifts the bodies out of the flow under one key per note (``ftn1``), so that the reader can put
each one in at its reference (see :mod:`.pandoc_ast`).
"""

from __future__ import annotations

import re
from typing import Any

Node = dict[str, Any]

NOTE_DIV = re.compile(r"_?(ftn|edn|sdfootnote|sdendnote)(\d+)")
NOTE_REF = re.compile(r"#_?(ftn|edn|sdfootnote|sdendnote)(\d+)(?:sym)?")
NOTE_BACKLINK = re.compile(r"#_?(ftn|edn)ref(\d+)|#(sdfootnote|sdendnote)(\d+)anc")


def note_key(kind: str, n: str) -> str:
    """One key per note whatever its export wrote (``_ftn01`` and ``ftn1`` -> ``ftn1``)."""
    return f"{kind}{int(n)}"


def backlink_key(para: Node) -> tuple[str, Node] | None:
    """A paragraph that starts with a link back to its note reference (``[\\[1\\]](#_ftnref1)`` in
    Markdown made from Word's HTML): the note's key and the paragraph without that link."""
    inl = para["c"]
    i = 0
    while i < len(inl) and inl[i]["t"] in ("Space", "SoftBreak"):
        i += 1
    if i == len(inl):
        return None
    node = inl[i]
    while node["t"] in ("Superscript", "Span", "Strong", "Emph") and node["c"]:  # the link may be wrapped
        kids = node["c"][1] if node["t"] == "Span" else node["c"]
        if not kids:
            return None
        node = kids[0]
    if node["t"] != "Link":
        return None
    m = NOTE_BACKLINK.fullmatch(node["c"][2][0] if node["c"][2] else "")
    if not m:
        return None
    kind, n = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return note_key(kind, n), {"t": para["t"], "c": inl[i + 1 :]}


def take_note_divs(blocks: list[Node], found: dict[str, list[Node]]) -> list[Node]:
    """Remove the note bodies of Word/LibreOffice HTML exports (``<div id=ftn1>``, or a paragraph
    that starts with a link back to the reference) from the flow."""
    out = []
    for b in blocks:
        if b["t"] in ("Para", "Plain"):
            back = backlink_key(b)
            if back is not None and back[0] not in found:
                found[back[0]] = [back[1]]
                continue
        if b["t"] == "Div":
            ident = b["c"][0][0] if b["c"][0] else ""
            m = NOTE_DIV.fullmatch(ident or "")
            if m:
                found[note_key(*m.groups())] = b["c"][1]
                continue
            b = {"t": "Div", "c": [b["c"][0], take_note_divs(b["c"][1], found)]}
        out.append(b)
    return out
