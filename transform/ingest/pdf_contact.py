"""A letterhead's contact footer: the address, telephone, fax, e-mail and web site an
administration prints at the foot of its letter paper.

Printed on the first page of a decision only (or on its last page), it never repeats, so the
running-line rules of :mod:`pdf_furniture` cannot find it; what gives it away is what it says and
where it stands. It is the block at the very foot of the page (every line of it starting in the
page's lowest :data:`FOOT` share) that holds at least one **contact line**: a telephone or fax
label followed by its number (``Tél. : 05 37 57 04 70``, ``الهاتف : 05 ...``), a web address
(``www.narsa.ma``) or an e-mail address, with few other words beside them; a footnote that quotes
a web site stays: a sentence, a line opening with its note number, or the lines of a page whose
lowest 30 % holds a line opening with a note number (``43 - Bioversity International ...`` over
``... 2022, https://hdl.handle.net/...``: the foot of that page holds notes). The lines printed with it (the street address, the city)
go too when they stand within two line heights above the first contact line; a line of the
body further up does not.

A form's blank (``N° Téléphone :`` with no number after it), a web address inside a paragraph
or a footnote, and anything above the foot of the page stay in the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .base import TextLine

FOOT = 0.1  # the contact block starts in the page's lowest 10 %
NOTES = 0.3  # a line opening with a note number in the page's lowest 30 %: the foot holds notes
NEAR = 2.0  # line heights: the address lines printed just above the first contact line go with it
OTHER_WORDS = 6  # a contact line holds at most this many words beside its numbers and addresses
_PHONE = re.compile(
    r"(?:\b(?:t[ée]l(?:[ée]phone)?|fax|t[ée]l[ée]copie|gsm|phone)\b|الهاتف|هاتف|الفاكس|فاكس)\.?\s*:?\s*[:.]?\s*\+?\s*\(?\s*[0-9\u0660-\u0669]",
    re.IGNORECASE,
)
_WEB = re.compile(r"\b(?:www\.|https?://)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_NOTE = re.compile(r"^\s*(?:\(?[0-9\u0660-\u0669]{1,3}\s*[).\-–]\s|[0-9\u0660-\u0669]{1,3}\s+[^\W\d_]|\*|[¹²³⁴⁵⁶⁷⁸⁹])")
_NUMBER = re.compile(r"[+()0-9\u0660-\u0669][-+()0-9\u0660-\u0669 ./]*")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _note(text: str) -> bool:
    """Does ``text`` open like a footnote? A street address opening on its number and holding a
    labelled telephone (``355 Av. Mohammed V, Rabat - Tél: +212 ...``, its comma lost by OCR) is no note."""
    return bool(_NOTE.match(text)) and not _PHONE.search(text)


def contact_line(text: str) -> bool:
    """Is ``text`` a letterhead's contact line (a labelled telephone or fax number, a web or e-mail
    address) with at most :data:`OTHER_WORDS` other words?"""
    if not (_PHONE.search(text) or _WEB.search(text)) or _note(text):
        return False  # a footnote (``1 Voir www.insee.fr``, ``(2) https://...``) is body
    rest = _NUMBER.sub(" ", _WEB.sub(" ", text))
    return len(_WORD.findall(rest)) <= OTHER_WORDS + len(_PHONE.findall(text))


def contact_footer(lines: Sequence[TextLine], height: float) -> list[TextLine]:
    """The lines of ``lines`` (one page) that make its letterhead's contact footer; none on most pages."""
    foot = FOOT * height
    low = [ln for ln in lines if ln.top > height - foot]
    if not low:
        return []
    contacts = [ln for ln in low if contact_line(ln.text)]
    if not contacts or any(ln.top > (1.0 - NOTES) * height and _note(ln.text) for ln in lines):
        return []  # footnotes at the foot (``43 - Bioversity ...`` / ``... 2022, https://hdl...``): body
    first = min(contacts, key=lambda ln: ln.top)
    reach = first.top - NEAR * max(first.bottom - first.top, 1.0)
    return [ln for ln in low if ln.top >= reach]
