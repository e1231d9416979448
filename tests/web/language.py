"""Is every interface word of a page in the page's language? (reusable by the public pages' tests)

``foreign_words(html)`` reads the page's ``<html lang>`` and returns what a visitor would read that is
not in it: English words and developer tokens (``render.video``, ``M6_darija_rate``), raw ISO dates and
``UTC``, and on an Arabic page any Latin word that is not in the allow-list (format names, brand).

Not interface text, so not checked: ``<script>``/``<style>``, anything inside an element marked
``translate="no"`` (file names, user names, numbers quoted from a document), and anything inside an
element whose ``lang`` is another of the document languages (``ar``, ``fr``, ``ary``: document text,
titles, the other language's name in the language switch). An element marked ``lang="en"`` is checked
like the rest: English is never an interface language.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# words a page may show in any language: format and product names
ALLOW = frozenset(w.casefold() for w in (
    "PDF DOCX ODT HTML HTM EPUB MP3 MP4 WebVTT VTT SRT BRF PEF ZIP JSON Word OpenDocument Unicode Taysir INDH tsr_ LISEZ-MOI".split()))
# English words that are not French words (so a French page may not show them either)
ENGLISH = frozenset("""
the and of to with for from by is are was were be been has have had this that these those it its not no yes or an as at on
failed failure fail error errors warning warnings pending queued running success successful done starting started stage stages
render rendering rendered ingest simplify publish published unpublished review reviewed approve approved draft drafts job jobs
file files number numbers missing kept sentence sentences word words rate gate gates total true false none null unknown
template applies person must translate translation exit unexpected operator details technical segment_id status state
reason reasons mean check checks source_lang needs_review needs_human ok back home upload uploaded download
downloads save saved saving cancel cancelled timeout crashed worker lost server log please try again retry later hint
french arabic english text chromium ffmpeg tesseract pandoc espeak liblouis piper
""".split())
CODE_TOKEN = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+\b")  # render.video, M6_darija_rate, numbers_total
FILE_NAME = re.compile(r"\.(pdf|docx|odt|html?|md|txt|png|jpe?g|tiff?|mp3|mp4|vtt|srt|brf|pef|brl|epub|zip|json)$", re.I)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\bUTC\b")
LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ'’\-]*")
SKIP_TAGS = {"script", "style"}
TEXT_ATTRS = ("aria-label", "title", "alt", "placeholder")
DOC_LANGS = {"ar", "fr", "ary"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.stack: list[bool] = []  # True: this element and its children are not interface text
        self.texts: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.page_lang = (a.get("lang") or "").split("-")[0]
        own = (a.get("lang") or "").split("-")[0]
        skip = self.skipping or tag in SKIP_TAGS or a.get("translate") == "no" or (own in DOC_LANGS and own != self.page_lang)
        if not skip:
            self.texts += [a[k] or "" for k in TEXT_ATTRS if a.get(k)]
            if tag == "input" and a.get("type") in ("submit", "button") and a.get("value"):
                self.texts.append(a["value"] or "")
        if tag not in VOID:
            self.stack.append(skip)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.texts.append(data)


def interface_text(html: str) -> tuple[str, list[str]]:
    """(page language, the texts a visitor reads as the interface)."""
    r = _Reader()
    r.feed(html)
    return r.page_lang, r.texts


def foreign_words(html: str, *, allow: frozenset[str] = ALLOW) -> list[str]:
    """What the page shows outside its language (empty when every interface word is in it)."""
    lang, texts = interface_text(html)
    found: list[str] = []
    for text in texts:
        found += ISO_DATE.findall(text)
        for tok in CODE_TOKEN.findall(text):
            if not FILE_NAME.search(tok) and tok.casefold() not in allow:
                found.append(tok)
        for w in LATIN_WORD.findall(CODE_TOKEN.sub(" ", text)):
            key = w.casefold().strip("'’-")
            if key in allow or not key:
                continue
            if lang == "ar" or key in ENGLISH:
                found.append(w)
    return found


def check_json_texts(values: list[str], lang: str, *, allow: frozenset[str] = ALLOW) -> list[str]:
    """The same check on texts a page script shows (JSON answers)."""
    html = f'<html lang="{lang}"><body>' + "".join(f"<p>{_escape(v)}</p>" for v in values) + "</body></html>"
    return foreign_words(html, allow=allow)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
