"""What the pages call things: one place that maps the service's and the library's codes to words.

Formats, job and document states, review states, segment statuses. Every label is a French ``msgid``
marked with ``N_`` (translated when the page is rendered, in its language). A code without an entry
gets a plain generic word, never the code itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, NP_


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

# files staff rarely need (shown behind a disclosure, left out of the staff ZIP)
WORKING_KINDS = ("json", "quality", "reviewfile", "tasks", "draft", "other")

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

# what the review page says after an action (``?done=<code>``)
NOTICES: dict[str, str] = {
    "saved": N_("Segment enregistré."),
    "nothing_changed": N_("Aucun segment n’a changé."),
    "approved": N_("Approuvé. Les formats sont régénérés à partir du texte approuvé si nécessaire."),
    "published": N_("Publié."),
    "unpublished": N_("Retiré du catalogue."),
    "rendering": N_("Les formats sont refaits à partir du texte approuvé."),
    "described": N_("Titre et description enregistrés."),
}


# -- the review page -------------------------------------------------------------------------------
# a segment's status (the library's review statuses, and those the Darija engine is adding)
SEGMENT_STATUS: dict[str, str] = {
    "ok": N_("Sans alerte de la machine"),
    "needs_review": N_("À relire"),
    "check_source": N_("À comparer avec l’original"),
    "needs_human": N_("Pas encore en darija"),
    "reviewed": N_("Relu par une personne"),
    "kept_source": N_("Gardé dans la langue d’origine"),
    "from_memory": N_("Repris d’une traduction approuvée"),
}
BLOCKING = ("needs_human",)  # statuses that refuse the approval until a person acts
# what the machine writes instead of Darija when it has none (main: a fixed sentence; later: empty text)
PLACEHOLDER_MARKERS = ("هاد الجزء خاصو ترجمة من عند بنادم",)

# why a segment needs a person: (heading of the summary group, plural forms for the count)
NEEDS: dict[str, tuple[str, str]] = {
    "source": NP_("%(num)s texte source douteux", "%(num)s textes source douteux"),
    "numbers": NP_("%(num)s nombre ou nom à vérifier", "%(num)s nombres ou noms à vérifier"),
    "darija": NP_("%(num)s phrase pas encore en darija", "%(num)s phrases pas encore en darija"),
    "review": NP_("%(num)s phrase à relire", "%(num)s phrases à relire"),
}
NEED_HINTS: dict[str, str] = {
    "source": N_("Le texte source a peut-être été mal lu : comparez avec l’original."),
    "numbers": N_("Un nombre ou un nom de l’original manque dans le texte en darija."),
    "darija": N_("La machine n’a pas su écrire cette phrase en darija : écrivez-la."),
    "review": N_("La machine a signalé un point à relire."),
}
# the reader's doubt codes (transform.model.blocks: ``doubt``)
DOUBTS: dict[str, str] = {
    "ocr_low_confidence": N_("La page a été lue par reconnaissance de caractères avec peu d’assurance."),
    "digits_disagree": N_("Des chiffres ont été lus de deux façons différentes."),
    "sums_disagree": N_("Un total du tableau ne correspond pas à la somme des montants qu’il additionne."),
    "word_ambiguous": N_("Un mot mal lu peut se corriger en deux mots différents : vérifiez-le sur l’original."),
    "ocr_weak_word": N_("Des mots ont été lus par reconnaissance de caractères avec très peu d’assurance."),
    "word_odd": N_("Un mot mêle deux écritures ou porte un signe en son milieu : vérifiez-le sur l’original."),
    "layout_table_thin": N_("Ce tableau n’a qu’une colonne ou qu’une ligne : vérifiez sur l’original que c’est bien un tableau."),
    "layout_table_prose": N_("Les cases de ce tableau lu par reconnaissance de caractères sont de longues phrases : c’est peut-être du texte découpé en tableau, comparez avec l’original."),
    "layout_table_span": N_("Presque toutes les lignes de ce tableau ont une case sur deux colonnes : ses colonnes sont peut-être mal découpées, comparez avec l’original."),
    "layout_heading_line": N_("Ce titre ressemble à une ligne de formulaire ou de tableau (une date, un montant) : vérifiez sur l’original que c’est bien un titre."),
    "layout_heading_run": N_("Presque tout le texte de cette page a été lu comme des titres : c’est peut-être un formulaire, comparez avec l’original."),
    "read_from_image": N_("Ce texte a été lu dans une image (une photo, un document collé) par reconnaissance de caractères : comparez avec l’original."),
}
DOUBT_OTHER = N_("Le lecteur de documents n’est pas sûr de ce texte.")


@dataclass(frozen=True)
class Reason:
    text: str  # msgid
    need: str  # the NEEDS code it belongs to
    detail: str = ""  # numbers, names or words quoted from the document (shown as they are)


# reasons the library writes (English, for logs and the API), by their beginning
REASONS: tuple[tuple[str, str, str], ...] = (
    ("number not kept", N_("Nombre absent du texte en darija"), "numbers"),
    ("name not kept", N_("Nom absent du texte en darija"), "numbers"),
    ("check against the source", N_("Texte source lu avec un doute : comparez avec l’original"), "source"),
    ("French text", N_("Phrase en français sans traduction automatique : écrivez-la en darija"), "darija"),
    ("no template", N_("Case de tableau sans traduction automatique : écrivez-la en darija"), "darija"),
    ("text in a script", N_("Texte dans une autre écriture : écrivez-le en darija"), "darija"),
    ("placeholder", N_("Texte provisoire à la place d’une traduction"), "darija"),
    ("speakable text", N_("La version lue à voix haute garde des chiffres ou des symboles"), "review"),
    ("a sentence has", N_("Phrase trop longue : coupez-la"), "review"),
    ("sentence longer", N_("Phrase trop longue : coupez-la"), "review"),
    ("MSA words left", N_("Mots d’arabe standard restants"), "review"),
    ("MSA forms left", N_("Formes d’arabe standard restantes"), "review"),
    ("acronym", N_("Sigle non expliqué : écrivez-le en entier"), "review"),
    ("not rewritten", N_("Non réécrit : c’est le texte d’origine"), "review"),
    ("mostly copied", N_("Surtout recopié de l’original"), "review"),
    ("LLM", N_("La proposition du modèle de langue a été refusée : le brouillon par règles est gardé"), "review"),
)
REASON_OTHER = N_("Point signalé par la machine")


def reason(text: str) -> Reason:
    """The words for one of the library's reasons; the detail keeps only what is quoted from the document."""
    for prefix, words_, need in REASONS:
        if text.startswith(prefix):
            detail = text.split(":", 1)[1].strip() if ":" in text and prefix in ("number not kept", "name not kept", "MSA words left",
                                                                                  "MSA forms left") else ""
            return Reason(words_, need, detail)
    return Reason(REASON_OTHER, "review")


@dataclass(frozen=True)
class Measure:
    label: str


# the simplifier's measures (quality report), in the order staff should read them
MEASURES: dict[str, Measure] = {
    "M3_numbers_kept": Measure(N_("Nombres de l’original conservés")),
    "M4_entities_kept": Measure(N_("Noms de lieux et d’institutions conservés")),
    "M11_glossary_coverage": Measure(N_("Termes administratifs expliqués")),
    "M12_tts_ready": Measure(N_("Texte prêt pour la lecture à voix haute")),
    "placeholders": Measure(N_("Textes provisoires à la place d’une traduction")),
    "copy_rate": Measure(N_("Mots recopiés de l’original")),
    "darija_markers_per_100": Measure(N_("Marques de darija pour 100 mots")),
    "msa_left_per_100": Measure(N_("Formes d’arabe standard restantes pour 100 mots")),
    "M6_darija_rate": Measure(N_("Part de mots de darija")),
    "M5_msa_rate": Measure(N_("Part de mots d’arabe standard")),
    "M7_dialectness": Measure(N_("Darija plutôt qu’arabe standard")),
    "M1_mean_words": Measure(N_("Mots par phrase (moyenne)")),
    "M2_long_share": Measure(N_("Phrases longues")),
    "M2_max_words": Measure(N_("Phrase la plus longue (en mots)")),
    "M8_vocab_coverage": Measure(N_("Mots de darija courants")),
    "M9_chrf_vs_reference": Measure(N_("Proximité d’une traduction humaine")),
    "M10_chrf_vs_source": Measure(N_("Ressemblance avec l’original")),
    "M3_new_numbers": Measure(N_("Nombres ajoutés")),
}
MEASURE_OTHER = N_("Autre mesure")
PERCENT_MEASURES = frozenset({"M3_numbers_kept", "M4_entities_kept", "M11_glossary_coverage", "M12_tts_ready", "copy_rate",
                              "M6_darija_rate", "M5_msa_rate", "M7_dialectness", "M2_long_share", "M8_vocab_coverage"})
TARGET_OPS = {"<=": N_("au plus %(value)s"), ">=": N_("au moins %(value)s"), "<": N_("moins de %(value)s"),
              ">": N_("plus de %(value)s"), "==": N_("%(value)s")}
TARGET_ALL = N_("tous")
YES, NO = N_("oui"), N_("non")


def verdict(ok: bool | None, has_goal: bool) -> str:
    if not has_goal:
        return N_("pour information")
    if ok is None:
        return N_("non mesuré")
    return N_("objectif atteint") if ok else N_("objectif non atteint")


# -- a conversion's progress ----------------------------------------------------------------------------
# stage codes of the pipeline (transform.pipeline.stage_names) and of the service
STAGES: dict[str, str] = {
    "starting": N_("démarrage"),
    "ingest": N_("lecture du document"),
    "ingest.ocr": N_("reconnaissance du texte des pages scannées"),
    "structure": N_("repérage des titres, paragraphes et phrases"),
    "simplify.ary": N_("écriture du brouillon en darija"),
    "simplify.fr-easy": N_("écriture du français facile"),
    "simplify.llm": N_("écriture du brouillon en darija"),
    "render.json": N_("structure en JSON"),
    "render.text": N_("texte brut"),
    "render.darija": N_("texte en darija"),
    "render.easy-french": N_("français facile"),
    "render.braille": N_("braille"),
    "render.audio": N_("lecture à voix haute (audio)"),
    "render.captions": N_("sous-titres"),
    "render.video": N_("vidéo sous-titrée"),
    "render.html": N_("page web"),
    "render.epub": N_("livre numérique"),
    "render.docx": N_("document Word"),
    "render.publish": N_("page web avec lecture synchronisée"),
    "render.bundle": N_("archive ZIP"),
    "render.review-draft": N_("préparation de la relecture"),
    "convert": N_("conversion"),
    "done": N_("terminé"),
    "failed": N_("arrêté"),
}
STAGE_OTHER = N_("mise en forme")


def stage(code: str | None) -> str:
    if not code:
        return STAGES["starting"]
    if code in STAGES:
        return STAGES[code]
    if code.startswith("simplify."):
        return STAGES["simplify.ary"]
    return STAGE_OTHER


@dataclass(frozen=True)
class Problem:
    message: str  # what happened, in plain words
    todo: str  # what to do


# problems recorded on a document (ErrorItem codes of the library and the service)
PROBLEMS: dict[str, Problem] = {
    "unsupported_format": Problem(N_("Le format de ce fichier n’est pas reconnu."),
                                  N_("Envoyez un PDF, un document Word ou OpenDocument, une page HTML, un texte ou une image scannée.")),
    "bad_input": Problem(N_("Le fichier n’a pas pu être lu (abîmé, vide ou protégé par un mot de passe)."),
                         N_("Ouvrez-le sur votre ordinateur pour vérifier, enregistrez-le de nouveau sans mot de passe, puis renvoyez-le.")),
    "bad_options": Problem(N_("Les choix de formats ne sont pas acceptés."), N_("Renvoyez le document avec les formats par défaut.")),
    "missing_dependency": Problem(N_("Un outil nécessaire manque sur le serveur."),
                                  N_("Prévenez l’administrateur : les autres formats sont prêts.")),
    "tool_failed": Problem(N_("Un outil du serveur s’est arrêté pendant cette étape."),
                           N_("Relancez l’envoi. Si cela recommence, prévenez l’administrateur avec l’heure et le nom du fichier.")),
    "engine_failed": Problem(N_("Cette étape n’a pas pu se faire."),
                             N_("Relancez l’envoi. Si cela recommence, prévenez l’administrateur avec l’heure et le nom du fichier.")),
    "output_failed": Problem(N_("Ce format n’a pas pu être écrit."), N_("Relancez l’envoi ; si le disque est plein, prévenez l’administrateur.")),
    "language_not_supported": Problem(N_("La langue de ce texte n’est pas prise en charge pour ce format."),
                                      N_("Les autres formats sont prêts ; vérifiez la langue du document.")),
    "braille_unknown_characters": Problem(N_("Certains caractères n’ont pas d’équivalent en braille."),
                                          N_("Relisez le texte braille avant de l’imprimer.")),
    "voice_substituted": Problem(N_("Une autre voix a été utilisée pour l’audio."), N_("Écoutez l’audio avant de le publier.")),
    "partial_audio": Problem(N_("Une partie du texte n’a pas de version audio."), N_("Écoutez l’audio avant de le publier.")),
    "low_memory_plan": Problem(N_("Le document a été traité en mode économe en mémoire (plus lent)."), N_("Rien à faire.")),
    "too_large": Problem(N_("Le document est trop grand pour ce serveur."), N_("Coupez-le en plusieurs fichiers et envoyez-les.")),
    "too_large_for_server": Problem(N_("Le document est trop grand pour ce serveur."), N_("Coupez-le en plusieurs fichiers et envoyez-les.")),
    "timeout": Problem(N_("La conversion a pris trop de temps et a été arrêtée."),
                       N_("Choisissez moins de formats (la vidéo est la plus lente) ou coupez le document, puis renvoyez-le.")),
    "worker_crashed": Problem(N_("Le programme de conversion s’est arrêté."),
                              N_("Relancez l’envoi. Si cela recommence, prévenez l’administrateur avec l’heure et le nom du fichier.")),
    "worker_lost": Problem(N_("La conversion a été interrompue plusieurs fois."), N_("Relancez l’envoi plus tard ; prévenez l’administrateur.")),
    "storage_full": Problem(N_("Le disque du serveur est plein."), N_("Prévenez l’administrateur.")),
    "internal_error": Problem(N_("Une erreur inattendue a arrêté cette étape."),
                              N_("Relancez l’envoi. Si cela recommence, prévenez l’administrateur avec l’heure et le nom du fichier.")),
    "llm_unreachable": Problem(N_("Le service de modèle de langue ne répond pas : le brouillon par règles est gardé."), N_("Rien à faire.")),
}
WARNING_OTHER = Problem(N_("Un point à vérifier a été noté pendant cette étape."), N_("Vérifiez ce format avant de le publier."))
ERROR_OTHER = Problem(N_("Cette étape n’a pas abouti."),
                      N_("Relancez l’envoi. Si cela recommence, prévenez l’administrateur avec l’heure et le nom du fichier."))
DETAILS_FOR_ADMIN = N_("Le détail technique est dans le journal du service, pour l’administrateur.")


def problem(code: str | None, severity: str | None) -> Problem:
    if code and code in PROBLEMS:
        return PROBLEMS[code]
    return WARNING_OTHER if severity == "warning" else ERROR_OTHER
