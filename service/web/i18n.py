"""The interface language of the web pages: choice, gettext catalogues, dates and numbers.

Interface strings live in gettext catalogues (``service/web/locale/<lang>/LC_MESSAGES/messages.po``),
one per interface language, edited with the usual tools (Poedit, Lokalize, Weblate...). The source
text of every message (``msgid``) is its French wording; ``fr/messages.po`` may refine it and
``ar/messages.po`` translates it (Arabic has six plural forms). The ``.po`` files are compiled at
start-up, in memory (a ``messages.mo`` beside a ``.po`` is used instead when it is newer), so a
translator's change needs only a restart. See ``locale/README.md`` and ``python -m service.web.i18n``.

The visitor's choice (cookie ``taysir_lang``) wins, else the browser's ``Accept-Language``, else Arabic.
Dates, numbers and sizes are formatted for the locale by Babel (``ar_MA``, ``fr_MA``: Latin digits,
Moroccan month names), in the council's time zone (``TAYSIR_TIMEZONE``, default Africa/Casablanca).
"""

from __future__ import annotations

import gettext
import io
import os
import sys
from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime, format_timedelta
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

LANGS = ("ar", "fr")
DEFAULT = "ar"
COOKIE = "taysir_lang"
DIRS = {"ar": "rtl", "fr": "ltr", "ary": "rtl", "en": "ltr"}
LOCALES = {"ar": "ar_MA", "fr": "fr_MA"}  # Babel locales: Moroccan month names, Latin digits
SELF_NAMES = {"ar": "العربية", "fr": "Français"}
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:  # noqa: N802 - the gettext convention: marks a message for extraction, translated later
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - marks a message with plural forms (for ngettext later)
    return singular, plural


# languages of documents and tracks, named in the interface language
LANG_NAMES = {"ar": N_("arabe"), "fr": N_("français"), "ary": N_("darija marocaine"), "en": N_("anglais")}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang`` (compiled from the ``.po`` in memory unless a newer ``.mo`` exists)."""
    po = po_path(lang)
    mo = po.with_suffix(".mo")
    if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as f:
            return gettext.GNUTranslations(f)
    with po.open("rb") as f:
        catalog = read_po(f, locale=LOCALES[lang], domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)  # fuzzy entries are left out: they show the French source until a translator confirms them
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def negotiate(cookie: str | None, accept_language: str | None) -> str:
    """The interface language: the cookie, else the best of Accept-Language, else Arabic."""
    if cookie in LANGS:
        return cookie  # type: ignore[return-value]
    best: tuple[float, int, str] | None = None
    for i, part in enumerate((accept_language or "").split(",")):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        primary = tag.split("-")[0]
        if primary in LANGS and q > 0 and (best is None or (q, -i) > (best[0], best[1])):
            best = (q, -i, primary)
    return best[2] if best else DEFAULT


@lru_cache(maxsize=1)
def timezone() -> ZoneInfo:
    try:
        return ZoneInfo(os.environ.get("TAYSIR_TIMEZONE") or "Africa/Casablanca")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


class Translator:
    """Messages, language names, dates and numbers in one interface language (``t`` in templates)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else DEFAULT
        self.locale = LOCALES[self.lang]
        self._tr = translations(self.lang)

    def gettext(self, message: str, **kw: object) -> str:
        text = self._tr.gettext(message)
        return text % kw if kw else text

    def ngettext(self, singular: str, plural: str, n: int, **kw: object) -> str:
        text = self._tr.ngettext(singular, plural, n)
        return text % {"num": self.number(n), **kw}

    __call__ = gettext

    def lang_name(self, code: str | None) -> str:
        if not code:
            return ""
        base = code.split("-")[0]
        return self.gettext(LANG_NAMES[base]) if base in LANG_NAMES else code

    def list(self, items: list[str]) -> str:
        return ("، " if self.lang == "ar" else ", ").join(items)

    # -- numbers, dates, durations, sizes -------------------------------------------------------
    def number(self, n: float | int, digits: int = 1) -> str:
        fmt = "#,##0" if isinstance(n, int) or float(n).is_integer() else "#,##0." + "#" * digits
        return format_decimal(n, format=fmt, locale=self.locale)

    def percent(self, x: float) -> str:
        return format_percent(x, locale=self.locale)

    def when(self, value: float | datetime | None) -> str:
        """A date and time in the council's time zone, in words (``4 دجنبر 2026، 21:45`` / ``4 décembre 2026, 21:45``)."""
        if value is None:
            return ""
        dt = value if isinstance(value, datetime) else datetime.fromtimestamp(value, UTC)
        pattern = "d MMMM y، HH:mm" if self.lang == "ar" else "d MMMM y 'à' HH:mm"
        return format_datetime(dt, pattern, tzinfo=timezone(), locale=self.locale)

    def iso(self, value: float | None) -> str:
        """The machine-readable form for ``<time datetime>``."""
        return datetime.fromtimestamp(value, UTC).isoformat(timespec="seconds") if value is not None else ""

    def duration(self, seconds: float) -> str:
        """``about 2 minutes`` in words (rounded the way a person says it)."""
        return format_timedelta(timedelta(seconds=max(1.0, seconds)), threshold=1.1, locale=self.locale, format="long")

    def size(self, n: int) -> str:
        units = (N_("o"), N_("Ko"), N_("Mo"), N_("Go"))
        value = float(n)
        for i, unit in enumerate(units):
            if value < 1024 or i == len(units) - 1:
                text = self.number(round(value) if i == 0 else round(value, 1))
                return f"{text}\u00a0{self.gettext(unit)}"
            value /= 1024
        return str(n)


# -- the translators' tool -------------------------------------------------------------------------
def _extract() -> list[tuple[str, str | tuple[str, str]]]:
    """Every message of the code and templates as (location, msgid or (singular, plural))."""
    from babel.messages.extract import extract_from_dir

    root = Path(__file__).resolve().parent
    method_map = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
    out = []
    for filename, lineno, message, _comments, _ctx in extract_from_dir(root, method_map, options_map=options,
                                                                       keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "NP_": (1, 2)}):
        out.append((f"{filename}:{lineno}", message if isinstance(message, str) else (message[0], message[1])))
    return out


def template_catalog() -> object:
    """The ``.pot`` of the current code (babel Catalog)."""
    from babel.messages.catalog import Catalog

    cat = Catalog(project="Taysir", domain=DOMAIN, charset="utf-8", fuzzy=False)
    for loc, msg in _extract():
        file, line = loc.rsplit(":", 1)
        cat.add(msg, locations=[(file, int(line))], flags=("python-format",) if "%(" in (msg if isinstance(msg, str) else msg[0]) else ())
    return cat


def missing(lang: str) -> list[str]:
    """Messages of the code that ``lang``'s catalogue does not translate (or only as fuzzy)."""
    with po_path(lang).open("rb") as f:
        catalog = read_po(f, locale=LOCALES[lang])
    out = []
    for _loc, msg in _extract():
        key = msg if isinstance(msg, str) else msg[0]
        entry = catalog.get(key)
        strings = [] if entry is None else ([entry.string] if isinstance(entry.string, str) else list(entry.string or ()))
        if entry is None or entry.fuzzy or not strings or not all(strings):
            out.append(key)
    return sorted(set(out))


def main(argv: list[str] | None = None) -> int:
    """``python -m service.web.i18n update|compile|check``: the catalogues' maintenance.

    * ``update``: extract the messages of the code and templates into ``locale/messages.pot`` and merge
      them into each ``.po`` (new messages come in empty, changed ones marked fuzzy);
    * ``compile``: write ``messages.mo`` beside each ``.po`` (optional: the service compiles at start-up);
    * ``check``: list messages missing from a catalogue (exit 1 when one is missing).
    """
    from babel.messages.pofile import write_po

    cmd = (argv if argv is not None else sys.argv[1:] or ["check"])[0]
    if cmd == "update":
        with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as f:
            write_po(f, template_catalog(), width=100, omit_header=False, sort_output=False)  # type: ignore[arg-type]
        for lang in LANGS:
            with po_path(lang).open("rb") as f:
                cat = read_po(f, locale=LOCALES[lang])
            cat.update(template_catalog(), no_fuzzy_matching=False)  # type: ignore[arg-type]  # a fresh template: update() keeps its objects
            with po_path(lang).open("wb") as f:
                write_po(f, cat, width=100, ignore_obsolete=True)
        return 0
    if cmd == "compile":
        for lang in LANGS:
            with po_path(lang).open("rb") as f:
                cat = read_po(f, locale=LOCALES[lang])
            with po_path(lang).with_suffix(".mo").open("wb") as f:
                write_mo(f, cat)
        return 0
    gaps = {lang: missing(lang) for lang in LANGS}
    for lang, keys in gaps.items():
        for k in keys:
            print(f"{lang}: not translated: {k!r}")
    return 1 if any(gaps.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
