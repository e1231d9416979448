"""Bullets drawn with a symbol font: the glyph's letter code read as a bullet.

A symbol font (Wingdings, Webdings, ZapfDingbats, Symbol) without a ToUnicode entry gives its
glyphs' character codes as letters: Wingdings' filled circle is ``l``, its square ``n``, its
diamond ``u``, its arrowhead ``Ø``; Symbol's bullet is ``·``. A list item then reads
``l de l'inflation ...`` and is neither an item nor a word. Such a letter opening a line, followed
by a space, and drawn in a symbol font is read as ``•`` (the list markers of the block grouping).
"""

from __future__ import annotations

# the codes of the bullet-like glyphs of Wingdings / ZapfDingbats / Symbol, as pdfium gives them without a ToUnicode map
SYMBOL_CODES = frozenset("lnuqvwsØ§ü¨·o")
SYMBOL_FONTS = (b"wingding", b"webding", b"dingbat", b"symbol")


def may_be_symbol_bullet(text: str) -> bool:
    """A cheap test on the line's text: one of :data:`SYMBOL_CODES`, then a space, opens it."""
    return len(text) > 2 and text[1] == " " and text[0] in SYMBOL_CODES


def symbol_bullet(text: str, font_name: bytes) -> str:
    """``text`` with its first character read as ``•`` when the font that draws it is a symbol font."""
    name = font_name.lower()
    if may_be_symbol_bullet(text) and any(f in name for f in SYMBOL_FONTS):
        return "•" + text[1:]
    return text
