"""The public pages' words: the groups of needs, each format a citizen is offered, the original's type.

French ``msgid``s marked with ``N_`` (translated when the page is rendered). A msgid equal to one of
``words.py`` is the same catalogue entry; a format worded the same for staff and citizens is
``words.FORMATS``'s own entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_
from .words import FORMATS as STAFF_FORMATS
from .words import Format


@dataclass(frozen=True)
class Need:
    title: str  # the group's heading, a verb: what the visitor wants to do
    intro: str
    short: str  # in a search result's list of versions


NEEDS: dict[str, Need] = {
    "listen": Need(N_("Écouter"), N_("Le document lu à voix haute. Écoutez-le ici, ou téléchargez le fichier pour un téléphone ou un lecteur audio."),
                   N_("à écouter")),
    "braille": Need(N_("Lire en braille"), N_("Pour une plage braille, un bloc-notes braille ou une embosseuse."), N_("en braille")),
    "watch": Need(N_("Regarder avec des sous-titres"),
                  N_("La vidéo montre les titres du document pendant la lecture. Les sous-titres s’affichent ou se masquent avec le "
                     "bouton du lecteur vidéo."), N_("en vidéo")),
    "read": Need(N_("Lire à l’écran"), N_("Pour lire sur un ordinateur ou un téléphone, agrandir le texte ou utiliser un lecteur d’écran."),
                 N_("à lire")),
    "all": Need(N_("Tout télécharger"), N_("Toutes les versions ci-dessus dans un seul fichier ZIP, avec une liste des fichiers en arabe "
                                           "et en français."), N_("en un seul fichier")),
}


FORMATS: dict[str, Format] = {
    **{k: STAFF_FORMATS[k] for k in ("mp3", "brf", "pef", "brl")},
    "signed": Format(N_("Vidéo en langue des signes"),
                     N_("Un interprète traduit le document en langue des signes. Les sous-titres sont dans l’image.")),
    "mp4": Format(N_("Vidéo sous-titrée"),
                  N_("La voix et les titres du document. Les sous-titres s’affichent avec le bouton du lecteur ; dans un logiciel "
                     "vidéo, ouvrez aussi le fichier de sous-titres.")),
    **{k: STAFF_FORMATS[k] for k in ("vtt", "srt")},
    "html": Format(N_("Page web accessible"),
                   N_("Le document en page web avec de vrais titres : facile à lire au lecteur d’écran et à agrandir. Quand il existe "
                      "un audio, la phrase lue est surlignée.")),
    **{k: STAFF_FORMATS[k] for k in ("darija", "easy", "text", "epub", "docx", "pdf")},
}
OTHER = Format(N_("Fichier"), N_("Fichier technique (pour les logiciels)."))

# the original document's type, by the format the service detected
ORIGINALS: dict[str, str] = {
    "pdf": N_("PDF"), "docx": N_("document Word"), "doc": N_("document Word"), "odt": N_("document OpenDocument"),
    "html": N_("page web"), "md": N_("texte"), "txt": N_("texte"), "image": N_("image scannée"), "png": N_("image scannée"),
    "jpeg": N_("image scannée"), "jpg": N_("image scannée"), "tiff": N_("image scannée"),
}


def need(code: str) -> Need:
    return NEEDS[code]


def fmt(kind: str) -> Format:
    return FORMATS.get(kind, OTHER)


def original(code: str | None) -> str:
    return ORIGINALS.get((code or "").lower(), N_("document"))
