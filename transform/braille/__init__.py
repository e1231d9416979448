"""Braille: Arabic (with the Moroccan letters), Darija, French and English; Unicode braille, BRF and PEF.

Library use::

    from transform.braille import BrailleOptions, translate_document, to_brf
    book = translate_document(doc, BrailleOptions(cells_per_line=32, lines_per_page=27))
    open("doc.brf", "wb").write(to_brf(book))

See docs/braille.md for tables, layout rules and formats.
"""

from __future__ import annotations

from .errors import UnknownCharactersError
from .formats import index_data, to_brf, to_index_json, to_unicode
from .layout import BrailleBook, Page, SectionSpan
from .options import BrailleOptions
from .pef import to_pef, validate_pef
from .tables import check_all
from .translate import back_translate, translate_document, translate_text

__all__ = [
    "BrailleBook",
    "BrailleOptions",
    "Page",
    "SectionSpan",
    "UnknownCharactersError",
    "back_translate",
    "check_all",
    "index_data",
    "to_brf",
    "to_index_json",
    "to_pef",
    "to_unicode",
    "translate_document",
    "translate_text",
    "validate_pef",
]
