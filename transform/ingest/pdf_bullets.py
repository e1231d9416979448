"""Bullets drawn with a symbol font: the glyph's letter code read as a bullet.

A symbol font (Wingdings, Webdings, ZapfDingbats, Symbol) without a ToUnicode entry gives its
glyphs' character codes as letters: Wingdings' filled circle is ``l``, its square ``n``, its
diamond ``u``, its arrowhead ``Ø``; Symbol's bullet is ``·``. A list item then reads
``l de l'inflation ...`` and is neither an item nor a word. Such a letter opening a line, followed
by a space, and drawn in a symbol font is read as ``•`` (the list markers of the block grouping).

Word and PowerPoint draw their second-level bullet as the letter ``o`` of Courier New, with the
item's text in the body font after a tab. A line-opening ``o`` in a Courier font whose next word
is drawn in another font is that bullet too; a word ``o`` is in the font of the words around it.
Over the corpus' text layers this fires on the five sub-items of one slide and nowhere else.
"""

from __future__ import annotations

# the codes of the bullet-like glyphs of Wingdings / ZapfDingbats / Symbol, as pdfium gives them without a ToUnicode map
SYMBOL_CODES = frozenset("lnuqvwsØ§ü¨·o")
SYMBOL_FONTS = (b"wingding", b"webding", b"dingbat", b"symbol")
COURIER = b"courier"


def may_be_symbol_bullet(text: str) -> bool:
    """A cheap test on the line's text: one of :data:`SYMBOL_CODES`, then a space, opens it."""
    return len(text) > 2 and text[1] == " " and text[0] in SYMBOL_CODES


def symbol_bullet(text: str, font_name: bytes, next_font: bytes | None = None) -> str:
    """``text`` with its first character read as ``•`` when the font that draws it is a symbol font.

    ``next_font`` (the font of the line's next word, when known): an ``o`` in a Courier font
    followed by a word in a font that is not Courier is the Word / PowerPoint sub-item bullet.
    """
    if not may_be_symbol_bullet(text):
        return text
    name = font_name.lower()
    if any(f in name for f in SYMBOL_FONTS):
        return "•" + text[1:]
    if text[0] == "o" and next_font and COURIER in name and COURIER not in next_font.lower():
        return "•" + text[1:]
    return text
