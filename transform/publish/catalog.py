"""What each kind of output file is, in plain Arabic and French, for the bundle's index and manifest."""

from __future__ import annotations

from dataclasses import dataclass

# extension -> role when the renderer that wrote the file is not known
ROLE_BY_EXT = {
    ".json": "json",
    ".txt": "text",
    ".md": "text",
    ".brl": "braille",
    ".brf": "braille",
    ".pef": "braille",
    ".mp3": "audio",
    ".opus": "audio",
    ".m4a": "audio",
    ".srt": "captions",
    ".vtt": "captions",
    ".ass": "captions",
    ".mp4": "video",
    ".html": "html",
    ".epub": "epub",
    ".docx": "docx",
    ".pdf": "pdf",
}


@dataclass(frozen=True)
class Explanation:
    ar: str
    fr: str


# keyed by extension first (more precise), then by role
BY_EXT: dict[str, Explanation] = {
    ".html": Explanation(
        "صفحة ويب منظمة بعناوين. تفتح في أي متصفح، وتقرأ بقارئ الشاشة، ويمكن تكبير حروفها.",
        "Page web avec de vrais titres. Elle s'ouvre dans tout navigateur, se lit avec un lecteur d'écran et le texte peut être agrandi.",
    ),
    ".epub": Explanation(
        "كتاب إلكتروني (EPUB 3) فيه فهرس. إذا كانت فيه قراءة صوتية، تتلون كل جملة وهي تقرأ. يفتح بتطبيق مثل Thorium.",
        "Livre numérique (EPUB 3) avec sommaire. S'il contient la lecture audio, chaque phrase est surlignée pendant qu'on l'entend. S'ouvre avec une application comme Thorium.",
    ),
    ".docx": Explanation(
        "ملف Word يمكن تعديله، بعناوين حقيقية.",
        "Document Word modifiable, avec de vrais titres.",
    ),
    ".mp3": Explanation(
        "قراءة صوتية للوثيقة (MP3)، مقسمة إلى فصول عند كل عنوان.",
        "Lecture audio du document (MP3), découpée en chapitres à chaque titre.",
    ),
    ".opus": Explanation("قراءة صوتية للوثيقة (Opus).", "Lecture audio du document (Opus)."),
    ".m4a": Explanation("قراءة صوتية للوثيقة (M4A).", "Lecture audio du document (M4A)."),
    ".srt": Explanation(
        "ترجمة مكتوبة للقراءة الصوتية، مع التوقيت (SRT).",
        "Sous-titres de la lecture audio, avec les temps (SRT).",
    ),
    ".vtt": Explanation(
        "ترجمة مكتوبة للقراءة الصوتية، مع التوقيت (WebVTT، للويب).",
        "Sous-titres de la lecture audio, avec les temps (WebVTT, pour le web).",
    ),
    ".ass": Explanation("ترجمة مكتوبة منسقة للفيديو (ASS).", "Sous-titres mis en forme pour la vidéo (ASS)."),
    ".mp4": Explanation(
        "فيديو فيه الترجمة المكتوبة ومكان لمترجم لغة الإشارة.",
        "Vidéo avec sous-titres et une place pour l'interprète en langue des signes.",
    ),
    ".brf": Explanation(
        "نص بطريقة برايل للطابعة البارزة (BRF).",
        "Texte en braille pour une embosseuse (BRF).",
    ),
    ".pef": Explanation(
        "نص بطريقة برايل بصيغة PEF، مقسم إلى صفحات.",
        "Texte en braille au format PEF, découpé en pages.",
    ),
    ".brl": Explanation(
        "نص بطريقة برايل للقراءة على سطر برايل أو على الشاشة.",
        "Texte en braille à lire sur une plage braille ou à l'écran.",
    ),
    ".txt": Explanation("النص وحده، بدون تنسيق.", "Le texte seul, sans mise en forme."),
    ".md": Explanation(
        "النص مع علامات بسيطة للعناوين (Markdown).", "Le texte avec des marques simples pour les titres (Markdown)."
    ),
    ".json": Explanation(
        "نسخة تقنية من الوثيقة للمبرمجين (JSON).",
        "Version technique du document, pour les informaticiens (JSON).",
    ),
    ".pdf": Explanation("ملف PDF.", "Fichier PDF."),
}

# name patterns checked before the extension (files of the simplification review workflow)
BY_PATTERN: list[tuple[str, str, Explanation]] = [
    (
        ".quality.",
        "quality-report",
        Explanation(
            "تقرير الجودة للنسخة المبسطة: الأرقام المحفوظة، طول الجمل، الكلمات المشروحة.",
            "Rapport de qualité de la version simplifiée : nombres gardés, longueur des phrases, mots expliqués.",
        ),
    ),
    (
        ".draft.",
        "draft",
        Explanation(
            "مسودة النسخة المبسطة (JSON) لمسار المراجعة.",
            "Brouillon de la version simplifiée (JSON), pour la relecture.",
        ),
    ),
    (
        ".review.",
        "review",
        Explanation(
            "ملف المراجعة: يصحح فيه شخص النص المبسط قبل النشر.",
            "Fichier de relecture : une personne y corrige le texte simplifié avant publication.",
        ),
    ),
    (
        "translation-tasks",
        "translation-tasks",
        Explanation(
            "جمل يجب أن يترجمها شخص.",
            "Phrases qu'une personne doit traduire.",
        ),
    ),
]

OTHER = Explanation("ملف آخر أنتجه التحويل.", "Autre fichier produit par la conversion.")
INDEX = Explanation("هذه الصفحة: شرح كل ملف في الحزمة.", "Cette page : elle explique chaque fichier du paquet.")
MANIFEST = Explanation(
    "قائمة تقنية بكل الملفات مع بصمة كل ملف (SHA-256) للتأكد من أنه لم يتغير.",
    "Liste technique de tous les fichiers, avec l'empreinte de chacun (SHA-256) pour vérifier qu'il n'a pas changé.",
)

LANG_IN = {
    "ar": {
        "ar": "العربية",
        "ary": "الدارجة المغربية",
        "fr": "الفرنسية",
        "fr-x-falc": "الفرنسية المبسطة",
        "en": "الإنجليزية",
        None: "—",
    },
    "fr": {
        "ar": "arabe",
        "ary": "darija (arabe marocain)",
        "fr": "français",
        "fr-x-falc": "français facile à lire",
        "en": "anglais",
        None: "—",
    },
}


def explain(name: str, role: str) -> Explanation:
    if name == "index.html":
        return INDEX
    if name == "manifest.json":
        return MANIFEST
    for pattern, _, exp in BY_PATTERN:
        if pattern in name:
            return exp
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return BY_EXT.get(ext) or OTHER


def lang_label(ui: str, lang: str | None) -> str:
    names = LANG_IN[ui]
    return names.get(lang, lang or "—")


def role_for(name: str) -> str:
    for pattern, role, _ in BY_PATTERN:
        if pattern in name:
            return role
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return ROLE_BY_EXT.get(ext, "other")
