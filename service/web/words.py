"""What the pages call things: one place that maps the service's and the library's codes to words.

Formats, job and document states, review states, segment statuses. Every label is a French ``msgid``
marked with ``N_`` (translated when the page is rendered, in its language). A code without an entry
gets a plain generic word, never the code itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_


@dataclass(frozen=True)
class Format:
    label: str
    description: str


# what each file is for (``data.kind_of`` gives the kind)
FORMATS: dict[str, Format] = {
    "text": Format(N_("Texte brut"), N_("Le texte seul, sans mise en forme : il se lit avec n’importe quel logiciel ou lecteur d’écran.")),
    "darija": Format(N_("Texte simplifié en darija"),
                     N_("Le document réécrit en darija marocaine, en phrases courtes, pour qui a du mal avec la langue administrative.")),
    "easy": Format(N_("Texte en français facile à lire"), N_("Le document en français facile : une idée par phrase.")),
    "brf": Format(N_("Braille BRF"), N_("Fichier braille prêt à imprimer sur une embosseuse (norme nord-américaine).")),
    "pef": Format(N_("Braille PEF"), N_("Fichier braille international, pour les embosseuses et les plages braille.")),
    "brl": Format(N_("Braille pour l’écran"), N_("Les points braille en caractères Unicode, à lire à l’écran ou sur une plage braille.")),
    "mp3": Format(N_("Audio MP3"), N_("Le document lu à voix haute, avec un chapitre par titre. À écouter ici ou sur un téléphone.")),
    "vtt": Format(N_("Sous-titres WebVTT"), N_("Le texte synchronisé avec la voix, pour les personnes sourdes ou malentendantes.")),
    "srt": Format(N_("Sous-titres SRT"), N_("Les mêmes sous-titres, dans le format accepté par la plupart des logiciels vidéo.")),
    "mp4": Format(N_("Vidéo sous-titrée"),
                  N_("Vidéo avec la voix et les sous-titres, et une place réservée à l’interprète en langue des signes.")),
    "html": Format(N_("Page web accessible"),
                   N_("Le document en page web avec de vrais titres : facile à lire au lecteur d’écran et à agrandir.")),
    "epub": Format(N_("Livre numérique EPUB"),
                   N_("Livre numérique accessible pour les applications de lecture : taille du texte réglable, lecture vocale.")),
    "docx": Format(N_("Document Word"), N_("Une version modifiable dans un traitement de texte.")),
    "pdf": Format(N_("Document PDF"), N_("Une version à imprimer.")),
    "zip": Format(N_("Tous les fichiers (ZIP)"), N_("Une archive avec tous les formats.")),
    "json": Format(N_("Données JSON"), N_("Données techniques pour les logiciels (index, minutage).")),
    "quality": Format(N_("Rapport de qualité"), N_("Mesures du brouillon en darija (pour le personnel).")),
    "reviewfile": Format(N_("Fichier de relecture"), N_("Le brouillon à relire hors du site.")),
    "tasks": Format(N_("Segments à traduire par une personne"), N_("La liste des segments qu’une personne doit traduire.")),
    "draft": Format(N_("Brouillon (JSON)"), N_("Le brouillon en JSON pour la relecture.")),
    "other": Format(N_("Fichier"), N_("Fichier technique (pour les logiciels).")),
}

# the upload form's choices
OUTPUTS: dict[str, str] = {
    "darija": N_("Texte simplifié en darija (brouillon à relire)"),
    "easy-french": N_("Français facile à lire"),
    "text": N_("Texte brut"),
    "braille": N_("Braille (BRF et PEF)"),
    "audio": N_("Audio MP3"),
    "captions": N_("Sous-titres (WebVTT et SRT)"),
    "video": N_("Vidéo sous-titrée (lent)"),
    "html": N_("Page web accessible"),
    "epub": N_("Livre numérique EPUB"),
    "docx": N_("Document Word"),
    "json": N_("Structure en JSON"),
    "bundle": N_("Archive ZIP de chaque document (tous ses formats finaux)"),
}

# a job's or a document's conversion
JOB_STATES: dict[str, str] = {
    "queued": N_("En attente"),
    "running": N_("En cours"),
    "success": N_("Réussi"),
    "partial_success": N_("Réussi en partie"),
    "failure": N_("Échec"),
    "cancelled": N_("Annulé"),
}

REVIEW_STATES: dict[str | None, str] = {
    None: N_("Sans relecture"),
    "draft": N_("Brouillon"),
    "reviewed": N_("Approuvé"),
    "published": N_("Publié"),
}

RENDER_STATES: dict[str | None, str] = {
    None: N_("aucune"),
    "queued": N_("en attente"),
    "running": N_("en cours"),
    "done": N_("terminée"),
    "failed": N_("échouée"),
}


def label(table: dict, code: object, default: str = N_("Inconnu")) -> str:  # type: ignore[type-arg]
    """The msgid for ``code`` in ``table`` (a plain word when the code is new to the pages)."""
    return table.get(code, default)  # type: ignore[no-any-return]


def fmt(kind: str) -> Format:
    return FORMATS.get(kind, FORMATS["other"])

# a segment of the Darija draft (the library's review statuses)
SEGMENT_STATUS: dict[str, str] = {
    "ok": N_("Correct"),
    "needs_review": N_("À relire"),
    "needs_human": N_("À traduire par une personne"),
    "reviewed": N_("Relu"),
    "from_memory": N_("Repris de la mémoire de traduction"),  # transform.simplify.reuse
}

# what the review page says after an action (``?done=<code>``)
NOTICES: dict[str, str] = {
    "saved": N_("Segment enregistré."),
    "nothing_changed": N_("Aucun segment n’a changé."),
    "approved": N_("Approuvé. Les formats sont régénérés à partir du texte approuvé si nécessaire."),
    "published": N_("Publié."),
    "unpublished": N_("Retiré du catalogue."),
}
