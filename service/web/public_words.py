"""The public pages' words: the groups of needs, each format a citizen is offered, the original's type.

French ``msgid``s marked with ``N_`` (translated when the page is rendered). A msgid equal to one of
``words.py`` is the same catalogue entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_


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


@dataclass(frozen=True)
class Format:
    label: str
    description: str


FORMATS: dict[str, Format] = {
    "mp3": Format(N_("Audio MP3"), N_("Le document lu à voix haute, avec un chapitre par titre. À écouter ici ou sur un téléphone.")),
    "brf": Format(N_("Braille BRF"), N_("Fichier braille prêt à imprimer sur une embosseuse (norme nord-américaine).")),
    "pef": Format(N_("Braille PEF"), N_("Fichier braille international, pour les embosseuses et les plages braille.")),
    "brl": Format(N_("Braille pour l’écran"), N_("Les points braille en caractères Unicode, à lire à l’écran ou sur une plage braille.")),
    "signed": Format(N_("Vidéo en langue des signes"),
                     N_("Un interprète traduit le document en langue des signes. Les sous-titres sont dans l’image.")),
    "mp4": Format(N_("Vidéo sous-titrée"),
                  N_("La voix et les titres du document. Les sous-titres s’affichent avec le bouton du lecteur ; dans un logiciel "
                     "vidéo, ouvrez aussi le fichier de sous-titres.")),
    "vtt": Format(N_("Sous-titres WebVTT"), N_("Le texte synchronisé avec la voix, pour les personnes sourdes ou malentendantes.")),
    "srt": Format(N_("Sous-titres SRT"), N_("Les mêmes sous-titres, dans le format accepté par la plupart des logiciels vidéo.")),
    "html": Format(N_("Page web accessible"),
                   N_("Le document en page web avec de vrais titres : facile à lire au lecteur d’écran et à agrandir. Quand il existe "
                      "un audio, la phrase lue est surlignée.")),
    "darija": Format(N_("Texte simplifié en darija"),
                     N_("Le document réécrit en darija marocaine, en phrases courtes, pour qui a du mal avec la langue administrative.")),
    "easy": Format(N_("Texte en français facile à lire"), N_("Le document en français facile : une idée par phrase.")),
    "text": Format(N_("Texte brut"), N_("Le texte seul, sans mise en forme : il se lit avec n’importe quel logiciel ou lecteur d’écran.")),
    "epub": Format(N_("Livre numérique EPUB"),
                   N_("Livre numérique accessible pour les applications de lecture : taille du texte réglable, lecture vocale.")),
    "docx": Format(N_("Document Word"), N_("Une version modifiable dans un traitement de texte.")),
    "pdf": Format(N_("Document PDF"), N_("Une version à imprimer.")),
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
