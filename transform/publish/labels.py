"""Interface words of the publications, per language (Arabic, Darija, French, English fallback)."""

from __future__ import annotations

from ..model import base_lang

LANG_NAMES = {
    "ar": "العربية",
    "ary": "الدارجة المغربية",
    "fr": "Français",
    "fr-x-falc": "Français facile à lire",
    "en": "English",
}

_LABELS: dict[str, dict[str, str]] = {
    "ar": {
        "page": "الصفحة {n}",
        "pages": "صفحات الوثيقة الأصلية",
        "skip": "انتقل إلى المحتوى",
        "toc": "المحتويات",
        "versions": "نسخ أخرى من هذه الوثيقة",
        "figure": "صورة:",
        "glossary": "شرح الكلمات",
        "draft": "هذه نسخة أنتجتها الآلة، ويجب أن يراجعها شخص قبل نشرها.",
        "original": "النص الأصلي",
        "listen": "الاستماع إلى القراءة الصوتية",
        "made_by": "أنتج برنامج تيسير هذه الوثيقة انطلاقا من الملف «{source}».",
        "landmarks": "معالم الكتاب",
        "start": "بداية المحتوى",
        "summary": "كتاب نصي منظم بعناوين حقيقية وجدول محتويات، وكل صورة لها وصف نصي، والجداول لها خلايا عناوين.",
        "summary_audio": " وفيه قراءة صوتية متزامنة مع النص، جملة بجملة.",
    },
    "ary": {
        "page": "الصفحة {n}",
        "pages": "الصفحات ديال الوثيقة الأصلية",
        "skip": "دوز للمحتوى",
        "toc": "المحتويات",
        "versions": "نسخ خرين ديال هاد الوثيقة",
        "figure": "تصويرة:",
        "glossary": "شرح الكلمات",
        "draft": "هاد النسخة كتباتها الآلة، وخاص شي واحد يراجعها قبل ما تنشر.",
        "original": "النص الأصلي",
        "listen": "سمع القراية",
        "made_by": "تيسير صاوب هاد الوثيقة من الملف «{source}».",
        "landmarks": "معالم الكتاب",
        "start": "بداية المحتوى",
        "summary": "كتاب فيه عناوين حقيقية وفهرس، وكل تصويرة عندها وصف بالكتابة، والجداول فيهم خانات ديال العناوين.",
        "summary_audio": " وفيه قراية بالصوت ماشية مع الكتابة، جملة بجملة.",
    },
    "fr": {
        "page": "Page {n}",
        "pages": "Pages du document d'origine",
        "skip": "Aller au contenu",
        "toc": "Sommaire",
        "versions": "Autres versions de ce document",
        "figure": "Image :",
        "glossary": "Mots expliqués",
        "draft": "Cette version a été produite par une machine. Une personne doit la relire avant de la publier.",
        "original": "Texte d'origine",
        "listen": "Écouter la lecture",
        "made_by": "Document produit par Taysir à partir du fichier « {source} ».",
        "landmarks": "Repères",
        "start": "Début du contenu",
        "summary": "Livre textuel structuré avec de vrais titres et un sommaire ; chaque image a une description textuelle et les tableaux ont des cellules d'en-tête.",
        "summary_audio": " Une lecture audio est synchronisée avec le texte, phrase par phrase.",
    },
    "en": {
        "page": "Page {n}",
        "pages": "Pages of the original document",
        "skip": "Skip to content",
        "toc": "Contents",
        "versions": "Other versions of this document",
        "figure": "Image:",
        "glossary": "Words explained",
        "draft": "A machine produced this version. A person must review it before it is published.",
        "original": "Original text",
        "listen": "Listen to the narration",
        "made_by": "Produced by Taysir from the file “{source}”.",
        "landmarks": "Landmarks",
        "start": "Start of content",
        "summary": "Structured text book with real headings and a table of contents; every image has a text description and tables have header cells.",
        "summary_audio": " Audio narration is synchronised with the text, sentence by sentence.",
    },
}


def label_lang(lang: str) -> str:
    """The label set used for a language tag (``ary`` keeps its own, ``ar-MA`` -> ``ar``)."""
    if lang in _LABELS:
        return lang
    base = base_lang(lang) or "en"
    return base if base in _LABELS else "en"


def label(lang: str, key: str, **fmt: str) -> str:
    text = _LABELS[label_lang(lang)][key]
    return text.format(**fmt) if fmt else text


def lang_name(lang: str) -> str:
    return LANG_NAMES.get(lang) or LANG_NAMES.get(base_lang(lang) or "", lang)
