"""A tiny element tree serialised as HTML5 or as XHTML (for EPUB), with safe escaping.

We write our own instead of lxml because the same tree must come out both as
polyglot HTML (``<meta charset>``, void elements) and as well-formed XHTML with
namespaces, and we need exact control over ``lang``/``dir`` and ``xml:lang``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "source", "col", "wbr"})
_ID_OK = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_ID_BAD = re.compile(r"[^A-Za-z0-9_.\-]")


def esc(text: str) -> str:
    """Escape text for element content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(text: str) -> str:
    """Escape text for a double-quoted attribute value."""
    return esc(text).replace('"', "&quot;")


def xml_id(raw: str) -> str:
    """A valid XML/HTML id from a model id; model ids (``s1-b2-3``) come through unchanged."""
    if _ID_OK.match(raw):
        return raw
    fixed = _ID_BAD.sub("_", raw)
    return fixed if _ID_OK.match(fixed) else f"id_{fixed}"


Child = "Node | str"


@dataclass
class Node:
    """An element: tag, ordered attributes (None values are dropped) and children (nodes or text)."""

    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def add(self, *children: Node | str | None) -> Node:
        for c in children:
            if c is not None and c != "":
                self.children.append(c)
        return self

    def extend(self, children: Iterable[Node | str | None]) -> Node:
        return self.add(*children)

    def text(self) -> str:
        """Text content (for labels and titles)."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def render(self, xhtml: bool = False) -> str:
        out: list[str] = []
        _write(self, out, xhtml)
        return "".join(out)


def el(tag: str, attrs: dict[str, str | None] | None = None, *children: Node | str | None) -> Node:
    """Build an element: ``el("p", {"lang": "fr"}, "Bonjour")``."""
    return Node(tag, dict(attrs or {})).add(*children)


def _write(node: Node, out: list[str], xhtml: bool) -> None:
    attrs = dict(node.attrs)
    if xhtml and "lang" in attrs and attrs["lang"] is not None:
        attrs["xml:lang"] = attrs["lang"]  # EPUB: both lang and xml:lang, with the same value
    parts = [node.tag] + [f'{k}="{esc_attr(v)}"' for k, v in attrs.items() if v is not None]
    if node.tag in VOID and not node.children:
        out.append("<" + " ".join(parts) + (" />" if xhtml else ">"))
        return
    out.append("<" + " ".join(parts) + ">")
    for c in node.children:
        if isinstance(c, str):
            out.append(c if node.tag in ("style", "script") else esc(c))
        else:
            _write(c, out, xhtml)
    out.append(f"</{node.tag}>")
